//! Two `kanbao index` runs on one file at once build it once: a build holds a lock beside
//! the index folder in kanbao's cache, a second run says on stderr that it waits for
//! another build, waits, then finds the index up to date and does not build it again. A
//! lock held by a process that is killed blocks nothing after its death.
//!
//! No result here depends on how long anything takes: the test holds the lock itself (or
//! has a child process hold it) while the runs start, so each run must wait, and every
//! wait for a run's words or its end is bounded by [`BOUND`], which only a hang reaches.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use assert_cmd::cargo::cargo_bin;
use kanbao::index::cache;

/// The longest any wait of this test may take: reached only when something hangs.
const BOUND: Duration = Duration::from_secs(180);

/// What a run says before it waits (`--lang en`).
const WAITING: &str = "waiting for another kanbao that is indexing";

/// The environment variable that makes [`hold_the_lock_until_killed`] hold a lock.
const HOLD: &str = "KANBAO_TEST_HOLD_LOCK";

/// What [`hold_the_lock_until_killed`] prints once it holds the lock (after libtest's own
/// words on the same line).
const HELD: &str = "kanbao-test: the lock is held";

/// A generated archive of 200 articles in `dir`, and the cache folder beside it.
fn archive(dir: &Path) -> (PathBuf, PathBuf) {
    let data = dir.join("a.jsonl");
    let mut bytes = Vec::new();
    kanbao::archive::generate(200, 7, &mut bytes).unwrap();
    std::fs::write(&data, bytes).unwrap();
    (data, dir.join("cache"))
}

/// The build lock file of `data`'s index under the cache folder `cache`: beside the index
/// folder, its name and `.lock`.
fn lock_file(cache: &Path, data: &Path) -> PathBuf {
    let root = cache.join("kanbao").join("index");
    let folder = cache::folder(&root, &data.canonicalize().unwrap());
    PathBuf::from(format!("{}.lock", folder.display()))
}

/// The lock file, opened (and made, with its folder) for locking.
fn open_lock(path: &Path) -> File {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(false)
        .open(path)
        .unwrap()
}

/// A run of `kanbao --lang en index DATA`, its stderr's lines arriving on the receiver
/// (which disconnects when the run closes it, at its end).
struct Run {
    child: Child,
    lines: Receiver<String>,
    heard: Vec<String>,
}

impl Run {
    fn start(cache: &Path, data: &Path) -> Run {
        let mut child = Command::new(cargo_bin("kanbao"))
            .args(["--lang", "en", "index"])
            .arg(data)
            .env("XDG_CACHE_HOME", cache)
            .env("NO_COLOR", "1")
            .env_remove("HOME")
            .env_remove("KANBAO_CONFIG")
            .env_remove("KANBAO_DATA")
            .env_remove("KANBAO_AUTO_INDEX")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        Run {
            lines: lines_of(child.stderr.take().unwrap()),
            child,
            heard: Vec::new(),
        }
    }

    /// Waits (at most [`BOUND`]) for a line holding `text`; fails when the run ends first.
    fn wait_for(&mut self, text: &str) {
        let end = Instant::now() + BOUND;
        loop {
            match self
                .lines
                .recv_timeout(end.saturating_duration_since(Instant::now()))
            {
                Ok(line) => {
                    let found = line.contains(text);
                    self.heard.push(line);
                    if found {
                        return;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!("no {text:?} within {BOUND:?}; heard {:?}", self.heard)
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("the run ended without {text:?}; it said {:?}", self.heard)
                }
            }
        }
    }

    /// Waits (at most [`BOUND`]) for the run's end; what it said on stderr, whole.
    fn finish(mut self) -> String {
        let end = Instant::now() + BOUND;
        loop {
            match self
                .lines
                .recv_timeout(end.saturating_duration_since(Instant::now()))
            {
                Ok(line) => self.heard.push(line),
                Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => {
                    panic!(
                        "the run did not end within {BOUND:?}; heard {:?}",
                        self.heard
                    )
                }
            }
        }
        let status = self.child.wait().unwrap();
        let said = self.heard.join("\n");
        assert!(status.success(), "{status}: {said}");
        said
    }
}

/// A run left behind by a failed test ends with it.
impl Drop for Run {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A child process that ends when dropped (the lock holder, should the test fail first).
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The lines read from `from` on a thread of their own, as they come.
fn lines_of(from: impl std::io::Read + Send + 'static) -> Receiver<String> {
    let (tell, heard) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(from).lines() {
            let Ok(line) = line else { break };
            if tell.send(line).is_err() {
                break;
            }
        }
    });
    heard
}

