//! The loader on any bytes, as JSON Lines (in tiny blocks, on two threads), as one JSON
//! document, and with no extension (the format told by content): never a panic; an error
//! names a line and column that exist; a success holds only articles with unique, visible
//! ids, the same as a line-by-line reference parse. `check` (which goes on past problems)
//! reports first what loading reports, and nothing when loading succeeds.
#![no_main]
use std::collections::HashSet;

use kanbao::article::Article;
use kanbao::error::{Error, is_invisible};
use kanbao::load::{LoadOptions, check, load_with};
use libfuzzer_sys::fuzz_target;

fn check_place(bytes: &[u8], e: &Error) {
    let lines = bytes.split(|&b| b == b'\n').count();
    let place = match e {
        Error::Syntax { place, .. }
        | Error::NotUtf8 { place }
        | Error::Truncated { place }
        | Error::Shape { place, .. }
        | Error::BadId { place, .. } => place,
        _ => return,
    };
    if let Some(line) = place.line {
        assert!(line >= 1 && line <= lines, "line {line} of {lines}: {e}");
    }
    if let Some(column) = place.column {
        assert!(column >= 1, "{e}");
    }
}

fuzz_target!(|bytes: &[u8]| {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["a.jsonl", "a.json", "a"] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        let options = LoadOptions {
            threads: 2,
            block_bytes: 64,
        };
        let loaded = load_with(Some(&path), &options);
        let report = check(&path).expect("the file opens");
        match &loaded {
            Ok((collection, _)) => {
                assert!(report.problems.is_empty(), "{:?}", report.problems);
                assert_eq!(report.collection.articles.len(), collection.articles.len());
                let mut ids = HashSet::new();
                for a in &collection.articles {
                    assert!(!a.id.is_empty() && !a.id.chars().any(is_invisible));
                    assert!(ids.insert(a.id.clone()));
                }
                if name.ends_with("jsonl") {
                    let text = std::str::from_utf8(bytes).expect("loaded, so UTF-8");
                    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
                    let reference: Vec<Article> = text
                        .lines()
                        .filter(|l| !l.trim().is_empty())
                        .map(|l| serde_json::from_str(l).expect("loaded, so each line parses"))
                        .collect();
                    // Loading puts the newest day first (a stable sort).
                    let mut reference = reference;
                    kanbao::load::newest_first(&mut reference);
                    assert_eq!(reference, collection.articles);
                }
            }
            Err(e) => {
                check_place(bytes, e);
                let first = report.problems.first().expect("check finds it too");
                assert_eq!(first.to_string(), e.to_string());
            }
        }
    }
});
