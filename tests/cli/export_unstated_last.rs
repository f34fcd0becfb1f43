//! The report's counts by district (`按区：…`, `By district: …`, JSON `by_district`) put
//! 未注明 last: it is no district, so it does not go among the districts by its count (a
//! hands-on test, session 36: `按区：西城区 2 篇，未注明 2 篇，大兴区 1 篇`). The districts
//! themselves stay most first, then by name.

#![allow(
    clippy::unwrap_used,
    reason = "a test should panic at the first surprise"
)]

use crate::support;

use std::path::Path;
use std::process::Output;

use serde_json::{Value, json};

/// `kanbao --state dir/state.json args…` on 2024-12-06 (UTC), with nothing of the user's.
fn kanbao(dir: &Path, args: &[&str]) -> Output {
    let out = support::cli::kanbao_dated(dir).args(args).output().unwrap();
    assert!(out.status.success(), "{}", support::cli::stderr(&out));
    out
}

/// Three articles that name no district, two of 西城区, one each of 朝阳区 and 大兴区.
fn paper(dir: &Path) -> String {
    let article = |id: &str, district: Option<&str>| {
        json!({"id": id, "title": format!("文章{id}"), "district": district,
               "date": "2024-01-05", "paragraphs": ["正文。"]})
    };
    let doc = json!({"schema": 1, "articles": [
        article("a1", None),
        article("a2", Some("朝阳区")),
        article("a3", Some("西城区")),
        article("a4", None),
        article("a5", Some("大兴区")),
        article("a6", Some("西城区")),
        article("a7", None),
    ]});
    let path = dir.join("paper.json");
    std::fs::write(&path, doc.to_string()).unwrap();
    path.display().to_string()
}

/// The line of the report that opens with `label`.
fn line_of(text: &str, label: &str) -> String {
    let found = text.lines().find(|l| l.starts_with(label));
    found
        .unwrap_or_else(|| panic!("no {label} in {text}"))
        .to_owned()
}

#[test]
fn the_counts_by_district_put_unstated_last_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let data = paper(home);
    let zh = "按区：西城区 2 篇，大兴区 1 篇，朝阳区 1 篇，未注明 3 篇";
    let en = "By district: 西城区 2, 大兴区 1, 朝阳区 1, not stated 3";
    for format in ["md", "txt"] {
        let out = kanbao(home, &["--data", &data, "export", "--format", format]);
        let text = support::cli::stdout(&out);
        assert_eq!(line_of(&text, "按区"), zh, "{format}");
        let args = [
            "--lang", "en", "--data", &data, "export", "--format", format,
        ];
        let text = support::cli::stdout(&kanbao(home, &args));
        assert_eq!(line_of(&text, "By district"), en, "{format}");
    }
    for lang in ["zh", "en"] {
        let args = [
            "--lang", lang, "--data", &data, "export", "--format", "json",
        ];
        let doc: Value = serde_json::from_slice(&kanbao(home, &args).stdout).unwrap();
        assert_eq!(
            doc["report"]["by_district"],
            json!([
                {"district": "西城区", "count": 2},
                {"district": "大兴区", "count": 1},
                {"district": "朝阳区", "count": 1},
                {"district": null, "count": 3},
            ]),
            "{lang}"
        );
    }
    // `kanbao districts` agrees: 未注明 last (the districts in the city's order).
    let out = kanbao(home, &["--data", &data, "districts"]);
    let last = support::cli::stdout(&out)
        .lines()
        .last()
        .unwrap()
        .to_owned();
    assert!(last.starts_with("未注明"), "{last}");
}
