//! The screen the reader shows while it indexes an archive on its first open: the file,
//! the articles indexed, MB/s and a bar. `q`, `Esc` and `Ctrl-C` leave at once; `Ctrl-Z`
//! suspends kanbao, the build with it, as in the reader (`tui::suspend`; where no shell
//! could continue it, the screen says why), and so does a SIGTSTP from outside (there,
//! silently ignored as in the reader); other keys are kept for the reader (see
//! [`Typed`]), as are `q` and `Esc` typed into a prompt (a search may hold a `q`). SIGTERM
//! or SIGHUP restores the terminal and ends the process: the build stops with the process
//! and leaves only its temporary folder, which no one trusts and the next build removes
//! (`index::build`).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{TryRecvError, channel};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Gauge, Paragraph};

use crate::action::Action;
use crate::i18n::Lang;
use crate::index::run::Left;
use crate::index::{self, Archive, Progress};
use crate::keys::{self, Context, Key, KeyName};
use crate::layout::sanitize;

/// How often the screen looks for a key while the build runs.
const TICK: Duration = Duration::from_millis(50);

/// What the build thread tells the screen.
enum Heard {
    Progress { file: usize, progress: Progress },
    Done(Result<(), String>),
}

/// The keys typed on the screen that do not leave it, in order, for the reader to take
/// first. `q` and `Esc` leave, unless the keys kept so far leave something open in the
/// list: the search or date prompt, a picker, the note editor or the help; then the keys
/// are its own until one closes it.
#[derive(Debug, Default)]
pub struct Typed {
    /// The events kept.
    pub events: Vec<Event>,
    /// What the keys kept so far leave open.
    open: Option<Context>,
}

/// What `action`, taken in the list, opens.
fn opens(action: &Action) -> Option<Context> {
    match action {
        Action::OpenSearch | Action::OpenDatePrompt => Some(Context::Search),
        Action::OpenPicker => Some(Context::Picker),
        Action::EditNote => Some(Context::Note),
        Action::OpenTags => Some(Context::Tags),
        Action::Help => Some(Context::Help),
        _ => None,
    }
}

/// Whether `action`, taken where `open` is open, closes it.
fn closes(open: Context, action: &Action) -> bool {
    match open {
        Context::Search => matches!(action, Action::SearchAccept | Action::SearchCancel),
        Context::Picker => matches!(action, Action::PickerApply | Action::PickerCancel),
        Context::Note => matches!(action, Action::NoteSave | Action::NoteCancel),
        Context::Tags => matches!(action, Action::TagsClose),
        Context::Help => matches!(action, Action::Help),
        Context::List | Context::Reader => true,
    }
}

/// What a key typed on the screen does there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Taken {
    /// Kept for the reader (or a key that means nothing).
    Kept,
    /// Leaves the screen, and kanbao.
    Leave,
    /// `Ctrl-Z` (or the key bound to `suspend`): suspends kanbao here, as in the reader;
    /// not kept, or the reader would suspend again once it starts.
    Suspend,
}

impl Typed {
    /// Keeps `event` if the reader should have it; what it does on the screen.
    fn take(&mut self, event: Event) -> Taken {
        match &event {
            Event::Key(press) => {
                let Some(key) = super::keymap::key_of(press) else {
                    return Taken::Kept;
                };
                if key == Key::Ctrl('c') {
                    return Taken::Leave;
                }
                let action = keys::action_for(self.open.unwrap_or(Context::List), key);
                match (self.open, action) {
                    (_, Some(Action::Suspend)) => return Taken::Suspend,
                    (Some(open), Some(action)) if closes(open, &action) => self.open = None,
                    (Some(_), _) => {}
                    (None, Some(Action::Quit)) => return Taken::Leave,
                    (None, _) if key == Key::Code(KeyName::Esc) => return Taken::Leave,
                    (None, Some(action)) => self.open = opens(&action),
                    (None, None) => {}
                }
                self.events.push(event);
            }
            // A paste in the list starts a search with it.
            Event::Paste(_) => {
                self.open = self.open.or(Some(Context::Search));
                self.events.push(event);
            }
            _ => {}
        }
        Taken::Kept
    }
}

