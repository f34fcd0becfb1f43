//! `Esc` and another key in one read, as SSH batches keystrokes or `tmux send-keys Escape j`
//! sends them: `Esc`, then the key, unless Alt with that key means something there.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test
#![cfg(unix)]

use crate::support;

use support::Term;

/// In the search prompt `Esc j` in one write closes the prompt (dropping what was typed)
/// and moves down the list. It was read as Alt-j, which means nothing there: the prompt
/// stayed open.
#[test]
fn esc_and_j_in_one_write_close_the_prompt_and_move_down() {
    let mut t = Term::start(&["--no-state"], 80, 24);
    t.wait_text("7 篇");
    t.wait_text(" 1/7 ");
    t.send("/");
    t.wait_text("搜索：");
    t.send("abc");
    t.wait_text("搜索：abc");
    t.send("\x1bj");
    t.wait_for("the prompt closed and the second row selected", |s| {
        !s.contains("搜索：") && s.contains(" 2/7 ")
    });
    // `Alt-b` still means something in the prompt: a word left, not `Esc` and `b`.
    t.send("/");
    t.wait_text("搜索：");
    t.send("ab cd");
    t.wait_text("搜索：ab cd");
    t.send("\x1bb");
    t.send("x");
    t.wait_text("搜索：ab xcd");
    t.send("\x1bq");
    t.expect_restored();
}
