//! Loading articles: a schema-1 JSON file, a JSON Lines file, a folder of them, or the
//! bundled page compiled into the binary.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::collection::Collection;
use crate::error::{Error, Item, Place, Result, Shape, json_message, shown};

mod dates;
mod lines;
mod read;
mod sniff;
mod valid;

pub use dates::{newest_first, settle_dates};
pub use read::read_capped;

use valid::Problems;
pub(crate) use valid::refusal;

/// The bundled page, as `kanbao import data/page.txt` makes it.
pub const BUNDLED_JSON: &str = include_str!("../data/articles.json");
/// The raw page the bundled data was imported from.
pub const BUNDLED_PAGE: &str = include_str!("../data/page.txt");
/// The schema version kanbao reads and writes.
pub const SCHEMA: u64 = 1;
/// The largest JSON Lines file kanbao reads (4 GiB). It is streamed, so memory grows with
/// the articles (about 1.3× the file), never with the file at once; larger archives go in
/// a folder of such files.
pub const MAX_FILE_BYTES: u64 = 4 << 30;
/// The largest raw page `kanbao import` reads (64 MiB): a newspaper page's text is tens
/// of kilobytes, and the importer holds the page whole.
pub const MAX_PAGE_BYTES: u64 = 64 << 20;
/// The largest single-object JSON file kanbao reads (1 GiB): it is read whole before it is
/// parsed, so it costs about twice its size in memory. Bigger collections go in JSON Lines.
pub const MAX_DOCUMENT_BYTES: u64 = 1 << 30;

/// A schema-1 document: one JSON object holding a page's articles.
#[derive(Debug, Serialize, Deserialize)]
pub struct Document {
    /// Always 1.
    #[serde(default = "default_schema")]
    pub schema: u64,
    /// The page's masthead lines (报眉, `2024年3月8日 星期五 第3版`) as printed, one per
    /// line, when the importer found any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub masthead: Option<String>,
    /// The page banner, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub banner: Option<String>,
    /// The newspaper's name, for every article of the page that names none itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The articles (objects only: an array of fields is not an article).
    #[serde(deserialize_with = "valid::article_objects")]
    pub articles: Vec<Article>,
}

fn default_schema() -> u64 {
    SCHEMA
}

/// Where a collection came from (the reading state keys it with `state::source_key`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The page compiled into the binary.
    Builtin,
    /// A file or folder, by its canonical path.
    Path(PathBuf),
}

/// Loads the bundled page.
pub fn load_bundled() -> Result<Collection> {
    let mut seen = Seen::default();
    let mut out = Collection::default();
    let path = Path::new("<builtin>");
    let file = seen.add_file(path);
    let mut problems = Problems::stop();
    parse_document(BUNDLED_JSON, path, file, &mut out, &mut seen, &mut problems)?;
    Ok(out)
}

/// How a file is read: how many threads parse JSON Lines, in blocks of how many bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// Threads that parse JSON Lines blocks; 1 parses on the calling thread.
    pub threads: usize,
    /// Bytes per block (whole lines; a longer line makes its block longer).
    pub block_bytes: usize,
}

impl Default for LoadOptions {
    /// One thread per core, 4 MiB blocks: big enough to amortise the hand-off, small
    /// enough that the blocks in flight stay a few percent of a large archive.
    fn default() -> LoadOptions {
        LoadOptions {
            threads: crate::cores(),
            block_bytes: 4 << 20,
        }
    }
}

/// Loads `path` (file or folder), or the bundled page when `path` is `None`.
pub fn load(path: Option<&Path>) -> Result<(Collection, Source)> {
    load_with(path, &LoadOptions::default())
}

/// [`load`] with explicit [`LoadOptions`] (for tests and benchmarks).
pub fn load_with(path: Option<&Path>, options: &LoadOptions) -> Result<(Collection, Source)> {
    load_counted(path, options).map(|(c, s, _)| (c, s))
}

/// [`load_with`], also saying how many articles were kept undated because their date is
/// not a real day (see [`settle_dates`]).
pub fn load_counted(
    path: Option<&Path>,
    options: &LoadOptions,
) -> Result<(Collection, Source, usize)> {
    let Some(path) = path else {
        return Ok((load_bundled()?, Source::Builtin, 0));
    };
    let mut problems = Problems::stop();
    let (mut out, source) = load_source(path, options, &mut problems)?;
    let bad = settle_dates(out.articles_mut());
    newest_first(out.articles_mut());
    Ok((out, source, bad))
}

