//! What can be wrong in a config file. The words are in `crate::i18n`; the place (file,
//! line, column) travels beside it in `Error::Config`.

/// How the error for a key that is not one names the forms that are.
pub const KEY_FORMS: &str = "j, G, ?, space, enter, esc, tab, shift-tab, backspace, delete, \
                             insert, up, down, left, right, home, end, pageup, pagedown, \
                             f1…f12, ctrl-d, alt-b, ctrl-left";

/// How the error for a colour that is not one names the forms that are.
pub const COLOR_FORMS: &str = "black, red, green, yellow, blue, magenta, cyan, gray, darkgray, \
                               lightred, lightgreen, lightyellow, lightblue, lightmagenta, \
                               lightcyan, white, default, #rrggbb, 0–255";

/// What a value should have been.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A table (`[colors]`, `[keys.list]`).
    Table,
    /// `true` or `false`.
    Bool,
    /// A path, or an array of paths.
    Paths,
    /// A path, `false` for no state, or `true` for the default place.
    PathOrFalse,
    /// `"zh"` or `"en"`.
    Lang,
    /// `1`, `2` or `"auto"`.
    Ambiguous,
    /// A colour, or a table of `fg`, `bg`, `bold`, ….
    Style,
    /// A colour's name, `#rrggbb` or 0–255 ([`COLOR_FORMS`]).
    Color,
    /// An action's name (a string).
    Action,
}

/// One problem in a config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    /// Not TOML: the parser's own message.
    Syntax(String),
    /// A key kanbao does not know, in `table` (empty for the top level), with the known ones.
    UnknownKey {
        /// The table it is in (`colors`, `keys`, `keys.list`, or empty).
        table: String,
        /// The key as written.
        key: String,
        /// The keys that table takes.
        known: Vec<&'static str>,
    },
    /// A value of the wrong kind or out of range.
    BadValue {
        /// The key whose value it is (`lang`, `colors.title.fg`).
        key: String,
        /// What it should have been.
        expected: Expected,
    },
    /// A name that is no key (`"ctrl-alt-x"`, `"shift-j"`).
    BadKey {
        /// As written.
        key: String,
    },
    /// An action kanbao does not have in this mode, with those it has.
    UnknownAction {
        /// The mode (`list`, `reader`, …).
        mode: &'static str,
        /// As written.
        action: String,
        /// The actions of that mode.
        known: Vec<&'static str>,
    },
    /// A printable key bound where it is always text (`"j"` in `[keys.search]`,
    /// `[keys.note]` or `[keys.tags]`, see `keys::is_text`): the key is typed there, so the
    /// binding is refused, not ignored.
    TextKey {
        /// The mode.
        mode: &'static str,
        /// As written.
        key: String,
    },
    /// `ctrl-c` bound to something other than `quit` (or unbound): it quits from
    /// everywhere, so that a config file can never leave the reader with no way out.
    CtrlCQuits {
        /// The mode.
        mode: &'static str,
        /// The key as written (`ctrl-c`, `Ctrl-C`).
        key: String,
    },
    /// A key bound twice in one mode under two spellings (`"ctrl-d"` and `"Ctrl-D"`).
    KeyTwice {
        /// The mode.
        mode: &'static str,
        /// The second spelling, as written.
        key: String,
        /// Line of the first binding.
        line: usize,
        /// Column of the first binding.
        column: usize,
    },
}
