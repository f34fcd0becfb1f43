//! Keys as the users' other tools have them (session 35, a hands-on test in tmux): in the
//! search prompt `↓` `↑` and `Ctrl-N` `Ctrl-P` pick a result while the query is typed, as in
//! fzf; in the reader `Enter` goes one line down, as in `less`. Before, both did nothing.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test
#![cfg(unix)]

use crate::support;

use support::Term;

/// The preview's meta line names the article it shows (`驿站` finds articles 1 and 3, best
/// first).
fn previews(screen: &str, id: &str) -> bool {
    screen.contains(&format!("· id {id}"))
}

/// Side by side, the preview follows the result the arrows pick; `Esc` puts the list back
/// as it was before `/`, as it does after typing.
#[test]
fn the_arrows_pick_a_result_while_the_query_is_typed() {
    let mut t = Term::start(&["--no-state"], 120, 30);
    t.wait_text("7 篇");
    t.send("/");
    t.wait_text("搜索：");
    t.send("驿站");
    t.wait_for("two results, the best previewed", |s| {
        s.contains("2/7 篇") && previews(s, "1")
    });
    t.send("\x1b[B");
    t.wait_for("↓: the second result previewed", |s| previews(s, "3"));
    t.send("\x10");
    t.wait_for("Ctrl-P: the first again", |s| previews(s, "1"));
    t.send("\x0e");
    t.wait_for("Ctrl-N: the second again, the prompt still open", |s| {
        previews(s, "3") && s.lines().last().is_some_and(|l| l.contains("搜索：驿站"))
    });
    t.send("\x1b[A");
    t.wait_for("↑: the first again", |s| previews(s, "1"));
    t.send("\x1b[B");
    t.wait_for("↓: the second", |s| previews(s, "3"));
    t.send("\x1b");
    t.wait_for("Esc: the whole list, its first article previewed", |s| {
        s.contains("7 篇") && !s.contains("2/7 篇") && previews(s, "1")
    });
    t.send("q");
    t.expect_restored();
}

/// One pane at a time: `↓` in the prompt, `Enter` keeps the search with that result
/// selected, and `Enter` opens it.
#[test]
fn enter_after_an_arrow_opens_the_result_picked() {
    let mut t = Term::start(&["--no-state"], 80, 24);
    t.wait_text("7 篇");
    t.send("/");
    t.wait_text("搜索：");
    t.send("驿站");
    t.wait_text("2/7 篇");
    t.send("\x1b[B");
    t.send("\r");
    t.wait_for("the prompt closed", |s| {
        s.lines().skip(1).all(|l| !l.contains("搜索：")) && s.contains("2/7 篇")
    });
    t.send("\r");
    t.wait_text("第 1/");
    assert!(
        previews(&t.contents(), "3"),
        "the second result is open:\n{}",
        t.contents()
    );
    t.send("q");
    t.wait_text("? 帮助");
    t.send("q");
    t.expect_restored();
}

/// In the reader `Enter` scrolls one line down, as `less` does: the kicker on top gives way
/// to the title.
#[test]
fn enter_in_the_reader_goes_one_line_down() {
    let mut t = Term::start(&["--no-state"], 80, 24);
    t.wait_text("7 篇");
    t.send("\r");
    t.wait_text("第 1/");
    let row = |s: &str, n: usize| s.lines().nth(n).unwrap_or("").to_string();
    assert!(row(&t.contents(), 1).contains("协同发力解决货车司机群体"));
    t.send("\r");
    t.wait_for("the title on top", |s| {
        row(s, 1).contains("大兴区天宫院街道“党工共建”") && !s.contains("协同发力")
    });
    t.send("k");
    t.wait_for("k: the kicker back on top", |s| {
        row(s, 1).contains("协同发力解决货车司机群体")
    });
    t.send("q");
    t.wait_text("? 帮助");
    t.send("q");
    t.expect_restored();
}
