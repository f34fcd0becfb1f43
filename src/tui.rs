//! The terminal front end: set the terminal up, turn events into `Action`s through one key
//! table, draw `&App`, and put the terminal back however the reader ends.

pub mod event_loop;
pub mod input;
pub mod keymap;
pub mod terminal;
pub mod theme;
pub mod view;

use std::path::PathBuf;

use crate::app::{App, Options};
use crate::article::Collection;
use crate::error::{Error, Result};
use crate::filter::DistrictFilter;
use crate::i18n::Lang;
use crate::layout::AmbiguousWidth;
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

/// Runs the reader until the user quits; the terminal is restored on every way out.
pub fn run(collection: Collection, config: Config) -> Result<()> {
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
    };
    let mut app = App::new(collection, store, warnings, opts);
    let theme = theme::Theme::from_env(ambiguous == AmbiguousWidth::Wide);
    let io = |source| Error::Io {
        path: "<terminal>".into(),
        source,
    };
    let (mut term, guard) = terminal::enter(config.mouse, app.shared_state()).map_err(io)?;
    let result = event_loop::run(&mut term, &mut app, &theme);
    // The loop saves on a normal end; a terminal error (an SSH session dropped before its
    // SIGHUP came) ends it early, and the last marks must not be lost with it.
    app.save();
    drop(guard);
    result.map_err(io)
}
