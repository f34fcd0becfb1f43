//! The article list: two rows per article. The first holds the marks (★ bookmarked,
//! · unread) and the title; the second the district and reporters, or the search snippet.
//!
//! The marks are characters every Chinese font has (GB 2312 holds both): `•` U+2022, the
//! usual bullet, is missing from CJK fonts and drew as an empty box.

use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};

use crate::app::{App, Area, Context, Focus, ROWS_PER_ITEM};
use crate::article::Article;
use crate::i18n::{self, Msg};
use crate::layout::{WrapOptions, join_meta, sanitize, wrap};
use crate::search::{find_matches, snippet};
use crate::tui::theme::Theme;
use crate::tui::view::text::{marked, put, width};

/// The mark of a bookmarked article.
const BOOKMARK: &str = "★";
/// The mark of an unread article: the middle dot (间隔号) of every Chinese font.
const UNREAD: &str = "·";

/// Draws the list into `area`.
pub fn render(app: &App, theme: &Theme, area: Area, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let amb = app.widths();
    if app.view().is_empty() {
        // Wrapped like text, so that the way out (`c`) is never cut off. A search still
        // running may yet find some. In the prompt `c` is a letter: no key is offered.
        let note = if app.is_searching() {
            Msg::Searching.text(app.lang()).to_string()
        } else if app.context() == Context::Search {
            i18n::no_articles_in_prompt(app.lang()).to_string()
        } else {
            app.no_articles_text()
        };
        // A word mixing Han and pinyin (`工会yizhan`): how to write it.
        let note = match app.spacing_hint() {
            Some(hint) => i18n::then_hint(app.lang(), &note, &hint),
            None => note,
        };
        let note = note.as_str();
        let room = area.width.saturating_sub(2);
        // A message, not text: words stay whole (`地区` is not split at the edge).
        let plain = WrapOptions {
            ambiguous: amb.ambiguous,
            clusters: amb.clusters,
            keep_words: true,
            ..WrapOptions::default()
        };
        for (row, line) in wrap(note, usize::from(room), &plain).iter().enumerate() {
            let Some(y) = u16::try_from(row).ok().filter(|r| *r < area.height) else {
                break;
            };
            put(
                buf,
                area.x + 1,
                area.y + y,
                room,
                &[(&line.text, theme.meta)],
                amb,
            );
        }
        return;
    }
    let items = usize::from(area.height.div_ceil(ROWS_PER_ITEM));
    for (row, (pos, &index)) in app
        .view()
        .iter()
        .enumerate()
        .skip(app.list_top())
        .take(items)
        .enumerate()
    {
        // A search's rows show a snippet of the text: the whole article then.
        let article = if app.query_text().is_empty() {
            app.collection().summary(index)
        } else {
            app.collection().get(index)
        };
        let Some(article) = article else {
            continue;
        };
        let y = area.y + row as u16 * ROWS_PER_ITEM;
        let selected = pos == app.selected();
        let rows = ROWS_PER_ITEM.min(area.y + area.height - y);
        if selected {
            // Side by side, the bar dims while the reader has the focus.
            let style = match app.focus() {
                Focus::List => theme.selected,
                Focus::Reader if app.geometry().side_by_side => theme.inactive,
                Focus::Reader => Style::new(),
            };
            buf.set_style(
                ratatui::layout::Rect::new(area.x, y, area.width, rows),
                style,
            );
        }
        // The second line is dim, which on the selection bar would be dark grey on blue:
        // there it takes the bar's own colours.
        let meta = if selected && app.focus() == Focus::List {
            theme.selected
        } else {
            theme.meta
        };
        item(app, theme, meta, article, index, area, y, rows, buf);
    }
    // After `Enter`, until the search's first answer, the rows are the previous query's:
    // drawn dim, not as its answer.
    if app.dims_previous_answer() {
        buf.set_style(
            ratatui::layout::Rect::new(area.x, area.y, area.width, area.height),
            Style::new().add_modifier(Modifier::DIM),
        );
    }
}

