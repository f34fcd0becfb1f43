//! What the parser and the mouse reports share: how much of the buffer a sequence took,
//! and the numbers of its parameters.

use ratatui::crossterm::event::Event;

/// What the bytes at the start of a buffer are.
pub(super) enum Parsed {
    /// More bytes are needed.
    Incomplete,
    /// `len` bytes were read: an event, or nothing to report (an unknown or malformed
    /// sequence, a report kanbao did not ask for).
    Done(usize, Option<Event>),
    /// `len` bytes were the start of a bracketed paste.
    PasteStart(usize),
}

/// The numbers of `a;b;c`, if each is one.
pub(super) fn numbers(params: &[u8]) -> Option<Vec<u16>> {
    if params.is_empty() {
        return Some(Vec::new());
    }
    std::str::from_utf8(params)
        .ok()?
        .split(';')
        .map(|p| p.parse().ok())
        .collect()
}
