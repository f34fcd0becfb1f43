//! Frames of the reader on ratatui's TestBackend, as insta snapshots (text only). insta keeps
//! them in `snapshots/` beside this file, named after this module: every frame snapshot is
//! taken here. Styles and rows asserted on cells, tiny sizes and a resize storm that must
//! not panic are in [`cells`] (`tests/core/cells/`), a module of this one.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

#[path = "cells/mod.rs"]
mod cells;

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::filter::DistrictFilter;
use kanbao::i18n::Lang;
use kanbao::layout::AmbiguousWidth;
use kanbao::tui::theme::Theme;
use kanbao::tui::view;
use ratatui::buffer::Buffer;

use support::draw;

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (40, 12)];

fn app_with(lang: Lang, query: &str) -> App {
    let opts = Options {
        lang,
        ambiguous: AmbiguousWidth::Narrow,
        filter: DistrictFilter::default().into(),
        query: query.to_string(),
        source: "builtin".to_string(),
        ..Options::default()
    };
    support::bundled_app(opts)
}

/// Snapshots the screen after `actions`, at every size.
fn frames(name: &str, actions: &[Action]) {
    for (w, h) in SIZES {
        let mut app = app_with(Lang::Zh, "");
        app.update(Action::Resize(w, h));
        for a in actions {
            app.update(a.clone());
        }
        let terminal = draw(&app, &Theme::new(true, false), w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn list() {
    frames("list", &[Action::MoveDown]);
}

#[test]
fn reader() {
    frames("reader", &[Action::Open, Action::NextPage]);
}

#[test]
fn picker() {
    frames(
        "picker",
        &[Action::OpenPicker, Action::PickerDown, Action::PickerToggle],
    );
}

#[test]
fn prompt() {
    frames(
        "prompt",
        &[Action::OpenSearch, Action::SearchInput("驿站".into())],
    );
}

#[test]
fn a_long_query_scrolls_to_keep_the_cursor_in_view() {
    let long = "gonghui yizhan fuwu xin jiuye xingtai laodongzhe 工会驿站";
    let mut app = app_with(Lang::Zh, "");
    app.update(Action::Resize(40, 12));
    app.update(Action::OpenSearch);
    app.update(Action::SearchInput(long.into()));
    let mut terminal = draw(&app, &Theme::new(true, false), 40, 12);
    insta::assert_snapshot!("prompt_long_end_40x12", terminal.backend());
    // The cursor is on the cell after the last character, not on a `…`.
    let (x, y) = terminal.get_cursor_position().map(|p| (p.x, p.y)).unwrap();
    assert_eq!(y, 11);
    let buf = terminal.backend().buffer();
    assert_eq!(buf[(x - 2, y)].symbol(), "站");
    assert_eq!(buf[(x, y)].symbol(), " ");
    // Home: the start shows, the end is cut.
    app.update(Action::SearchHome);
    terminal
        .draw(|f| view::render(&app, &Theme::new(true, false), f))
        .unwrap();
    insta::assert_snapshot!("prompt_long_home_40x12", terminal.backend());
    let x = terminal.get_cursor_position().unwrap().x;
    assert_eq!(terminal.backend().buffer()[(x, 11)].symbol(), "g");
}

#[test]
fn help() {
    frames("help", &[Action::Help]);
}

#[test]
fn help_scrolled_to_the_end() {
    frames("help_end", &[Action::Help, Action::LastPage]);
}

#[test]
fn help_side_by_side_lists_tab() {
    let mut app = app_with(Lang::En, "");
    app.update(Action::Resize(120, 40));
    app.update(Action::Help);
    let terminal = draw(&app, &Theme::new(true, false), 120, 40);
    insta::assert_snapshot!("english_help_120x40", terminal.backend());
}

#[test]
fn english_list() {
    let mut app = app_with(Lang::En, "");
    app.update(Action::Resize(80, 24));
    app.update(Action::OpenPicker);
    let terminal = draw(&app, &Theme::new(true, false), 80, 24);
    insta::assert_snapshot!("english_picker_80x24", terminal.backend());
}

/// Cells of `buf` whose symbols spell `needle` on one row, by grapheme, below the header
/// and above the status bar.
fn find_cells(buf: &Buffer, needle: &str) -> Vec<(u16, u16)> {
    let area = buf.area;
    let chars: Vec<String> = needle.chars().map(String::from).collect();
    for y in area.top() + 1..area.bottom() - 1 {
        let row: Vec<(u16, &str)> = (area.left()..area.right())
            .map(|x| (x, buf[(x, y)].symbol()))
            .filter(|(_, s)| !s.is_empty() && *s != " ")
            .collect();
        for start in 0..row.len() {
            if row[start..].len() >= chars.len()
                && row[start..start + chars.len()]
                    .iter()
                    .zip(&chars)
                    .all(|((_, s), c)| s == c)
            {
                return row[start..start + chars.len()]
                    .iter()
                    .map(|(x, _)| (*x, y))
                    .collect();
            }
        }
    }
    Vec::new()
}

#[test]
fn an_article_with_no_text_shows_a_dim_note() {
    // The hostile corpus's empty photo report, h10: no paragraphs at all.
    for (lang, note) in [(Lang::Zh, "（本文无正文）"), (Lang::En, "(notext)")] {
        let path = std::path::Path::new("tests/hostile/articles.jsonl");
        let (collection, _) = kanbao::load::load(Some(path)).unwrap();
        let opts = Options {
            lang,
            ambiguous: AmbiguousWidth::Narrow,
            source: "hostile".to_string(),
            ..Options::default()
        };
        let mut app = support::app_over(collection, opts);
        app.update(Action::Resize(80, 24));
        while app.selected_article().unwrap().id != "h10" {
            app.update(Action::MoveDown);
        }
        app.update(Action::Open);
        let theme = Theme::new(true, false);
        let terminal = draw(&app, &theme, 80, 24);
        if lang == Lang::Zh {
            insta::assert_snapshot!("no_text_80x24", terminal.backend());
        }
        let buf = terminal.backend().buffer();
        let cells = find_cells(buf, note);
        assert!(!cells.is_empty(), "{lang:?}: the note is on screen");
        // Dim, in the meta line's style, not the body's.
        for c in &cells {
            assert_eq!(buf[*c].fg, theme.meta.fg.unwrap(), "{lang:?}");
        }
        // Below the meta line and the blank line after it, at the text column's left.
        let text = app.geometry().text;
        assert_eq!(cells[0], (text.x, text.y + 3), "{lang:?}");
    }
}

#[test]
fn an_empty_list_message_wraps_at_word_boundaries_at_40x12() {
    // `kanbao --district haidian` at 40 columns: the message wrapped `地区` into `地` / `区`.
    for lang in [Lang::Zh, Lang::En] {
        let opts = Options {
            lang,
            filter: DistrictFilter::parse(&["haidian"]).unwrap().into(),
            source: "builtin".to_string(),
            ..Options::default()
        };
        let mut app = support::bundled_app(opts);
        app.update(Action::Resize(40, 12));
        let terminal = draw(&app, &Theme::new(true, false), 40, 12);
        if lang == Lang::Zh {
            insta::assert_snapshot!("empty_list_40x12", terminal.backend());
        }
        let screen = format!("{}", terminal.backend());
        let rows: Vec<String> = screen.lines().map(|l| l.replace(' ', "")).collect();
        let words: &[&str] = match lang {
            Lang::Zh => &["没有符合条件的文章", "清除地区"],
            Lang::En => &["articles", "clears", "districts"],
        };
        for word in words {
            assert!(rows.iter().any(|r| r.contains(word)), "{word}:\n{screen}");
        }
    }
}
