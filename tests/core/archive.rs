//! The archive generator and the parallel JSON Lines loader, on generated archives.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use kanbao::archive;
use kanbao::article::Article;
use kanbao::district::{self, DISTRICTS};
use kanbao::load::{LoadOptions, load_with};

/// Articles in the shared test archive: several blocks at the small block size below.
const ARTICLES: usize = 3000;

/// Small blocks and more threads than cores, so that every test crosses many blocks.
const SMALL_BLOCKS: LoadOptions = LoadOptions {
    threads: 3,
    block_bytes: 64 << 10,
};

/// The shared generated archive (generating it once keeps the suite fast).
fn archive_bytes() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let mut out = Vec::new();
        archive::generate(ARTICLES, 1, &mut out).expect("generate");
        out
    })
}

fn lines() -> Vec<String> {
    std::str::from_utf8(archive_bytes())
        .expect("generated UTF-8")
        .lines()
        .map(str::to_string)
        .collect()
}

fn write(dir: &Path, bytes: &[u8]) -> PathBuf {
    let path = dir.join("archive.jsonl");
    std::fs::write(&path, bytes).expect("write archive");
    path
}

fn load_error(path: &Path, options: &LoadOptions) -> String {
    match load_with(Some(path), options) {
        Ok((c, _)) => panic!("loaded {} articles, expected an error", c.len()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn the_generator_is_deterministic_in_its_seed() {
    let make = |n, seed| {
        let mut out = Vec::new();
        let written = archive::generate(n, seed, &mut out).expect("generate");
        assert_eq!(written, out.len() as u64);
        out
    };
    assert_eq!(make(200, 7), make(200, 7));
    assert_ne!(make(200, 7), make(200, 8));
    // A longer run starts with the shorter one: n only says where to stop.
    assert!(make(300, 7).starts_with(&make(200, 7)));
}

#[test]
fn every_generated_article_loads_and_states_its_districts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), archive_bytes());
    let (collection, _) = load_with(Some(&path), &LoadOptions::default()).expect("load");
    assert_eq!(collection.len(), ARTICLES);

    let ids: HashSet<&str> = collection.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), ARTICLES, "ids are unique");

    let mut named = HashSet::new();
    let mut unstated = 0;
    for a in collection.as_slice() {
        let headings: Vec<&str> = [a.kicker.as_deref(), Some(&a.title), a.subtitle.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        let (primary, all) = district::detect(&headings, &a.paragraphs);
        assert_eq!(a.district.as_deref(), primary, "{}", a.id);
        assert_eq!(a.districts, all, "{}", a.id);
        match &a.district {
            // Stated in the first paragraph, as a reader would find it.
            Some(d) => {
                assert!(a.paragraphs[0].contains(d.as_str()), "{}", a.id);
                named.insert(d.clone());
            }
            None => unstated += 1,
        }
        assert!(
            a.id.starts_with(a.date.as_deref().unwrap_or("-")),
            "{}",
            a.id
        );
        assert!(!a.reporters.is_empty(), "{}", a.id);
    }
    assert_eq!(named.len(), DISTRICTS.len(), "all 16 districts appear");
    let share = unstated * 100 / ARTICLES;
    assert!((5..=15).contains(&share), "{share}% without a district");
}

#[test]
fn the_parallel_loader_gives_what_a_sequential_parse_gives() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), archive_bytes());
    let mut sequential: Vec<Article> = lines()
        .iter()
        .map(|l| serde_json::from_str(l).expect("article"))
        .collect();
    // The loader lists the newest day first.
    sequential.sort_by(|a, b| b.date.cmp(&a.date));
    for options in [
        SMALL_BLOCKS,
        LoadOptions::default(),
        LoadOptions {
            threads: 1,
            block_bytes: 64 << 10,
        },
    ] {
        let (collection, _) = load_with(Some(&path), &options).expect("load");
        assert!(
            collection.as_slice() == sequential.as_slice(),
            "{options:?}"
        );
    }
}

#[test]
fn a_file_without_a_final_newline_and_with_blank_lines_loads_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut body = lines()[..500].join("\n\n");
    body.push_str("\r\n");
    body.push_str(&lines()[500]);
    let path = write(dir.path(), body.as_bytes());
    let (collection, _) = load_with(Some(&path), &SMALL_BLOCKS).expect("load");
    assert_eq!(collection.len(), 501);
}

#[test]
fn a_syntax_error_deep_in_the_file_names_its_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut lines = lines();
    // Line 2345: Chinese before the error, so the column must count characters.
    let good = r#"{"id":"坏","title":"标题","paragraphs":["#;
    lines[2344] = format!("{good}}}");
    let path = write(dir.path(), lines.join("\n").as_bytes());
    let column = good.chars().count() + 1;
    let expected = format!("{}:2345:{column}", path.display());
    for options in [SMALL_BLOCKS, LoadOptions::default()] {
        let err = load_error(&path, &options);
        assert!(err.starts_with(&expected), "{err} ≠ {expected}");
    }
}

#[test]
fn a_bad_byte_deep_in_the_file_names_its_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut bytes = Vec::new();
    for (i, line) in lines().iter().enumerate() {
        if i == 1999 {
            // After `{"id":"` and the id's first character.
            let at = line.char_indices().nth(8).map_or(0, |(b, _)| b);
            bytes.extend_from_slice(&line.as_bytes()[..at]);
            bytes.push(0xFF);
            bytes.extend_from_slice(&line.as_bytes()[at..]);
        } else {
            bytes.extend_from_slice(line.as_bytes());
        }
        bytes.push(b'\n');
    }
    let path = write(dir.path(), &bytes);
    let err = load_error(&path, &SMALL_BLOCKS);
    assert!(
        err.starts_with(&format!("{}:2000:9", path.display())) && err.contains("UTF-8"),
        "{err}"
    );
}

#[test]
fn a_duplicate_id_across_blocks_names_both_lines() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut articles: Vec<Article> = lines()
        .iter()
        .map(|l| serde_json::from_str(l).expect("article"))
        .collect();
    articles[2899].id = articles[9].id.clone();
    let body: Vec<String> = articles
        .iter()
        .map(|a| serde_json::to_string(a).expect("json"))
        .collect();
    let path = write(dir.path(), body.join("\n").as_bytes());
    let p = path.display();
    for options in [SMALL_BLOCKS, LoadOptions::default()] {
        let err = load_error(&path, &options);
        assert!(err.contains("duplicate"), "{err}");
        assert!(err.starts_with(&format!("{p}:2900")), "{err}");
        assert!(err.contains(&format!("first used at {p}:10")), "{err}");
    }
}

#[test]
fn an_earlier_duplicate_wins_over_a_later_syntax_error() {
    // Errors come in file order, whichever thread found them first.
    let dir = tempfile::tempdir().expect("tempdir");
    let mut lines = lines();
    lines[100] = lines[0].clone();
    lines[2800] = "{".to_string();
    let path = write(dir.path(), lines.join("\n").as_bytes());
    let err = load_error(&path, &SMALL_BLOCKS);
    assert!(
        err.starts_with(&format!("{}:101", path.display())) && err.contains("duplicate"),
        "{err}"
    );
}
