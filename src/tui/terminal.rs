//! Entering and leaving the terminal: raw mode, the alternate screen, bracketed paste and
//! (with `--mouse`) mouse capture, undone by a guard, a panic hook and, on Unix, SIGTERM
//! and SIGHUP. The panic hook and the signal handler save the reading state first. A stop
//! (`tui::suspend`) gives back what kanbao has taken ([`give_back`]: the screen, or raw
//! mode alone while the terminal is probed) and takes it again ([`take_again`]).

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{MutexGuard, TryLockError};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::crossterm::{cursor, execute};

use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::layout::{AmbiguousWidth, sanitize_lines};
use crate::state::{SharedStore, StateStore};

/// How long the signal handler waits for the reader to let go of the state (it holds it
/// only for a moment, or for a save that is already under way) before it leaves unsaved.
const SIGNAL_SAVE_WAIT: Duration = Duration::from_secs(3);

/// Whether [`enter`] captured the mouse, for [`enter_again`].
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Whether [`enter`] turned bracketed paste on, for [`enter_again`]: the indexing screen
/// ([`enter_plain`]) leaves it off.
static PASTE: AtomicBool = AtomicBool::new(false);

/// Whether a screen of kanbao's is up (the alternate screen entered by [`enter`],
/// [`enter_plain`] or [`enter_again`], until [`restore`]), for [`taken`].
static SCREEN: AtomicBool = AtomicBool::new(false);

/// What kanbao holds of the terminal, which a stop gives back and takes again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Taken {
    /// Raw mode (from the probes before the reader on, or a screen's).
    raw: bool,
    /// A screen: the alternate screen, and all that [`restore`] undoes.
    screen: bool,
}

/// What kanbao holds of the terminal now.
pub fn taken() -> Taken {
    Taken {
        raw: terminal::is_raw_mode_enabled().unwrap_or(false),
        screen: SCREEN.load(Ordering::SeqCst),
    }
}

/// Gives the terminal back for a stop, as the shell had it: all of it where a screen is up
/// ([`restore`]), raw mode alone where none is (the probes before the reader: leaving an
/// alternate screen never entered would move the shell's cursor), nothing where kanbao
/// holds nothing. What it held, for [`take_again`].
pub fn give_back() -> Taken {
    let taken = taken();
    if taken.screen {
        restore();
    } else if taken.raw {
        let _ = terminal::disable_raw_mode();
    }
    taken
}

/// Takes the terminal again as it was `taken`, after [`give_back`] or a stop kanbao could
/// not see (SIGSTOP), with grapheme cluster mode if `graphemes` and a screen is up.
pub fn take_again(taken: Taken, graphemes: bool) -> io::Result<()> {
    if taken.screen {
        enter_again(graphemes)
    } else if taken.raw {
        // Out of raw mode as crossterm found it, then in again from what the terminal is
        // now (see `enter_again`).
        let _ = terminal::disable_raw_mode();
        terminal::enable_raw_mode()
    } else {
        Ok(())
    }
}

/// Restores the terminal when dropped, whether the reader returns, fails or unwinds.
#[must_use = "the terminal is restored when the guard is dropped"]
pub struct Guard {
    /// The indexing screen's listener for SIGTERM and SIGHUP, closed with the screen (the
    /// reader's own handlers, which save the state, take over after it).
    #[cfg(unix)]
    signals: Option<signal_hook::iterator::Handle>,
}

impl Guard {
    fn plain() -> Guard {
        Guard {
            #[cfg(unix)]
            signals: None,
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(signals) = self.signals.take() {
            signals.close();
        }
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
    crate::tui::probe::leave_grapheme_mode(&mut out);
    let _ = execute!(out, LeaveAlternateScreen);
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
    SCREEN.store(false, Ordering::SeqCst);
}

/// Enters the alternate screen in raw mode for a screen of kanbao's own before the reader
/// (the indexing screen): no mouse, no paste, no state to save; the guard restores it. Until
/// then SIGTERM and SIGHUP restore the terminal and end the process (128 + the signal).
pub fn enter_plain() -> io::Result<(DefaultTerminal, Guard)> {
    SCREEN.store(true, Ordering::SeqCst);
    let terminal = ratatui::try_init().inspect_err(|_| restore())?;
    #[cfg_attr(not(unix), allow(unused_mut))]
    let mut guard = Guard::plain();
    #[cfg(unix)]
    {
        guard.signals = restore_on_signals();
    }
    Ok((terminal, guard))
}

/// Listens for SIGTERM and SIGHUP on a thread of its own: restores the terminal and ends
/// the process, until the returned handle is closed.
#[cfg(unix)]
fn restore_on_signals() -> Option<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]).ok()?;
    let handle = signals.handle();
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _out = io::stdout().lock();
            restore();
            std::process::exit(128 + signal);
        }
    });
    Some(handle)
}