#[allow(clippy::too_many_arguments)] // one call site; a struct would only rename these
fn item(
    app: &App,
    theme: &Theme,
    meta: Style,
    article: &Article,
    index: usize,
    area: Area,
    y: u16,
    rows: u16,
    buf: &mut Buffer,
) {
    let amb = app.widths();
    let read = app.is_read(index);
    let bookmark = if app.is_bookmarked(index) {
        BOOKMARK
    } else {
        " "
    };
    let unread = if read { " " } else { UNREAD };
    // Marks are padded to their widest form so titles line up in either ambiguous width.
    let mark_w = width(BOOKMARK, amb) + width(UNREAD, amb);
    let marks = format!(
        "{bookmark}{}{unread}{}",
        " ".repeat(width(BOOKMARK, amb) - width(bookmark, amb)),
        " ".repeat(width(UNREAD, amb) - width(unread, amb)),
    );
    let x = area.x + 1;
    let max = area.width.saturating_sub(2);
    let used = put(buf, x, y, max, &[(&marks, theme.mark)], amb);
    let title = sanitize(&article.title);
    let base = if read { theme.read } else { theme.unread };
    let hits: Vec<_> = find_matches(&title, app.query())
        .into_iter()
        .map(|r| (r, theme.hit))
        .collect();
    let untitled = [(Msg::Untitled.text(app.lang()), meta)];
    let segs = if title.trim().is_empty() {
        untitled.to_vec()
    } else {
        marked(&title, base, &hits)
    };
    let text_x = x + used + 1;
    let text_max = max.saturating_sub(used + 1);
    put(buf, text_x, y, text_max, &segs, amb);
    if rows < 2 {
        return;
    }
    let indent = (mark_w + 1) as u16;
    let second_max = max.saturating_sub(indent);
    // An article with a note (issue 14): 注 (N in English) under its marks.
    let noted = i18n::note_mark(app.lang());
    if app.has_note(index) && width(noted, amb) <= mark_w {
        put(buf, x, y + 1, mark_w as u16, &[(noted, theme.mark)], amb);
    }
    if app.query().is_empty() {
        let line = sanitize(&meta_line(app, article)).into_owned();
        put(buf, x + indent, y + 1, second_max, &[(&line, meta)], amb);
    } else {
        // The snippet takes the meta line's place; the date stays before it, since in an
        // archive the same title comes back day after day.
        let date = article
            .date
            .as_deref()
            .map(sanitize)
            .filter(|d| !d.trim().is_empty())
            .map(|d| format!("{} · ", d.trim()))
            .filter(|d| width(d, amb) * 2 <= usize::from(second_max))
            .unwrap_or_default();
        let date_w = put(buf, x + indent, y + 1, second_max, &[(&date, meta)], amb);
        let room = second_max.saturating_sub(date_w);
        let snip = snippet(article, app.query(), usize::from(room));
        let hits: Vec<_> = snip
            .highlights
            .iter()
            .map(|r| (r.clone(), theme.hit))
            .collect();
        let segs = marked(&snip.text, meta, &hits);
        put(buf, x + indent + date_w, y + 1, room, &segs, amb);
    }
}

/// The list row's second line: district, date, reporters, kicker, joined by ` · `. A field
/// that is empty or blank is left out with its separator.
fn meta_line(app: &App, article: &Article) -> String {
    let lang = app.lang();
    let district = article
        .district
        .clone()
        .filter(|d| !sanitize(d).trim().is_empty())
        .unwrap_or_else(|| Msg::Unstated.text(lang).to_string());
    // In an archive titles repeat from day to day: the date tells the rows apart.
    let parts = [
        Some(district),
        article.date.clone(),
        Some(article.reporters.join(" ")),
        article.kicker.clone(),
    ];
    join_meta(parts.into_iter().flatten())
}
