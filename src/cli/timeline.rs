//! `kanbao timeline` from the command line: the reading state its query's `note:` terms
//! ask, and the counts (see [`crate::timeline::command`]).

use std::io::{IsTerminal, Write};

use super::conditions::{dates_given, tell_nothing};
use super::data::{data_source, indexed, load};
use crate::cli::TimelineArgs;
use crate::commands::Outcome;
use crate::error::Result;
use crate::i18n::Conditions;
use crate::review::state::reading_state;
use crate::search::Query;
use crate::settings::Settings;

/// `kanbao timeline`: the counts per period of the articles that `args` asks for; says on
/// stderr which conditions nothing met. `no_index`: `--no-index`.
///
/// # Errors
/// A bad query, date or district; data, an index or a reading state that cannot be read;
/// a failed write.
pub fn run(
    out: &mut dyn Write,
    settings: &Settings,
    args: &TimelineArgs,
    no_index: bool,
) -> Result<Outcome> {
    let lang = settings.lang.value;
    let archive = indexed(settings, no_index);
    let loader = || load(settings);
    let tty = std::io::stdout().is_terminal();
    // `note:` in the query asks the reading state.
    let notes = args.query.as_deref().and_then(|q| Query::try_parse(q).ok());
    let marks = if notes.is_some_and(|q| !q.notes().is_empty()) {
        Some(reading_state(settings, || data_source(settings, no_index))?)
    } else {
        None
    };
    let marks = marks.as_ref().map(|(s, k)| (s, k.as_str()));
    let archive = archive.as_deref();
    let outcome = crate::timeline::command(out, args, archive, &loader, marks, tty, lang)?;
    let range = dates_given(&args.since, &args.until)?;
    let conditions = Conditions {
        districts: &args.district,
        query: args.query.as_deref(),
        dates: range.as_deref(),
        ..Conditions::default()
    };
    Ok(tell_nothing(outcome, lang, &conditions))
}
