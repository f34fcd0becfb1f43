//! The loader on any bytes, as JSON Lines (in tiny blocks, on two threads) and as one JSON
//! document: never a panic; an error names a line and column that exist; a success holds
//! only titled articles with unique ids, the same as a line-by-line reference parse.
#![no_main]
use std::collections::HashSet;

use kanbao::article::Article;
use kanbao::error::Error;
use kanbao::load::{LoadOptions, load_with};
use libfuzzer_sys::fuzz_target;

fn check_place(bytes: &[u8], e: &Error) {
    let lines = bytes.split(|&b| b == b'\n').count();
    let place = match e {
        Error::Syntax { place, .. } | Error::NotUtf8 { place } => place,
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
    for name in ["a.jsonl", "a.json"] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        let options = LoadOptions {
            threads: 2,
            block_bytes: 64,
        };
        match load_with(Some(&path), &options) {
            Ok((collection, _)) => {
                let mut ids = HashSet::new();
                for a in &collection.articles {
                    assert!(!a.title.trim().is_empty());
                    assert!(ids.insert(a.id.clone()));
                }
                if name.ends_with("jsonl") {
                    let text = std::str::from_utf8(bytes).expect("loaded, so UTF-8");
                    let reference: Vec<Article> = text
                        .lines()
                        .filter(|l| !l.trim().is_empty())
                        .map(|l| serde_json::from_str(l).expect("loaded, so each line parses"))
                        .collect();
                    assert_eq!(reference, collection.articles);
                }
            }
            Err(e) => check_place(bytes, &e),
        }
    }
});
