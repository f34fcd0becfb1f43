//! `kanbao tag` and `kanbao note` on a damaged state file (a good one cut short): a change
//! is refused with exit status 2 and a message that names the file, where it is damaged
//! and what to do, and the file is left byte for byte as it was — not moved aside (only the
//! reader does that), no lock file, nothing new beside it. Reading its tags still warns.
#![allow(clippy::unwrap_used)] // a test should panic at the first surprise

use crate::support;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use assert_cmd::cargo::cargo_bin;

fn kanbao(dir: &Path, state: &Path, args: &[&str]) -> Output {
    Command::new(cargo_bin("kanbao"))
        .arg("--state")
        .arg(state)
        .args(args)
        .env("NO_COLOR", "1")
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_STATE_HOME", dir.join("xdg-state"))
        .env("EDITOR", "false")
        .env("VISUAL", "false")
        .env_remove("KANBAO_CONFIG")
        .env_remove("KANBAO_DATA")
        .output()
        .unwrap()
}

/// A good state file with a tag and a note on article 1, cut to about its first 300 bytes in
/// `dir/st/dmg.json`; returns its path and its bytes.
fn damaged(dir: &Path) -> (std::path::PathBuf, Vec<u8>) {
    let good = dir.join("good.json");
    assert!(
        kanbao(dir, &good, &["tag", "1", "+待核实", "+已审"])
            .status
            .success()
    );
    let note = "日期存疑，请核对原版。".repeat(8);
    assert!(kanbao(dir, &good, &["note", "1", &note]).status.success());
    let bytes = fs::read(&good).unwrap();
    assert!(bytes.len() > 300, "{}", bytes.len());
    fs::create_dir(dir.join("st")).unwrap();
    let path = dir.join("st").join("dmg.json");
    // Cut where a character ends, so that the JSON parser names the line and column.
    let text = String::from_utf8(bytes).unwrap();
    let cut = (0..=300).rev().find(|&i| text.is_char_boundary(i)).unwrap();
    fs::write(&path, &text[..cut]).unwrap();
    (path, text.as_bytes()[..cut].to_vec())
}

#[test]
fn a_change_to_a_damaged_state_file_is_refused_and_the_file_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let (path, bytes) = damaged(dir.path());
    let shown = path.display().to_string();
    for args in [
        &["tag", "1", "+x"][..],
        &["tag", "1", "-待核实"],
        &["note", "1", "新的意见"],
        &["note", "1", "--clear"],
        &["note", "1", "--edit"],
    ] {
        let out = kanbao(dir.path(), &path, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(&shown), "names the file: {stderr}");
        assert!(stderr.contains("已损坏"), "{stderr}");
        assert!(
            stderr.contains("line ") && stderr.contains("column "),
            "where: {stderr}"
        );
        assert!(
            stderr.contains("修复") && stderr.contains("阅读器") && stderr.contains("--state"),
            "what to do: {stderr}"
        );
        assert!(!stderr.contains("已移到"), "{stderr}");
        assert_eq!(
            fs::read(&path).unwrap(),
            bytes,
            "{args:?}: not a byte changed"
        );
        assert_eq!(
            support::file_names(&dir.path().join("st")),
            ["dmg.json"],
            "{args:?}: nothing moved aside, no lock file"
        );
    }
    let en = kanbao(dir.path(), &path, &["--lang", "en", "tag", "1", "+x"]);
    let stderr = String::from_utf8_lossy(&en.stderr);
    assert_eq!(en.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("state file {shown} is damaged")) && stderr.contains("reader"),
        "{stderr}"
    );
    // Reading the tags changes nothing either: a warning, and none read.
    let read = kanbao(dir.path(), &path, &["tag", "1"]);
    assert_eq!(read.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&read.stderr).contains("已损坏"));
    assert_eq!(fs::read(&path).unwrap(), bytes);
    assert_eq!(support::file_names(&dir.path().join("st")), ["dmg.json"]);
}
