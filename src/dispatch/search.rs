//! `kanbao search` from the command line: through the index when the archive has one, else
//! in the archive read whole (once, the reading state's key taken from it too).

use std::io::Write;

use super::conditions::{date_range, dates_given, keep_of, query_of, tell_nothing};
use crate::article::Article;
use crate::cli::SearchArgs;
use crate::commands::{self, Outcome};
use crate::error::Result;
use crate::filter::{DistrictFilter, Filter};
use crate::i18n::Conditions;
use crate::index;
use crate::opened::Data;
use crate::settings::Settings;

/// `kanbao search`: the articles that match `args`' query and conditions, best (or newest)
/// first, or their count; says on stderr which conditions nothing met. `no_index`:
/// `--no-index`.
///
/// # Errors
/// A bad query, date or district; data, an index or a reading state that cannot be read;
/// a failed write.
pub fn run(
    out: &mut dyn Write,
    settings: &Settings,
    args: &SearchArgs,
    no_index: bool,
) -> Result<Outcome> {
    let lang = settings.lang.value;
    let text = args.query_text();
    let query = query_of(&text)?;
    let filter = Filter {
        bookmarked: args.bookmarked,
        dates: date_range(&args.since, &args.until)?,
        tags: args.tag.clone(),
        ..Filter::from(DistrictFilter::parse(&args.district)?)
    }
    .with_notes_of(Some(&query));
    // `--since`/`--until` and `--district` narrow as `date:` and `district:` do, through
    // the index; marks, or `--district` with a `district:`, need `filtered`.
    let (dates, districts) = (filter.dates, filter.districts.clone());
    let both = !districts.is_empty() && !query.ops().districts.is_empty();
    let filtered = filter.needs_marks() || both;
    // Through the index or read whole, once: the state's key too.
    let data = Data::open(settings, no_index)?;
    let keep = keep_of(settings, filter, || Ok(data.source(settings)))?;
    let keep = |a: &Article| keep.keeps(a);
    let how = commands::SearchOutput {
        width: args.width,
        sort: args.sort,
        json: args.json,
        count: args.count,
        lang,
    };
    let range = dates_given(&args.since, &args.until)?;
    let conditions = Conditions {
        districts: &args.district,
        query: Some(&text),
        bookmarked: args.bookmarked,
        dates: range.as_deref(),
        tags: &args.tag,
        ..Conditions::default()
    };
    let outcome = match &data {
        Data::Indexed(archive) => {
            let query = query.clone().within(dates).in_districts(&districts);
            index::run::search(out, archive, &keep, filtered, &query, how)?
        }
        Data::Whole(whole) => commands::search(out, whole, &keep, &query, how)?,
    };
    Ok(tell_nothing(outcome, lang, &conditions))
}
