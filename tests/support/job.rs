//! kanbao as a job of a shell with job control, in a pseudo-terminal, for the tests of
//! `Ctrl-Z` and SIGTSTP: the process's state, the terminal's modes, and what a stop and an
//! `fg` leave on the screen.
#![cfg(target_os = "linux")] // reads /proc

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use super::{Term, WAIT};

/// After `tty` and `stty`: the shell prints its pid, turns job control on (so kanbao is a
/// job of its own, as in an interactive shell) and runs kanbao; each time kanbao stops, it
/// says so and waits for a line before `fg`. `$?` of a stopped job is 128 + the signal.
pub const JOB_SHELL: &str = "echo $$; set -m; \"$0\" \"$@\"; s=$?; \
    while [ $s -eq 147 ] || [ $s -eq 148 ]; do \
    echo '[kanbao stopped]'; read line; fg >/dev/null; s=$?; done; exit $s";

/// kanbao started by a shell with job control; its pid.
pub fn start_job(args: &[&str]) -> (Term, u32) {
    start_job_with(args, &[])
}

/// [`start_job`] with these environment variables set too.
pub fn start_job_with(args: &[&str], env: &[(&str, &str)]) -> (Term, u32) {
    let mut t = Term::start_script(JOB_SHELL, args, env, 80, 24);
    let start = Instant::now();
    let shell = loop {
        t.pump();
        let text = String::from_utf8_lossy(&t.raw).into_owned();
        if let Some(pid) = text.lines().find_map(|l| l.trim().parse::<u32>().ok()) {
            break pid;
        }
        assert!(start.elapsed() < WAIT, "the shell said no pid: {text:?}");
        std::thread::sleep(Duration::from_millis(20));
    };
    let kanbao = wait_until("kanbao started", || child_of(shell));
    (t, kanbao)
}

/// Calls `f` until it gives something, for at most [`WAIT`].
pub fn wait_until<T>(what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(found) = f() {
            return found;
        }
        assert!(start.elapsed() < WAIT, "waited for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The fields of `/proc/PID/stat` after the command's name: state, ppid, …
pub fn stat(pid: u32) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let (_, rest) = text.rsplit_once(')')?;
    Some(rest.split_whitespace().map(str::to_string).collect())
}

/// A child of `parent`, if it has one.
pub fn child_of(parent: u32) -> Option<u32> {
    std::fs::read_dir("/proc").ok()?.find_map(|entry| {
        let pid: u32 = entry.ok()?.file_name().to_str()?.parse().ok()?;
        let fields = stat(pid)?;
        (fields.get(1)? == &parent.to_string()).then_some(pid)
    })
}

/// The process's state letter (`T`: stopped by a signal).
pub fn state(pid: u32) -> String {
    stat(pid)
        .and_then(|f| f.first().cloned())
        .unwrap_or_default()
}

/// The terminal's modes as `stty -a` names them.
pub fn modes(t: &Term) -> Vec<String> {
    let out = Command::new("stty")
        .args(["-F", t.tty(), "-a"])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .map(|w| w.trim_end_matches(';').to_string())
        .collect()
}

pub fn has_modes(t: &Term, wanted: &[&str]) -> bool {
    let modes = modes(t);
    wanted.iter().all(|w| modes.iter().any(|m| m == w))
}

/// Waits until `pid` is stopped and the shell has the terminal again: the main screen, the
/// cursor shown, cooked mode.
pub fn expect_stopped(t: &mut Term, pid: u32) {
    wait_until("kanbao stopped", || (state(pid) == "T").then_some(()));
    t.wait_for("the shell's line after the stop", |s| {
        s.contains("[kanbao stopped]")
    });
    let screen = t.parser.screen();
    assert!(
        !screen.alternate_screen(),
        "back on the main screen: {:?}",
        String::from_utf8_lossy(&t.raw[t.raw.len().saturating_sub(600)..])
    );
    assert!(!screen.hide_cursor(), "the cursor is shown");
    let text = String::from_utf8_lossy(&t.raw);
    assert!(
        text.rfind("\x1b[?2004l") > text.rfind("\x1b[?2004h"),
        "bracketed paste is off"
    );
    // Cooked as the shell had it: lines are edited, Ctrl-C is a signal (rexpect turns the
    // echo off when it makes the terminal).
    assert!(
        has_modes(t, &["icanon", "isig", "iexten", "icrnl", "opost"]),
        "{:?}",
        modes(t)
    );
}

/// Brings the stopped kanbao back with `fg` (the shell's `read` takes a line first), and
/// waits for the whole screen drawn again in raw mode.
pub fn expect_back(t: &mut Term, pid: u32) {
    expect_back_to(t, pid, "the reader drawn again", |s| {
        s.contains("7 篇") && s.contains(" 1/7 ")
    });
}

/// [`expect_back`], waiting for a screen that passes `check`.
pub fn expect_back_to(t: &mut Term, pid: u32, what: &str, check: impl Fn(&str) -> bool) {
    let before = t.raw.len();
    t.send("\r");
    t.wait_for(what, check);
    assert!(t.parser.screen().alternate_screen());
    wait_until("raw mode", || {
        has_modes(t, &["-icanon", "-echo", "-isig"]).then_some(())
    });
    assert_ne!(state(pid), "T");
    // Every cell drawn afresh: the screen is cleared first, not patched as a diff against
    // what was there before the stop.
    let after = String::from_utf8_lossy(&t.raw[before..]).into_owned();
    let entered = after
        .find("\x1b[?1049h")
        .expect("the alternate screen again");
    assert!(after[entered..].contains("\x1b[2J"), "{after:?}");
}

/// An archive big enough that indexing it takes a while, never indexed: the folder holding
/// it (and the cache), the data file, and the cache folder.
pub fn unindexed_archive() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let data = dir.path().join("a.jsonl");
    let mut bytes = Vec::new();
    kanbao::archive::generate(40_000, 3, &mut bytes).unwrap();
    std::fs::write(&data, bytes).unwrap();
    (dir, data, cache)
}

