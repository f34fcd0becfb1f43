//! What `kanbao import` writes, and what it says, when a page is empty or holds text it
//! cannot place: nothing written on failure, never a partial file, and each unplaced block
//! named by `page:line:column` with what was expected and what to do.

use crate::support;

use std::path::Path;

use support::cli::{kanbao_in, stderr};

/// `kanbao args` run in `dir` (pages named relative to it), with none of the user's
/// settings.
fn kanbao(dir: &Path, args: &[&str]) -> std::process::Output {
    kanbao_in(dir)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run kanbao")
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

/// Before, an unplaced block was named by its number and first words only; now by
/// `page:line:column` (where it starts, indented or not), with what was expected there and
/// what to do, in the style of the masthead's error.
#[test]
fn an_unplaced_block_is_named_by_its_place_with_what_was_expected_and_what_to_do() {
    let orphan = "2024年3月8日 第3版\n\n口号\n\n西城区驿站开进社区\n\n\
                  本报讯（记者 李四）近日，西城区总工会建成驿站。\n\n\
                  \u{20}\u{20}本报讯（记者 张三）近日，朝阳区总工会开展春季招聘会。\n\n\
                  招聘会持续到周末。\n\n丰台区举办讲座\n\n本报讯 近日，丰台区总工会举办讲座。\n";
    let untitled = "2024年3月8日 第3版\n\n谁来守护外卖小哥\n\n近日，朝阳区总工会走访外卖站点。\n\n\
                    西城区驿站开进社区\n\n本报讯（记者 李四）近日，西城区总工会建成驿站。\n";
    let dir = setup(&[
        ("orphan.txt", orphan),
        ("untitled.txt", untitled),
        ("loose.txt", "2024年3月8日 第4版\n\n只有一段话。\n"),
        ("empty.txt", ""),
    ]);
    let out = kanbao(dir.path(), &["import", "orphan.txt", "-o", "orphan.json"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    for says in [
        "orphan.txt：1 块不属于任何文章，未写入结果：",
        "orphan.txt:9:3：第 5 块「本报讯（记者 张三）近日，",
        "是电头，但上方没有标题（连同其后 1 段）；电头前须有文章的标题。请在它上方补上标题",
    ] {
        assert!(err.contains(says), "{says}: {err}");
    }
    // The articles around it are written, and it is in neither.
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("orphan.json")).expect("read"))
            .expect("JSON");
    assert_eq!(doc["articles"].as_array().expect("articles").len(), 2);
    assert!(!doc.to_string().contains("张三"));

    let out = kanbao(dir.path(), &["import", "untitled.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    for says in [
        "untitled.txt:3:1：第 2 块「谁来守护外卖小哥近日，",
        "像是标题，但其后没有电头；标题后须紧跟电头，如 本报讯（记者 …）",
        "请在标题下补上电头",
    ] {
        assert!(err.contains(says), "{says}: {err}");
    }
    let out = kanbao(dir.path(), &["--lang", "en", "import", "untitled.txt"]);
    let err = stderr(&out);
    for says in [
        "untitled.txt:3:1: block 2 “谁来守护外卖小哥近日，",
        "a headline must be followed by a byline such as 本报讯（记者 …）",
        "Add the byline under the headline",
    ] {
        assert!(err.contains(says), "{says}: {err}");
    }

    let out = kanbao(dir.path(), &["import", "loose.txt"]);
    let err = stderr(&out);
    assert!(
        err.contains("loose.txt：没有找到文章，未写入任何内容：")
            && err
                .contains("loose.txt:3:1：第 2 块「只有一段话。」在第一篇文章之前，不属于任何文章"),
        "{err}"
    );
    let out = kanbao(dir.path(), &["import", "empty.txt"]);
    let err = stderr(&out);
    assert!(
        err.contains("empty.txt：没有找到文章，未写入任何内容；文章须以标题开头，其后是电头"),
        "{err}"
    );
}
