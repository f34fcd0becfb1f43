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
    collection.iter().map(|a| a.id.clone()).collect()
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

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `kanbao --state STATE args…` over the bundled page.
fn with_state(dir: &Path, args: &[&str]) -> Output {
    let state = dir.join("state.json");
    let mut all = vec!["--state", state.to_str().unwrap()];
    all.extend_from_slice(args);
    kanbao_in(dir, &all)
}

#[test]
fn a_note_is_set_printed_replaced_and_cleared() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let out = with_state(home, &["note", "3"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("文章 3 没有审读意见"),
        "{}",
        stderr(&out)
    );
    let out = with_state(home, &["note", "3", "核实：日期\n第二行\u{1b}[31m"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("已保存文章 3 的审读意见"));
    let out = with_state(home, &["note", "3"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), "核实：日期\n第二行[31m\n");
    // The note stays with its article only.
    assert_eq!(with_state(home, &["note", "4"]).status.code(), Some(1));
    let out = with_state(home, &["note", "3", "--clear"]);
    assert!(stderr(&out).contains("已清除"), "{}", stderr(&out));
    assert_eq!(with_state(home, &["note", "3"]).status.code(), Some(1));
}

#[cfg(unix)]
#[test]
fn note_edit_runs_the_editor_on_the_note() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    with_state(home, &["note", "2", "旧意见"]);
    // An editor that appends a line to the file it is given.
    let editor = home.join("editor.sh");
    std::fs::write(&editor, "#!/bin/sh\nprintf '补充意见\\n' >> \"$1\"\n").unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let state = home.join("state.json");
    let run = |editor: &str| {
        Command::new(cargo_bin("kanbao"))
            .args(["--state", state.to_str().unwrap(), "note", "2", "--edit"])
            .env("XDG_CONFIG_HOME", home.join("xdg-config"))
            .env("XDG_CACHE_HOME", home.join("xdg-cache"))
            .env_remove("KANBAO_CONFIG")
            .env_remove("KANBAO_DATA")
            .env_remove("VISUAL")
            .env("EDITOR", editor)
            .output()
            .unwrap()
    };
    let out = run(editor.to_str().unwrap());
    assert!(out.status.success(), "{}", stderr(&out));
    let out = with_state(home, &["note", "2"]);
    assert_eq!(stdout(&out), "旧意见\n补充意见\n");
    // An editor that fails leaves the note as it was, and says so.
    let out = run("false");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("审读意见未改动"), "{}", stderr(&out));
    assert_eq!(
        stdout(&with_state(home, &["note", "2"])),
        "旧意见\n补充意见\n"
    );
}

