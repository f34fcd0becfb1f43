//! The header and the status bar: the reader's position and `n` while searching, a narrow
//! header keeping the count, labels with the full-width colon in Chinese only, no stale
//! count while a search runs, no repeated hint under help, and a cut mark message keeping
//! its closing bracket.

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::filter::DistrictFilter;
use kanbao::i18n::Lang;
use kanbao::layout::AmbiguousWidth;
use kanbao::tui::theme::Theme;
use ratatui::buffer::Buffer;

use super::super::{SIZES, app_with};
use crate::support::{self, draw};

#[test]
fn reader_status_shows_the_position_and_n_only_while_searching() {
    let theme = Theme::new(true, false);
    let status = |app: &App| {
        let terminal = draw(app, &theme, 80, 24);
        let buf = terminal.backend().buffer();
        let row: String = (0..80).map(|x| buf[(x, 23)].symbol()).collect();
        // Wide characters are followed by a blank cell; compare without blanks.
        row.replace(' ', "")
    };
    let mut app = app_with(Lang::Zh, "");
    app.update(Action::Resize(80, 24));
    app.update(Action::MoveDown);
    app.update(Action::MoveDown);
    app.update(Action::Open);
    let plain = status(&app);
    assert!(plain.contains("3/7"), "{plain}");
    assert!(!plain.contains("下一处"), "{plain}");
    let mut app = app_with(Lang::Zh, "驿站");
    app.update(Action::Resize(80, 24));
    app.update(Action::Open);
    let searching = status(&app);
    assert!(searching.contains("1/2"), "{searching}");
    assert!(searching.contains("下一处"), "{searching}");
}

/// The header's first row as text (wide characters once).
fn header_row(buf: &Buffer) -> String {
    let mut row = String::new();
    let mut x = 0;
    while x < buf.area.width {
        let symbol = buf[(x, 0)].symbol();
        row.push_str(symbol);
        x += u16::try_from(unicode_width::UnicodeWidthStr::width(symbol).max(1)).unwrap();
    }
    row
}

#[test]
fn a_narrow_header_keeps_the_count_and_cuts_the_filters() {
    let opts = Options {
        lang: Lang::Zh,
        ambiguous: AmbiguousWidth::Narrow,
        filter: DistrictFilter::parse(&["xc", "cy"]).unwrap().into(),
        query: "gonghui".into(),
        source: "builtin".to_string(),
        ..Options::default()
    };
    let mut app = support::bundled_app(opts);
    for w in [20u16, 30, 40, 60, 120] {
        app.update(Action::Resize(w, 12));
        let terminal = draw(&app, &Theme::new(true, false), w, 12);
        let row = header_row(terminal.backend().buffer());
        assert!(row.trim_end().ends_with("3/7 篇"), "{w}: {row}");
        if w >= 60 {
            assert!(
                row.contains("西城区 朝阳区") && row.contains("gonghui"),
                "{w}: {row}"
            );
        }
    }
    // Too narrow for the count itself: it is cut, never wider than the row.
    app.update(Action::Resize(4, 12));
    let terminal = draw(&app, &Theme::new(true, false), 4, 12);
    assert!(header_row(terminal.backend().buffer()).starts_with("3/7"));
}

/// The status bar (the last row) as text, wide characters once.
fn status_row(buf: &Buffer) -> String {
    let y = buf.area.height - 1;
    let mut row = String::new();
    let mut x = 0;
    while x < buf.area.width {
        let symbol = buf[(x, y)].symbol();
        row.push_str(symbol);
        x += u16::try_from(unicode_width::UnicodeWidthStr::width(symbol).max(1)).unwrap();
    }
    row
}

#[test]
fn while_help_is_open_the_status_bar_does_not_repeat_its_hint() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in SIZES {
            let mut app = app_with(lang, "");
            app.update(Action::Resize(w, h));
            app.update(Action::Help);
            let terminal = draw(&app, &Theme::new(true, false), w, h);
            let screen = format!("{}", terminal.backend());
            let hint = kanbao::keys::hints(kanbao::keys::Hint::Help, lang);
            let bar = status_row(terminal.backend().buffer());
            // On a small screen the help fills it, and the last row is its own footer.
            let fills = app.help_box(kanbao::app::Context::List).outer.height == h;
            assert_eq!(fills, w < 60, "{w}x{h}");
            assert_eq!(bar.contains(&hint), fills, "{w}x{h}: {bar}");
            assert_eq!(
                screen.matches(hint.as_str()).count(),
                1,
                "{w}x{h}: once, in the box"
            );
        }
    }
}

