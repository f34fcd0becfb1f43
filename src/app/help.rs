//! The key help, opened with `?` and scrolled like a pager.

use super::*;

impl App {
    /// The help scrolls like `less`; `q`, `Esc` and `?` (all [`Action::Help`]) close it.
    /// The wheel over its box scrolls it a line a notch, as `j`/`k` do; a click, or the
    /// wheel outside the box, does nothing (it stays open until closed).
    pub(super) fn help(&mut self, action: Action, from: Context, scroll: usize) {
        let lines = self.help_lines(from).len();
        let g = self.geometry();
        let page = g.help_page(lines);
        let over = |x, y| g.help_box(lines).outer.contains(x, y);
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
}
