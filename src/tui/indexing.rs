//! The screen the reader shows while it indexes an archive on its first open: the file,
//! the articles indexed, MB/s and a bar. `q`, `Esc` and `Ctrl-C` leave at once; other keys
//! are kept for the reader (see [`Typed`]), as are `q` and `Esc` typed into a prompt (a
//! search may hold a `q`). SIGTERM
//! or SIGHUP restores the terminal and ends the process: the build stops with the process
//! and leaves only its temporary folder, which no one trusts and the next build removes
//! (`index::build`).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{TryRecvError, channel};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event};
use ratatui::layout::{Constraint, Layout};
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

impl Typed {
    /// Keeps `event` if the reader should have it; whether it leaves the screen instead.
    fn take(&mut self, event: Event) -> bool {
        match &event {
            Event::Key(press) => {
                let Some(key) = super::keymap::key_of(press) else {
                    return false;
                };
                if key == Key::Ctrl('c') {
                    return true;
                }
                let action = keys::action_for(self.open.unwrap_or(Context::List), key);
                match (self.open, action) {
                    (Some(open), Some(action)) if closes(open, &action) => self.open = None,
                    (Some(_), _) => {}
                    (None, Some(Action::Quit)) => return true,
                    (None, _) if key == Key::Code(KeyName::Esc) => return true,
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
        false
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
    let (mut terminal, guard) = match super::terminal::enter_plain() {
        Ok(entered) => entered,
        // No screen: wait for the build as it is.
        Err(_) => loop {
            match heard.recv() {
                Ok(Heard::Done(result)) => return Some(result),
                Ok(Heard::Progress { .. }) => {}
                Err(_) => return Some(Err("the build stopped".into())),
            }
        },
    };
    let shown = sanitize(&path.display().to_string()).into_owned();
    let start = Instant::now();
    let mut last: Option<(usize, Progress)> = None;
    let result = 'screen: loop {
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
            let [_, title, bar, help, _] = Layout::vertical([
                Constraint::Fill(1),
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Fill(1),
            ])
            .areas(frame.area());
            frame.render_widget(Paragraph::new(line.as_str()).centered(), title);
            frame.render_widget(Gauge::default().ratio(ratio.clamp(0.0, 1.0)), bar);
            frame.render_widget(Paragraph::new(hint).centered(), help);
        });
        if drawn.is_err() {
            break None;
        }
        if event::poll(TICK).unwrap_or(false) {
            // Everything crossterm has read, not one event a frame: a fast typist or a
            // paste would lag the screen.
            let mut left = false;
            while !left && event::poll(Duration::ZERO).unwrap_or(false) {
                match event::read() {
                    Ok(e) => left = typed.take(e),
                    Err(_) => break,
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
    result
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
            if typed.take(key(code)) {
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
        assert!(!typed.take(key(KeyCode::Char('/'))));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert!(typed.take(Event::Key(ctrl_c)));
        assert!(!typed.take(Event::Paste("驿站".into())));
        assert_eq!(typed.events.len(), 2);
        // A paste opens the search: its q is text.
        let mut typed = Typed::default();
        assert!(!typed.take(Event::Paste("q".into())));
        assert!(!typed.take(key(KeyCode::Char('q'))));
        assert!(!typed.take(key(KeyCode::Enter)));
        assert!(typed.take(key(KeyCode::Char('q'))));
    }
}
