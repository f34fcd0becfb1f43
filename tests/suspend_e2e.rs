//! `Ctrl-Z` and SIGTSTP, in a pseudo-terminal: the reader gives the terminal back as the
//! shell had it (main screen, cooked mode, cursor shown, no mouse capture) and stops; the
//! shell's `fg` (SIGCONT) brings it back in raw mode, drawn whole, and keys work again.
//! Where no shell with job control could bring it back, it does not stop at all.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test
#![cfg(target_os = "linux")] // reads /proc

mod support;

use std::process::Command;
use std::time::{Duration, Instant};

use rexpect::process::Signal;
use support::{Term, WAIT};

/// After `tty` and `stty`: the shell prints its pid, turns job control on (so kanbao is a
/// job of its own, as in an interactive shell) and runs kanbao; each time kanbao stops, it
/// says so and waits for a line before `fg`. `$?` of a stopped job is 128 + the signal.
const JOB_SHELL: &str = "echo $$; set -m; \"$0\" \"$@\"; s=$?; \
    while [ $s -eq 147 ] || [ $s -eq 148 ]; do \
    echo '[kanbao stopped]'; read line; fg >/dev/null; s=$?; done; exit $s";

/// kanbao started by a shell with job control; its pid.
fn start_job(args: &[&str]) -> (Term, u32) {
    let mut t = Term::start_script(JOB_SHELL, args, &[], 80, 24);
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
fn wait_until<T>(what: &str, mut f: impl FnMut() -> Option<T>) -> T {
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
fn stat(pid: u32) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let (_, rest) = text.rsplit_once(')')?;
    Some(rest.split_whitespace().map(str::to_string).collect())
}

/// A child of `parent`, if it has one.
fn child_of(parent: u32) -> Option<u32> {
    std::fs::read_dir("/proc").ok()?.find_map(|entry| {
        let pid: u32 = entry.ok()?.file_name().to_str()?.parse().ok()?;
        let fields = stat(pid)?;
        (fields.get(1)? == &parent.to_string()).then_some(pid)
    })
}

/// The process's state letter (`T`: stopped by a signal).
fn state(pid: u32) -> String {
    stat(pid)
        .and_then(|f| f.first().cloned())
        .unwrap_or_default()
}

/// The terminal's modes as `stty -a` names them.
fn modes(t: &Term) -> Vec<String> {
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

fn has_modes(t: &Term, wanted: &[&str]) -> bool {
    let modes = modes(t);
    wanted.iter().all(|w| modes.iter().any(|m| m == w))
}

/// Waits until `pid` is stopped and the shell has the terminal again: the main screen, the
/// cursor shown, cooked mode.
fn expect_stopped(t: &mut Term, pid: u32) {
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
fn expect_back(t: &mut Term, pid: u32) {
    let before = t.raw.len();
    t.send("\r");
    t.wait_for("the reader drawn again", |s| {
        s.contains("7 篇") && s.contains(" 1/7 ")
    });
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

/// `Ctrl-Z` suspends the reader as it suspends `less` or `vim`, and `fg` brings it back.
#[test]
fn ctrl_z_gives_the_terminal_back_and_fg_brings_the_reader_back() {
    let (mut t, pid) = start_job(&["--no-state"]);
    t.wait_text("7 篇");
    t.wait_text(" 1/7 ");
    t.send("\x1a");
    expect_stopped(&mut t, pid);
    expect_back(&mut t, pid);
    // Keys reach the reader again, one by one (not a line at a time).
    t.send("j");
    t.wait_text(" 2/7 ");
    // And again: a second suspension works as the first.
    t.send("\x1a");
    expect_stopped(&mut t, pid);
    t.send("\r");
    t.wait_text(" 2/7 ");
    t.send("q");
    t.expect_restored();
}

/// A SIGTSTP from elsewhere (`kill -TSTP`) does what `Ctrl-Z` does: the terminal is given
/// back first (the mouse too), and taken again, as it was, after `fg`.
#[test]
fn an_outside_sigtstp_gives_the_terminal_back_before_stopping() {
    let (mut t, pid) = start_job(&["--no-state", "--mouse"]);
    t.wait_text("7 篇");
    t.wait_text(" 1/7 ");
    let status = Command::new("kill")
        .args(["-TSTP", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    expect_stopped(&mut t, pid);
    let text = String::from_utf8_lossy(&t.raw).into_owned();
    assert!(
        text.rfind("\x1b[?1000l") > text.rfind("\x1b[?1000h"),
        "mouse capture is off"
    );
    let before = t.raw.len();
    expect_back(&mut t, pid);
    let after = String::from_utf8_lossy(&t.raw[before..]).into_owned();
    assert!(after.contains("\x1b[?1000h"), "mouse capture is on again");
    assert!(after.contains("\x1b[?2004h"), "bracketed paste is on again");
    t.send("j");
    t.wait_text(" 2/7 ");
    t.send("q");
    t.expect_restored();
}

/// SIGSTOP cannot be caught: the reader stops as it is, and the shell may set the terminal
/// as it likes meanwhile (bash puts its own modes back). SIGCONT takes the terminal again
/// all the same: raw mode, the whole screen drawn. It was left cooked, keys echoed and
/// arriving a line at a time, the screen drawn in part.
#[test]
fn sigcont_takes_the_terminal_again_after_a_stop_it_could_not_see() {
    let (mut t, pid) = start_job(&["--no-state"]);
    t.wait_text("7 篇");
    t.wait_text(" 1/7 ");
    let status = Command::new("kill")
        .args(["-STOP", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    wait_until("kanbao stopped", || (state(pid) == "T").then_some(()));
    t.wait_text("[kanbao stopped]");
    let status = Command::new("stty")
        .args(["-F", t.tty(), "sane"])
        .status()
        .unwrap();
    assert!(status.success());
    expect_back(&mut t, pid);
    t.send("j");
    t.wait_text(" 2/7 ");
    t.send("q");
    t.expect_restored();
}

/// Run with no shell that could bring it back (kanbao leads its own session here, as under
/// `ssh host kanbao` or a tmux window running it), a stop would last for ever: `Ctrl-Z`
/// says why it does not suspend and the reader goes on, and so does a SIGTSTP.
#[test]
fn without_job_control_the_reader_does_not_stop() {
    let mut t = Term::start(&["--no-state"], 80, 24);
    t.wait_text("7 篇");
    t.wait_text(" 1/7 ");
    t.send("\x1a");
    t.wait_text("不能挂起");
    t.send("j");
    t.wait_text(" 2/7 ");
    t.signal(Signal::SIGTSTP);
    t.send("k");
    t.wait_text(" 1/7 ");
    assert!(t.parser.screen().alternate_screen());
    assert!(has_modes(&t, &["-icanon", "-echo"]), "{:?}", modes(&t));
    t.send("q");
    t.expect_restored();
}
