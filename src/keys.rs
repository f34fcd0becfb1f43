//! Keys with no terminal in sight: kanbao's own [`Key`], the contexts a key can mean
//! something in, the one key table ([`BINDINGS`]) mapping keys to `Action`s, and what is
//! made from that table: the `?` help and the status bar's hints, so neither can drift from
//! what the keys do. The terminal layer (`tui::keymap`) only turns its events into `Key`s.

mod help;
mod hints;
mod question;
mod table;
mod user;

use crate::action::Action;
use crate::i18n::{Lang, Msg};

pub use help::{help_lines, help_rows};
pub use hints::{Hint, hints, keys_for};
pub use question::{QuitAnswer, quit_answer, quit_hints};
pub use table::BINDINGS;
pub use user::{UserBinding, key_of, set_user_bindings};

/// Which key table applies now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// The list has the focus.
    List,
    /// The reader has the focus.
    Reader,
    /// The search prompt is open.
    Search,
    /// The district picker is open.
    Picker,
    /// The help is open.
    Help,
    /// The note editor is open (issue 14).
    Note,
    /// The tag picker is open (issue 14).
    Tags,
}

/// Every context, in the order the help lists them.
pub const CONTEXTS: [Context; 7] = [
    Context::List,
    Context::Reader,
    Context::Search,
    Context::Picker,
    Context::Help,
    Context::Note,
    Context::Tags,
];

/// A key without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyName {
    /// A printable character (`j`, `G`, `?`; `space` is `Char(' ')`).
    Char(char),
    /// Enter (Return).
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift-Tab (the terminal's back tab).
    BackTab,
    /// Backspace.
    Backspace,
    /// Delete (forward).
    Delete,
    /// Insert.
    Insert,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Home.
    Home,
    /// End.
    End,
    /// Page Up.
    PageUp,
    /// Page Down.
    PageDown,
    /// A function key, F1 to F12.
    F(u8),
}

/// A key as pressed, or as a row of the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A key, with no modifier but Shift.
    Code(KeyName),
    /// A letter with Control held (`Ctrl-C`), always lower case here.
    Ctrl(char),
    /// Any other key with Control held (`Ctrl-←`).
    CtrlKey(KeyName),
    /// A key with Alt (Meta) held: `Alt-b`, `Alt-Backspace`.
    Alt(KeyName),
    /// Any printable text (the prompt); only in the table, never pressed.
    Text,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Where {
    /// Everywhere, even while the prompt, picker or help is open (`Ctrl-C`).
    Always,
    /// In the list and in the reader (not while the prompt, picker or help is open).
    Anywhere,
    /// In one context.
    In(Context),
}

impl Where {
    /// The contexts this place covers.
    pub fn contexts(self) -> &'static [Context] {
        match self {
            Where::Always => &CONTEXTS,
            Where::Anywhere => &[Context::List, Context::Reader],
            Where::In(Context::List) => &[Context::List],
            Where::In(Context::Reader) => &[Context::Reader],
            Where::In(Context::Search) => &[Context::Search],
            Where::In(Context::Picker) => &[Context::Picker],
            Where::In(Context::Help) => &[Context::Help],
            Where::In(Context::Note) => &[Context::Note],
            Where::In(Context::Tags) => &[Context::Tags],
        }
    }

    /// True when a binding made here applies in `context`.
    pub fn covers(self, context: Context) -> bool {
        self.contexts().contains(&context)
    }
}

/// One row: where, which key, what it does, and what the help says.
#[derive(Debug)]
pub struct Binding {
    /// Where it applies.
    pub place: Where,
    /// The key.
    pub key: Key,
    /// What it does (for `Key::Text`, the typed text fills `SearchInput`).
    pub action: Action,
    /// The help line.
    pub help: Msg,
}

/// True when `key` is always text in `context`, whatever the config file binds: in the
/// search prompt and the note editor every printable key, space included (a query or a note
/// may hold any character, and none may be lost to a binding); in the tag picker a printable
/// key other than white space (`j`, `G`, `-`, `标`: Space toggles a tag), for a tag may be
/// typed in pinyin and no letter of it may be lost to a move, as in fzf. The config file
/// refuses such a binding (`config::ConfigProblem::TextKey`) rather than ignore it.
pub fn is_text(context: Context, key: Key) -> bool {
    let Key::Code(KeyName::Char(c)) = key else {
        return false;
    };
    match context {
        Context::Search | Context::Note => true,
        Context::Tags => !c.is_whitespace(),
        _ => false,
    }
}

/// What `pressed` does in `context`: the user's binding if they made one there (but for a
/// key that [`is_text`] there), else the table's first row for it; printable keys in the
/// prompt become text.
pub fn action_for(context: Context, pressed: Key) -> Option<Action> {
    if !is_text(context, pressed)
        && let Some(action) = user::user_action(context, pressed)
    {
        return action;
    }
    for b in BINDINGS.iter().filter(|b| b.place.covers(context)) {
        match (b.key, pressed) {
            (Key::Text, Key::Code(KeyName::Char(c))) => {
                return Some(Action::SearchInput(c.to_string()));
            }
            (k, p) if k == p => return Some(b.action.clone()),
            _ => {}
        }
    }
    None
}

/// A key's name as the help and the status bar show it.
pub fn key_label(key: Key, lang: Lang) -> String {
    match key {
        Key::Text => Msg::KeyText.text(lang).to_string(),
        Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        Key::CtrlKey(code) => format!("Ctrl-{}", key_label(Key::Code(code), lang)),
        Key::Alt(code) => format!("Alt-{}", key_label(Key::Code(code), lang)),
        Key::Code(code) => match code {
            KeyName::Char(' ') => Msg::KeySpace.text(lang).to_string(),
            KeyName::Char(c) => c.to_string(),
            KeyName::Enter => "Enter".into(),
            KeyName::Esc => "Esc".into(),
            KeyName::Tab => "Tab".into(),
            KeyName::BackTab => "Shift-Tab".into(),
            KeyName::Backspace => "Backspace".into(),
            KeyName::Delete => "Delete".into(),
            KeyName::Up => "↑".into(),
            KeyName::Down => "↓".into(),
            KeyName::Left => "←".into(),
            KeyName::Right => "→".into(),
            KeyName::Home => "Home".into(),
            KeyName::End => "End".into(),
            KeyName::PageUp => "PgUp".into(),
            KeyName::PageDown => "PgDn".into(),
            KeyName::Insert => "Insert".into(),
            KeyName::F(n) => format!("F{n}"),
        },
    }
}

/// True for a binding that does something only while list and reader are side by side:
/// `Tab`, and `]` `[` in the list (they move the selection the preview follows).
pub fn only_side_by_side(b: &Binding) -> bool {
    b.action == Action::ToggleFocus
        || (b.place == Where::In(Context::List)
            && matches!(b.action, Action::NextArticle | Action::PrevArticle))
}

#[cfg(test)]
mod tests;
