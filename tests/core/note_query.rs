//! `note:` in the query language (issue 14): the CLI (`kanbao note ID TEXT`, then
//! `search`, `list --query`, `export --query`, `timeline --query`) and the reader's `/`
//! prompt keep or leave out articles by their note, which lives in the reading state; the
//! note is never a hit of the article's text.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use crate::support;

use std::path::Path;
use std::process::Output;

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::load::load_bundled;
use kanbao::state::StateStore;
use serde_json::Value;

/// Runs `kanbao --state dir/state.json args…` over the bundled page, with no settings of
/// the user's.
fn kanbao(dir: &Path, args: &[&str]) -> Output {
    support::cli::kanbao_in(dir).args(args).output().unwrap()
}

/// The ids `search … --json` or `list … --json` printed, in order.
fn ids(out: &Output) -> Vec<String> {
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    doc.as_array()
        .map(|a| {
            a.iter()
                .map(|x| x["id"].as_str().unwrap().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn search(dir: &Path, query: &str) -> Vec<String> {
    ids(&kanbao(dir, &["search", query, "--json"]))
}

#[test]
fn note_terms_keep_and_leave_out_articles_by_their_note_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    assert!(kanbao(home, &["note", "3", "此稿待核实"]).status.success());
    assert!(kanbao(home, &["note", "5", "已审 ＡＢＣ"]).status.success());
    assert_eq!(search(home, "note:待核实"), ["3"]);
    assert_eq!(search(home, "批注：待核实"), ["3"]);
    // Folded as search folds: full-width letters and case.
    assert_eq!(search(home, "note:abc"), ["5"]);
    // With a term of the text: both must hold.
    assert_eq!(search(home, "工会 note:待核实"), ["3"]);
    assert!(search(home, "货车 note:待核实").is_empty());
    // Bare `note:` has a note, `-note:` has none, `-note:x` a note without x (or none).
    let mut noted = search(home, "note:");
    noted.sort();
    assert_eq!(noted, ["3", "5"]);
    let unnoted = search(home, "-note:");
    assert_eq!(unnoted.len(), 5);
    assert!(!unnoted.contains(&"3".into()) && !unnoted.contains(&"5".into()));
    let without = search(home, "-note:待核实");
    assert_eq!(without.len(), 6);
    assert!(!without.contains(&"3".into()));
    // The note is not the article's text: its words are no hit.
    let out = kanbao(home, &["search", "待核实"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // The same language for list, export and timeline.
    assert_eq!(
        ids(&kanbao(home, &["list", "--query", "note:待核实", "--json"])),
        ["3"]
    );
    let out = kanbao(
        home,
        &["export", "--query", "note:待核实", "--format", "json"],
    );
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["articles"].as_array().unwrap().len(), 1);
    assert_eq!(doc["articles"][0]["id"], "3");
    let out = kanbao(home, &["timeline", "--query", "note:待核实", "--json"]);
    let periods: Value = serde_json::from_slice(&out.stdout).unwrap();
    let total: u64 = periods
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["count"].as_u64().unwrap())
        .sum();
    let dated_3 = kanbao(home, &["list", "--query", "note:待核实", "--json"]);
    let has_date = serde_json::from_slice::<Value>(&dated_3.stdout).unwrap()[0]["date"].is_string();
    assert_eq!(total, u64::from(has_date));
    // Cleared: the note no longer matches.
    assert!(kanbao(home, &["note", "3", "--clear"]).status.success());
    assert!(search(home, "note:待核实").is_empty());
}

/// The bundled page with notes on 3 (待核实) and 5 (已审).
fn noted_app() -> App {
    let mut store = StateStore::disabled();
    let key = "test";
    store.set_note(key, "3", "此稿待核实");
    store.set_note(key, "5", "已审");
    let opts = Options {
        source: key.into(),
        ..Options::default()
    };
    let mut app = App::new(load_bundled().unwrap(), store, Vec::new(), opts);
    app.update(Action::Resize(100, 30));
    app
}

fn listed(app: &App) -> Vec<String> {
    app.view()
        .iter()
        .map(|&i| app.collection().get(i).unwrap().id.clone())
        .collect()
}

fn search_for(app: &mut App, query: &str) {
    app.update(Action::OpenSearch);
    app.update(Action::SearchClearToStart);
    app.update(Action::SearchInput(query.into()));
    app.update(Action::SearchAccept);
}

#[test]
fn the_readers_prompt_takes_note_terms() {
    let mut app = noted_app();
    search_for(&mut app, "note:待核实");
    assert_eq!(listed(&app), ["3"]);
    assert!(app.query_error().is_none());
    search_for(&mut app, "-note:");
    assert_eq!(listed(&app), ["1", "2", "4", "6", "7"]);
    search_for(&mut app, "工会 -note:已审");
    assert!(listed(&app).contains(&"3".to_owned()));
    assert!(!listed(&app).contains(&"5".to_owned()));
    // No hit in the text from the note's words.
    search_for(&mut app, "待核实");
    assert!(listed(&app).is_empty());
    // A note written in the reader counts at once: under `note:`, the list follows it.
    search_for(&mut app, "note:");
    assert_eq!(listed(&app), ["3", "5"]);
    app.update(Action::EditNote);
    app.update(Action::SearchClearToStart);
    app.update(Action::SearchClearToEnd);
    app.update(Action::NoteSave);
    assert_eq!(listed(&app), ["5"], "the note on 3 is gone, and so is 3");
    app.update(Action::ClearFilters);
    assert_eq!(listed(&app).len(), 7);
}

/// Writing a note keeps the reader on the hit it was at (a hands-on test, session 27: the
/// counter went from 匹配 2/11 to -/11, and `n` started over).
#[test]
fn a_note_written_keeps_the_current_hit() {
    let mut app = noted_app();
    search_for(&mut app, "工会");
    app.update(Action::Open);
    app.update(Action::NextMatch);
    app.update(Action::NextMatch);
    let (current, total) = app.reader().unwrap().hit_count();
    assert_eq!(current, Some(1), "at the second of {total}");
    app.update(Action::EditNote);
    app.update(Action::SearchInput("工会 待核实".into()));
    app.update(Action::NoteSave);
    let reader = app.reader().unwrap();
    assert!(
        reader.note().is_some_and(|n| n.contains("待核实")),
        "the note is kept"
    );
    assert_eq!(
        reader.hit_count(),
        (Some(1), total),
        "no hit in the note; still the second"
    );
}