#[test]
fn tags_are_added_removed_listed_and_filter_list_search_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let out = with_state(home, &["tag", "5", "+待核实", "重要"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "待核实\n重要\n");
    let out = with_state(home, &["tag", "6", "+待核实", "+已审"]);
    assert_eq!(stdout(&out), "已审\n待核实\n");
    let out = with_state(home, &["tag", "6", "-已审"]);
    assert_eq!(stdout(&out), "待核实\n");
    assert_eq!(stdout(&with_state(home, &["tag", "5"])), "待核实\n重要\n");
    let out = with_state(home, &["tag", "1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("没有标签"));
    // --tag on list, search and export.
    let out = with_state(home, &["list", "--tag", "待核实", "--json"]);
    assert_eq!(listed(&out), ["5", "6"]);
    let out = with_state(
        home,
        &["list", "--tag", "待核实", "--tag", "重要", "--json"],
    );
    assert_eq!(listed(&out), ["5"]);
    let out = with_state(home, &["list", "--tag", "已审"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("标签 已审"), "{}", stderr(&out));
    let all = with_state(home, &["search", "工会", "--json"]);
    let tagged = with_state(home, &["search", "工会", "--tag", "待核实", "--json"]);
    let (all, tagged) = (listed(&all), listed(&tagged));
    let tagged_ids = tagged.clone();
    assert!(
        !tagged.is_empty() && tagged.len() < all.len(),
        "{tagged:?} {all:?}"
    );
    assert!(tagged.iter().all(|id| id == "5" || id == "6"), "{tagged:?}");
    // Through an archive's index too (the marks follow the data, not the path).
    let data = archive(home, "indexed");
    let data = data.to_str().unwrap();
    assert!(kanbao_in(home, &["index", data]).status.success());
    for id in ["5", "6"] {
        let out = with_state(home, &["--data", data, "tag", id, "+待核实"]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let tagged = with_state(
        home,
        &[
            "--data",
            data,
            "search",
            "工会",
            "--tag",
            "待核实",
            "--json",
        ],
    );
    assert_eq!(listed(&tagged), tagged_ids, "{}", stderr(&tagged));
    let out = with_state(home, &["export", "--tag", "重要", "--format", "json"]);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let articles = doc["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["id"], "5");
}

#[test]
fn note_and_tag_refuse_an_unknown_id_bad_tags_and_no_state() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let show = kanbao_in(home, &["show", "99"]);
    for args in [
        &["note", "99"][..],
        &["note", "99", "文字"],
        &["tag", "99", "+待核实"],
    ] {
        let out = with_state(home, args);
        assert_eq!(out.status.code(), show.status.code(), "{args:?}");
        assert!(stderr(&out).contains("99"), "{}", stderr(&out));
        assert!(stderr(&out).contains("kanbao list"), "{}", stderr(&out));
    }
    let out = with_state(home, &["tag", "1", "+待 核实"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("标签 `+待 核实` 无效"),
        "{}",
        stderr(&out)
    );
    let out = kanbao_in(home, &["--no-state", "note", "1", "文字"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--no-state"), "{}", stderr(&out));
    // Nothing was written anywhere.
    assert!(!home.join("state.json").exists());
    assert!(!home.join("xdg-state").exists());
}

#[test]
fn search_bookmarked_keeps_only_bookmarked_matches_with_and_without_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let data = archive(home, "a");
    let state = home.join("state.json");
    let all = bundled_ids();
    let (mut store, _) = StateStore::open(Some(state.clone()));
    let key = store.resolve_source(&SourceId::of(
        std::slice::from_ref(&data),
        all.iter().map(String::as_str),
    ));
    // 7 does not match the search: bookmarked, but never a result.
    for id in ["2", "5", "7"] {
        store.set_bookmarked(&key, id, true);
    }
    store.save().unwrap();
    let (data, state) = (data.to_str().unwrap(), state.to_str().unwrap());
    let search = |extra: &[&str]| {
        let mut args = vec!["--data", data, "--state", state, "search", "总工会"];
        args.extend_from_slice(extra);
        kanbao_in(home, &args)
    };
    let rows = |out: &Output| -> Vec<(String, u64)> {
        let rows: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
        let rows = rows.as_array().map(Vec::as_slice).unwrap_or_default();
        rows.iter()
            .map(|r| {
                (
                    r["id"].as_str().unwrap().to_owned(),
                    r["hits"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    // The search's rows, in its order, less those not bookmarked.
    let every = rows(&search(&["--no-index", "--json"]));
    let expected: Vec<(String, u64)> = every
        .iter()
        .filter(|(id, _)| ["2", "5", "7"].contains(&id.as_str()))
        .cloned()
        .collect();
    assert!(
        !expected.is_empty() && expected.len() < every.len() && expected.len() < 3,
        "{every:?}"
    );
    let hits: u64 = expected.iter().map(|(_, h)| h).sum();
    let count = format!("{}\t{hits}\n", expected.len());
    let check = |how: &str| {
        let out = search(&["--no-index", "--bookmarked", "--json"]);
        let no_index = rows(&out);
        assert_eq!(no_index, expected, "{how}: {}", stderr(&out));
        let out = search(&["--bookmarked", "--json"]);
        assert_eq!(rows(&out), no_index, "{how}: {}", stderr(&out));
        // The plain rows too (through the index, a path of their own: streamed best first).
        let plain = stdout(&search(&["--no-index", "--bookmarked"]));
        let ids: Vec<&str> = plain.lines().filter_map(|l| l.split('\t').next()).collect();
        let wanted: Vec<&str> = expected.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, wanted, "{how}");
        assert_eq!(stdout(&search(&["--bookmarked"])), plain, "{how}");
        for extra in [&["--no-index"][..], &[]] {
            let mut args = extra.to_vec();
            args.extend(["--bookmarked", "--count"]);
            let out = search(&args);
            assert_eq!(stdout(&out), count, "{how} {extra:?}: {}", stderr(&out));
        }
        let out = search(&["--bookmarked", "--count", "--json"]);
        let counted: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(counted["articles"], expected.len(), "{how}");
        assert_eq!(counted["hits"], hits, "{how}");
    };
    check("no index built");
    let out = kanbao_in(home, &["index", data]);
    assert!(out.status.success(), "{}", stderr(&out));
    check("through the index");
    // Only an article not bookmarked matches: exit status 1, and stderr names the condition.
    for extra in [&["--no-index"][..], &[]] {
        let mut args = vec![
            "--data",
            data,
            "--state",
            state,
            "search",
            "劲松",
            "--bookmarked",
        ];
        args.extend_from_slice(extra);
        let out = kanbao_in(home, &args);
        assert_eq!(out.status.code(), Some(1), "{extra:?}: {}", stderr(&out));
        assert!(stdout(&out).is_empty(), "{extra:?}");
        assert!(
            stderr(&out).contains("已收藏"),
            "{extra:?}: {}",
            stderr(&out)
        );
    }
}

/// `search` with a mark reads an archive without an index once: its warnings come once
/// (it read the file a second time for the reading state's key, and warned twice).
#[test]
fn search_with_a_mark_reads_the_archive_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("a.jsonl");
    let lines = [
        r#"{"id":"a1","title":"工会驿站","date":"2024-02-30","paragraphs":["驿站开放"]}"#,
        r#"{"id":"a2","title":"标题","date":"2024-03-01","paragraphs":["驿站"]}"#,
    ];
    std::fs::write(&data, lines.join("\n") + "\n").unwrap();
    let state = dir.path().join("state.json");
    let (data, state) = (data.to_str().unwrap(), state.to_str().unwrap());
    for mark in [["--bookmarked", ""], ["--tag", "待审"]] {
        let mut args = vec!["--data", data, "--state", state, "search", "驿站"];
        args.extend(mark.iter().filter(|a| !a.is_empty()));
        let out = kanbao_in(dir.path(), &args);
        let said = stderr(&out);
        assert_eq!(
            said.matches("日期不是真实的").count(),
            1,
            "{mark:?}: {said}"
        );
        assert!(said.contains("没有符合条件的文章"), "{mark:?}: {said}");
    }
}

/// Every other command that reads marks reads the archive once too, read whole or through
/// its index, the reading state's key taken from what it read: `timeline --query note:…`
/// read the file (or opened the index) a second time for the key, and warned twice.
#[test]
fn every_command_with_a_mark_reads_the_archive_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("a.jsonl");
    let lines = [
        r#"{"id":"a1","title":"工会驿站","date":"2024-02-30","paragraphs":["驿站开放"]}"#,
        r#"{"id":"a2","title":"标题","date":"2024-03-01","paragraphs":["驿站"]}"#,
    ];
    std::fs::write(&data, lines.join("\n") + "\n").unwrap();
    let state = dir.path().join("state.json");
    let (data, state) = (data.to_str().unwrap(), state.to_str().unwrap());
    let commands: [&[&str]; 10] = [
        &["timeline", "--query", "note:待核实"],
        &["timeline", "--query", "驿站 -note:"],
        &["list", "--query", "note:待核实"],
        &["list", "--bookmarked"],
        &["list", "--unread"],
        &["export", "--bookmarked"],
        &["export", "--notes", "--id", "a2"],
        &["export", "--query=-note:"],
        &["note", "a2"],
        &["tag", "a2"],
    ];
    let each_once = |how: &str| {
        for command in commands {
            let mut args = vec!["--data", data, "--state", state];
            args.extend_from_slice(command);
            let out = kanbao_in(dir.path(), &args);
            let said = stderr(&out);
            assert_ne!(out.status.code(), Some(2), "{how} {args:?}: {said}");
            let warned = said.matches("日期不是真实的").count();
            assert_eq!(warned, 1, "{how} {args:?}: {said}");
        }
    };
    each_once("read whole");
    let out = kanbao_in(dir.path(), &["index", data]);
    assert!(out.status.success(), "{}", stderr(&out));
    each_once("through the index");
}
