//! `Ctrl-Z` and SIGTSTP, in a pseudo-terminal: the reader gives the terminal back as the
//! shell had it (main screen, cooked mode, cursor shown, no mouse capture) and stops; the
//! shell's `fg` (SIGCONT) brings it back in raw mode, drawn whole, and keys work again.
//! Where no shell with job control could bring it back, it does not stop at all.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test
#![cfg(target_os = "linux")] // reads /proc

use crate::support;

use std::process::Command;

use rexpect::process::Signal;
use support::Term;
use support::job::{expect_back, expect_stopped, has_modes, modes, start_job, state, wait_until};

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
