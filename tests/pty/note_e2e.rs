//! The note editor in a real terminal (issue 14): write a note with `a`, typed and pasted
//! over two lines, keep it with `Ctrl-D`, quit; `kanbao note 1` prints it, and a restarted
//! reader holds it.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use crate::support;

use support::Term;

#[test]
fn a_note_written_in_the_reader_is_kept_after_quitting() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let state = state.to_str().unwrap();
    let mut t = Term::start(&["--state", state], 80, 24);
    t.wait_text("7 篇");
    t.send("a");
    t.wait_text("Ctrl-D 保存");
    t.send("核实日期");
    t.send("\r");
    t.send("\x1b[200~第二行：来源\x1b[201~");
    t.wait_text("第二行：来源");
    // Ctrl-D keeps it.
    t.send("\x04");
    t.wait_text("审读意见已保存");
    t.send("q");
    t.expect_restored();

    let out = assert_cmd::Command::cargo_bin("kanbao")
        .unwrap()
        .env(
            "XDG_CONFIG_HOME",
            std::env::temp_dir().join("kanbao-test-no-config"),
        )
        .env_remove("KANBAO_CONFIG")
        .env_remove("KANBAO_DATA")
        .args(["--state", state, "note", "1"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "核实日期\n第二行：来源\n"
    );

    // Restarted, the reader holds it: the editor opens on it.
    let mut t = Term::start(&["--state", state], 80, 24);
    t.wait_text("7 篇");
    t.send("a");
    t.wait_text("第二行：来源");
    t.send("\x1b");
    t.wait_text("? 帮助");
    t.send("q");
    t.expect_restored();
}
