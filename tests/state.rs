//! The state file: round trips, atomic saves under failure and SIGKILL, bad and newer files,
//! and two kanbaos saving at once.

#![allow(
    clippy::unwrap_used,
    reason = "a test should panic at the first surprise"
)]

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use kanbao::state::{
    Access, BUILTIN, MAX_BYTES, NotState, Position, StateError, StateStore, Warning,
};

const SRC: &str = "/data/archive.json";

/// Environment variable that turns [`child_process`] into a helper process.
const CHILD: &str = "KANBAO_STATE_TEST_CHILD";
const CHILD_PATH: &str = "KANBAO_STATE_TEST_PATH";
const CHILD_PREFIX: &str = "KANBAO_STATE_TEST_PREFIX";
/// For the "writer": the save (counted from 1) whose hook pauses between write and rename.
const CHILD_PAUSE_AT: &str = "KANBAO_STATE_TEST_PAUSE_AT";

fn open(path: &Path) -> StateStore {
    let (store, warnings) = StateStore::open(Some(path.to_owned()));
    assert!(warnings.is_empty(), "unexpected warnings: {warnings:?}");
    store
}

fn state_path(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("state.json")
}

/// Names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Starts this test binary again as a helper process in `mode`.
fn spawn_child(mode: &str, path: &Path, prefix: &str) -> Child {
    spawn_child_pausing(mode, path, prefix, None)
}

/// The arguments that run [`child_process`] (ignored, so it is never counted as a passing
/// test of its own) and nothing else.
const CHILD_ARGS: [&str; 5] = [
    "--exact",
    "child_process",
    "--ignored",
    "--nocapture",
    "--test-threads=1",
];

/// [`spawn_child`]; a "writer" given `pause_at` prints `paused` from inside its save number
/// `pause_at`, after the temporary file is written and before the rename, and waits there.
fn spawn_child_pausing(mode: &str, path: &Path, prefix: &str, pause_at: Option<u64>) -> Child {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    if let Some(n) = pause_at {
        cmd.env(CHILD_PAUSE_AT, n.to_string());
    }
    cmd.args(CHILD_ARGS)
        .env(CHILD, mode)
        .env(CHILD_PATH, path)
        .env(CHILD_PREFIX, prefix)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Not a test of its own: the body of the helper processes the tests below start. It is
/// ignored so that a plain run does not count it as a passing test; run without the
/// environment variable (`--ignored`) it fails.
#[test]
#[ignore = "a helper process the state tests start; not a test of its own"]
fn child_process() {
    let mode = std::env::var(CHILD).expect("run only as a helper process by the state tests");
    let path = PathBuf::from(std::env::var(CHILD_PATH).unwrap());
    let prefix = std::env::var(CHILD_PREFIX).unwrap();
    match mode.as_str() {
        // Saves generation after generation until killed (or 20 s pass).
        "writer" => {
            let mut store = open(&path);
            if let Ok(n) = std::env::var(CHILD_PAUSE_AT) {
                let pause_at: u64 = n.parse().unwrap();
                let saves = std::sync::atomic::AtomicU64::new(0);
                store.set_save_hook(std::sync::Arc::new(move |temp: &Path| {
                    let n = saves.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
                    if n == pause_at {
                        assert!(temp.exists(), "the temporary file is written");
                        println!("paused");
                        // Bounded: the test kills this process long before.
                        thread::sleep(Duration::from_secs(30));
                    }
                    Ok(())
                }));
            }
            let start = Instant::now();
            let mut generation = store.position(SRC, "0").map_or(0, |p| p.paragraph);
            let mut told = false;
            while start.elapsed() < Duration::from_secs(20) {
                generation += 1;
                for id in 0..50 {
                    let position = Position {
                        paragraph: generation,
                        offset: id,
                    };
                    store.set_position(SRC, &id.to_string(), position);
                }
                store.save().unwrap();
                if !told {
                    println!("ready");
                    told = true;
                }
            }
        }
        // Marks 30 articles of its own, saving after each.
        "marker" => {
            let mut store = open(&path);
            for n in 0..30 {
                store.set_read(SRC, &format!("{prefix}{n}"), true);
                store.save().unwrap();
            }
        }
        // Writes a note on 30 articles (`<prefix><n>`), saving after each.
        "noter" => {
            let mut store = open(&path);
            for n in 0..30 {
                store.set_note(SRC, &format!("{prefix}{n}"), &format!("意见 {n}"));
                store.set_tag(SRC, &format!("{prefix}{n}"), "待核实", true);
                store.save().unwrap();
            }
        }
        // `--no-state` with a default path that must stay untouched.
        "disabled" => {
            let mut store = StateStore::disabled();
            store.set_read(BUILTIN, "1", true);
            store.toggle_bookmark(BUILTIN, "1");
            store.save().unwrap();
            println!(
                "default {}",
                kanbao::state::default_path().unwrap().display()
            );
        }
        other => panic!("unknown child mode {other}"),
    }
}

#[test]
fn marks_and_positions_survive_a_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let mut store = open(&path);
    store.set_read(SRC, "1", true);
    assert!(store.toggle_bookmark(SRC, "2"));
    let position = Position {
        paragraph: 3,
        offset: 12,
    };
    store.set_position(BUILTIN, "7", position);
    assert!(store.dirty());
    store.save().unwrap();
    assert!(!store.dirty());

    let again = open(&path);
    assert!(again.is_read(SRC, "1"));
    assert!(!again.is_bookmarked(SRC, "1"));
    assert!(again.is_bookmarked(SRC, "2"));
    assert!(!again.is_read(SRC, "2"));
    assert_eq!(again.position(BUILTIN, "7"), Some(position));
    assert_eq!(again.position(SRC, "1"), None);

    let json: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(json["version"], 2);
    let one = &json["sources"][SRC]["entries"]["1"];
    assert_eq!(one["read"]["v"], true);
    assert!(one["read"]["at"].as_u64().unwrap() > 0);
    assert_eq!(
        json["sources"][BUILTIN]["entries"]["7"]["position"]["v"]["offset"],
        12
    );
}

