//! The `kanbao` binary: parse the command line, dispatch, map errors to exit codes.

use std::io::{IsTerminal, Write};
use std::mem::ManuallyDrop;
use std::process::ExitCode;

use clap::parser::ValueSource;
use clap::{ArgMatches, CommandFactory, FromArgMatches};

use kanbao::article::{Article, Collection};
use kanbao::cli::{AmbiguousArg, Cli, Command, LangArg};
use kanbao::commands::{self, Outcome};
use kanbao::config;
use kanbao::error::Error;
use kanbao::filter::DistrictFilter;
use kanbao::i18n::{self, Lang};
use kanbao::layout::{AmbiguousWidth, LayoutOptions, cut_to_width, sanitize, sanitize_lines};
use kanbao::load;
use kanbao::settings::{Ambiguous, Layer, Settings, StatePlace};
use kanbao::state::{Access, StateStore};
use kanbao::tui::{self, Config};

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let settings = resolve(&cli, &matches);
    // Until the settings are known (a config file that cannot be read), the command line's.
    let lang = settings.as_ref().map_or(lang_of(&cli), |s| s.lang.value);
    // Buffered, not locked: the reader's signal and panic handlers must be able to write to
    // stdout to restore the terminal while `run` is still going.
    let mut stdout = std::io::BufWriter::new(std::io::stdout());
    let ran = settings.and_then(|settings| run(cli, &settings, &mut stdout));
    match ran.and_then(|o| flush(&mut stdout).map(|()| o)) {
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

fn load(settings: &Settings) -> kanbao::error::Result<ManuallyDrop<Collection>> {
    // Never dropped, on purpose: the process ends right after the command and the OS takes
    // the memory back at once, where freeing 100k articles' strings one by one costs ~0.3 s.
    load::load_paths(&settings.data.value).map(|(collection, _)| ManuallyDrop::new(collection))
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
        if !std::io::stdout().is_terminal() {
            return Err(Error::NoTerminal);
        }
        return reader(&cli, settings).map(|()| Outcome::Found);
    };
    match command {
        Command::List(args) => {
            let collection = load(settings)?;
            let filter = DistrictFilter::parse(&args.district)?;
            let (state, key) = if args.bookmarked || args.unread {
                reading_state(settings)?
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
            let collection = load(settings)?;
            let article = collection
                .get(&args.id)
                .ok_or_else(|| Error::UnknownId(args.id.clone()))?;
            let width = args.width.unwrap_or_else(terminal_width);
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
            commands::show(out, article, width, &options, args.json)
        }
        Command::Search(args) => {
            let collection = load(settings)?;
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
            let collection = load(settings)?;
            commands::districts(out, &collection, lang, args.json)
        }
        Command::Export(args) => {
            let collection = load(settings)?;
            let filter = DistrictFilter::parse(&args.district)?;
            let mut articles = commands::filtered(&collection, &filter);
            if args.bookmarked {
                let (state, key) = reading_state(settings)?;
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
        Command::Config(args) => {
            let text = if args.default {
                config::template::template(lang, settings.config.path.as_deref())
            } else {
                config::show::describe(settings, lang)
            };
            flush_text(out, &text)
        }
    }
}

/// Opens the reader (the command-less invocation).
fn reader(cli: &Cli, settings: &Settings) -> kanbao::error::Result<()> {
    let lang = settings.lang.value;
    // A big archive takes a moment: say so on the terminal, then erase the line before the
    // reader takes the screen (or an error is printed), so that it leaves no trace.
    let note = settings
        .first_data()
        .filter(|_| std::io::stderr().is_terminal());
    if let Some(path) = note {
        // One row at most (a wrapped line would not be erased whole); ambiguous characters
        // counted wide, in case the terminal draws them so.
        let columns = ratatui::crossterm::terminal::size().map_or(0, |(w, _)| usize::from(w));
        let line = i18n::loading(lang, &sanitize(&path.display().to_string()));
        let line = cut_to_width(&line, columns.saturating_sub(1), AmbiguousWidth::Wide);
        eprint!("{line}");
    }
    let loaded = load::load_paths(&settings.data.value);
    if note.is_some() {
        eprint!("\r\x1b[2K");
    }
    let (collection, _) = loaded?;
    let config = Config {
        settings: settings.clone(),
        filter: DistrictFilter::parse(&cli.reader.district)?,
        query: cli.reader.query.clone().unwrap_or_default(),
    };
    tui::run(collection, config)
}

/// The reading state for the command line, with its source key: opened read-only, so
/// nothing is locked, written or moved aside. Warnings (a damaged file, left as it is) go
/// to stderr and reading goes on; something that is not a state file at the path is an error.
fn reading_state(settings: &Settings) -> kanbao::error::Result<(StateStore, String)> {
    let key = settings.source_key();
    let path = match &settings.state.value {
        StatePlace::Off => return Ok((StateStore::disabled(), key)),
        StatePlace::File(path) => Some(path.clone()),
        StatePlace::Default => None,
    };
    let (store, warnings) = StateStore::open_with(path, Access::ReadOnly).map_err(Error::State)?;
    for warning in warnings {
        let text = i18n::warning_text(&warning, settings.lang.value);
        eprintln!("kanbao: {}", sanitize_lines(&text));
    }
    Ok((store, key))
}

/// Writes `text` to `out`.
fn flush_text(out: &mut dyn Write, text: &str) -> kanbao::error::Result<Outcome> {
    out.write_all(text.as_bytes()).map_err(|source| Error::Io {
        path: "<stdout>".into(),
        source,
    })?;
    Ok(Outcome::Found)
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
