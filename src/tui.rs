//! The terminal front end: set the terminal up, turn events into `Action`s through one key
//! table, draw `&App`, and put the terminal back however the reader ends.

pub mod event_loop;
pub mod indexing;
pub mod input;
pub mod keymap;
pub mod probe;
pub mod start;
pub mod suspend;
pub mod terminal;
pub mod theme;
pub mod view;

use crate::app::{App, Options};
use crate::collection::Collection;
use crate::error::{Error, Result};
use crate::filter::Filter;
use crate::layout::{AmbiguousWidth, Clusters};
use crate::settings::{Ambiguous, Settings, StatePlace};
use crate::state::{Access, StateStore};

/// What the reader starts with: the settings, and the filter and search the command line
/// asked for.
#[derive(Debug, Clone)]
pub struct Config {
    /// The settings, resolved once (`config::settings`).
    pub settings: Settings,
    /// Starting filter (districts, dates).
    pub filter: Filter,
    /// Starting search.
    pub query: String,
    /// `--fresh`: start with the whole list, not where the reader left it.
    pub fresh: bool,
    /// Keys typed on the indexing screen ([`indexing::Typed`]), for the reader first.
    pub typed: Vec<ratatui::crossterm::event::Event>,
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
    let settings = &config.settings;
    let lang = settings.lang.value;
    let (mut store, warnings) = match &settings.state.value {
        // Said when a note, a tag or a bookmark is refused for it: which to undo.
        StatePlace::Off => (StateStore::off(settings.state_off()), Vec::new()),
        place => {
            let path = match place {
                StatePlace::File(path) => Some(path.clone()),
                _ => None,
            };
            // Something that is not a state file at the path ends the reader before it
            // starts, with the path and what to do.
            let (store, warnings) =
                StateStore::open_with(path, Access::ReadWrite).map_err(Error::State)?;
            let texts = warnings
                .iter()
                .map(|w| crate::state::warning_text(w, lang))
                .collect();
            (store, texts)
        }
    };
    // Before the ambiguous-width probe: that one starts crossterm's reader of the terminal,
    // and this one reads the terminal's answer itself.
    // Raw from here to the reader, so that a key typed meanwhile comes as it will in the
    // reader (an Enter as Enter, not a line feed); the probes leave it so. Both give back
    // what was typed while the archive opened, for the reader.
    // A stop while the terminal is asked is acted on between the probes and after them:
    // in the middle of one, the terminal's answer would go to the shell.
    let mut stops = suspend::hold();
    let _ = terminal::enter_raw_for_start();
    let (clusters, bytes) = probe::grapheme_clusters();
    stops.act();
    let mut ahead = input::TypedAhead {
        first: config.typed,
        bytes,
        events: Vec::new(),
    };
    let ambiguous = match settings.ambiguous_width.value {
        Ambiguous::One => AmbiguousWidth::Narrow,
        Ambiguous::Two => AmbiguousWidth::Wide,
        Ambiguous::Auto => {
            let (width, events) = terminal::probe_ambiguous_width();
            ahead.events = events;
            width
        }
    };
    drop(stops);
    let mouse = settings.mouse.value;
    // An index gives the digest it was opened with: it cannot fail, so the marks are never
    // looked up under a key made some other way.
    let id = match collection.library() {
        Some(library) => {
            crate::state::SourceId::of_digest(&settings.data.value, library.id_digest())
        }
        None => settings.source_id(collection.iter().map(|a| a.id.as_str())),
    };
    let source = store.resolve_source(&id);
    crate::keys::set_user_bindings(&settings.keys);
    let restore = !config.fresh && config.query.is_empty() && config.filter.is_empty();
    let opts = Options {
        lang,
        ambiguous,
        filter: config.filter,
        query: config.query,
        restore,
        source,
        mouse,
        data: settings.data.value.clone(),
        report_dir: None,
        clusters: if clusters.supported {
            Clusters::Whole
        } else {
            Clusters::Parts
        },
    };
    let mut app = App::new(collection, store, warnings, opts);
    let mut theme = theme::Theme::from_env(ambiguous == AmbiguousWidth::Wide);
    theme.apply(&config.settings.colors);
    let io = |source| Error::Io {
        path: "<terminal>".into(),
        source,
    };
    // No stop in the middle of taking the terminal: one that comes meanwhile is acted on
    // once the screen is up (from the loop's start, its input acts on them).
    let stops = suspend::hold();
    let (mut term, guard) = terminal::enter(mouse, app.shared_state(), lang).map_err(io)?;
    if clusters.settable {
        // Undone by `terminal::restore`, on every way out.
        probe::enter_grapheme_mode();
    }
    drop(stops);
    let result = event_loop::run(&mut term, &mut app, &theme, ahead);
    // The loop saves on a normal end; a terminal error (an SSH session dropped before its
    // SIGHUP came) ends it early, and neither the last marks nor the list's place must be
    // lost with it. When the user chose to quit without them, this is one more try.
    let saved = app.end().map_err(|error| Error::Unsaved {
        error,
        unsaved: app.unsaved(),
    });
    // Nor in the middle of giving it back: one that comes meanwhile only stops, after.
    let stops = suspend::hold();
    drop(guard);
    drop(stops);
    // Marks that could not be saved are said on stderr, with the path, the reason and what
    // was not saved, and the exit status is not 0.
    saved?;
    result.map_err(io)
}
