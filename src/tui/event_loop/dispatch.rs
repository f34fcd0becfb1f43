//! One event to the app: the question asked at quit takes its answers, and `Ctrl-Z`
//! suspends the reader here, in the terminal layer ([`suspend`]).

use ratatui::crossterm::event::{Event, KeyEvent};

use super::Pending;
use crate::action::Action;
use crate::app::{App, QuitAnswer};
use crate::tui::{keymap, suspend};

/// Acts on `event` as the app stands; true when what is drawn may have changed.
pub(super) fn event(app: &mut App, pending: &mut Pending, event: &Event) -> bool {
    if app.quit_question().is_some()
        && let Event::Key(key) = event
    {
        let Some(answer) = quit_answer(key) else {
            return false;
        };
        app.answer_quit(answer);
        return true;
    }
    match keymap::action_in(app, event) {
        Some(Action::Suspend) => {
            if suspend::suspend() {
                // Back from the shell: every cell drawn afresh.
                pending.repaint = true;
            } else {
                app.say_not_suspended();
            }
            true
        }
        Some(action) => {
            pending.add(app.update(action));
            true
        }
        None => false,
    }
}

/// The answer a key gives to the question asked when the marks could not be saved at quit
/// (the core's table, `keys::quit_answer`); other keys do nothing.
fn quit_answer(key: &KeyEvent) -> Option<QuitAnswer> {
    crate::keys::quit_answer(keymap::key_of(key)?)
}
