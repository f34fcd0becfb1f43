//! The `kanbao` binary: parse the command line, dispatch, map errors to exit codes.

use std::io::{IsTerminal, Write};
use std::mem::ManuallyDrop;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use kanbao::article::{Article, Collection};
use kanbao::cli::{AmbiguousArg, Cli, Command, LangArg};
use kanbao::commands::{self, Outcome};
use kanbao::error::Error;
use kanbao::filter::DistrictFilter;
use kanbao::i18n::{self, Lang};
use kanbao::index;
use kanbao::layout::{AmbiguousWidth, LayoutOptions, cut_to_width, sanitize, sanitize_lines};
use kanbao::load;
use kanbao::state::{self, StateStore};
use kanbao::tui::{self, AmbiguousChoice, Config};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = lang_of(&cli);
    // Buffered, not locked: the reader's signal and panic handlers must be able to write to
    // stdout to restore the terminal while `run` is still going.
    let mut stdout = std::io::BufWriter::new(std::io::stdout());
    match run(cli, &mut stdout).and_then(|o| flush(&mut stdout).map(|()| o)) {
        Ok(Outcome::Found) => ExitCode::SUCCESS,
        Ok(Outcome::NothingFound) => ExitCode::from(1),
        // A closed pipe (`kanbao list | head`) is the reader saying "enough": end quietly.
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            // Messages quote ids, names and paths from the data: shown, never obeyed.
            eprintln!("kanbao: {}", sanitize_lines(&i18n::error_text(&e, lang)));
            ExitCode::from(2)
        }
    }
}

fn flush(out: &mut dyn Write) -> kanbao::error::Result<()> {
    out.flush().map_err(|source| Error::Io {
        path: "<stdout>".into(),
        source,
    })
}

fn load(cli: &Cli) -> kanbao::error::Result<ManuallyDrop<Collection>> {
    // Never dropped, on purpose: the process ends right after the command and the OS takes
    // the memory back at once, where freeing 100k articles' strings one by one costs ~0.3 s.
    load::load(cli.data.as_deref()).map(|(collection, _)| ManuallyDrop::new(collection))
}

/// The language chosen with `--lang`.
fn lang_of(cli: &Cli) -> Lang {
    match cli.lang {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    }
}

