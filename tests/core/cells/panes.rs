//! The list and the picker as drawn: each row's date with no dangling separator, the empty
//! list saying how to clear the filters (and side by side an empty reader pane), picker
//! counts right-aligned, and a picker taller than the screen saying which districts show.

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::filter::DistrictFilter;
use kanbao::i18n::Lang;
use kanbao::layout::AmbiguousWidth;
use kanbao::load::load_bundled;
use kanbao::tui::theme::Theme;

use super::super::{app_with, find_cells};
use crate::support::{self, draw};

#[test]
fn list_rows_of_an_archive_show_each_article_date() {
    let articles: Vec<_> = kanbao::archive::Generator::new(40, 7).collect();
    let banner = load_bundled().unwrap().banner().map(str::to_string);
    let collection = kanbao::collection::Collection::new(banner, articles.clone());
    let mut app = support::app_over(collection, Options::default());
    app.update(Action::Resize(80, 24));
    let terminal = draw(&app, &Theme::new(true, false), 80, 24);
    let screen = format!("{}", terminal.backend());
    for a in articles.iter().take(5) {
        let date = a.date.as_deref().unwrap();
        assert!(screen.contains(date), "{date} on screen:\n{screen}");
    }
}

#[test]
fn side_by_side_an_empty_list_leaves_the_reader_pane_empty() {
    // 120x40 /xqxq Enter: no results. The pane has nothing to open, so it says nothing.
    for lang in [Lang::Zh, Lang::En] {
        let mut app = app_with(lang, "");
        app.update(Action::Resize(120, 40));
        for a in [
            Action::OpenSearch,
            Action::SearchInput("xqxq".into()),
            Action::SearchAccept,
        ] {
            app.update(a);
        }
        assert!(app.view().is_empty());
        let terminal = draw(&app, &Theme::new(true, false), 120, 40);
        let buf = terminal.backend().buffer();
        let pane = app.geometry().reader;
        assert!(pane.width > 0 && pane.height > 0);
        for y in pane.y..pane.y + pane.height {
            for x in pane.x..pane.x + pane.width {
                assert_eq!(buf[(x, y)].symbol(), " ", "{lang:?} at ({x}, {y})");
            }
        }
        assert!(find_cells(buf, "Enter").is_empty(), "{lang:?}");
    }
}

#[test]
fn picker_counts_are_right_aligned_in_a_column() {
    // 海淀区 (3 wide characters) 5605, 石景山区 (4) 5671, 东城区 7, unstated 12.
    let mut articles = Vec::new();
    for (district, n) in [
        (Some("海淀区"), 5605),
        (Some("石景山区"), 5671),
        (Some("东城区"), 7),
        (None, 12),
    ] {
        for i in 0..n {
            articles.push(kanbao::article::Article {
                id: format!("{district:?}{i}"),
                title: "标题".into(),
                district: district.map(str::to_string),
                ..kanbao::article::Article::default()
            });
        }
    }
    let collection = kanbao::collection::Collection::from(articles);
    let mut app = support::app_over(collection, Options::default());
    app.update(Action::Resize(80, 24));
    app.update(Action::OpenPicker);
    let terminal = draw(&app, &Theme::new(true, false), 80, 24);
    let buf = terminal.backend().buffer();
    // Each picker row: the column its name starts at and the column its count ends at.
    let mut rows = Vec::new();
    for y in 0..buf.area.height {
        let sym = |x: u16| buf[(x, y)].symbol();
        let Some(tick) = (0..buf.area.width - 3)
            .find(|&x| sym(x) == "[" && sym(x + 2) == "]" && sym(x + 3) == " ")
        else {
            continue;
        };
        let border = (tick..buf.area.width).find(|&x| sym(x) == "│").unwrap();
        let count_end = (tick..border)
            .filter(|&x| sym(x).chars().all(|c| c.is_ascii_digit()) && !sym(x).is_empty())
            .max()
            .unwrap();
        rows.push((tick + 4, count_end, sym(tick + 4).to_string()));
    }
    let names: Vec<&str> = rows.iter().map(|(_, _, n)| n.as_str()).collect();
    assert_eq!(names, ["东", "石", "海", "未"], "{rows:?}");
    assert!(
        rows.iter().all(|r| r.0 == rows[0].0),
        "names start together: {rows:?}"
    );
    assert!(
        rows.iter().all(|r| r.1 == rows[0].1),
        "counts end together: {rows:?}"
    );
}

