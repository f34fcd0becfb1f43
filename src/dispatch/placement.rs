//! The reader's options typed before a command (`kanbao --district 朝阳 list`): clap takes
//! them as the reader's, and the command never sees them, so they are refused, named, with
//! where they go. Global options (`--data`, `--lang` …) go on either side of the command;
//! `--mouse` and `--no-mouse`, settings like `--lang` (`kanbao --no-mouse config` shows
//! them in force), are taken before any command, as they always were.

use clap::CommandFactory;

use crate::cli::{Cli, Command};
use crate::error::{Error, Result};

/// The reader's options given on the command line, by their long names, in the order
/// `kanbao --help` lists them: those a command would not see (all but the mouse settings).
fn reader_options(cli: &Cli) -> Vec<&'static str> {
    let r = &cli.reader;
    [
        ("--district", !r.district.is_empty()),
        ("--query", r.query.is_some()),
        ("--since", r.since.is_some()),
        ("--until", r.until.is_some()),
        ("--fresh", r.fresh),
    ]
    .into_iter()
    .filter_map(|(name, given)| given.then_some(name))
    .collect()
}

/// The command's name as typed.
fn name(command: &Command) -> &'static str {
    match command {
        Command::List(_) => "list",
        Command::Show(_) => "show",
        Command::Search(_) => "search",
        Command::Districts(_) => "districts",
        Command::Export(_) => "export",
        Command::Import(_) => "import",
        Command::Check(_) => "check",
        Command::Completions(_) => "completions",
        Command::Config(_) => "config",
        Command::Index(_) => "index",
        Command::Note(_) => "note",
        Command::Tag(_) => "tag",
        Command::Timeline(_) => "timeline",
    }
}

/// Refuses an option of the reader given with `command` (it can only have been typed
/// before the command).
///
/// # Errors
/// [`Error::MisplacedOption`] for the first such option, saying whether the command takes
/// it after its name.
pub fn check(cli: &Cli, command: &Command) -> Result<()> {
    let Some(option) = reader_options(cli).into_iter().next() else {
        return Ok(());
    };
    let command = name(command);
    let long = option.trim_start_matches('-');
    let takes = Cli::command()
        .find_subcommand(command)
        .is_some_and(|c| c.get_arguments().any(|a| a.get_long() == Some(long)));
    Err(Error::MisplacedOption {
        option,
        command,
        takes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn checked(args: &[&str]) -> Result<()> {
        let cli = Cli::try_parse_from(args).unwrap();
        match &cli.command {
            Some(command) => check(&cli, command),
            None => Ok(()),
        }
    }

    /// Every option that is not global (the reader's own) but the mouse settings is
    /// refused before a command: one added to the reader later cannot slip through.
    #[test]
    fn every_option_of_the_reader_is_refused_before_a_command() {
        let cli = Cli::command();
        let reader = cli
            .get_arguments()
            .filter(|a| !a.is_global_set() && a.get_long().is_some())
            .filter(|a| {
                !matches!(
                    a.get_long(),
                    Some("help" | "version" | "mouse" | "no-mouse")
                )
            });
        let mut seen = 0;
        for arg in reader {
            let option = format!("--{}", arg.get_long().unwrap());
            let mut args = vec!["kanbao", option.as_str()];
            if arg.get_action().takes_values() {
                args.push("2024");
            }
            args.push("districts");
            assert!(
                matches!(checked(&args), Err(Error::MisplacedOption { option: o, .. }) if o == option),
                "{option} before a command"
            );
            assert_eq!(
                checked(&args[..args.len() - 1]).ok(),
                Some(()),
                "{option} alone"
            );
            seen += 1;
        }
        assert_eq!(seen, 5);
    }

    #[test]
    fn the_error_says_whether_the_command_takes_the_option() {
        let takes = |args: &[&str]| match checked(args) {
            Err(Error::MisplacedOption { takes, .. }) => Some(takes),
            _ => None,
        };
        assert_eq!(takes(&["kanbao", "--district", "朝阳", "list"]), Some(true));
        assert_eq!(takes(&["kanbao", "--since", "2024-13", "list"]), Some(true));
        assert_eq!(takes(&["kanbao", "--fresh", "list"]), Some(false));
        assert_eq!(takes(&["kanbao", "--query", "q", "show", "1"]), Some(false));
        // Global options go on either side.
        assert_eq!(
            takes(&["kanbao", "--lang", "en", "--no-index", "list"]),
            None
        );
        assert_eq!(takes(&["kanbao", "list", "--district", "朝阳"]), None);
        assert_eq!(takes(&["kanbao", "--no-mouse", "config"]), None);
    }
}
