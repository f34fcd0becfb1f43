//! Keys and actions as the config file names them, with no terminal in sight: `"ctrl-d"`,
//! `"J"`, `"space"`, `"pagedown"`, and actions by their snake_case names (`half_page_down`).
//! [`crate::keys::key_of`] turns a [`Chord`] into the key table's [`Key`](crate::keys::Key).

use std::fmt;

use crate::action::Action;
use crate::keys::Context;
pub use crate::keys::KeyName;

/// A key with its modifiers, as a binding in the config file names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Chord {
    /// Control held.
    pub ctrl: bool,
    /// Alt (Meta) held.
    pub alt: bool,
    /// The key. With Control held a letter is kept lower case: `ctrl-D` is `ctrl-d`.
    pub key: KeyName,
}

/// The named keys, in the order the template lists them (the first of each is the name
/// [`Chord`]'s `Display` uses).
const NAMES: &[(&str, KeyName)] = &[
    ("space", KeyName::Char(' ')),
    ("enter", KeyName::Enter),
    ("return", KeyName::Enter),
    ("esc", KeyName::Esc),
    ("escape", KeyName::Esc),
    ("tab", KeyName::Tab),
    ("shift-tab", KeyName::BackTab),
    ("backtab", KeyName::BackTab),
    ("backspace", KeyName::Backspace),
    ("delete", KeyName::Delete),
    ("del", KeyName::Delete),
    ("insert", KeyName::Insert),
    ("up", KeyName::Up),
    ("down", KeyName::Down),
    ("left", KeyName::Left),
    ("right", KeyName::Right),
    ("home", KeyName::Home),
    ("end", KeyName::End),
    ("pageup", KeyName::PageUp),
    ("pgup", KeyName::PageUp),
    ("pagedown", KeyName::PageDown),
    ("pgdn", KeyName::PageDown),
];

impl Chord {
    /// Parses `"ctrl-d"`, `"alt-backspace"`, `"G"`, `"space"`, `"f5"`, `"-"`. Modifier and
    /// key names are case-insensitive; a single character is taken as typed (`G` is
    /// Shift-g). `None` when it names no key (or both Control and Alt).
    pub fn parse(text: &str) -> Option<Chord> {
        let mut rest = text;
        let (mut ctrl, mut alt) = (false, false);
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 1 && lower.starts_with("ctrl-") && !ctrl {
                ctrl = true;
                rest = &rest[5..];
            } else if rest.chars().count() > 1 && lower.starts_with("alt-") && !alt {
                alt = true;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        if ctrl && alt {
            return None;
        }
        let mut chars = rest.chars();
        let key = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() && c != ' ' => KeyName::Char(c),
            _ => named(&rest.to_ascii_lowercase())?,
        };
        let key = match key {
            KeyName::Char(c) if ctrl => KeyName::Char(c.to_ascii_lowercase()),
            other => other,
        };
        Some(Chord { ctrl, alt, key })
    }
}

fn named(lower: &str) -> Option<KeyName> {
    if let Some(&(_, key)) = NAMES.iter().find(|(n, _)| *n == lower) {
        return Some(key);
    }
    let n: u8 = lower.strip_prefix('f')?.parse().ok()?;
    (1..=12).contains(&n).then_some(KeyName::F(n))
}

impl fmt::Display for Chord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        match self.key {
            KeyName::Char(' ') => f.write_str("space"),
            KeyName::Char(c) => write!(f, "{c}"),
            KeyName::F(n) => write!(f, "f{n}"),
            other => {
                let name = NAMES.iter().find(|(_, k)| *k == other).map(|(n, _)| *n);
                f.write_str(name.unwrap_or("?"))
            }
        }
    }
}

/// The modes a binding can be made in, as `[keys.<mode>]` names them.
pub const MODES: &[(&str, Context)] = &[
    ("list", Context::List),
    ("reader", Context::Reader),
    ("search", Context::Search),
    ("picker", Context::Picker),
    ("help", Context::Help),
    ("note", Context::Note),
    ("tags", Context::Tags),
];

/// `ctrl-c`, which quits from every mode and cannot be bound to anything else: a config
/// file must never leave the reader with no way out.
pub const CTRL_C: Chord = Chord {
    ctrl: true,
    alt: false,
    key: KeyName::Char('c'),
};

/// The action that unbinds a key: `"q" = "none"` makes `q` do nothing in that mode.
pub const NONE: &str = "none";

