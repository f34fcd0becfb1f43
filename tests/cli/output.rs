//! Standard output that cannot take everything: a closed pipe ends quietly, a full disk or
//! a closed standard output is exit 2 with a message, and `/dev/null` is a success.

use std::process::{Command, Stdio};

use assert_cmd::cargo::cargo_bin;

use crate::support::cli::stderr;
use crate::write;

#[test]
fn closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Enough output that the pipe fills after the reader has gone.
    let line = |i: usize| format!(r#"{{"id":"{i}","title":"标题{i}","paragraphs":["工会"]}}"#);
    let body: Vec<String> = (0..20000).map(line).collect();
    let path = write(dir.path(), "many.jsonl", body.join("\n").as_bytes());
    // Every command that can print a lot, in every form (`--json` went through another
    // writer, whose closed pipe was an error).
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["search", "gonghui"],
        &["search", "gonghui", "--json"],
        &["export", "--format", "md"],
        &["export", "--format", "txt"],
        &["export", "--format", "json"],
    ] {
        let mut child = Command::new(cargo_bin("kanbao"))
            .args(["--data", &path])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).is_empty(), "{args:?}: {}", stderr(&out));
    }
}

/// Runs kanbao with stdout on `/dev/full`, where every write fails (no space left).
fn kanbao_to_full(args: &[&str]) -> std::process::Output {
    let full = std::fs::File::options()
        .write(true)
        .open("/dev/full")
        .expect("open /dev/full");
    Command::new(cargo_bin("kanbao"))
        .args(args)
        .env("NO_COLOR", "1")
        .env(
            "XDG_STATE_HOME",
            std::env::temp_dir().join("kanbao-cli-test-state"),
        )
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .expect("run kanbao")
}

/// Runs kanbao with stdout closed (`>&-`), through the shell, which can close it.
fn kanbao_closed_stdout(args: &[&str]) -> std::process::Output {
    let kanbao = cargo_bin("kanbao");
    Command::new("sh")
        .arg("-c")
        .arg("\"$0\" \"$@\" >&-")
        .arg(&kanbao)
        .args(args)
        .env(
            "XDG_STATE_HOME",
            std::env::temp_dir().join("kanbao-cli-test-state"),
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("run kanbao through sh")
}

/// Every command that prints, and clap's help and version.
const PRINTING: [&[&str]; 13] = [
    &["completions", "bash"],
    &["--help"],
    &["--version"],
    &["list", "--help"],
    &["export"],
    &["export", "--format", "json"],
    &["list"],
    &["list", "--json"],
    &["search", "工会"],
    &["search", "工会", "--json"],
    &["show", "1"],
    &["districts"],
    &["districts", "--json"],
];

#[test]
fn a_failed_write_to_stdout_is_exit_2_with_a_message() {
    for args in PRINTING {
        let out = kanbao_to_full(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("kanbao: 写不进标准输出"), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn a_closed_stdout_is_exit_2_with_a_message() {
    for args in PRINTING {
        let out = kanbao_closed_stdout(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("标准输出已关闭"), "{args:?}");
    }
    let out = kanbao_closed_stdout(&["--lang", "en", "--help"]);
    assert!(stderr(&out).contains("standard output is closed"));
}

#[test]
fn output_to_dev_null_is_still_a_success() {
    for args in [&["list"][..], &["--help"], &["completions", "zsh"]] {
        let out = Command::new(cargo_bin("kanbao"))
            .args(args)
            .stdout(Stdio::null())
            .output()
            .expect("run kanbao");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    }
    let out = Command::new("sh")
        .arg("-c")
        .arg("\"$0\" list > /dev/null")
        .arg(cargo_bin("kanbao"))
        .output()
        .expect("run through sh");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn help_read_through_a_closed_pipe_ends_quietly() {
    let mut child = Command::new(cargo_bin("kanbao"))
        .args(["--help"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}
