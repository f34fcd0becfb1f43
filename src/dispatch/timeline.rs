//! `kanbao timeline` from the command line: the archive opened once (through its index or
//! read whole), the reading state its query's `note:` terms ask, and the counts (see
//! [`crate::timeline::command`]).

use std::io::{IsTerminal, Write};

use super::conditions::{date_range, dates_given, keep_of, query_of, tell_nothing};
use crate::cli::TimelineArgs;
use crate::commands::Outcome;
use crate::error::Result;
use crate::filter::{DistrictFilter, Filter};
use crate::i18n::Conditions;
use crate::opened::Data;
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
    let query = args.query.as_deref().map(query_of).transpose()?;
    let filter = Filter {
        dates: date_range(&args.since, &args.until)?,
        ..Filter::from(DistrictFilter::parse(&args.district)?)
    }
    .with_notes_of(query.as_ref());
    // Through the index or read whole, once: the key of `note:`'s reading state too.
    let data = Data::open(settings, no_index)?;
    let keep = keep_of(settings, filter, || data.source(settings))?;
    let tty = std::io::stdout().is_terminal();
    let outcome = crate::timeline::command(out, args, &data, &keep, query.as_ref(), tty, lang)?;
    let range = dates_given(&args.since, &args.until)?;
    let conditions = Conditions {
        districts: &args.district,
        query: args.query.as_deref(),
        dates: range.as_deref(),
        ..Conditions::default()
    };
    Ok(tell_nothing(outcome, lang, &conditions))
}