/// Every action a key can be bound to, by its name in the config file.
pub const ACTIONS: &[(&str, Action)] = &[
    ("quit", Action::Quit),
    ("help", Action::Help),
    ("redraw", Action::Redraw),
    ("suspend", Action::Suspend),
    ("toggle_focus", Action::ToggleFocus),
    ("move_down", Action::MoveDown),
    ("move_up", Action::MoveUp),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("next_page", Action::NextPage),
    ("prev_page", Action::PrevPage),
    ("half_page_down", Action::HalfPageDown),
    ("half_page_up", Action::HalfPageUp),
    ("line_down", Action::LineDown),
    ("line_up", Action::LineUp),
    ("first_page", Action::FirstPage),
    ("last_page", Action::LastPage),
    ("next_article", Action::NextArticle),
    ("prev_article", Action::PrevArticle),
    ("next_match", Action::NextMatch),
    ("prev_match", Action::PrevMatch),
    ("open", Action::Open),
    ("back", Action::Back),
    ("open_search", Action::OpenSearch),
    ("open_picker", Action::OpenPicker),
    ("clear_filters", Action::ClearFilters),
    ("toggle_bookmark", Action::ToggleBookmark),
    ("toggle_read", Action::ToggleRead),
    ("toggle_sort", Action::ToggleSort),
    ("open_date_prompt", Action::OpenDatePrompt),
    ("open_timeline", Action::OpenTimeline),
    ("search_backspace", Action::SearchBackspace),
    ("search_delete", Action::SearchDelete),
    ("search_delete_word", Action::SearchDeleteWord),
    ("search_clear_to_start", Action::SearchClearToStart),
    ("search_clear_to_end", Action::SearchClearToEnd),
    ("search_left", Action::SearchLeft),
    ("search_right", Action::SearchRight),
    ("search_word_left", Action::SearchWordLeft),
    ("search_word_right", Action::SearchWordRight),
    ("search_home", Action::SearchHome),
    ("search_end", Action::SearchEnd),
    ("search_accept", Action::SearchAccept),
    ("search_cancel", Action::SearchCancel),
    ("picker_down", Action::PickerDown),
    ("picker_up", Action::PickerUp),
    ("picker_toggle", Action::PickerToggle),
    ("picker_apply", Action::PickerApply),
    ("picker_cancel", Action::PickerCancel),
    ("only_bookmarked", Action::FilterBookmarked),
    ("only_unread", Action::FilterUnread),
    ("only_noted", Action::FilterNoted),
    ("by_tag", Action::FilterTag),
    ("copy_article", Action::CopyArticle),
    ("copy_citation", Action::CopyCitation),
    ("edit_note", Action::EditNote),
    ("note_newline", Action::NoteNewline),
    ("note_save", Action::NoteSave),
    ("note_cancel", Action::NoteCancel),
    ("open_tags", Action::OpenTags),
    ("tags_add", Action::TagsAdd),
    ("tags_close", Action::TagsClose),
    ("export_list", Action::ExportList),
];

