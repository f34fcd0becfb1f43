//! Frames of the reader on ratatui's TestBackend, as insta snapshots (text only; styles are
//! asserted on cells below), plus tiny sizes and a resize storm that must not panic.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

mod support;

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::filter::DistrictFilter;
use kanbao::i18n::Lang;
use kanbao::layout::AmbiguousWidth;
use kanbao::load::load_bundled;
use kanbao::tui::theme::Theme;
use kanbao::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

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

use support::draw;

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
fn search_hits_are_lit_in_the_reader() {
    let mut app = app_with(Lang::Zh, "驿站");
    app.update(Action::Resize(80, 24));
    app.update(Action::Open);
    app.update(Action::NextMatch);
    let theme = Theme::new(true, false);
    let terminal = draw(&app, &theme, 80, 24);
    let buf = terminal.backend().buffer();
    let cells = find_cells(buf, "驿站");
    assert!(!cells.is_empty(), "a hit is on screen");
    let lit = |c: &(u16, u16)| {
        let cell = &buf[*c];
        cell.bg == Color::Yellow || cell.bg == Color::LightRed
    };
    assert!(cells.iter().all(lit));
    let current = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .filter(|c| buf[*c].bg == Color::LightRed)
        .count();
    assert!(current >= 2, "the current hit stands out");
}

#[test]
fn search_hits_use_underline_without_colour() {
    let mut app = app_with(Lang::Zh, "驿站");
    app.update(Action::Resize(120, 40));
    let theme = Theme::new(false, false);
    let terminal = draw(&app, &theme, 120, 40);
    let buf = terminal.backend().buffer();
    let cells = find_cells(buf, "驿站");
    assert!(!cells.is_empty());
    for c in &cells {
        assert!(buf[*c].modifier.contains(Modifier::UNDERLINED));
        assert_eq!(buf[*c].bg, Color::Reset);
        assert_eq!(buf[*c].fg, Color::Reset);
    }
}

#[test]
fn every_tiny_size_renders() {
    let theme = Theme::new(true, false);
    let setups: [&[Action]; 6] = [
        &[],
        &[Action::Open, Action::NextPage],
        &[Action::OpenPicker],
        &[Action::Help],
        &[Action::Help, Action::LastPage, Action::LineUp],
        &[Action::OpenSearch, Action::SearchInput("驿站".into())],
    ];
    for actions in setups {
        for w in 1..=12 {
            for h in 1..=6 {
                let mut app = app_with(Lang::Zh, "");
                app.update(Action::Resize(w, h));
                for a in actions {
                    app.update(a.clone());
                }
                draw(&app, &theme, w, h);
            }
        }
    }
}

#[test]
fn a_resize_storm_keeps_rendering() {
    let theme = Theme::new(true, false);
    let mut app = app_with(Lang::Zh, "工会");
    app.update(Action::Resize(120, 40));
    app.update(Action::Open);
    app.update(Action::NextPage);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let sizes = (0..200u16).map(|i| (1 + (i * 37) % 160, 1 + (i * 13) % 50));
    for (w, h) in sizes {
        app.update(Action::Resize(w, h));
        terminal.backend_mut().resize(w, h);
        terminal
            .resize(ratatui::layout::Rect::new(0, 0, w, h))
            .unwrap();
        terminal.draw(|f| view::render(&app, &theme, f)).unwrap();
        app.update(Action::NextMatch);
    }
}

#[test]
fn wide_ambiguous_mode_draws_ascii_borders_and_forced_widths() {
    let opts = Options {
        ambiguous: AmbiguousWidth::Wide,
        source: "builtin".into(),
        ..Options::default()
    };
    let mut app = support::bundled_app(opts);
    app.update(Action::Resize(120, 40));
    app.update(Action::Open);
    app.update(Action::OpenPicker);
    let terminal = draw(&app, &Theme::new(true, true), 120, 40);
    let buf = terminal.backend().buffer();
    let quote = buf
        .content
        .iter()
        .find(|c| kanbao::tui::view::text::shown(c.symbol()) == "“")
        .expect("a quotation mark is on screen");
    assert_eq!(
        quote.diff_option,
        ratatui::buffer::CellDiffOption::ForcedWidth(std::num::NonZeroU16::new(2).unwrap())
    );
    assert!(buf.content.iter().any(|c| c.symbol() == "+"));
    assert!(!buf.content.iter().any(|c| "─│╭╮╰╯".contains(c.symbol())));
}

#[test]
fn side_by_side_the_focused_pane_stands_out() {
    let theme = Theme::new(true, false);
    let mut app = app_with(Lang::Zh, "");
    app.update(Action::Resize(120, 40));
    let g = app.geometry();
    let bar = (g.list.x + 1, g.list.y);
    let line = (g.separator.x, g.separator.y);
    let terminal = draw(&app, &theme, 120, 40);
    let buf = terminal.backend().buffer();
    assert_eq!(buf[bar].bg, Color::Blue, "list focused: a bright bar");
    assert_ne!(buf[line].fg, Color::Blue);
    app.update(Action::Open);
    let terminal = draw(&app, &theme, 120, 40);
    let buf = terminal.backend().buffer();
    assert_eq!(buf[bar].bg, Color::DarkGray, "reader focused: the bar dims");
    assert_eq!(
        buf[line].fg,
        Color::Blue,
        "and the line beside the reader lights"
    );
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
            assert!(!bar.contains(&hint), "{w}x{h}: {bar}");
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
        (Lang::Zh, "没有符合条件的文章（按 c 清除搜索和地区）"),
        (
            Lang::En,
            "No matching articles (c clears search and districts)",
        ),
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
            Lang::Zh => &["没有符合条件的文章", "清除搜索和地区"],
            Lang::En => &["articles", "clears", "districts"],
        };
        for word in words {
            assert!(rows.iter().any(|r| r.contains(word)), "{word}:\n{screen}");
        }
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
