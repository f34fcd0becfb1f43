//! The terminal front end: set the terminal up, turn events into `Action`s through one key
//! table, draw `&App`, and put the terminal back however the reader ends.

pub mod event_loop;
pub mod keymap;
pub mod probe;
pub mod terminal;
pub mod theme;
pub mod view;

use std::path::PathBuf;

use crate::app::{App, Options};
use crate::article::Collection;
use crate::error::{Error, Result};
use crate::filter::DistrictFilter;
use crate::i18n::Lang;
use crate::layout::{AmbiguousWidth, Clusters};
use crate::state::StateStore;

/// How the ambiguous width was asked for on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmbiguousChoice {
    /// Use this width.
    Fixed(AmbiguousWidth),
    /// Ask the terminal once, before the reader starts.
    Probe,
}

/// Everything the reader needs from the command line.
#[derive(Debug, Clone)]
pub struct Config {
    /// Interface language.
    pub lang: Lang,
    /// Width of East Asian Ambiguous characters.
    pub ambiguous: AmbiguousChoice,
    /// Starting district filter.
    pub filter: DistrictFilter,
    /// Starting search.
    pub query: String,
    /// `--state PATH`.
    pub state: Option<PathBuf>,
    /// `--no-state`.
    pub no_state: bool,
    /// `--mouse`: capture the mouse.
    pub mouse: bool,
    /// The data source's key in the state store (`state::source_key`).
    pub source: String,
}

/// Refuses a terminal that cannot show the reader: `TERM` unset, empty or `dumb` (Emacs
/// shell buffers, some editors' consoles, cron), where a full-screen colour interface would
/// come out as a stream of escape codes. `kanbao list` and `kanbao show` work there.
pub fn check_terminal() -> Result<()> {
    let term = std::env::var_os("TERM").map(|t| t.to_string_lossy().into_owned());
    match term.as_deref() {
        None | Some("") => Err(Error::DumbTerminal { term: None }),
        Some("dumb") => Err(Error::DumbTerminal { term }),
        Some(_) => Ok(()),
    }
}

/// Runs the reader until the user quits; the terminal is restored on every way out.
pub fn run(collection: Collection, config: Config) -> Result<()> {
    check_terminal()?;
    let (store, warnings) = if config.no_state {
        (StateStore::disabled(), Vec::new())
    } else {
        let (store, warnings) = StateStore::open(config.state.clone());
        let texts = warnings
            .iter()
            .map(|w| crate::i18n::warning_text(w, config.lang))
            .collect();
        (store, texts)
    };
    // Before the ambiguous-width probe: that one starts crossterm's reader of the terminal,
    // and this one reads the terminal's answer itself.
    let clusters = probe::grapheme_clusters();
    let ambiguous = match config.ambiguous {
        AmbiguousChoice::Fixed(width) => width,
        AmbiguousChoice::Probe => terminal::probe_ambiguous_width(),
    };
    let opts = Options {
        lang: config.lang,
        ambiguous,
        filter: config.filter,
        query: config.query,
        source: config.source,
        mouse: config.mouse,
        clusters: if clusters.supported {
            Clusters::Whole
        } else {
            Clusters::Parts
        },
    };
    let mut app = App::new(collection, store, warnings, opts);
    let theme = theme::Theme::from_env(ambiguous == AmbiguousWidth::Wide);
    let io = |source| Error::Io {
        path: "<terminal>".into(),
        source,
    };
    let (mut term, guard) = terminal::enter(config.mouse, app.shared_state()).map_err(io)?;
    if clusters.settable {
        // Undone by `terminal::restore`, on every way out.
        probe::enter_grapheme_mode();
    }
    let result = event_loop::run(&mut term, &mut app, &theme);
    // The loop saves on a normal end; a terminal error (an SSH session dropped before its
    // SIGHUP came) ends it early, and the last marks must not be lost with it.
    app.save();
    drop(guard);
    result.map_err(io)
}
