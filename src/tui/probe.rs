//! Asking the terminal, once before the reader starts, whether it draws grapheme clusters
//! whole: DEC private mode 2027 (grapheme cluster mode, contour's specification, also in
//! WezTerm, foot, Ghostty and others).
//!
//! kanbao sends `CSI ? 2027 $ p` (DECRQM) and then `CSI c` (primary device attributes),
//! which every terminal answers. A terminal that knows the mode answers the first with
//! `CSI ? 2027 ; Ps $ y` before it answers the second; one that does not stays silent about
//! it, and the answer to the second ends the wait, so kanbao never waits out the timeout on
//! a real terminal. The replies are read straight from the terminal before crossterm's
//! reader starts, so none of them can reach the reader as keys.
//!
//! When the mode can be had, kanbao turns it on for the session (and off again in
//! `terminal::restore`) and lays emoji sequences out whole; otherwise, as tmux, xterm, VTE
//! and Alacritty draw them, as the sum of their parts (`layout::Clusters`).

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How long to wait for the terminal's answers. A terminal answers in milliseconds; one
/// that does not answer at all (a pipe, a test harness) costs this once. An answer that
/// comes later leaves the mode off, which is what such a terminal then draws.
pub const PROBE_WAIT: Duration = Duration::from_millis(300);

/// Set while kanbao has turned mode 2027 on, so that leaving turns it off exactly once.
static ENABLED: AtomicBool = AtomicBool::new(false);

/// What the terminal said about grapheme cluster mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GraphemeMode {
    /// The terminal draws clusters whole once the mode is on (or it always does).
    pub supported: bool,
    /// The mode is off but can be turned on: kanbao turns it on for the session.
    pub settable: bool,
}

/// What stands at the start of bytes read from the terminal.
#[derive(Debug, PartialEq, Eq)]
enum Start<'a> {
    /// An answer, `CSI ? params c` (device attributes) or `CSI ? params $ y` (DECRQM):
    /// its parameters, its last byte and its length.
    Answer(&'a [u8], u8, usize),
    /// The beginning of one, cut off where the bytes end.
    Cut,
    /// Anything else (a key).
    Other,
}

fn start(bytes: &[u8]) -> Start<'_> {
    let Some(after) = bytes.strip_prefix(b"\x1b[?") else {
        return Start::Other;
    };
    let n = after
        .iter()
        .take_while(|b| b.is_ascii_digit() || **b == b';')
        .count();
    let (params, end) = after.split_at(n);
    match end {
        [] | [b'$'] => Start::Cut,
        [b'c', ..] => Start::Answer(params, b'c', 3 + n + 1),
        [b'$', b'y', ..] => Start::Answer(params, b'y', 3 + n + 2),
        _ => Start::Other,
    }
}

/// Reads a DECRQM reply for mode 2027 out of the terminal's answers so far: `Some` once
/// the answer to the device attributes request (which follows it) has come.
pub fn parse_replies(replies: &[u8]) -> Option<GraphemeMode> {
    let (mut da, mut state) = (false, None);
    for at in 0..replies.len() {
        match start(&replies[at..]) {
            // The primary device attributes: `CSI ? … c`.
            Start::Answer(_, b'c', _) => da = true,
            Start::Answer(params, _, _) if state.is_none() => {
                state = params
                    .strip_prefix(b"2027;")
                    .and_then(|ps| std::str::from_utf8(ps).ok()?.parse::<u8>().ok());
            }
            _ => {}
        }
    }
    if !da {
        return None;
    }
    Some(match state {
        // 1: set, 3: permanently set.
        Some(1 | 3) => GraphemeMode {
            supported: true,
            settable: false,
        },
        // 2: reset, and can be set.
        Some(2) => GraphemeMode {
            supported: true,
            settable: true,
        },
        // 0: not recognised; 4: permanently reset; or no answer at all.
        _ => GraphemeMode::default(),
    })
}

/// What the answers read by the probe hold besides the answers: keys typed before the
/// reader appeared (while an archive opened), in the order typed, for the reader to take
/// first. Typed before the terminal was put in raw mode, `Enter` came as a line feed: it
/// is given back as the carriage return the reader reads as `Enter`.
pub fn typed_ahead(replies: &[u8]) -> Vec<u8> {
    let mut typed = Vec::with_capacity(replies.len());
    let mut at = 0;
    while at < replies.len() {
        match start(&replies[at..]) {
            Start::Answer(_, _, len) => at += len,
            // An answer cut off by the wait's end: not keys.
            Start::Cut => break,
            Start::Other => {
                typed.push(if replies[at] == b'\n' {
                    b'\r'
                } else {
                    replies[at]
                });
                at += 1;
            }
        }
    }
    typed
}

/// Asks the terminal about mode 2027; any failure or silence means it is not supported.
/// Also gives back what was typed meanwhile ([`typed_ahead`]).
pub fn grapheme_clusters() -> (GraphemeMode, Vec<u8>) {
    #[cfg(unix)]
    {
        unix::probe().unwrap_or_default()
    }
    #[cfg(not(unix))]
    {
        (GraphemeMode::default(), Vec::new())
    }
}

/// Turns mode 2027 on, for a terminal that said it can be set.
pub fn enter_grapheme_mode() {
    use std::io::Write;
    let mut out = std::io::stdout();
    if out
        .write_all(b"\x1b[?2027h")
        .and_then(|()| out.flush())
        .is_ok()
    {
        ENABLED.store(true, Ordering::SeqCst);
    }
}

