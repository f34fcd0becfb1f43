//! An article changed in its data file after it was indexed, where the index's fingerprint
//! does not see it (`support::changed`): every command that reads its JSON through the
//! index says where the JSON is wrong in the file, as the loader does, and what to do. They
//! said `<index>: FILE: expected … at line 1 column N`, a place in the article alone.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

mod support;

use std::path::Path;
use std::process::Output;

use kanbao::index::open::exact_ops;
use kanbao::search::Query;
use support::changed;
use support::cli::{kanbao_in, stderr};
use tempfile::TempDir;

/// A query the index cannot answer alone (`note:` asks the reading state): its candidates
/// are read whole and checked by the matcher.
const CHECKED: &str = "独特词 -note:x";

/// `kanbao --data FILE args`, run in `dir`.
fn run(dir: &Path, file: &Path, args: &[&str]) -> Output {
    let mut cmd = kanbao_in(dir);
    cmd.arg("--data").arg(file).args(args).output().unwrap()
}

/// Runs `kanbao --data FILE args` in `dir` and checks that it fails naming the changed
/// article's place in `file`, with what to do.
fn names_the_place(dir: &Path, file: &Path, args: &[&str]) {
    changed::names_the_place(&run(dir, file, args), file, args);
}

#[test]
fn show_names_the_place_in_the_file() {
    let dir = TempDir::new().unwrap();
    let file = changed::indexed_then_changed(dir.path(), &changed::cli_root(dir.path()));
    names_the_place(dir.path(), &file, &["show", "a200"]);
    names_the_place(dir.path(), &file, &["show", "--json", "a200"]);
    // Read whole, the loader names the same place.
    let out = run(dir.path(), &file, &["--no-index", "show", "a200"]);
    let place = changed::loader_says(&file);
    assert!(stderr(&out).contains(&place), "{}", stderr(&out));
}

#[test]
fn list_and_timeline_of_a_query_read_whole_name_the_place_in_the_file() {
    assert!(!exact_ops(&Query::parse(CHECKED)), "{CHECKED}: read whole");
    let dir = TempDir::new().unwrap();
    let file = changed::indexed_then_changed(dir.path(), &changed::cli_root(dir.path()));
    names_the_place(dir.path(), &file, &["list", "--query", CHECKED]);
    names_the_place(dir.path(), &file, &["list", "--json", "--query", CHECKED]);
    names_the_place(dir.path(), &file, &["timeline", "--query", CHECKED]);
}

#[test]
fn export_names_the_place_in_the_file() {
    let dir = TempDir::new().unwrap();
    let file = changed::indexed_then_changed(dir.path(), &changed::cli_root(dir.path()));
    names_the_place(dir.path(), &file, &["export", "--id", "a200"]);
    names_the_place(dir.path(), &file, &["export", "--query", "独特词"]);
}

#[test]
fn search_as_json_and_checked_by_the_matcher_names_the_place_in_the_file() {
    let dir = TempDir::new().unwrap();
    let file = changed::indexed_then_changed(dir.path(), &changed::cli_root(dir.path()));
    names_the_place(dir.path(), &file, &["search", "--json", "独特词"]);
    names_the_place(dir.path(), &file, &["search", "--json", "--", CHECKED]);
    names_the_place(dir.path(), &file, &["search", "--", CHECKED]);
}
