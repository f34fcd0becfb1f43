//! Terminal input bytes to events: keys, SGR and X10 mouse reports, bracketed pastes.
//!
//! crossterm's own parser waits for a paste's end marker (`ESC [ 201 ~`) without limit, so
//! a lone `ESC [ 200 ~` (a broken terminal, a hostile program, a stray key sequence) made
//! every later byte paste text, `Ctrl-C` and `q` included, and kept all of it in memory.
//! Here a paste ends at its marker, at the first byte that cannot be pasted text (a control
//! character other than tab and line breaks, or an escape sequence, such as `Ctrl-C`, `Esc`
//! or an arrow, which is then read as the key it is), or when the input has been quiet for
//! [`PASTE_QUIET`]; and at most [`MAX_PASTE_BYTES`] of it are kept.
//!
//! Incomplete sequences are kept only until the input is quiet for [`SEQUENCE_QUIET`]; a
//! lone `ESC` with nothing after it in the same read is the `Esc` key, as in crossterm, and
//! `ESC [` or `ESC O` that nothing completes are `Esc` and the key after it (`input::lone`).

use std::collections::VecDeque;
use std::time::Duration;

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::sequence::{Parsed, numbers};
use super::{lone, mouse};

/// How long a bracketed paste may go without a byte before it is taken as ended.
pub const PASTE_QUIET: Duration = Duration::from_millis(500);

/// How long an incomplete escape sequence or character waits for its next byte.
pub const SEQUENCE_QUIET: Duration = Duration::from_millis(100);

/// The most of one paste that is kept; the rest is read and dropped. The search prompt
/// keeps far less (`app::MAX_QUERY_CHARS` characters) and says when it cut a paste.
pub const MAX_PASTE_BYTES: usize = 64 * 1024;

/// The longest escape sequence kept while waiting for its end; a longer one is dropped.
const MAX_SEQUENCE: usize = 64;

const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// What the parser is waiting for, if anything: how long quiet input may last before
/// [`Parser::expire`] should be called.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting {
    /// Nothing is pending.
    No,
    /// The rest of an escape sequence or character.
    Sequence,
    /// The rest of a bracketed paste.
    Paste,
}

impl Waiting {
    /// How long quiet input may last before what is pending is given up on.
    pub fn quiet(self) -> Option<Duration> {
        match self {
            Waiting::No => None,
            Waiting::Sequence => Some(SEQUENCE_QUIET),
            Waiting::Paste => Some(PASTE_QUIET),
        }
    }
}

/// A bracketed paste being read.
#[derive(Debug, Default)]
struct Paste {
    text: Vec<u8>,
    /// Bytes that may be the start of the end marker.
    marker: Vec<u8>,
}

/// Turns input bytes into [`Event`]s.
#[derive(Debug, Default)]
pub struct Parser {
    /// An incomplete sequence outside a paste.
    pending: Vec<u8>,
    paste: Option<Paste>,
    events: VecDeque<Event>,
}

