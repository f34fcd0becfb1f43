//! The command line as a user runs it: kanbao started as a command (`support::cli`,
//! `assert_cmd`), its output, JSON, exit codes, clear errors, the files it writes and the
//! config file. One test binary, a module per topic; docs/architecture.md §6 says which group
//! a new test file joins and how. The runner and fixture writer the first modules
//! (`bad_data` … `queries`) share are here.

#[path = "../support/mod.rs"]
mod support;

mod bad_data;
mod changed_since_indexed;
mod cli_help;
mod cli_placement;
mod commands;
mod config;
mod config_ways_out;
mod date_words;
mod dates;
mod errors;
mod export_byline;
mod export_empty_fields;
mod export_json_report;
mod export_no_overwrite;
mod export_note_block;
mod export_paragraph_numbers;
mod export_report;
mod export_unstated_last;
mod hostile;
mod import_cli;
mod import_output;
mod index_cli;
mod index_lock;
mod joined_parts;
mod load_faults;
mod operators;
mod or_snippets;
mod output;
mod queries;
mod review;
mod search_keys_config;
mod search_rows;
mod show_unnumbered;
mod state;
mod state_damaged_cli;
mod tags_config;
mod two_syllables;
mod wide_operators;

use std::path::Path;

fn kanbao(args: &[&str]) -> std::process::Output {
    support::cli::kanbao_as("cli", args)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path.display().to_string()
}
