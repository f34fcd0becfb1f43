//! `kanbao list` from the command line: through the index when the archive has one, else
//! from the archive read whole.

use std::io::Write;

use super::conditions::{date_range, dates_given, keep_of, query_of, tell_nothing};
use crate::article::Article;
use crate::cli::ListArgs;
use crate::commands::{self, Outcome};
use crate::error::Result;
use crate::filter::{DistrictFilter, Filter, Keep};
use crate::i18n::Conditions;
use crate::index::{self, Archive};
use crate::opened::{indexed, load};
use crate::review::state::{archive_source, source_of};
use crate::search::Query;
use crate::settings::Settings;
use crate::state::SourceId;

/// `kanbao list`: the articles that `args` asks for, one a line or as JSON; says on stderr
/// which conditions nothing met. `no_index`: `--no-index`.
///
/// # Errors
/// A bad query, date or district; data, an index or a reading state that cannot be read;
/// a failed write.
pub fn run(
    out: &mut dyn Write,
    settings: &Settings,
    args: &ListArgs,
    no_index: bool,
) -> Result<Outcome> {
    let lang = settings.lang.value;
    let query = args.query.as_deref().map(query_of).transpose()?;
    let outcome = match indexed(settings, no_index) {
        Some(archive) => through_index(out, settings, args, query.as_ref(), &archive)?,
        None => {
            let collection = load(settings)?;
            let keep = list_filter(settings, args, query.as_ref(), || {
                Ok(source_of(settings, &collection))
            })?;
            let articles: Vec<&Article> = match &query {
                Some(query) => commands::matching(&collection, |a| keep.keeps(a), query)
                    .into_iter()
                    .map(|(a, _)| a)
                    .collect(),
                None => commands::filtered(&collection, &|a| keep.keeps(a)),
            };
            commands::list(out, &articles, lang, args.json)?
        }
    };
    let range = dates_given(&args.since, &args.until)?;
    let conditions = Conditions {
        districts: &args.district,
        query: args.query.as_deref(),
        bookmarked: args.bookmarked,
        unread: args.unread,
        tags: &args.tag,
        dates: range.as_deref(),
    };
    Ok(tell_nothing(outcome, lang, &conditions))
}

/// `kanbao list` through the index.
fn through_index(
    out: &mut dyn Write,
    settings: &Settings,
    args: &ListArgs,
    query: Option<&Query>,
    archive: &Archive,
) -> Result<Outcome> {
    let keep = list_filter(settings, args, query, || archive_source(settings, archive))?;
    let dates = keep.filter.dates;
    let keep = |a: &Article| keep.keeps(a);
    let lang = settings.lang.value;
    index::run::list(out, archive, &keep, dates, query, lang, args.json)
}

/// What `kanbao list` keeps, on either path.
fn list_filter(
    settings: &Settings,
    args: &ListArgs,
    query: Option<&Query>,
    source: impl FnOnce() -> Result<SourceId>,
) -> Result<Keep> {
    let filter = Filter {
        bookmarked: args.bookmarked,
        unread: args.unread,
        tags: args.tag.clone(),
        dates: date_range(&args.since, &args.until)?,
        ..Filter::from(DistrictFilter::parse(&args.district)?)
    }
    .with_notes_of(query);
    keep_of(settings, filter, source)
}
