//! Styles. With `NO_COLOR` set, only bold, reverse and underline are used.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

/// Every style the views use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// The page banner in the header.
    pub banner: Style,
    /// Filters and count in the header.
    pub header: Style,
    /// A title not yet read.
    pub unread: Style,
    /// A title already read.
    pub read: Style,
    /// Secondary text: district, reporters, kicker, meta line.
    pub meta: Style,
    /// The selected list item while the list has the focus.
    pub selected: Style,
    /// The selected list item while the reader beside it has the focus.
    pub inactive: Style,
    /// The line between list and reader while the reader has the focus.
    pub focus: Style,
    /// Marks (bookmark, unread).
    pub mark: Style,
    /// The article's title in the reader.
    pub title: Style,
    /// Body text.
    pub body: Style,
    /// A search hit.
    pub hit: Style,
    /// The current search hit (`n`/`N`).
    pub current_hit: Style,
    /// The status bar.
    pub status: Style,
    /// A status message.
    pub message: Style,
    /// Overlay frames.
    pub border: Style,
    /// Borders drawn with ASCII (for terminals that draw ambiguous characters wide).
    pub ascii: bool,
}

/// `+`, `-` and `|`: one column in every terminal, unlike the box-drawing characters.
pub const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Theme {
    /// The theme for the environment: colours unless `NO_COLOR` is set and not empty.
    pub fn from_env(ascii: bool) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::new(!no_color, ascii)
    }

    /// The theme with or without colours.
    pub fn new(color: bool, ascii: bool) -> Theme {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        if !color {
            return Theme {
                banner: bold,
                header: plain,
                unread: bold,
                read: plain,
                meta: plain,
                selected: plain.add_modifier(Modifier::REVERSED),
                inactive: plain.add_modifier(Modifier::UNDERLINED),
                focus: bold,
                mark: bold,
                title: bold,
                body: plain,
                hit: plain.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
                current_hit: plain
                    .add_modifier(Modifier::UNDERLINED | Modifier::BOLD | Modifier::REVERSED),
                status: plain.add_modifier(Modifier::REVERSED),
                message: bold.add_modifier(Modifier::REVERSED),
                border: plain,
                ascii,
            };
        }
        Theme {
            banner: bold.fg(Color::Red),
            header: plain.fg(Color::Gray),
            unread: bold,
            read: plain.fg(Color::Gray),
            meta: plain.fg(Color::DarkGray),
            selected: plain.bg(Color::Blue).fg(Color::White),
            inactive: plain.bg(Color::DarkGray).fg(Color::White),
            focus: bold.fg(Color::Blue),
            mark: plain.fg(Color::Red),
            title: bold.fg(Color::Red),
            body: plain,
            hit: plain.bg(Color::Yellow).fg(Color::Black),
            current_hit: bold.bg(Color::LightRed).fg(Color::Black),
            status: plain.bg(Color::DarkGray).fg(Color::White),
            message: bold.bg(Color::DarkGray).fg(Color::Yellow),
            border: plain.fg(Color::Gray),
            ascii,
        }
    }

    /// The border characters for overlays.
    pub fn border_set(&self) -> border::Set<'static> {
        if self.ascii {
            ASCII_BORDER
        } else {
            border::ROUNDED
        }
    }

    /// The character between list and reader.
    pub fn separator(&self) -> &'static str {
        if self.ascii { "|" } else { "│" }
    }
}
