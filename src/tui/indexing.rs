//! The screen the reader shows while it indexes an archive on its first open: the file,
//! the articles indexed, MB/s and a bar. `q`, `Esc` and `Ctrl-C` leave at once, and SIGTERM
//! or SIGHUP restores the terminal and ends the process: the build stops with the process
//! and leaves only its temporary folder, which no one trusts and the next build removes
//! (`index::build`).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{TryRecvError, channel};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout};
use ratatui::widgets::{Gauge, Paragraph};

use crate::i18n::Lang;
use crate::index::run::Left;
use crate::index::{self, Archive, Progress};
use crate::layout::sanitize;

/// How often the screen looks for a key while the build runs.
const TICK: Duration = Duration::from_millis(50);

/// What the build thread tells the screen.
enum Heard {
    Progress { file: usize, progress: Progress },
    Done(Result<(), String>),
}

/// The reader's archive through its index (one path, `--no-index` not given), indexed on
/// its first open with this screen up when the terminal can show it.
///
/// # Errors
/// [`Left`] when the user left the indexing.
pub fn open(paths: &[PathBuf], no_index: bool, lang: Lang) -> Result<Option<Archive>, Left> {
    let [path] = paths else {
        return Ok(None);
    };
    if no_index {
        return Ok(None);
    }
    if !std::io::stdout().is_terminal() {
        return Ok(index::run::open_or_build(path, lang));
    }
    index::run::open_or_build_with(path, lang, &|p| build(p, lang))
}

/// Builds the index of `path` with the screen up: `Some(Ok)` once built, `Some(Err(why))`
/// when it could not be (the terminal could not be set up, the cache cannot be written…),
/// `None` when the user left.
pub fn build(path: &Path, lang: Lang) -> Option<Result<(), String>> {
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
        if event::poll(TICK).unwrap_or(false)
            && let Ok(Event::Key(key)) = event::read()
            && key.kind != KeyEventKind::Release
        {
            let ctrl_c = key.code == KeyCode::Char('c') && key.modifiers == KeyModifiers::CONTROL;
            if ctrl_c || matches!(key.code, KeyCode::Char('q') | KeyCode::Esc) {
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
    drop(guard);
    result
}