/// The reader's archive through its index (one path, `--no-index` not given), indexed on
/// its first open with this screen up when the terminal can show it; with the keys typed
/// on the screen.
///
/// # Errors
/// [`Left`] when the user left the indexing.
pub fn open(
    paths: &[PathBuf],
    no_index: bool,
    lang: Lang,
) -> Result<(Option<Archive>, Typed), Left> {
    let [path] = paths else {
        return Ok((None, Typed::default()));
    };
    if no_index {
        return Ok((None, Typed::default()));
    }
    if !std::io::stdout().is_terminal() {
        return Ok((index::run::open_or_build(path, lang), Typed::default()));
    }
    let typed = std::cell::RefCell::new(Typed::default());
    let archive =
        index::run::open_or_build_with(path, lang, &|p| build(p, lang, &mut typed.borrow_mut()))?;
    Ok((archive, typed.into_inner()))
}

/// Builds the index of `path` with the screen up: `Some(Ok)` once built, `Some(Err(why))`
/// when it could not be (the terminal could not be set up, the cache cannot be written…),
/// `None` when the user left. The keys typed meanwhile go to `typed`.
pub fn build(path: &Path, lang: Lang, typed: &mut Typed) -> Option<Result<(), String>> {
    let Some(root) = index::cache::root() else {
        return Some(Err("no cache folder (is HOME set?)".into()));
    };
    let files = index::data_files(path).map_or(0, |f| f.len());
    let (tell, heard) = channel();
    let (root, data) = (root, path.to_path_buf());
    std::thread::spawn(move || {
        let mut notes = Vec::new();
        let result = index::update(&root, &data, &mut notes, &mut |file, _, progress| {
            let _ = tell.send(Heard::Progress { file, progress });
        });
        let _ = tell.send(Heard::Done(result.map(|_| ()).map_err(|e| e.to_string())));
    });
    // A SIGTSTP from outside (`kill -TSTP`) and the SIGCONT after it, held from before the
    // terminal is taken until after it is given back, and acted on between frames as in
    // the reader.
    let mut stops = super::suspend::hold();
    let (mut terminal, guard) = match super::terminal::enter_plain() {
        Ok(entered) => entered,
        // No screen: wait for the build as it is (a stop then acted on at once).
        Err(_) => {
            drop(stops);
            loop {
                match heard.recv() {
                    Ok(Heard::Done(result)) => return Some(result),
                    Ok(Heard::Progress { .. }) => {}
                    Err(_) => return Some(Err("the build stopped".into())),
                }
            }
        }
    };
    let shown = sanitize(&path.display().to_string()).into_owned();
    let start = Instant::now();
    let mut last: Option<(usize, Progress)> = None;
    // Why `Ctrl-Z` did not suspend, until the next key.
    let mut note: Option<&str> = None;
    let result = 'screen: loop {
        if stops.act() {
            draw_whole(&mut terminal);
        }
        let line = last.map_or_else(
            || index::first_index(lang, &shown),
            |(file, p)| {
                let secs = start.elapsed().as_secs_f64().max(1e-3);
                let mb = p.bytes as f64 / 1e6;
                index::index_progress(lang, (file + 1, files), p.articles, mb, mb / secs)
            },
        );
        let ratio = last.map_or(0.0, |(_, p)| p.bytes as f64 / p.total.max(1) as f64);
        let hint = index::leave_hint(lang);
        let drawn = terminal.draw(|frame| {
            let [_, title, bar, help, said, _] = Layout::vertical([
                Constraint::Fill(1),
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Fill(1),
            ])
            .areas(frame.area());
            frame.render_widget(Paragraph::new(line.as_str()).centered(), title);
            frame.render_widget(Gauge::default().ratio(ratio.clamp(0.0, 1.0)), bar);
            frame.render_widget(Paragraph::new(hint).centered(), help);
            frame.render_widget(Paragraph::new(note.unwrap_or_default()).centered(), said);
        });
        if drawn.is_err() {
            break None;
        }
        if event::poll(TICK).unwrap_or(false) {
            // Everything crossterm has read, not one event a frame: a fast typist or a
            // paste would lag the screen.
            let mut left = false;
            while !left && event::poll(Duration::ZERO).unwrap_or(false) {
                let Ok(e) = event::read() else {
                    break;
                };
                // A word said on the screen lasts until the next key.
                note = None;
                match typed.take(e) {
                    Taken::Kept => {}
                    Taken::Leave => left = true,
                    Taken::Suspend => note = suspend(&mut terminal, lang),
                }
            }
            if left {
                break None;
            }
        }
        // Everything heard since the last frame; the last progress is what shows.
        loop {
            match heard.try_recv() {
                Ok(Heard::Progress { file, progress }) => last = Some((file, progress)),
                Ok(Heard::Done(result)) => break 'screen Some(result),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    break 'screen Some(Err("the build stopped".into()));
                }
            }
        }
    };
    // What crossterm read after the last frame is the reader's as it is (the build is
    // done: a `q` there is the reader's to quit).
    while result.is_some() && event::poll(Duration::ZERO).unwrap_or(false) {
        match event::read() {
            Ok(e @ (Event::Key(_) | Event::Paste(_))) => typed.events.push(e),
            Ok(_) => {}
            Err(_) => break,
        }
    }
    drop(guard);
    // What came since the last frame, acted on with the terminal given back: a stop then
    // only stops.
    drop(stops);
    result
}