/// Enters the alternate screen in raw mode, with bracketed paste and, if asked, the mouse.
///
/// From then on a panic, SIGTERM or SIGHUP saves `state` (if it has unsaved changes, after
/// keeping the list session the reader staged, as `q` does) and restores the terminal
/// before the process ends; a save that fails then is said on stderr in `lang`.
pub fn enter(mouse: bool, state: SharedStore, lang: Lang) -> io::Result<(DefaultTerminal, Guard)> {
    SCREEN.store(true, Ordering::SeqCst);
    // ratatui installs its own panic hook; ours runs first, then chains to it.
    let terminal = ratatui::try_init().inspect_err(|_| restore())?;
    let guard = Guard::plain();
    let previous = std::panic::take_hook();
    let on_panic = state.clone();
    std::panic::set_hook(Box::new(move |info| {
        // A search or index thread's panic is caught where it runs (its search then finds
        // nothing), and so is one of tantivy's on damaged stored fields
        // (`index::caught`); the reader goes on, so the terminal must stay as it is.
        if std::thread::current().name() != Some("main") || crate::index::caught::panic_is_caught()
        {
            return;
        }
        let saved = keep_at_panic(&on_panic);
        restore();
        let kept = match saved {
            Some((kept, Ok(()))) => kept,
            Some((_, Err(e))) => {
                say_unsaved(e, lang);
                false
            }
            None => false,
        };
        previous(info);
        if kept {
            // Should the place kept bring the panic back at the next start: the way out.
            eprintln!("kanbao: {}", Msg::KeptAtPanic.text(lang));
        }
    }));
    install_signal_handlers(state, lang);
    execute!(io::stdout(), EnableBracketedPaste)?;
    PASTE.store(true, Ordering::SeqCst);
    MOUSE.store(mouse, Ordering::SeqCst);
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok((terminal, guard))
}

/// Takes the terminal again after [`restore`] (the reader, or the indexing screen, was
/// suspended and goes on), as [`enter`] or [`enter_plain`] took it: raw mode, the alternate
/// screen with the cursor hidden, bracketed paste if it was on, the mouse if it was
/// captured, and grapheme cluster mode if `graphemes`. What the screen showed is gone: the
/// caller has the whole screen drawn again.
pub fn enter_again(graphemes: bool) -> io::Result<()> {
    // What crossterm remembers may be stale: the shell may have set the terminal as it
    // likes while the reader was stopped without giving it back (SIGSTOP). Out of raw mode
    // as crossterm found it, then into raw mode from what the terminal is now.
    let _ = terminal::disable_raw_mode();
    terminal::enable_raw_mode()?;
    SCREEN.store(true, Ordering::SeqCst);
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide)?;
    if PASTE.load(Ordering::SeqCst) {
        execute!(out, EnableBracketedPaste)?;
    }
    if MOUSE.load(Ordering::SeqCst) {
        execute!(out, EnableMouseCapture)?;
    }
    if graphemes {
        crate::tui::probe::enter_grapheme_mode();
    }
    Ok(())
}

/// What a panic keeps, as `q` keeps it: the list session the reader staged after its last
/// whole update (a value made whole before it was handed over, so whatever the panic broke
/// in the reader, it is consistent) and the marks, written to kanbao's state file. Never
/// waits for the state: the panic may have struck while this thread held it, half changed,
/// and then nothing is written (`None`). Else whether a session was kept, and the save's
/// result.
fn keep_at_panic(state: &SharedStore) -> Option<(bool, Result<(), Error>)> {
    let mut store = lock_now(state)?;
    Some(keep_and_save(&mut store))
}

/// The last save of a panic or a signal: keeps the list session the reader staged, then
/// saves what is unsaved. Whether a session was kept on disk (never with `--no-state` or
/// `state = false`: there is no file to keep it in), and the save's result.
fn keep_and_save(store: &mut StateStore) -> (bool, Result<(), Error>) {
    let kept = store.keep_staged_session() && store.path().is_some() && store.unkept().is_none();
    let saved = store.save_if_dirty().map_err(|error| Error::Unsaved {
        error,
        unsaved: store.unsaved(),
    });
    (kept, saved)
}

/// The state, if it can be had at once. A store poisoned by an earlier panic is still
/// whole (each change to it is made under the lock in one step), so it is used.
fn lock_now(state: &SharedStore) -> Option<MutexGuard<'_, StateStore>> {
    match state.try_lock() {
        Ok(store) => Some(store),
        Err(TryLockError::Poisoned(poisoned)) => Some(poisoned.into_inner()),
        Err(TryLockError::WouldBlock) => None,
    }
}

