//! The `?` help at a small terminal: at 40×12 it showed 6 rows of its 135 in a box, and cut
//! many lines at the box's edge (`这个区（xc、西…`), unreadable however far it was scrolled
//! (a hands-on test, session 36). It now fills a small screen as `less` does: every row but
//! the last holds the help, and the last says where you are (`12–22/160`) and how to scroll
//! and close; a line too long for the width wraps under its keys. At 80×24 it stays a box
//! over the list, wrapped the same way where a line is too long for it.

use kanbao::app::{App, Context};
use kanbao::i18n::Lang;
use ratatui::crossterm::event::KeyCode;

use super::{NONE, key, press};
use crate::support;

fn opened(lang: Lang, w: u16, h: u16) -> App {
    let mut app = support::bundled_app(kanbao::app::Options {
        lang,
        source: "builtin".into(),
        ..kanbao::app::Options::default()
    });
    app.update(kanbao::action::Action::Resize(w, h));
    key(&mut app, '?');
    assert_eq!(app.context(), Context::Help);
    app
}

/// The screen's rows, as drawn.
fn rows(app: &App) -> Vec<String> {
    let s = app.geometry().screen;
    support::screen(app, s.width, s.height)
        .lines()
        .map(str::to_string)
        .collect()
}

/// The footer's place, `first–last/all`, as numbers.
fn place(app: &App) -> (usize, usize, usize) {
    let rows = rows(app);
    let footer = rows
        .iter()
        .rev()
        .find(|r| r.contains('–') && r.contains('/'))
        .unwrap_or_else(|| panic!("no place shown: {rows:#?}"));
    let at = footer.find('–').unwrap();
    let start = footer[..at]
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| i + footer[i..].chars().next().unwrap().len_utf8());
    let first = footer[start..at].parse().unwrap();
    let rest = &footer[at + '–'.len_utf8()..];
    let (last, all) = rest.split_once('/').unwrap();
    let all: String = all.chars().take_while(char::is_ascii_digit).collect();
    (first, last.parse().unwrap(), all.parse().unwrap())
}

#[test]
fn at_40x12_the_help_fills_the_screen_and_scrolls_like_less() {
    for lang in [Lang::Zh, Lang::En] {
        let mut app = opened(lang, 40, 12);
        let all = app.help_rows(Context::List).len();
        // Every row but the footer: 11.
        assert_eq!(place(&app), (1, 11, all), "{lang:?}");
        assert_eq!(app.help_page(Context::List), 11);
        let first = rows(&app)[0].clone();
        assert!(
            first.contains(kanbao::i18n::Msg::CtxList.text(lang)),
            "{lang:?}: the first row is the help's: {first}"
        );
        press(&mut app, KeyCode::Char(' '), NONE);
        assert_eq!(place(&app), (12, 22, all), "{lang:?} Space");
        key(&mut app, 'j');
        assert_eq!(place(&app), (13, 23, all), "{lang:?} j");
        press(&mut app, KeyCode::Down, NONE);
        assert_eq!(place(&app), (14, 24, all), "{lang:?} ↓");
        press(&mut app, KeyCode::PageDown, NONE);
        assert_eq!(place(&app), (25, 35, all), "{lang:?} PgDn");
        key(&mut app, 'k');
        press(&mut app, KeyCode::Up, NONE);
        assert_eq!(place(&app), (23, 33, all), "{lang:?} k ↑");
        key(&mut app, 'G');
        assert_eq!(place(&app), (all - 10, all, all), "{lang:?} G");
        key(&mut app, 'g');
        assert_eq!(place(&app), (1, 11, all), "{lang:?} g");
        // q, Esc and ? close it.
        key(&mut app, 'q');
        assert_eq!(app.context(), Context::List);
        key(&mut app, '?');
        press(&mut app, KeyCode::Esc, NONE);
        assert_eq!(app.context(), Context::List);
        key(&mut app, '?');
        key(&mut app, '?');
        assert_eq!(app.context(), Context::List);
        assert!(!app.should_quit());
    }
}

/// Every key and every word of the help can be read, paging with Space: nothing is cut at
/// the edge.
#[test]
fn every_help_line_can_be_read_whole_at_40x12_and_80x24() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(40, 12), (80, 24)] {
            let mut app = opened(lang, w, h);
            let lines = app.help_lines(Context::List);
            let all = app.help_rows(Context::List).len();
            let inner = app.help_box(Context::List).inner;
            // By row of the help: what the screen shows of it, inside the box.
            let mut shown = vec![String::new(); all];
            loop {
                let (first, last, _) = place(&app);
                let screen = rows(&app);
                let body = &screen[usize::from(inner.y)..usize::from(inner.y + inner.height)];
                // The rows between the title (a box has one) and the footer.
                let body = &body[body.len() - 1 - (last - first + 1)..body.len() - 1];
                for (i, row) in body.iter().enumerate() {
                    shown[first - 1 + i] = inside(row, inner.x, inner.width);
                }
                if last == all {
                    break;
                }
                press(&mut app, KeyCode::Char(' '), NONE);
            }
            let text: String = shown.concat().split_whitespace().collect();
            for (keys, what) in &lines {
                for part in [keys.as_str(), what] {
                    let part: String = part.split_whitespace().collect();
                    assert!(
                        text.contains(&part),
                        "{lang:?} {w}x{h}: {part:?} is not shown whole:\n{}",
                        shown.join("\n")
                    );
                }
            }
        }
    }
}

/// The columns `x..x + width` of a drawn row (wide characters take two).
fn inside(row: &str, x: u16, width: u16) -> String {
    let mut col = 0;
    let mut out = String::new();
    for c in row.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if col >= usize::from(x) && col + w <= usize::from(x + width) {
            out.push(c);
        }
        col += w;
    }
    out
}