impl Parser {
    /// Reads `bytes`, which follow what was read before.
    pub fn feed(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.byte(byte);
        }
    }

    /// Says that no more input is at hand for now: a lone `ESC` is the `Esc` key (an escape
    /// sequence comes in one write), and ends a paste like any key that is not text.
    pub fn end_of_input(&mut self) {
        if let Some(paste) = &self.paste {
            if paste.marker == b"\x1b" {
                self.end_paste();
                self.pending.clear();
                self.events.push_back(key(KeyCode::Esc, KeyModifiers::NONE));
            }
        } else if self.pending == b"\x1b" {
            self.pending.clear();
            self.events.push_back(key(KeyCode::Esc, KeyModifiers::NONE));
        }
    }

    /// Says that the input has been quiet for [`Waiting::quiet`]: a paste ends with what it
    /// has; a lone `ESC` is the `Esc` key, and so are `ESC [` and `ESC O`, followed by `[`
    /// or `O` (see `input::lone`); another incomplete sequence is dropped.
    pub fn expire(&mut self) {
        if let Some(paste) = &mut self.paste {
            // The start of what might have been its end marker: read as outside a paste.
            self.pending = std::mem::take(&mut paste.marker);
            self.end_paste();
        }
        let pending = std::mem::take(&mut self.pending);
        if lone::typed(&pending) {
            self.events.push_back(key(KeyCode::Esc, KeyModifiers::NONE));
            self.feed(&pending[1..]);
        }
    }

    /// What is pending.
    pub fn waiting(&self) -> Waiting {
        if self.paste.is_some() {
            Waiting::Paste
        } else if self.pending.is_empty() {
            Waiting::No
        } else {
            Waiting::Sequence
        }
    }

    /// The next event read, if any.
    pub fn next_event(&mut self) -> Option<Event> {
        self.events.pop_front()
    }

    /// The events read and not yet taken, in order.
    pub fn queued(&self) -> impl Iterator<Item = &Event> {
        self.events.iter()
    }

    /// True when an event is ready for [`Parser::next_event`].
    pub fn has_event(&self) -> bool {
        !self.events.is_empty()
    }

    /// Queues an event that came another way (a resize), after those read so far.
    pub fn push(&mut self, event: Event) {
        self.events.push_back(event);
    }

    fn byte(&mut self, byte: u8) {
        let Some(paste) = &mut self.paste else {
            self.pending.push(byte);
            self.parse_pending();
            return;
        };
        if !paste.marker.is_empty() || byte == 0x1b {
            paste.marker.push(byte);
            if paste.marker == PASTE_END {
                self.end_paste();
            } else if !PASTE_END.starts_with(&paste.marker) {
                // An escape sequence: not pasted text but a key. The paste ends before it.
                let marker = std::mem::take(&mut paste.marker);
                self.end_paste();
                self.feed(&marker);
            }
        } else if is_text_byte(byte) {
            if paste.text.len() < MAX_PASTE_BYTES {
                paste.text.push(byte);
            }
        } else {
            // `Ctrl-C`, `Ctrl-D`…: a key, not text. The paste ends before it.
            self.end_paste();
            self.byte(byte);
        }
    }

    fn end_paste(&mut self) {
        if let Some(paste) = self.paste.take() {
            let text = String::from_utf8_lossy(&paste.text).into_owned();
            self.events.push_back(Event::Paste(text));
        }
    }

    fn parse_pending(&mut self) {
        match parse(&self.pending) {
            Parsed::Incomplete if self.pending.len() > MAX_SEQUENCE => self.pending.clear(),
            Parsed::Incomplete => {}
            Parsed::Done(len, event) => {
                self.events.extend(event);
                self.consume(len);
            }
            Parsed::PasteStart(len) => {
                self.paste = Some(Paste::default());
                self.consume(len);
            }
        }
    }

    /// Drops the first `len` pending bytes and reads any left (a malformed sequence leaves
    /// the byte that broke it, which may be a key of its own).
    fn consume(&mut self, len: usize) {
        let rest = self.pending.split_off(len.min(self.pending.len()));
        self.pending.clear();
        self.feed(&rest);
    }
}

/// Bytes a paste may hold: anything but control characters, except tab and line breaks.
fn is_text_byte(byte: u8) -> bool {
    !(byte < 0x20 || byte == 0x7f) || matches!(byte, b'\t' | b'\n' | b'\r')
}

pub(super) fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

fn parse(buf: &[u8]) -> Parsed {
    let Some(&first) = buf.first() else {
        return Parsed::Incomplete;
    };
    if first == 0x1b {
        return parse_escape(buf);
    }
    let event = match first {
        b'\r' => key(KeyCode::Enter, KeyModifiers::NONE),
        b'\t' => key(KeyCode::Tab, KeyModifiers::NONE),
        0x7f => key(KeyCode::Backspace, KeyModifiers::NONE),
        0 => key(KeyCode::Char(' '), KeyModifiers::CONTROL),
        // Ctrl-A … Ctrl-Z (`\n` in raw mode is Ctrl-J, as crossterm reads it).
        c @ 0x01..=0x1a => key(
            KeyCode::Char(char::from(c - 1 + b'a')),
            KeyModifiers::CONTROL,
        ),
        c @ 0x1c..=0x1f => key(
            KeyCode::Char(char::from(c - 0x1c + b'4')),
            KeyModifiers::CONTROL,
        ),
        _ => return parse_char(buf, KeyModifiers::NONE, 0),
    };
    Parsed::Done(1, Some(event))
}

