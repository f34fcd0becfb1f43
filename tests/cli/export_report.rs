//! `kanbao export` as a report a reviewer hands in (issue 14): title, date, contents,
//! citations with the newspaper's name, selection by id, search and tag, notes, `-o`, an
//! empty selection, and Markdown that prints data as text (checked with a Markdown parser).

#![allow(
    clippy::unwrap_used,
    reason = "a test should panic at the first surprise"
)]

use crate::support;

use std::path::Path;
use std::process::Output;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde_json::{Value, json};

/// Runs `kanbao --state dir/state.json args…` with a fixed date of export and no config,
/// state or cache of the user's.
fn kanbao(dir: &Path, args: &[&str]) -> Output {
    support::cli::kanbao_dated(dir).args(args).output().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A page of the 劳动午报 (page-level `source`) with three dated articles.
fn paper(dir: &Path) -> String {
    let doc = json!({
        "schema": 1,
        "banner": "深入学习贯彻党的二十大精神",
        "source": "劳动午报",
        "articles": [
            { "id": "a1", "title": "西城职工沟通会", "district": "西城区", "date": "2024-01-05",
              "page": 3, "reporters": ["孙艳"], "paragraphs": ["第一段。", "第二段。"] },
            { "id": "a2", "title": "大兴驿站", "district": "大兴区", "date": "2024-01-05",
              "page": 3, "reporters": ["陈曦", "王路"], "correspondents": ["李明"],
              "paragraphs": ["工会驿站开张。"] },
            { "id": "a3", "title": "西城楼宇", "district": "西城区", "date": "2024-01-04",
              "paragraphs": ["讲解入会流程。"], "source": "北京日报" }
        ]
    });
    let path = dir.join("paper.json");
    std::fs::write(&path, doc.to_string()).unwrap();
    path.display().to_string()
}

#[test]
fn a_report_has_a_title_date_contents_and_citations() {
    let dir = tempfile::tempdir().unwrap();
    let data = paper(dir.path());
    let out = kanbao(dir.path(), &["--data", &data, "export"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("# 审读报告：全部文章\n"), "{text}");
    assert!(
        text.contains("导出日期：2024-12-06 · 数据：paper.json · 共 3 篇"),
        "{text}"
    );
    assert!(text.contains("## 目录"));
    assert!(text.contains("按区：西城区 2 篇，大兴区 1 篇"), "{text}");
    assert!(
        text.contains("1. 西城职工沟通会 · 2024-01-05 · 第3版\n"),
        "{text}"
    );
    assert!(text.contains("*西城区 · 劳动午报 · 2024-01-05 · 第3版 · 记者 孙艳 · id a1*"));
    assert!(text.contains("劳动午报 · 2024-01-05 · 第3版 · 记者 陈曦、王路 · 通讯员 李明 · id a2"));
    // An article's own source wins over the page's; no empty fields.
    assert!(
        text.contains("*西城区 · 北京日报 · 2024-01-04 · id a3*"),
        "{text}"
    );
    // The page's slogan is not the newspaper's name.
    assert!(!text.contains("二十大"), "{text}");
    let title = kanbao(
        dir.path(),
        &["--data", &data, "export", "--title", "一月审读"],
    );
    assert!(stdout(&title).starts_with("# 一月审读\n"));
    let plain = kanbao(dir.path(), &["--data", &data, "export", "--format", "txt"]);
    let plain = stdout(&plain);
    assert!(
        plain.starts_with("审读报告：全部文章\n导出日期：2024-12-06"),
        "{plain}"
    );
    assert!(plain.contains("西城区 · 劳动午报 · 2024-01-05 · 第3版 · 记者 孙艳 · id a1\n"));
}

#[test]
fn jsonl_articles_carry_their_own_source() {
    let dir = tempfile::tempdir().unwrap();
    let line = json!({ "id": "j1", "title": "标题", "source": "工人日报", "paragraphs": ["正文"] });
    let path = dir.path().join("a.jsonl");
    std::fs::write(&path, format!("{line}\n")).unwrap();
    let out = kanbao(dir.path(), &["--data", path.to_str().unwrap(), "export"]);
    assert!(
        stdout(&out).contains("*未注明 · 工人日报 · id j1*"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn import_source_names_the_newspaper() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.txt");
    std::fs::write(&page, kanbao::load::BUNDLED_PAGE).unwrap();
    let made = dir.path().join("p.json");
    let out = kanbao(
        dir.path(),
        &[
            "import",
            page.to_str().unwrap(),
            "--source",
            "劳动午报",
            "-o",
            made.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: Value = serde_json::from_slice(&std::fs::read(&made).unwrap()).unwrap();
    assert_eq!(doc["source"], "劳动午报");
    let out = kanbao(
        dir.path(),
        &["--data", made.to_str().unwrap(), "export", "--id", "5"],
    );
    assert!(
        stdout(&out).contains("· 劳动午报 · 记者 陈曦 · id 5*"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn articles_are_chosen_by_id_in_order_by_search_and_by_tag_with_notes() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let data = paper(home);
    let out = kanbao(
        home,
        &[
            "--data", &data, "export", "--id", "a3", "a1", "--format", "json",
        ],
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a3", "a1"]);
    let out = kanbao(home, &["--data", &data, "export", "--id", "a1", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nope"), "{}", stderr(&out));
    let out = kanbao(home, &["--data", &data, "export", "--query", "驿站"]);
    let text = stdout(&out);
    assert!(text.starts_with("# 审读报告：搜索“驿站”\n"), "{text}");
    assert!(text.contains("共 1 篇") && text.contains("## 大兴驿站"));
    assert!(
        kanbao(home, &["--data", &data, "tag", "a2", "+待核实"])
            .status
            .success()
    );
    assert!(
        kanbao(home, &["--data", &data, "tag", "a3", "+待核实", "+重要"])
            .status
            .success()
    );
    assert!(
        kanbao(
            home,
            &["--data", &data, "note", "a3", "日期存疑\n请核对原版"]
        )
        .status
        .success()
    );
    let out = kanbao(
        home,
        &["--data", &data, "export", "--tag", "待核实", "--notes"],
    );
    let text = stdout(&out);
    assert!(text.starts_with("# 审读报告：标签 待核实\n"), "{text}");
    assert!(text.contains("共 2 篇"), "{text}");
    assert!(
        text.contains("> **审读意见**\n>\n> 日期存疑\\\n> 请核对原版\n>\n> 标签：待核实、重要\n"),
        "{text}"
    );
    // Tags and no note: the tags alone, no 审读意见 heading over nothing.
    assert!(text.contains("\n\n> 标签：待核实\n"), "{text}");
    assert_eq!(text.matches("> **审读意见**").count(), 1, "{text}");
    // Without --notes, none.
    let out = kanbao(home, &["--data", &data, "export", "--tag", "待核实"]);
    assert!(!stdout(&out).contains("审读意见"));
    // JSON keeps schema 1 with the note and tags, and loads back.
    let made = home.join("back.json");
    let out = kanbao(
        home,
        &[
            "--data",
            &data,
            "export",
            "--notes",
            "--format",
            "json",
            "-o",
            made.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: Value = serde_json::from_slice(&std::fs::read(&made).unwrap()).unwrap();
    let a3 = doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "a3")
        .unwrap()
        .clone();
    assert_eq!(a3["note"], "日期存疑\n请核对原版");
    assert_eq!(a3["tags"], json!(["待核实", "重要"]));
    assert!(
        kanbao(
            home,
            &[
                "--data",
                made.to_str().unwrap(),
                "check",
                made.to_str().unwrap()
            ]
        )
        .status
        .success()
    );
}

#[test]
fn nothing_chosen_says_why_and_writes_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let data = paper(home);
    let report = home.join("report.md");
    let out = kanbao(
        home,
        &[
            "--data",
            &data,
            "export",
            "--bookmarked",
            "-o",
            report.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("没有符合条件的文章：已收藏"),
        "{}",
        stderr(&out)
    );
    assert!(!report.exists(), "an empty report was written");
    assert!(stdout(&out).is_empty());
    let out = kanbao(home, &["--data", &data, "export", "--query", "没有这个词"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    assert!(stderr(&out).contains("没有这个词"), "{}", stderr(&out));
    // With something chosen, -o writes the file and says so; stdout stays empty.
    let out = kanbao(
        home,
        &["--data", &data, "export", "-o", report.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    assert!(stderr(&out).contains("已导出 3 篇到"), "{}", stderr(&out));
    assert!(
        std::fs::read_to_string(&report)
            .unwrap()
            .starts_with("# 审读报告")
    );
}

/// Text that Markdown would read as markup if it were not escaped.
const HOSTILE: [&str; 24] = [
    "*重要* 通知",
    "# 不是标题",
    "- 不是列表",
    "+ 也不是",
    "1. 不是有序列表",
    "2) 也不是",
    "> 不是引用",
    "`不是代码`",
    "[不是链接](http://example.com)",
    "![不是图](x.png)",
    "<b>不是 HTML</b>",
    "&amp; 不是实体 &#42;",
    "| 不是 | 表格 |",
    "~~不是删除线~~",
    "_不是斜体_ __也不是粗体__",
    "---",
    "===",
    "***",
    "\\ 反斜杠 \\*",
    "    不是代码块",
    "```",
    "标题 #",
    "<http://example.com>",
    "a  \nb",
];

/// The text of each block of `md` as a Markdown parser reads it: (kind, text) where kind is
/// `h1`, `h2`, `h3`, `p`, `quote-p` or `item`.
fn blocks(md: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut kind: Vec<String> = Vec::new();
    let mut text = String::new();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let level = match level {
                    HeadingLevel::H1 => "h1",
                    HeadingLevel::H2 => "h2",
                    _ => "h3",
                };
                kind.push(level.to_owned());
            }
            Event::Start(Tag::BlockQuote(_)) => kind.push("quote".into()),
            Event::Start(Tag::Item) => kind.push("item".into()),
            Event::Start(Tag::Paragraph) => {
                let inside = kind.last().map_or("p".to_owned(), |k| format!("{k}-p"));
                kind.push(inside);
            }
            Event::Start(other) => kind.push(format!("{other:?}")),
            Event::End(TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item) => {
                let k = kind.pop().unwrap();
                if !text.is_empty() || k != "item" {
                    out.push((k, std::mem::take(&mut text)));
                }
            }
            Event::End(_) => {
                kind.pop();
            }
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak => text.push(' '),
            Event::HardBreak => text.push('\n'),
            Event::Html(h) | Event::InlineHtml(h) => text.push_str(&format!("<HTML {h}>")),
            Event::Rule => out.push(("rule".into(), String::new())),
            _ => {}
        }
    }
    out
}

#[test]
fn markdown_prints_data_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let articles: Vec<Value> = HOSTILE
        .iter()
        .enumerate()
        .map(|(i, t)| json!({ "id": format!("h{i}"), "title": t, "kicker": t, "subtitle": t, "paragraphs": [t, format!("正文 {t}")] }))
        .collect();
    let path = home.join("hostile.json");
    std::fs::write(
        &path,
        json!({ "schema": 1, "articles": articles }).to_string(),
    )
    .unwrap();
    let data = path.to_str().unwrap();
    let note = HOSTILE.join("\n");
    assert!(
        kanbao(home, &["--data", data, "note", "h0", &note])
            .status
            .success()
    );
    let out = kanbao(
        home,
        &["--data", data, "export", "--notes", "--title", HOSTILE[0]],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    let read = blocks(&md);
    assert!(read.iter().all(|(_, t)| !t.contains("<HTML")), "{read:?}");
    assert_eq!(read[0], ("h1".into(), HOSTILE[0].into()), "{read:?}");
    // What a terminal-safe export makes of a line break inside a title: a space.
    let flat = |t: &str| t.replace('\n', " ").trim_start().to_owned();
    for t in HOSTILE {
        let want = flat(t);
        // The kicker is a plain paragraph (above the title): only a note is quoted.
        for kind in ["h2", "h3", "p", "item"] {
            let found = read.iter().any(|(k, text)| {
                k == kind
                    && (text == &want
                        || text.starts_with(&format!("{want} · "))
                        || text == &format!("正文 {want}"))
            });
            assert!(found, "{kind} {t:?} not read back as text:\n{md}\n{read:?}");
        }
    }
    // The note reads back line by line.
    let quoted: Vec<&str> = read
        .iter()
        .filter(|(k, _)| k == "quote-p")
        .map(|(_, t)| t.as_str())
        .collect();
    let want = note
        .lines()
        .map(str::trim_start)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(quoted.contains(&want.as_str()), "{quoted:?}");
    // The only headings are the title, the contents and the articles': nothing from the data.
    let headings = read.iter().filter(|(k, _)| k.starts_with('h')).count();
    assert_eq!(headings, 2 + HOSTILE.len() * 2, "{read:?}");
}

/// Five articles whose data order is not their dates' order, one undated; loading puts
/// them newest first: c3, c5 (01-05), c1, c4 (01-03), c2 (undated).
fn unordered(dir: &Path) -> String {
    let doc = json!({
        "schema": 1,
        "articles": [
            { "id": "c1", "title": "甲", "date": "2024-01-03", "paragraphs": ["一。"] },
            { "id": "c2", "title": "乙", "paragraphs": ["二。"] },
            { "id": "c3", "title": "丙", "date": "2024-01-05", "paragraphs": ["三。"] },
            { "id": "c4", "title": "丁", "date": "2024-01-03", "paragraphs": ["四。"] },
            { "id": "c5", "title": "戊", "date": "2024-01-05", "paragraphs": ["五。"] }
        ]
    });
    let path = dir.join("unordered.json");
    std::fs::write(&path, doc.to_string()).unwrap();
    path.display().to_string()
}

/// The ids of a JSON export, in order.
fn exported_ids(out: &Output) -> Vec<String> {
    assert!(out.status.success(), "{}", stderr(out));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Bookmarks `ids` in the state file, the first made first (one second apart), as the
/// reader would have stamped them.
fn bookmark_in_order(home: &Path, data: &str, ids: &[&str]) {
    // Let kanbao write the data's entry (its key), then stamp the bookmarks by hand so
    // their order does not hang on the clock.
    assert!(
        kanbao(home, &["--data", data, "tag", ids[0], "+x"])
            .status
            .success()
    );
    let path = home.join("state.json");
    let mut state: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let sources = state["sources"].as_object_mut().unwrap();
    assert_eq!(sources.len(), 1, "{sources:?}");
    let source = sources.values_mut().next().unwrap();
    for (n, id) in ids.iter().enumerate() {
        let at = 1_764_900_000_000_u64 + 1_000 * n as u64;
        source["entries"][*id]["bookmarked"] = json!({ "v": true, "at": at });
    }
    std::fs::write(&path, state.to_string()).unwrap();
}

#[test]
fn order_given_and_date_put_the_articles_in_the_order_asked() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let data = unordered(home);
    let ids = |extra: &[&str]| {
        let mut args = vec!["--data", data.as_str(), "export", "--format", "json"];
        args.extend_from_slice(extra);
        exported_ids(&kanbao(home, &args))
    };
    // All of them: the data's order (newest first), by default and by date.
    assert_eq!(ids(&[]), ["c3", "c5", "c1", "c4", "c2"]);
    assert_eq!(ids(&["--order", "date"]), ["c3", "c5", "c1", "c4", "c2"]);
    assert_eq!(ids(&["--order", "given"]), ["c3", "c5", "c1", "c4", "c2"]);
    // --id: as given by default and with `given`; by date newest first, one day in the
    // data's order, undated last.
    let chosen = ["--id", "c2", "c4", "c3", "c1", "c5"];
    assert_eq!(ids(&chosen), ["c2", "c4", "c3", "c1", "c5"]);
    let given = [&chosen[..], &["--order", "given"]].concat();
    assert_eq!(ids(&given), ["c2", "c4", "c3", "c1", "c5"]);
    let by_date = [&chosen[..], &["--order", "date"]].concat();
    assert_eq!(ids(&by_date), ["c3", "c5", "c1", "c4", "c2"]);
    // --bookmarked: the data's order by default, the order they were bookmarked in with
    // `given`, newest first with `date`.
    bookmark_in_order(home, &data, &["c4", "c2", "c5", "c1"]);
    assert_eq!(ids(&["--bookmarked"]), ["c5", "c1", "c4", "c2"]);
    assert_eq!(
        ids(&["--bookmarked", "--order", "given"]),
        ["c4", "c2", "c5", "c1"]
    );
    assert_eq!(
        ids(&["--bookmarked", "--order", "date"]),
        ["c5", "c1", "c4", "c2"]
    );
    // --id wins over the bookmarks' order.
    assert_eq!(
        ids(&["--bookmarked", "--order", "given", "--id", "c1", "c2", "c3"]),
        ["c1", "c2"]
    );
    // The Markdown report lists and prints them in that order too.
    let out = kanbao(
        home,
        &[
            "--data",
            &data,
            "export",
            "--bookmarked",
            "--order",
            "given",
        ],
    );
    let text = stdout(&out);
    assert!(
        text.contains("1. 丁 · 2024-01-03\n2. 乙\n3. 戊 · 2024-01-05\n4. 甲 · 2024-01-03\n"),
        "{text}"
    );
    let at = |title: &str| text.find(&format!("## {title}\n")).unwrap();
    assert!(at("丁") < at("乙") && at("乙") < at("戊") && at("戊") < at("甲"));
    // A bad order is refused by name.
    let out = kanbao(home, &["--data", &data, "export", "--order", "best"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("given"), "{}", stderr(&out));
}
