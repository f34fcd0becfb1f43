//! The key help, opened with `?` and scrolled like a pager.

use super::*;
use crate::layout::display_width;

impl App {
    /// The help scrolls like `less`; `q`, `Esc` and `?` (all [`Action::Help`]) close it.
    /// The wheel over its box scrolls it a line a notch, as `j`/`k` do; a click, or the
    /// wheel outside the box, does nothing (it stays open until closed).
    pub(super) fn help(&mut self, action: Action, from: Context, scroll: usize) {
        let lines = self.help_lines(from).len();
        let g = self.geometry();
        let page = g.help_page(lines);
        let outer = self.help_box(from).outer;
        let over = |x, y| outer.contains(x, y);
        let scroll = match action {
            Action::LineDown => scroll.saturating_add(1),
            Action::LineUp => scroll.saturating_sub(1),
            Action::ScrollDown(x, y) if over(x, y) => scroll.saturating_add(1),
            Action::ScrollUp(x, y) if over(x, y) => scroll.saturating_sub(1),
            Action::NextPage => scroll.saturating_add(page),
            Action::PrevPage => scroll.saturating_sub(page),
            Action::HalfPageDown => scroll.saturating_add((page / 2).max(1)),
            Action::HalfPageUp => scroll.saturating_sub((page / 2).max(1)),
            Action::FirstPage => 0,
            Action::LastPage => usize::MAX,
            Action::Help => {
                self.mode = Mode::Normal;
                return;
            }
            _ => scroll,
        };
        let scroll = scroll.min(lines.saturating_sub(page));
        self.mode = Mode::Help { from, scroll };
    }

    /// no keys heads a section. Made from the key table, so it cannot drift from the keys.
    pub fn help_lines(&self, from: Context) -> Vec<(String, &'static str)> {
        crate::keys::help_lines(
            from,
            self.opts.lang,
            self.geometry().side_by_side,
            self.opts.mouse,
        )
    }

    /// The help box opened from `from`: as wide as its longest line (a key line, a section
    /// heading, the title or the footer) needs, but no narrower than [`HELP_WIDTH`] and no
    /// wider than the screen.
    pub fn help_box(&self, from: Context) -> Overlay {
        let lines = self.help_lines(from);
        let amb = self.widths();
        let w = |text: &str| display_width(text, amb);
        let key_w = self.help_key_width(&lines);
        let body = lines
            .iter()
            .map(|(keys, what)| {
                if keys.is_empty() {
                    w(what)
                } else {
                    1 + key_w + 2 + w(what)
                }
            })
            .max()
            .unwrap_or(0);
        let lang = self.opts.lang;
        let n = lines.len();
        let footer = w(&crate::i18n::lines_of(n, n, n))
            + 2
            + w(&crate::keys::hints(crate::keys::Hint::Help, lang));
        let title = w(Msg::HelpTitle.text(lang));
        // The frame takes a column each side.
        let needs = body.max(footer).max(title) + 2;
        let needs = u16::try_from(needs).unwrap_or(u16::MAX);
        self.geometry().help_box(n, needs)
    }

    /// The width of the help's key column for `lines`: its widest keys.
    pub fn help_key_width(&self, lines: &[(String, &str)]) -> usize {
        let amb = self.widths();
        lines
            .iter()
            .map(|(k, _)| display_width(k, amb))
            .max()
            .unwrap_or(0)
    }
}
