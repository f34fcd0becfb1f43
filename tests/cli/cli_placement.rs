//! Where options go on the command line: the reader's own options (`--district`, `--query`,
//! `--since` …) typed before a command used to be taken as the reader's and silently
//! ignored (`kanbao --district 朝阳 list` listed every district, exit 0); they are a usage
//! error naming the option. Global options work on either side of the command, and the
//! mouse settings before it (tests/cli/config.rs: `kanbao --no-mouse config`).

use crate::support;

use support::cli::{stderr, stdout};

fn kanbao(args: &[&str]) -> std::process::Output {
    support::cli::kanbao_as("cli_placement", args)
}

/// `args` fail with exit status 2, print nothing, and say `said` on stderr.
fn refused(args: &[&str], said: &[&str]) {
    let out = kanbao(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?} printed {}", stdout(&out));
    let err = stderr(&out);
    for part in said {
        assert!(err.contains(part), "{args:?}: {part:?} not in {err:?}");
    }
}

#[test]
fn an_option_of_the_command_before_it_is_refused_saying_where_it_goes() {
    refused(
        &["--district", "朝阳", "list"],
        &["--district", "list", "kanbao list --district"],
    );
    refused(&["--since", "2024-13", "list"], &["--since", "命令之后"]);
    refused(
        &["--lang", "en", "--query", "zzzzqqq", "list"],
        &["--query", "put it after the command", "kanbao list --query"],
    );
    refused(
        &["--until", "2024", "search", "工会"],
        &["--until", "search"],
    );
}

#[test]
fn an_option_only_the_reader_has_is_refused_before_a_command() {
    refused(&["--fresh", "list"], &["--fresh", "阅读器"]);
    refused(
        &["--lang", "en", "--fresh", "districts"],
        &["--fresh", "only for the reader", "districts"],
    );
    refused(&["--query", "工会", "show", "1"], &["--query", "show"]);
}

#[test]
fn global_options_work_on_either_side_of_the_command() {
    let before = kanbao(&["--lang", "en", "--no-index", "list", "--district", "朝阳"]);
    let after = kanbao(&["list", "--district", "朝阳", "--lang", "en", "--no-index"]);
    assert_eq!(before.status.code(), Some(0), "{}", stderr(&before));
    assert_eq!(stdout(&before), stdout(&after));
    assert_eq!(stdout(&before).lines().count(), 1);
}
