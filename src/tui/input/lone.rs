//! `Esc` then `[` or `O` in one read. A terminal starts its key sequences with `ESC [` (CSI)
//! and `ESC O` (SS3), so `Esc` followed at once by `[` or `O` (typed fast over SSH, which
//! sends keystrokes in batches, or sent by `tmux send-keys Escape [`) reads as the start of
//! one. A sequence split between two reads must still be put together, so the parser waits
//! for the rest as it waits for any sequence; but where none follows within
//! [`SEQUENCE_QUIET`](super::parse::SEQUENCE_QUIET), or the next byte is one no sequence can
//! go on with (a control key, `ESC`, a non-ASCII character, or after `ESC O` one that makes
//! no key), the bytes were keys typed: `Esc`, then `[` or `O` and what followed, each read
//! again as keys (before, both were dropped). A longer unfinished sequence (`ESC [ 1 ;`)
//! has parameters no one types after `Esc`: it was cut short, and is still dropped.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::parse::key;
use super::sequence::Parsed;

/// True when `pending`, given up on once the input has been quiet, was keys typed and not
/// a sequence cut short: a lone `ESC`, or `ESC [` or `ESC O` with nothing after it. `Esc`
/// is then the first key, and the bytes after the `ESC` are read again.
pub(super) fn typed(pending: &[u8]) -> bool {
    matches!(pending, [0x1b] | [0x1b, b'[' | b'O'])
}

/// `ESC [` or `ESC O` followed by a byte that cannot go on with a sequence: `Esc` (one byte
/// read), and the rest (`[` or `O`, then that byte) read again as keys.
pub(super) fn broken() -> Parsed {
    Parsed::Done(1, Some(key(KeyCode::Esc, KeyModifiers::NONE)))
}

/// `ESC O` and a key (SS3: what terminals send for arrows, `Home`, `End` and `F1`–`F4` in
/// application cursor mode); [`broken`] when the byte after it makes no key.
pub(super) fn ss3(buf: &[u8]) -> Parsed {
    let Some(&third) = buf.get(2) else {
        return Parsed::Incomplete;
    };
    let code = match third {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(1 + third - b'P'),
        _ => return broken(),
    };
    Parsed::Done(3, Some(key(code, KeyModifiers::NONE)))
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{Event, KeyCode, KeyModifiers};

    use super::super::parse::{Parser, Waiting};
    use super::key;

    const NONE: KeyModifiers = KeyModifiers::NONE;

    fn esc() -> Event {
        key(KeyCode::Esc, NONE)
    }

    fn c(ch: char) -> Event {
        let shift = if ch.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            NONE
        };
        key(KeyCode::Char(ch), shift)
    }

    fn events(parser: &mut Parser) -> Vec<Event> {
        std::iter::from_fn(|| parser.next_event()).collect()
    }

    /// `bytes` in one read, then the input quiet for longer than a sequence may wait.
    fn quiet_after(bytes: &[u8]) -> Vec<Event> {
        let mut parser = Parser::default();
        parser.feed(bytes);
        parser.end_of_input();
        parser.expire();
        assert_eq!(parser.waiting(), Waiting::No);
        events(&mut parser)
    }

    /// `tmux send-keys Escape [`: both keys were lost once the input was quiet.
    #[test]
    fn esc_and_a_bracket_or_o_with_nothing_after_are_keys() {
        assert_eq!(quiet_after(b"\x1b["), vec![esc(), c('[')]);
        assert_eq!(quiet_after(b"\x1bO"), vec![esc(), c('O')]);
        assert_eq!(quiet_after(b"j\x1b["), vec![c('j'), esc(), c('[')]);
        // Until the input is quiet they wait: the rest of a sequence may be on its way.
        let mut parser = Parser::default();
        parser.feed(b"\x1b[");
        parser.end_of_input();
        assert_eq!(parser.waiting(), Waiting::Sequence);
        assert!(events(&mut parser).is_empty());
    }

    /// A sequence split right after its `ESC [` or `ESC O` is still put together when its
    /// rest comes before the input is quiet.
    #[test]
    fn a_sequence_split_after_its_prefix_is_still_one_key() {
        for (first, rest, want) in [
            (&b"\x1b["[..], &b"A"[..], KeyCode::Up),
            (b"\x1bO", b"B", KeyCode::Down),
            (b"\x1b[", b"5~", KeyCode::PageUp),
            (b"\x1bO", b"P", KeyCode::F(1)),
        ] {
            let mut parser = Parser::default();
            parser.feed(first);
            parser.end_of_input();
            parser.feed(rest);
            parser.end_of_input();
            assert_eq!(
                events(&mut parser),
                vec![key(want, NONE)],
                "{first:?} {rest:?}"
            );
        }
    }

    /// After `ESC [` or `ESC O`, a byte no sequence goes on with: `Esc`, the bracket or
    /// `O`, then that key. (Before, `ESC [` or `ESC O` were dropped and only the last key
    /// was read.)
    #[test]
    fn esc_bracket_then_a_byte_no_sequence_takes_are_three_keys() {
        let ctrl_c = || key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(quiet_after(b"\x1b[\x03"), vec![esc(), c('['), ctrl_c()]);
        assert_eq!(
            quiet_after("\x1b[字".as_bytes()),
            vec![esc(), c('['), c('字')]
        );
        assert_eq!(
            quiet_after(b"\x1b[\x1b[A"),
            vec![esc(), c('['), key(KeyCode::Up, NONE)]
        );
        assert_eq!(quiet_after(b"\x1bOj"), vec![esc(), c('O'), c('j')]);
        assert_eq!(quiet_after(b"\x1bO\x1b"), vec![esc(), c('O'), esc()]);
        // A longer sequence cut short is not keys typed: still dropped.
        assert!(quiet_after(b"\x1b[1;").is_empty());
        assert_eq!(quiet_after(b"\x1b[1;\x03"), vec![ctrl_c()]);
    }

    /// In a paste, `ESC [` may start its end marker; given up on when the input is quiet,
    /// the paste ends and the two are keys, as outside one.
    #[test]
    fn esc_bracket_ending_a_quiet_paste_are_keys() {
        assert_eq!(
            quiet_after(b"\x1b[200~ab\x1b["),
            vec![Event::Paste("ab".into()), esc(), c('[')]
        );
        assert_eq!(
            quiet_after(b"\x1b[200~ab\x1b[20"),
            vec![Event::Paste("ab".into())]
        );
    }
}
