//! Review work from the command line (issue 14): marks that follow a moved or copied archive,
//! notes, tags, and the export a reviewer hands in.

#![allow(
    clippy::unwrap_used,
    reason = "a test should panic at the first surprise"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use assert_cmd::cargo::cargo_bin;
use kanbao::state::{SourceId, StateStore};
use serde_json::Value;

/// Runs `kanbao args…` with no config, state or cache of the user's.
fn kanbao_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(cargo_bin("kanbao"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("XDG_STATE_HOME", dir.join("xdg-state"))
        .env("XDG_CACHE_HOME", dir.join("xdg-cache"))
        .env("XDG_CONFIG_HOME", dir.join("xdg-config"))
        .env_remove("KANBAO_CONFIG")
        .env_remove("KANBAO_DATA")
        .env_remove("EDITOR")
        .env_remove("VISUAL")
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn listed(out: &Output) -> Vec<String> {
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    rows.as_array()
        .map(|rows| {
            rows.iter()
                .map(|r| r["id"].as_str().unwrap().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The bundled articles as a data file at `dir/<folder>/archive.json`.
fn archive(dir: &Path, folder: &str) -> PathBuf {
    let folder = dir.join(folder);
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("archive.json");
    std::fs::write(&path, kanbao::load::BUNDLED_JSON).unwrap();
    path
}

/// The bundled articles' ids.
fn bundled_ids() -> Vec<String> {
    let collection = kanbao::load::load_bundled().unwrap();
    collection.articles.iter().map(|a| a.id.clone()).collect()
}

#[test]
fn marks_follow_a_copied_or_moved_archive() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let original = archive(home, "a");
    let state = home.join("state.json");
    let all = bundled_ids();
    let (mut store, _) = StateStore::open(Some(state.clone()));
    let key = store.resolve_source(&SourceId::of(
        std::slice::from_ref(&original),
        all.iter().map(String::as_str),
    ));
    store.set_bookmarked(&key, "5", true);
    store.set_read(&key, "1", true);
    store.save().unwrap();
    let state = state.to_str().unwrap();
    let bookmarked = |data: &Path, extra: &[&str]| {
        let data = data.to_str().unwrap();
        let mut args = vec!["--data", data, "--state", state];
        args.extend_from_slice(extra);
        args.extend(["list", "--bookmarked", "--json"]);
        listed(&kanbao_in(home, &args))
    };
    assert_eq!(bookmarked(&original, &[]), ["5"]);
    // Copied to another folder (a USB stick mounted elsewhere): the marks are there.
    let copy = archive(home, "stick/kanbao");
    assert_eq!(bookmarked(&copy, &[]), ["5"]);
    assert_eq!(bookmarked(&copy, &["--no-index"]), ["5"]);
    // Through the archive's index too.
    let out = kanbao_in(home, &["index", copy.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(bookmarked(&copy, &[]), ["5"]);
    // Moved and renamed: still there.
    let moved = home.join("elsewhere.json");
    std::fs::rename(&original, &moved).unwrap();
    assert_eq!(bookmarked(&moved, &[]), ["5"]);
    let out = kanbao_in(
        home,
        &[
            "--data",
            moved.to_str().unwrap(),
            "--state",
            state,
            "list",
            "--unread",
            "--json",
        ],
    );
    assert!(!listed(&out).contains(&"1".to_owned()), "{}", stderr(&out));
    assert_eq!(listed(&out).len(), 6);
    // Other data under the same path does not take them.
    std::fs::write(&copy, "[]").unwrap();
    assert!(bookmarked(&copy, &[]).is_empty());
}

#[test]
fn marks_of_a_version_1_state_file_are_found_by_the_archive_path() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let data = archive(home, "a");
    let canonical = std::fs::canonicalize(&data).unwrap();
    let v1 = serde_json::json!({
        "version": 1,
        "sources": {
            canonical.to_str().unwrap(): {
                "2": { "read": true, "bookmarked": true, "updated": 1_764_900_000_000_u64 }
            }
        }
    });
    let state = home.join("state.json");
    std::fs::write(&state, v1.to_string()).unwrap();
    let out = kanbao_in(
        home,
        &[
            "--data",
            data.to_str().unwrap(),
            "--state",
            state.to_str().unwrap(),
            "list",
            "--bookmarked",
            "--json",
        ],
    );
    assert_eq!(listed(&out), ["2"], "{}", stderr(&out));
}
