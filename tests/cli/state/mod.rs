//! The state file: round trips, atomic saves under failure and SIGKILL, bad and newer files,
//! and two kanbaos saving at once. The tests are in modules by topic; the helper process
//! they start (`child_process`, run by its name with `--exact`, so it stays here at the top)
//! and the helpers they share are here.

#![allow(
    clippy::unwrap_used,
    reason = "a test should panic at the first surprise"
)]

mod bad_files;
mod merging;
mod saves;
mod versions;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use std::{fs, thread};

use kanbao::state::{BUILTIN, Position, StateStore};

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
/// test of its own) and nothing else. Its name in the test binary is its module's path
/// without the crate's name (`state::child_process`), wherever this module is put.
fn child_args() -> [String; 5] {
    let name = match module_path!().split_once("::") {
        Some((_, module)) => format!("{module}::child_process"),
        None => "child_process".to_string(),
    };
    [
        "--exact".to_string(),
        name,
        "--ignored".to_string(),
        "--nocapture".to_string(),
        "--test-threads=1".to_string(),
    ]
}

/// [`spawn_child`]; a "writer" given `pause_at` prints `paused` from inside its save number
/// `pause_at`, after the temporary file is written and before the rename, and waits there.
fn spawn_child_pausing(mode: &str, path: &Path, prefix: &str, pause_at: Option<u64>) -> Child {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    if let Some(n) = pause_at {
        cmd.env(CHILD_PAUSE_AT, n.to_string());
    }
    cmd.args(child_args())
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
                        ..Position::default()
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
