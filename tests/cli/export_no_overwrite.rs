//! `kanbao export -o FILE` writes a new file only: a report already there (last week's,
//! with its notes) or any other file is never written over, as the reader's `E` never
//! does; the error names the file and what to do, and the file is left byte for byte.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use crate::support;

use std::path::Path;

use support::cli::{kanbao_in, stderr};

fn export(dir: &Path, args: &[&str]) -> std::process::Output {
    kanbao_in(dir)
        .arg("export")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run kanbao")
}

#[test]
fn an_existing_file_is_never_written_over() {
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), &["-o", "week.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let first = std::fs::read(dir.path().join("week.md")).unwrap();
    assert!(first.starts_with("# ".as_bytes()));

    let out = export(dir.path(), &["--format", "txt", "-o", "week.md"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("week.md") && err.contains("已存在") && err.contains("换一个文件名"),
        "{err}"
    );
    assert_eq!(std::fs::read(dir.path().join("week.md")).unwrap(), first);

    // A file that is not a report at all, the same.
    std::fs::write(dir.path().join("mine.txt"), "my own notes").unwrap();
    let out = kanbao_in(dir.path())
        .args(["--lang", "en", "export", "-o", "mine.txt"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("never writes over"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("mine.txt")).unwrap(),
        "my own notes"
    );
}
