//! The real binary in a pseudo-terminal: keys in, screen read back through a VT100 parser.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test
#![cfg(unix)]

use std::process::Command;
use std::time::{Duration, Instant};

use rexpect::session::{PtySession, spawn_command};

/// How long any one screen may take to appear; generous for slow CI machines.
const WAIT: Duration = Duration::from_secs(20);

struct Term {
    session: PtySession,
    parser: vt100::Parser,
    raw: Vec<u8>,
    tty: String,
}

impl Term {
    /// Starts `kanbao args…` in a `cols`×`rows` pseudo-terminal.
    fn start(args: &[&str], cols: u16, rows: u16) -> Term {
        let bin = assert_cmd::cargo::cargo_bin("kanbao");
        let mut cmd = Command::new("sh");
        // The new pseudo-terminal has no size; set it before kanbao starts, and say which
        // terminal it is so the test can resize it later.
        cmd.arg("-c")
            .arg(format!(
                "tty; stty rows {rows} cols {cols}; exec \"$0\" \"$@\""
            ))
            .arg(bin)
            .args(args)
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR");
        let session = spawn_command(cmd, Some(WAIT.as_millis() as u64)).unwrap();
        let mut term = Term {
            session,
            parser: vt100::Parser::new(rows, cols, 0),
            raw: Vec::new(),
            tty: String::new(),
        };
        let mut line = Vec::new();
        let start = Instant::now();
        while !line.ends_with(b"\n") {
            assert!(start.elapsed() < WAIT, "no tty name");
            match term.session.try_read() {
                Some(c) => line.push(c as u8),
                None => std::thread::sleep(Duration::from_millis(10)),
            }
        }
        term.tty = String::from_utf8_lossy(&line).trim().to_string();
        term
    }

    /// Reads what has arrived into the screen.
    fn pump(&mut self) -> bool {
        let mut got = Vec::new();
        // rexpect hands out bytes one by one as chars; put them back together.
        while let Some(c) = self.session.try_read() {
            got.push(c as u8);
        }
        self.parser.process(&got);
        self.raw.extend_from_slice(&got);
        !got.is_empty()
    }

    fn contents(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the screen satisfies `check`.
    fn wait_for(&mut self, what: &str, check: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            self.pump();
            if check(&self.contents()) {
                return;
            }
            assert!(
                start.elapsed() < WAIT,
                "waited for {what}; the screen shows:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_text(&mut self, text: &str) {
        self.wait_for(text, |s| s.contains(text));
    }

    fn send(&mut self, keys: &str) {
        self.session.send(keys).unwrap();
        self.session.flush().unwrap();
    }

    /// Sets the terminal's size; the kernel sends SIGWINCH to kanbao.
    fn resize(&mut self, cols: u16, rows: u16) {
        let status = Command::new("stty")
            .args([
                "-F",
                &self.tty,
                "rows",
                &rows.to_string(),
                "cols",
                &cols.to_string(),
            ])
            .status()
            .unwrap();
        assert!(status.success());
        self.parser.screen_mut().set_size(rows, cols);
    }

    /// Waits for kanbao to end and checks it left the terminal as it found it.
    fn expect_restored(mut self) {
        let start = Instant::now();
        loop {
            self.pump();
            let text = String::from_utf8_lossy(&self.raw);
            let entered = text.rfind("\x1b[?1049h");
            let left = text.rfind("\x1b[?1049l");
            let shown = text[left.unwrap_or(0)..].contains("\x1b[?25h")
                || !self.parser.screen().hide_cursor();
            if left > entered && shown {
                break;
            }
            assert!(start.elapsed() < WAIT, "the terminal was not restored");
            std::thread::sleep(Duration::from_millis(20));
        }
        let screen = self.parser.screen();
        assert!(!screen.alternate_screen(), "back on the main screen");
        assert!(!screen.hide_cursor(), "the cursor is shown");
        let text = String::from_utf8_lossy(&self.raw);
        let bracketed_off = text.rfind("\x1b[?2004l");
        assert!(
            bracketed_off > text.rfind("\x1b[?2004h"),
            "bracketed paste is off"
        );
        let status = self.session.process_mut().wait().unwrap();
        // rexpect does not re-export nix's WaitStatus; its Debug form is `Exited(Pid(n), 0)`.
        let status = format!("{status:?}");
        assert!(
            status.starts_with("Exited(") && status.ends_with(", 0)"),
            "{status}"
        );
    }
}

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
    t.wait_for("prompt closed", |s| {
        !s.contains("搜索：") && s.contains("2/7 篇")
    });

    // Clear, then pick 西城区 in the picker.
    t.send("c");
    t.wait_text("7 篇");
    t.send("d");
    t.wait_text("选择地区");
    t.send(" ");
    t.wait_text("[x] 西城区");
    t.send("\r");
    t.wait_text("地区: 西城区");
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
