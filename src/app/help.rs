//! The key help, opened with `?` and scrolled like a pager: its rows (the lines of the key
//! table wrapped to the box, so that none is cut at its edge), its box and how many rows
//! it shows at once.

use super::*;
use crate::layout::{WrapOptions, display_width, wrap};

/// Below this many columns or [`HELP_FILL_ROWS`] rows the help fills the screen, as `less`
/// does: every row but the footer shows it.
const HELP_FILL_COLUMNS: u16 = HELP_WIDTH + 4;
/// See [`HELP_FILL_COLUMNS`].
const HELP_FILL_ROWS: u16 = 16;
/// Rows of a framed help box that are not the help's: the frame, the title and the footer.
const HELP_CHROME: u16 = 4;

/// One row of the help as drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    /// The keys, on a key line's first row; empty on a heading and on the rows that go on
    /// with a line's text.
    pub keys: String,
    /// A heading, or what the keys do (the part of it on this row).
    pub text: String,
    /// A section heading, drawn from the box's left edge.
    pub heading: bool,
}

/// The help laid out for the screen: what the view draws and the keys page by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLayout {
    /// Every row, in order.
    pub rows: Vec<HelpRow>,
    /// The key column's width: a row's text starts this far (and three columns more) from
    /// the box's left edge. Keys wider than it have a row of their own.
    pub key_width: usize,
    /// The box: a frame over the panes, or the whole screen without one (small screens).
    pub overlay: Overlay,
    /// How many rows show at once (at least 1).
    pub page: usize,
    /// A box has a title row at its top; a help that fills the screen names itself in its
    /// footer instead.
    pub title_row: bool,
}

impl App {
    /// The help scrolls like `less`; `q`, `Esc` and `?` (all [`Action::Help`]) close it.
    /// The wheel over its box scrolls it a line a notch, as `j`/`k` do; a click, or the
    /// wheel outside the box, does nothing (it stays open until closed).
    pub(super) fn help(&mut self, action: Action, from: Context, scroll: usize) {
        let layout = self.help_layout(from);
        let (rows, page) = (layout.rows.len(), layout.page);
        let outer = layout.overlay.outer;
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
        let scroll = scroll.min(rows.saturating_sub(page));
        self.mode = Mode::Help { from, scroll };
    }

    /// The key help opened `from` a context, as `(keys, what they do)` lines; a line with
    /// no keys heads a section. Made from the key table, so it cannot drift from the keys.
    pub fn help_lines(&self, from: Context) -> Vec<(String, &'static str)> {
        crate::keys::help_lines(
            from,
            self.opts.lang,
            self.geometry().side_by_side,
            self.opts.mouse,
        )
    }

    /// The help's rows at this size: [`help_lines`](Self::help_lines) wrapped to its box.
    pub fn help_rows(&self, from: Context) -> Vec<HelpRow> {
        self.help_layout(from).rows
    }

    /// How many of the help's rows show at once.
    pub fn help_page(&self, from: Context) -> usize {
        self.help_layout(from).page
    }

    /// The help's box opened from `from` (see [`HelpLayout::overlay`]).
    pub fn help_box(&self, from: Context) -> Overlay {
        self.help_layout(from).overlay
    }

