//! The `kanbao` binary: parse the command line, dispatch, map errors to exit codes.

use std::io::{IsTerminal, Write};
use std::mem::ManuallyDrop;
use std::path::Path;
use std::process::ExitCode;

use clap::parser::ValueSource;
use clap::{ArgMatches, CommandFactory, FromArgMatches};

use kanbao::article::Article;
use kanbao::cli::{AmbiguousArg, Cli, Command, LangArg};
use kanbao::collection::Collection;
use kanbao::commands::{self, Outcome};
use kanbao::config;
use kanbao::date::DateRange;
use kanbao::error::Error;
use kanbao::export;
use kanbao::filter::{DistrictFilter, Filter, Keep};
use kanbao::i18n::{self, Conditions, Lang};
use kanbao::index;
use kanbao::layout::{AmbiguousWidth, LayoutOptions, cut_to_width, sanitize, sanitize_lines};
use kanbao::load;
use kanbao::review::cli::Target;
use kanbao::review::{self, state::archive_source, state::reading_state, state::source_of};
use kanbao::search::{Query, QueryError};
use kanbao::settings::{Ambiguous, Layer, Settings, StatePlace};
use kanbao::state::SourceId;
use kanbao::tui::{self, Config};

fn main() -> ExitCode {
    let matches = match Cli::command().try_get_matches() {
        Ok(matches) => matches,
        Err(e) => return clap_exit(&e),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    let settings = resolve(&cli, &matches);
    // Until the settings are known (a config file that cannot be read), the command line's.
    let lang = settings.as_ref().map_or(lang_of(&cli), |s| s.lang.value);
    // Buffered, not locked: the reader's signal and panic handlers must be able to write to
    // stdout to restore the terminal while `run` is still going.
    let mut stdout = std::io::BufWriter::new(std::io::stdout());
    let ran = settings.and_then(|settings| run(cli, &settings, &mut stdout));
    let result = ran.and_then(|o| flush(&mut stdout).map(|()| o));
    exit_code(result, lang)
}

/// The exit status of a command's result (0 found, 1 nothing found, 2 error), saying the
/// error on stderr.
fn exit_code(result: kanbao::error::Result<Outcome>, lang: Lang) -> ExitCode {
    match result {
        Ok(Outcome::Found) => ExitCode::SUCCESS,
        Ok(Outcome::NothingFound) => ExitCode::from(1),
        // A closed pipe (`kanbao list | head`) is the reader saying "enough": end quietly.
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            // Messages quote ids, names and paths from the data: shown, never obeyed.
            eprintln!(
                "kanbao: {}",
                sanitize_lines(&kanbao::error::error_text(&e, lang))
            );
            ExitCode::from(2)
        }
    }
}

/// A write to standard output failed.
fn stdout_error(source: std::io::Error) -> Error {
    Error::Io {
        path: i18n::STDOUT.into(),
        source,
    }
}

fn flush(out: &mut dyn Write) -> kanbao::error::Result<()> {
    out.flush().map_err(stdout_error)
}

/// What clap stopped for: a usage error (on stderr, exit 2, as clap does), or help and
/// version, printed here so that a failed write is an error (exit 2 with a message) like
/// any other command's, not a silent success.
fn clap_exit(e: &clap::Error) -> ExitCode {
    if e.use_stderr() {
        // stderr is where the message goes; if that fails there is nowhere to say so.
        let _ = e.print();
        return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
    }
    // The command line did not parse, so `--lang` is looked for by hand.
    let args: Vec<String> = std::env::args().collect();
    let en = args.windows(2).any(|w| w[0] == "--lang" && w[1] == "en")
        || args.iter().any(|a| a == "--lang=en");
    let lang = if en { Lang::En } else { Lang::Zh };
    let result = if stdout_closed() {
        Err(Error::StdoutClosed)
    } else {
        // clap colours the help for a terminal only (and heeds NO_COLOR).
        e.print()
            .and_then(|()| std::io::stdout().flush())
            .map(|()| Outcome::Found)
            .map_err(stdout_error)
    };
    exit_code(result, lang)
}

/// Whether standard output was closed when kanbao started (`kanbao export >&-`). The Rust
/// runtime puts `/dev/null` in the place of a closed standard stream, opened read-write, so
/// writes would succeed and the output vanish with exit status 0. A shell's `> /dev/null`
/// (or `Stdio::null()`) opens it write-only, so it is told apart by the access mode; a
/// program that hands kanbao a read-write `/dev/null` (as `daemon(3)` does) is taken for a
/// closed one too, which only turns a lost output into an error.
fn stdout_closed() -> bool {
    if !cfg!(target_os = "linux") {
        return false;
    }
    let null = std::fs::read_link("/proc/self/fd/1").is_ok_and(|t| t == Path::new("/dev/null"));
    null && std::fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
        info.lines()
            .find_map(|l| l.strip_prefix("flags:"))
            .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
            .is_some_and(|flags| flags & 0o3 == 0o2)
    })
}