/// Indexing on first use from 1,000 bytes, with the cache at `cache`.
pub fn index_env(cache: &Path) -> [(&str, &str); 2] {
    [
        ("XDG_CACHE_HOME", cache.to_str().unwrap()),
        ("KANBAO_AUTO_INDEX", "1000"),
    ]
}

/// Sends `signal` (`-TSTP`, `-STOP`, `-CONT`) to `pid` with `kill`, as a user in another
/// shell would.
pub fn kill(signal: &str, pid: u32) {
    let status = Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// Waits until kanbao has written `bytes` at or after `from` in its output; where they
/// begin.
pub fn wait_written(t: &mut Term, from: usize, bytes: &[u8]) -> usize {
    let start = Instant::now();
    loop {
        t.pump();
        let found = t.raw.get(from..).and_then(|after| {
            after
                .windows(bytes.len())
                .position(|w| w == bytes)
                .map(|at| from + at)
        });
        if let Some(at) = found {
            return at;
        }
        assert!(
            start.elapsed() < WAIT,
            "waited for {bytes:?}; the last lines written:\n{}",
            t.last_lines(20)
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// kanbao started as a job with `args` and `env`, sent SIGTSTP from outside (`kill -TSTP`)
/// as soon as it has written each of `marks` in turn (the probes' requests, the indexing
/// screen entered and left), before the reader reads its input; then checked stopped, with
/// the shell's terminal given back as it had it: cooked, on the main screen, the cursor
/// shown. The terminal and kanbao's pid, for `fg`.
pub fn stopped_once_written(args: &[&str], env: &[(&str, &str)], marks: &[&[u8]]) -> (Term, u32) {
    let (mut t, pid) = start_job_with(args, env);
    let mut from = 0;
    for mark in marks {
        from = wait_written(&mut t, from, mark);
    }
    kill("-TSTP", pid);
    wait_until("kanbao stopped", || (state(pid) == "T").then_some(()));
    t.wait_text("[kanbao stopped]");
    let screen = t.parser.screen();
    assert!(!screen.alternate_screen(), "back on the main screen");
    assert!(!screen.hide_cursor(), "the cursor is shown");
    assert!(
        has_modes(&t, &["icanon", "isig", "iexten", "icrnl", "opost"]),
        "{:?}",
        modes(&t)
    );
    (t, pid)
}