#[test]
fn source_keys_keep_two_archives_apart() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let mut store = open(&path);
    store.set_read("/a/one.json", "1", true);
    store.set_bookmarked("/b/two.json", "1", true);
    store.save().unwrap();

    let again = open(&path);
    assert!(again.is_read("/a/one.json", "1"));
    assert!(!again.is_read("/b/two.json", "1"));
    assert!(!again.is_bookmarked("/a/one.json", "1"));
    assert!(again.is_bookmarked("/b/two.json", "1"));
    assert!(!again.is_read(BUILTIN, "1"));
}

#[test]
fn source_key_is_the_canonical_path_or_builtin() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("a.json");
    fs::write(&data, "{}").unwrap();
    let dotted = dir.path().join(".").join("a.json");
    let key = kanbao::state::source_key(Some(&dotted));
    assert_eq!(key, fs::canonicalize(&data).unwrap().to_string_lossy());
    assert_eq!(kanbao::state::source_key(None), BUILTIN);
}

#[test]
fn a_change_that_changes_nothing_leaves_the_store_clean() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&state_path(&dir));
    store.set_read(SRC, "1", false);
    store.set_bookmarked(SRC, "1", false);
    assert!(!store.dirty());
    assert!(store.source(SRC).is_none());
    store.save_if_dirty().unwrap();
    assert!(!state_path(&dir).exists());
}

#[test]
fn save_creates_a_missing_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep").join("er").join("state.json");
    let mut store = open(&path);
    store.set_read(SRC, "1", true);
    store.save_if_dirty().unwrap();
    assert!(open(&path).is_read(SRC, "1"));
}