/// Parses a query typed on the command line: a blank one or one over the limits is an error.
fn query_of(text: &str) -> kanbao::error::Result<Query> {
    Query::try_parse(text).map_err(Error::Query)
}

/// Says on stderr which conditions nothing met, when nothing did.
fn tell_nothing(outcome: Outcome, lang: Lang, conditions: &Conditions<'_>) -> Outcome {
    if outcome == Outcome::NothingFound {
        let text = i18n::nothing_matched(lang, conditions);
        eprintln!("kanbao: {}", sanitize_lines(&text));
    }
    outcome
}

fn load(settings: &Settings) -> kanbao::error::Result<ManuallyDrop<Collection>> {
    // Never dropped, on purpose: the process ends right after the command and the OS takes
    // the memory back at once, where freeing 100k articles' strings one by one costs ~0.3 s.
    let (collection, _, undated) = load::load_paths_counted(&settings.data.value)?;
    warn_undated(undated, settings.lang.value);
    Ok(ManuallyDrop::new(collection))
}

/// The one warning for articles kept undated because their date is not a real day.
fn warn_undated(count: usize, lang: Lang) {
    if count > 0 {
        eprintln!("kanbao: {}", i18n::undated_warning(lang, count));
    }
}

/// The language chosen with `--lang`.
fn lang_of(cli: &Cli) -> Lang {
    match cli.lang {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    }
}

/// What the command line says about the settings: only what was typed (a default of clap's
/// leaves the word to the environment and the config file).
fn cli_layer(cli: &Cli, matches: &ArgMatches) -> Layer {
    let typed = |id: &str| matches.value_source(id) == Some(ValueSource::CommandLine);
    let state = match (&cli.state, cli.no_state) {
        (_, true) => Some(StatePlace::Off),
        (Some(path), false) => Some(StatePlace::File(path.clone())),
        (None, false) => None,
    };
    Layer {
        data: cli.data.clone().map(|path| vec![path]),
        lang: typed("lang").then(|| lang_of(cli)),
        ambiguous_width: typed("ambiguous_width").then_some(match cli.ambiguous_width {
            AmbiguousArg::One => Ambiguous::One,
            AmbiguousArg::Two => Ambiguous::Two,
            AmbiguousArg::Auto => Ambiguous::Auto,
        }),
        mouse: match (cli.reader.mouse, cli.reader.no_mouse) {
            (true, _) => Some(true),
            (false, true) => Some(false),
            (false, false) => None,
        },
        state,
        ..Layer::default()
    }
}

/// The settings, resolved once from the command line, the environment and the config file.
/// `config --default` reads no config file: it is what one asks for to mend a broken one.
fn resolve(cli: &Cli, matches: &ArgMatches) -> kanbao::error::Result<Settings> {
    let layer = cli_layer(cli, matches);
    if let Some(Command::Config(args)) = &cli.command
        && args.default
    {
        let source = config::locate(cli.config.clone(), std::env::var_os(config::ENV_CONFIG));
        return Ok(Settings::resolve(
            layer,
            Layer::default(),
            Layer::default(),
            source,
        ));
    }
    config::settings(layer, cli.config.clone())
}

