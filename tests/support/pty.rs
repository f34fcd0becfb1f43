//! The pseudo-terminal harness shared by the end-to-end tests: the real binary in a
//! pseudo-terminal, keys in, raw bytes and a VT100 screen back.

use std::process::Command;
use std::time::{Duration, Instant};

use rexpect::process::{Signal, WaitStatus};
use rexpect::session::{PtySession, spawn_command};
use unicode_width::UnicodeWidthChar;

/// How long any one screen may take to appear; generous for slow CI machines.
pub const WAIT: Duration = Duration::from_secs(20);

pub struct Term {
    session: PtySession,
    /// The screen as a terminal would show it.
    pub parser: vt100::Parser,
    /// Every byte kanbao (and the `sh` that starts it) wrote.
    pub raw: Vec<u8>,
    tty: String,
    /// kanbao's state and cache folders unless the test names its own: never the user's.
    _homes: tempfile::TempDir,
}

impl Term {
    /// Starts `kanbao args…` in a `cols`×`rows` pseudo-terminal.
    pub fn start(args: &[&str], cols: u16, rows: u16) -> Term {
        Term::start_with(args, &[], cols, rows)
    }

    /// [`Term::start`] with these environment variables set too.
    pub fn start_with(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Term {
        Term::start_script("exec \"$0\" \"$@\"", args, env, cols, rows)
    }

    /// Starts `sh -c script` in a `cols`×`rows` pseudo-terminal, where `"$0" "$@"` is
    /// `kanbao args…`, with the environment of [`Term::start_with`].
    pub fn start_script(
        script: &str,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Term {
        let bin = assert_cmd::cargo::cargo_bin("kanbao");
        let homes = tempfile::tempdir().unwrap();
        let mut cmd = Command::new("sh");
        // The new pseudo-terminal has no size; set it before kanbao starts, and say which
        // terminal it is so the test can resize it later.
        cmd.arg("-c")
            .arg(format!("tty; stty rows {rows} cols {cols}; {script}"))
            .arg(bin)
            .args(args)
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            // No config file or environment of the user's: kanbao's defaults.
            .env(
                "XDG_CONFIG_HOME",
                std::env::temp_dir().join("kanbao-test-no-config"),
            )
            .env_remove("KANBAO_CONFIG")
            .env_remove("KANBAO_DATA")
            .env_remove("KANBAO_AUTO_INDEX")
            // No state or index of the user's is read or written.
            .env("XDG_STATE_HOME", homes.path().join("state"))
            .env("XDG_CACHE_HOME", homes.path().join("cache"))
            .envs(env.iter().copied());
        let session = spawn_command(cmd, Some(WAIT.as_millis() as u64)).unwrap();
        let mut term = Term {
            session,
            parser: vt100::Parser::new(rows, cols, 0),
            raw: Vec::new(),
            tty: String::new(),
            _homes: homes,
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

    /// The pseudo-terminal's name (`/dev/pts/N`).
    pub fn tty(&self) -> &str {
        &self.tty
    }

    /// Reads what has arrived into the screen.
    pub fn pump(&mut self) -> bool {
        let mut got = Vec::new();
        // rexpect hands out bytes one by one as chars; put them back together.
        while let Some(c) = self.session.try_read() {
            got.push(c as u8);
        }
        self.parser.process(&got);
        self.raw.extend_from_slice(&got);
        !got.is_empty()
    }

    pub fn contents(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the screen satisfies `check`.
    pub fn wait_for(&mut self, what: &str, check: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            self.pump();
            if check(&self.contents()) {
                return;
            }
            assert!(
                start.elapsed() < WAIT,
                "waited for {what}; the screen shows:\n{}\nthe last lines written:\n{}",
                self.contents(),
                self.last_lines(40)
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The last `n` lines kanbao wrote, without escape sequences: what scrolled off the
    /// screen too (a panic's message above its backtrace).
    pub fn last_lines(&self, n: usize) -> String {
        let mut text = String::new();
        let mut chars = String::from_utf8_lossy(&self.raw).into_owned();
        chars.retain(|c| c != '\r');
        let mut chars = chars.chars();
        while let Some(c) = chars.next() {
            match c {
                // CSI: parameters up to a final byte; any other escape: one more character.
                '\x1b' if chars.next() == Some('[') => {
                    for d in chars.by_ref() {
                        if ('@'..='~').contains(&d) {
                            break;
                        }
                    }
                }
                '\n' => text.push(c),
                c if !c.is_control() => text.push(c),
                _ => {}
            }
        }
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(n)..].join("\n")
    }

    pub fn wait_text(&mut self, text: &str) {
        self.wait_for(text, |s| s.contains(text));
    }

    pub fn send(&mut self, keys: &str) {
        self.session.send(keys).unwrap();
        self.session.flush().unwrap();
    }

    /// Sets the terminal's size; the kernel sends SIGWINCH to kanbao.
    pub fn resize(&mut self, cols: u16, rows: u16) {
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
        // A frame kanbao drew for the old size may still be in flight and is parsed at the
        // new one. vt100 panics when such a frame wraps on a one-row screen or puts a wide
        // character on a one-column one (it computes `row - 1` and `cols - 2`), so the
        // emulator is never made smaller than 2x2 here; the tiny-size tests start at their
        // size instead (see `start`), and are exact.
        self.pump();
        self.parser.screen_mut().set_size(rows.max(2), cols.max(2));
    }

    /// Waits for kanbao to end with status 0 and checks it left the terminal as it found it.
    pub fn expect_restored(self) {
        self.expect_restored_with(0);
    }

    /// Like [`Term::expect_restored`], then hands the main screen's text to `check`.
    pub fn expect_restored_after(self, check: impl FnOnce(&str)) {
        self.expect_restored_checking(0, check);
    }

    /// Waits for kanbao to end and checks it left the terminal as it found it and exited
    /// (not died of a signal) with `code`.
    pub fn expect_restored_with(self, code: i32) {
        self.expect_restored_checking(code, |_| {});
    }

    fn expect_restored_checking(mut self, code: i32, check: impl FnOnce(&str)) {
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
        check(&screen.contents());
        assert!(!screen.hide_cursor(), "the cursor is shown");
        let text = String::from_utf8_lossy(&self.raw);
        let bracketed_off = text.rfind("\x1b[?2004l");
        assert!(
            bracketed_off > text.rfind("\x1b[?2004h"),
            "bracketed paste is off"
        );
        let status = self.session.process_mut().wait().unwrap();
        assert!(
            matches!(status, WaitStatus::Exited(_, c) if c == code),
            "expected exit status {code}, got {status:?}"
        );
    }

    /// Sends `signal` to kanbao (`sh` `exec`s it, so the pty's child is kanbao itself).
    pub fn signal(&mut self, signal: Signal) {
        self.session.process_mut().signal(signal).unwrap();
    }

    /// Checks that no row of the screen is wider than the screen, measuring each row with
    /// unicode-width one character at a time, as the VT100 parser (like xterm) lays them out:
    /// measuring the row as one string would count an emoji sequence (`❤️`, `👨‍👩‍👧`) as
    /// the single 2-column glyph some terminals draw, where this one draws its parts.
    pub fn assert_rows_fit(&self) {
        let screen = self.parser.screen();
        let (_, cols) = screen.size();
        for (i, row) in screen.rows(0, cols).enumerate() {
            let width: usize = row.chars().map(|c| c.width().unwrap_or(0)).sum();
            assert!(
                width <= usize::from(cols),
                "row {i} is {width} columns wide on a {cols}-column screen: {row:?}"
            );
        }
    }
}
