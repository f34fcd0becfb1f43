//! Mouse reports: SGR (mode 1006), rxvt (1015) and X10, which `--mouse` asks for.

use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::sequence::{Parsed, numbers};

/// `ESC [ < b ; x ; y M` (pressed) or `m` (released): SGR mouse mode (1006).
pub(super) fn sgr(params: &[u8], released: bool) -> Option<Event> {
    let n = numbers(params)?;
    let [cb, x, y] = n[..] else {
        return None;
    };
    let (mut kind, modifiers) = mouse_kind(cb)?;
    if released && let MouseEventKind::Down(button) = kind {
        kind = MouseEventKind::Up(button);
    }
    mouse(kind, modifiers, x, y)
}

/// `ESC [ b ; x ; y M`: the rxvt mouse mode (1015), each number 32 over.
pub(super) fn rxvt(params: &[u8]) -> Option<Event> {
    let n = numbers(params)?;
    let [cb, x, y] = n[..] else {
        return None;
    };
    let (kind, modifiers) = mouse_kind(cb.checked_sub(32)?)?;
    mouse(kind, modifiers, x, y)
}

/// `ESC [ M b x y`: the X10 mouse mode, each a byte 32 over.
pub(super) fn x10(buf: &[u8]) -> Parsed {
    let [_, _, _, cb, x, y, ..] = *buf else {
        return Parsed::Incomplete;
    };
    let event = mouse_kind(u16::from(cb.saturating_sub(32))).and_then(|(kind, modifiers)| {
        mouse(
            kind,
            modifiers,
            u16::from(x.saturating_sub(32)),
            u16::from(y.saturating_sub(32)),
        )
    });
    Parsed::Done(6, event)
}

fn mouse(kind: MouseEventKind, modifiers: KeyModifiers, x: u16, y: u16) -> Option<Event> {
    Some(Event::Mouse(MouseEvent {
        kind,
        column: x.checked_sub(1)?,
        row: y.checked_sub(1)?,
        modifiers,
    }))
}

/// A mouse report's button byte: what happened, and the modifiers held.
fn mouse_kind(cb: u16) -> Option<(MouseEventKind, KeyModifiers)> {
    let button = (cb & 0b11) | ((cb & 0b1100_0000) >> 4);
    let dragging = cb & 0b10_0000 != 0;
    let kind = match (button, dragging) {
        (0, false) => MouseEventKind::Down(MouseButton::Left),
        (1, false) => MouseEventKind::Down(MouseButton::Middle),
        (2, false) => MouseEventKind::Down(MouseButton::Right),
        (0, true) => MouseEventKind::Drag(MouseButton::Left),
        (1, true) => MouseEventKind::Drag(MouseButton::Middle),
        (2, true) => MouseEventKind::Drag(MouseButton::Right),
        (3, false) => MouseEventKind::Up(MouseButton::Left),
        (3..=5, true) => MouseEventKind::Moved,
        (4, false) => MouseEventKind::ScrollUp,
        (5, false) => MouseEventKind::ScrollDown,
        (6, false) => MouseEventKind::ScrollLeft,
        (7, false) => MouseEventKind::ScrollRight,
        _ => return None,
    };
    let mut modifiers = KeyModifiers::empty();
    for (bit, m) in [
        (0b100, KeyModifiers::SHIFT),
        (0b1000, KeyModifiers::ALT),
        (0b1_0000, KeyModifiers::CONTROL),
    ] {
        if cb & bit != 0 {
            modifiers |= m;
        }
    }
    Some((kind, modifiers))
}
