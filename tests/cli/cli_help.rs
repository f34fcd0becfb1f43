//! `--help` of a command: its own options first, then, under their own heading, the options
//! every command takes (they were mixed in among the command's own), and no default for
//! the language or the ambiguous width that the config file may have changed.

use crate::support;

use support::cli::stdout;

fn help(args: &[&str]) -> String {
    let out = support::cli::kanbao_as("cli_help", args);
    assert!(out.status.success(), "{args:?}");
    stdout(&out)
}

/// Where `line` starts in `text`: a line that begins with it, after indentation.
fn line_at(text: &str, line: &str) -> usize {
    let mut at = 0;
    for l in text.split_inclusive('\n') {
        if l.trim_start().starts_with(line) {
            return at;
        }
        at += l.len();
    }
    panic!("{line:?} not in:\n{text}")
}

#[test]
fn a_commands_own_options_come_before_the_global_ones() {
    for (args, own) in [
        (&["search", "--help"][..], ["--sort", "--width"]),
        (&["list", "--help"][..], ["--district", "--since"]),
    ] {
        let text = help(args);
        let heading = line_at(&text, "Global options:");
        for option in own {
            assert!(
                line_at(&text, option) < heading,
                "{option} in {args:?}:\n{text}"
            );
        }
        for global in [
            "--data",
            "--state",
            "--no-state",
            "--no-index",
            "--lang",
            "--config",
        ] {
            assert!(
                line_at(&text, global) > heading,
                "{global} in {args:?}:\n{text}"
            );
        }
    }
}

#[test]
fn defaults_a_config_file_can_change_are_not_shown_as_fixed() {
    for args in [&["--help"][..], &["search", "--help"]] {
        let text = help(args);
        assert!(!text.contains("[default: zh]"), "{args:?}:\n{text}");
        assert!(
            text.contains("default: zh, or what the config file sets"),
            "{text}"
        );
    }
}
