//! The reader's one date filter (session 31). A hands-on tester started the reader with
//! `--since 2024-03 --until 2024-03`, pressed `t` and typed `2025`: the search got
//! `date:2025` while the header still showed `日期 2024-03-01..2024-03-31`, and nothing
//! was found under two contradictory date filters; and `t` over a `date:2024-03` dropped
//! the value instead of offering it for editing. Now the date filter is the search's
//! `date:`, wherever it came from (`--since`/`--until`, `T`, `t` or typed): the header
//! shows it once, in the search; `t` edits it, its value selected; `T` replaces it; and a
//! new search typed over the kept one keeps it.

use std::path::Path;

use kanbao::action::Action;
use kanbao::app::{App, Mode, Options};
use kanbao::date::DateRange;
use kanbao::filter::Filter;

use super::{archive, support};

/// The reader over the test archive, started with `--since`/`--until` as `dates` and
/// `query` (each may be empty).
fn reader(dir: &Path, dates: DateRange, query: &str) -> App {
    let data = archive(dir);
    let (collection, _) = kanbao::load::load(Some(Path::new(&data))).unwrap();
    let opts = Options {
        filter: Filter {
            dates,
            ..Filter::default()
        },
        query: query.into(),
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(collection, opts);
    app.update(Action::Resize(100, 24));
    app
}

fn march() -> DateRange {
    let since = DateRange::since("2024-03").unwrap();
    since.and(DateRange::until("2024-03").unwrap())
}

/// The header row, spaces left out.
fn header(app: &App) -> String {
    let screen = support::screen(app, 100, 24);
    screen.lines().next().unwrap().replace(' ', "")
}

/// The selected part of the prompt's text, if any.
fn selection(app: &App) -> Option<String> {
    match app.mode() {
        Mode::Search {
            cursor,
            selected: true,
            from,
            ..
        } => Some(app.query_text()[*from..*cursor].to_string()),
        _ => None,
    }
}

#[test]
fn the_dates_of_the_command_line_are_the_searchs_date_and_t_edits_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(dir.path(), march(), "");
    assert_eq!(app.query_text(), "date:2024-03");
    assert!(app.filter().dates.is_all(), "one date filter, not two");
    assert_eq!(support::shown_ids(&app), ["d", "c"]);
    let top = header(&app);
    assert!(top.contains("date:2024-03"), "{top}");
    assert!(!top.contains("日期"), "{top}");
    // `t` opens the prompt on it, its value selected: typing replaces it.
    app.update(Action::OpenDatePrompt);
    assert_eq!(app.query_text(), "date:2024-03");
    assert_eq!(selection(&app).as_deref(), Some("2024-03"));
    app.update(Action::SearchInput("2025".into()));
    assert_eq!(app.query_text(), "date:2025");
    app.update(Action::SearchAccept);
    assert_eq!(support::shown_ids(&app), ["f"]);
    let top = header(&app);
    assert!(
        top.contains("date:2025") && !top.contains("2024-03"),
        "{top}"
    );
    assert!(top.contains("1/7"), "{top}");
}

#[test]
fn t_over_a_date_offers_its_value_to_edit_and_esc_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(dir.path(), DateRange::ALL, "驿站 日期:2024年3月");
    assert_eq!(support::shown_ids(&app), ["d"]);
    app.update(Action::OpenDatePrompt);
    assert_eq!(app.query_text(), "驿站 date:2024-03");
    assert_eq!(selection(&app).as_deref(), Some("2024-03"));
    // An arrow keeps the value to edit: `←` to its start, `→` to its end.
    app.update(Action::SearchRight);
    assert_eq!(selection(&app), None);
    app.update(Action::SearchBackspace);
    app.update(Action::SearchInput("1".into()));
    assert_eq!(app.query_text(), "驿站 date:2024-01");
    assert_eq!(support::shown_ids(&app), ["b"]);
    // `Esc` goes back to the date as it was.
    app.update(Action::SearchCancel);
    assert_eq!(app.query_text(), "驿站 日期:2024年3月");
    assert_eq!(support::shown_ids(&app), ["d"]);
    // Two dates narrowing each other are the one range they leave.
    let mut app = reader(
        dir.path(),
        DateRange::since("2024-02").unwrap(),
        "date:2024",
    );
    assert_eq!(app.query_text(), "date:2024-02..2024-12");
    app.update(Action::OpenDatePrompt);
    assert_eq!(selection(&app).as_deref(), Some("2024-02..2024-12"));
    app.update(Action::SearchLeft);
    assert_eq!(selection(&app), None);
    assert!(matches!(app.mode(), Mode::Search { cursor: 5, .. }));
    // A reversed range typed says so on the prompt line.
    app.update(Action::SearchClearToEnd);
    app.update(Action::SearchInput("2024..2023".into()));
    let error = app.query_error().unwrap_or_default().to_string();
    assert!(error.contains("颠倒"), "{error}");
}

