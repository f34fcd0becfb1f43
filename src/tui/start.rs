//! The command-less invocation (`kanbao` with no command): the reader opened on the
//! archive of `--data`, after the command line's reader options are checked.

use std::io::IsTerminal;

use crate::cli::ReaderArgs;
use crate::collection::Collection;
use crate::commands::Outcome;
use crate::date::DateRange;
use crate::error::{Error, Result};
use crate::filter::{DistrictFilter, Filter, date_options};
use crate::i18n;
use crate::index;
use crate::layout::{AmbiguousWidth, cut_to_width, sanitize};
use crate::load;
use crate::opened::warn_undated;
use crate::search::{Query, QueryError};
use crate::settings::Settings;
use crate::tui::{self, Config};

/// Checks the terminal and the reader's options `args` (a query over the limits, a bad
/// date), then opens the reader until the user leaves it; `no_index`: `--no-index`.
///
/// # Errors
/// No terminal, or one that cannot be used; a bad query, date or district; data that
/// cannot be read; a reader that fails.
pub fn run(args: &ReaderArgs, no_index: bool, settings: &Settings) -> Result<Outcome> {
    tui::check_terminal()?;
    // A blank query opens the reader on every article; one over the limits is refused.
    match args.query.as_deref().map(Query::try_parse) {
        Some(Err(e)) if e != QueryError::Empty => return Err(Error::Query(e)),
        _ => {}
    }
    dates(args)?;
    if !std::io::stdout().is_terminal() {
        return Err(Error::NoTerminal);
    }
    open(args, no_index, settings).map(|()| Outcome::Found)
}

/// Opens the reader.
fn open(args: &ReaderArgs, no_index: bool, settings: &Settings) -> Result<()> {
    let lang = settings.lang.value;
    // An archive with an index is read through it: nothing is parsed whole (a large one is
    // indexed here on first use, on a screen that q, Esc and Ctrl-C leave).
    // The user's keys before the indexing screen: it tells a search typed there (kept for
    // the reader) from a way out as the reader would.
    crate::keys::set_user_bindings(&settings.keys);
    let Ok((archive, typed)) = tui::indexing::open(&settings.data.value, no_index, lang) else {
        eprintln!("kanbao: {}", index::left_indexing(lang));
        return Ok(());
    };
    // A big archive takes a moment to load: say so on the terminal, then erase the line
    // before the reader takes the screen (or an error is printed), so that it leaves no trace.
    let note = settings
        .first_data()
        .filter(|_| archive.is_none() && std::io::stderr().is_terminal());
    if let Some(path) = note {
        // One row at most (a wrapped line would not be erased whole); ambiguous characters
        // counted wide, in case the terminal draws them so.
        let columns = ratatui::crossterm::terminal::size().map_or(0, |(w, _)| usize::from(w));
        let line = i18n::loading(lang, &sanitize(&path.display().to_string()));
        let line = cut_to_width(&line, columns.saturating_sub(1), AmbiguousWidth::Wide);
        eprint!("{line}");
    }
    let loaded = match archive {
        Some(archive) => Ok((
            Collection::lazy(Box::new(index::library::Indexed::new(archive, lang))),
            0,
        )),
        None => load::load_paths_counted(&settings.data.value).map(|(c, _, n)| (c, n)),
    };
    if note.is_some() {
        eprint!("\r\x1b[2K");
    }
    let (collection, undated) = loaded?;
    warn_undated(undated, lang);
    let config = Config {
        settings: settings.clone(),
        filter: Filter {
            dates: dates(args)?,
            ..Filter::from(DistrictFilter::parse(&args.district)?)
        },
        query: args.query.clone().unwrap_or_default(),
        fresh: args.fresh,
        typed: typed.events,
    };
    tui::run(collection, config)
}

/// The range of `--since` and `--until`.
fn dates(args: &ReaderArgs) -> Result<DateRange> {
    date_options(args.since.as_deref(), args.until.as_deref())
}