#[test]
fn failure_between_write_and_rename_leaves_the_old_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let mut store = open(&path);
    store.set_read(SRC, "old", true);
    store.save().unwrap();
    let old = fs::read(&path).unwrap();

    store.set_read(SRC, "new", true);
    let mut saw_temp = false;
    let result = store.save_with_hook(&mut |temp| {
        // The new content is complete in the temporary file, beside the old one.
        saw_temp = fs::read_to_string(temp)?.contains("\"new\"");
        Err(std::io::Error::other("injected"))
    });
    assert!(saw_temp);
    assert!(matches!(result, Err(StateError::Io { .. })), "{result:?}");
    assert_eq!(fs::read(&path).unwrap(), old);
    let reread = open(&path);
    assert!(reread.is_read(SRC, "old") && !reread.is_read(SRC, "new"));
    assert_eq!(names(dir.path()), ["state.json", "state.json.lock"]);

    // The change is still pending and the next save writes it.
    assert!(store.dirty());
    store.save_if_dirty().unwrap();
    assert!(open(&path).is_read(SRC, "new"));
}

#[test]
fn sigkill_during_saves_never_leaves_a_torn_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let mut store = open(&path);
    store.set_position(SRC, "0", Position::default());
    store.save().unwrap();

    let mut last = 0;
    let mut killed_mid_save = 0;
    for round in 0..20u64 {
        // Even rounds hold a save between write and rename and kill it there, so the test
        // proves kills land mid-save; odd rounds kill at a moment left to chance.
        let pause_at = (round % 2 == 0).then_some(2 + round % 5);
        let mut child = spawn_child_pausing("writer", &path, "", pause_at);
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let cue = if pause_at.is_some() {
            "paused"
        } else {
            "ready"
        };
        // Bounded: the writer ends by itself within 20 s, closing the pipe.
        assert!(
            lines.any(|l| l.unwrap().ends_with(cue)),
            "the writer never said {cue:?}"
        );
        if pause_at.is_none() {
            thread::sleep(Duration::from_millis(1 + round % 7));
        }
        child.kill().unwrap();
        child.wait().unwrap();
        // A temporary file left behind means the kill landed between write and rename.
        let torn = names(dir.path()).len() > 2;
        killed_mid_save += usize::from(torn);
        if pause_at.is_some() {
            assert!(
                torn,
                "no temporary file after a kill between write and rename"
            );
        }

        let store = open(&path);
        let generations: Vec<usize> = (0..50)
            .map(|id| store.position(SRC, &id.to_string()).unwrap().paragraph)
            .collect();
        assert!(
            generations.iter().all(|&g| g == generations[0]),
            "a file mixing two saves: {generations:?}"
        );
        assert!(generations[0] > last, "the file went back or never moved");
        if let Some(n) = pause_at {
            // The saves before the held one landed whole; the held one did not land at all.
            assert_eq!(generations[0], last + n as usize - 1, "round {round}");
        }
        last = generations[0];
    }
    eprintln!("killed mid-save in {killed_mid_save} of 20 rounds");
    assert!(
        killed_mid_save >= 10,
        "only {killed_mid_save} kills mid-save"
    );

    // Temporary files of killed saves are removed by the next save, under the lock.
    let mut store = open(&path);
    store.set_read(SRC, "done", true);
    store.save().unwrap();
    assert_eq!(names(dir.path()), ["state.json", "state.json.lock"]);
}

#[test]
fn two_stores_on_one_file_keep_each_others_marks() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let mut a = open(&path);
    let mut b = open(&path);
    a.set_read(SRC, "1", true);
    b.set_bookmarked(SRC, "2", true);
    b.set_position(
        BUILTIN,
        "3",
        Position {
            paragraph: 1,
            offset: 6,
        },
    );
    a.save().unwrap();
    b.save().unwrap();
    // B's save brought A's mark in.
    assert!(b.is_read(SRC, "1"));

    let c = open(&path);
    assert!(c.is_read(SRC, "1"));
    assert!(c.is_bookmarked(SRC, "2"));
    assert!(c.position(BUILTIN, "3").is_some());
}

