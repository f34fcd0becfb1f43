//! Runs a parsed command line: the reader when no command is given, else the command, on
//! the settings resolved from the command line, the environment and the config file.

use std::io::Write;
use std::mem::ManuallyDrop;

use clap::CommandFactory;

mod conditions;
mod export;
mod list;
mod placement;
mod search;
mod timeline;

use self::conditions::date_range;
use crate::article::Article;
use crate::cli::ReaderArgs;
use crate::cli::{Cli, Command, DistrictsArgs, ShowArgs};
use crate::collection::Collection;
use crate::commands::{self, Outcome};
use crate::config;
use crate::error::{Error, Result};
use crate::filter::Filter;
use crate::index;
use crate::layout::{AmbiguousWidth, LayoutOptions};
use crate::opened::{indexed, load, target};
use crate::review;
use crate::settings::{Ambiguous, Settings};

/// What a run asks of the terminal layer, handed in by the binary so that this module
/// names no terminal (docs/architecture.md): the reader, started on the command line's
/// reader options, and the width `show` lays out at when none is given.
pub struct Terminal {
    /// Opens the reader (the terminal layer's `start::run`).
    pub reader: fn(&ReaderArgs, bool, &Settings) -> Result<Outcome>,
    /// The terminal's width, or 80 when it has none (the terminal layer's `show_width`).
    pub show_width: fn() -> usize,
}

/// Runs `cli` (the reader, or its command) with `settings`, writing the command's output
/// to `out`; whether anything was found (exit status 0 or 1).
///
/// # Errors
/// Whatever the command fails with (exit status 2).
pub fn run(
    cli: &Cli,
    settings: &Settings,
    out: &mut dyn Write,
    terminal: &Terminal,
) -> Result<Outcome> {
    // A data path the config file set, and that cannot be read, names the line that set it.
    let reads_data = !matches!(
        cli.command,
        Some(
            Command::Import(_)
                | Command::Check(_)
                | Command::Index(_)
                | Command::Completions(_)
                | Command::Config(_)
        )
    );
    run_command(cli, settings, out, terminal).map_err(|e| {
        if reads_data {
            settings.blame_config(e)
        } else {
            e
        }
    })
}

/// [`run`], before a data path's error is traced to the config file.
fn run_command(
    cli: &Cli,
    settings: &Settings,
    out: &mut dyn Write,
    terminal: &Terminal,
) -> Result<Outcome> {
    let lang = settings.lang.value;
    let no_index = cli.no_index;
    let Some(command) = &cli.command else {
        return (terminal.reader)(&cli.reader, no_index, settings);
    };
    placement::check(cli, command)?;
    match command {
        Command::List(args) => list::run(out, settings, args, no_index),
        Command::Show(args) => show(out, settings, args, (no_index, terminal.show_width)),
        Command::Search(args) => search::run(out, settings, args, no_index),
        Command::Districts(args) => districts(out, settings, args, no_index),
        Command::Export(args) => export::run(out, settings, args, no_index),
        Command::Import(args) => crate::import::run::run(out, args),
        Command::Check(args) => commands::check(out, &args.path, lang),
        Command::Completions(args) => {
            // clap_complete panics when its writer fails: it writes to memory, and the
            // script is written here, where a failure is an error like any other.
            let mut script = Vec::new();
            clap_complete::generate(args.shell, &mut Cli::command(), "kanbao", &mut script);
            write_all(out, &script)
        }
        Command::Config(args) => {
            let text = if args.default {
                config::template::template(lang, settings.config.path.as_deref())
            } else {
                config::show::describe(settings, lang)
            };
            write_all(out, text.as_bytes())
        }
        Command::Index(args) => index::run::index_command(&args.path, lang),
        Command::Note(args) => {
            let target = target(settings, no_index, &args.id)?;
            review::cli::note(out, settings, &target, args)
        }
        Command::Tag(args) => {
            let target = target(settings, no_index, &args.id)?;
            review::cli::tag(out, settings, &target, args)
        }
        Command::Timeline(args) => timeline::run(out, settings, args, no_index),
    }
}

/// `kanbao show`: one article laid out as the reader lays it out, at `--width` columns
/// (the terminal's width by default).
fn show(
    out: &mut dyn Write,
    settings: &Settings,
    args: &ShowArgs,
    (no_index, show_width): (bool, fn() -> usize),
) -> Result<Outcome> {
    let lang = settings.lang.value;
    let archive = indexed(settings, no_index);
    let collection = match archive {
        Some(_) => ManuallyDrop::new(Collection::default()),
        None => load(settings)?,
    };
    let width = args.width.unwrap_or_else(show_width);
    let options = LayoutOptions {
        ambiguous: match settings.ambiguous_width.value {
            Ambiguous::Two => AmbiguousWidth::Wide,
            // Printing to a pipe has no terminal to ask; one column is the default.
            Ambiguous::One | Ambiguous::Auto => AmbiguousWidth::Narrow,
        },
        lang,
        // Emoji sequences as their parts: a pipe has no terminal to ask.
        ..LayoutOptions::default()
    };
    if let Some(archive) = &archive {
        return index::run::show(out, archive, &args.id, width, &options, args.json);
    }
    let article = collection
        .by_id(&args.id)
        .ok_or_else(|| Error::UnknownId(args.id.clone()))?;
    commands::show(out, article, width, &options, args.json)
}

/// `kanbao districts`: each district with its count of articles (in `--since`/`--until`).
fn districts(
    out: &mut dyn Write,
    settings: &Settings,
    args: &DistrictsArgs,
    no_index: bool,
) -> Result<Outcome> {
    let lang = settings.lang.value;
    let filter = Filter {
        dates: date_range(&args.since, &args.until)?,
        ..Filter::default()
    };
    let keep = |a: &Article| filter.matches(a);
    if let Some(archive) = indexed(settings, no_index) {
        return index::run::districts(out, &archive, filter.dates, lang, args.json);
    }
    let collection = load(settings)?;
    commands::districts(out, &collection, &keep, lang, args.json)
}

/// Writes `bytes` to `out`.
fn write_all(out: &mut dyn Write, bytes: &[u8]) -> Result<Outcome> {
    out.write_all(bytes).map_err(Error::stdout)?;
    Ok(Outcome::Found)
}
