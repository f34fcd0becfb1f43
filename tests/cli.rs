//! The command line as a user runs it: output, JSON, exit codes and clear errors.

use std::path::Path;
use std::process::{Command, Stdio};

use assert_cmd::cargo::cargo_bin;
use serde_json::Value;

mod support;

fn kanbao(args: &[&str]) -> std::process::Output {
    support::cli::kanbao_as("cli", args)
}

use support::cli::{json, stderr, stdout};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path.display().to_string()
}

#[test]
fn list_json_has_the_seven_articles() {
    let out = kanbao(&["list", "--json"]);
    assert!(out.status.success());
    let rows = json(&out);
    let rows = rows.as_array().expect("array");
    assert_eq!(rows.len(), 7);
    for key in ["id", "title", "district", "districts", "reporters", "kind"] {
        assert!(rows.iter().all(|r| r.get(key).is_some()), "missing {key}");
    }
    assert_eq!(rows[0]["title"], "大兴区天宫院街道“党工共建”办好暖“新”事");
    assert_eq!(rows[6]["kind"], "photo");
    assert_eq!(rows[6]["district"], Value::Null);
}

#[test]
fn districts_json_counts_agree_with_the_list() {
    let out = kanbao(&["districts", "--json"]);
    assert!(out.status.success());
    let rows = json(&out);
    let pairs: Vec<(Value, u64)> = rows
        .as_array()
        .expect("array")
        .iter()
        .map(|r| (r["district"].clone(), r["count"].as_u64().expect("count")))
        .collect();
    assert!(pairs.contains(&(Value::from("西城区"), 2)));
    assert_eq!(pairs.last(), Some(&(Value::Null, 1)));
    assert_eq!(pairs.iter().map(|(_, n)| n).sum::<u64>(), 7);
    assert!(
        pairs
            .iter()
            .filter(|(d, _)| d != "西城区")
            .all(|(_, n)| *n == 1)
    );
}

#[test]
fn district_filter_takes_every_spelling() {
    for name in ["西城", "西城区", "xicheng", "xc"] {
        let out = kanbao(&["list", "--district", name, "--json"]);
        assert!(out.status.success(), "{name}");
        assert_eq!(json(&out).as_array().map(Vec::len), Some(2), "{name}");
    }
    let out = kanbao(&["list", "--district", "未注明", "--json"]);
    assert_eq!(json(&out).as_array().map(Vec::len), Some(1));
}

