//! The `kanbao` binary: parse the command line, dispatch, map errors to exit codes.

use std::io::{IsTerminal, Write};
use std::mem::ManuallyDrop;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use kanbao::article::Collection;
use kanbao::cli::{Cli, Command, LangArg};
use kanbao::commands::{self, Outcome};
use kanbao::error::Error;
use kanbao::filter::DistrictFilter;
use kanbao::i18n::Lang;
use kanbao::load;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut stdout = std::io::stdout().lock();
    match run(cli, &mut stdout).and_then(|o| flush(&mut stdout).map(|()| o)) {
        Ok(Outcome::Found) => ExitCode::SUCCESS,
        Ok(Outcome::NothingFound) => ExitCode::from(1),
        // A closed pipe (`kanbao list | head`) is the reader saying "enough": end quietly.
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("kanbao: {e}");
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

fn run(cli: Cli, out: &mut dyn Write) -> kanbao::error::Result<Outcome> {
    let lang = match cli.lang {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    };
    let Some(command) = &cli.command else {
        if !std::io::stdout().is_terminal() {
            return Err(Error::Usage(
                "the reader needs a terminal; to print articles use `kanbao list` or `kanbao show ID`"
                    .into(),
            ));
        }
        return Err(Error::Usage(
            "the reader is not built yet; use `kanbao list`".into(),
        ));
    };
    match command {
        Command::List(args) => {
            let collection = load(&cli)?;
            let filter = DistrictFilter::parse(&args.district)?;
            let articles = commands::filtered(&collection, &filter);
            commands::list(out, &articles, lang, args.json)
        }
        Command::Show(args) => {
            let collection = load(&cli)?;
            let article = collection
                .get(&args.id)
                .ok_or_else(|| Error::UnknownId(args.id.clone()))?;
            let width = args.width.unwrap_or_else(terminal_width);
            commands::show(out, article, width, lang, args.json)
        }
        Command::Search(args) => {
            let collection = load(&cli)?;
            let filter = DistrictFilter::parse(&args.district)?;
            let articles = commands::filtered(&collection, &filter);
            commands::search(out, &articles, &args.query, args.width, args.json)
        }
        Command::Districts(args) => {
            let collection = load(&cli)?;
            commands::districts(out, &collection, lang, args.json)
        }
        Command::Export(args) => {
            let collection = load(&cli)?;
            let filter = DistrictFilter::parse(&args.district)?;
            let articles = commands::filtered(&collection, &filter);
            commands::export(out, &collection, &articles, args.format, lang)
        }
        Command::Import(args) => commands::import(out, args),
        Command::Check(args) => commands::check(out, &args.path, lang),
        Command::Completions(args) => {
            clap_complete::generate(args.shell, &mut Cli::command(), "kanbao", out);
            Ok(Outcome::Found)
        }
    }
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