#[test]
fn the_timeline_replaces_the_date_and_a_new_search_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(dir.path(), DateRange::parse("2024").unwrap(), "");
    assert_eq!(app.query_text(), "date:2024");
    // e (2024-10) is selected: the timeline opens on its month; Enter filters by it.
    app.update(Action::OpenTimeline);
    app.update(Action::PickerApply);
    assert_eq!(app.query_text(), "date:2024-10");
    assert!(app.filter().dates.is_all());
    assert_eq!(support::shown_ids(&app), ["e"]);
    // A search typed over the kept one replaces its words, not its date.
    app.update(Action::OpenSearch);
    assert_eq!(
        app.query_text(),
        " date:2024-10",
        "the cursor before the date"
    );
    assert!(matches!(app.mode(), Mode::Search { cursor: 0, .. }));
    app.update(Action::SearchInput("驿站".into()));
    app.update(Action::SearchAccept);
    assert_eq!(app.query_text(), "驿站 date:2024-10");
    assert_eq!(support::shown_ids(&app), ["e"]);
    app.update(Action::OpenSearch);
    assert_eq!(selection(&app).as_deref(), Some("驿站"));
    app.update(Action::SearchInput("工会".into()));
    assert_eq!(app.query_text(), "工会 date:2024-10");
    assert!(app.view().is_empty());
    // The whole query goes with `Ctrl-U` from the end, and `c` clears it all.
    app.update(Action::SearchEnd);
    app.update(Action::SearchClearToStart);
    app.update(Action::SearchAccept);
    assert_eq!(support::shown_ids(&app).len(), 7);
    // T over a search with a date keeps its words.
    let mut app = reader(dir.path(), DateRange::ALL, "驿站 date:2024");
    app.update(Action::OpenTimeline);
    app.update(Action::PickerUp);
    app.update(Action::PickerApply);
    assert_eq!(app.query_text(), "驿站 date:2024-09");
    app.update(Action::ClearFilters);
    assert_eq!(app.query_text(), "");
}

#[test]
fn the_testers_sequence_in_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    let args = [
        "--no-index",
        "--no-state",
        "--data",
        &data,
        "--since",
        "2024-03",
        "--until",
        "2024-03",
    ];
    let mut term = support::Term::start(&args, 80, 24);
    term.wait_text("2/7 篇");
    let top = |s: &str| s.lines().next().unwrap_or_default().to_string();
    assert!(
        top(&term.contents()).contains("date:2024-03"),
        "{}",
        term.contents()
    );
    term.send("t");
    term.send("2025\r");
    term.wait_text("1/7 篇");
    let screen = term.contents();
    assert!(top(&screen).contains("date:2025"), "{screen}");
    assert!(!top(&screen).contains("2024-03"), "{screen}");
    assert!(screen.contains("新春工会驿站"), "{screen}");
    term.send("q");
    term.expect_restored();
}

#[test]
fn enter_over_a_date_alone_keeps_it_as_it_was() {
    // `/` over a search of a date alone opens with the cursor before it (` date:2024`);
    // `Enter` with nothing typed keeps the search as it was, not with that space.
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(dir.path(), DateRange::parse("2024").unwrap(), "");
    app.update(Action::OpenSearch);
    app.update(Action::SearchAccept);
    assert_eq!(app.query_text(), "date:2024");
}