/// `Ctrl-Z` on the screen: gives the terminal back and stops until `fg` (the build stops
/// with the process), then draws the whole screen again; where no shell could continue
/// kanbao, nothing stops, and the screen says why.
fn suspend(terminal: &mut ratatui::DefaultTerminal, lang: Lang) -> Option<&'static str> {
    if super::suspend::suspend() {
        draw_whole(terminal);
        None
    } else {
        Some(crate::i18n::not_suspended(lang))
    }
}

/// Has the next frame draw every cell, back from a stop: cleared by a resize to the
/// terminal's size, which may have changed meanwhile (`clear` would ask the terminal where
/// its cursor is, and wait for an answer).
fn draw_whole(terminal: &mut ratatui::DefaultTerminal) {
    if let Ok(size) = terminal.size() {
        let _ = terminal.resize(Rect::new(0, 0, size.width, size.height));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    /// Feeds `keys` (a char a key; `\r` Enter, `\x1b` Esc); whether one left, and how
    /// many events were kept.
    fn typed(keys: &str) -> (bool, usize) {
        let mut typed = Typed::default();
        for c in keys.chars() {
            let code = match c {
                '\r' => KeyCode::Enter,
                '\x1b' => KeyCode::Esc,
                c => KeyCode::Char(c),
            };
            if typed.take(key(code)) == Taken::Leave {
                return (true, typed.events.len());
            }
        }
        (false, typed.events.len())
    }

    #[test]
    fn q_and_esc_leave_unless_a_prompt_or_the_picker_is_open() {
        assert_eq!(typed("jq"), (true, 1));
        assert_eq!(typed("j\x1b"), (true, 1));
        // A search holding q, then Enter: all kept.
        assert_eq!(typed("/qq\rj"), (false, 5));
        // Esc closes the prompt; the next q leaves.
        assert_eq!(typed("/ab\x1bq"), (true, 4));
        // The picker: q closes it, the next one leaves.
        assert_eq!(typed("dqq"), (true, 2));
        assert_eq!(typed("t2024\r"), (false, 6));
        // The note editor (Esc cancels), the help (q closes it), the tags (Esc closes).
        assert_eq!(typed("aquit\x1bq"), (true, 6));
        assert_eq!(typed("?qq"), (true, 2));
        assert_eq!(typed("+q\x1bq"), (true, 3));
    }

    #[test]
    fn ctrl_c_leaves_even_in_a_prompt_and_a_paste_opens_one() {
        let mut typed = Typed::default();
        assert_eq!(typed.take(key(KeyCode::Char('/'))), Taken::Kept);
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(typed.take(Event::Key(ctrl_c)), Taken::Leave);
        assert_eq!(typed.take(Event::Paste("驿站".into())), Taken::Kept);
        assert_eq!(typed.events.len(), 2);
        // A paste opens the search: its q is text.
        let mut typed = Typed::default();
        assert_eq!(typed.take(Event::Paste("q".into())), Taken::Kept);
        assert_eq!(typed.take(key(KeyCode::Char('q'))), Taken::Kept);
        assert_eq!(typed.take(key(KeyCode::Enter)), Taken::Kept);
        assert_eq!(typed.take(key(KeyCode::Char('q'))), Taken::Leave);
    }

    /// `Ctrl-Z` suspends on the screen, wherever the keys typed so far stand (a prompt
    /// open too), and is not kept: it was kept for the reader, which suspended only once
    /// the index was built.
    #[test]
    fn ctrl_z_suspends_and_is_not_kept() {
        let ctrl_z = Event::Key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
        let mut typed = Typed::default();
        assert_eq!(typed.take(ctrl_z.clone()), Taken::Suspend);
        assert_eq!(typed.take(key(KeyCode::Char('/'))), Taken::Kept);
        assert_eq!(typed.take(ctrl_z), Taken::Suspend);
        assert_eq!(typed.events.len(), 1);
        // The prompt is still open: its q is text.
        assert_eq!(typed.take(key(KeyCode::Char('q'))), Taken::Kept);
    }
}
