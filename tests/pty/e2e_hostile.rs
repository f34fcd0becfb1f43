//! The real binary in a pseudo-terminal against hostile data, tiny terminals, resize storms
//! and signals: whatever the data holds, only kanbao's own sequences reach the terminal, and
//! however the reader ends, the terminal is restored and the reading state saved.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test
#![cfg(unix)]

use crate::support;

use std::path::Path;
use std::time::Duration;

use rexpect::process::Signal;
use support::Term;

const CORPUS: &str = "tests/hostile/articles.jsonl";

/// For each hostile article, in list order, text of its heading that must show (the title's
/// visible text; the byline's district for `h11`, whose title is a lone ESC).
const VISIBLE: [&str; 14] = [
    "标题红色",
    "C1控制",
    "双向",
    "响铃",
    "零宽",
    "表情",
    "组合字符",
    "超长网址",
    "十万字段落",
    "空的图片新闻",
    "西城区",
    "全角ＡＰＰ",
    "未终止的转义",
    "——",
];

/// Finds a byte sequence in `raw` that could only have come from the data: BEL, OSC, DCS,
/// C1 controls (raw or as UTF-8), bidi overrides and isolates, and C0 controls other than
/// the ESC, CR and LF kanbao writes itself. Every ESC must start a CSI (`ESC [`).
fn foreign_sequence(raw: &[u8]) -> Option<(usize, String)> {
    for (at, pair) in raw.windows(2).enumerate() {
        let what = match pair {
            [0x1b, b']'] => "OSC",
            [0x1b, b'P'] => "DCS",
            [0x1b, b'['] => continue,
            [0x1b, _] => "an ESC that does not start a CSI",
            [0xc2, 0x80..=0x9f] => "a C1 control as UTF-8",
            _ => continue,
        };
        return Some((at, what.to_string()));
    }
    for (at, &b) in raw.iter().enumerate() {
        if matches!(b, 0x00..=0x1f | 0x7f) && !matches!(b, 0x1b | b'\r' | b'\n') {
            return Some((at, format!("control byte {b:#04x}")));
        }
    }
    let text = String::from_utf8_lossy(raw);
    text.char_indices()
        .find(|&(_, c)| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .map(|(at, c)| (at, format!("bidi control {c:?}")))
}

fn assert_only_own_sequences(raw: &[u8]) {
    if let Some((at, what)) = foreign_sequence(raw) {
        let from = at.saturating_sub(40);
        let to = (at + 40).min(raw.len());
        panic!(
            "{what} at byte {at} reached the terminal: {:?}",
            String::from_utf8_lossy(&raw[from..to])
        );
    }
}

#[test]
fn the_checker_catches_what_it_looks_for() {
    assert!(foreign_sequence(b"\x1b[31mok\x1b[0m\r\n").is_none());
    for bad in [
        &b"a\x07"[..],
        b"\x1b]0;x",
        b"\x1bP1q",
        "\u{9b}".as_bytes(),
        "\u{202E}".as_bytes(),
        "\u{2067}".as_bytes(),
        b"\t",
        b"\x1b\\",
    ] {
        assert!(foreign_sequence(bad).is_some(), "{bad:?}");
    }
}

#[test]
fn every_hostile_article_reads_inertly_at_80x24() {
    let mut t = Term::start(&["--no-state", "--data", CORPUS], 80, 24);
    t.wait_text("14 篇");
    for (i, visible) in VISIBLE.iter().enumerate() {
        let counter = format!("{}/14", i + 1);
        t.wait_for(&format!("list at {counter}"), |s| {
            s.contains("? 帮助") && s.contains(&counter)
        });
        t.assert_rows_fit();
        t.send("\r");
        t.wait_for(&format!("article {} open", i + 1), |s| {
            s.contains("第 1/") && s.contains(visible)
        });
        t.assert_rows_fit();
        t.send("   ");
        t.wait_for("pages turned", |s| s.contains("空格 翻页"));
        t.assert_rows_fit();
        t.send("q");
        t.wait_text("? 帮助");
        t.send("j");
    }
    t.send("q");
    let raw = {
        t.pump();
        t.raw.clone()
    };
    t.expect_restored();
    assert_only_own_sequences(&raw);
}

#[test]
fn the_hostile_articles_side_by_side_at_120x40() {
    let mut t = Term::start(&["--no-state", "--data", CORPUS], 120, 40);
    t.wait_text("14 篇");
    t.send("\r");
    t.wait_text("第 1/");
    for visible in &VISIBLE[1..] {
        // `]` opens the next article in the list while the reader keeps the focus.
        t.pump();
        let before = t.contents();
        t.send("]");
        t.wait_for(visible, |s| {
            s != before && s.contains(visible) && s.contains("第 1/")
        });
        t.assert_rows_fit();
        t.send(" ");
    }
    t.send("q");
    t.send("q");
    t.expect_restored();
}

/// Starts at `cols`×`rows`, presses through list, reader and search, and quits with
/// `quit`: kanbao exits 0 and restores the terminal. Whether the reader is still open after
/// the search depends on the article, so `quit` must end kanbao from either: `qq` (back to
/// the list, then quit; a `q` left over after the exit is harmless) or Ctrl-C alone (a
/// Ctrl-C that arrived after the exit would reach the restored terminal as SIGINT).
fn survive_tiny(cols: u16, rows: u16, quit: &str) {
    let mut t = Term::start(&["--no-state", "--data", CORPUS], cols, rows);
    // Nothing may fit on the screen; wait for the alternate screen instead of for text.
    let start = std::time::Instant::now();
    while !t.parser.screen().alternate_screen() {
        assert!(start.elapsed() < support::WAIT, "no alternate screen");
        t.pump();
        std::thread::sleep(Duration::from_millis(20));
    }
    for keys in ["j", "\r", " ", "/", "工会", "\r"] {
        t.send(keys);
        std::thread::sleep(Duration::from_millis(30));
        t.pump();
        t.assert_rows_fit();
    }
    if cols >= 40 {
        t.wait_text("工会");
    }
    t.send(quit);
    t.expect_restored();
}

#[test]
fn a_1x1_terminal() {
    survive_tiny(1, 1, "\x03");
}

#[test]
fn a_2x2_terminal() {
    survive_tiny(2, 2, "qq");
}

#[test]
fn a_10x3_terminal() {
    survive_tiny(10, 3, "\x03");
}

#[test]
fn a_40x12_terminal() {
    survive_tiny(40, 12, "qq");
}

/// Sizes to storm through: tiny, huge, odd, narrow and wide.
const STORM: [(u16, u16); 32] = [
    (40, 12),
    (120, 40),
    (1, 1),
    (77, 19),
    (2, 2),
    (200, 60),
    (10, 3),
    (99, 30),
    (100, 30),
    (41, 13),
    (3, 1),
    (1, 50),
    (150, 1),
    (80, 24),
    (60, 20),
    (101, 31),
    (39, 11),
    (5, 5),
    (120, 40),
    (1, 1),
    (77, 19),
    (40, 12),
    (250, 80),
    (13, 7),
    (100, 29),
    (99, 31),
    (64, 16),
    (2, 40),
    (180, 50),
    (1, 1),
    (42, 12),
    (111, 33),
];

/// Waits until the screen is `before` again; on timeout, shows the lines that differ.
fn wait_same(t: &mut Term, before: &str, what: &str) {
    let start = std::time::Instant::now();
    loop {
        t.pump();
        let now = t.contents();
        if now == before {
            return;
        }
        if start.elapsed() > support::WAIT {
            let diff: Vec<String> = before
                .lines()
                .zip(now.lines())
                .enumerate()
                .filter(|(_, (a, b))| a != b)
                .map(|(i, (a, b))| format!("{i}: before {a:?}\n{i}:    now {b:?}"))
                .collect();
            panic!("{what}: the screen differs:\n{}\n{now}", diff.join("\n"));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Redraws the whole screen at 100x30 (a resize repaints every cell) and waits for `text`
/// and for the frame to stop changing, so that nothing an earlier, partial frame left behind
/// is taken for part of the page.
fn settle(t: &mut Term, text: &str) -> String {
    t.resize(101, 30);
    t.resize(100, 30);
    t.wait_text(text);
    // Bounded: at most 50 looks (10 s); a screen still changing then is returned as it is
    // and the caller's assertions say what is wrong with it.
    let mut last = String::new();
    for _ in 0..50 {
        std::thread::sleep(Duration::from_millis(200));
        t.pump();
        let now = t.contents();
        if now == last {
            return now;
        }
        last = now;
    }
    last
}

/// The reader's side of a side-by-side screen: each row right of the divider.
fn reader_side(screen: &str) -> String {
    screen
        .lines()
        .map(|l| l.split_once('│').map_or(l, |(_, r)| r))
        .collect::<Vec<_>>()
        .join("\n")
}

fn storm(t: &mut Term) {
    for (cols, rows) in STORM {
        t.resize(cols, rows);
        t.pump();
    }
    t.resize(100, 30);
}

#[test]
fn a_resize_storm_during_a_search_keeps_the_prompt() {
    let mut t = Term::start(&["--no-state", "--data", CORPUS], 100, 30);
    t.wait_text("14 篇");
    t.send("/");
    t.wait_text("搜索：");
    t.send("工会");
    t.wait_text("搜索：工会");
    t.wait_text("/14 篇");
    let before = settle(&mut t, "搜索：工会");
    storm(&mut t);
    wait_same(&mut t, &before, "the same frame as before the storm");
    t.assert_rows_fit();
    // The storm passes 100x30 halfway: a debug build laying the previewed 100,000-character
    // article out at each wide size may still be catching up; let it finish.
    let mut last = String::new();
    while t.contents() != last {
        last = t.contents();
        std::thread::sleep(Duration::from_millis(300));
        t.pump();
    }
    assert_eq!(t.contents(), before);
    // The prompt is still open and takes the keys.
    t.send("驿站");
    t.wait_text("搜索：工会驿站");
    t.send("\x1b");
    t.wait_for("the prompt closed", |s| !s.contains("搜索："));
    t.send("q");
    t.expect_restored();
}

#[test]
fn a_resize_storm_while_reading_keeps_the_page() {
    let mut t = Term::start(&["--no-state", "--data", CORPUS], 100, 30);
    t.wait_text("14 篇");
    // The 100,000-character paragraph: many pages, relaid out at every width.
    t.send("jjjjjjjj");
    t.wait_text("9/14");
    t.send("\r");
    t.wait_text("第 1/");
    t.send("   ");
    t.wait_text("第 4/");
    // The list may scroll to keep its selection in view at the small sizes; the page must
    // not move.
    let before = reader_side(&settle(&mut t, "第 4/"));
    storm(&mut t);
    let start = std::time::Instant::now();
    while reader_side(&t.contents()) != before {
        assert!(
            start.elapsed() < support::WAIT,
            "the page moved in the storm; before:\n{before}\nnow:\n{}",
            t.contents()
        );
        std::thread::sleep(Duration::from_millis(20));
        t.pump();
    }
    t.assert_rows_fit();
    t.send(" ");
    t.wait_text("第 5/");
    t.send("q");
    t.send("q");
    t.expect_restored();
}

/// Whether the state file at `path` holds a bookmark.
fn holds_a_bookmark(path: &Path) -> bool {
    let text = std::fs::read_to_string(path).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["sources"]["builtin"]["entries"]
        .as_object()
        .unwrap()
        .values()
        .any(|entry| entry["bookmarked"]["v"] == serde_json::Value::Bool(true))
}

/// Bookmarks an article and at once sends `signal`: kanbao saves, restores the terminal and
/// exits with 128 + the signal's number.
fn signal_saves_and_restores(signal: Signal, code: i32) {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let mut t = Term::start(&["--state", state.to_str().unwrap()], 80, 24);
    t.wait_text("7 篇");
    t.send("m");
    t.wait_text("已收藏");
    let saved_before_signal = state.exists();
    t.signal(signal);
    t.expect_restored_with(code);
    assert!(state.exists(), "no state file after {signal:?}");
    assert!(holds_a_bookmark(&state), "no bookmark after {signal:?}");
    if saved_before_signal {
        // The debounced save beat the signal on a slow machine: the file is right, but this
        // run did not show that the signal saved it.
        eprintln!("note: the state was saved before {signal:?} arrived");
    }
}

#[test]
fn sigterm_saves_the_state_and_restores_the_terminal() {
    signal_saves_and_restores(Signal::SIGTERM, 143);
}

#[test]
fn sighup_saves_the_state_and_restores_the_terminal() {
    signal_saves_and_restores(Signal::SIGHUP, 129);
}

/// The list session in the state file at `path`: its query and selected article.
fn kept_session(path: &Path) -> (String, String) {
    let text = std::fs::read_to_string(path).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let session = &json["sources"]["builtin"]["session"]["v"];
    let field = |name: &str| session[name].as_str().unwrap_or_default().to_owned();
    (field("query"), field("selected"))
}

/// Keeps a search with `Enter`, moves the selection, and at once sends `signal`: the list
/// session is saved as `q` saves it (it used to be lost, and the next start brought back
/// the one before).
fn signal_keeps_the_list_session(signal: Signal, code: i32) {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let mut t = Term::start(&["--state", state.to_str().unwrap()], 80, 24);
    t.wait_text("7 篇");
    t.send("/kind:news\r");
    t.wait_text(" 1/6 ");
    t.send("j");
    t.wait_text(" 2/6 ");
    t.signal(signal);
    t.expect_restored_with(code);
    assert!(state.exists(), "no state file after {signal:?}");
    let (query, selected) = kept_session(&state);
    assert_eq!(
        query, "kind:news",
        "the search kept with Enter, after {signal:?}"
    );
    assert!(
        !selected.is_empty(),
        "the selected article, after {signal:?}"
    );
}

#[test]
fn sigterm_keeps_the_list_session() {
    signal_keeps_the_list_session(Signal::SIGTERM, 143);
}

#[test]
fn sighup_keeps_the_list_session() {
    signal_keeps_the_list_session(Signal::SIGHUP, 129);
}

/// Issue 16: `ESC [ 200 ~` with no end made every later key paste text, `Ctrl-C` included.
/// `Ctrl-C` is not text: it ends the paste, and quits.
#[test]
fn an_unterminated_paste_then_ctrl_c_quits() {
    let mut t = Term::start(&["--no-state"], 80, 24);
    t.wait_text("? 帮助");
    t.send("\x1b[200~abc");
    t.send("\x03");
    t.expect_restored();
}

/// An unterminated paste also ends when the input goes quiet: it is then typed into the
/// prompt, and the keys after it are keys again (`Esc`, then `q`).
#[test]
fn an_unterminated_paste_ends_when_the_input_is_quiet() {
    let mut t = Term::start(&["--no-state"], 80, 24);
    t.wait_text("? 帮助");
    t.send("\x1b[200~驿站");
    t.wait_text("搜索：驿站");
    t.send("\x1b");
    t.wait_text("? 帮助");
    t.send("q");
    t.expect_restored();
}

/// Issue 16: a large paste froze the reader (32,000 characters 40 s; `Esc` and `Ctrl-C`
/// unread meanwhile). 100,000 characters are cut to the query's limit with a message, and
/// `Esc` right after is answered.
#[test]
fn a_100k_paste_is_cut_and_esc_answers() {
    let mut t = Term::start(&["--no-state"], 80, 24);
    t.wait_text("? 帮助");
    t.send("/");
    t.wait_text("搜索：");
    let text = "工会驿站 ".repeat(20_000);
    t.send("\x1b[200~");
    let chars: Vec<char> = text.chars().collect();
    for part in chars.chunks(2000) {
        t.send(&part.iter().collect::<String>());
        t.pump();
    }
    t.send("\x1b[201~");
    t.wait_text("搜索词过长");
    t.send("\x1b");
    t.wait_text("? 帮助");
    t.send("\x03");
    t.expect_restored();
}

/// `Ctrl-C` quits from every mode: the prompt, the picker, the help, the reader.
#[test]
fn ctrl_c_quits_from_every_mode() {
    for (open, shown) in [
        ("/工会", "搜索：工会"),
        ("d", "Enter 应用"),
        ("?", "按键"),
        ("\r", "第 1/"),
    ] {
        let mut t = Term::start(&["--no-state"], 80, 24);
        t.wait_text("? 帮助");
        t.send(open);
        t.wait_text(shown);
        t.send("\x03");
        t.expect_restored();
    }
}

/// A terminal without bracketed paste types a paste key by key: 100,000 characters, each
/// once drawn as a frame of its own (10,000 took 6.5 s). Keys that come together are taken
/// before the next frame: the text is cut at the query's limit and `Esc` right after is
/// answered.
#[test]
fn a_100k_paste_typed_key_by_key_is_cut_and_esc_answers() {
    let mut t = Term::start(&["--no-state"], 80, 24);
    t.wait_text("? 帮助");
    t.send("/");
    t.wait_text("搜索：");
    let text = "x".repeat(100_000);
    for part in text.as_bytes().chunks(4000) {
        t.send(std::str::from_utf8(part).unwrap());
        t.pump();
    }
    t.wait_text("搜索词过长");
    t.send("\x1b");
    t.wait_text("? 帮助");
    t.send("q");
    t.expect_restored();
}
