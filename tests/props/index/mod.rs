//! The persistent index (issue 12): the indexed search gives exactly the in-memory engine's
//! results; damaged, foreign, unfinished and stale indexes are detected and rebuilt; a folder
//! that gains a file indexes only that file. Archives are small generated ones. The tests are
//! in modules by topic; the archives, the fixture and the term makers they share are here.
//!
//! proptest keeps a module's failing seeds in `tests/proptest-regressions/index/<module>.txt`
//! (see `tests/props/main.rs`).
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

mod frequencies;
mod indexed_operators;
mod indexed_terms;
mod reader_and_export;
mod rebuilds;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use kanbao::collection::Collection;
use kanbao::index::{self, Note};
use kanbao::search::Query;
use pinyin::ToPinyin;
use proptest::prelude::*;
use tempfile::TempDir;

use support::{Results, in_memory_results as results};

/// Writes `n` generated articles (seed `seed`) to `path`.
fn generate(path: &Path, n: usize, seed: u64) {
    let mut out = Vec::new();
    kanbao::archive::generate(n, seed, &mut out).unwrap();
    std::fs::write(path, out).unwrap();
}

/// Builds (or brings up to date) the index of `path` under `root`.
fn update(root: &Path, path: &Path) -> (index::Report, Vec<Note>) {
    let mut notes = Vec::new();
    let report = index::update(root, path, &mut notes, &mut |_, _, _| {}).unwrap();
    (report, notes)
}

fn open(root: &Path, path: &Path) -> (index::Archive, Vec<Note>) {
    let mut notes = Vec::new();
    let archive = index::open_in(root, path, &mut notes).expect("an indexed archive");
    (archive, notes)
}

/// The ids of the `k` best articles for `query` (`search | head`), best first.
fn best_ids(archive: &index::Archive, query: &Query, k: usize) -> Vec<String> {
    let best = archive.best_within(query, k).unwrap().unwrap();
    archive
        .read_matches(&best)
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect()
}

/// The ids of the articles at `places`, in that order.
fn ids_of(archive: &index::Archive, places: &[u32]) -> Vec<String> {
    archive
        .articles(places)
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect()
}

fn in_memory(path: &Path, query: &Query) -> Results {
    let (collection, _) = kanbao::load::load(Some(path)).unwrap();
    results(&collection, query)
}

/// The candidates the index finds, read from the data, searched by the in-memory engine
/// (never the whole-archive shortcut of `candidate_collection`, so the index is what is
/// tested).
fn indexed(archive: &index::Archive, query: &Query) -> Results {
    let places = archive.candidates(query).unwrap();
    let candidates = Collection::new(None, archive.articles(&places).unwrap());
    results(&candidates, query)
}

/// Two archives indexed once for the property test: one file, and a folder of two files.
struct Fixture {
    _dir: TempDir,
    root: PathBuf,
    paths: Vec<PathBuf>,
    collections: Vec<Collection>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = TempDir::new().unwrap();
        let root = dir.path().join("cache");
        let file = dir.path().join("one.jsonl");
        generate(&file, 160, 3);
        let folder = dir.path().join("folder");
        std::fs::create_dir(&folder).unwrap();
        generate(&folder.join("a.jsonl"), 90, 5);
        // Ids of another seed would collide with the first file's: shift them.
        let mut b = Vec::new();
        kanbao::archive::generate(90, 11, &mut b).unwrap();
        let b = String::from_utf8(b)
            .unwrap()
            .replace("\"id\":\"", "\"id\":\"b-");
        std::fs::write(folder.join("b.jsonl"), b).unwrap();
        let paths = vec![file, folder];
        let collections = paths
            .iter()
            .map(|p| {
                update(&root, p);
                kanbao::load::load(Some(p)).unwrap().0
            })
            .collect();
        Fixture {
            _dir: dir,
            root,
            paths,
            collections,
        }
    })
}

/// A piece of an article's text as a term: literal, or as pinyin (full, initials, mixed, or
/// full with the last letter not yet typed).
fn term_from(collection: &Collection, pick: (usize, usize, usize, usize, u8)) -> String {
    let (a, p, start, len, mode) = pick;
    let article = &collection[a % collection.len()];
    let fields: Vec<&String> = std::iter::once(&article.title)
        .chain(&article.paragraphs)
        .collect();
    let text: Vec<char> = fields[p % fields.len()].chars().collect();
    if text.is_empty() {
        return "工会".into();
    }
    let start = start % text.len();
    let piece: String = text[start..(start + 1 + len % 6).min(text.len())]
        .iter()
        .collect();
    if mode == 0 {
        // One term: no space, and no quote mark that would make a phrase of part of it
        // (`“两新”组织` is two terms).
        return piece.replace(['"', ' ', '\u{3000}', '“', '”'], "");
    }
    spell(&piece, mode)
}

/// `piece` typed in pinyin (`mode` 1: full, 2: initials, 3: mixed, 4: full with the last
/// letter not yet typed), up to its first character without a reading; `piece` itself
/// when its first has none.
fn spell(piece: &str, mode: u8) -> String {
    let mut out = String::new();
    for (i, c) in piece.chars().enumerate() {
        let Some(py) = c.to_pinyin() else { break };
        let full = py.plain().replace('ü', "v");
        let initial = &full[..1];
        let use_full = match mode {
            1 => true,
            2 => false,
            _ => i % 2 == 0,
        };
        out.push_str(if use_full { &full } else { initial });
    }
    if mode == 4 && out.len() > 2 {
        // Typing: the last syllable only begun.
        out.pop();
    }
    if out.is_empty() {
        piece.to_string()
    } else {
        out
    }
}

fn pick() -> impl Strategy<Value = (usize, usize, usize, usize, u8)> {
    (0..1000usize, 0..20usize, 0..400usize, 0..6usize, 0..5u8)
}

/// A temporary archive of one file, indexed.
fn indexed_file(n: usize) -> (TempDir, PathBuf, PathBuf) {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("cache");
    let file = dir.path().join("a.jsonl");
    generate(&file, n, 2);
    update(&root, &file);
    (dir, root, file)
}
