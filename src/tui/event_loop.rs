//! The loop: draw, then block until the next event. It wakes on its own while work is
//! pending: while a background search or save runs (to show its answer as soon as it ends)
//! and, once, after `SAVE_DELAY` without input while reading state waits to be saved. Saves
//! run on a background thread, so a large state file never holds up keys; the last one, at
//! the end, runs here, and if it fails the reader asks before it ends without the marks.
//! Each time it wakes (a key, a resize, pending work) it looks at the state file (one
//! `stat`) and takes in what another kanbao saved there (`kanbao note`, `kanbao tag`),
//! read on a thread of its own while it goes on taking keys (it wakes soon for the read's
//! end); it never wakes for the file alone, so an idle reader still uses no CPU
//! (docs/contract.md §7).

use std::io;
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event;
use ratatui::layout::Rect;

mod dispatch;

use crate::action::Action;
use crate::app::{App, Effects, SearchRequest, Searcher};
use crate::tui::input::{Input, TypedAhead};
use crate::tui::theme::Theme;
use crate::tui::view;

/// How long the state waits for quiet before it is written.
pub const SAVE_DELAY: Duration = Duration::from_millis(500);

/// How often the loop looks for a search's answer while one is running: short enough that
/// results follow the search's end within a frame, and only while a search runs.
pub const SEARCH_POLL: Duration = Duration::from_millis(5);

/// How long keys typed after a search was kept with `Enter` wait for its answer before they
/// are read anyway.
pub const KEPT_SEARCH_WAIT: Duration = Duration::from_secs(3);

/// The most events taken between two frames when they come together.
const BATCH: usize = 4096;

/// How often the loop looks for a background save's end, or a background read of the state
/// file's, while one runs.
pub const SAVE_POLL: Duration = Duration::from_millis(20);

/// Runs until the app wants to quit and its state is saved (or the user chose to quit
/// without it: the caller then saves once more and reports the failure).
/// What was typed `ahead` (while the archive opened) is read first.
pub fn run(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    theme: &Theme,
    ahead: TypedAhead,
) -> io::Result<()> {
    let size = terminal.size()?;
    // What updates asked of the loop: the latest background search, and a full repaint.
    let mut pending = Pending::default();
    pending.add(app.update(Action::Resize(size.width, size.height)));
    let searcher = Searcher::new(app.index_cell());
    let mut input = Input::start(ahead)?;
    let mut redraw = true;
    let mut kept_since: Option<Instant> = None;
    let watch = app.watches_state();
    loop {
        if app.should_quit() {
            if app.may_quit() {
                break;
            }
            redraw = true;
        }
        if app.poll_save() {
            redraw = true;
        }
        // One `stat`; the file is read, on a thread of its own, only when another process
        // changed it, and what it held is taken in once the read has ended.
        if watch {
            redraw |= app.reload_state();
        }
        // Any change of the query (a new request, or a cleared query that needs none) makes
        // older searches stale; they stop at their next check.
        searcher.supersede(app.search_generation());
        if let Some(request) = pending
            .search
            .take()
            .filter(|r| r.generation == app.search_generation())
        {
            searcher.start(request);
        }
        if !app.awaits_kept_search() {
            kept_since = None;
        }
        if redraw {
            terminal.draw(|frame| view::render(app, theme, frame))?;
            redraw = false;
        }
        if app.is_searching() {
            if let Some(answer) = searcher.try_answer() {
                pending.add(app.update(answer));
                redraw = true;
                continue;
            }
            // `/gonghui Enter Enter` typed at speed: the second Enter belongs to the new
            // list, so while a kept search runs the keys stay queued in the terminal (for at
            // most KEPT_SEARCH_WAIT, should an answer never come).
            if app.awaits_kept_search() {
                let since = *kept_since.get_or_insert_with(Instant::now);
                if since.elapsed() < KEPT_SEARCH_WAIT {
                    // Except Ctrl-C, which quits at once.
                    if input.ctrl_c_waiting()? {
                        pending.add(app.update(Action::Quit));
                    } else {
                        std::thread::sleep(SEARCH_POLL);
                    }
                    continue;
                }
            }
            if !input.poll(SEARCH_POLL)? {
                continue;
            }
        } else if app.is_saving() || app.is_reloading() {
            // A save's end, or what a read of the state file took in, shows within a poll.
            if !input.poll(SAVE_POLL)? {
                continue;
            }
        } else if app.has_unsaved() && !input.poll(SAVE_DELAY)? {
            app.start_save();
            continue;
        }
        let mut events = vec![input.read()?];
        if let event::Event::Resize(..) = events[0] {
            // Of a burst of resizes only the last size matters, and each one lays the
            // article out again: skip to the last, keeping the first other event after it.
            while input.poll(Duration::ZERO)? {
                match input.read()? {
                    resize @ event::Event::Resize(..) => events[0] = resize,
                    other => {
                        events.push(other);
                        break;
                    }
                }
            }
            // Redraw everything, even when the size is the one last drawn at: in between the
            // terminal may have been smaller and lost (or reflowed) what it showed, and a
            // frame drawn as a diff against the last one would leave it broken. (`resize` clears
            // without asking the terminal where its cursor is, as `clear` would.)
            let size = terminal.size()?;
            terminal.resize(Rect::new(0, 0, size.width, size.height))?;
        }
        for event in events {
            redraw |= dispatch::event(app, &mut pending, &event);
        }
        // Keys that came together (a paste where the terminal has no bracketed paste, keys
        // typed faster than frames are drawn) are all taken before the next frame, up to
        // BATCH: a frame per key made 10,000 pasted characters take 6.5 s. A resize, or a
        // kept search that now awaits its answer, ends the batch.
        let mut batch = 0;
        while batch < BATCH
            && !app.should_quit()
            && !app.awaits_kept_search()
            && input.key_at_hand()?
        {
            let event = input.read()?;
            redraw |= dispatch::event(app, &mut pending, &event);
            batch += 1;
        }
        if let Some(text) = app.take_clipboard() {
            // OSC 52: the terminal puts it on the clipboard (over SSH too); no answer comes.
            crossterm::execute!(
                terminal.backend_mut(),
                crossterm::clipboard::CopyToClipboard::to_clipboard_from(text)
            )?;
        }
        if std::mem::take(&mut pending.repaint) {
            // Ctrl-L: every cell written afresh, not as a diff against the last frame. As
            // after a resize, `resize` clears without asking where the cursor is (`clear`
            // would, and a terminal that does not answer would end the reader).
            let size = terminal.size()?;
            terminal.resize(Rect::new(0, 0, size.width, size.height))?;
        }
    }
    Ok(())
}

/// The [`Effects`] of the updates since the loop last acted on them.
#[derive(Default)]
struct Pending {
    /// The latest search asked for (a later one replaces it; one whose generation is no
    /// longer the app's is dropped when the loop comes to start it).
    search: Option<SearchRequest>,
    /// A full repaint was asked for.
    repaint: bool,
}

impl Pending {
    fn add(&mut self, effects: Effects) {
        if effects.search.is_some() {
            self.search = effects.search;
        }
        self.repaint |= effects.repaint;
    }
}