#[test]
fn an_empty_list_says_how_to_clear_the_filters() {
    // `kanbao --district haidian`: no 海淀区 article on the bundled page.
    for (lang, hint) in [
        (Lang::Zh, "没有符合条件的文章（按 c 清除地区）"),
        (Lang::En, "No matching articles (c clears the districts)"),
    ] {
        let opts = Options {
            lang,
            ambiguous: AmbiguousWidth::Narrow,
            filter: DistrictFilter::parse(&["haidian"]).unwrap().into(),
            query: String::new(),
            source: "builtin".to_string(),
            ..Options::default()
        };
        let mut app = support::bundled_app(opts);
        app.update(Action::Resize(80, 24));
        let terminal = draw(&app, &Theme::new(true, false), 80, 24);
        let screen = format!("{}", terminal.backend());
        let row: String = screen.lines().nth(1).unwrap().replace(' ', "");
        assert!(row.contains(&hint.replace(' ', "")), "{lang:?}:\n{screen}");
    }
}

#[test]
fn a_picker_taller_than_the_screen_says_which_districts_are_shown() {
    let collection = support::every_district();
    let mut app = support::app_over(collection, Options::default());
    app.update(Action::Resize(80, 12));
    app.update(Action::OpenPicker);
    let screen = |app: &App| {
        let s = app.geometry().screen;
        format!(
            "{}",
            draw(app, &Theme::new(true, false), s.width, s.height).backend()
        )
    };
    // 12 rows: a box of 12, 8 districts of 17.
    assert!(screen(&app).contains("1–8/17"), "{}", screen(&app));
    app.update(Action::Bottom);
    assert!(screen(&app).contains("10–17/17"), "{}", screen(&app));
    // All in view: no counter.
    app.update(Action::Resize(80, 30));
    assert!(!screen(&app).contains("–"), "{}", screen(&app));
    // Tiny screens draw without panicking.
    for (w, h) in [(1, 1), (3, 2), (10, 4), (20, 5)] {
        app.update(Action::Resize(w, h));
        draw(&app, &Theme::new(true, false), w, h);
    }
}

#[test]
fn an_empty_date_leaves_no_dangling_separator_in_a_list_row() {
    let articles: Vec<kanbao::article::Article> = ["", " "]
        .iter()
        .enumerate()
        .map(|(i, date)| kanbao::article::Article {
            id: format!("d{i}"),
            title: "工会驿站开放".into(),
            district: Some("大兴区".into()),
            date: Some(date.to_string()),
            reporters: vec!["孙艳".into()],
            paragraphs: vec!["工会驿站开放。".into()],
            ..kanbao::article::Article::default()
        })
        .collect();
    let collection = kanbao::collection::Collection::from(articles);
    for query in ["", "驿站"] {
        let opts = Options {
            query: query.into(),
            ..Options::default()
        };
        let mut app = support::app_over(collection.clone(), opts);
        app.update(Action::Resize(80, 24));
        let terminal = draw(&app, &Theme::new(true, false), 80, 24);
        let buf = terminal.backend().buffer();
        // The second row of each item: district, date, reporters (or the snippet).
        let rows: Vec<String> = [2u16, 4]
            .into_iter()
            .map(|y| {
                let mut row = String::new();
                let mut x = 0;
                while x < 80 {
                    let symbol = buf[(x, y)].symbol();
                    row.push_str(symbol);
                    x += u16::try_from(unicode_width::UnicodeWidthStr::width(symbol).max(1))
                        .unwrap();
                }
                row.trim().to_string()
            })
            .collect();
        for text in &rows {
            assert!(
                !text.starts_with('·') && !text.ends_with('·'),
                "{query:?}: {text}"
            );
            assert!(
                !text.contains("·  ·") && !text.contains("· ·"),
                "{query:?}: {text}"
            );
        }
        if query.is_empty() {
            assert!(rows.iter().any(|r| r.contains("大兴区 · 孙艳")), "{rows:?}");
        }
    }
}
