//! `kanbao list` from the command line: through the index when the archive has one, else
//! from the archive read whole (once, the reading state's key taken from it too).

use std::io::Write;

use super::conditions::{date_range, dates_given, keep_of, query_of, tell_nothing};
use crate::article::Article;
use crate::cli::ListArgs;
use crate::commands::{self, Outcome};
use crate::error::Result;
use crate::filter::{DistrictFilter, Filter};
use crate::i18n::Conditions;
use crate::index;
use crate::opened::Data;
use crate::settings::Settings;

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
    // Through the index or read whole, once: the state's key too.
    let data = Data::open(settings, no_index)?;
    let filter = Filter {
        bookmarked: args.bookmarked,
        unread: args.unread,
        tags: args.tag.clone(),
        dates: date_range(&args.since, &args.until)?,
        ..Filter::from(DistrictFilter::parse(&args.district)?)
    }
    .with_notes_of(query.as_ref());
    let keep = keep_of(settings, filter, || Ok(data.source(settings)))?;
    let outcome = match &data {
        Data::Indexed(archive) => {
            let dates = keep.filter.dates;
            let keep = |a: &Article| keep.keeps(a);
            index::run::list(out, archive, &keep, dates, query.as_ref(), lang, args.json)?
        }
        Data::Whole(collection) => {
            let articles: Vec<&Article> = match &query {
                Some(query) => commands::matching(collection, |a| keep.keeps(a), query)
                    .into_iter()
                    .map(|(a, _)| a)
                    .collect(),
                None => commands::filtered(collection, &|a| keep.keeps(a)),
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
