//! The real binary in a pseudo-terminal: keys in, screen read back through a VT100 parser.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test
#![cfg(unix)]

use crate::support;

use support::Term;

#[test]
fn open_page_search_pick_resize_and_quit() {
    let mut t = Term::start(&["--no-state"], 80, 24);
    t.wait_text("7 篇");
    t.wait_text("大兴区天宫院街道");

    // Open the first article, turn a page, come back.
    t.send("\r");
    t.wait_text("第 1/");
    t.send(" ");
    t.wait_text("第 2/");
    t.send("q");
    t.wait_text("? 帮助");

    // Search as UTF-8 text: the list narrows.
    t.send("/");
    t.wait_text("搜索：");
    t.send("驿站");
    t.wait_text("2/7 篇");
    t.send("\r");
    // The header (first line) keeps the search; the prompt (below it) is gone.
    t.wait_for("prompt closed", |s| {
        s.lines().skip(1).all(|l| !l.contains("搜索：")) && s.contains("2/7 篇")
    });

    // Clear, then pick 西城区 in the picker.
    t.send("c");
    t.wait_text("7 篇");
    t.send("d");
    t.wait_text("选择地区");
    t.send(" ");
    t.wait_text("[x] 西城区");
    t.send("\r");
    t.wait_text("地区：西城区");
    t.wait_text("2/7 篇");
    t.wait_text("展览路街道");

    // Resize: the screen is redrawn at the new size.
    t.resize(50, 16);
    t.wait_for("a 50-column frame", |s| {
        s.lines().next().is_some_and(|l| l.contains("2/7 篇"))
            && s.lines().nth(15).is_some_and(|l| l.contains("1/2"))
    });

    t.send("q");
    t.expect_restored();
}

#[test]
fn a_bracketed_paste_searches() {
    let mut t = Term::start(&["--no-state", "--lang", "en"], 100, 30);
    t.wait_text("7 articles");
    t.send("\x1b[200~驿站\x1b[201~");
    t.wait_text("Search: 驿站");
    t.wait_text("2/7 articles");
    t.send("\r");
    t.send("\r");
    t.wait_text("match -/");
    t.send("n");
    t.wait_text("match 1/");
    t.send("q");
    t.wait_for("list focus", |s| s.contains("? help"));
    t.send("q");
    t.expect_restored();
}

#[test]
fn loading_an_archive_says_so_and_leaves_no_trace() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive.jsonl");
    let mut file = std::fs::File::create(&archive).unwrap();
    kanbao::archive::generate(300, 3, &mut file).unwrap();
    let path = archive.display().to_string();
    let mut t = Term::start(&["--no-state", "--data", &path], 80, 24);
    t.wait_text("300 篇");
    assert!(String::from_utf8_lossy(&t.raw).contains(&format!("正在载入 {path}…")));
    t.send("q");
    t.expect_restored_after(|screen| {
        assert!(
            !screen.contains("正在载入"),
            "the loading line is erased: {screen}"
        );
    });

    // A load that fails: the error, and no loading line left in front of it.
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"schema\": 1, \"articles\": [}").unwrap();
    let bad = bad.display().to_string();
    let mut t = Term::start(&["--no-state", "--data", &bad], 80, 24);
    // The whole place, not only `kanbao:`: the line may arrive in pieces.
    t.wait_text(&format!("{bad}:1:"));
    let screen = t.contents();
    assert!(!screen.contains("正在载入"), "{screen}");
}

/// The prompt's editing keys as a terminal sends them: `^H` (`stty erase ^H`), `ESC b`
/// (Alt-b), `CSI 1;5D` (Ctrl-←), `CSI 3~` (Delete), `^K`, `ESC DEL` (Alt-Backspace); and
/// `q` closing the district picker.
#[test]
fn prompt_keys_as_the_terminal_sends_them() {
    let mut t = Term::start(&["--no-state"], 80, 24);
    t.wait_text("7 篇");
    let prompt = |t: &mut Term, want: &str| {
        let line = format!("搜索：{want}");
        // The prompt's line holds exactly `want`: what follows it is blank (or the hint).
        t.wait_for(&line, |s| {
            s.lines().last().is_some_and(|l| {
                l.starts_with(&line) && !l[line.len()..].starts_with(|c: char| !c.is_whitespace())
            })
        });
    };
    t.send("/");
    t.wait_text("搜索：");
    t.send("gonghui 驿站x");
    prompt(&mut t, "gonghui 驿站x");
    t.send("\x08");
    prompt(&mut t, "gonghui 驿站");
    t.send("\x1b[1;5D");
    t.send("\x1b[3~");
    prompt(&mut t, "gonghui 站");
    t.send("\x1bb");
    t.send("\x0b");
    prompt(&mut t, "");
    t.send("工会 驿站");
    prompt(&mut t, "工会 驿站");
    t.send("\x1b\x7f");
    prompt(&mut t, "工会 ");
    t.send("\x1b");
    t.wait_for("the prompt closed", |s| !s.contains("搜索："));
    t.send("d");
    t.wait_text("选择地区");
    t.send("q");
    t.wait_for("the picker closed", |s| {
        !s.contains("选择地区") && s.contains("? 帮助")
    });
    t.send("q");
    t.expect_restored();
}

/// `/query Enter Enter` typed at once on an archive searched in the background: the second
/// Enter waits for the search kept by the first and opens the best result, not the article
/// that was selected before.
#[test]
fn keys_typed_after_enter_wait_for_the_kept_search() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive.jsonl");
    let mut file = std::fs::File::create(&archive).unwrap();
    let n = kanbao::app::BACKGROUND_SEARCH_MIN;
    kanbao::archive::generate(n, 5, &mut file).unwrap();
    let path = archive.display().to_string();
    let mut t = Term::start(&["--no-state", "--data", &path], 80, 24);
    t.wait_text(&format!("{n} 篇"));
    // Select the fifth article, then search and open in one burst.
    t.send("jjjj/gonghui yizhan\r\r");
    t.wait_for("the reader on the best result", |s| {
        s.contains("第 1/") && s.lines().any(|l| l.trim_start().starts_with("1/"))
    });
    t.send("qq");
    t.expect_restored();
}

/// Ctrl-L clears the terminal and draws every cell again, as in less and vim.
#[test]
fn ctrl_l_repaints_the_whole_screen() {
    let mut t = Term::start(&["--no-state"], 80, 24);
    t.wait_text("7 篇");
    let before = t.raw.len();
    t.send("\x0c");
    let start = std::time::Instant::now();
    loop {
        t.pump();
        if String::from_utf8_lossy(&t.raw[before..]).contains("\x1b[2J")
            && t.contents().contains("7 篇")
        {
            break;
        }
        assert!(
            start.elapsed() < support::WAIT,
            "no clear after Ctrl-L: {:?}",
            String::from_utf8_lossy(&t.raw[before..])
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    t.send("q");
    t.expect_restored();
}

/// Keys typed before the reader appears (while a large archive opens) are not lost: the
/// terminal probes read them with their answers and hand them to the reader.
#[test]
fn keys_typed_before_the_reader_appears_are_kept() {
    let mut t = Term::start(&["--no-state"], 80, 24);
    // At once, before the first frame: kanbao is still starting.
    t.send("/驿站\r");
    t.wait_for("the search typed ahead", |s| {
        s.contains("2/7 篇") && s.lines().skip(1).all(|l| !l.contains("搜索："))
    });
    t.send("q");
    t.expect_restored();
}