/// The actions that do something in `mode`: those the default key table binds there (a
/// test in `keys::user` holds the two together).
pub fn actions_in(mode: Context) -> &'static [&'static str] {
    match mode {
        Context::List => &[
            "quit",
            "help",
            "redraw",
            "suspend",
            "toggle_focus",
            "move_down",
            "move_up",
            "top",
            "bottom",
            "next_page",
            "prev_page",
            "half_page_down",
            "half_page_up",
            "next_article",
            "prev_article",
            "open",
            "open_search",
            "open_picker",
            "clear_filters",
            "toggle_bookmark",
            "toggle_read",
            "toggle_sort",
            "open_date_prompt",
            "open_timeline",
            "only_bookmarked",
            "only_unread",
            "only_noted",
            "by_tag",
            "copy_article",
            "copy_citation",
            "edit_note",
            "open_tags",
            "export_list",
        ],
        Context::Reader => &[
            "quit",
            "help",
            "redraw",
            "suspend",
            "toggle_focus",
            "back",
            "next_page",
            "prev_page",
            "half_page_down",
            "half_page_up",
            "line_down",
            "line_up",
            "first_page",
            "last_page",
            "next_match",
            "prev_match",
            "next_article",
            "prev_article",
            "open_search",
            "open_picker",
            "toggle_bookmark",
            "toggle_read",
            "open_date_prompt",
            "copy_article",
            "copy_citation",
            "edit_note",
            "open_tags",
            "export_list",
        ],
        Context::Search => &[
            "quit",
            "redraw",
            "suspend",
            "search_backspace",
            "search_delete",
            "search_delete_word",
            "search_clear_to_start",
            "search_clear_to_end",
            "search_left",
            "search_right",
            "search_word_left",
            "search_word_right",
            "search_home",
            "search_end",
            "move_down",
            "move_up",
            "search_accept",
            "search_cancel",
        ],
        Context::Picker => &[
            "quit",
            "redraw",
            "suspend",
            "picker_down",
            "picker_up",
            "picker_toggle",
            "top",
            "bottom",
            "next_page",
            "prev_page",
            "half_page_down",
            "half_page_up",
            "picker_apply",
            "picker_cancel",
        ],
        Context::Help => &[
            "quit",
            "redraw",
            "suspend",
            "help",
            "line_down",
            "line_up",
            "next_page",
            "prev_page",
            "half_page_down",
            "half_page_up",
            "first_page",
            "last_page",
        ],
        Context::Note => &[
            "quit",
            "redraw",
            "suspend",
            "note_save",
            "note_newline",
            "note_cancel",
            "search_backspace",
            "search_delete",
            "search_delete_word",
            "search_clear_to_start",
            "search_clear_to_end",
            "search_left",
            "search_right",
            "move_up",
            "move_down",
            "search_word_left",
            "search_word_right",
            "search_home",
            "search_end",
        ],
        Context::Tags => &[
            "quit",
            "redraw",
            "suspend",
            "picker_down",
            "picker_up",
            "picker_toggle",
            "tags_add",
            "tags_close",
            "search_backspace",
            "search_clear_to_start",
        ],
    }
}

/// The action named `name`, if it is one.
pub fn action_named(name: &str) -> Option<&'static Action> {
    ACTIONS.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
}

/// The config file's name for `action`, if it can be bound.
pub fn action_name(action: &Action) -> Option<&'static str> {
    ACTIONS.iter().find(|(_, a)| a == action).map(|(n, _)| *n)
}

/// The config file's name for a mode.
pub fn mode_name(mode: Context) -> &'static str {
    MODES
        .iter()
        .find(|(_, m)| *m == mode)
        .map_or("list", |(n, _)| n)
}

/// One user binding: in `mode`, `chord` does `action` (`None`: nothing, the key unbound).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyBinding {
    /// Where it applies.
    pub mode: Context,
    /// The key.
    pub chord: Chord,
    /// What it does; `None` unbinds the key.
    pub action: Option<Action>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chord(ctrl: bool, alt: bool, key: KeyName) -> Option<Chord> {
        Some(Chord { ctrl, alt, key })
    }

    #[test]
    fn keys_parse_in_every_form() {
        use KeyName::*;
        assert_eq!(Chord::parse("j"), chord(false, false, Char('j')));
        assert_eq!(Chord::parse("G"), chord(false, false, Char('G')));
        assert_eq!(Chord::parse("-"), chord(false, false, Char('-')));
        assert_eq!(Chord::parse("space"), chord(false, false, Char(' ')));
        assert_eq!(Chord::parse("Ctrl-D"), chord(true, false, Char('d')));
        assert_eq!(Chord::parse("ctrl--"), chord(true, false, Char('-')));
        assert_eq!(Chord::parse("alt-backspace"), chord(false, true, Backspace));
        assert_eq!(Chord::parse("ctrl-left"), chord(true, false, Left));
        assert_eq!(Chord::parse("PgDn"), chord(false, false, PageDown));
        assert_eq!(Chord::parse("f12"), chord(false, false, F(12)));
        assert_eq!(Chord::parse("空"), chord(false, false, Char('空')));
        for bad in ["", " ", "f13", "ctrl-", "ctrl-alt-x", "jj", "shift-j", "\t"] {
            assert_eq!(Chord::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_chord_prints_as_it_parses() {
        for text in [
            "j",
            "G",
            "space",
            "ctrl-d",
            "alt-b",
            "ctrl-left",
            "pagedown",
            "f5",
        ] {
            let chord = Chord::parse(text).unwrap();
            assert_eq!(chord.to_string(), text);
            assert_eq!(Chord::parse(&chord.to_string()), Some(chord));
        }
    }

    #[test]
    fn every_action_of_a_mode_has_a_name() {
        for (_, mode) in MODES {
            for name in actions_in(*mode) {
                assert!(action_named(name).is_some(), "{name}");
            }
        }
    }
}
