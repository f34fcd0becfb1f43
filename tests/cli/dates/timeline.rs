//! The timeline: counts per month or year on the command line, bars on a terminal, and the
//! reader's timeline box (snapshots in `snapshots/`), whose Enter sets the date filter.

use std::path::Path;

use super::{archive, kanbao};
use crate::support;
use crate::support::cli::{json, stderr, stdout};

#[test]
fn timeline_counts_per_month_or_year_oldest_first() {
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    let run = |args: &[&str]| {
        let mut all = vec!["--no-index", "--data", &data, "timeline"];
        all.extend(args);
        kanbao(&all)
    };
    let out = run(&["--by", "year"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "2023\t1\n2024\t4\n2025\t1\n");
    // Months from the first to the last, the empty ones too.
    let text = stdout(&run(&["--since", "2024", "--until", "2024-04"]));
    assert_eq!(text, "2024-01\t1\n2024-02\t0\n2024-03\t2\n");
    let out = run(&["--json", "--query", "驿站", "--district", "xc"]);
    assert_eq!(
        json(&out),
        serde_json::json!([{"period": "2023-12", "count": 1}, {"period": "2024-01", "count": 0},
            {"period": "2024-02", "count": 0}, {"period": "2024-03", "count": 0},
            {"period": "2024-04", "count": 0}, {"period": "2024-05", "count": 0},
            {"period": "2024-06", "count": 0}, {"period": "2024-07", "count": 0},
            {"period": "2024-08", "count": 0}, {"period": "2024-09", "count": 0},
            {"period": "2024-10", "count": 1}])
    );
    let out = run(&["--json", "--by", "year", "--query", "kind:photo"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out), serde_json::json!([]));
    assert_eq!(run(&["--by", "week"]).status.code(), Some(2));
    assert_eq!(run(&["--since", "2024-003"]).status.code(), Some(2));
    // As people write dates: one digit, `/`, 年月 (session 27).
    for since in ["2024-3", "2024/3", "2024年3月"] {
        assert_eq!(
            json(&run(&["--json", "--since", since, "--until", "2024-10"])),
            json(&run(&[
                "--json", "--since", "2024-03", "--until", "2024-10"
            ])),
            "{since}"
        );
    }
}

#[test]
fn timeline_on_a_terminal_draws_bars_with_the_total_and_the_busiest_period() {
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    let mut term = support::Term::start(
        &["--no-index", "--data", &data, "timeline", "--by", "year"],
        80,
        24,
    );
    term.wait_text("共 6 篇；最多的是 2024（4 篇）");
    let screen = term.contents();
    let bar = |n: usize| "█".repeat(n);
    assert!(
        screen.contains(&format!("   2024 4 {}", bar(40))),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("   2023 1 {}\n", bar(10))),
        "{screen}"
    );
}

/// The generated archive's first articles: several months, a few a day.
fn generated(n: usize) -> kanbao::collection::Collection {
    let mut bytes = Vec::new();
    kanbao::archive::generate(n, 5, &mut bytes).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.jsonl");
    std::fs::write(&path, bytes).unwrap();
    kanbao::load::load(Some(&path)).unwrap().0
}

#[test]
fn the_timeline_of_the_list_sets_the_date_filter_with_enter() {
    use kanbao::action::Action;
    use kanbao::app::{Context, Mode, Options};
    use kanbao::keys::{Key, KeyName, action_for};
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    let (collection, _) = kanbao::load::load(Some(Path::new(&data))).unwrap();
    let opts = Options {
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(collection, opts);
    app.update(Action::Resize(80, 24));
    assert_eq!(
        action_for(Context::List, Key::Code(KeyName::Char('T'))),
        Some(Action::OpenTimeline)
    );
    // d, dated 2024-03-31, selected.
    app.update(Action::MoveDown);
    app.update(Action::MoveDown);
    app.update(Action::OpenTimeline);
    let Mode::Timeline(t) = app.mode() else {
        panic!("no timeline")
    };
    // 2023-12 to 2025-02 by month; the cursor starts on the selected article's, 2024-03
    // (see timeline_cursor.rs).
    assert_eq!(t.periods.len(), 15);
    assert_eq!(t.periods[t.selected].period, "2024-03");
    assert_eq!(t.total(), 6);
    assert_eq!(app.context(), Context::Picker);
    app.update(Action::PickerDown);
    app.update(Action::PickerUp);
    app.update(Action::PickerApply);
    assert!(matches!(app.mode(), Mode::Normal));
    // The search's date filter (see one_filter.rs).
    assert_eq!(app.query_text(), "date:2024-03");
    assert_eq!(app.view().len(), 2);
    app.update(Action::ClearFilters);
    assert_eq!(app.view().len(), 7);
    // Esc closes it and changes nothing.
    app.update(Action::OpenTimeline);
    app.update(Action::PickerCancel);
    assert!(matches!(app.mode(), Mode::Normal) && app.filter().is_empty());
}

#[test]
fn timeline_snapshots() {
    use kanbao::action::Action;
    use kanbao::app::Options;
    use kanbao::tui::theme::Theme;
    for (w, h) in [(80, 24), (40, 12)] {
        let opts = Options {
            source: "test".into(),
            ..Options::default()
        };
        let mut app = support::app_over(generated(3000), opts);
        app.update(Action::Resize(w, h));
        app.update(Action::OpenTimeline);
        let terminal = support::draw(&app, &Theme::new(true, false), w, h);
        insta::assert_snapshot!(format!("timeline_{w}x{h}"), terminal.backend());
    }
}
