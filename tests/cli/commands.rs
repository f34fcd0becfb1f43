//! What each command prints, on the bundled page and on small archives: `list`,
//! `districts`, `show`, `import`, `check`, `export`, `completions`, and the marks of the
//! state file.

use serde_json::Value;

use crate::support::cli::{json, stderr, stdout};
use crate::{kanbao, write};

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
fn export_markdown_puts_each_kicker_just_above_its_own_heading() {
    let out = kanbao(&["export", "--format", "md"]);
    let text = stdout(&out);
    let collection = kanbao::load::load_bundled().expect("bundled");
    let mut checked = 0;
    for a in collection.as_slice() {
        if let Some(kicker) = &a.kicker {
            // A plain line, as in the paper and the txt export: not a `>` quote, which is
            // how a note looks.
            let block = format!("---\n\n{kicker}\n\n## {}\n", a.title);
            assert!(text.contains(&block), "{block}\n{text}");
            assert!(!text.contains(&format!("> {kicker}")), "{text}");
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
