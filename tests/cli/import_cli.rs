//! `kanbao import` as a user runs it on pages it has never seen: the masthead's day and
//! page, `--date`/`--page`, several pages into a folder, re-import, and the refusals.

use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::cargo_bin;
use serde_json::Value;

fn kanbao(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(cargo_bin("kanbao"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("XDG_STATE_HOME", dir.join("state"))
        .env("XDG_CONFIG_HOME", dir.join("no-config"))
        .env_remove("KANBAO_CONFIG")
        .env_remove("KANBAO_DATA")
        .env_remove("KANBAO_LANG")
        .output()
        .expect("run kanbao")
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn page(masthead: &str, title: &str) -> String {
    format!(
        "{masthead}\n\n{title}\n\n本报讯（记者 王小明） 近日，职工之家重新开放。\n\n\
         密云区开展春季健步走\n\n本报讯（通讯员 钱七） 3月，密云区总工会组织职工健步走。\n"
    )
}

fn json_file(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).expect("read")).expect("JSON")
}

fn ids(doc: &Value) -> Vec<String> {
    doc["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| a["id"].as_str().expect("id").to_string())
        .collect()
}

fn setup(pages: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("pages")).expect("mkdir");
    for (name, text) in pages {
        std::fs::write(dir.path().join("pages").join(name), text).expect("write");
    }
    dir
}

#[test]
fn one_page_to_stdout_carries_the_masthead_day_page_and_paper() {
    let dir = setup(&[(
        "a.txt",
        page(
            "《劳动午报》(2024年03月08日 03版)",
            "海淀区职工之家焕新开放",
        ),
    )]);
    let out = kanbao(dir.path(), &["import", "pages/a.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["masthead"], "《劳动午报》(2024年03月08日 03版)");
    assert_eq!(doc["source"], "劳动午报");
    assert_eq!(ids(&doc), ["2024-03-08-p3-1", "2024-03-08-p3-2"]);
    assert_eq!(doc["articles"][1]["date"], "2024-03-08");
    assert_eq!(doc["articles"][1]["page"], 3);
}

#[test]
fn date_and_page_options_date_a_page_without_a_masthead_and_win_over_one() {
    let dir = setup(&[
        ("none.txt", page("", "海淀区职工之家焕新开放")),
        ("dated.txt", page("2024年3月8日 星期五 第3版", "标题")),
    ]);
    let out = kanbao(dir.path(), &["import", "pages/none.txt"]);
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(ids(&doc), ["1", "2"]);
    assert!(doc["articles"][0].get("date").is_none());
    let out = kanbao(
        dir.path(),
        &[
            "import",
            "pages/none.txt",
            "--date",
            "2024-03-09",
            "--page",
            "4",
        ],
    );
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(ids(&doc), ["2024-03-09-p4-1", "2024-03-09-p4-2"]);
    let out = kanbao(dir.path(), &["import", "pages/dated.txt", "--page", "5"]);
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(ids(&doc)[0], "2024-03-08-p5-1");
    let out = kanbao(
        dir.path(),
        &["import", "pages/none.txt", "--date", "2024-02-30"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--date `2024-02-30` 不是真实的日期"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_masthead_day_that_does_not_exist_is_an_error_naming_its_line() {
    let dir = setup(&[(
        "bad.txt",
        format!("\n{}", page("《劳动午报》 2024年2月30日", "标题")),
    )]);
    let out = kanbao(dir.path(), &["import", "pages/bad.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        stderr(&out).contains("pages/bad.txt:2:8：报眉的日期 2024年2月30日 不存在"),
        "{}",
        stderr(&out)
    );
    // `--date` overrides it; the line is still kept.
    let out = kanbao(
        dir.path(),
        &["import", "pages/bad.txt", "--date", "2024-02-29"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["masthead"], "《劳动午报》 2024年2月30日");
}

#[test]
fn several_pages_go_one_file_each_and_a_reimport_replaces_them() {
    let dir = setup(&[
        ("a.txt", page("《劳动午报》(2024年03月08日 03版)", "标题甲")),
        ("b.txt", page("2024年3月8日 星期五\n第4版", "标题乙")),
    ]);
    let out = kanbao(
        dir.path(),
        &["import", "pages/a.txt", "pages/b.txt", "-o", "archive/"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let p3 = dir.path().join("archive/2024-03-08-p3.json");
    let p4 = dir.path().join("archive/2024-03-08-p4.json");
    assert_eq!(ids(&json_file(&p4)), ["2024-03-08-p4-1", "2024-03-08-p4-2"]);
    // The same page again, corrected: its file is replaced, nothing is added.
    std::fs::write(
        dir.path().join("pages/a.txt"),
        page("《劳动午报》(2024年03月08日 03版)", "标题甲（更正）"),
    )
    .expect("write");
    let out = kanbao(dir.path(), &["import", "pages/a.txt", "-o", "archive"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("archive"))
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["2024-03-08-p3.json", "2024-03-08-p4.json"]);
    let doc = json_file(&p3);
    assert_eq!(doc["articles"][0]["title"], "标题甲（更正）");
    assert_eq!(ids(&doc), ["2024-03-08-p3-1", "2024-03-08-p3-2"]);
    // The folder loads as one archive with no duplicate id.
    let out = kanbao(dir.path(), &["--data", "archive", "list", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(rows.as_array().expect("rows").len(), 4);
}

#[test]
fn a_file_kanbao_did_not_write_is_never_replaced() {
    let dir = setup(&[("a.txt", page("2024年3月8日 第3版", "标题"))]);
    std::fs::create_dir(dir.path().join("archive")).expect("mkdir");
    let theirs = dir.path().join("archive/2024-03-08-p3.json");
    let mine = r#"{"schema":1,"articles":[{"id":"x","title":"我的","paragraphs":[]}]}"#;
    std::fs::write(&theirs, mine).expect("write");
    let out = kanbao(dir.path(), &["import", "pages/a.txt", "-o", "archive/"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("不是 kanbao 对同一日期同一版的导入"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&theirs).expect("read"), mine);
    // Nor a kanbao import of another page put under this name.
    let other = kanbao(dir.path(), &["import", "pages/a.txt", "--page", "9"]);
    std::fs::write(&theirs, &other.stdout).expect("write");
    let out = kanbao(dir.path(), &["import", "pages/a.txt", "-o", "archive/"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&theirs).expect("read"), other.stdout);
}

#[test]
fn refusals_are_clear_and_write_nothing() {
    let dir = setup(&[
        ("a.txt", page("2024年3月8日 第3版", "标题甲")),
        (
            "same.txt",
            page("《劳动午报》(2024年03月08日 03版)", "标题乙"),
        ),
        ("undated.txt", page("", "标题丙")),
    ]);
    std::fs::write(dir.path().join("pages/bytes.txt"), b"\xe6\xa0\x87\n\xff\n").expect("write");
    std::fs::write(dir.path().join("file.json"), "{}").expect("write");
    let cases: [(&[&str], &str); 6] = [
        (
            &["import", "pages/a.txt", "pages/undated.txt"],
            "导入 2 个页面需要 -o 文件夹",
        ),
        (
            &[
                "import",
                "pages/a.txt",
                "pages/undated.txt",
                "-o",
                "file.json",
            ],
            "file.json 不是文件夹",
        ),
        (
            &["import", "pages/a.txt", "pages/same.txt", "-o", "out/"],
            "pages/a.txt 与 pages/same.txt 是同一日期同一版（2024-03-08-p3.json）",
        ),
        (
            &["import", "pages/a.txt", "pages/undated.txt", "-o", "out/"],
            "pages/undated.txt：没有报眉日期",
        ),
        (
            &["import", "pages/a.txt", "pages/bytes.txt", "-o", "out/"],
            "pages/bytes.txt:2:1",
        ),
        (
            &["import", "pages/a.txt", "pages/missing.txt", "-o", "out/"],
            "pages/missing.txt",
        ),
    ];
    for (args, says) in cases {
        let out = kanbao(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
        assert!(!dir.path().join("out").exists(), "{args:?} wrote out/");
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("file.json")).expect("read"),
        "{}"
    );
}

#[test]
fn english_messages_too() {
    let dir = setup(&[("a.txt", page("2024年3月8日 第3版", "标题"))]);
    let out = kanbao(
        dir.path(),
        &["--lang", "en", "import", "pages/a.txt", "pages/a.txt"],
    );
    assert!(
        stderr(&out).contains("importing 2 pages needs -o FOLDER"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn in_a_folder_unplaced_blocks_are_reported_and_a_page_without_articles_is_not_written() {
    let dir = setup(&[
        (
            "loose.txt",
            "2024年3月8日 第3版\n\n孤立的一段话。\n\n标题\n\n本报讯（记者 甲） 正文。\n"
                .to_string(),
        ),
        (
            "empty.txt",
            "2024年3月8日 第4版\n\n只有一段话。\n".to_string(),
        ),
        ("good.txt", page("2024年3月8日 第5版", "标题")),
    ]);
    let out = kanbao(
        dir.path(),
        &[
            "import",
            "pages/loose.txt",
            "pages/empty.txt",
            "pages/good.txt",
            "-o",
            "archive/",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("pages/loose.txt：1 块不属于任何文章"), "{err}");
    assert!(
        err.contains("pages/loose.txt:3:1：第 2 块「孤立的一段话。」在第一篇文章之前"),
        "{err}"
    );
    assert!(err.contains("pages/empty.txt"), "{err}");
    assert!(dir.path().join("archive/2024-03-08-p3.json").exists());
    assert!(!dir.path().join("archive/2024-03-08-p4.json").exists());
    assert!(dir.path().join("archive/2024-03-08-p5.json").exists());
}
