//! The command line as a user runs it: output, JSON, exit codes and clear errors. The tests
//! are in modules by topic; the runner and fixture writer they share are here.

#[path = "../support/mod.rs"]
mod support;

mod bad_data;
mod commands;
mod errors;
mod output;
mod queries;

use std::path::Path;

fn kanbao(args: &[&str]) -> std::process::Output {
    support::cli::kanbao_as("cli", args)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path.display().to_string()
}