/// How many files a run says it built now (`index ready: 1 file (N built now), …`).
fn built(said: &str) -> usize {
    let at = said.find(" built now)").unwrap_or_else(|| panic!("{said}"));
    let digits: String = said[..at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.chars().rev().collect::<String>().parse().unwrap()
}

#[test]
fn two_runs_at_once_wait_and_build_the_index_once() {
    let dir = tempfile::tempdir().unwrap();
    let (data, cache) = archive(dir.path());
    // This test is the build already under way: both runs find the lock held.
    let held = open_lock(&lock_file(&cache, &data));
    held.lock().unwrap();
    let mut first = Run::start(&cache, &data);
    first.wait_for(WAITING);
    let mut second = Run::start(&cache, &data);
    second.wait_for(WAITING);
    assert!(
        first.heard.iter().any(|l| l.contains("a.jsonl")),
        "{:?}",
        first.heard
    );
    // Let go: one run builds while the other waits for it, then finds the index up to date.
    held.unlock().unwrap();
    let said = [first.finish(), second.finish()];
    let mut counts: Vec<usize> = said.iter().map(|s| built(s)).collect();
    counts.sort_unstable();
    assert_eq!(counts, [0, 1], "built once: {said:?}");
    for s in &said {
        assert!(s.contains("index ready: 1 file"), "{s}");
        assert!(s.contains("200 articles"), "{s}");
    }
    // One index folder, its lock file beside it, no unfinished build left.
    let root = cache.join("kanbao").join("index");
    let mut names: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("a.jsonl"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names[1].ends_with(".lock") && !names[0].contains(".tmp-"),
        "{names:?}"
    );
    // And a third run, alone, neither waits nor builds.
    let third = Run::start(&cache, &data).finish();
    assert!(!third.contains(WAITING), "{third}");
    assert_eq!(built(&third), 0, "{third}");
}

#[test]
fn a_lock_whose_holder_was_killed_blocks_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (data, cache) = archive(dir.path());
    let lock = lock_file(&cache, &data);
    // Another process takes the lock: this test's own binary, running the ignored test
    // below, which says [`HELD`] once it holds it.
    let mut holder = Killed(
        Command::new(std::env::current_exe().unwrap())
            .args(["--exact", &holder_test_name(), "--ignored", "--nocapture"])
            .args(["--test-threads", "1"])
            .env(HOLD, &lock)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let said = lines_of(holder.0.stdout.take().unwrap());
    let end = Instant::now() + BOUND;
    loop {
        match said.recv_timeout(end.saturating_duration_since(Instant::now())) {
            Ok(line) if line.contains(HELD) => break,
            Ok(_) => {}
            Err(e) => panic!("the holder never held the lock: {e}"),
        }
    }
    let mut run = Run::start(&cache, &data);
    run.wait_for(WAITING);
    // Killed while it holds the lock: the system lets the lock go with it.
    holder.0.kill().unwrap();
    holder.0.wait().unwrap();
    let said = run.finish();
    assert_eq!(built(&said), 1, "{said}");
    assert!(lock.is_file(), "the lock file stays, and blocks nothing");
    let again = Run::start(&cache, &data).finish();
    assert!(!again.contains(WAITING), "{again}");
}

/// The name of [`hold_the_lock_until_killed`] in the test binary: this module's path without
/// the crate's name, then the function's (`index_lock::hold_the_lock_until_killed`).
fn holder_test_name() -> String {
    match module_path!().split_once("::") {
        Some((_, module)) => format!("{module}::hold_the_lock_until_killed"),
        None => "hold_the_lock_until_killed".to_string(),
    }
}

/// Not a test of its own: the child process of
/// [`a_lock_whose_holder_was_killed_blocks_nothing`], which holds the lock file named by
/// [`HOLD`] until it is killed (or [`BOUND`] passes, so that it never outlives a run).
#[test]
#[ignore = "run by a_lock_whose_holder_was_killed_blocks_nothing as its child process"]
fn hold_the_lock_until_killed() {
    let Some(path) = std::env::var_os(HOLD) else {
        return;
    };
    let file = open_lock(Path::new(&path));
    file.lock().unwrap();
    println!("{HELD}");
    std::thread::sleep(BOUND);
}
