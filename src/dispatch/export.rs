//! `kanbao export` from the command line: the articles its conditions choose, read
//! through the index when the archive has one (see [`crate::export::source`]).

use std::io::Write;
use std::mem::ManuallyDrop;

use super::conditions::{date_range, dates_given, query_of, tell_nothing};
use crate::article::Article;
use crate::cli::ExportArgs;
use crate::commands::Outcome;
use crate::error::Result;
use crate::export;
use crate::filter::{DistrictFilter, Filter};
use crate::i18n::Conditions;
use crate::opened::{indexed, load};
use crate::settings::Settings;

/// `kanbao export`: the articles that `args` asks for as a report; says on stderr which
/// conditions nothing met. `no_index`: `--no-index`.
///
/// # Errors
/// A bad query, date or district; data, an index or a reading state that cannot be read;
/// a choice too large; a failed write.
pub fn run(
    out: &mut dyn Write,
    settings: &Settings,
    args: &ExportArgs,
    no_index: bool,
) -> Result<Outcome> {
    let lang = settings.lang.value;
    let query = args.query.as_deref().map(query_of).transpose()?;
    let filter = Filter {
        bookmarked: args.bookmarked,
        tags: args.tag.clone(),
        dates: date_range(&args.since, &args.until)?,
        ..Filter::from(DistrictFilter::parse(&args.district)?)
    }
    .with_notes_of(query.as_ref());
    // Through the index only the articles the conditions allow are read.
    let (collection, keep) = export::source::articles_and_marks(
        settings,
        args,
        filter,
        query.as_ref(),
        indexed(settings, no_index).map(ManuallyDrop::into_inner),
        || load(settings),
    )?;
    let notes = keep.marks.as_ref().map(|(s, k)| (s, k.as_str()));
    let data = &settings.data.value;
    let keeps = |a: &Article| keep.keeps(a);
    let outcome = export::run(out, &collection, args, &keeps, notes, data, lang)?;
    let range = dates_given(&args.since, &args.until)?;
    let conditions = Conditions {
        districts: &args.district,
        query: args.query.as_deref(),
        bookmarked: args.bookmarked,
        tags: &args.tag,
        dates: range.as_deref(),
        ..Conditions::default()
    };
    Ok(tell_nothing(outcome, lang, &conditions))
}
