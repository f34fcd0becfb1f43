//! The operators the index answers (format 9: `kind:`, `reporter:`, `district:未注明` and
//! `OR` groups) on odd data: over a small hand-written archive of odd cases (reporter names that fold,
//! zero-width characters, several or no reporters, an empty name, a name longer than
//! tantivy keeps a term, articles with no district), the indexed path answers as the
//! in-memory one does, on the command line and in the reader.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use kanbao::action::Action;
use kanbao::app::Options;
use kanbao::collection::Collection;
use kanbao::index;
use serde_json::json;
use support::cli::{kanbao_in, stdout};
use support::{act, shown_ids as ids};
use tempfile::TempDir;

/// A reporter's name of 30,002 characters (90,006 bytes): longer than the longest term
/// tantivy indexes (65,530 bytes), which it leaves out of the index without a word.
fn long_name() -> String {
    format!("孙艳{}", "啊".repeat(30_000))
}

/// An id of 75,001 bytes ending in `last`.
fn long_id(last: char) -> String {
    format!("{}{last}", "号".repeat(25_000))
}

/// The odd cases, one article each.
fn articles() -> Vec<serde_json::Value> {
    vec![
        json!({"id": "1", "title": "工会驿站开放", "district": "西城区", "districts": ["西城区"],
               "reporters": ["孙艳"], "date": "2024-03-08", "paragraphs": ["职工休息。驿站"]}),
        json!({"id": "2", "title": "全角记者", "kind": "photo", "reporters": ["Ａｂｃ"],
               "date": "2024-03-07", "paragraphs": ["图片 abc"]}),
        json!({"id": "3", "title": "零宽", "district": "海淀区", "reporters": ["孙\u{200b}艳", "陈曦"],
               "date": "2024-03-06", "paragraphs": ["食堂开放"]}),
        json!({"id": "4", "title": "空名", "reporters": [""], "date": "2024-03-05",
               "paragraphs": ["医院 食堂"]}),
        json!({"id": "5", "title": "无记者", "district": "朝阳区", "date": "2024-03-04",
               "paragraphs": ["工会 驿站"]}),
        json!({"id": "6", "title": "多记者", "district": "西城区",
               "reporters": ["王 小明", "李四", "孙艳梅"], "date": "2024-03-03",
               "paragraphs": ["工会驿站 医院"]}),
        json!({"id": "7", "title": "重名", "district": null, "reporters": ["孙艳", "孙艳"],
               "date": "2024-03-02", "paragraphs": ["驿站驿站"]}),
        json!({"id": "8", "title": "连字", "kind": "photo", "reporters": ["ﬁ张"],
               "paragraphs": ["无日期"]}),
        json!({"id": "9", "title": "开尔文", "reporters": ["\u{212a}elvin", "ＡＢＣ"],
               "date": "2024-02-01", "paragraphs": ["K"]}),
        json!({"id": "10", "title": "长名", "reporters": [long_name()], "date": "2024-01-01",
               "paragraphs": ["长长的名字"]}),
        // A title that shows nothing: the loader keeps it (the reader shows 无标题), so the
        // index must too (it refused the whole file until session 25).
        json!({"id": "11", "title": "   ", "reporters": ["孙艳"], "date": "2024-01-02",
               "paragraphs": ["驿站 无题"]}),
        // Ids longer than tantivy keeps a term, sharing their first 65,530 bytes.
        json!({"id": long_id('a'), "title": "长号甲", "date": "2024-01-03", "paragraphs": ["长号"]}),
        json!({"id": long_id('b'), "title": "长号乙", "date": "2024-01-03", "paragraphs": ["长号"]}),
    ]
}

/// Queries of operators alone and with terms.
const QUERIES: &[&str] = &[
    "无题",
    "reporter:孙艳",
    "reporter:艳",
    "reporter:孙\u{200b}艳",
    "reporter:abc",
    "reporter:ＡＢ",
    "reporter:kelvin",
    "reporter:fi",
    "reporter:\"王 小明\"",
    "reporter:孙 reporter:陈",
    // By pinyin: a reporter found without a Chinese input method.
    "reporter:sunyan",
    "reporter:sy",
    "reporter:chenxi",
    "reporter:cx kind:news",
    "reporter:lisi",
    "reporter:zhang",
    "reporter:s",
    "驿站 记者:sun",
    "reporter:孙艳 kind:news",
    "reporter:啊啊",
    "驿站 reporter:孙",
    "district:未注明",
    "district:西城 district:未注明",
    "district:未注明 kind:photo",
    "kind:photo",
    "驿站|食堂",
    "医院|驿站 district:未注明",
    "驿站|医院 -工会",
];