#[test]
fn a_mark_message_cut_to_a_narrow_status_bar_keeps_its_closing_bracket() {
    let theme = Theme::new(true, false);
    // The first article's title is long: 大兴区天宫院街道“党工共建”….
    for (w, h) in [(40, 12), (50, 12), (63, 20), (80, 24)] {
        for open in [false, true] {
            let mut app = app_with(Lang::Zh, "");
            app.update(Action::Resize(w, h));
            if open {
                app.update(Action::Open);
            }
            app.update(Action::ToggleBookmark);
            app.update(Action::ToggleBookmark);
            let terminal = draw(&app, &theme, w, h);
            let bar = status_row(terminal.backend().buffer());
            let bar = bar.trim_end();
            assert!(bar.contains("已取消收藏《大兴区"), "{w}x{h}: {bar}");
            assert!(bar.ends_with("…》"), "{w}x{h}: {bar}");
        }
    }
    // Down to 1 column nothing panics, and the bar never runs past the edge.
    for w in 1..=40 {
        let mut app = app_with(Lang::Zh, "");
        app.update(Action::Resize(w, 12));
        app.update(Action::ToggleBookmark);
        let terminal = draw(&app, &theme, w, 12);
        let bar = status_row(terminal.backend().buffer());
        assert!(
            unicode_width::UnicodeWidthStr::width(bar.as_str()) <= usize::from(w),
            "{w}: {bar}"
        );
    }
}

#[test]
fn the_header_labels_use_the_full_width_colon_in_chinese_only() {
    for (lang, district, search) in [
        (Lang::Zh, "地区：西城区 朝阳区", "搜索：gonghui"),
        (Lang::En, "district: 西城区 朝阳区", "search: gonghui"),
    ] {
        let opts = Options {
            lang,
            ambiguous: AmbiguousWidth::Narrow,
            filter: DistrictFilter::parse(&["xc", "cy"]).unwrap().into(),
            query: "gonghui".into(),
            source: "builtin".to_string(),
            ..Options::default()
        };
        let mut app = support::bundled_app(opts);
        app.update(Action::Resize(120, 30));
        let terminal = draw(&app, &Theme::new(true, false), 120, 30);
        let row = header_row(terminal.backend().buffer());
        assert!(row.contains(district) && row.contains(search), "{row}");
        // The prompt's label is the header's (capitalised in English).
        app.update(Action::OpenSearch);
        let terminal = draw(&app, &Theme::new(true, false), 120, 30);
        let status = status_row(terminal.backend().buffer());
        assert!(
            status.to_lowercase().starts_with(&search.to_lowercase()),
            "{status}"
        );
    }
}

#[test]
fn while_a_search_runs_the_header_does_not_show_a_stale_count() {
    let n = kanbao::app::BACKGROUND_SEARCH_MIN;
    let articles: Vec<kanbao::article::Article> = (0..n)
        .map(|i| kanbao::article::Article {
            id: i.to_string(),
            title: if i % 4 == 0 { "工会驿站" } else { "新闻" }.to_string(),
            ..Default::default()
        })
        .collect();
    let collection = kanbao::collection::Collection::from(articles);
    let mut app = support::app_over(collection, Options::default());
    app.update(Action::Resize(80, 24));
    app.update(Action::OpenSearch);
    let request = app.update(Action::SearchInput("驿站".into())).search;
    assert!(app.is_searching());
    let header = |app: &App| {
        header_row(
            draw(app, &Theme::new(true, false), 80, 24)
                .backend()
                .buffer(),
        )
    };
    assert!(
        header(&app).trim_end().ends_with(&format!("…/{n} 篇")),
        "{}",
        header(&app)
    );
    let request = request.unwrap();
    app.update(request.run(&app.search_index(), &|| false).unwrap());
    assert!(
        header(&app)
            .trim_end()
            .ends_with(&format!("{}/{n} 篇", n / 4)),
        "{}",
        header(&app)
    );
}