    /// The help opened from `from`, laid out for the screen. Where the screen has room (at
    /// least 60×16) it is a box over the panes, as wide as its longest line needs but no
    /// narrower than [`HELP_WIDTH`] and no wider than the screen, as high as its rows need
    /// leaving the header and the status bar in view; on a smaller screen it fills it, as
    /// `less` does. A line too long for the box wraps: its text under itself in the text
    /// column, its keys, when wider than the key column, on a row of their own above it.
    pub fn help_layout(&self, from: Context) -> HelpLayout {
        let lines = self.help_lines(from);
        let amb = self.widths();
        let w = |text: &str| display_width(text, amb);
        let natural_keys = lines.iter().map(|(k, _)| w(k)).max().unwrap_or(0);
        let line_width = |(keys, what): &(String, &str)| {
            if keys.is_empty() {
                w(what)
            } else {
                1 + natural_keys + 2 + w(what)
            }
        };
        let lang = self.opts.lang;
        let n = lines.len();
        let title = Msg::HelpTitle.text(lang);
        let hint = crate::keys::hints(crate::keys::Hint::Help, lang);
        let screen = self.geometry().screen;
        let fills = screen.width < HELP_FILL_COLUMNS || screen.height < HELP_FILL_ROWS;
        let (overlay, chrome) = if fills {
            let whole = Overlay {
                outer: screen,
                inner: screen,
                framed: false,
            };
            // The footer, when there is a row for it beside the help's.
            (whole, u16::from(screen.height >= 2))
        } else {
            let body = lines.iter().map(line_width).max().unwrap_or(0);
            let footer = w(&i18n::lines_of(n, n, n)) + 2 + w(&hint);
            // The frame takes a column each side.
            let needs = body.max(footer).max(w(title)) + 2;
            let needs = u16::try_from(needs).unwrap_or(u16::MAX).max(HELP_WIDTH);
            // The rows are known once the width is: the height is found below. Inside the
            // frame, the title and the footer.
            (Overlay::centred(screen, needs, screen.height), 2)
        };
        let width = usize::from(overlay.inner.width);
        let fit = lines.iter().all(|l| line_width(l) <= width);
        // Too narrow for the keys and the text side by side: a narrower key column, the
        // wider keys above their text.
        let key_width = if fit {
            natural_keys
        } else {
            natural_keys.min((width * 2 / 5).max(4))
        };
        let rows = wrap_help(&lines, width, key_width, self.wrap_options());
        let overlay = if fills {
            overlay
        } else {
            let want = u16::try_from(rows.len())
                .unwrap_or(u16::MAX)
                .saturating_add(HELP_CHROME);
            // The header and the status bar stay in view (the screen has 16 rows or more).
            Overlay::centred(screen, overlay.outer.width, want.min(screen.height - 2))
        };
        let page = usize::from(overlay.inner.height.saturating_sub(chrome));
        HelpLayout {
            rows,
            key_width,
            overlay,
            page: page.max(1),
            title_row: !fills,
        }
    }

    /// How the help's text wraps: kanbao's own words, kept whole.
    fn wrap_options(&self) -> WrapOptions {
        WrapOptions {
            ambiguous: self.opts.ambiguous,
            clusters: self.opts.clusters,
            indent: false,
            keep_words: true,
        }
    }
}

/// The help's `lines` as rows `width` columns wide, the text column starting after a key
/// column `key_width` wide: a line that fits is one row; a longer one wraps its text in
/// the text column, and keys wider than the key column take a row (or more) of their own.
fn wrap_help(
    lines: &[(String, &str)],
    width: usize,
    key_width: usize,
    opts: WrapOptions,
) -> Vec<HelpRow> {
    let amb = opts.widths();
    let wrapped = |text: &str, room: usize| -> Vec<String> {
        let rows: Vec<String> = wrap(text, room.max(1), &opts)
            .into_iter()
            .map(|l| l.text)
            .collect();
        if rows.is_empty() {
            vec![String::new()]
        } else {
            rows
        }
    };
    let text_width = width.saturating_sub(1 + key_width + 2);
    let mut rows = Vec::new();
    for (keys, what) in lines {
        if keys.is_empty() {
            rows.extend(wrapped(what, width).into_iter().map(|text| HelpRow {
                keys: String::new(),
                text,
                heading: true,
            }));
            continue;
        }
        let row = |keys: String, text: String| HelpRow {
            keys,
            text,
            heading: false,
        };
        let mut texts = wrapped(what, text_width).into_iter();
        if display_width(keys, amb) <= key_width {
            rows.push(row(keys.clone(), texts.next().unwrap_or_default()));
        } else {
            rows.extend(
                wrapped(keys, width.saturating_sub(1))
                    .into_iter()
                    .map(|k| row(k, String::new())),
            );
        }
        rows.extend(texts.map(|text| row(String::new(), text)));
    }
    rows
}
