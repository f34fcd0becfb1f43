//! Terminal events to `Action`s: a key becomes kanbao's own [`Key`] and the core's key
//! table (`crate::keys`) says what it does; a paste, a resize and the mouse map directly.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

mod escape;

use crate::action::Action;
use crate::app::App;
use crate::keys::{self, Context, Key, KeyName};

pub use escape::split_escape;

/// The action for a terminal event as the app stands: [`action_for`] in its context. In
/// the tag picker a printable key other than `Space` is always text, whatever the cursor is
/// on and whatever the config binds (`keys::is_text`); the arrows, `Ctrl-N`/`Ctrl-P`,
/// `Tab` and `Shift-Tab` move, and `Space`, `Enter`, `Esc` keep their meaning.
pub fn action_in(app: &App, event: &Event) -> Option<Action> {
    action_for(app.context(), event)
}

/// The action for a terminal event in `context`, if any.
pub fn action_for(context: Context, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => keys::action_for(context, key_of(key)?),
        Event::Paste(text) => Some(Action::SearchInput(text.clone())),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::ScrollDown(mouse.column, mouse.row)),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp(mouse.column, mouse.row)),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(mouse.column, mouse.row)),
            _ => None,
        },
        _ => None,
    }
}

/// kanbao's key for a key press: `None` for a release, a key kanbao has no name for, or
/// a chord of several modifiers.
pub fn key_of(key: &KeyEvent) -> Option<Key> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let name = match name_of(key.code)? {
        // Shift-Tab comes as back tab from most terminals, as Tab with Shift from some.
        KeyName::Tab if key.modifiers.contains(KeyModifiers::SHIFT) => KeyName::BackTab,
        name => name,
    };
    let mods = key.modifiers - KeyModifiers::SHIFT;
    if mods == KeyModifiers::CONTROL {
        Some(match name {
            KeyName::Char(c) => Key::Ctrl(c.to_ascii_lowercase()),
            other => Key::CtrlKey(other),
        })
    } else if mods == KeyModifiers::ALT {
        Some(Key::Alt(name))
    } else if mods.is_empty() {
        Some(Key::Code(name))
    } else {
        None
    }
}

fn name_of(code: KeyCode) -> Option<KeyName> {
    Some(match code {
        KeyCode::Char(c) => KeyName::Char(c),
        KeyCode::Enter => KeyName::Enter,
        KeyCode::Esc => KeyName::Esc,
        KeyCode::Tab => KeyName::Tab,
        KeyCode::BackTab => KeyName::BackTab,
        KeyCode::Backspace => KeyName::Backspace,
        KeyCode::Delete => KeyName::Delete,
        KeyCode::Insert => KeyName::Insert,
        KeyCode::Up => KeyName::Up,
        KeyCode::Down => KeyName::Down,
        KeyCode::Left => KeyName::Left,
        KeyCode::Right => KeyName::Right,
        KeyCode::Home => KeyName::Home,
        KeyCode::End => KeyName::End,
        KeyCode::PageUp => KeyName::PageUp,
        KeyCode::PageDown => KeyName::PageDown,
        KeyCode::F(n) => KeyName::F(n),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, mods))
    }

    #[test]
    fn keys_reach_the_core_table() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            action_for(Context::List, &press(KeyCode::Char('q'), none)),
            Some(Action::Quit)
        );
        // Shift is in the character; Control keeps letters lower case.
        assert_eq!(
            action_for(
                Context::List,
                &press(KeyCode::Char('G'), KeyModifiers::SHIFT)
            ),
            Some(Action::Bottom)
        );
        assert_eq!(
            action_for(
                Context::List,
                &press(KeyCode::Char('C'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for(
                Context::Search,
                &press(KeyCode::Left, KeyModifiers::CONTROL)
            ),
            Some(Action::SearchWordLeft)
        );
        assert_eq!(
            action_for(
                Context::Search,
                &press(KeyCode::Backspace, KeyModifiers::ALT)
            ),
            Some(Action::SearchDeleteWord)
        );
        let both = KeyModifiers::CONTROL | KeyModifiers::ALT;
        assert_eq!(
            action_for(Context::List, &press(KeyCode::Char('q'), both)),
            None
        );
        assert_eq!(
            action_for(Context::List, &press(KeyCode::CapsLock, none)),
            None
        );
        let mut release = KeyEvent::new(KeyCode::Char('q'), none);
        release.kind = KeyEventKind::Release;
        assert_eq!(action_for(Context::List, &Event::Key(release)), None);
    }

    #[test]
    fn pastes_resizes_and_the_mouse_map_directly() {
        assert_eq!(
            action_for(Context::Search, &Event::Paste("工会".into())),
            Some(Action::SearchInput("工会".into()))
        );
        assert_eq!(
            action_for(Context::List, &Event::Resize(80, 24)),
            Some(Action::Resize(80, 24))
        );
    }
}
