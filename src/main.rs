//! The `kanbao` binary: parse the command line, resolve the settings, run (see
//! [`kanbao::dispatch`]), map the outcome and errors to exit codes.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::parser::ValueSource;
use clap::{ArgMatches, CommandFactory, FromArgMatches};

use kanbao::cli::{AmbiguousArg, Cli, Command, LangArg};
use kanbao::commands::Outcome;
use kanbao::config;
use kanbao::dispatch;
use kanbao::error::Error;
use kanbao::i18n::Lang;
use kanbao::layout::sanitize_lines;
use kanbao::settings::{Ambiguous, Layer, Settings, StatePlace};

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
    let ran = settings.and_then(|settings| {
        // A command's output would be lost (the reader checks its terminal itself).
        if prints(&cli) && stdout_closed() {
            return Err(Error::StdoutClosed);
        }
        let terminal = dispatch::Terminal {
            reader: kanbao::tui::start::run,
            show_width: kanbao::tui::terminal::show_width,
        };
        dispatch::run(&cli, &settings, &mut stdout, &terminal)
    });
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

fn flush(out: &mut dyn Write) -> kanbao::error::Result<()> {
    out.flush().map_err(Error::stdout)
}

/// Whether the command prints to standard output (all but the reader and `import -o`).
fn prints(cli: &Cli) -> bool {
    match &cli.command {
        None => false,
        Some(Command::Import(args)) => args.output.is_none(),
        Some(_) => true,
    }
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
            .map_err(Error::stdout)
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