#[test]
fn two_changes_to_one_article_are_both_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let mut a = open(&path);
    let mut b = open(&path);
    a.set_read(SRC, "1", true);
    thread::sleep(Duration::from_millis(5));
    b.set_bookmarked(SRC, "1", true);
    // B saves first, then A: each field merges on its own, so neither change is lost.
    b.save().unwrap();
    a.save().unwrap();
    let c = open(&path);
    assert!(c.is_bookmarked(SRC, "1"));
    assert!(c.is_read(SRC, "1"));
    assert!(a.is_bookmarked(SRC, "1"));
}

#[test]
fn the_later_change_to_one_field_wins() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let mut a = open(&path);
    let mut b = open(&path);
    a.set_note(SRC, "1", "旧意见");
    a.set_read(SRC, "1", true);
    thread::sleep(Duration::from_millis(5));
    b.set_note(SRC, "1", "新意见");
    // B saves first, then A: A's older note must not undo B's newer one, but A's read
    // mark (a field B never touched) is kept.
    b.save().unwrap();
    a.save().unwrap();
    let c = open(&path);
    assert_eq!(c.note(SRC, "1"), Some("新意见"));
    assert!(c.is_read(SRC, "1"));
    assert_eq!(a.note(SRC, "1"), Some("新意见"));
}

#[test]
fn unchanged_entries_do_not_undo_another_process() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let mut first = open(&path);
    first.set_read(SRC, "1", true);
    first.save().unwrap();

    // Both load "1 is read"; B unmarks it, A marks something else and saves later.
    let mut a = open(&path);
    let mut b = open(&path);
    b.set_read(SRC, "1", false);
    b.save().unwrap();
    a.set_read(SRC, "2", true);
    a.save().unwrap();
    let c = open(&path);
    assert!(!c.is_read(SRC, "1"));
    assert!(c.is_read(SRC, "2"));
}

#[test]
fn two_processes_saving_at_once_keep_all_marks() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let children = [
        spawn_child("marker", &path, "a"),
        spawn_child("marker", &path, "b"),
    ];
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let store = open(&path);
    for prefix in ["a", "b"] {
        for n in 0..30 {
            assert!(
                store.is_read(SRC, &format!("{prefix}{n}")),
                "{prefix}{n} lost"
            );
        }
    }
}

#[test]
fn two_processes_writing_a_note_and_a_read_mark_to_one_entry_keep_both() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let children = [
        spawn_child("marker", &path, "s"),
        spawn_child("noter", &path, "s"),
    ];
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let store = open(&path);
    for n in 0..30 {
        let id = format!("s{n}");
        assert!(store.is_read(SRC, &id), "{id}: read mark lost");
        assert_eq!(
            store.note(SRC, &id),
            Some(format!("意见 {n}").as_str()),
            "{id}"
        );
        assert_eq!(store.tags(SRC, &id), ["待核实"], "{id}");
    }
}

/// A state file exactly as kanbao wrote it before notes and tags (version 1: one stamp per
/// entry, sources keyed by the data's canonical path).
const V1_FILE: &str = r#"{
  "version": 1,
  "sources": {
    "/media/usb/archive.jsonl": {
      "a-1": {
        "read": true,
        "bookmarked": true,
        "position": {
          "paragraph": 2,
          "offset": 15
        },
        "updated": 1764900000123
      },
      "a-2": {
        "read": false,
        "bookmarked": true,
        "updated": 1764900000456
      }
    },
    "builtin": {
      "3": {
        "read": true,
        "bookmarked": false,
        "position": {
          "paragraph": 0,
          "offset": 3
        },
        "updated": 1764800000000
      }
    }
  }
}"#;