/// The state, waiting up to `wait` for whoever holds it.
#[cfg_attr(not(unix), allow(dead_code))]
fn lock_within(state: &SharedStore, wait: Duration) -> Option<MutexGuard<'_, StateStore>> {
    let start = Instant::now();
    loop {
        if let Some(store) = lock_now(state) {
            return Some(store);
        }
        if start.elapsed() >= wait {
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Says on stderr that the marks could not be saved, with the path, the reason and what
/// was not saved.
fn say_unsaved(error: Error, lang: Lang) {
    let text = crate::error::error_text(&error, lang);
    eprintln!("kanbao: {}", sanitize_lines(&text));
}

/// On SIGTERM or SIGHUP, save the reading state, restore the terminal and leave with the
/// customary status (128 + the signal's number).
#[cfg(unix)]
fn install_signal_handlers(state: SharedStore, lang: Lang) {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    use signal_hook::iterator::Signals;
    let Ok(mut signals) = Signals::new([SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            // Held until the process ends, so the reader cannot change the state after
            // this save.
            let mut store = lock_within(&state, SIGNAL_SAVE_WAIT);
            // Where the list is, as `q` keeps it.
            let saved = store.as_mut().map(|store| keep_and_save(store).1);
            // Hold stdout too: a frame the reader is drawing cannot land on the main screen
            // after the terminal is restored. (Its lock is re-entrant: `restore` still writes.)
            let _out = io::stdout().lock();
            restore();
            if let Some(Err(e)) = saved {
                say_unsaved(e, lang);
            }
            std::process::exit(128 + signal);
        }
    });
}

#[cfg(not(unix))]
fn install_signal_handlers(_state: SharedStore, _lang: Lang) {}

/// Puts the terminal in raw mode for the reader's start, when standard input and output
/// are terminals: from the probes on, keys come as the reader reads them. [`enter`] keeps
/// it, and [`restore`] (on every way out) undoes it.
pub fn enter_raw_for_start() -> io::Result<()> {
    use std::io::IsTerminal;
    if io::stdin().is_terminal() && io::stdout().is_terminal() {
        terminal::enable_raw_mode()?;
    }
    Ok(())
}

/// Asks the terminal how wide it draws `“`: prints it and requests the cursor position.
/// Any failure or silence (crossterm waits up to 2 s) means one column. Also gives back the
/// events crossterm read meanwhile (keys typed before the reader appeared).
pub fn probe_ambiguous_width() -> (AmbiguousWidth, Vec<event::Event>) {
    let mut typed = Vec::new();
    // Raw already when the reader put the terminal so for its whole start (then it stays).
    let was_raw = terminal::is_raw_mode_enabled().unwrap_or(false);
    let mut probe = || -> io::Result<u16> {
        terminal::enable_raw_mode()?;
        let mut out = io::stdout();
        write!(out, "\r\u{201c}")?;
        out.flush()?;
        let column = cursor::position().map(|(x, _)| x);
        write!(out, "\r\x1b[2K")?;
        out.flush()?;
        // What crossterm read besides the position stays in its queue: keep it (a failure
        // to read it leaves the column as found).
        while event::poll(Duration::ZERO).unwrap_or(false) {
            match event::read() {
                Ok(e) => typed.push(e),
                Err(_) => break,
            }
        }
        column
    };
    let column = probe();
    if !was_raw {
        let _ = terminal::disable_raw_mode();
    }
    let width = match column {
        Ok(2) => AmbiguousWidth::Wide,
        _ => AmbiguousWidth::Narrow,
    };
    (width, typed)
}

/// The width `kanbao show` lays an article out at: the terminal's when stdout is one (at
/// least `commands::MIN_SHOW_WIDTH`), else 80.
pub fn show_width() -> usize {
    use std::io::IsTerminal;
    if io::stdout().is_terminal()
        && let Ok((cols, _)) = terminal::size()
    {
        return usize::from(cols).max(crate::commands::MIN_SHOW_WIDTH);
    }
    80
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;
    use crate::state::{Access, BUILTIN, Session};

    fn store_at(path: &std::path::Path) -> StateStore {
        StateStore::open_with(Some(path.to_path_buf()), Access::ReadWrite)
            .unwrap()
            .0
    }

    /// A panic keeps the list session the reader staged after its last whole update, as `q`
    /// keeps it (it used to save the marks alone), and writes it to the state file.
    #[test]
    fn a_panic_keeps_the_staged_session() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let mut store = store_at(&path);
        let session = Session {
            query: "工会".into(),
            selected: Some("a1".into()),
            ..Session::default()
        };
        store.stage_session(BUILTIN, session.clone());
        let shared = Arc::new(Mutex::new(store));
        assert!(matches!(keep_at_panic(&shared), Some((true, Ok(())))));
        assert_eq!(store_at(&path).session(BUILTIN), Some(&session));
    }

    /// With `--no-state` there is no file: a panic does not say it kept the list's place
    /// (and offer `--fresh` as the way out of it).
    #[test]
    fn a_panic_without_a_state_file_says_nothing_was_kept() {
        let mut store = StateStore::off(crate::state::Off::Flag);
        store.stage_session(BUILTIN, Session::default());
        let shared = Arc::new(Mutex::new(store));
        assert!(matches!(keep_at_panic(&shared), Some((false, Ok(())))));
    }

    /// A panic that struck while the reader held the state never waits for it, and writes
    /// nothing: what the store holds may be half changed.
    #[test]
    fn a_panic_while_the_state_is_held_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let mut store = store_at(&path);
        store.stage_session(BUILTIN, Session::default());
        let shared = Arc::new(Mutex::new(store));
        let held = shared.lock().unwrap();
        assert!(keep_at_panic(&shared).is_none());
        drop(held);
        assert!(!path.exists());
    }
}