fn run(cli: Cli, settings: &Settings, out: &mut dyn Write) -> kanbao::error::Result<Outcome> {
    let lang = settings.lang.value;
    let Some(command) = &cli.command else {
        tui::check_terminal()?;
        // A blank query opens the reader on every article; one over the limits is refused.
        match cli.reader.query.as_deref().map(Query::try_parse) {
            Some(Err(e)) if e != QueryError::Empty => return Err(Error::Query(e)),
            _ => {}
        }
        date_range(&cli.reader.since, &cli.reader.until)?;
        if !std::io::stdout().is_terminal() {
            return Err(Error::NoTerminal);
        }
        return reader(&cli, settings).map(|()| Outcome::Found);
    };
    let prints = !matches!(command, Command::Import(args) if args.output.is_some());
    if prints && stdout_closed() {
        return Err(Error::StdoutClosed);
    }
    match command {
        Command::List(args) => {
            let query = args.query.as_deref().map(query_of).transpose()?;
            if let Some(archive) = indexed(&cli, settings) {
                let outcome = list_indexed(settings, args, query.as_ref(), &archive, out)?;
                let range = dates_given(&args.since, &args.until)?;
                let conditions = Conditions {
                    districts: &args.district,
                    query: args.query.as_deref(),
                    bookmarked: args.bookmarked,
                    unread: args.unread,
                    tags: &args.tag,
                    dates: range.as_deref(),
                };
                return Ok(tell_nothing(outcome, lang, &conditions));
            }
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
            let outcome = commands::list(out, &articles, lang, args.json)?;
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
        Command::Show(args) => {
            let archive = indexed(&cli, settings);
            let collection = match archive {
                Some(_) => ManuallyDrop::new(Collection::default()),
                None => load(settings)?,
            };
            let width = args.width.unwrap_or_else(tui::terminal::show_width);
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
        Command::Search(args) => {
            let query = query_of(&args.query)?;
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
            // Through the index (`Ok`) or read whole once (`Err`): the state's key too.
            let data = match indexed(&cli, settings) {
                Some(archive) => Ok(archive),
                None => Err(load(settings)?),
            };
            let keep = keep_of(settings, filter, || match &data {
                Ok(archive) => archive_source(settings, archive),
                Err(whole) => Ok(source_of(settings, whole)),
            })?;
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
                query: Some(&args.query),
                bookmarked: args.bookmarked,
                dates: range.as_deref(),
                tags: &args.tag,
                ..Conditions::default()
            };
            let outcome = match &data {
                Ok(archive) => {
                    let query = query.clone().within(dates).in_districts(&districts);
                    index::run::search(out, archive, &keep, filtered, &query, how)?
                }
                Err(whole) => commands::search(out, whole, &keep, &query, how)?,
            };
            Ok(tell_nothing(outcome, lang, &conditions))
        }
        Command::Districts(args) => {
            let filter = Filter {
                dates: date_range(&args.since, &args.until)?,
                ..Filter::default()
            };
            let keep = |a: &Article| filter.matches(a);
            if let Some(archive) = indexed(&cli, settings) {
                return index::run::districts(out, &archive, filter.dates, lang, args.json);
            }
            let collection = load(settings)?;
            commands::districts(out, &collection, &keep, lang, args.json)
        }
        Command::Export(args) => {
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
                indexed(&cli, settings).map(ManuallyDrop::into_inner),
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
        Command::Import(args) => kanbao::import::run::run(out, args),
        Command::Check(args) => commands::check(out, &args.path, lang),
        Command::Completions(args) => {
            // clap_complete panics when its writer fails: it writes to memory, and the
            // script is written here, where a failure is an error like any other.
            let mut script = Vec::new();
            clap_complete::generate(args.shell, &mut Cli::command(), "kanbao", &mut script);
            out.write_all(&script).map_err(stdout_error)?;
            Ok(Outcome::Found)
        }
        Command::Config(args) => {
            let text = if args.default {
                config::template::template(lang, settings.config.path.as_deref())
            } else {
                config::show::describe(settings, lang)
            };
            flush_text(out, &text)
        }
        Command::Index(args) => index::run::index_command(&args.path, lang),
        Command::Note(args) => {
            review::cli::note(out, settings, &target(&cli, settings, &args.id)?, args)
        }
        Command::Tag(args) => {
            review::cli::tag(out, settings, &target(&cli, settings, &args.id)?, args)
        }
        Command::Timeline(args) => {
            let archive = indexed(&cli, settings);
            let loader = || load(settings);
            let tty = std::io::stdout().is_terminal();
            // `note:` in the query asks the reading state.
            let notes = args.query.as_deref().and_then(|q| Query::try_parse(q).ok());
            let marks = if notes.is_some_and(|q| !q.notes().is_empty()) {
                Some(reading_state(settings, || data_source(&cli, settings))?)
            } else {
                None
            };
            let marks = marks.as_ref().map(|(s, k)| (s, k.as_str()));
            let archive = archive.as_deref();
            let outcome = kanbao::timeline::command(out, args, archive, &loader, marks, tty, lang)?;
            let range = dates_given(&args.since, &args.until)?;
            let conditions = Conditions {
                districts: &args.district,
                query: args.query.as_deref(),
                dates: range.as_deref(),
                ..Conditions::default()
            };
            Ok(tell_nothing(outcome, lang, &conditions))
        }
    }
}

/// Opens the reader (the command-less invocation).
fn reader(cli: &Cli, settings: &Settings) -> kanbao::error::Result<()> {
    let lang = settings.lang.value;
    // An archive with an index is read through it: nothing is parsed whole (a large one is
    // indexed here on first use, on a screen that q, Esc and Ctrl-C leave).
    // The user's keys before the indexing screen: it tells a search typed there (kept for
    // the reader) from a way out as the reader would.
    kanbao::keys::set_user_bindings(&settings.keys);
    let Ok((archive, typed)) = tui::indexing::open(&settings.data.value, cli.no_index, lang) else {
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
            dates: date_range(&cli.reader.since, &cli.reader.until)?,
            ..Filter::from(DistrictFilter::parse(&cli.reader.district)?)
        },
        query: cli.reader.query.clone().unwrap_or_default(),
        fresh: cli.reader.fresh,
        typed: typed.events,
    };
    tui::run(collection, config)
}

/// The data's identity in the state store (through its index when it has one: from the
/// hashes of its ids, no article read).
fn data_source(cli: &Cli, settings: &Settings) -> kanbao::error::Result<kanbao::state::SourceId> {
    match indexed(cli, settings) {
        Some(archive) => archive_source(settings, &archive),
        None => {
            let collection = load(settings)?;
            Ok(source_of(settings, &collection))
        }
    }
}

/// The data's identity and whether it has the article `id` (`kanbao note`, `kanbao tag`).
fn target(cli: &Cli, settings: &Settings, id: &str) -> kanbao::error::Result<Target> {
    match indexed(cli, settings) {
        Some(archive) => Ok(Target {
            source: archive_source(settings, &archive)?,
            exists: archive.contains(id).unwrap_or(false),
        }),
        None => {
            let collection = load(settings)?;
            Ok(Target {
                source: source_of(settings, &collection),
                exists: collection.position(id).is_some(),
            })
        }
    }
}

/// Writes `text` to `out`.
fn flush_text(out: &mut dyn Write, text: &str) -> kanbao::error::Result<Outcome> {
    out.write_all(text.as_bytes()).map_err(stdout_error)?;
    Ok(Outcome::Found)
}

/// The archive of `--data` through its index (built on first use when large), unless
/// `--no-index` is given; never dropped, as the process ends with the command (`districts`
/// at 1M: 9.3 → 8.8 ms). Notes (a damaged index rebuilt...) go to stderr.
fn indexed(cli: &Cli, settings: &Settings) -> Option<ManuallyDrop<index::Archive>> {
    let lang = settings.lang.value;
    match settings.data.value.as_slice() {
        [one] if !cli.no_index => index::run::open_or_build(one, lang).map(ManuallyDrop::new),
        _ => None,
    }
}

/// `kanbao list` through the index.
fn list_indexed(
    settings: &Settings,
    args: &kanbao::cli::ListArgs,
    query: Option<&Query>,
    archive: &index::Archive,
    out: &mut dyn Write,
) -> kanbao::error::Result<Outcome> {
    let keep = list_filter(settings, args, query, || archive_source(settings, archive))?;
    let dates = keep.filter.dates;
    let keep = |a: &Article| keep.keeps(a);
    index::run::list(
        out,
        archive,
        &keep,
        dates,
        query,
        settings.lang.value,
        args.json,
    )
}

/// What `kanbao list` keeps, on either path.
fn list_filter(
    settings: &Settings,
    args: &kanbao::cli::ListArgs,
    query: Option<&Query>,
    source: impl FnOnce() -> kanbao::error::Result<SourceId>,
) -> kanbao::error::Result<Keep> {
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

/// The range of `--since` and `--until` (see [`kanbao::filter::date_options`]).
fn date_range(since: &Option<String>, until: &Option<String>) -> kanbao::error::Result<DateRange> {
    kanbao::filter::date_options(since.as_deref(), until.as_deref())
}

/// The range of `--since` and `--until` when either is given, as words (for "nothing
/// matched").
fn dates_given(s: &Option<String>, u: &Option<String>) -> kanbao::error::Result<Option<String>> {
    date_range(s, u).map(|r| (!r.is_all()).then(|| r.to_string()))
}

/// `filter` with the reading state it asks about: opened, read-only, only when a mark
/// (bookmarked, unread, tag) is asked for; `source` says which data it is.
fn keep_of(
    settings: &Settings,
    filter: Filter,
    source: impl FnOnce() -> kanbao::error::Result<SourceId>,
) -> kanbao::error::Result<Keep> {
    let marks = if filter.needs_marks() {
        Some(reading_state(settings, source)?)
    } else {
        None
    };
    Ok(Keep { filter, marks })
}
