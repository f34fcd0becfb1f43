//! The binary run as a command, with none of the user's settings: no config file, no
//! `KANBAO_*` environment, its own state and cache folders per test file, no colour.

use std::process::{Command, Output};

use assert_cmd::cargo::cargo_bin;
use serde_json::Value;

/// Runs `kanbao args`; `name` keeps this test file's state and cache apart from others'.
pub fn kanbao_as(name: &str, args: &[&str]) -> Output {
    let temp = std::env::temp_dir();
    Command::new(cargo_bin("kanbao"))
        .args(args)
        .env("NO_COLOR", "1")
        .env(
            "XDG_STATE_HOME",
            temp.join(format!("kanbao-{name}-test-state")),
        )
        .env("XDG_CONFIG_HOME", temp.join("kanbao-test-no-config"))
        .env(
            "XDG_CACHE_HOME",
            temp.join(format!("kanbao-{name}-test-cache")),
        )
        .env_remove("KANBAO_CONFIG")
        .env_remove("KANBAO_DATA")
        .env_remove("KANBAO_AUTO_INDEX")
        .output()
        .expect("run kanbao")
}

/// `kanbao --state dir/state.json`, with no config, state or cache of the user's (all under
/// `dir`), ready for its arguments.
pub fn kanbao_in(dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(cargo_bin("kanbao"));
    cmd.arg("--state")
        .arg(dir.join("state.json"))
        .env("NO_COLOR", "1")
        .env("XDG_STATE_HOME", dir.join("xdg-state"))
        .env("XDG_CACHE_HOME", dir.join("xdg-cache"))
        .env("XDG_CONFIG_HOME", dir.join("xdg-config"))
        .env_remove("KANBAO_CONFIG")
        .env_remove("KANBAO_DATA")
        .env_remove("KANBAO_AUTO_INDEX");
    cmd
}

/// Standard output as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Standard output as JSON.
pub fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).expect("valid JSON on stdout")
}

/// `kanbao --config CONFIG --no-state list` with `text` written to `config` first: how a
/// config file is checked (status 2 and the place on stderr when it is wrong).
pub fn list_with_config(config: &std::path::Path, text: &str) -> Output {
    std::fs::write(config, text).unwrap_or_else(|e| panic!("{}: {e}", config.display()));
    Command::new(cargo_bin("kanbao"))
        .args(["--config", &config.to_string_lossy(), "--no-state", "list"])
        .output()
        .expect("run kanbao")
}

/// An archive of JSON Lines in a folder of its own, indexed as `kanbao index` indexes it
/// (into the folder's cache, which [`kanbao_in`] gives the binary), to compare what the
/// index answers with the archive read whole.
pub struct Indexed {
    dir: tempfile::TempDir,
    file: std::path::PathBuf,
}

impl Indexed {
    /// `lines` written as one file and indexed.
    pub fn of(lines: &[impl AsRef<str>]) -> Indexed {
        let dir = tempfile::TempDir::new().expect("a folder");
        let root = dir.path().join("xdg-cache").join("kanbao").join("index");
        let file = dir.path().join("a.jsonl");
        let text: Vec<&str> = lines.iter().map(AsRef::as_ref).collect();
        std::fs::write(&file, text.join("\n") + "\n").expect("the archive written");
        kanbao::index::update(&root, &file, &mut Vec::new(), &mut |_, _, _| {})
            .expect("the archive indexed");
        Indexed { dir, file }
    }

    /// What `kanbao --data FILE ARGS` prints, through the index or without it (`--no-index`).
    pub fn run(&self, indexed: bool, args: &[&str]) -> String {
        let mut cmd = kanbao_in(self.dir.path());
        cmd.arg("--data").arg(&self.file);
        if !indexed {
            cmd.arg("--no-index");
        }
        stdout(&cmd.args(args).output().expect("run kanbao"))
    }
}

/// [`kanbao_in`] on 2024-12-06 (UTC, by `SOURCE_DATE_EPOCH`): a report's date of export
/// is then the same on every run.
pub fn kanbao_dated(dir: &std::path::Path) -> Command {
    let mut cmd = kanbao_in(dir);
    cmd.env("SOURCE_DATE_EPOCH", "1733443200");
    cmd
}
