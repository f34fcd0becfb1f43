//! `kanbao timeline` from the command line: the archive opened once (through its index or
//! read whole), the reading state its query's `note:` terms ask, and the counts (see
//! [`command`]).

use std::io::{IsTerminal, Write};

use super::conditions::{date_range, dates_given, keep_of, query_of, tell_nothing};
use crate::cli::TimelineArgs;
use crate::commands::Outcome;
use crate::error::Result;
use crate::filter::{DistrictFilter, Filter};
use crate::i18n::{Conditions, Lang};
use crate::opened::Data;
use crate::settings::Settings;
use crate::timeline::{self, By};

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
    let query = args.query.as_deref().map(query_of).transpose()?;
    let filter = Filter {
        dates: date_range(&args.since, &args.until)?,
        ..Filter::from(DistrictFilter::parse(&args.district)?)
    }
    .with_notes_of(query.as_ref());
    // Through the index or read whole, once: the key of `note:`'s reading state too.
    let data = Data::open(settings, no_index)?;
    let keep = keep_of(settings, filter, || Ok(data.source(settings)))?;
    let tty = std::io::stdout().is_terminal();
    let (outcome, kept) = command(out, args, &data, &keep, query.as_ref(), tty, lang)?;
    let range = dates_given(&args.since, &args.until)?;
    let conditions = Conditions {
        districts: &args.district,
        query: args.query.as_deref(),
        dates: range.as_deref(),
        ..Conditions::default()
    };
    // Articles, none of them dated: that is what to say, not that there is no article.
    if outcome == Outcome::NothingFound && kept > 0 {
        let text = crate::i18n::none_dated(lang, kept, &conditions);
        eprintln!("kanbao: {}", crate::layout::sanitize_lines(&text));
        return Ok(outcome);
    }
    Ok(tell_nothing(outcome, lang, &conditions))
}

/// `kanbao timeline`: the counts of the articles of `data` that `keep` keeps and `query`
/// (if any) matches, by the period `args` asks for; through the index when `data` has one
/// (nothing read when only dates are asked for); text bars when `bars` (standard output is
/// a terminal). `keep`'s reading state answers the query's `note:` terms. Also returns
/// how many articles were kept, dated or not.
///
/// # Errors
/// An index that cannot be read; a failed write.
fn command(
    out: &mut dyn Write,
    args: &TimelineArgs,
    data: &Data,
    keep: &crate::filter::Keep,
    query: Option<&crate::search::Query>,
    bars: bool,
    lang: Lang,
) -> Result<(Outcome, usize)> {
    let filter = &keep.filter;
    let keeps = |a: &crate::article::Article| keep.keeps(a);
    let plain = filter.districts.is_empty() && filter.notes.is_empty();
    let (periods, kept) = match data {
        // Counted from the index's date columns: nothing read, no order made. With no
        // dates asked for every article is kept, dated or not.
        Data::Indexed(archive) if plain && query.is_none() => {
            let days = crate::index::run::day_counts(archive, filter.dates)?;
            let kept = match filter.dates.is_all() {
                true => archive.len(),
                false => days.iter().map(|(_, n)| n).sum(),
            };
            (timeline::count_days(days, by(args.by)), kept)
        }
        Data::Indexed(archive) => {
            let dates = crate::index::run::dates(archive, &keeps, filter.dates, plain, query)?;
            (
                timeline::count(dates.iter().copied(), by(args.by)),
                dates.len(),
            )
        }
        Data::Whole(collection) => {
            let dates = timeline::dates_in(collection, &keeps, query);
            (
                timeline::count(dates.iter().copied(), by(args.by)),
                dates.len(),
            )
        }
    };
    let outcome = timeline::write(out, &periods, args.json, bars, lang)?;
    Ok((outcome, kept))
}

/// The period `--by` asks for.
fn by(by: crate::cli::ByArg) -> By {
    match by {
        crate::cli::ByArg::Month => By::Month,
        crate::cli::ByArg::Year => By::Year,
    }
}
