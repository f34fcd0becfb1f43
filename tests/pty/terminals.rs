//! How the reader meets the terminal it is given.
//!
//! `TERM=dumb` or no `TERM` at all (Emacs shell buffers, editors' consoles, cron): the
//! reader refuses clearly, exit 2, and says what works there, instead of filling the
//! terminal with the escape codes of a full-screen colour interface.
//!
//! Grapheme cluster mode (DEC 2027): a terminal that answers the probe that it can set the
//! mode has it turned on for the session and off again at the end; one that does not
//! answer is left alone.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use std::time::{Duration, Instant};

use support::{Term, WAIT};

use std::process::Command;

use assert_cmd::cargo::cargo_bin;
use rexpect::process::WaitStatus;
use rexpect::session::spawn_command;

fn reader(term: Option<&str>, lang: &str) -> std::process::Output {
    let mut cmd = Command::new(cargo_bin("kanbao"));
    cmd.args(["--lang", lang, "--no-state"]);
    match term {
        Some(t) => cmd.env("TERM", t),
        None => cmd.env_remove("TERM"),
    };
    cmd.output().unwrap()
}

#[test]
fn a_dumb_or_unset_term_is_refused_with_what_to_use_instead() {
    for (term, named) in [
        (Some("dumb"), "TERM=dumb"),
        (None, "TERM"),
        (Some(""), "TERM"),
    ] {
        let out = reader(term, "zh");
        assert_eq!(out.status.code(), Some(2), "{term:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("kanbao: "), "{err}");
        assert!(err.contains(named), "{term:?}: {err}");
        assert!(
            err.contains("kanbao list") && err.contains("kanbao show"),
            "{err}"
        );
        assert!(err.contains("阅读器"), "in Chinese by default: {err}");
        assert!(out.stdout.is_empty(), "nothing drawn");
        let out = reader(term, "en");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("the reader cannot be shown"), "{err}");
        assert!(err.contains("TERM=xterm-256color"), "{err}");
    }
}

#[test]
fn list_and_show_still_work_on_a_dumb_terminal() {
    let out = Command::new(cargo_bin("kanbao"))
        .args(["list"])
        .env("TERM", "dumb")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!out.stdout.is_empty());
}

#[test]
fn in_a_terminal_with_term_dumb_the_screen_is_left_alone() {
    // The way a user meets it: a real (pseudo-)terminal whose TERM says dumb.
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("stty rows 24 cols 80; exec \"$0\" --no-state")
        .arg(cargo_bin("kanbao"))
        .env("TERM", "dumb");
    let mut session = spawn_command(cmd, Some(20_000)).unwrap();
    let output = session.exp_eof().unwrap();
    assert!(
        !output.contains("\x1b[?1049h"),
        "no alternate screen: {output:?}"
    );
    assert!(
        !output.contains("\x1b["),
        "no escape codes at all: {output:?}"
    );
    assert!(output.contains("kanbao list"), "{output:?}");
    // The output has ended: the process has, or is about to.
    let status = session.process_mut().wait().unwrap();
    assert!(
        matches!(status, WaitStatus::Exited(_, 2)),
        "exit 2, got {status:?}"
    );
}

/// Waits until kanbao has written `needle`.
fn wait_raw(t: &mut Term, needle: &str) {
    let start = Instant::now();
    loop {
        t.pump();
        if String::from_utf8_lossy(&t.raw).contains(needle) {
            return;
        }
        assert!(start.elapsed() < WAIT, "waited for {needle:?}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_terminal_with_grapheme_cluster_mode_has_it_on_for_the_session() {
    let mut t = Term::start(&["--no-state"], 80, 24);
    // The probe: DECRQM for mode 2027, then the device attributes.
    wait_raw(&mut t, "\x1b[?2027$p\x1b[c");
    t.send("\x1b[?2027;2$y\x1b[?62;22c");
    t.wait_text("7 篇");
    let raw = String::from_utf8_lossy(&t.raw).into_owned();
    assert!(raw.contains("\x1b[?2027h"), "the mode is turned on");
    t.send("q");
    wait_raw(&mut t, "\x1b[?2027l");
    t.expect_restored();
}

#[test]
fn a_terminal_that_does_not_know_the_mode_is_left_alone() {
    // xterm, VTE, tmux: only the device attributes come back.
    let mut t = Term::start(&["--no-state"], 80, 24);
    wait_raw(&mut t, "\x1b[?2027$p\x1b[c");
    t.send("\x1b[?64;1;2;6;9;15;18;21;22c");
    t.wait_text("7 篇");
    t.send("q");
    wait_raw(&mut t, "\x1b[?1049l");
    let raw = String::from_utf8_lossy(&t.raw).into_owned();
    assert!(!raw.contains("\x1b[?2027h") && !raw.contains("\x1b[?2027l"));
    t.expect_restored();
}
