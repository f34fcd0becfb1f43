//! A SIGTSTP sent from outside (`kill -TSTP`) while the indexing screen is up (shown while
//! an archive's index is built, before the reader starts): nothing caught it there, so it
//! stopped kanbao with the terminal left raw on the alternate screen. It now does what it
//! does in the reader: the terminal given back, then the stop; `fg` (SIGCONT) takes the
//! terminal again and draws the screen whole. Where no shell could continue kanbao, it is
//! ignored, as in the reader.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test
#![cfg(target_os = "linux")] // reads /proc

use crate::support;

use std::process::Command;

use rexpect::process::Signal;
use support::Term;
use support::job::{
    expect_back_to, expect_stopped, has_modes, index_env, kill, modes, start_job_with, state,
    unindexed_archive, wait_until,
};

/// What the indexing screen shows under its bar.
const SCREEN: &str = "Ctrl-C 离开";

#[test]
fn an_outside_sigtstp_on_the_indexing_screen_gives_the_terminal_back_first() {
    let (_dir, data, cache) = unindexed_archive();
    let env = index_env(&cache);
    let (mut t, pid) = start_job_with(&["--no-state", "--data", data.to_str().unwrap()], &env);
    t.wait_text(SCREEN);
    kill("-TSTP", pid);
    // Stopped on the main screen, cooked, the cursor shown.
    expect_stopped(&mut t, pid);
    expect_back_to(&mut t, pid, "the indexing screen again", |s| {
        s.contains(SCREEN)
    });
    t.send("q");
    t.expect_restored();
}

/// Stopped where it could not see it (SIGSTOP) while the shell set the terminal as it
/// likes, the indexing screen takes the terminal again at SIGCONT, as the reader does.
#[test]
fn sigcont_takes_the_terminal_again_on_the_indexing_screen() {
    let (_dir, data, cache) = unindexed_archive();
    let env = index_env(&cache);
    let (mut t, pid) = start_job_with(&["--no-state", "--data", data.to_str().unwrap()], &env);
    t.wait_text(SCREEN);
    kill("-STOP", pid);
    wait_until("kanbao stopped", || (state(pid) == "T").then_some(()));
    t.wait_text("[kanbao stopped]");
    let status = Command::new("stty")
        .args(["-F", t.tty(), "sane"])
        .status()
        .unwrap();
    assert!(status.success());
    // Drawn whole: the shell's line is gone from the screen it was written over.
    expect_back_to(&mut t, pid, "the indexing screen again", |s| {
        s.contains(SCREEN) && !s.contains("[kanbao stopped]")
    });
    t.send("q");
    t.expect_restored();
}

/// With no shell that could bring it back (kanbao leads its own session here), a SIGTSTP
/// on the indexing screen is ignored, as in the reader: the screen stays up, keys work.
#[test]
fn without_job_control_an_outside_sigtstp_is_ignored_on_the_indexing_screen() {
    let (_dir, data, cache) = unindexed_archive();
    let env = index_env(&cache);
    let args = ["--no-state", "--data", data.to_str().unwrap()];
    let mut t = Term::start_with(&args, &env, 80, 24);
    t.wait_text(SCREEN);
    t.signal(Signal::SIGTSTP);
    // A key after it is still the screen's: `q` leaves.
    t.send("x");
    assert!(t.parser.screen().alternate_screen());
    assert!(has_modes(&t, &["-icanon", "-echo"]), "{:?}", modes(&t));
    t.send("q");
    t.expect_restored();
}
