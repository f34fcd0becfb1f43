//! Dates in the reader: it starts with the date filter and its header shows the range, `o`
//! lists a search newest first, `t` asks for a date and `c` clears it, and the date key
//! leaves a quoted phrase as it was.

use std::path::Path;

use super::archive;
use crate::support;

#[test]
fn the_reader_starts_with_the_date_filter() {
    use kanbao::app::Options;
    use kanbao::date::DateRange;
    use kanbao::filter::Filter;
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    let (collection, _) = kanbao::load::load(Some(Path::new(&data))).unwrap();
    let opts = Options {
        filter: Filter {
            dates: DateRange::parse("2024-01..2024-03").unwrap(),
            ..Filter::default()
        },
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(collection, opts);
    app.update(kanbao::action::Action::Resize(80, 24));
    let shown: Vec<&str> = app
        .view()
        .iter()
        .map(|&i| app.collection()[i].id.as_str())
        .collect();
    assert_eq!(shown, ["d", "c", "b"]);
}

#[test]
fn the_reader_header_shows_the_date_range_and_c_clears_it() {
    use kanbao::action::Action;
    use kanbao::app::Options;
    use kanbao::date::DateRange;
    use kanbao::filter::Filter;
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    let (collection, _) = kanbao::load::load(Some(Path::new(&data))).unwrap();
    let opts = Options {
        filter: Filter {
            dates: DateRange::since("2024-03").unwrap(),
            ..Filter::default()
        },
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(collection, opts);
    app.update(Action::Resize(100, 24));
    let backend = ratatui::backend::TestBackend::new(100, 24);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    let theme = kanbao::tui::theme::Theme::new(false, false);
    terminal
        .draw(|f| kanbao::tui::view::render(&app, &theme, f))
        .unwrap();
    let header: String = (0..100)
        .map(|x| terminal.backend().buffer()[(x, 0)].symbol().to_string())
        .collect::<String>()
        .replace(' ', "");
    // The date filter is the search's `date:` (see one_filter.rs), shown once.
    assert!(header.contains("date:2024-03.."), "{header}");
    assert!(!header.contains("日期"), "{header}");
    assert!(header.contains("4/7"), "{header}");
    app.update(Action::ClearFilters);
    assert!(app.filter().dates.is_all());
    assert_eq!(app.view().len(), 7);
}

#[test]
fn o_in_the_reader_lists_a_search_newest_first_and_the_header_says_so() {
    use kanbao::action::Action;
    use kanbao::app::{Context, Options};
    use kanbao::article::Article;
    use kanbao::collection::Collection;
    use kanbao::keys::{Key, KeyName, action_for};
    let article = |id: &str, date: Option<&str>, text: &str| Article {
        id: id.into(),
        title: format!("第{id}篇"),
        date: date.map(str::to_string),
        paragraphs: vec![text.into()],
        ..Article::default()
    };
    // Newest first, as loading orders them; the oldest has the most hits.
    let collection = Collection::new(
        None,
        vec![
            article("new", Some("2024-05-01"), "工会。"),
            article("mid", Some("2022-01-01"), "工会，工会。"),
            article("old", Some("2020-01-01"), "工会，工会，工会。"),
            article("none", None, "工会，工会，工会，工会。"),
        ],
    );
    let opts = Options {
        query: "工会".into(),
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(collection, opts);
    app.update(Action::Resize(100, 24));
    let shown = |app: &kanbao::app::App| -> Vec<String> {
        app.view()
            .iter()
            .map(|&i| app.collection()[i].id.clone())
            .collect()
    };
    let best = shown(&app);
    assert_eq!(best, ["none", "old", "mid", "new"]);
    let key = action_for(Context::List, Key::Code(KeyName::Char('o')));
    assert_eq!(key, Some(Action::ToggleSort));
    app.update(Action::ToggleSort);
    assert!(app.sorted_by_date());
    assert_eq!(shown(&app), ["new", "mid", "old", "none"]);
    let header = |app: &kanbao::app::App| {
        let backend = ratatui::backend::TestBackend::new(100, 24);
        let mut terminal = ratatui::Terminal::new(backend).unwrap();
        let theme = kanbao::tui::theme::Theme::new(false, false);
        terminal
            .draw(|f| kanbao::tui::view::render(app, &theme, f))
            .unwrap();
        (0..100)
            .map(|x| terminal.backend().buffer()[(x, 0)].symbol().to_string())
            .collect::<String>()
            .replace(' ', "")
    };
    assert!(header(&app).contains("按日期"), "{}", header(&app));
    app.update(Action::ToggleSort);
    assert!(!header(&app).contains("按日期"));
    assert_eq!(shown(&app), best);
    assert_eq!(app.status(), None, "with a search, o says nothing more");
    // Without a search the list is newest first already: `o` says so instead of nothing.
    app.update(Action::ClearFilters);
    app.update(Action::ToggleSort);
    assert!(
        app.status().is_some_and(|s| s.contains("已按日期从新到旧")),
        "{:?}",
        app.status()
    );
}

#[test]
fn t_in_the_reader_asks_for_a_date_and_c_clears_it() {
    use kanbao::action::Action;
    use kanbao::app::{Context, Options};
    use kanbao::keys::{Key, KeyName, action_for};
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    let (collection, _) = kanbao::load::load(Some(Path::new(&data))).unwrap();
    let opts = Options {
        query: "工会".into(),
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(collection, opts);
    app.update(Action::Resize(100, 24));
    let key = action_for(Context::List, Key::Code(KeyName::Char('t')));
    assert_eq!(key, Some(Action::OpenDatePrompt));
    app.update(Action::OpenDatePrompt);
    assert_eq!(app.query_text(), "工会 date:");
    // Nothing typed after `date:` yet: no error, the list is 工会's.
    assert_eq!(app.query_error(), None);
    let before = app.view().len();
    assert!(before > 0);
    app.update(Action::SearchInput("2024-01..2024-03".into()));
    assert_eq!(app.query_error(), None);
    app.update(Action::SearchAccept);
    let shown: Vec<&str> = app
        .view()
        .iter()
        .map(|&i| app.collection()[i].id.as_str())
        .collect();
    assert_eq!(shown, ["d", "c", "b"]);
    // A value that is no date says so on the prompt line, and Enter cannot keep it. The
    // date key puts its `date:` in place of the one the search has (two narrowed each
    // other: `date:2021-03 date:2022` found nothing, until session 25), with its value
    // selected to edit or type over (session 31).
    app.update(Action::OpenDatePrompt);
    assert_eq!(app.query_text(), "工会 date:2024-01..2024-03");
    app.update(Action::SearchInput("2024-13".into()));
    assert_eq!(app.query_text(), "工会 date:2024-13");
    assert!(app.query_error().is_some_and(|e| e.contains("date:")));
    app.update(Action::SearchCancel);
    app.update(Action::ClearFilters);
    assert_eq!(app.query_text(), "");
    assert_eq!(app.view().len(), 7);
}

#[test]
fn the_date_prompt_in_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    let mut term = support::Term::start(&["--no-index", "--no-state", "--data", &data], 80, 24);
    term.wait_text("7 篇");
    term.send("t");
    term.wait_text("date:");
    term.send("2024-03\r");
    term.wait_text("2/7 篇");
    let screen = term.contents();
    assert!(screen.contains("妇女节工会活动"), "{screen}");
    assert!(!screen.contains("国庆驿站"), "{screen}");
    term.send("c");
    term.wait_for("every article again", |s| {
        s.lines()
            .next()
            .is_some_and(|header| header.ends_with(" 7 篇") && !header.contains("date:"))
    });
    term.send("q");
    term.expect_restored();
}

#[test]
fn the_date_key_leaves_a_quoted_phrase_and_a_full_width_space_as_they_were() {
    // The date key takes the search's `date:` out before adding its own (session 25); a
    // `date:` inside a quoted phrase is part of a word sought, not an operator, and a
    // `date:` after a full-width space (a separator to the query) is one.
    use kanbao::action::Action;
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    let (collection, _) = kanbao::load::load(Some(Path::new(&data))).unwrap();
    for (query, shown) in [
        ("\"会议 date:2021\"", "\"会议 date:2021\" date:"),
        ("工会　date:2021", "工会 date:2021"),
        ("工会 date:2021 驿站", "工会 驿站 date:2021"),
        ("“会议 date:2021”", "“会议 date:2021” date:"),
        ("“工会 date:2021", "“工会 date:2021"),
    ] {
        let opts = kanbao::app::Options {
            query: query.into(),
            source: "test".into(),
            ..kanbao::app::Options::default()
        };
        let mut app = support::app_over(collection.clone(), opts);
        app.update(Action::Resize(100, 24));
        app.update(Action::OpenDatePrompt);
        assert_eq!(app.query_text(), shown, "after {query}");
    }
}
