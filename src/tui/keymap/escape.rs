//! `Esc` and another key in one read. A terminal sends Alt-x as `ESC x`, so `Esc` followed
//! at once by `x` (typed fast over SSH, which sends keystrokes in batches, or sent by `tmux
//! send-keys Escape x`) reads as Alt-x. Where Alt with that key means nothing, it is taken
//! for what was typed: `Esc`, then the key, each in the mode it finds (`Esc j` in the search
//! prompt closes it, then moves down the list), as vim and less take them once their escape
//! timeout is past. Alt chords that mean something where they are pressed (`Alt-b`,
//! `Alt-f`, `Alt-Backspace` in the prompt and the note editor, and any the config file
//! binds) stay what they are.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::action_in;
use crate::app::App;

/// `Esc` and the key without Alt, for an Alt key that a terminal sends as `ESC` and the
/// key, where Alt with that key does nothing in `app`'s mode; `None` for any other event.
/// An arrow, a function key or `Home` with Alt comes as one sequence with its modifiers,
/// never as `ESC` and a key: it is Alt for sure, and stays so.
pub fn split_escape(app: &App, event: &Event) -> Option<[Event; 2]> {
    let Event::Key(key) = event else {
        return None;
    };
    let prefixed = matches!(
        key.code,
        KeyCode::Char(_) | KeyCode::Enter | KeyCode::Tab | KeyCode::Backspace
    );
    if !key.modifiers.contains(KeyModifiers::ALT) || !prefixed || action_in(app, event).is_some() {
        return None;
    }
    let mut plain = *key;
    plain.modifiers.remove(KeyModifiers::ALT);
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    Some([Event::Key(esc), Event::Key(plain)])
}
