//! The reader's page counter and its place across resizes (a hands-on test, session 30):
//! after `j`, or after a resize, the reader showed lines of two pages while the status bar
//! still named the first, and a resize with the top line in the headings (the title, the
//! meta line, the byline) sent the reader back to the title.
//!
//! Pages are `rows` lines from the top, as `Space` turns them; the counter names the page
//! holding the bottom line shown (how far the reader has read, as `less` gives the
//! percentage of its bottom line), so it never names a page whose end is off screen while
//! the next page's lines show.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::layout::Pages;

/// The reader over the bundled page at `w`×`h`, its first article open.
fn opened(w: u16, h: u16) -> App {
    let mut app = support::bundled_app(Options::default());
    app.update(Action::Resize(w, h));
    app.update(Action::Open);
    app
}

/// `(X, Y)` of the `第 X/Y 页` the status bar shows.
fn footer_page(app: &App) -> (usize, usize) {
    let screen = app.geometry().screen;
    let (w, h) = (screen.width, screen.height);
    let screen = support::screen(app, w, h);
    let footer = screen.lines().last().unwrap();
    let at = footer.find("第 ").expect(footer) + "第 ".len();
    let rest = &footer[at..];
    let end = rest.find(" 页").expect(footer);
    let (x, y) = rest[..end].split_once('/').unwrap();
    (x.parse().unwrap(), y.parse().unwrap())
}

/// The text rows of the reader, as drawn (the rows between the header and the status bar).
fn text_rows(app: &App) -> Vec<String> {
    let screen = app.geometry().screen;
    let (w, h) = (screen.width, screen.height);
    let screen = support::screen(app, w, h);
    let text = app.geometry().text;
    let rows: Vec<&str> = screen.lines().collect();
    rows[usize::from(text.y)..usize::from(text.y + text.height)]
        .iter()
        .map(|r| r.trim_end().to_string())
        .collect()
}

/// The page the footer names is on screen, and no later page is: its lines and the
/// screen's overlap, and the bottom line shown is on it. At the end it is the last page.
fn assert_footer_tells_the_truth(app: &App, what: &str) {
    let rows = app.rows();
    let reader = app.reader().unwrap();
    let lines = reader.lines().len();
    let pages = Pages::new(lines, rows);
    let (x, y) = footer_page(app);
    assert_eq!(y, pages.count(), "{what}");
    let shown = reader.scroll()..(reader.scroll() + rows).min(lines);
    let named = pages.lines_of(x - 1);
    assert!(
        named.start < shown.end && shown.start < named.end,
        "{what}: page {x}/{y} (lines {named:?}) is not on screen (lines {shown:?})"
    );
    assert!(
        named.contains(&(shown.end - 1)),
        "{what}: lines {shown:?} shown as page {x}/{y} (lines {named:?}): a later page shows"
    );
    if shown.end == lines {
        assert_eq!(x, y, "{what}: the end is shown");
    }
}

#[test]
fn j_past_a_page_start_names_the_page_it_shows() {
    let mut app = opened(80, 12);
    let rows = app.rows();
    assert_eq!(footer_page(&app).0, 1);
    app.update(Action::LineDown);
    // Lines 1..=rows: the last of them is page 2's first.
    assert_eq!(footer_page(&app).0, 2, "{:?}", text_rows(&app));
    let mut last_scroll = usize::MAX;
    loop {
        let scroll = app.reader().unwrap().scroll();
        if scroll == last_scroll {
            break;
        }
        assert_footer_tells_the_truth(&app, &format!("from line {scroll}, {rows} rows"));
        last_scroll = scroll;
        app.update(Action::LineDown);
    }
    // And back up, line by line.
    while app.reader().unwrap().scroll() > 0 {
        app.update(Action::LineUp);
        let scroll = app.reader().unwrap().scroll();
        assert_footer_tells_the_truth(&app, &format!("up to line {scroll}"));
    }
    assert_eq!(footer_page(&app).0, 1);
}

#[test]
fn space_still_turns_whole_pages_and_the_last_reads_y_of_y() {
    for (w, h) in [(80, 12), (40, 12), (80, 24), (60, 9)] {
        let mut app = opened(w, h);
        let rows = app.rows();
        let (_, pages) = footer_page(&app);
        for page in 1..=pages {
            let reader = app.reader().unwrap();
            let at_end = reader.scroll() + rows >= reader.lines().len();
            if !at_end {
                assert_eq!(reader.scroll(), (page - 1) * rows, "{w}x{h} page {page}");
            }
            assert_eq!(footer_page(&app), (page, pages), "{w}x{h}");
            app.update(Action::NextPage);
        }
        assert_eq!(footer_page(&app), (pages, pages), "{w}x{h}: the end");
        // `b` from a page's start turns back whole pages too.
        app.update(Action::FirstPage);
        app.update(Action::NextPage);
        app.update(Action::NextPage);
        app.update(Action::PrevPage);
        if pages > 2 {
            assert_eq!(app.reader().unwrap().scroll(), rows, "{w}x{h}");
            assert_eq!(footer_page(&app), (2, pages), "{w}x{h}");
        }
    }
}

/// A resize keeps the top line: the same text on top at another height, and back at the
/// first size the same screen, wherever the top line is (a heading, the meta line, the
/// blank line, the byline, the body); and the counter tells the truth at every size.
#[test]
fn a_resize_keeps_the_top_line_and_the_counter_tells_the_truth() {
    for down in 0..8 {
        let mut app = opened(80, 12);
        for _ in 0..down {
            app.update(Action::LineDown);
        }
        let before = text_rows(&app);
        // Taller, same width: the same line on top.
        app.update(Action::Resize(80, 14));
        assert_eq!(text_rows(&app)[0], before[0], "{down} lines down, taller");
        assert_footer_tells_the_truth(&app, &format!("{down} lines down, 80x14"));
        // Narrower: the line now holding the top line's start is on top.
        app.update(Action::Resize(60, 12));
        let rows = text_rows(&app);
        let was: String = before[0].trim().chars().take(2).collect();
        let now = format!("{}{}", rows[0].trim(), rows[1].trim());
        assert_eq!(
            rows[0].is_empty(),
            before[0].is_empty(),
            "{down} lines down"
        );
        assert!(
            now.starts_with(&was) || now.contains(&was),
            "{down} lines down, narrower: {rows:?} from {:?}",
            before[0]
        );
        assert_footer_tells_the_truth(&app, &format!("{down} lines down, 60x12"));
        // Back: the screen as it was.
        app.update(Action::Resize(80, 12));
        assert_eq!(text_rows(&app), before, "{down} lines down, back");
        assert_footer_tells_the_truth(&app, &format!("{down} lines down, 80x12"));
    }
}
