//! Styles. With `NO_COLOR` set, only bold, reverse and underline are used, and dim for
//! the reader's paragraph numbers ([`Theme::number()`]); colours the config file sets
//! (`[colors]`) are laid over either theme.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use crate::settings::colors::NAMED;
use crate::settings::{Color as ColorSpec, StyleSpec};

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
    /// The reader's paragraph numbers (`[colors] number`); `meta`'s style where the config
    /// file does not set it. The views draw them in [`Theme::number()`], which keeps them
    /// muted.
    pub number: Style,
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
                number: plain,
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
            number: plain.fg(Color::DarkGray),
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

    /// Lays the config file's styles over the theme's: each part a [`StyleSpec`] gives
    /// replaces the role's own, the rest stays. Unknown roles are ignored (the config file
    /// is checked when read). The paragraph numbers follow the meta line: what `meta` sets
    /// is laid over `number` too, and what `number` sets over that, whichever the file
    /// writes first.
    pub fn apply(&mut self, colors: &[(&str, StyleSpec)]) {
        for (role, spec) in colors.iter().filter(|(role, _)| *role != "number") {
            if *role == "meta" {
                self.number = styled(self.number, spec);
            }
            if let Some(style) = self.role_mut(role) {
                *style = styled(*style, spec);
            }
        }
        for (_, spec) in colors.iter().filter(|(role, _)| *role == "number") {
            self.number = styled(self.number, spec);
        }
    }

    /// The style of a role, by its name in `[colors]` (`settings::colors::ROLES`).
    fn role_mut(&mut self, role: &str) -> Option<&mut Style> {
        Some(match role {
            "banner" => &mut self.banner,
            "header" => &mut self.header,
            "unread" => &mut self.unread,
            "read" => &mut self.read,
            "meta" => &mut self.meta,
            "number" => &mut self.number,
            "selected" => &mut self.selected,
            "inactive" => &mut self.inactive,
            "focus" => &mut self.focus,
            "mark" => &mut self.mark,
            "title" => &mut self.title,
            "body" => &mut self.body,
            "hit" => &mut self.hit,
            "current_hit" => &mut self.current_hit,
            "status" => &mut self.status,
            "message" => &mut self.message,
            "border" => &mut self.border,
            _ => return None,
        })
    }

    /// A paragraph's number in the reader's indent: the `number` style (`[colors] number`),
    /// by default the muted style of the meta line (`meta`, dark grey), and dim besides
    /// where that has no colour of its own (the theme without colours, or a `[colors]`
    /// number or meta of `default`), so that the number is never drawn as the text is. Dim
    /// is an attribute, not a colour: `NO_COLOR` allows it.
    pub fn number(&self) -> Style {
        match self.number.fg {
            None | Some(Color::Reset) => self.number.add_modifier(Modifier::DIM),
            Some(_) => self.number,
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

/// `style` with what `spec` sets.
fn styled(mut style: Style, spec: &StyleSpec) -> Style {
    if let Some(fg) = spec.fg {
        style = style.fg(color(fg));
    }
    if let Some(bg) = spec.bg {
        style = style.bg(color(bg));
    }
    let flags = [
        (spec.bold, Modifier::BOLD),
        (spec.italic, Modifier::ITALIC),
        (spec.underline, Modifier::UNDERLINED),
        (spec.reverse, Modifier::REVERSED),
    ];
    for (on, modifier) in flags {
        style = match on {
            Some(true) => style.add_modifier(modifier),
            Some(false) => style.remove_modifier(modifier),
            None => style,
        };
    }
    style
}

/// The terminal's colour for a config file's.
fn color(spec: ColorSpec) -> Color {
    const SIXTEEN: [Color; 16] = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    debug_assert_eq!(SIXTEEN.len(), NAMED.len());
    match spec {
        ColorSpec::Default => Color::Reset,
        ColorSpec::Named(i) => SIXTEEN.get(usize::from(i)).copied().unwrap_or(Color::Reset),
        ColorSpec::Indexed(i) => Color::Indexed(i),
        ColorSpec::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::colors::{DEFAULTS, ROLES};

    /// The defaults the template lists are the theme's own: laid over it, they change nothing.
    #[test]
    fn the_listed_defaults_are_the_themes_own() {
        let mut theme = Theme::new(true, false);
        theme.apply(DEFAULTS);
        assert_eq!(theme, Theme::new(true, false));
        let mut changed = Theme::new(false, false);
        changed.apply(DEFAULTS);
        assert_ne!(changed, Theme::new(false, false));
    }

    #[test]
    fn every_role_has_a_style_and_the_names_match_the_sixteen() {
        let mut theme = Theme::new(true, false);
        for role in ROLES {
            assert!(theme.role_mut(role).is_some(), "{role}");
        }
        for (i, name) in NAMED.iter().enumerate() {
            let parsed = ColorSpec::parse(name).unwrap();
            assert_eq!(format!("{:?}", color(parsed)).to_lowercase(), *name, "{i}");
        }
    }

    #[test]
    fn the_paragraph_number_is_muted_in_both_themes() {
        let colour = Theme::new(true, false);
        assert_eq!(colour.number(), colour.meta);
        assert_eq!(colour.number().fg, Some(Color::DarkGray));
        let plain = Theme::new(false, false);
        assert!(plain.number().add_modifier.contains(Modifier::DIM));
        assert!(!plain.body.add_modifier.contains(Modifier::DIM));
        // A meta line set to the terminal's own colour leaves the number dim.
        let mut reset = Theme::new(true, false);
        let spec = StyleSpec {
            fg: Some(ColorSpec::Default),
            ..StyleSpec::default()
        };
        reset.apply(&[("meta", spec)]);
        assert!(reset.number().add_modifier.contains(Modifier::DIM));
    }

    /// `number` is laid over what `meta` gives the numbers, whichever the file writes
    /// first, and changes nothing else.
    #[test]
    fn the_number_role_is_laid_over_the_meta_lines_style() {
        let green = StyleSpec {
            fg: Some(ColorSpec::Named(2)),
            ..StyleSpec::default()
        };
        let bold = StyleSpec {
            bold: Some(true),
            ..StyleSpec::default()
        };
        for colors in [
            [("number", bold), ("meta", green)],
            [("meta", green), ("number", bold)],
        ] {
            let mut theme = Theme::new(true, false);
            theme.apply(&colors);
            assert_eq!(
                theme.number(),
                Style::new().fg(Color::Green).add_modifier(Modifier::BOLD)
            );
            assert_eq!(theme.meta, Style::new().fg(Color::Green));
        }
        let mut theme = Theme::new(true, false);
        theme.apply(&[("number", green)]);
        assert_eq!(theme.number(), Style::new().fg(Color::Green));
        assert_eq!(theme.meta, Theme::new(true, false).meta);
    }

    #[test]
    fn a_spec_replaces_only_what_it_sets() {
        let mut theme = Theme::new(true, false);
        let spec = StyleSpec {
            bg: Some(ColorSpec::Rgb(1, 2, 3)),
            bold: Some(false),
            ..StyleSpec::default()
        };
        theme.apply(&[("title", spec)]);
        let expected = Style::new()
            .fg(Color::Red)
            .bg(Color::Rgb(1, 2, 3))
            .remove_modifier(Modifier::BOLD);
        assert_eq!(theme.title, expected);
        assert_eq!(theme.banner, Theme::new(true, false).banner);
    }
}
