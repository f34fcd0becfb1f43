//! The persistent index (issue 12): the indexed search gives exactly the in-memory engine's
//! results; damaged, foreign, unfinished and stale indexes are detected and rebuilt; a folder
//! that gains a file indexes only that file. Archives are small generated ones.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

mod support;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use kanbao::collection::Collection;
use kanbao::index::{self, Note};
use kanbao::search::Query;
use pinyin::ToPinyin;
use proptest::prelude::*;
use support::{Results, admitted, in_memory_results as results};
use tempfile::TempDir;

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

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Literal, pinyin, mixed and several-term queries: the same articles, in the same order,
    /// with the same hits as the in-memory engine.
    #[test]
    fn indexed_search_equals_in_memory(
        which in 0..2usize,
        first in pick(),
        second in proptest::option::of(pick()),
        letters in proptest::option::of("[a-z]{1,4}"),
        gap in proptest::option::of(1..6usize),
    ) {
        let f = fixture();
        let collection = &f.collections[which];
        let mut query = term_from(collection, first);
        // A quoted phrase with a space typed inside (`"工会 驿站"`, `"gong hui"`): a gap
        // that matches nothing or any whitespace, which the index must not lose.
        if let Some(at) = gap {
            let chars: Vec<char> = query.chars().collect();
            if chars.len() > 1 {
                let at = at % (chars.len() - 1) + 1;
                let (a, b): (String, String) = (chars[..at].iter().collect(), chars[at..].iter().collect());
                query = format!("\"{a} {b}\"");
            }
        }
        if let Some(second) = second {
            query = format!("{query} {}", term_from(collection, second));
        }
        if let Some(letters) = letters {
            query = format!("{query} {letters}");
        }
        let query = Query::parse(&query);
        let (archive, notes) = open(&f.root, &f.paths[which]);
        prop_assert!(notes.is_empty(), "{notes:?}");
        prop_assert_eq!(indexed(&archive, &query), results(collection, &query));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// One literal term, ranked from the postings alone: the in-memory engine's articles in
    /// its order (when the index takes the query; it must take every term that cannot
    /// overlap itself, one character too).
    #[test]
    fn ranked_from_the_index_equals_in_memory(which in 0..2usize, first in pick()) {
        let f = fixture();
        let collection = &f.collections[which];
        let (a, p, start, len, _) = first;
        let term = term_from(collection, (a, p, start, len, 0));
        let query = Query::parse(&term);
        // No term at all is operators only (none here): every article, tested below.
        prop_assume!(!query.is_blank());
        let (archive, _) = open(&f.root, &f.paths[which]);
        let units: Vec<char> = query.terms().first().map(|t| t.folded().chars().collect()).unwrap_or_default();
        let n = units.len();
        let simple = query.terms().len() == 1
            && n >= 1
            && !(1..n).any(|k| units[k..] == units[..n - k]);
        // Latin letters are also pinyin, counted from the postings too (below), one too.
        let simple = simple || (query.terms().len() == 1 && query.terms()[0].is_pinyin() && n >= 1);
        let ranked = archive.ranked(&query).unwrap();
        prop_assert_eq!(ranked.is_some(), simple, "{}", term);
        if let Some(places) = ranked {
            let ids: Vec<String> = places
                .iter()
                .map(|&p| archive.articles(&[p]).unwrap().remove(0).id)
                .collect();
            let expected: Vec<String> = results(collection, &query).into_iter().map(|r| r.0).collect();
            prop_assert_eq!(&ids, &expected, "{}", term);
            // The first rows alone (`search | head`): found from bounds for a term of three
            // characters or more, the same as the first of the whole ranking.
            for k in [1, 3, 10] {
                let best = best_ids(&archive, &query, k);
                prop_assert_eq!(&best[..], &expected[..k.min(expected.len())], "{} k={}", term, k);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Two literal terms, ranked from the postings when neither can overlap the other: the
    /// in-memory engine's articles in its order, its exact hits being the two terms' sum.
    #[test]
    fn two_terms_ranked_from_the_index_equal_in_memory(which in 0..2usize, first in pick(), second in pick()) {
        let f = fixture();
        let collection = &f.collections[which];
        let (a, p, start, len, _) = first;
        let one = term_from(collection, (a, p, start, len, 0));
        let (a, p, start, len, _) = second;
        let two = term_from(collection, (a, p, start, len, 0));
        let text = format!("\"{one}\" \"{two}\"");
        let query = Query::parse(&text);
        let (archive, _) = open(&f.root, &f.paths[which]);
        if let Some(places) = archive.ranked(&query).unwrap() {
            let ids: Vec<String> = ids_of(&archive, &places);
            let expected: Vec<String> = results(collection, &query).into_iter().map(|r| r.0).collect();
            prop_assert_eq!(&ids, &expected, "{}", text);
            for k in [1, 4] {
                let best = best_ids(&archive, &query, k);
                prop_assert_eq!(&best[..], &expected[..k.min(expected.len())], "{} k={}", text, k);
            }
        }
    }
}

/// Every match the index counts for `query` (`None`: it cannot), as the in-memory engine
/// gives them: id, hits, title hits, sorted by id.
fn counted(archive: &index::Archive, query: &Query) -> Option<Results> {
    let found = archive.matches(query).unwrap()?;
    let articles = archive.read_matches(&found).unwrap();
    let mut out: Results = articles
        .into_iter()
        .zip(&found)
        .map(|(a, m)| (a.id, m.hits(), m.title_hits()))
        .collect();
    out.sort();
    Some(out)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// One pinyin term (full, initials, mixed, the last syllable begun, or any letters, one
    /// letter too), counted from the readings and letter pairs alone (one letter from the
    /// frequencies of first letters and letters): the in-memory engine's articles with its
    /// exact hits and title hits, in its order.
    #[test]
    fn pinyin_counted_from_the_index_equals_in_memory(
        which in 0..2usize,
        first in pick(),
        mode in 1..5u8,
        letters in proptest::option::of("[a-z]{1,5}"),
    ) {
        let f = fixture();
        let collection = &f.collections[which];
        let (a, p, start, len, _) = first;
        let term = letters.unwrap_or_else(|| term_from(collection, (a, p, start, len, mode)));
        let query = Query::parse(&term);
        prop_assume!(query.terms().len() == 1 && query.terms()[0].is_pinyin());
        let (archive, _) = open(&f.root, &f.paths[which]);
        let mut expected = results(collection, &query);
        let order: Vec<String> = expected.iter().map(|r| r.0.clone()).collect();
        expected.sort();
        let Some(found) = counted(&archive, &query) else {
            // Only a long term with very many ways to cut it (`zhongguogongren` has 144,
            // `chuangxinfazhan` 512) is left out; one letter is counted from frequencies.
            prop_assert!(term.len() >= 12, "{}", term);
            return Ok(());
        };
        prop_assert_eq!(found, expected, "{}", term);
        let places = archive.ranked(&query).unwrap().unwrap_or_default();
        let ids: Vec<String> = ids_of(&archive, &places);
        prop_assert_eq!(&ids, &order, "{}", term);
        // The first rows alone (`search gonghui | head`): found from bounds on the
        // frequencies of the readings and letter pairs, in the text and in the headings.
        for k in [1, 3, 10] {
            let best = best_ids(&archive, &query, k);
            prop_assert_eq!(&best[..], &order[..k.min(order.len())], "{} k={}", term, k);
            // The reader's first screen, when it takes it from bounds: the same rows.
            if let Some(first) = archive.first_rows(&query, k).unwrap() {
                let places: Vec<u32> = first.iter().map(|f| f.0).collect();
                prop_assert_eq!(&ids_of(&archive, &places)[..], &best[..], "{} k={}", term, k);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Two terms whose matches may overlap (pinyin and a word, two pinyin terms, a word
    /// inside another), counted together from the index: the in-memory engine's articles
    /// with its exact hits and title hits, in its order.
    #[test]
    fn terms_counted_together_equal_in_memory(
        which in 0..2usize,
        first in pick(),
        second in pick(),
        modes in (0..5u8, 0..5u8),
    ) {
        let f = fixture();
        let collection = &f.collections[which];
        let (a, p, start, len, _) = first;
        let one = term_from(collection, (a, p, start, len, modes.0));
        let (a, p, start, len, _) = second;
        let two = term_from(collection, (a, p, start, len, modes.1));
        let text = format!("{one} {two}");
        let query = Query::parse(&text);
        prop_assume!(query.terms().len() == 2);
        let (archive, _) = open(&f.root, &f.paths[which]);
        let mut expected = results(collection, &query);
        let order: Vec<String> = expected.iter().map(|r| r.0.clone()).collect();
        expected.sort();
        if let Some(found) = counted(&archive, &query) {
            prop_assert_eq!(found, expected, "{}", text);
            let places = archive.ranked(&query).unwrap().unwrap_or_default();
            let ids: Vec<String> = ids_of(&archive, &places);
            prop_assert_eq!(ids, order, "{}", text);
        }
    }
}

/// The reader's counting from the index stops when a newer key has made it stale: an
/// error, not an answer, and before any segment is counted.
#[test]
fn counting_for_the_reader_stops_when_cancelled() {
    let f = fixture();
    let (archive, _) = open(&f.root, &f.paths[1]);
    for q in ["工会", "gonghui", "工会 -驿站"] {
        let query = Query::parse(q);
        assert!(archive.summed_places(&query, &|| true).is_err(), "{q}");
        let counted = archive.summed_places(&query, &|| false).unwrap().unwrap();
        assert!(!counted.is_empty(), "{q}");
    }
}

/// Cancelled while it counts (after a few looks: between segments, then one a document), the
/// count gives an error, never part of an answer (it fails if a segment stopped inside is
/// taken as counted); never cancelled, it is whole.
#[test]
fn counting_stopped_within_a_segment_gives_no_partial_answer() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let f = fixture();
    let (archive, _) = open(&f.root, &f.paths[0]);
    for q in ["工会", "gonghui", "工会 驿站"] {
        let query = Query::parse(q);
        let whole = archive.summed_places(&query, &|| false).unwrap().unwrap();
        for looks in [1, 2, 5, 50, 100_000] {
            let seen = AtomicUsize::new(0);
            let cancelled = || seen.fetch_add(1, Ordering::Relaxed) >= looks;
            match archive.summed_places(&query, &cancelled) {
                Ok(found) => assert_eq!(found.unwrap(), whole, "{q} after {looks}"),
                Err(_) => assert!(looks < 100_000, "{q}: stopped though never cancelled"),
            }
        }
        let seen = AtomicUsize::new(0);
        let once = || seen.fetch_add(1, Ordering::Relaxed) >= 1;
        assert!(
            archive.summed_places(&query, &once).is_err(),
            "{q}: cancelled after its first look, it stops"
        );
    }
}

#[test]
fn two_terms_that_cannot_overlap_are_ranked_from_the_index() {
    let f = fixture();
    let (archive, _) = open(&f.root, &f.paths[0]);
    let query = Query::parse("工会 驿站");
    let places = archive
        .ranked(&query)
        .unwrap()
        .expect("ranked from the postings");
    let ids: Vec<String> = ids_of(&archive, &places);
    let expected: Vec<String> = results(&f.collections[0], &query)
        .into_iter()
        .map(|r| r.0)
        .collect();
    assert!(!ids.is_empty());
    assert_eq!(ids, expected);
    // Terms that may overlap (工会员 holds both) are counted together, not summed.
    let query = Query::parse("工会 会员");
    let expected: Vec<String> = results(&f.collections[0], &query)
        .into_iter()
        .map(|r| r.0)
        .collect();
    let places = archive.ranked(&query).unwrap().expect("counted together");
    let ids: Vec<String> = ids_of(&archive, &places);
    assert_eq!(ids, expected);
}

/// The newest articles found without the collection order are its first ones, for a file
/// and for a folder of two files whose days interleave.
#[test]
fn the_newest_articles_are_the_first_of_the_order() {
    let f = fixture();
    for path in &f.paths {
        for k in [0, 1, 5, 64, 200] {
            let ids = |v: Vec<kanbao::article::Article>| -> Vec<String> {
                v.into_iter().map(|a| a.id).collect()
            };
            let (fresh, _) = open(&f.root, path);
            let newest = ids(fresh.newest_summaries(0..k).unwrap());
            let tail = ids(fresh.newest_summaries(k / 2..k).unwrap());
            let ordered = ids(fresh.summaries(0..k).unwrap());
            assert_eq!(newest, ordered, "{path:?} {k}");
            assert_eq!(tail, ordered[(k / 2).min(ordered.len())..], "{path:?} {k}");
            // Once the order is made, the same.
            assert_eq!(ids(fresh.newest_summaries(0..k).unwrap()), ordered);
        }
    }
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

/// The index folder of `file` and its largest tantivy file.
fn largest_file(root: &Path, file: &Path) -> PathBuf {
    let dir = index::cache::folder(root, &file.canonicalize().unwrap());
    std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .max_by_key(|p| std::fs::metadata(p).unwrap().len())
        .unwrap()
}

fn assert_rebuilt_and_right(root: &Path, file: &Path) {
    let query = Query::parse("工会 gh");
    let (archive, notes) = open(root, file);
    assert!(
        matches!(notes.as_slice(), [Note::Rebuilt { .. }]),
        "{notes:?}"
    );
    assert_eq!(indexed(&archive, &query), in_memory(file, &query));
    // Rebuilt: the next open is clean.
    let (_, notes) = open(root, file);
    assert!(notes.is_empty(), "{notes:?}");
}

#[test]
fn a_truncated_index_file_is_detected_and_rebuilt() {
    let (_dir, root, file) = indexed_file(60);
    let big = largest_file(&root, &file);
    let len = std::fs::metadata(&big).unwrap().len();
    let f = std::fs::OpenOptions::new().write(true).open(&big).unwrap();
    f.set_len(len / 2).unwrap();
    drop(f);
    assert_rebuilt_and_right(&root, &file);
}

#[test]
fn a_scribbled_index_file_is_detected_and_rebuilt() {
    let (_dir, root, file) = indexed_file(60);
    let big = largest_file(&root, &file);
    let mut bytes = std::fs::read(&big).unwrap();
    let mid = bytes.len() / 2;
    for b in &mut bytes[mid..mid + 64] {
        *b ^= 0x5a;
    }
    std::fs::write(&big, bytes).unwrap();
    assert_rebuilt_and_right(&root, &file);
}

#[test]
fn a_half_written_or_foreign_index_is_not_trusted() {
    let (_dir, root, file) = indexed_file(40);
    let dir = index::cache::folder(&root, &file.canonicalize().unwrap());
    // Half-written: the sidecar is the last file written.
    std::fs::remove_file(dir.join(index::cache::META)).unwrap();
    assert_rebuilt_and_right(&root, &file);
    // Foreign: a sidecar that names another file.
    let meta = dir.join(index::cache::META);
    let text = std::fs::read_to_string(&meta).unwrap();
    let other = text.replace("a.jsonl", "b.jsonl");
    std::fs::write(&meta, other).unwrap();
    assert_rebuilt_and_right(&root, &file);
    // Garbage where tantivy's files were, with a sidecar that lists them.
    std::fs::write(dir.join("meta.json"), b"{ not json").unwrap();
    assert_rebuilt_and_right(&root, &file);
}

#[test]
fn an_index_of_another_version_is_built_again_without_a_warning() {
    let (_dir, root, file) = indexed_file(40);
    let meta = index::cache::folder(&root, &file.canonicalize().unwrap()).join(index::cache::META);
    let text = std::fs::read_to_string(&meta).unwrap();
    let format = format!("\"format\":{}", index::schema::FORMAT);
    assert!(text.contains(&format), "{text}");
    std::fs::write(&meta, text.replace(&format, "\"format\":1")).unwrap();
    let (report, notes) = update(&root, &file);
    assert!(notes.is_empty(), "not damaged, only older: {notes:?}");
    assert_eq!(report.built, 1);
    let query = Query::parse("gonghui");
    let (archive, notes) = open(&root, &file);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(indexed(&archive, &query), in_memory(&file, &query));
}

#[test]
fn a_changed_data_file_invalidates_its_index() {
    let (_dir, root, file) = indexed_file(40);
    let mut more = Vec::new();
    kanbao::archive::generate(5, 99, &mut more).unwrap();
    let more = String::from_utf8(more)
        .unwrap()
        .replace("\"id\":\"", "\"id\":\"new-");
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str(&more);
    std::fs::write(&file, text).unwrap();
    let (archive, notes) = open(&root, &file);
    assert!(notes.is_empty(), "a changed file is no damage: {notes:?}");
    assert_eq!(archive.len(), 45);
    let query = Query::parse("");
    assert_eq!(indexed(&archive, &query), in_memory(&file, &query));
}

#[test]
fn a_folder_gaining_a_file_indexes_only_the_new_one() {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("cache");
    let folder = dir.path().join("daily");
    std::fs::create_dir(&folder).unwrap();
    generate(&folder.join("2019-01.jsonl"), 30, 1);
    let (report, _) = update(&root, &folder);
    assert_eq!((report.files, report.built, report.articles), (1, 1, 30));
    let mut b = Vec::new();
    kanbao::archive::generate(20, 8, &mut b).unwrap();
    let b = String::from_utf8(b)
        .unwrap()
        .replace("\"id\":\"", "\"id\":\"b-");
    std::fs::write(folder.join("2019-02.jsonl"), b).unwrap();
    let (report, _) = update(&root, &folder);
    assert_eq!((report.files, report.built, report.articles), (2, 1, 50));
    let (archive, _) = open(&root, &folder);
    let query = Query::parse("gonghui");
    assert_eq!(indexed(&archive, &query), in_memory(&folder, &query));
    // A removed file's articles disappear.
    std::fs::remove_file(folder.join("2019-01.jsonl")).unwrap();
    let (archive, _) = open(&root, &folder);
    assert_eq!(archive.len(), 20);
}

/// A folder of two files of 10 articles, `a.jsonl` of seed 1 and `b.jsonl` of `b_seed`:
/// the temporary folder holding it, the cache root, the folder.
fn two_files(b_seed: u64) -> (TempDir, PathBuf, PathBuf) {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("cache");
    let folder = dir.path().join("two");
    std::fs::create_dir(&folder).unwrap();
    generate(&folder.join("a.jsonl"), 10, 1);
    generate(&folder.join("b.jsonl"), 10, b_seed);
    (dir, root, folder)
}

#[test]
fn a_folder_with_a_duplicate_id_across_files_is_left_to_the_loader() {
    // The same seed twice: the same ids in both files.
    let (_dir, root, folder) = two_files(1);
    update(&root, &folder);
    let mut notes = Vec::new();
    assert!(index::open_in(&root, &folder, &mut notes).is_none());
    assert!(kanbao::load::load(Some(&folder)).is_err());
}

/// Ids found unique are not read again at the next open (a record in the cache); a file
/// changed to repeat another's id is checked again and the archive left to the loader.
#[test]
fn ids_found_unique_are_trusted_until_a_file_changes() {
    let (_dir, root, folder) = two_files(2);
    // Ids of another seed would collide with the first file's: shift them.
    let b = std::fs::read_to_string(folder.join("b.jsonl")).unwrap();
    std::fs::write(
        folder.join("b.jsonl"),
        b.replace("\"id\":\"", "\"id\":\"b-"),
    )
    .unwrap();
    update(&root, &folder);
    let (first, _) = open(&root, &folder);
    let records = || std::fs::read_dir(root.join("archives")).map_or(0, |d| d.count());
    assert_eq!(records(), 1, "the check is recorded");
    let (again, _) = open(&root, &folder);
    assert_eq!(again.id_digest(), first.id_digest());
    // A new file: the record is replaced, not joined by another (one per archive).
    generate(&folder.join("c.jsonl"), 5, 3);
    let c = std::fs::read_to_string(folder.join("c.jsonl")).unwrap();
    std::fs::write(
        folder.join("c.jsonl"),
        c.replace("\"id\":\"", "\"id\":\"c-"),
    )
    .unwrap();
    let (three, _) = open(&root, &folder);
    assert_eq!(three.len(), 25);
    assert_eq!(records(), 1, "one record an archive");
    std::fs::remove_file(folder.join("c.jsonl")).unwrap();
    let (loaded, _) = kanbao::load::load(Some(&folder)).unwrap();
    let from_ids =
        kanbao::state::digest(loaded.iter().map(|a| kanbao::state::fnv(a.id.as_bytes())));
    assert_eq!(
        again.id_digest(),
        from_ids,
        "the recorded digest is the ids'"
    );
    // b.jsonl now repeats an id of a.jsonl.
    let a = std::fs::read_to_string(folder.join("a.jsonl")).unwrap();
    let b = std::fs::read_to_string(folder.join("b.jsonl")).unwrap();
    let repeated = format!("{b}{}\n", a.lines().next().unwrap());
    std::fs::write(folder.join("b.jsonl"), repeated).unwrap();
    let mut notes = Vec::new();
    assert!(
        index::open_in(&root, &folder, &mut notes).is_none(),
        "{notes:?}"
    );
    assert!(kanbao::load::load(Some(&folder)).is_err());
}

/// When the index ranks `query` (`matches_within`; the answer), its matches are
/// `expected` (the in-memory engine's, filtered by the operators): the same articles; when
/// it answers every operator (`exact_ops`, nothing read) also the same hits, count and
/// order; its first rows (`best_within`) the first of its ranking.
fn ranked_through_the_index(
    archive: &index::Archive,
    query: &Query,
    expected: &Results,
    text: &str,
) -> Result<bool, TestCaseError> {
    let Some(found) = archive.matches_within(query).unwrap() else {
        return Ok(false);
    };
    let mut order = found.clone();
    order.sort_by_key(|m| m.rank);
    let ids = |found: &[index::open::Match]| -> Vec<String> {
        archive
            .read_matches(found)
            .unwrap()
            .into_iter()
            .map(|a| a.id)
            .collect()
    };
    if index::open::exact_ops(query) {
        // Counted from the index alone (`search --count`): exactly the matches, in order.
        let hits: usize = found.iter().map(|m| m.hits()).sum();
        prop_assert_eq!(found.len(), expected.len(), "{}", text);
        prop_assert_eq!(
            hits,
            expected.iter().map(|r| r.1).sum::<usize>(),
            "{}",
            text
        );
        // And without the ranks (a two-character term by its frequency alone).
        let counted = archive.count_within(query).unwrap();
        prop_assert_eq!(counted, Some((found.len(), hits)), "{}", text);
        let want: Vec<String> = expected.iter().map(|r| r.0.clone()).collect();
        prop_assert_eq!(ids(&order), want, "{}", text);
    }
    // The first rows alone (from bounds where the index takes them), with the operators
    // applied: the first of the whole ranking.
    for k in [1, 5] {
        if let Some(best) = archive.best_within(query, k).unwrap() {
            prop_assert_eq!(
                ids(&best),
                ids(&order[..k.min(order.len())]),
                "{} k={}",
                text,
                k
            );
        }
    }
    let ranked = archive.collection_of(found).unwrap();
    prop_assert_eq!(&admitted(&ranked, query), expected, "{}", text);
    Ok(true)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A term with an excluded term and a date range, through the index without the
    /// collection order (candidates narrowed by the postings and the date columns; a ranked
    /// term's matches likewise): what the whole archive gives, in the same order.
    #[test]
    fn operators_through_the_index_equal_in_memory(
        which in 0..2usize,
        first in pick(),
        second in pick(),
        day in proptest::option::of(1..25u32),
        pinyin in any::<bool>(),
        heading in proptest::option::of((0..1000usize, 0..400usize, 0..6usize, 0..5u8)),
        district in proptest::option::of(0..1000usize),
    ) {
        let f = fixture();
        let collection = &f.collections[which];
        let (a, p, start, len, mode) = first;
        let term = term_from(collection, (a, p, start, len, if pinyin { mode } else { 0 }));
        let (a, p, start, len, _) = second;
        let excluded = term_from(collection, (a, p, start, len % 3, 0));
        let mut text = format!("{term} -{excluded}");
        if let Some(day) = day {
            text.push_str(&format!(" date:2019-01-{:02}..2019-01-{:02}", day, day + 3));
        }
        // A `title:` term from a title (the headings' bigrams narrow its candidates) and a
        // `district:` of some article (its district field does).
        if let Some((a, start, len, mode)) = heading {
            let t = term_from(collection, (a, 0, start, len, mode));
            if !t.is_empty() {
                text.push_str(&format!(" title:{t}"));
            }
        }
        if let Some(name) = district.and_then(|a| collection[a % collection.len()].district.clone()) {
            text.push_str(&format!(" district:{name}"));
        }
        let query = Query::parse(&text);
        let (archive, _) = open(&f.root, &f.paths[which]);
        let expected = admitted(collection, &query);
        let blocks = archive.candidate_blocks(&query).unwrap();
        let read: Vec<_> = blocks.flat_map(|b| b.unwrap().as_slice().to_vec()).collect();
        let candidates = Collection::new(None, read);
        prop_assert_eq!(admitted(&candidates, &query), expected.clone(), "{}", text);
        ranked_through_the_index(&archive, &query, &expected, &text)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// `kind:`, `reporter:` (part of a name, or its pinyin), `district:` (未注明 too), an `OR` group and a
    /// pinyin `-term`, with a term or alone (operators only), through the index (format 9:
    /// fields indexed whole and the names' dictionary; pinyin terms as the index counts
    /// them): what the whole archive gives, in the same order, counted without reading.
    #[test]
    fn field_operators_through_the_index_equal_in_memory(
        which in 0..2usize,
        first in proptest::option::of(pick()),
        kind in proptest::option::of(any::<bool>()),
        reporter in proptest::option::of((0..1000usize, 0..3usize, 1..3usize, 0..5u8)),
        district in proptest::option::of(0..1000usize),
        group in proptest::option::of((pick(), pick(), 0..5u8)),
        excluded in proptest::option::of((pick(), 1..5u8)),
    ) {
        let f = fixture();
        let collection = &f.collections[which];
        let mut text = first.map(|pick| term_from(collection, pick)).unwrap_or_default();
        if let Some(photo) = kind {
            text.push_str(if photo { " kind:photo" } else { " 类型:新闻" });
        }
        if let Some((a, start, len, mode)) = reporter {
            // Part of a name, as written or in pinyin.
            let names = &collection[a % collection.len()].reporters;
            if let Some(name) = names.first() {
                let chars: Vec<char> = name.chars().collect();
                let start = start % chars.len();
                let part: String = chars[start..(start + len).min(chars.len())].iter().collect();
                let part = if mode == 0 { part } else { spell(&part, mode) };
                text.push_str(&format!(" reporter:{part}"));
            }
        }
        if let Some(a) = district {
            // 未注明 when the article names no district.
            let name = collection[a % collection.len()].district.clone();
            text.push_str(&format!(" district:{}", name.as_deref().unwrap_or("未注明")));
        }
        let mut pinyin_alternative = false;
        if let Some((one, two, mode)) = group {
            let (a, p, start, len, _) = one;
            let one = term_from(collection, (a, p, start, len, 0));
            let (a, p, start, len, _) = two;
            let two = term_from(collection, (a, p, start, len, mode));
            pinyin_alternative = Query::parse(&two).terms().iter().any(|t| t.is_pinyin());
            text.push_str(&format!(" {one}|{two}"));
        }
        if let Some(((a, p, start, len, _), mode)) = excluded {
            // A pinyin `-term` (the index counts which articles hold it).
            let t = term_from(collection, (a, p, start, len, mode));
            pinyin_alternative |= Query::parse(&t).terms().iter().any(|t| t.is_pinyin());
            text.push_str(&format!(" -{t}"));
        }
        let query = Query::parse(&text);
        prop_assume!(!query.is_blank() && query.ops().any.len() <= 1);
        let (archive, _) = open(&f.root, &f.paths[which]);
        let expected = admitted(collection, &query);
        let blocks = archive.candidate_blocks(&query).unwrap();
        let read: Vec<_> = blocks.flat_map(|b| b.unwrap().as_slice().to_vec()).collect();
        prop_assert_eq!(admitted(&Collection::new(None, read), &query), expected.clone(), "{}", text);
        // Every field operator is the index's to answer, and a pinyin `OR` or `-term` as it
        // counts pinyin (not one letter, nor a term of very many ways to cut it).
        prop_assert!(index::open::exact_ops(&query) || pinyin_alternative, "{}", text);
        // Operators alone are always the index's to rank (collection order, no hits).
        let ranked = ranked_through_the_index(&archive, &query, &expected, &text)?;
        prop_assert!(ranked || !query.is_empty(), "{}", text);
    }
}

#[test]
fn an_interrupted_build_leaves_no_index_and_its_leftovers_go_at_the_next_build() {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("cache");
    let file = dir.path().join("a.jsonl");
    generate(&file, 30, 4);
    let dest = index::cache::folder(&root, &file.canonicalize().unwrap());
    std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
    // What a build killed by Ctrl-C leaves: its temporary folder, half full, named by its
    // process; and one of a build still running (process 1 lives as long as the system).
    let name = dest.file_name().unwrap().to_string_lossy().into_owned();
    let dead = dest.with_file_name(format!("{name}.tmp-4999999-1"));
    let running = dest.with_file_name(format!("{name}.tmp-1-1"));
    for d in [&dead, &running] {
        std::fs::create_dir_all(d).unwrap();
        std::fs::write(d.join("meta.json"), b"{ half").unwrap();
    }
    // Nothing was finished: the archive has no index yet, and is not opened as indexed.
    let mut notes = Vec::new();
    assert!(index::open_in(&root, &file, &mut notes).is_none());
    assert!(notes.is_empty(), "{notes:?}");
    update(&root, &file);
    assert!(!dead.exists(), "the dead build's folder is removed");
    assert!(running.exists(), "a running build's folder is left alone");
    let (archive, notes) = open(&root, &file);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(archive.len(), 30);
}

/// A `title:` term the index counts on its own is answered by the index alone: only the
/// articles where it has title hits, with every hit of the query's terms.
#[test]
fn title_terms_are_counted_from_the_index() {
    let f = fixture();
    for which in 0..2 {
        let collection = &f.collections[which];
        let (archive, _) = open(&f.root, &f.paths[which]);
        for text in [
            "title:工会",
            "驿站 title:工会",
            "title:gonghui",
            "title:服务 -驿站",
        ] {
            let query = Query::parse(text);
            assert!(index::open::exact_ops(&query), "{text}");
            let expected = admitted(collection, &query);
            let hits: usize = expected.iter().map(|r| r.1).sum();
            assert!(!expected.is_empty(), "{text}");
            assert!(
                expected.len()
                    < admitted(collection, &Query::parse(&text.replace("title:", ""))).len(),
                "{text}: the headings narrow"
            );
            assert_eq!(
                archive.count_within(&query).unwrap(),
                Some((expected.len(), hits)),
                "{text}"
            );
            let found = archive.matches_within(&query).unwrap().unwrap();
            let ranked = archive.collection_of(found).unwrap();
            assert_eq!(admitted(&ranked, &query), expected, "{text}");
        }
    }
}

/// Whether the index counts `query` (with its operators) from the postings; if it does,
/// checks its articles, hits and title hits, its order (without operators) and its count
/// against the in-memory engine over `collection`.
fn counted_like_memory(archive: &index::Archive, collection: &Collection, query: &Query) -> bool {
    let Some(found) = archive.matches_within(query).unwrap() else {
        return false;
    };
    let mut expected = admitted(collection, query);
    let order: Vec<String> = expected.iter().map(|r| r.0.clone()).collect();
    expected.sort();
    let articles = archive.read_matches(&found).unwrap();
    let mut got: Results = articles
        .into_iter()
        .zip(&found)
        .map(|(a, m)| (a.id, m.hits(), m.title_hits()))
        .collect();
    got.sort();
    assert_eq!(got, expected, "{query:?}");
    assert!(index::open::exact_ops(query), "{query:?}");
    if query.ops().is_empty() {
        let places = archive.ranked(query).unwrap().unwrap_or_default();
        assert_eq!(ids_of(archive, &places), order, "{query:?}");
    }
    let hits: usize = expected.iter().map(|r| r.1).sum();
    assert_eq!(
        archive.count_within(query).unwrap(),
        Some((expected.len(), hits)),
        "{query:?}"
    );
    true
}

/// A term of one character (format 7: `uni` with frequencies, `huni` for the headings) is
/// counted from frequencies alone: every character of some articles (Han, punctuation,
/// digits, full-width forms), alone, as `title:`, with another term and with an excluded
/// one, gives the in-memory engine's articles, hits and title hits, in its order; one that
/// another term holds (`工 工会`) is left to the matcher.
#[test]
fn one_character_is_counted_from_frequencies() {
    let f = fixture();
    for which in 0..2 {
        let collection = &f.collections[which];
        let (archive, _) = open(&f.root, &f.paths[which]);
        let mut chars: Vec<char> = (0..collection.len())
            .step_by(41)
            .flat_map(|i| {
                let a = &collection[i];
                let text = format!("{}{}", a.title, a.paragraphs.concat());
                text.chars().step_by(97).collect::<Vec<_>>()
            })
            .filter(|c| !c.is_whitespace() && !c.is_ascii_alphabetic() && *c != '"')
            .collect();
        chars.extend(['１', '，', '%', '工', '会', '站']);
        chars.sort_unstable();
        chars.dedup();
        assert!(chars.len() > 15, "{chars:?}");
        for c in chars {
            for text in [
                c.to_string(),
                format!("title:{c}"),
                format!("{c} 驿站"),
                format!("{c} -司机"),
            ] {
                let query = Query::parse(&text);
                if query.terms().iter().any(|t| t.is_pinyin()) {
                    continue;
                }
                if !counted_like_memory(&archive, collection, &query) {
                    let holds = text.contains("驿站") && "驿站".contains(c);
                    assert!(holds, "{text}: not counted");
                }
            }
        }
    }
}

/// A pinyin term of one letter (format 8: `pyi` with frequencies, `hpyi` for the headings)
/// is counted from frequencies alone: every letter, alone and as `title:`, gives the
/// in-memory engine's articles, hits, title hits, order and count.
#[test]
fn one_letter_is_counted_from_frequencies() {
    let f = fixture();
    for which in 0..2 {
        let collection = &f.collections[which];
        let (archive, _) = open(&f.root, &f.paths[which]);
        let mut counted_some = 0;
        for letter in 'a'..='z' {
            for text in [letter.to_string(), format!("title:{letter}")] {
                let query = Query::parse(&text);
                assert!(counted_like_memory(&archive, collection, &query), "{text}");
                counted_some += usize::from(!admitted(collection, &query).is_empty());
            }
        }
        assert!(counted_some > 30, "{counted_some}");
    }
    // Letters written as such count too, beside the characters read with them.
    let dir = TempDir::new().unwrap();
    let (root, file) = (dir.path().join("cache"), dir.path().join("a.jsonl"));
    let mut bytes = Vec::new();
    kanbao::archive::generate(20, 4, &mut bytes).unwrap();
    bytes.extend_from_slice(
        r#"{"id":"latin","title":"Gonghui APP 工会","paragraphs":["gg 各个 Ｇ 工会 gonghui。"]}"#
            .as_bytes(),
    );
    bytes.push(b'\n');
    std::fs::write(&file, bytes).unwrap();
    update(&root, &file);
    let (archive, _) = open(&root, &file);
    let collection = kanbao::load::load(Some(&file)).unwrap().0;
    for text in ["g", "a", "p", "title:g"] {
        let query = Query::parse(text);
        assert!(counted_like_memory(&archive, &collection, &query), "{text}");
        let found = admitted(&collection, &query);
        assert!(found.iter().any(|r| r.0 == "latin"), "{text}");
    }
}

/// A pinyin letter beside words or a phrase with gaps (`北京 g`, typed on the way to `北京
/// gonghui`) is counted from frequencies when no character of theirs is one the letter
/// takes, and then gives the in-memory engine's articles, hits, title hits, order and
/// count; where one is (驿 reads yi, 会 kuai), or beside a second letter, the matches may
/// overlap and it is left to the matcher.
#[test]
fn one_letter_beside_words_it_cannot_overlap_is_counted_from_frequencies() {
    let f = fixture();
    for which in 0..2 {
        let collection = &f.collections[which];
        let (archive, _) = open(&f.root, &f.paths[which]);
        for (text, apart) in [
            ("驿站 g", true),
            ("g 驿站", true),
            ("工会 x", true),
            ("司机 工会 x", true),
            ("\"工会 驿站\" x", true),
            ("title:工会 x", true),
            ("驿站 g -司机", true),
            ("驿站 y", false),
            ("z 驿站", false),
            ("工会 k", false),
            ("\"工会 驿站\" g", false),
            ("驿站 g x", false),
        ] {
            let query = Query::parse(text);
            assert!(!admitted(collection, &query).is_empty(), "{text}: no match");
            assert_eq!(
                counted_like_memory(&archive, collection, &query),
                apart,
                "{text}"
            );
            // The reader sums each term's hits from the index (tests/gapped.rs compares
            // that with the loaded reader's sum): the exact count where none can overlap.
            let summed = archive.summed_places(&query, &|| false).unwrap();
            assert!(summed.is_some(), "{text}: summed by the reader");
            if let Some(summed) = summed.filter(|_| apart) {
                let places: Vec<u32> = summed.iter().map(|c| c.0).collect();
                let mut got: Results = ids_of(&archive, &places)
                    .into_iter()
                    .zip(&summed)
                    .map(|(id, c)| (id, c.1 as usize, c.2 as usize))
                    .collect();
                got.sort();
                let mut expected = admitted(collection, &query);
                expected.sort();
                assert_eq!(got, expected, "{text}: summed by the reader");
            }
        }
    }
}

/// A pinyin letter left out or in an `OR` group (`驿站 -y`, typed on the way to `驿站
/// -yizhan`) is known from frequencies: the index answers the query whole, and gives the
/// in-memory engine's articles, hits, order and count (it read every candidate before:
/// 15 s at 1M).
#[test]
fn a_letter_left_out_or_in_an_or_group_is_known_from_frequencies() {
    let f = fixture();
    for which in 0..2 {
        let collection = &f.collections[which];
        let (archive, _) = open(&f.root, &f.paths[which]);
        for text in [
            "驿站 -y",
            "驿站 -v",
            "工会 v|y",
            "工会 v|q",
            "gonghui -v",
            "-v",
        ] {
            let query = Query::parse(text);
            assert!(index::open::exact_ops(&query), "{text}");
            assert!(counted_like_memory(&archive, collection, &query), "{text}");
        }
    }
}

/// `kanbao export` through the index reads a block at a time and holds only what it
/// chooses: over several blocks it chooses what the loaded archive gives, in its order, and
/// a choice whose data passes the limit is refused, not held.
#[test]
fn export_through_the_index_holds_only_what_it_chooses() {
    use kanbao::index::run::{ExportAsk, export_collection};
    let (_dir, root, file) = indexed_file(kanbao::index::BLOCK + 700);
    let (archive, _) = open(&root, &file);
    let (loaded, _) = kanbao::load::load(Some(&file)).unwrap();
    let keep = |a: &kanbao::article::Article| a.district.as_deref() != Some("朝阳区");
    for q in ["", "工会", "gonghui"] {
        let query = Query::parse(q);
        let ask = ExportAsk {
            ids: &[],
            query: Some(&query),
            dates: Default::default(),
            marked: None,
            keep: &keep,
            most_bytes: u64::MAX,
        };
        let chosen: Vec<String> = export_collection(&archive, &ask)
            .unwrap()
            .iter()
            .map(|a| a.id.clone())
            .collect();
        let found: std::collections::HashSet<String> =
            kanbao::commands::matching(&loaded, keep, &query)
                .into_iter()
                .map(|(a, _)| a.id.clone())
                .collect();
        let expected: Vec<String> = loaded
            .iter()
            .filter(|a| found.contains(&a.id))
            .map(|a| a.id.clone())
            .collect();
        assert!(expected.len() > 100, "{q}: {}", expected.len());
        assert_eq!(chosen, expected, "{q}");
        // A limit below the data chosen: refused once the data chosen passes it.
        let small = ExportAsk {
            most_bytes: 200_000,
            ..ask
        };
        match export_collection(&archive, &small) {
            Err(kanbao::error::Error::TooMuchToExport {
                articles,
                most_bytes,
            }) => {
                assert_eq!(most_bytes, 200_000);
                assert!(articles > 10 && articles < expected.len(), "{articles}");
            }
            other => panic!("{q}: {:?}", other.map(|c| c.len())),
        }
    }
}