fn run(cli: Cli, out: &mut dyn Write) -> kanbao::error::Result<Outcome> {
    let lang = lang_of(&cli);
    let Some(command) = &cli.command else {
        if !std::io::stdout().is_terminal() {
            return Err(Error::NoTerminal);
        }
        return reader(&cli, lang).map(|()| Outcome::Found);
    };
    match command {
        Command::List(args) => {
            if let Some(archive) = indexed(&cli) {
                return list_indexed(&cli, args, &archive, out);
            }
            let collection = load(&cli)?;
            let filter = DistrictFilter::parse(&args.district)?;
            let (state, key) = if args.bookmarked || args.unread {
                reading_state(&cli)
            } else {
                (StateStore::disabled(), String::new())
            };
            let keep = |a: &Article| {
                filter.matches(a)
                    && (!args.bookmarked || state.is_bookmarked(&key, &a.id))
                    && (!args.unread || !state.is_read(&key, &a.id))
            };
            let articles: Vec<&Article> = match &args.query {
                Some(query) => commands::matching(&collection, keep, query)
                    .into_iter()
                    .map(|(a, _)| a)
                    .collect(),
                None => collection.articles.iter().filter(|a| keep(a)).collect(),
            };
            commands::list(out, &articles, lang, args.json)
        }
        Command::Show(args) => {
            let archive = indexed(&cli);
            let collection = match archive {
                Some(_) => ManuallyDrop::new(Collection::default()),
                None => load(&cli)?,
            };
            let width = args.width.unwrap_or_else(terminal_width);
            let options = LayoutOptions {
                ambiguous: match cli.ambiguous_width {
                    AmbiguousArg::Two => AmbiguousWidth::Wide,
                    // Printing to a pipe has no terminal to ask; one column is the default.
                    AmbiguousArg::One | AmbiguousArg::Auto => AmbiguousWidth::Narrow,
                },
                lang,
            };
            if let Some(archive) = &archive {
                return index::run::show(out, archive, &args.id, width, &options, args.json);
            }
            let article = collection
                .get(&args.id)
                .ok_or_else(|| Error::UnknownId(args.id.clone()))?;
            commands::show(out, article, width, &options, args.json)
        }
        Command::Search(args) => {
            if let Some(archive) = indexed(&cli) {
                let filter = DistrictFilter::parse(&args.district)?;
                return index::run::search(
                    out,
                    &archive,
                    &filter,
                    &args.query,
                    args.width,
                    args.json,
                );
            }
            let collection = load(&cli)?;
            let filter = DistrictFilter::parse(&args.district)?;
            commands::search(
                out,
                &collection,
                &filter,
                &args.query,
                args.width,
                args.json,
            )
        }
        Command::Districts(args) => {
            if let Some(archive) = indexed(&cli) {
                return index::run::districts(out, &archive, lang, args.json);
            }
            let collection = load(&cli)?;
            commands::districts(out, &collection, lang, args.json)
        }
        Command::Export(args) => {
            let collection = load(&cli)?;
            let filter = DistrictFilter::parse(&args.district)?;
            let mut articles = commands::filtered(&collection, &filter);
            if args.bookmarked {
                let (state, key) = reading_state(&cli);
                articles.retain(|a| state.is_bookmarked(&key, &a.id));
            }
            commands::export(out, &collection, &articles, args.format, lang)
        }
        Command::Import(args) => commands::import(out, args),
        Command::Check(args) => commands::check(out, &args.path, lang),
        Command::Completions(args) => {
            clap_complete::generate(args.shell, &mut Cli::command(), "kanbao", out);
            Ok(Outcome::Found)
        }
        Command::Index(args) => index_command(&args.path, lang),
    }
}

/// Opens the reader (the command-less invocation).
fn reader(cli: &Cli, lang: Lang) -> kanbao::error::Result<()> {
    // A big archive takes a moment: say so on the terminal, then erase the line before the
    // reader takes the screen (or an error is printed), so that it leaves no trace.
    let note = cli
        .data
        .as_deref()
        .filter(|_| std::io::stderr().is_terminal());
    if let Some(path) = note {
        // One row at most (a wrapped line would not be erased whole); ambiguous characters
        // counted wide, in case the terminal draws them so.
        let columns = ratatui::crossterm::terminal::size().map_or(0, |(w, _)| usize::from(w));
        let line = i18n::loading(lang, &sanitize(&path.display().to_string()));
        let line = cut_to_width(&line, columns.saturating_sub(1), AmbiguousWidth::Wide);
        eprint!("{line}");
    }
    let loaded = load::load(cli.data.as_deref());
    if note.is_some() {
        eprint!("\r\x1b[2K");
    }
    let (collection, _) = loaded?;
    let ambiguous = match cli.ambiguous_width {
        AmbiguousArg::One => AmbiguousChoice::Fixed(AmbiguousWidth::Narrow),
        AmbiguousArg::Two => AmbiguousChoice::Fixed(AmbiguousWidth::Wide),
        AmbiguousArg::Auto => AmbiguousChoice::Probe,
    };
    let config = Config {
        lang,
        ambiguous,
        filter: DistrictFilter::parse(&cli.reader.district)?,
        query: cli.reader.query.clone().unwrap_or_default(),
        state: cli.state.clone(),
        no_state: cli.no_state,
        mouse: cli.reader.mouse,
        source: state::source_key(cli.data.as_deref()),
    };
    tui::run(collection, config)
}

/// The reading state for the command line (read-only use), with its source key.
/// Warnings (a corrupt file moved aside) go to stderr; reading goes on.
fn reading_state(cli: &Cli) -> (StateStore, String) {
    let key = state::source_key(cli.data.as_deref());
    if cli.no_state {
        return (StateStore::disabled(), key);
    }
    let (store, warnings) = StateStore::open(cli.state.clone());
    for warning in warnings {
        let text = i18n::warning_text(&warning, lang_of(cli));
        eprintln!("kanbao: {}", sanitize_lines(&text));
    }
    (store, key)
}