#[test]
fn a_version_1_file_migrates_without_loss() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    fs::write(&path, V1_FILE).unwrap();
    let mut store = open(&path);
    let old = "/media/usb/archive.jsonl";
    let check = |store: &StateStore, key: &str| {
        assert!(store.is_read(key, "a-1") && store.is_bookmarked(key, "a-1"));
        assert_eq!(
            store.position(key, "a-1"),
            Some(Position {
                paragraph: 2,
                offset: 15
            })
        );
        assert!(!store.is_read(key, "a-2") && store.is_bookmarked(key, "a-2"));
        assert_eq!(store.position(key, "a-2"), None);
        assert_eq!(
            store.entry(key, "a-1").unwrap().updated(),
            1_764_900_000_123
        );
    };
    check(&store, old);
    assert!(store.is_read(BUILTIN, "3"));
    // The data opened again at its old path finds its marks under its new key.
    let source = kanbao::state::SourceId {
        name: "archive.jsonl".into(),
        fingerprint: "0123456789abcdef".into(),
        path: Some(old.into()),
    };
    let key = store.resolve_source(&source);
    assert_eq!(key, "archive.jsonl#0123456789abcdef");
    check(&store, &key);
    // A note on a migrated entry keeps its other fields; the save writes version 2.
    store.set_note(&key, "a-2", "待核实：日期");
    store.save().unwrap();
    let again = open(&path);
    check(&again, &key);
    check(&again, old);
    assert_eq!(again.note(&key, "a-2"), Some("待核实：日期"));
    assert_eq!(again.position(BUILTIN, "3").map(|p| p.offset), Some(3));
    let json: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(json["version"], 2);
    assert_eq!(json["sources"][&key]["path"], old);
}

fn assert_moved_aside(content: &[u8], reason_contains: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    fs::write(&path, content).unwrap();
    let (mut store, warnings) = StateStore::open(Some(path.clone()));
    let [
        Warning::MovedAside {
            moved_to, reason, ..
        },
    ] = warnings.as_slice()
    else {
        panic!("expected one MovedAside, got {warnings:?}");
    };
    assert!(reason.contains(reason_contains), "{reason}");
    let name = moved_to.file_name().unwrap().to_string_lossy();
    assert!(name.starts_with("state.json.bad-"), "{name}");
    assert_eq!(fs::read(moved_to).unwrap(), content);
    let message = warnings[0].to_string();
    assert!(message.contains(&*path.to_string_lossy()), "{message}");
    assert!(message.contains(&*moved_to.to_string_lossy()), "{message}");
    assert!(!path.exists());

    // Reading goes on with empty state, and saving works.
    assert!(store.source(SRC).is_none() && store.saves());
    store.set_read(SRC, "1", true);
    store.save().unwrap();
    assert!(open(&path).is_read(SRC, "1"));
    assert_eq!(fs::read(moved_to).unwrap(), content);
}

#[test]
fn bad_json_is_moved_aside_with_a_warning() {
    assert_moved_aside(b"{\"version\": 1, \"sources\": {", "EOF");
}

#[test]
fn wrong_types_are_moved_aside_with_a_warning() {
    assert_moved_aside(
        br#"{"version":1,"sources":{"builtin":{"1":{"read":"yes"}}}}"#,
        "invalid type",
    );
}

#[test]
fn a_file_that_is_not_utf8_is_moved_aside_with_a_warning() {
    assert_moved_aside(b"{\"version\":1,\"sources\":{\"\xff\":{}}}", "UTF-8");
}

/// Opens `path` for the reader and expects a refusal that names it, leaving the folder as
/// it was (nothing moved, no lock file).
fn assert_refused(path: &Path, found: NotState) {
    let dir = path.parent().unwrap();
    let before = names(dir);
    let result = StateStore::open_with(Some(path.to_owned()), Access::ReadWrite);
    let Err(error) = result else {
        panic!("{} was opened as a state file", path.display());
    };
    assert!(
        matches!(&error, StateError::NotState { found: f, .. } if *f == found),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.contains(&*path.to_string_lossy()), "{message}");
    assert!(message.contains("--state"), "says what to do: {message}");
    assert_eq!(names(dir), before, "nothing moved or created");
}

