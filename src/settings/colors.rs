//! Colours as the config file names them, for the theme's roles, with no terminal in sight:
//! the terminal layer turns a [`StyleSpec`] into its own style (`tui::theme`).

use std::fmt;

/// The theme's roles, by their names in `[colors]` (one per style the views use).
pub const ROLES: &[&str] = &[
    "banner",
    "header",
    "unread",
    "read",
    "meta",
    "number",
    "selected",
    "inactive",
    "focus",
    "mark",
    "title",
    "body",
    "hit",
    "current_hit",
    "status",
    "message",
    "border",
];

/// The sixteen colours every terminal has, by name.
pub const NAMED: &[&str] = &[
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "darkgray",
    "lightred",
    "lightgreen",
    "lightyellow",
    "lightblue",
    "lightmagenta",
    "lightcyan",
    "white",
];

/// One colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    /// The terminal's own foreground or background (`"default"`).
    Default,
    /// One of [`NAMED`], by its index there.
    Named(u8),
    /// An entry of the terminal's 256-colour palette.
    Indexed(u8),
    /// A true colour, `#rrggbb`.
    Rgb(u8, u8, u8),
}

impl Color {
    /// Parses a name of [`NAMED`] (`grey` and `dark_gray` too; any case), `default`,
    /// `#rrggbb`, or a palette index as text (`"208"`).
    pub fn parse(text: &str) -> Option<Color> {
        let lower = text.trim().to_ascii_lowercase().replace(['_', ' '], "");
        let lower = lower.replace("grey", "gray");
        if lower == "default" || lower == "reset" {
            return Some(Color::Default);
        }
        if let Some(i) = NAMED.iter().position(|n| *n == lower) {
            return u8::try_from(i).ok().map(Color::Named);
        }
        if let Some(hex) = lower.strip_prefix('#') {
            if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
                return None;
            }
            let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
            return Some(Color::Rgb(byte(0)?, byte(2)?, byte(4)?));
        }
        lower.parse().ok().map(Color::Indexed)
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Color::Default => f.write_str("default"),
            Color::Named(i) => f.write_str(NAMED.get(usize::from(i)).unwrap_or(&"default")),
            Color::Indexed(i) => write!(f, "{i}"),
            Color::Rgb(r, g, b) => write!(f, "#{r:02x}{g:02x}{b:02x}"),
        }
    }
}

/// What the config file says about one role: each part left `None` keeps the theme's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StyleSpec {
    /// Foreground.
    pub fg: Option<Color>,
    /// Background.
    pub bg: Option<Color>,
    /// Bold on or off.
    pub bold: Option<bool>,
    /// Italic on or off.
    pub italic: Option<bool>,
    /// Underline on or off.
    pub underline: Option<bool>,
    /// Reverse video on or off.
    pub reverse: Option<bool>,
}

/// The parts a role's table may hold.
pub const STYLE_PARTS: &[&str] = &["fg", "bg", "bold", "italic", "underline", "reverse"];

impl fmt::Display for StyleSpec {
    /// As the config file would say it: `"red"`, or `{ fg = "red", bold = true }`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let only_fg = self.bg.is_none()
            && self.bold.is_none()
            && self.italic.is_none()
            && self.underline.is_none()
            && self.reverse.is_none();
        if let (Some(fg), true) = (self.fg, only_fg) {
            return write!(f, "\"{fg}\"");
        }
        let mut parts = Vec::new();
        if let Some(c) = self.fg {
            parts.push(format!("fg = \"{c}\""));
        }
        if let Some(c) = self.bg {
            parts.push(format!("bg = \"{c}\""));
        }
        let flags = [
            ("bold", self.bold),
            ("italic", self.italic),
            ("underline", self.underline),
            ("reverse", self.reverse),
        ];
        for (name, on) in flags {
            if let Some(on) = on {
                parts.push(format!("{name} = {on}"));
            }
        }
        write!(f, "{{ {} }}", parts.join(", "))
    }
}

const fn fg(color: u8) -> StyleSpec {
    StyleSpec {
        fg: Some(Color::Named(color)),
        bg: None,
        bold: None,
        italic: None,
        underline: None,
        reverse: None,
    }
}

const fn on(spec: StyleSpec, bg: u8) -> StyleSpec {
    StyleSpec {
        bg: Some(Color::Named(bg)),
        ..spec
    }
}

const fn bold(spec: StyleSpec) -> StyleSpec {
    StyleSpec {
        bold: Some(true),
        ..spec
    }
}

const BLACK: u8 = 0;
const RED: u8 = 1;
const YELLOW: u8 = 3;
const BLUE: u8 = 4;
const GRAY: u8 = 7;
const DARK_GRAY: u8 = 8;
const LIGHT_RED: u8 = 9;
const WHITE: u8 = 15;

/// The colour theme's own styles, as the config file would write them (`body` is the
/// terminal's own text and has none; `number`, the reader's paragraph numbers, follows
/// `meta` where the file does not set it, and is listed with `meta`'s). The template lists
/// them; a test in `tui::theme` holds them to the theme.
pub const DEFAULTS: &[(&str, StyleSpec)] = &[
    ("banner", bold(fg(RED))),
    ("header", fg(GRAY)),
    (
        "unread",
        StyleSpec {
            bold: Some(true),
            ..StyleSpec::EMPTY
        },
    ),
    ("read", fg(GRAY)),
    ("meta", fg(DARK_GRAY)),
    ("number", fg(DARK_GRAY)),
    ("selected", on(fg(WHITE), BLUE)),
    ("inactive", on(fg(WHITE), DARK_GRAY)),
    ("focus", bold(fg(BLUE))),
    ("mark", fg(RED)),
    ("title", bold(fg(RED))),
    ("hit", on(fg(BLACK), YELLOW)),
    ("current_hit", bold(on(fg(BLACK), LIGHT_RED))),
    ("status", on(fg(WHITE), DARK_GRAY)),
    ("message", bold(on(fg(YELLOW), DARK_GRAY))),
    ("border", fg(GRAY)),
];

impl StyleSpec {
    /// Says nothing: the theme's style stays as it is.
    pub const EMPTY: StyleSpec = StyleSpec {
        fg: None,
        bg: None,
        bold: None,
        italic: None,
        underline: None,
        reverse: None,
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_by_name_hex_and_index() {
        assert_eq!(Color::parse("red"), Some(Color::Named(1)));
        assert_eq!(Color::parse("Dark_Grey"), Some(Color::Named(8)));
        assert_eq!(Color::parse("#FF8000"), Some(Color::Rgb(255, 128, 0)));
        assert_eq!(Color::parse("208"), Some(Color::Indexed(208)));
        assert_eq!(Color::parse("default"), Some(Color::Default));
        for bad in ["", "redd", "#ff80", "#gg0000", "256", "-1"] {
            assert_eq!(Color::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_colour_prints_as_it_parses() {
        for text in ["red", "darkgray", "#ff8000", "208", "default"] {
            assert_eq!(
                Color::parse(text).map(|c| c.to_string()).as_deref(),
                Some(text)
            );
        }
    }
}