/// The terminal's width when stdout is one, else 80.
fn terminal_width() -> usize {
    if std::io::stdout().is_terminal()
        && let Ok((cols, _)) = crossterm::terminal::size()
    {
        return usize::from(cols).max(commands::MIN_SHOW_WIDTH);
    }
    80
}

/// The archive of `--data` through its index, when it has a usable one and `--no-index` is
/// not given. Notes (a damaged index rebuilt, an unusable cache) go to stderr.
fn indexed(cli: &Cli) -> Option<index::Archive> {
    let path = cli.data.as_deref().filter(|_| !cli.no_index)?;
    let mut notes = Vec::new();
    let archive = index::open(path, &mut notes);
    for note in &notes {
        let text = i18n::index_note(note, lang_of(cli));
        eprintln!("kanbao: {}", sanitize_lines(&text));
    }
    archive
}

/// `kanbao list` through the index.
fn list_indexed(
    cli: &Cli,
    args: &kanbao::cli::ListArgs,
    archive: &index::Archive,
    out: &mut dyn Write,
) -> kanbao::error::Result<Outcome> {
    let filter = DistrictFilter::parse(&args.district)?;
    let (state, key) = if args.bookmarked || args.unread {
        reading_state(cli)
    } else {
        (StateStore::disabled(), String::new())
    };
    let keep = |a: &Article| {
        filter.matches(a)
            && (!args.bookmarked || state.is_bookmarked(&key, &a.id))
            && (!args.unread || !state.is_read(&key, &a.id))
    };
    let query = args.query.as_deref();
    index::run::list(out, archive, &keep, query, lang_of(cli), args.json)
}

/// `kanbao index PATH`: builds or brings up to date the index of a file or folder, with
/// progress on stderr (a bar on a terminal, a line per file otherwise).
fn index_command(path: &std::path::Path, lang: Lang) -> kanbao::error::Result<Outcome> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let root = index::cache::root()
        .ok_or_else(|| io(std::io::Error::other("no cache folder (is HOME set?)")))?;
    let files = index::data_files(path).map_err(io)?.len();
    let tty = std::io::stderr().is_terminal();
    let start = std::time::Instant::now();
    let mut last = std::time::Instant::now();
    let mut notes = Vec::new();
    let mut show = |n: usize, _: &std::path::Path, p: index::Progress| {
        let done = p.bytes >= p.total;
        if !done && (!tty || last.elapsed().as_millis() < 100) {
            return;
        }
        last = std::time::Instant::now();
        let secs = start.elapsed().as_secs_f64().max(1e-3);
        let mb = p.bytes as f64 / 1e6;
        let line = i18n::index_progress(lang, (n + 1, files), p.articles, mb, mb / secs);
        if tty {
            let width = 20usize;
            let filled = (p.bytes.min(p.total) * width as u64 / p.total.max(1)) as usize;
            let bar = format!("[{}{}]", "#".repeat(filled), ".".repeat(width - filled));
            eprint!("\r\x1b[2K{bar} {line}");
            if done {
                eprintln!();
            }
        } else {
            eprintln!("{line}");
        }
    };
    let report = index::update(&root, path, &mut notes, &mut show);
    for note in &notes {
        eprintln!("kanbao: {}", sanitize_lines(&i18n::index_note(note, lang)));
    }
    match report {
        Ok(report) => {
            let secs = start.elapsed().as_secs_f64();
            eprintln!("{}", i18n::index_done(lang, &report, secs));
            Ok(Outcome::Found)
        }
        // Bad data: loading names the exact place and problem.
        Err(index::BuildError::Data(reason)) => {
            load::load(Some(path))?;
            Err(io(std::io::Error::other(reason)))
        }
        Err(index::BuildError::Io(e)) => Err(io(e)),
        Err(e) => Err(io(std::io::Error::other(e.to_string()))),
    }
}