/// How many problems `kanbao check` lists; the rest are counted.
pub const CHECK_LIMIT: usize = 100;

/// Every problem of a source, as `kanbao check` reports it.
#[derive(Debug)]
pub struct Report {
    /// The articles that passed.
    pub collection: Collection,
    /// The first [`CHECK_LIMIT`] problems, in the order of the files and their lines.
    pub problems: Vec<Error>,
    /// How many more problems there were.
    pub more: usize,
}

/// Reads all of `path` (file or folder), going on past each problem: a bad line, a bad
/// article, a bad file. A source that cannot be opened at all is the error.
pub fn check(path: &Path) -> Result<Report> {
    let mut problems = Problems::keep(CHECK_LIMIT);
    let (collection, _) = load_source(path, &LoadOptions::default(), &mut problems)?;
    Ok(Report {
        collection,
        problems: problems.list,
        more: problems.more,
    })
}

fn load_source(
    path: &Path,
    options: &LoadOptions,
    problems: &mut Problems,
) -> Result<(Collection, Source)> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    // A pipe behind `/dev/stdin` or `<(…)` has no name to canonicalise to: it is keyed by
    // the path it was given.
    let canonical = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let mut out = Collection::default();
    let mut seen = Seen::default();
    let files = if meta.is_dir() {
        data_files(path)?
    } else {
        vec![path.to_path_buf()]
    };
    for file in &files {
        let before = problems.count();
        let at = out.len();
        match load_file(file, options, &mut out, &mut seen, problems) {
            Err(e) => problems.add(e)?,
            // A file with problems but no good article is not also "empty".
            Ok(()) if out.len() == at && problems.count() == before => {
                problems.add(Error::Empty { path: file.clone() })?;
            }
            Ok(()) => {}
        }
    }
    if out.is_empty() && problems.count() == 0 {
        problems.add(Error::Empty {
            path: path.to_path_buf(),
        })?;
    }
    Ok((out, Source::Path(canonical)))
}

/// Loads several files or folders as one collection, as a folder of them would be (an id
/// in two of them is an error naming both places): the data of a config file's list or of
/// `KANBAO_DATA`. No path is the bundled page; one is [`load`]. The source is the first's.
pub fn load_paths(paths: &[PathBuf]) -> Result<(Collection, Source)> {
    load_paths_counted(paths).map(|(c, s, _)| (c, s))
}

/// [`load_paths`], also saying how many articles were kept undated because their date is
/// not a real day (see [`settle_dates`]).
pub fn load_paths_counted(paths: &[PathBuf]) -> Result<(Collection, Source, usize)> {
    let (first, rest) = match paths {
        [] => return load_counted(None, &LoadOptions::default()),
        [one] => return load_counted(Some(one), &LoadOptions::default()),
        [first, rest @ ..] => (first, rest),
    };
    let options = LoadOptions::default();
    let mut out = Collection::default();
    let mut seen = Seen::default();
    let mut problems = Problems::stop();
    let mut source = None;
    for path in std::iter::once(first).chain(rest) {
        let canonical = path.canonicalize().map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        if canonical.is_dir() {
            for file in data_files(path)? {
                load_file(&file, &options, &mut out, &mut seen, &mut problems)?;
            }
        } else {
            load_file(path, &options, &mut out, &mut seen, &mut problems)?;
        }
        source.get_or_insert(Source::Path(canonical));
    }
    if out.is_empty() {
        return Err(Error::Empty {
            path: first.clone(),
        });
    }
    let bad = settle_dates(out.articles_mut());
    newest_first(out.articles_mut());
    Ok((out, source.unwrap_or(Source::Builtin), bad))
}

/// The `.json`, `.jsonl` and `.ndjson` files directly in `dir`, sorted by name.
fn data_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if path.is_file() && matches!(ext, "json" | "jsonl" | "ndjson") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Loads one file into `out`. `Err` is a problem that ends the file (it cannot be read, or
/// a document does not parse); problems that leave the rest readable go to `problems`.
fn load_file(
    path: &Path,
    options: &LoadOptions,
    out: &mut Collection,
    seen: &mut Seen,
    problems: &mut Problems,
) -> Result<()> {
    let opened = read::open(path)?;
    let file = seen.add_file(path);
    match opened {
        read::Opened::Lines { reader, size } => {
            lines::load(reader, size, path, file, options, out, seen, problems)
        }
        read::Opened::Document(bytes) => {
            let text = utf8(&bytes, path)?;
            parse_document(text, path, file, out, seen, problems)
        }
    }
}

/// Checks UTF-8, naming the line and column of the first bad byte; a character cut at the
/// end is a file cut short ([`Error::Truncated`]).
pub fn utf8<'a>(bytes: &'a [u8], path: &Path) -> Result<&'a str> {
    read::utf8_at(bytes, path, true)
}

