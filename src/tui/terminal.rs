//! Entering and leaving the terminal: raw mode, the alternate screen, bracketed paste and
//! (with `--mouse`) mouse capture, undone by a guard, a panic hook and, on Unix, SIGTERM
//! and SIGHUP.

use std::io::{self, Write};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::{self, LeaveAlternateScreen};
use ratatui::crossterm::{cursor, execute};

use crate::layout::AmbiguousWidth;

/// Restores the terminal when dropped, whether the reader returns, fails or unwinds.
#[must_use = "the terminal is restored when the guard is dropped"]
pub struct Guard(());

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Puts the terminal back as the shell expects it. Safe to call more than once.
pub fn restore() {
    let mut out = io::stdout();
    // Each step is tried even if an earlier one failed: a half-restored terminal is worse.
    let _ = execute!(out, DisableMouseCapture);
    let _ = execute!(out, DisableBracketedPaste);
    let _ = execute!(out, cursor::Show);
    let _ = execute!(out, LeaveAlternateScreen);
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

/// Enters the alternate screen in raw mode, with bracketed paste and, if asked, the mouse.
pub fn enter(mouse: bool) -> io::Result<(DefaultTerminal, Guard)> {
    // ratatui installs its own panic hook; ours runs first, then chains to it.
    let terminal = ratatui::try_init().inspect_err(|_| restore())?;
    let guard = Guard(());
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    install_signal_handlers();
    execute!(io::stdout(), EnableBracketedPaste)?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok((terminal, guard))
}

/// On SIGTERM or SIGHUP, restore the terminal and leave with the customary status.
#[cfg(unix)]
fn install_signal_handlers() {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    use signal_hook::iterator::Signals;
    let Ok(mut signals) = Signals::new([SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            restore();
            std::process::exit(128 + signal);
        }
    });
}

#[cfg(not(unix))]
fn install_signal_handlers() {}

/// Asks the terminal how wide it draws `“`: prints it and requests the cursor position.
/// Any failure or silence (crossterm waits up to 2 s) means one column.
pub fn probe_ambiguous_width() -> AmbiguousWidth {
    let probe = || -> io::Result<u16> {
        terminal::enable_raw_mode()?;
        let mut out = io::stdout();
        write!(out, "\r\u{201c}")?;
        out.flush()?;
        let column = cursor::position().map(|(x, _)| x);
        write!(out, "\r\x1b[2K")?;
        out.flush()?;
        terminal::disable_raw_mode()?;
        column
    };
    let column = probe();
    let _ = terminal::disable_raw_mode();
    match column {
        Ok(2) => AmbiguousWidth::Wide,
        _ => AmbiguousWidth::Narrow,
    }
}
