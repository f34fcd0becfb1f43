//! `Ctrl-Z` where it did nothing: on the indexing screen (shown while an archive's index is
//! built) and at the question asked when the marks could not be saved at quit. It suspends
//! there as everywhere else, and where no shell with job control could bring kanbao back,
//! it says why there too.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test
#![cfg(target_os = "linux")] // reads /proc

use crate::support;

use std::fs;
use std::path::Path;

use support::Term;
use support::job::{
    expect_back_to, expect_stopped, index_env, start_job, start_job_with, unindexed_archive,
};

/// What the status bar says when `Ctrl-Z` cannot suspend.
const CANNOT: &str = "不能挂起";

/// True when no finished index of `data` is in `cache`.
fn no_index(data: &Path, cache: &Path) -> bool {
    let mut notes = Vec::new();
    kanbao::index::open_in(&cache.join("kanbao/index"), data, &mut notes).is_none()
}

/// On the indexing screen `Ctrl-Z` stops kanbao there and then, the build with it (it was
/// kept for the reader, which stopped only once the index was built); `fg` brings the
/// screen back, drawn whole.
#[test]
fn ctrl_z_on_the_indexing_screen_suspends_it() {
    let (_dir, data, cache) = unindexed_archive();
    let env = index_env(&cache);
    let (mut t, pid) = start_job_with(&["--no-state", "--data", data.to_str().unwrap()], &env);
    t.wait_text("Ctrl-C 离开");
    t.send("\x1a");
    expect_stopped(&mut t, pid);
    assert!(
        no_index(&data, &cache),
        "stopped before the index was built"
    );
    expect_back_to(&mut t, pid, "the indexing screen again", |s| {
        s.contains("Ctrl-C 离开")
    });
    t.send("q");
    t.expect_restored();
}

/// With no shell that could bring it back, the indexing screen says why `Ctrl-Z` does not
/// suspend, and goes on.
#[test]
fn without_job_control_the_indexing_screen_says_why() {
    let (_dir, data, cache) = unindexed_archive();
    let env = index_env(&cache);
    let args = ["--no-state", "--data", data.to_str().unwrap()];
    let mut t = Term::start_with(&args, &env, 80, 24);
    t.wait_text("Ctrl-C 离开");
    t.send("\x1a");
    t.wait_for("why, on the indexing screen", |s| {
        s.contains(CANNOT) && s.contains("Ctrl-C 离开")
    });
    t.send("q");
    t.expect_restored();
    assert!(no_index(&data, &cache));
}

/// The bundled page with its state at `dir/sub/state.json`, where a file then takes the
/// folder's place, so every save fails (as root too); a bookmark is made, its save fails,
/// and `q` asks the question. `job`: started by a shell with job control; kanbao's pid.
fn at_the_quit_question(dir: &Path, job: bool) -> (Term, u32) {
    let state = dir.join("sub").join("state.json");
    let args = ["--state", state.to_str().unwrap()];
    let (mut t, pid) = if job {
        start_job(&args)
    } else {
        (Term::start(&args, 80, 24), 0)
    };
    t.wait_text("7 篇");
    fs::write(dir.join("sub"), "a file where the state folder goes").unwrap();
    t.send("m");
    t.wait_text("保存阅读记录失败");
    t.send("q");
    t.wait_text("r 重试");
    (t, pid)
}

/// At the question `Ctrl-Z` suspends (it did nothing); after `fg` the question still waits
/// for its answer.
#[test]
fn ctrl_z_at_the_quit_question_suspends_and_the_question_waits() {
    let dir = tempfile::tempdir().unwrap();
    let (mut t, pid) = at_the_quit_question(dir.path(), true);
    t.send("\x1a");
    expect_stopped(&mut t, pid);
    expect_back_to(&mut t, pid, "the question again", |s| s.contains("r 重试"));
    t.send("q");
    t.wait_text("本次的阅读记录没有保存");
    t.expect_restored_with(2);
}

/// With no shell that could bring it back, the question's line says why until the next
/// key, and the question's keys answer it meanwhile.
#[test]
fn without_job_control_the_quit_question_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let (mut t, _) = at_the_quit_question(dir.path(), false);
    t.send("\x1a");
    t.wait_for("why, in the question's place", |s| {
        s.contains(CANNOT) && !s.contains("r 重试")
    });
    // Any other key: the question again.
    t.send("x");
    t.wait_for("the question again", |s| {
        !s.contains(CANNOT) && s.contains("r 重试")
    });
    t.send("\x1a");
    t.wait_text(CANNOT);
    fs::remove_file(dir.path().join("sub")).unwrap();
    t.send("r");
    t.expect_restored();
    assert!(dir.path().join("sub").join("state.json").is_file());
}