struct Fixture {
    _dir: TempDir,
    root: PathBuf,
    file: PathBuf,
}

/// The archive, indexed under its own cache root.
fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = TempDir::new().unwrap();
        let root = dir.path().join("xdg-cache").join("kanbao").join("index");
        let file = dir.path().join("a.jsonl");
        let lines: Vec<String> = articles().iter().map(|a| a.to_string()).collect();
        std::fs::write(&file, lines.join("\n") + "\n").unwrap();
        let mut notes = Vec::new();
        index::update(&root, &file, &mut notes, &mut |_, _, _| {}).unwrap();
        Fixture {
            _dir: dir,
            root,
            file,
        }
    })
}

fn lazy(path: &Path) -> Collection {
    support::indexed_collection(&fixture().root, path)
}

/// `kanbao --data FILE args…` through the index (when `indexed`) or reading the file whole.
fn run(indexed: bool, args: &[&str]) -> String {
    let fx = fixture();
    let dir = fx.file.parent().unwrap();
    let mut cmd = kanbao_in(dir);
    cmd.arg("--data").arg(&fx.file);
    if !indexed {
        cmd.arg("--no-index");
    }
    stdout(&cmd.args(args).output().unwrap())
}

#[test]
fn odd_reporters_and_districts_through_the_index_equal_the_whole_file() {
    for q in QUERIES {
        for args in [
            vec!["search", "--", q],
            vec!["search", "--count", "--", q],
            vec!["search", "--sort", "date", "--json", "--", q],
            vec!["list", "--query", q],
            vec!["timeline", "--query", q],
        ] {
            assert_eq!(run(true, &args), run(false, &args), "{args:?}");
        }
    }
}

/// `show` and `export --id` find an id longer than tantivy keeps a term, and not another
/// that shares its start (before session 25 the index said there was no such id).
#[test]
fn a_long_id_is_found_through_the_index() {
    let dir = fixture().file.parent().unwrap();
    for last in ['a', 'b'] {
        let id = long_id(last);
        let title = if last == 'a' {
            "长号甲"
        } else {
            "长号乙"
        };
        let args = ["show", id.as_str()];
        let indexed = run(true, &args);
        assert!(indexed.contains(title), "{last}");
        assert_eq!(indexed, run(false, &args), "{last}");
        // `export --id` to a file, each way.
        let mut exported = Vec::new();
        for (indexed, name) in [(true, "indexed.md"), (false, "whole.md")] {
            let out = dir.join(name);
            // `-o` writes a new file only: the last id's report goes first.
            let _ = std::fs::remove_file(&out);
            let out = out.to_str().unwrap();
            run(indexed, &["export", "--id", id.as_str(), "-o", out]);
            exported.push(std::fs::read_to_string(out).unwrap());
        }
        assert!(exported[0].contains(title), "{last}");
        assert_eq!(exported[0], exported[1], "{last}");
    }
}

/// The reader over the index lists what the reader over the file loaded whole lists, with
/// no filter of its own, and with its district filter (西城 and 未注明) or its date filter
/// set, within which the operators of a search narrow alike.
#[test]
fn odd_operators_in_the_reader_over_the_index_alone_and_within_its_filters() {
    use kanbao::date::DateRange;
    use kanbao::filter::{DistrictFilter, Filter};
    let file = &fixture().file;
    let filters = [
        Filter::default(),
        Filter::from(DistrictFilter::parse(&["西城", "未注明"]).unwrap()),
        Filter {
            dates: DateRange::parse("2024-03-03..").unwrap(),
            ..Filter::default()
        },
    ];
    for filter in filters {
        let opts = || Options {
            source: "test".into(),
            filter: filter.clone(),
            ..Options::default()
        };
        let loaded = kanbao::load::load(Some(file)).unwrap().0;
        let mut memory = support::app_over(loaded, opts());
        let mut indexed = support::app_over(lazy(file), opts());
        for app in [&mut memory, &mut indexed] {
            app.update(Action::Resize(100, 30));
        }
        for q in QUERIES {
            for app in [&mut memory, &mut indexed] {
                act(app, Action::OpenSearch);
                act(app, Action::SearchEnd);
                act(app, Action::SearchClearToStart);
                act(app, Action::SearchInput((*q).into()));
                act(app, Action::SearchAccept);
            }
            assert_eq!(ids(&memory), ids(&indexed), "{filter:?} query {q}");
            assert_eq!(memory.query_text(), *q, "the prompt held only {q}");
        }
    }
}