#[test]
fn a_folder_in_place_of_the_file_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    fs::create_dir(&path).unwrap();
    assert_refused(&path, NotState::Folder);
    assert!(path.is_dir());
}

#[test]
fn other_json_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    // `--state articles.json`: the user's data, named by mistake.
    let articles = br#"{"articles":[{"id":"1","title":"x","paragraphs":["y"]}]}"#;
    for (name, content) in [
        ("articles.json", &articles[..]),
        ("package.json", br#"{"version":"1.0.0","name":"x"}"#),
        ("list.json", br#"[{"version":1,"sources":{}}]"#),
        ("cut.json", br#"{"articles":[{"id":"1","ti"#),
        ("empty.json", b""),
        ("notes.txt", "看报\n".as_bytes()),
    ] {
        let path = dir.path().join(name);
        fs::write(&path, content).unwrap();
        let found = if content.is_empty() {
            NotState::Empty
        } else {
            NotState::Content
        };
        assert_refused(&path, found);
        assert_eq!(fs::read(&path).unwrap(), content, "{name} unchanged");
    }
}

#[cfg(unix)]
#[test]
fn devices_and_fifos_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    // Through links, so that a kanbao that moved them would move the link, not the device.
    for device in ["/dev/null", "/dev/zero", "/dev/full"] {
        let link = dir.path().join(format!("{}.json", &device[5..]));
        std::os::unix::fs::symlink(device, &link).unwrap();
        assert_refused(&link, NotState::Device);
        assert_eq!(fs::read_link(&link).unwrap(), Path::new(device));
    }
    // A FIFO with no writer: opening it to read would wait for one for ever.
    let fifo = dir.path().join("pipe.json");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let (tx, rx) = std::sync::mpsc::channel();
    let open = fifo.clone();
    thread::spawn(move || {
        let result = StateStore::open_with(Some(open), Access::ReadWrite).map(drop);
        let _ = tx.send(result);
    });
    let result = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("opening a FIFO as the state file returned");
    assert!(
        matches!(
            result,
            Err(StateError::NotState {
                found: NotState::Fifo,
                ..
            })
        ),
        "{result:?}"
    );
    assert!(fifo.exists());
}

#[test]
fn a_file_over_the_limit_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    // It begins as a state file: only its size is wrong. Sparse: no disk space taken.
    let file = fs::File::create(&path).unwrap();
    std::io::Write::write_all(&mut &file, b"{\"version\":1,\"sources\":{").unwrap();
    file.set_len(MAX_BYTES + 1).unwrap();
    drop(file);
    let result = StateStore::open_with(Some(path.clone()), Access::ReadWrite).map(drop);
    let Err(error) = result else {
        panic!("a file over the limit was opened");
    };
    assert!(matches!(error, StateError::TooLarge { .. }), "{error:?}");
    assert!(error.to_string().contains(&*path.to_string_lossy()));
    assert_eq!(names(dir.path()), ["state.json"]);
    assert_eq!(fs::metadata(&path).unwrap().len(), MAX_BYTES + 1);
}

#[test]
fn read_only_access_never_moves_or_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let damaged = b"{\"version\": 1, \"sources\": {\"builtin\": {\"1\": {\"rea";
    fs::write(&path, damaged).unwrap();
    let (mut store, warnings) =
        StateStore::open_with(Some(path.clone()), Access::ReadOnly).unwrap();
    assert!(
        matches!(warnings.as_slice(), [Warning::Damaged { .. }]),
        "{warnings:?}"
    );
    assert!(warnings[0].to_string().contains("left as it is"));
    assert!(!store.saves());
    store.set_read(SRC, "1", true);
    store.save().unwrap();
    assert_eq!(fs::read(&path).unwrap(), damaged);
    assert_eq!(
        names(dir.path()),
        ["state.json"],
        "no lock file, nothing moved"
    );
}

