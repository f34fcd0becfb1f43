//! The conditions typed on the command line, made ready for a command: the query, the
//! range of `--since` and `--until`, the reading state a filter's marks need, and the
//! "nothing matched" line that names them when nothing met them.

use crate::commands::Outcome;
use crate::date::DateRange;
use crate::error::{Error, Result};
use crate::filter::{Filter, Keep};
use crate::i18n::{self, Conditions, Lang};
use crate::layout::sanitize_lines;
use crate::review::state::reading_state;
use crate::search::Query;
use crate::settings::Settings;
use crate::state::SourceId;

/// Parses a query typed on the command line: a blank one or one over the limits is an error.
///
/// # Errors
/// [`Error::Query`] for a query that cannot be searched for.
pub fn query_of(text: &str) -> Result<Query> {
    Query::try_parse(text).map_err(Error::Query)
}

/// The range of `--since` and `--until` (see [`crate::filter::date_options`]).
///
/// # Errors
/// A value that is not a date.
pub fn date_range(since: &Option<String>, until: &Option<String>) -> Result<DateRange> {
    crate::filter::date_options(since.as_deref(), until.as_deref())
}

/// The range of `--since` and `--until` when either is given, as words (for "nothing
/// matched").
///
/// # Errors
/// A value that is not a date.
pub fn dates_given(since: &Option<String>, until: &Option<String>) -> Result<Option<String>> {
    date_range(since, until).map(|r| (!r.is_all()).then(|| r.to_string()))
}

/// `filter` with the reading state it asks about: opened, read-only, only when a mark
/// (bookmarked, unread, tag) is asked for; `source` says which data it is.
///
/// # Errors
/// A reading state that cannot be read; what `source` fails with.
pub fn keep_of(
    settings: &Settings,
    filter: Filter,
    source: impl FnOnce() -> Result<SourceId>,
) -> Result<Keep> {
    let marks = if filter.needs_marks() {
        Some(reading_state(settings, source)?)
    } else {
        None
    };
    Ok(Keep { filter, marks })
}

/// Says on stderr which conditions nothing met, when nothing did; `outcome` unchanged.
pub fn tell_nothing(outcome: Outcome, lang: Lang, conditions: &Conditions<'_>) -> Outcome {
    if outcome == Outcome::NothingFound {
        let mut text = i18n::nothing_matched(lang, conditions);
        // A word mixing Han and pinyin (`工会yizhan`) finds nothing: say how to write it.
        if let Some(hint) = conditions
            .query
            .and_then(|q| crate::search::spacing::hint(q, lang))
        {
            text = i18n::then_hint(lang, &text, &hint);
        }
        eprintln!("kanbao: {}", sanitize_lines(&text));
    }
    outcome
}