#[test]
fn unknown_district_is_an_error_listing_the_known_ones() {
    let out = kanbao(&["list", "--district", "浦东"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("浦东") && err.contains("西城区") && err.contains("延庆区"),
        "{err}"
    );
}

#[test]
fn unknown_id_exits_2() {
    let out = kanbao(&["show", "99"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("99"));
}

#[test]
fn show_width_below_4_is_a_usage_error() {
    let out = kanbao(&["show", "1", "--width", "3"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn show_never_prints_a_line_wider_than_width() {
    use unicode_width::UnicodeWidthStr;
    for width in [4, 5, 9, 17, 40, 80] {
        for id in 1..=7 {
            let out = kanbao(&["show", &id.to_string(), "--width", &width.to_string()]);
            assert!(out.status.success());
            for line in stdout(&out).lines() {
                assert!(line.width() <= width, "{width}: {line:?}");
            }
        }
    }
}

#[test]
fn show_json_has_id_title_and_lines() {
    let out = kanbao(&["show", "1", "--width", "30", "--json"]);
    let v = json(&out);
    assert_eq!(v["id"], "1");
    assert!(v["lines"].as_array().is_some_and(|l| l.len() > 10));
}

#[test]
fn search_with_no_hit_exits_1() {
    let out = kanbao(&["search", "不存在的词语"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn import_of_the_seed_page_matches_the_bundled_json() {
    let out = kanbao(&["import", "data/page.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), kanbao::load::BUNDLED_JSON);
}

#[test]
fn check_accepts_the_bundled_json() {
    let out = kanbao(&["check", "data/articles.json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("7"));
}

#[test]
fn malformed_json_names_file_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "bad.json",
        b"{\"schema\": 1,\n  \"articles\": [\n    {\"id\": \"1\",, }\n  ]\n}\n",
    );
    let out = kanbao(&["--data", &path, "list"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains(&format!("{path}:3:")), "{err}");
}

#[test]
fn json_lines_error_names_the_file_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = r#"{"id":"a","title":"标题","paragraphs":["正文。"]}"#;
    let body = format!("{good}\n\n{{\"id\":\"b\",\"title\":\n");
    let path = write(dir.path(), "bad.jsonl", body.as_bytes());
    let out = kanbao(&["check", &path]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(&format!("{path}:3:")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn duplicate_id_names_both_places() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = r#"{"id":"a","title":"一","paragraphs":[]}"#;
    let path = write(dir.path(), "dup.jsonl", format!("{a}\n{a}\n").as_bytes());
    let out = kanbao(&["check", &path]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{path}:1")) && err.contains(&format!("{path}:2")),
        "{err}"
    );
    assert!(err.contains("重复"), "{err}");
}

#[test]
fn duplicate_id_across_files_of_a_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = r#"{"id":"a","title":"一","paragraphs":[]}"#;
    write(dir.path(), "1.jsonl", a.as_bytes());
    write(dir.path(), "2.jsonl", a.as_bytes());
    let out = kanbao(&["check", &dir.path().display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("1.jsonl") && err.contains("2.jsonl"), "{err}");
}

#[test]
fn missing_title_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "t.json",
        br#"{"schema":1,"articles":[{"id":"1","paragraphs":[]}]}"#,
    );
    let out = kanbao(&["check", &path]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("title"), "{}", stderr(&out));
    // A title that shows nothing is there: the reader stands (无标题) in for it (issue 16).
    let path = write(
        dir.path(),
        "e.json",
        br#"{"schema":1,"articles":[{"id":"1","title":" ","paragraphs":[]}]}"#,
    );
    let out = kanbao(&["check", &path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn empty_collection_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "e.json", br#"{"schema":1,"articles":[]}"#);
    let out = kanbao(&["check", &path]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("没有文章"), "{}", stderr(&out));
    let empty = tempfile::tempdir().expect("tempdir");
    let out = kanbao(&["check", &empty.path().display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn non_utf8_file_names_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "gbk.json",
        b"{\"schema\":1,\n\"articles\":[{\"id\":\"1\",\"title\":\"\xb1\xb1\"}]}",
    );
    let out = kanbao(&["check", &path]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{path}:2:32")) && err.contains("UTF-8"),
        "{err}"
    );
}

#[test]
fn unknown_fields_are_ignored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "x.json", br#"{"schema":1,"extra":true,"articles":[{"id":"1","title":"t","paragraphs":[],"tags":["a"]}]}"#);
    let out = kanbao(&["--data", &path, "list", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn import_reports_unplaced_blocks_with_their_number() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "p.txt",
        "无处安放的一段。\n\n标题\n\n本报讯（记者 甲） 正文。\n".as_bytes(),
    );
    let out = kanbao(&["import", &path]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("第 1 块"), "{}", stderr(&out));
}

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

#[test]
fn reader_without_a_terminal_suggests_list() {
    let out = kanbao(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("kanbao list"));
}

#[test]
fn completions_are_printed() {
    let out = kanbao(&["completions", "bash"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("kanbao"));
}

#[test]
fn export_markdown_does_not_cite_the_banner_as_the_newspaper() {
    // Issue 14: the page's slogan stood where the newspaper's name goes. The bundled page
    // names no newspaper (no `source`), so its citation has none.
    let out = kanbao(&["export", "--district", "xc"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("## 展览路街道总工会开展快递行业职工沟通会"));
    assert!(text.contains("*西城区 · 记者 陈曦 · id 5*"), "{text}");
    assert!(!text.contains("深入学习贯彻党的二十大精神"));
}

#[test]
fn export_markdown_puts_each_kicker_under_its_own_heading() {
    let out = kanbao(&["export", "--format", "md"]);
    let text = stdout(&out);
    let collection = kanbao::load::load_bundled().expect("bundled");
    let mut checked = 0;
    for a in collection.as_slice() {
        if let Some(kicker) = &a.kicker {
            let heading = format!("## {}\n", a.title);
            let at = text.find(&heading).expect("the article's heading");
            let after = &text[at + heading.len()..];
            assert!(
                after.trim_start().starts_with(&format!("> {kicker}")),
                "{after:.80}"
            );
            checked += 1;
        }
    }
    assert!(checked > 0, "the bundled page has kickers");
    let plain = stdout(&kanbao(&["export", "--format", "txt"]));
    let a = collection
        .as_slice()
        .iter()
        .find(|a| a.kicker.is_some())
        .expect("a kicker");
    let kicker = a.kicker.as_deref().unwrap_or_default();
    assert!(plain.contains(&format!("{kicker}\n{}\n", a.title)));
}

#[test]
fn list_bookmarked_and_unread_read_the_state_file() {
    use kanbao::state::{BUILTIN, StateStore};
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("state.json");
    let (mut store, _) = StateStore::open(Some(state.clone()));
    store.toggle_bookmark(BUILTIN, "5");
    store.set_read(BUILTIN, "1", true);
    store.save().expect("save");
    let state = state.display().to_string();
    let out = kanbao(&["--state", &state, "list", "--bookmarked", "--json"]);
    let ids: Vec<Value> = json(&out)
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(ids, [Value::from("5")]);
    let out = kanbao(&["--state", &state, "list", "--unread", "--json"]);
    assert_eq!(json(&out).as_array().map(Vec::len), Some(6));
    let out = kanbao(&[
        "--state",
        &state,
        "export",
        "--bookmarked",
        "--format",
        "txt",
    ]);
    assert!(stdout(&out).contains("展览路街道总工会开展快递行业职工沟通会"));
    assert!(!stdout(&out).contains("亲子活动"));
    let out = kanbao(&["--no-state", "list", "--bookmarked"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn show_prints_the_layout_engine_lines() {
    let out = kanbao(&["show", "7", "--width", "20"]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "亲子活动传承好家风");
    assert!(lines.iter().any(|l| l.starts_with("\u{3000}\u{3000}近日")));
    assert!(
        lines
            .iter()
            .all(|l| !l.starts_with('，') && !l.starts_with('。'))
    );
}

#[test]
fn files_over_the_size_limits_are_refused_before_reading() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Sparse files: the size is there, the disk blocks and the memory are not.
    let doc = dir.path().join("huge.json");
    std::fs::File::create(&doc)
        .and_then(|f| f.set_len(kanbao::load::MAX_DOCUMENT_BYTES + 1))
        .expect("sparse file");
    let out = kanbao(&["check", &doc.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("JSON Lines"), "{}", stderr(&out));
    let lines = dir.path().join("huge.jsonl");
    std::fs::File::create(&lines)
        .and_then(|f| f.set_len(kanbao::load::MAX_FILE_BYTES + 1))
        .expect("sparse file");
    let out = kanbao(&["check", &lines.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("字节"), "{}", stderr(&out));
}

#[test]
fn an_empty_file_says_it_holds_no_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, bytes) in [("empty.json", &b""[..]), ("blank.json", b" \n\t\n")] {
        let path = write(dir.path(), name, bytes);
        let out = kanbao(&["check", &path]);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(stderr(&out), format!("kanbao: {path}：没有文章\n"));
    }
}

/// Whether `text` holds a character a terminal would act on (ESC, other C0 but newline and
/// tab, DEL, C1, bidi controls).
fn obeyable(text: &str) -> bool {
    text.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}

#[test]
fn a_district_that_is_not_one_of_the_16_is_refused_and_never_echoed_raw() {
    let dir = tempfile::tempdir().expect("tempdir");
    let hostile = "X\u{1b}]0;PWN\u{7}\u{9b}2J区";
    let doc = serde_json::json!({"schema": 1, "articles": [
        {"id": "a", "title": "标题", "paragraphs": ["正文"], "district": hostile},
    ]});
    let json = write(dir.path(), "d.json", doc.to_string().as_bytes());
    let lines = write(
        dir.path(),
        "d.jsonl",
        serde_json::json!({"id": "a", "title": "标题", "paragraphs": [], "districts": [hostile]})
            .to_string()
            .as_bytes(),
    );
    for path in [&json, &lines] {
        for args in [
            vec!["check", path.as_str()],
            vec!["--data", path, "districts"],
        ] {
            let out = kanbao(&args);
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            assert!(stdout(&out).is_empty());
            let err = stderr(&out);
            assert!(err.contains("16 个区"), "{err}");
            assert!(!obeyable(&err), "{err:?}");
        }
    }
}

#[test]
fn error_messages_quote_ids_without_their_escape_sequences() {
    let dir = tempfile::tempdir().expect("tempdir");
    let id = "x\u{1b}]0;PWN\u{7}\u{9b}31m";
    let doc = serde_json::json!({"schema": 1, "articles": [
        {"id": id, "title": "一", "paragraphs": []},
        {"id": id, "title": "二", "paragraphs": []},
    ]});
    let path = write(dir.path(), "dup.json", doc.to_string().as_bytes());
    let out = kanbao(&["check", &path]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("文章 id"), "{err}");
    assert!(!obeyable(&err), "{err:?}");
}

#[test]
fn import_to_stdout_escapes_what_a_terminal_would_obey() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = "标题\u{9b}2J\u{202e}反\n\n本报讯（记者 张三）正文\u{1b}]0;x\u{7}在这里。\n";
    let path = write(dir.path(), "page.txt", page.as_bytes());
    let out = kanbao(&["import", &path]);
    let text = stdout(&out);
    assert!(!obeyable(&text), "{text:?}");
    assert!(
        text.contains("\\u009b") && text.contains("\\u202e"),
        "{text}"
    );
}

#[test]
fn show_names_the_day_and_page_of_an_archived_article() {
    let dir = tempfile::tempdir().expect("tempdir");
    let line = serde_json::json!({"id": "d1", "title": "标题", "paragraphs": ["正文。"],
        "district": "西城区", "reporters": ["陈曦"], "date": "2024-03-05", "page": 3});
    let path = write(dir.path(), "a.jsonl", line.to_string().as_bytes());
    let out = kanbao(&["--data", &path, "show", "d1", "--width", "60"]);
    assert_eq!(
        stdout(&out).lines().nth(1),
        Some("西城区 · 记者 陈曦 · 新闻 · 2024-03-05 第3版 · id d1")
    );
    let out = kanbao(&[
        "--data", &path, "--lang", "en", "show", "d1", "--width", "60",
    ]);
    assert!(
        stdout(&out)
            .lines()
            .nth(1)
            .is_some_and(|l| l.ends_with("2024-03-05 page 3 · id d1"))
    );
    // The bundled page has neither: its meta lines are as before.
    let out = kanbao(&["show", "5", "--width", "60"]);
    assert_eq!(
        stdout(&out).lines().nth(1),
        Some("西城区 · 记者 陈曦 · 新闻 · id 5")
    );
}

#[test]
fn a_folder_of_daily_files_lists_the_newest_day_first() {
    let dir = tempfile::tempdir().unwrap();
    let day = |d: u32, n: u32| {
        format!(
            r#"{{"id":"{d}-{n}","title":"第{d}日第{n}篇","date":"2024-05-0{d}","page":1,"paragraphs":["正文"]}}"#
        )
    };
    write(
        dir.path(),
        "2024-05-01.jsonl",
        format!("{}\n{}\n", day(1, 1), day(1, 2)).as_bytes(),
    );
    write(
        dir.path(),
        "2024-05-02.jsonl",
        format!("{}\n{}\n", day(2, 1), day(2, 2)).as_bytes(),
    );
    let folder = dir.path().to_str().unwrap();
    let out = kanbao(&["--data", folder, "list", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<String> = json(&out)
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["2-1", "2-2", "1-1", "1-2"]);
    // The rows say what they are sorted by.
    let rows = json(&out);
    assert_eq!(rows[0]["date"], "2024-05-02");
    assert_eq!(rows[0]["page"], 1);
    let found = json(&kanbao(&["--data", folder, "search", "正文", "--json"]));
    assert_eq!(found[0]["date"], "2024-05-02");
}

/// The command line speaks the reader's language: Chinese by default, English with
/// `--lang en`; paths, lines and columns are the same in both.
#[test]
fn errors_are_in_chinese_by_default_and_english_with_lang_en() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = r#"{"id":"a","title":"一","paragraphs":[]}"#;
    let path = write(dir.path(), "dup.jsonl", format!("{a}\n{a}\n").as_bytes());
    let zh = stderr(&kanbao(&["check", &path]));
    assert_eq!(
        zh,
        format!(
            "kanbao: {path}:2:1（id `a`）：文章 id `a` 重复，首次出现在 {path}:1:1（id `a`）\n"
        )
    );
    let en = stderr(&kanbao(&["--lang", "en", "check", &path]));
    assert_eq!(
        en,
        format!(
            "kanbao: {path}:2:1 (id `a`): duplicate article id `a`, first used at {path}:1:1 (id `a`)\n"
        )
    );
    let out = kanbao(&["list", "--district", "浦东"]);
    assert!(
        stderr(&out).starts_with("kanbao: 没有“浦东”这个区；可用：东城区"),
        "{}",
        stderr(&out)
    );
    let out = kanbao(&["--lang", "en", "list", "--district", "浦东"]);
    assert!(
        stderr(&out).starts_with("kanbao: unknown district `浦东`"),
        "{}",
        stderr(&out)
    );
    let out = kanbao(&["show", "1", "--width", "3"]);
    assert!(stderr(&out).contains("太窄"), "{}", stderr(&out));
    let out = kanbao(&["show", "no-such-id"]);
    assert!(
        stderr(&out).contains("没有 id 为 `no-such-id` 的文章"),
        "{}",
        stderr(&out)
    );
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

#[test]
fn a_blank_or_quote_only_query_is_a_usage_error() {
    for query in [
        "",
        " ",
        "\"",
        "\"\"",
        "\" \"",
        "“”",
        "\u{3000}",
        " \u{3000}\t",
    ] {
        for args in [&["search", query][..], &["list", "--query", query]] {
            let out = kanbao(args);
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            assert!(stdout(&out).is_empty(), "{args:?}");
            assert!(
                stderr(&out).contains("查询是空的"),
                "{args:?}: {}",
                stderr(&out)
            );
        }
    }
    let out = kanbao(&["--lang", "en", "search", ""]);
    assert!(stderr(&out).contains("the query is empty"));
}

#[test]
fn curly_quotes_can_be_searched_for() {
    // The bundled page quotes with “…”: article 1's title has two pairs.
    for query in ["“", "”", "\"“\"", "\"”\""] {
        let out = kanbao(&["search", query, "--json"]);
        assert_eq!(out.status.code(), Some(0), "{query}: {}", stderr(&out));
        let rows = json(&out);
        let rows = rows.as_array().expect("array");
        assert!(!rows.is_empty(), "{query}");
        assert!(rows.iter().all(|r| r["hits"].as_u64() > Some(0)), "{query}");
        assert_eq!(rows[0]["id"], "1", "{query}");
    }
    // A pair still makes a phrase.
    let out = kanbao(&["search", "“党工共建”", "--json"]);
    assert_eq!(json(&out)[0]["id"], "1");
}

#[test]
fn queries_over_the_limits_are_usage_errors() {
    let many = vec!["gh"; 33].join(" ");
    let out = kanbao(&["search", &many]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("查询有 33 个词，超过上限 32 个"),
        "{}",
        stderr(&out)
    );
    let long = "工".repeat(257);
    let out = kanbao(&["list", "--query", &long]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("查询有 257 个字符，超过上限 256 个"));
    let out = kanbao(&["--lang", "en", "search", &"x ".repeat(40)]);
    assert!(stderr(&out).contains("40 terms, more than the limit of 32"));
    // At the limit, a search runs.
    let most = vec!["工会"; 32].join(" ");
    assert_eq!(kanbao(&["search", &most]).status.code(), Some(0));
    // The reader refuses such a query before it opens (a blank one opens it on everything,
    // which needs a terminal).
    let out = kanbao(&["--query", &long]);
    assert!(stderr(&out).contains("超过上限 256 个"), "{}", stderr(&out));
    let out = kanbao(&["--query", ""]);
    assert!(stderr(&out).contains("kanbao list"), "{}", stderr(&out));
}

#[test]
fn nothing_matched_is_said_on_stderr_with_the_conditions() {
    // The bundled page has no article from Haidian.
    let cases: [(&[&str], &str); 5] = [
        (&["list", "--district", "haidian"], "区 haidian"),
        (&["list", "--district", "haidian", "--json"], "区 haidian"),
        (
            &["list", "--query", "驿站", "--district", "tz"],
            "搜索“驿站”",
        ),
        (&["search", "zzzqqq"], "搜索“zzzqqq”"),
        (&["export", "--district", "hd"], "区 hd"),
    ];
    for (args, condition) in cases {
        let out = kanbao(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.starts_with("kanbao: 没有符合条件的文章"),
            "{args:?}: {err}"
        );
        assert!(err.contains(condition), "{args:?}: {err}");
    }
    let out = kanbao(&["--lang", "en", "search", "zzzqqq", "--district", "hd"]);
    let err = stderr(&out);
    assert!(
        err.contains("no article matches: district hd; search \"zzzqqq\""),
        "{err}"
    );
}

/// `search --count` says how many articles match and how many hits they have: the rows and
/// the sum of the hits column of the same search, in text and in JSON; nothing found is 0
/// and exit status 1.
#[test]
fn search_count_is_the_rows_and_their_hits() {
    for query in ["工会", "驿站", "gh", "工会 -驿站"] {
        let rows = kanbao(&["--no-state", "search", query]);
        let rows = stdout(&rows);
        let articles = rows.lines().count();
        let hits: usize = rows
            .lines()
            .map(|l| l.split('\t').nth(1).unwrap().parse::<usize>().unwrap())
            .sum();
        let count = kanbao(&["--no-state", "search", query, "--count"]);
        assert!(count.status.success(), "{query}");
        assert_eq!(stdout(&count), format!("{articles}\t{hits}\n"), "{query}");
        let counted = json(&kanbao(&[
            "--no-state",
            "search",
            query,
            "--count",
            "--json",
        ]));
        assert_eq!(counted["articles"], articles, "{query}");
        assert_eq!(counted["hits"], hits, "{query}");
    }
    let none = kanbao(&["--no-state", "search", "没有这个词", "--count"]);
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(stdout(&none), "0\t0\n");
}

/// Words after the query are more terms, as `rg`'s users type them: `search 驿站 工会` is
/// `search "驿站 工会"` (it was refused as an unexpected argument); a `-term` after the first
/// needs the quotes or `--`, as clap's refusal says.
#[test]
fn words_after_the_query_are_more_terms() {
    let quoted = kanbao(&["search", "工会 职工", "--count"]);
    let apart = kanbao(&["search", "工会", "职工", "--count"]);
    assert!(quoted.status.success(), "{quoted:?}");
    assert_eq!(apart.status.code(), quoted.status.code());
    assert_eq!(apart.stdout, quoted.stdout);
    let rows = kanbao(&["search", "工会", "职工"]);
    assert_eq!(rows.stdout, kanbao(&["search", "工会 职工"]).stdout);
    let excluded = kanbao(&["search", "工会", "--", "-职工"]);
    assert_eq!(excluded.stdout, kanbao(&["search", "工会 -职工"]).stdout);
    let refused = kanbao(&["search", "工会", "-职工"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("-- -职"));
}
