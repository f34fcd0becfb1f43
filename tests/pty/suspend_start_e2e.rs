//! A SIGTSTP from outside (`kill -TSTP`) while kanbao starts, before the reader reads its
//! input: while it asks the terminal about itself (the probes, in raw mode on the main
//! screen), and between the indexing screen and the reader. Nothing acted on it there: it
//! stopped kanbao with the terminal left raw, or (once the indexing screen had caught it)
//! was lost. It now gives the terminal back, stops, and `fg` brings the reader up drawn.
//!
//! This harness never answers the probes, so each waits out its time (300 ms for the
//! grapheme cluster mode, crossterm's 2 s for the cursor's position): the signal is sent as
//! soon as the probe's request is written. Whichever window it lands in, kanbao must act
//! the same, so the time never decides the result.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test
#![cfg(target_os = "linux")] // reads /proc

use crate::support;

use std::process::Command;
use std::time::{Duration, Instant};

use support::job::{has_modes, index_env, modes, start_job, start_job_with, state, wait_until};
use support::{Term, WAIT};

/// The grapheme cluster mode probe's request (DECRQM 2027, then the device attributes).
const GRAPHEME_PROBE: &[u8] = b"\x1b[?2027$p\x1b[c";

/// The ambiguous-width probe's request for the cursor's position (made with
/// `--ambiguous-width auto` only).
const WIDTH_PROBE: &[u8] = b"\x1b[6n";

fn kill(signal: &str, pid: u32) {
    let status = Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// Waits until kanbao has written `bytes` at or after `from` in its output; where they
/// begin.
fn wait_written(t: &mut Term, from: usize, bytes: &[u8]) -> usize {
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

/// Waits until `pid` is stopped and the shell has the terminal back as it had it: cooked,
/// on the main screen, the cursor shown.
fn expect_stopped_cooked(t: &mut Term, pid: u32) {
    wait_until("kanbao stopped", || (state(pid) == "T").then_some(()));
    t.wait_text("[kanbao stopped]");
    let screen = t.parser.screen();
    assert!(!screen.alternate_screen(), "back on the main screen");
    assert!(!screen.hide_cursor(), "the cursor is shown");
    assert!(
        has_modes(t, &["icanon", "isig", "iexten", "icrnl", "opost"]),
        "{:?}",
        modes(t)
    );
}

/// `fg` (the shell's `read` takes a line first): the reader comes up, drawn, in raw mode,
/// and takes keys.
fn expect_the_reader_back(t: &mut Term, pid: u32, drawn: &str) {
    t.send("\r");
    t.wait_text(drawn);
    assert!(t.parser.screen().alternate_screen());
    wait_until("raw mode", || {
        has_modes(t, &["-icanon", "-echo", "-isig"]).then_some(())
    });
    assert_ne!(state(pid), "T");
}

/// While the width probe waits for the cursor's position, raw mode on and no screen up.
#[test]
fn a_sigtstp_during_the_width_probe_gives_the_terminal_back() {
    let (mut t, pid) = start_job(&["--no-state", "--ambiguous-width", "auto"]);
    wait_written(&mut t, 0, WIDTH_PROBE);
    kill("-TSTP", pid);
    expect_stopped_cooked(&mut t, pid);
    expect_the_reader_back(&mut t, pid, " 1/7 ");
    t.send("j");
    t.wait_text(" 2/7 ");
    t.send("q");
    t.expect_restored();
}

/// While the grapheme cluster probe waits for its answers, raw mode on and no screen up.
#[test]
fn a_sigtstp_during_the_grapheme_probe_gives_the_terminal_back() {
    let (mut t, pid) = start_job(&["--no-state"]);
    wait_written(&mut t, 0, GRAPHEME_PROBE);
    kill("-TSTP", pid);
    expect_stopped_cooked(&mut t, pid);
    expect_the_reader_back(&mut t, pid, " 1/7 ");
    t.send("j");
    t.wait_text(" 2/7 ");
    t.send("q");
    t.expect_restored();
}

/// After the indexing screen, before the reader: the screen's catching of SIGTSTP had
/// ended, and the reader's had not begun, so the stop was lost and kanbao went on.
#[test]
fn a_sigtstp_between_the_indexing_screen_and_the_reader_is_not_lost() {
    // Indexed on its first open, not for long: the test waits for the reader after it.
    let dir = tempfile::tempdir().unwrap();
    let (data, cache) = (dir.path().join("a.jsonl"), dir.path().join("cache"));
    let mut bytes = Vec::new();
    kanbao::archive::generate(2_000, 3, &mut bytes).unwrap();
    std::fs::write(&data, bytes).unwrap();
    let env = index_env(&cache);
    let args = ["--no-state", "--ambiguous-width", "auto"];
    let (mut t, pid) = start_job_with(
        &[&args[..], &["--data", data.to_str().unwrap()]].concat(),
        &env,
    );
    // The indexing screen up, then left, then the reader's probes.
    let entered = wait_written(&mut t, 0, b"\x1b[?1049h");
    let left = wait_written(&mut t, entered, b"\x1b[?1049l");
    wait_written(&mut t, left, WIDTH_PROBE);
    kill("-TSTP", pid);
    expect_stopped_cooked(&mut t, pid);
    expect_the_reader_back(&mut t, pid, "? 帮助");
    t.send("q");
    t.expect_restored();
}