#[cfg(unix)]
#[test]
fn a_linked_state_file_is_written_through_and_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("dotfiles");
    fs::create_dir(&real).unwrap();
    let target = real.join("kanbao-state.json");
    let link = state_path(&dir);
    std::os::unix::fs::symlink("dotfiles/kanbao-state.json", &link).unwrap();

    // A first save through a link that leads nowhere yet creates the target.
    let mut store = open(&link);
    store.set_read(SRC, "1", true);
    store.save().unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(open(&target).is_read(SRC, "1"));

    // The user's mode is kept across saves.
    fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).unwrap();
    let mut store = open(&link);
    store.set_bookmarked(SRC, "2", true);
    store.save().unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let reopened = open(&target);
    assert!(reopened.is_read(SRC, "1") && reopened.is_bookmarked(SRC, "2"));
    let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o640);
    // The lock and the temporary files live next to the target, not the link.
    assert_eq!(names(dir.path()), ["dotfiles", "state.json"]);
}

#[cfg(unix)]
#[test]
fn a_regular_state_file_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let mut store = open(&path);
    store.set_read(SRC, "1", true);
    store.save().unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    store.set_read(SRC, "2", true);
    store.save().unwrap();
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o644);
}

#[test]
fn a_newer_version_is_read_but_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let newer = br#"{"version":3,"sources":{"builtin":{"entries":{"1":{"read":{"v":true,"at":1}}}}},"more":[]}"#;
    fs::write(&path, newer).unwrap();
    let (mut store, warnings) = StateStore::open(Some(path.clone()));
    assert!(matches!(
        warnings.as_slice(),
        [Warning::NewerVersion { version: 3, .. }]
    ));
    assert!(warnings[0].to_string().contains("newer kanbao"));
    assert!(store.is_read(BUILTIN, "1"));
    assert!(!store.saves());
    store.set_read(BUILTIN, "2", true);
    assert!(!store.dirty());
    store.save().unwrap();
    assert_eq!(fs::read(&path).unwrap(), newer);
}

#[test]
fn a_newer_version_written_meanwhile_stops_saving_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let mut store = open(&path);
    store.set_read(SRC, "1", true);
    let newer = br#"{"version":3,"sources":{}}"#;
    fs::write(&path, newer).unwrap();
    let result = store.save();
    assert!(
        matches!(result, Err(StateError::NewerVersion { version: 3, .. })),
        "{result:?}"
    );
    assert!(!store.saves() && !store.dirty());
    store.set_read(SRC, "2", true);
    store.save_if_dirty().unwrap();
    store.save().unwrap();
    assert_eq!(fs::read(&path).unwrap(), newer);
}

#[test]
fn a_file_gone_bad_during_a_session_is_moved_aside_on_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let mut store = open(&path);
    store.set_read(SRC, "1", true);
    fs::write(&path, "{\"version\": 1, \"sources\": {\"gar").unwrap();
    store.save().unwrap();
    assert!(open(&path).is_read(SRC, "1"));
    let warnings = store.take_warnings();
    assert!(matches!(warnings.as_slice(), [Warning::MovedAside { .. }]));
    assert!(store.take_warnings().is_empty());
}

#[test]
fn no_state_never_writes_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = StateStore::disabled();
    assert!(store.path().is_none() && !store.saves());
    store.set_read(BUILTIN, "1", true);
    assert!(store.is_read(BUILTIN, "1"));
    assert!(!store.dirty());
    store.save().unwrap();

    // And in a process whose default state folder is this temporary one.
    let xdg = dir.path().join("xdg");
    fs::create_dir(&xdg).unwrap();
    let out = Command::new(std::env::current_exe().unwrap())
        .args(CHILD_ARGS)
        .env(CHILD, "disabled")
        .env(CHILD_PATH, "unused")
        .env(CHILD_PREFIX, "")
        .env("XDG_STATE_HOME", &xdg)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let expected = xdg.join("kanbao").join("state.json");
    assert!(
        stdout.contains(&format!("default {}", expected.display())),
        "{stdout}"
    );
    assert!(names(&xdg).is_empty());
}
