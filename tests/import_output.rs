//! What `kanbao import` writes, and what it says, when a page is empty or holds text it
//! cannot place: nothing written on failure, never a partial file, and each unplaced block
//! named by `page:line:column` with what was expected and what to do.

use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::cargo_bin;

fn kanbao(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(cargo_bin("kanbao"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("XDG_STATE_HOME", dir.join("state"))
        .env("XDG_CONFIG_HOME", dir.join("no-config"))
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env_remove("KANBAO_CONFIG")
        .env_remove("KANBAO_DATA")
        .env_remove("KANBAO_LANG")
        .output()
        .expect("run kanbao")
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn setup(pages: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in pages {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    dir
}

const GOOD: &str = "2024年3月8日 第3版\n\n口号\n\n西城区驿站开进社区\n\n\
                    本报讯（记者 李四）近日，西城区总工会在社区建成驿站。\n";

/// Before, an empty page exited 2 but still wrote `{"schema":1,"articles":[]}`, a file that
/// `check` and `--data` refuse, to `-o` or standard output.
#[test]
fn a_page_with_no_article_writes_nothing() {
    let dir = setup(&[
        ("empty.txt", ""),
        ("loose.txt", "2024年3月8日 第4版\n\n只有一段话。\n"),
        ("keep.json", "mine"),
    ]);
    for page in ["empty.txt", "loose.txt"] {
        let out = kanbao(dir.path(), &["import", page, "-o", "new.json"]);
        assert_eq!(out.status.code(), Some(2), "{page}");
        assert!(
            !dir.path().join("new.json").exists(),
            "{page} wrote new.json"
        );
        let out = kanbao(dir.path(), &["import", page]);
        assert_eq!(out.status.code(), Some(2), "{page}");
        assert!(out.stdout.is_empty(), "{page}: {:?}", out.stdout);
        assert!(stderr(&out).contains(page), "{page}: {}", stderr(&out));
        let out = kanbao(dir.path(), &["import", page, "-o", "keep.json"]);
        assert_eq!(out.status.code(), Some(2), "{page}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("keep.json")).expect("read"),
            "mine"
        );
    }
}

/// `-o` is written whole through a temporary file beside it: nothing else is left in the
/// folder, the file replaced keeps its permissions, and the document loads.
#[test]
fn the_output_file_is_written_whole_and_nothing_is_left_beside_it() {
    let dir = setup(&[("good.txt", GOOD)]);
    std::fs::create_dir(dir.path().join("out")).expect("mkdir");
    let out = kanbao(dir.path(), &["import", "good.txt", "-o", "out/page.json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let names: Vec<String> = std::fs::read_dir(dir.path().join("out"))
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["page.json"]);
    let out = kanbao(dir.path(), &["check", "out/page.json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let file = dir.path().join("out/page.json");
        let probe = dir.path().join("probe");
        std::fs::write(&probe, "").expect("write");
        let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(
            mode(&file),
            mode(&probe),
            "a new file as a plain write makes it"
        );
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        let out = kanbao(dir.path(), &["import", "good.txt", "-o", "out/page.json"]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(mode(&file), 0o640);
    }
}
