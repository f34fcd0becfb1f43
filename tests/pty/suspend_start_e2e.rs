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

use support::Term;
use support::job::{has_modes, index_env, state, stopped_once_written, wait_until};

/// The grapheme cluster mode probe's request (DECRQM 2027, then the device attributes).
const GRAPHEME_PROBE: &[u8] = b"\x1b[?2027$p\x1b[c";

/// The ambiguous-width probe's request for the cursor's position (made with
/// `--ambiguous-width auto` only).
const WIDTH_PROBE: &[u8] = b"\x1b[6n";

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

/// A SIGTSTP while a probe started with `args` waits for its answer (`request` written,
/// raw mode on, no screen up): the terminal given back, then `fg` brings the reader up,
/// drawn, and it takes keys.
fn a_stop_during_the_probe(args: &[&str], request: &[u8]) {
    let (mut t, pid) = stopped_once_written(args, &[], &[request]);
    expect_the_reader_back(&mut t, pid, " 1/7 ");
    t.send("j");
    t.wait_text(" 2/7 ");
    t.send("q");
    t.expect_restored();
}

/// While the width probe waits for the cursor's position, raw mode on and no screen up.
#[test]
fn a_sigtstp_during_the_width_probe_gives_the_terminal_back() {
    a_stop_during_the_probe(&["--no-state", "--ambiguous-width", "auto"], WIDTH_PROBE);
}

/// While the grapheme cluster probe waits for its answers, raw mode on and no screen up.
#[test]
fn a_sigtstp_during_the_grapheme_probe_gives_the_terminal_back() {
    a_stop_during_the_probe(&["--no-state"], GRAPHEME_PROBE);
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
    // The indexing screen up, then left, then the reader's probes.
    let (mut t, pid) = stopped_once_written(
        &[&args[..], &["--data", data.to_str().unwrap()]].concat(),
        &env,
        &[b"\x1b[?1049h", b"\x1b[?1049l", WIDTH_PROBE],
    );
    expect_the_reader_back(&mut t, pid, "? 帮助");
    t.send("q");
    t.expect_restored();
}