/// The parser's error on the start of a document that has a byte JSON never has, when it
/// is in what was read (it is: the parser fails there or before).
fn early_syntax(head: &[u8], path: &Path) -> Option<Error> {
    let head = head.strip_prefix(read::BOM).unwrap_or(head);
    match serde_json::from_slice::<valid::DocumentObject>(head) {
        Err(e) if !e.is_eof() => Some(syntax(path, 0, &String::from_utf8_lossy(head), &e)),
        _ => None,
    }
}

/// Where an id was first seen, compactly: a [`Place`] is only built for an error.
#[derive(Debug, Clone, Copy)]
enum Loc {
    /// Line `line` of a JSON Lines file.
    Line { file: usize, line: usize },
    /// Article `n` (1-based) of a document, on `line` when it could be found.
    Article {
        file: usize,
        n: usize,
        line: Option<usize>,
    },
}

/// Ids seen so far, with where each was first seen, and the files they came from.
#[derive(Default)]
struct Seen {
    files: Vec<PathBuf>,
    ids: HashMap<String, Loc>,
}

impl Seen {
    /// Registers a file; its index goes into each [`Loc`] found in it.
    fn add_file(&mut self, path: &Path) -> usize {
        self.files.push(path.to_path_buf());
        self.files.len() - 1
    }

    fn place(&self, loc: Loc, id: &str) -> Place {
        match loc {
            Loc::Line { file, line } => {
                Place::at(&self.files[file], line, 1).item(Item::Id(shown(id)))
            }
            Loc::Article { file, n, line } => {
                let mut place =
                    Place::file(&self.files[file]).item(Item::Article { n, id: shown(id) });
                place.line = line;
                place
            }
        }
    }

    /// Records `id` at `loc`, or names both places if it was seen before.
    fn check_id(&mut self, id: &str, loc: Loc) -> Result<()> {
        if let Some(&first) = self.ids.get(id) {
            return Err(Error::DuplicateId {
                id: shown(id),
                first: Box::new(self.place(first, id)),
                second: Box::new(self.place(loc, id)),
            });
        }
        self.ids.insert(id.to_string(), loc);
        Ok(())
    }
}

/// A serde_json error at `line_offset` lines into the file; `text` is what was parsed,
/// to turn serde_json's byte column into a character column.
fn syntax(path: &Path, line_offset: usize, text: &str, e: &serde_json::Error) -> Error {
    // serde_json's message ends with " at line L column C"; the place says that already.
    let message = json_message(e);
    let line = text
        .split('\n')
        .nth(e.line().saturating_sub(1))
        .unwrap_or("");
    Error::Syntax {
        place: Place::at(path, e.line() + line_offset, char_column(line, e.column())),
        message,
    }
}

/// The character column of byte column `byte_column` (1-based) in `line`. serde_json says
/// column 0 for an error before the line's first byte (an empty file); that is column 1.
fn char_column(line: &str, byte_column: usize) -> usize {
    let end = byte_column.min(line.len());
    // Count the bytes that start a character: that is the characters up to the column.
    line.as_bytes()[..end]
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count()
        .max(1)
}

/// Parses one schema-1 document and appends its articles.
fn parse_document(
    text: &str,
    path: &Path,
    file: usize,
    out: &mut Collection,
    seen: &mut Seen,
    problems: &mut Problems,
) -> Result<()> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        // serde_json would say "EOF while parsing a value" at 1:1.
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    if let Some(at) = text.find(|c: char| !c.is_whitespace())
        && !text[at..].starts_with('{')
    {
        let (line, column) = read::line_column(text.as_bytes(), at);
        let found = if text[at..].starts_with('[') {
            Shape::Array
        } else {
            Shape::NotObject
        };
        return Err(Error::Shape {
            place: Place::at(path, line, column),
            found,
        });
    }
    let valid::DocumentObject(doc) =
        serde_json::from_str(text).map_err(|e| syntax(path, 0, text, &e))?;
    if doc.schema != SCHEMA {
        return Err(Error::Schema {
            place: Place::file(path),
            found: doc.schema,
        });
    }
    if doc.articles.is_empty() {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    let lines = article_lines(text, doc.articles.len());
    for (n, mut article) in doc.articles.into_iter().enumerate() {
        if article.source.is_none() {
            article.source.clone_from(&doc.source);
        }
        let loc = Loc::Article {
            file,
            n: n + 1,
            line: lines.get(n).copied(),
        };
        if let Some(fault) = valid::fault_with(&article, problems.keep_going()) {
            let mut place = seen.place(loc, &article.id);
            if matches!(fault, valid::Fault::Date(_)) {
                place_key(&mut place, text, fault.key());
            }
            problems.add(fault.error(place))?;
            continue;
        }
        if let Err(e) = seen.check_id(&article.id, loc) {
            problems.add(e)?;
            continue;
        }
        out.push(article);
    }
    if out.banner().is_none() {
        out.set_banner(doc.banner);
    }
    Ok(())
}