/// A UTF-8 character at the start of `buf` as a key, `skip` bytes in.
fn parse_char(buf: &[u8], mut modifiers: KeyModifiers, skip: usize) -> Parsed {
    let bytes = &buf[skip..];
    let len = match bytes[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        // Not the start of a character: dropped.
        _ => return Parsed::Done(skip + 1, None),
    };
    if bytes.len() < len {
        // A continuation byte that is not one ends the character early.
        if bytes[1..].iter().any(|b| b & 0xc0 != 0x80) {
            return Parsed::Done(skip + 1, None);
        }
        return Parsed::Incomplete;
    }
    match std::str::from_utf8(&bytes[..len])
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) => {
            if c.is_uppercase() {
                modifiers |= KeyModifiers::SHIFT;
            }
            Parsed::Done(skip + len, Some(key(KeyCode::Char(c), modifiers)))
        }
        None => Parsed::Done(skip + 1, None),
    }
}

fn parse_escape(buf: &[u8]) -> Parsed {
    let Some(&second) = buf.get(1) else {
        return Parsed::Incomplete;
    };
    match second {
        b'[' => parse_csi(buf),
        b'O' => lone::ss3(buf),
        // `Esc Esc`: the first is the key; the second starts again.
        0x1b => Parsed::Done(1, Some(key(KeyCode::Esc, KeyModifiers::NONE))),
        // Alt with a key: `ESC b`, `ESC DEL` (Alt-Backspace).
        _ => match parse(&buf[1..]) {
            Parsed::Incomplete => Parsed::Incomplete,
            Parsed::Done(len, Some(Event::Key(mut k))) => {
                k.modifiers |= KeyModifiers::ALT;
                Parsed::Done(1 + len, Some(Event::Key(k)))
            }
            Parsed::Done(len, _) => Parsed::Done(1 + len, None),
            Parsed::PasteStart(_) => Parsed::Done(1, None),
        },
    }
}

/// `ESC [` then parameters (`0`–`?`), intermediates (space–`/`) and a final byte (`@`–`~`).
fn parse_csi(buf: &[u8]) -> Parsed {
    if buf.get(2) == Some(&b'M') {
        return mouse::x10(buf);
    }
    let mut end = 2;
    loop {
        let Some(&b) = buf.get(end) else {
            return Parsed::Incomplete;
        };
        match b {
            0x20..=0x3f => end += 1,
            0x40..=0x7e => break,
            // Right after `ESC [`: `Esc` and `[` were typed, then this key.
            _ if end == 2 => return lone::broken(),
            // Not part of a sequence: the sequence is dropped, the byte read on its own.
            _ => return Parsed::Done(end, None),
        }
    }
    if buf.starts_with(PASTE_START) {
        return Parsed::PasteStart(PASTE_START.len());
    }
    let params = &buf[2..end];
    let len = end + 1;
    let event = match (buf[end], params.first()) {
        (b'M' | b'm', Some(b'<')) => mouse::sgr(&params[1..], buf[end] == b'm'),
        (b'M', _) => mouse::rxvt(params),
        (b'~', _) => tilde_key(params),
        (f @ (b'A' | b'B' | b'C' | b'D' | b'H' | b'F' | b'Z'), _) => {
            let code = match f {
                b'A' => KeyCode::Up,
                b'B' => KeyCode::Down,
                b'C' => KeyCode::Right,
                b'D' => KeyCode::Left,
                b'H' => KeyCode::Home,
                b'F' => KeyCode::End,
                _ => KeyCode::BackTab,
            };
            let mask = numbers(params).and_then(|n| n.get(1).copied()).unwrap_or(1);
            let mut modifiers = modifiers_of(mask);
            if code == KeyCode::BackTab {
                modifiers |= KeyModifiers::SHIFT;
            }
            Some(key(code, modifiers))
        }
        // Focus, cursor position and other reports kanbao did not ask for.
        _ => None,
    };
    Parsed::Done(len, event)
}