/// True while kanbao has mode 2027 on.
pub fn grapheme_mode_on() -> bool {
    ENABLED.load(Ordering::SeqCst)
}

/// Turns mode 2027 off again if kanbao turned it on. Safe to call more than once.
pub fn leave_grapheme_mode(out: &mut impl std::io::Write) {
    if ENABLED.swap(false, Ordering::SeqCst) {
        let _ = out.write_all(b"\x1b[?2027l");
    }
}

#[cfg(unix)]
mod unix {
    use std::io::{self, IsTerminal, Read, Write};
    use std::os::fd::AsRawFd;
    use std::time::Instant;

    use mio::unix::SourceFd;
    use mio::{Events, Interest, Poll, Token};
    use ratatui::crossterm::terminal;

    use super::{GraphemeMode, PROBE_WAIT, parse_replies};

    /// Sends the requests and reads the answers from the terminal, in raw mode, for at most
    /// [`PROBE_WAIT`].
    pub fn probe() -> io::Result<(GraphemeMode, Vec<u8>)> {
        if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
            return Ok((GraphemeMode::default(), Vec::new()));
        }
        let mut tty = std::fs::File::open("/dev/tty")?;
        let mut poll = Poll::new()?;
        poll.registry().register(
            &mut SourceFd(&tty.as_raw_fd()),
            Token(0),
            Interest::READABLE,
        )?;
        // Raw already when the reader put the terminal so for its whole start (then it stays).
        let was_raw = terminal::is_raw_mode_enabled()?;
        terminal::enable_raw_mode()?;
        let answer = ask(&mut tty, &mut poll);
        if !was_raw {
            terminal::disable_raw_mode()?;
        }
        answer
    }

    fn ask(tty: &mut std::fs::File, poll: &mut Poll) -> io::Result<(GraphemeMode, Vec<u8>)> {
        let mut out = io::stdout();
        out.write_all(b"\x1b[?2027$p\x1b[c")?;
        out.flush()?;
        let deadline = Instant::now() + PROBE_WAIT;
        let mut replies = Vec::new();
        let mut events = Events::with_capacity(4);
        let mut chunk = [0u8; 256];
        // Keys typed meanwhile are among the answers: they are kept, not lost.
        let answer = |mode, replies: &[u8]| Ok((mode, super::typed_ahead(replies)));
        loop {
            if let Some(mode) = parse_replies(&replies) {
                return answer(mode, &replies);
            }
            let left = deadline.saturating_duration_since(Instant::now());
            // Answers longer than any real one: not an answer (a paste, keys held down).
            if left.is_zero() || replies.len() > 4096 {
                return answer(GraphemeMode::default(), &replies);
            }
            match poll.poll(&mut events, Some(left)) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
            if events.is_empty() {
                continue;
            }
            // Readable: one read returns what has come without blocking.
            match tty.read(&mut chunk) {
                Ok(0) => return answer(GraphemeMode::default(), &replies),
                Ok(n) => replies.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_terminal_that_can_set_the_mode_is_asked_to() {
        let mode = parse_replies(b"\x1b[?2027;2$y\x1b[?62;22c").unwrap();
        assert_eq!(
            mode,
            GraphemeMode {
                supported: true,
                settable: true
            }
        );
        let on = parse_replies(b"\x1b[?2027;3$y\x1b[?65;1c").unwrap();
        assert!(on.supported && !on.settable);
    }

    #[test]
    fn silence_about_the_mode_means_parts() {
        // xterm, VTE, tmux: only the device attributes come back.
        assert_eq!(
            parse_replies(b"\x1b[?64;1;2;6;9;15;18;21;22c"),
            Some(GraphemeMode::default())
        );
        assert_eq!(
            parse_replies(b"\x1b[?2027;0$y\x1b[?1;2c"),
            Some(GraphemeMode::default())
        );
        assert_eq!(
            parse_replies(b"\x1b[?2027;4$y\x1b[?6c"),
            Some(GraphemeMode::default())
        );
    }

    #[test]
    fn the_wait_goes_on_until_the_device_attributes_come() {
        assert_eq!(parse_replies(b""), None);
        assert_eq!(parse_replies(b"\x1b[?2027;2$y"), None);
        assert_eq!(parse_replies(b"\x1b[?2027;2$y\x1b[?62;"), None);
    }

    #[test]
    fn keys_typed_before_the_answers_are_kept_and_the_answers_dropped() {
        // `/gonghui Enter` typed while the archive opened (Enter as a line feed: the
        // terminal was not yet raw), then the answers, then a key typed after them.
        let read = b"/gonghui\n\x1b[?2027;0$y\x1b[?64;1;2c\x1bj";
        assert_eq!(typed_ahead(read), b"/gonghui\r\x1bj");
        assert_eq!(typed_ahead(b"\x1b[?62;22c"), b"");
        // An answer cut off at the end of the wait is dropped, not taken for keys.
        assert_eq!(typed_ahead(b"j\x1b[?64;1"), b"j");
        assert_eq!(typed_ahead(b"j\x1b[?2027;2$"), b"j");
        // Nothing answered (a terminal that does not): everything read was typed.
        assert_eq!(
            typed_ahead("/驿站\x1b[A".as_bytes()),
            "/驿站\x1b[A".as_bytes()
        );
    }
}