/// Moves `place` (an article's, on the line of its id) to the first line from there that
/// holds `key`, at its column.
fn place_key(place: &mut Place, text: &str, key: &str) {
    let Some(start) = place.line else { return };
    let found = text
        .lines()
        .enumerate()
        .skip(start - 1)
        .take_while(|(i, l)| *i + 1 == start || !l.contains("\"id\""))
        .find(|(_, l)| l.contains(key));
    if let Some((i, line)) = found {
        place.line = Some(i + 1);
        place.column = Some(valid::key_column(line, key));
    }
}

/// Best-effort line numbers of the first `count` article objects: the lines holding `"id"`.
fn article_lines(text: &str, count: usize) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with("\"id\"") || l.contains("{\"id\""))
        .map(|(i, _)| i + 1)
        .take(count)
        .collect()
}

/// Serializes a collection as a schema-1 document, pretty-printed, with the characters a
/// terminal would obey (C1, DEL, bidi overrides) escaped, since `kanbao import` may print it.
pub fn to_document_json(banner: Option<&str>, articles: &[Article]) -> std::io::Result<String> {
    to_document_json_with(banner, None, articles)
}

/// [`to_document_json`] with a page-level `source` (the newspaper's name).
pub fn to_document_json_with(
    banner: Option<&str>,
    source: Option<&str>,
    articles: &[Article],
) -> std::io::Result<String> {
    let doc = Document {
        schema: SCHEMA,
        masthead: None,
        banner: banner.map(str::to_string),
        source: source.map(str::to_string),
        articles: articles.to_vec(),
    };
    let mut out = Vec::new();
    crate::json::write_pretty(&mut out, &doc)?;
    String::from_utf8(out).map_err(std::io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dated(id: &str, date: Option<&str>) -> Article {
        Article {
            id: id.to_string(),
            title: id.to_string(),
            date: date.map(str::to_string),
            ..Article::default()
        }
    }

    fn ids(articles: &[Article]) -> Vec<&str> {
        articles.iter().map(|a| a.id.as_str()).collect()
    }

    #[test]
    fn the_newest_day_comes_first_and_a_day_keeps_its_order() {
        let mut articles = vec![
            dated("a1", Some("2019-01-01")),
            dated("a2", Some("2019-01-01")),
            dated("none1", None),
            dated("c1", Some("2019-01-03")),
            dated("b1", Some("2019-01-02")),
            dated("c2", Some("2019-01-03")),
            dated("none2", None),
            dated("b2", Some("2019-01-02")),
        ];
        newest_first(&mut articles);
        assert_eq!(
            ids(&articles),
            ["c1", "c2", "b1", "b2", "a1", "a2", "none1", "none2"]
        );
    }

    #[test]
    fn undated_or_already_ordered_articles_stay_as_they_are() {
        let mut articles: Vec<Article> = (0..5).map(|i| dated(&i.to_string(), None)).collect();
        newest_first(&mut articles);
        assert_eq!(ids(&articles), ["0", "1", "2", "3", "4"]);
        newest_first(&mut []);
    }

    /// The permutation is applied by swaps: every article arrives exactly once, whatever
    /// the cycles, and the order is that of a stable sort.
    #[test]
    fn any_order_of_dates_gives_the_stable_sort() {
        let mut seed = 1u32;
        for n in 0..40 {
            let mut articles: Vec<Article> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    let day = (seed >> 16) % 5;
                    let date = (day > 0).then(|| format!("2019-01-0{day}"));
                    dated(&i.to_string(), date.as_deref())
                })
                .collect();
            let mut expected = articles.clone();
            expected.sort_by(|a, b| b.date.cmp(&a.date));
            newest_first(&mut articles);
            assert_eq!(ids(&articles), ids(&expected));
        }
    }
}