/// `ESC [ n ; m ~`: Home, End, Insert, Delete, PgUp, PgDn and function keys.
fn tilde_key(params: &[u8]) -> Option<Event> {
    let n = numbers(params)?;
    let code = match *n.first()? {
        1 | 7 => KeyCode::Home,
        2 => KeyCode::Insert,
        3 => KeyCode::Delete,
        4 | 8 => KeyCode::End,
        5 => KeyCode::PageUp,
        6 => KeyCode::PageDown,
        f @ 11..=15 => KeyCode::F((f - 10) as u8),
        f @ 17..=21 => KeyCode::F((f - 11) as u8),
        f @ 23..=24 => KeyCode::F((f - 12) as u8),
        _ => return None,
    };
    Some(key(code, modifiers_of(n.get(1).copied().unwrap_or(1))))
}

/// A key's modifiers from the `m` of `ESC [ 1 ; m X` (1 + a bit mask).
fn modifiers_of(mask: u16) -> KeyModifiers {
    let bits = mask.saturating_sub(1);
    let mut modifiers = KeyModifiers::empty();
    for (bit, m) in [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
        (8, KeyModifiers::SUPER),
    ] {
        if bits & bit != 0 {
            modifiers |= m;
        }
    }
    modifiers
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

    const NONE: KeyModifiers = KeyModifiers::NONE;
    const CTRL: KeyModifiers = KeyModifiers::CONTROL;
    const ALT: KeyModifiers = KeyModifiers::ALT;

    fn events(parser: &mut Parser) -> Vec<Event> {
        std::iter::from_fn(|| parser.next_event()).collect()
    }

    /// The events of `bytes` read in one go, with nothing more at hand.
    fn read(bytes: &[u8]) -> Vec<Event> {
        let mut parser = Parser::default();
        parser.feed(bytes);
        parser.end_of_input();
        events(&mut parser)
    }

    fn k(code: KeyCode, modifiers: KeyModifiers) -> Event {
        key(code, modifiers)
    }

    fn c(ch: char) -> Event {
        k(KeyCode::Char(ch), NONE)
    }

    #[test]
    fn keys_read_as_crossterm_reads_them() {
        assert_eq!(
            read("a字\r\t\x7f\x03\x17".as_bytes()),
            vec![
                c('a'),
                c('字'),
                k(KeyCode::Enter, NONE),
                k(KeyCode::Tab, NONE),
                k(KeyCode::Backspace, NONE),
                k(KeyCode::Char('c'), CTRL),
                k(KeyCode::Char('w'), CTRL),
            ]
        );
        assert_eq!(read(b"G"), vec![k(KeyCode::Char('G'), KeyModifiers::SHIFT)]);
        assert_eq!(
            read(b"\x1b[A\x1bOB\x1b[1;5D\x1b[3~\x1b[5~\x1b[6~\x1b[H\x1b[4~"),
            vec![
                k(KeyCode::Up, NONE),
                k(KeyCode::Down, NONE),
                k(KeyCode::Left, CTRL),
                k(KeyCode::Delete, NONE),
                k(KeyCode::PageUp, NONE),
                k(KeyCode::PageDown, NONE),
                k(KeyCode::Home, NONE),
                k(KeyCode::End, NONE),
            ]
        );
        assert_eq!(
            read(b"\x1bb\x1b\x7f"),
            vec![k(KeyCode::Char('b'), ALT), k(KeyCode::Backspace, ALT)]
        );
        assert_eq!(read(b"\x1b"), vec![k(KeyCode::Esc, NONE)]);
        assert_eq!(
            read(b"\x1b\x1b"),
            vec![k(KeyCode::Esc, NONE), k(KeyCode::Esc, NONE)]
        );
        // Reports nobody asked for are dropped; what follows is read.
        assert_eq!(read(b"\x1b[12;40R\x1b[Iq"), vec![c('q')]);
    }

    #[test]
    fn a_sequence_split_between_reads_is_put_together() {
        let mut parser = Parser::default();
        parser.feed(b"\x1b[1;");
        parser.end_of_input();
        assert_eq!(parser.waiting(), Waiting::Sequence);
        parser.feed(b"5C");
        assert_eq!(events(&mut parser), vec![k(KeyCode::Right, CTRL)]);
        parser.feed(&"字".as_bytes()[..2]);
        parser.end_of_input();
        assert!(events(&mut parser).is_empty());
        parser.feed(&"字".as_bytes()[2..]);
        assert_eq!(events(&mut parser), vec![c('字')]);
        // One that never ends is dropped once the input is quiet.
        parser.feed(b"\x1b[1;");
        parser.expire();
        parser.feed(b"j");
        assert_eq!(events(&mut parser), vec![c('j')]);
    }

    #[test]
    fn mouse_reports() {
        let click = |kind, column, row| {
            Event::Mouse(MouseEvent {
                kind,
                column,
                row,
                modifiers: NONE,
            })
        };
        assert_eq!(
            read(b"\x1b[<0;10;5M\x1b[<0;10;5m\x1b[<65;3;4M\x1b[M `!"),
            vec![
                click(MouseEventKind::Down(MouseButton::Left), 9, 4),
                click(MouseEventKind::Up(MouseButton::Left), 9, 4),
                click(MouseEventKind::ScrollDown, 2, 3),
                click(MouseEventKind::Down(MouseButton::Left), 63, 0),
            ]
        );
    }

    #[test]
    fn a_paste_ends_at_its_marker() {
        assert_eq!(
            read("\x1b[200~驿站\n工会\x1b[201~q".as_bytes()),
            vec![Event::Paste("驿站\n工会".into()), c('q')]
        );
        // Split between two reads anywhere but right after an ESC (a lone ESC at the end of
        // what is at hand is the Esc key), even inside the markers.
        let bytes = b"\x1b[200~ab\x1b[201~";
        for split in (1..bytes.len()).filter(|&at| bytes[at - 1] != 0x1b) {
            let mut parser = Parser::default();
            parser.feed(&bytes[..split]);
            parser.end_of_input();
            parser.feed(&bytes[split..]);
            parser.end_of_input();
            assert_eq!(
                events(&mut parser),
                vec![Event::Paste("ab".into())],
                "{split}"
            );
        }
    }

    /// Issue 16: an unterminated paste swallowed every later key, `Ctrl-C` included.
    #[test]
    fn an_unterminated_paste_ends_at_a_key_that_is_not_text() {
        assert_eq!(
            read(b"\x1b[200~abc\x03"),
            vec![Event::Paste("abc".into()), k(KeyCode::Char('c'), CTRL)]
        );
        assert_eq!(
            read(b"\x1b[200~abc\x1b[A"),
            vec![Event::Paste("abc".into()), k(KeyCode::Up, NONE)]
        );
        let mut parser = Parser::default();
        parser.feed(b"\x1b[200~abc");
        parser.end_of_input();
        assert_eq!(parser.waiting(), Waiting::Paste);
        assert!(events(&mut parser).is_empty());
        // Esc, alone in its read.
        parser.feed(b"\x1b");
        parser.end_of_input();
        assert_eq!(
            events(&mut parser),
            vec![Event::Paste("abc".into()), k(KeyCode::Esc, NONE)]
        );
    }

    #[test]
    fn an_unterminated_paste_ends_when_the_input_is_quiet() {
        let mut parser = Parser::default();
        parser.feed(b"\x1b[200~abc");
        parser.expire();
        parser.feed(b"q");
        assert_eq!(
            events(&mut parser),
            vec![Event::Paste("abc".into()), c('q')]
        );
        assert_eq!(parser.waiting(), Waiting::No);
    }

    #[test]
    fn a_paste_keeps_at_most_its_limit() {
        let mut parser = Parser::default();
        parser.feed(b"\x1b[200~");
        for _ in 0..64 {
            parser.feed(&[b'x'; 4096]);
        }
        parser.feed(b"\x1b[201~");
        match parser.next_event() {
            Some(Event::Paste(text)) => assert_eq!(text.len(), MAX_PASTE_BYTES),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn no_bytes_make_the_parser_hold_more_than_a_sequence() {
        // Every byte value after every prefix: nothing panics, nothing grows.
        let prefixes: [&[u8]; 5] = [b"", b"\x1b", b"\x1b[", b"\x1b[<", b"\x1b[M"];
        for prefix in prefixes {
            for b in 0..=255u8 {
                let mut parser = Parser::default();
                parser.feed(prefix);
                parser.feed(&[b]);
                parser.feed(&[b'9'; 200]);
                assert!(parser.pending.len() <= MAX_SEQUENCE, "{prefix:?} {b}");
            }
        }
    }
}
