//! Loading articles: a schema-1 JSON file, a JSON Lines file, a folder of them, or the
//! bundled page compiled into the binary.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::article::{Article, Collection};
use crate::error::{Error, Place, Result};

/// The bundled page, as `kanbao import data/page.txt` makes it.
pub const BUNDLED_JSON: &str = include_str!("../data/articles.json");
/// The raw page the bundled data was imported from.
pub const BUNDLED_PAGE: &str = include_str!("../data/page.txt");
/// The schema version kanbao reads and writes.
pub const SCHEMA: u64 = 1;
/// The largest single file kanbao reads (4 GiB); larger archives go in a folder.
pub const MAX_FILE_BYTES: u64 = 4 << 30;

/// A schema-1 document: one JSON object holding a page's articles.
#[derive(Debug, Serialize, Deserialize)]
pub struct Document {
    /// Always 1.
    #[serde(default = "default_schema")]
    pub schema: u64,
    /// The page banner, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub banner: Option<String>,
    /// The articles.
    pub articles: Vec<Article>,
}

fn default_schema() -> u64 {
    SCHEMA
}

/// Where a collection came from; it keys the reading state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The page compiled into the binary.
    Builtin,
    /// A file or folder, by its canonical path.
    Path(PathBuf),
}

impl Source {
    /// The key the reading state uses: `builtin` or the canonical path.
    pub fn key(&self) -> String {
        match self {
            Source::Builtin => "builtin".to_string(),
            Source::Path(path) => path.display().to_string(),
        }
    }
}

/// Loads the bundled page.
pub fn load_bundled() -> Result<Collection> {
    let mut seen = Seen::default();
    let mut out = Collection::default();
    parse_document(BUNDLED_JSON, Path::new("<builtin>"), &mut out, &mut seen)?;
    Ok(out)
}

/// Loads `path` (file or folder), or the bundled page when `path` is `None`.
pub fn load(path: Option<&Path>) -> Result<(Collection, Source)> {
    let Some(path) = path else {
        return Ok((load_bundled()?, Source::Builtin));
    };
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let canonical = path.canonicalize().map_err(io)?;
    let mut out = Collection::default();
    let mut seen = Seen::default();
    if canonical.is_dir() {
        for file in data_files(path)? {
            load_file(&file, &mut out, &mut seen)?;
        }
    } else {
        load_file(path, &mut out, &mut seen)?;
    }
    if out.articles.is_empty() {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok((out, Source::Path(canonical)))
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

fn load_file(path: &Path, out: &mut Collection, seen: &mut Seen) -> Result<()> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let text = utf8(&bytes, path)?;
    if is_json_lines(path, text) {
        parse_json_lines(text, path, out, seen)
    } else {
        parse_document(text, path, out, seen)
    }
}

/// Checks UTF-8, naming the line and column of the first bad byte.
pub fn utf8<'a>(bytes: &'a [u8], path: &Path) -> Result<&'a str> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        // The prefix is valid UTF-8, so count its characters for the column.
        let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
        Error::NotUtf8 {
            place: Place::at(path, line, column),
        }
    })
}

/// JSON Lines by extension, or by content: a first line that is a whole article object.
fn is_json_lines(path: &Path, text: &str) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some("jsonl" | "ndjson") => true,
        Some("json") => false,
        _ => {
            let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(first)
                .is_ok_and(|m| m.contains_key("id") && !m.contains_key("articles"))
        }
    }
}

/// Ids seen so far, with where each was first seen.
#[derive(Default)]
struct Seen(HashMap<String, Place>);

impl Seen {
    fn check(&mut self, article: &Article, place: Place) -> Result<()> {
        if article.title.trim().is_empty() {
            return Err(Error::MissingTitle { place });
        }
        if let Some(first) = self.0.get(&article.id) {
            return Err(Error::DuplicateId {
                id: article.id.clone(),
                first: Box::new(first.clone()),
                second: Box::new(place),
            });
        }
        self.0.insert(article.id.clone(), place);
        Ok(())
    }
}

fn syntax(path: &Path, line_offset: usize, e: &serde_json::Error) -> Error {
    // serde_json's message ends with " at line L column C"; the place says that already.
    let message = e.to_string();
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_string();
    Error::Syntax {
        place: Place::at(path, e.line() + line_offset, e.column()),
        message,
    }
}

/// Parses one schema-1 document and appends its articles.
fn parse_document(text: &str, path: &Path, out: &mut Collection, seen: &mut Seen) -> Result<()> {
    let doc: Document = serde_json::from_str(text).map_err(|e| syntax(path, 0, &e))?;
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
    for (n, article) in doc.articles.into_iter().enumerate() {
        let mut place = Place::file(path).item(format!("article {}, id `{}`", n + 1, article.id));
        place.line = lines.get(n).copied();
        seen.check(&article, place)?;
        out.articles.push(article);
    }
    if out.banner.is_none() {
        out.banner = doc.banner;
    }
    Ok(())
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

/// Parses JSON Lines: one article object per non-blank line.
fn parse_json_lines(text: &str, path: &Path, out: &mut Collection, seen: &mut Seen) -> Result<()> {
    let before = out.articles.len();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let article: Article = serde_json::from_str(line).map_err(|e| syntax(path, i, &e))?;
        seen.check(
            &article,
            Place::at(path, i + 1, 1).item(format!("id `{}`", article.id)),
        )?;
        out.articles.push(article);
    }
    if out.articles.len() == before {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Serializes a collection as a schema-1 document, pretty-printed.
pub fn to_document_json(banner: Option<&str>, articles: &[Article]) -> String {
    let doc = Document {
        schema: SCHEMA,
        banner: banner.map(str::to_string),
        articles: articles.to_vec(),
    };
    let mut json = serde_json::to_string_pretty(&doc).unwrap_or_default();
    json.push('\n');
    json
}
