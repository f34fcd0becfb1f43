//! One event to the app: `Esc` and a key that came as one Alt key are taken one after the
//! other ([`keymap::split_escape`]), the question asked at quit takes its answers, and
//! `Ctrl-Z` suspends the reader here, in the terminal layer ([`suspend`](mod@suspend)), the question
//! included.

use ratatui::crossterm::event::{Event, KeyEvent};

use super::Pending;
use crate::action::Action;
use crate::app::{App, QuitAnswer};
use crate::tui::{keymap, suspend};

/// Acts on `event` as the app stands; true when what is drawn may have changed.
pub(super) fn event(app: &mut App, pending: &mut Pending, event: &Event) -> bool {
    if let Some([esc, key]) = keymap::split_escape(app, event) {
        let first = self::event(app, pending, &esc);
        return self::event(app, pending, &key) || first;
    }
    if app.quit_question().is_some()
        && let Event::Key(key) = event
    {
        if let Some(answer) = quit_answer(key) {
            app.answer_quit(answer);
            return true;
        }
        // `Ctrl-Z` suspends here too; other keys leave the question waiting.
        if keymap::action_in(app, event) == Some(Action::Suspend) {
            return self::suspend(app, pending);
        }
        return app.key_at_question();
    }
    match keymap::action_in(app, event) {
        Some(Action::Suspend) => self::suspend(app, pending),
        Some(action) => {
            pending.add(app.update(action));
            true
        }
        None => false,
    }
}

/// `Ctrl-Z` (or the key bound to `suspend`): suspends the reader, or says why it cannot.
fn suspend(app: &mut App, pending: &mut Pending) -> bool {
    if suspend::suspend() {
        // Back from the shell: every cell drawn afresh.
        pending.repaint = true;
    } else {
        app.say_not_suspended();
    }
    true
}

/// The answer a key gives to the question asked when the marks could not be saved at quit
/// (the core's table, `keys::quit_answer`); other keys do nothing.
fn quit_answer(key: &KeyEvent) -> Option<QuitAnswer> {
    crate::keys::quit_answer(keymap::key_of(key)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Mode, Options};
    use crate::load::load_bundled;
    use crate::state::StateStore;
    use crate::tui::input::parse::Parser;

    fn bundled() -> App {
        let bundled = load_bundled().expect("the bundled page");
        let opts = Options {
            source: "test".into(),
            ..Options::default()
        };
        let mut app = App::new(bundled, StateStore::disabled(), Vec::new(), opts);
        app.update(Action::Resize(80, 24));
        app
    }

    /// `bytes` as one read of the terminal, each event acted on as the loop acts on it.
    fn read(app: &mut App, bytes: &[u8]) {
        let mut parser = Parser::default();
        parser.feed(bytes);
        parser.end_of_input();
        let mut pending = Pending::default();
        while let Some(e) = parser.next_event() {
            event(app, &mut pending, &e);
        }
    }

    fn in_prompt(app: &App) -> bool {
        matches!(app.mode(), Mode::Search { .. })
    }

    /// `Esc j` in one read (SSH batching keys, `tmux send-keys Escape j`) in the search
    /// prompt: it closes (dropping the query, as `Esc` does) and `j` moves down the list.
    /// It was taken as Alt-j, which means nothing there: the prompt stayed open.
    #[test]
    fn esc_and_a_key_in_one_read_are_esc_then_the_key() {
        let mut app = bundled();
        read(&mut app, b"/");
        read(&mut app, b"abc");
        assert!(in_prompt(&app));
        assert_eq!(app.query_text(), "abc");
        read(&mut app, b"\x1bj");
        assert!(!in_prompt(&app), "{:?}", app.mode());
        assert_eq!(app.query_text(), "");
        assert_eq!(app.selected(), 1);
        // In the list `Esc q`: Esc clears the filters, then q quits.
        read(&mut app, b"\x1bq");
        assert!(app.should_quit());
    }

    /// In the tag picker, where every letter is text, `Esc q` closes the picker and quits:
    /// the `q` does not start a new tag.
    #[test]
    fn esc_and_a_letter_close_the_tag_picker() {
        let mut app = bundled();
        read(&mut app, b"+");
        assert!(matches!(app.mode(), Mode::Tags(_)), "{:?}", app.mode());
        read(&mut app, b"\x1bq");
        assert!(app.should_quit(), "{:?}", app.mode());
    }

    /// `Esc` and `Ctrl-C` in one read: Esc, then Ctrl-C quits (as Alt-Ctrl-C it was dropped).
    #[test]
    fn esc_and_ctrl_c_in_one_read_quit() {
        let mut app = bundled();
        read(&mut app, b"/ab");
        read(&mut app, b"\x1b\x03");
        assert!(app.should_quit());
    }

    /// Alt chords that mean something where they are pressed stay Alt: `Alt-b` and
    /// `Alt-Backspace` in the prompt, any the config file binds, and Alt with an arrow
    /// (one sequence with its modifiers, never `ESC` and a key).
    #[test]
    fn alt_chords_that_mean_something_stay_alt() {
        let mut app = bundled();
        read(&mut app, b"/ab cd");
        read(&mut app, b"\x1bb");
        assert!(in_prompt(&app));
        read(&mut app, b"\x1b\x7f");
        assert!(in_prompt(&app));
        assert_eq!(app.query_text(), "cd");
        read(&mut app, b"\x1b[1;3A");
        assert!(in_prompt(&app));
        assert_eq!(app.query_text(), "cd");

        let config = "[keys.list]\n\"alt-j\" = \"move_down\"\n";
        let layer =
            crate::config::parse(config, std::path::Path::new("c.toml")).expect("a good config");
        crate::keys::set_user_bindings(&layer.keys);
        let mut app = bundled();
        read(&mut app, b"/gonghui\r");
        assert_eq!(app.selected(), 0);
        read(&mut app, b"\x1bj");
        crate::keys::set_user_bindings(&[]);
        // Moved down, and the search is kept: no Esc cleared it.
        assert_eq!(app.selected(), 1);
        assert_eq!(app.query_text(), "gonghui");
    }
}
