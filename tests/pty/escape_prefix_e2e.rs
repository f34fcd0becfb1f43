//! `Esc` then `[` or `O` in one read, as SSH batches keystrokes or `tmux send-keys Escape [`
//! sends them: they begin the terminal's key sequences (`ESC [`, `ESC O`), and when no
//! sequence follows they were `Esc`, then `[` or `O`. Both were lost once the input had been
//! quiet for 100 ms.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test
#![cfg(unix)]

use crate::support;

use support::Term;

/// In the search prompt `Esc [` in one write closes the prompt (dropping what was typed),
/// and `[` goes to the previous article in the list (side by side, on 120 columns); `Esc O`
/// closes it too.
#[test]
fn esc_and_a_bracket_in_one_write_close_the_prompt_then_go_up() {
    let mut t = Term::start(&["--no-state"], 120, 30);
    t.wait_text("7 篇");
    t.wait_text(" 1/7 ");
    t.send("j");
    t.wait_text(" 2/7 ");
    t.send("/");
    t.wait_text("搜索：");
    t.send("abc");
    t.wait_text("搜索：abc");
    t.send("\x1b[");
    t.wait_for("the prompt closed and the first row selected", |s| {
        !s.contains("搜索：") && s.contains(" 1/7 ")
    });
    t.send("/");
    t.wait_text("搜索：");
    t.send("xyz");
    t.wait_text("搜索：xyz");
    t.send("\x1bO");
    t.wait_for("the prompt closed", |s| {
        !s.contains("搜索：") && s.contains(" 1/7 ")
    });
    // A real sequence still reads as its key: the down arrow.
    t.send("\x1b[B");
    t.wait_text(" 2/7 ");
    t.send("q");
    t.expect_restored();
}
