//! Data that is wrong: errors name the file, line and column (bad JSON, duplicate ids, a
//! missing title, no articles, not UTF-8), files over the limits are refused before reading,
//! and nothing a terminal would obey is echoed raw.

use crate::support::cli::{stderr, stdout};
use crate::{kanbao, write};

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
