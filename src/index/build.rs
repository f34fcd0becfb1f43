//! Building the index of one data file.
//!
//! The file is read once: each article is parsed, checked as the loader checks it (a title,
//! known districts, ids unique in the file), and handed to tantivy with its byte range in the
//! file, so that its text can be read again on demand. The index is written into a fresh
//! folder beside its final place, its sidecar last, and only then renamed into place: a build
//! that stops half-way leaves nothing that is ever trusted.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::value::RawValue;
use tantivy::{Index, IndexWriter, TantivyDocument};

use super::cache::{self, Fingerprint, IDS, META, Meta};
use super::schema::{self, FORMAT, Fields};
use crate::article::Article;
use crate::search::fold;

/// Progress of a build, for the caller to show.
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress {
    /// Bytes of the data file read so far.
    pub bytes: u64,
    /// The data file's size.
    pub total: u64,
    /// Articles indexed so far.
    pub articles: u64,
}

/// Why a file could not be indexed.
#[derive(Debug)]
pub enum BuildError {
    /// The cache folder could not be written (read-only, full, …).
    Io(std::io::Error),
    /// tantivy failed.
    Engine(String),
    /// The data is not valid; loading it reports the exact error.
    Data(String),
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Io(e) => write!(f, "{e}"),
            BuildError::Engine(e) | BuildError::Data(e) => write!(f, "{e}"),
        }
    }
}

impl From<std::io::Error> for BuildError {
    fn from(e: std::io::Error) -> Self {
        BuildError::Io(e)
    }
}

impl From<tantivy::TantivyError> for BuildError {
    fn from(e: tantivy::TantivyError) -> Self {
        match e {
            tantivy::TantivyError::IoError(io) => {
                BuildError::Io(std::io::Error::new(io.kind(), io.to_string()))
            }
            other => BuildError::Engine(other.to_string()),
        }
    }
}

/// Memory of tantivy's writer, all threads together.
const WRITER_BYTES: usize = 600 << 20;

/// The searchable text of an article as the in-memory engine folds it: title, kicker,
/// subtitle, byline, paragraphs, each folded and ended by a line break. Returns where the
/// headings (title, kicker, subtitle) end, in characters.
pub fn folded_text(article: &Article, out: &mut String) -> u64 {
    out.clear();
    let headings = [
        Some(&article.title),
        article.kicker.as_ref(),
        article.subtitle.as_ref(),
    ];
    for field in headings.into_iter().flatten() {
        fold::fold_into(field, out);
        out.push('\n');
    }
    let hend = out.chars().count() as u64;
    for field in article.byline.iter().chain(&article.paragraphs) {
        fold::fold_into(field, out);
        out.push('\n');
    }
    hend
}

/// The document of article `a`: `ord` its place in the file, `off` and `len` its bytes,
/// `text` its folded text, whose headings end at character `hend`.
fn document(
    f: &Fields,
    a: &Article,
    (ord, off, len): (u64, u64, u64),
    text: &str,
    hend: u64,
) -> TantivyDocument {
    let mut d = TantivyDocument::default();
    d.add_text(f.id, &a.id);
    if schema::id_term(&a.id).len() < a.id.len() {
        // Too long to be a term: its start is, and a lookup checks the whole stored id.
        d.add_text(f.id, schema::id_term(&a.id));
    }
    d.add_text(f.title, &a.title);
    if let Some(k) = &a.kicker {
        d.add_text(f.kicker, k);
    }
    match &a.district {
        Some(k) => d.add_text(f.district, k),
        None => d.add_text(f.nodistrict, "1"),
    }
    for x in &a.districts {
        d.add_text(f.districts, x);
    }
    for x in &a.reporters {
        d.add_text(f.reporters, x);
        let folded = crate::search::fold::fold(x);
        for piece in super::contains::pieces(&folded) {
            d.add_text(f.rep, piece);
        }
    }
    for x in &a.correspondents {
        d.add_text(f.correspondents, x);
    }
    d.add_text(f.kind, schema::kind_term(a.kind));
    // Only a real day is indexed: the loader keeps an article with any other date undated.
    let date = a
        .date
        .as_deref()
        .filter(|d| crate::date::Date::parse(d).is_some());
    if let Some(date) = date {
        d.add_text(f.date, date);
    }
    if let Some(p) = a.page {
        d.add_u64(f.page, u64::from(p));
    }
    d.add_u64(f.ord, ord);
    d.add_u64(f.off, off);
    d.add_u64(f.len, len);
    let (hi, lo, dlen) = date_key(date);
    d.add_u64(f.dhi, hi);
    d.add_u64(f.dlo, lo);
    d.add_u64(f.dlen, dlen);
    d.add_u64(f.hend, hend);
    for field in [f.uni, f.bi, f.pyi, f.pyp, f.pyr] {
        d.add_text(field, text);
    }
    let headings = text
        .char_indices()
        .nth(hend as usize)
        .map_or(text, |(at, _)| &text[..at]);
    for field in [f.huni, f.hbi, f.hpyi, f.hpyp, f.hpyr] {
        d.add_text(field, headings);
    }
    d
}

/// The date as [`crate::load::newest_first`] compares it: its first 16 bytes, then its
/// length; no date sorts below every date.
pub fn date_key(date: Option<&str>) -> (u64, u64, u64) {
    let Some(d) = date else {
        return (0, 0, 0);
    };
    let mut key = [0u8; 16];
    let n = d.len().min(16);
    key[..n].copy_from_slice(&d.as_bytes()[..n]);
    let mut hi = [0u8; 8];
    let mut lo = [0u8; 8];
    hi.copy_from_slice(&key[..8]);
    lo.copy_from_slice(&key[8..]);
    (
        u64::from_be_bytes(hi),
        u64::from_be_bytes(lo),
        d.len() as u64 + 1,
    )
}

/// Whether the data file is JSON Lines, as the loader decides.
fn is_lines(path: &Path) -> std::io::Result<bool> {
    Ok(match path.extension().and_then(|e| e.to_str()) {
        Some("jsonl" | "ndjson") => true,
        Some("json") => false,
        _ => {
            let mut head = Vec::new();
            std::fs::File::open(path)?
                .take(1 << 20)
                .read_to_end(&mut head)?;
            let first = head
                .split(|&b| b == b'\n')
                .find(|l| !l.trim_ascii().is_empty())
                .unwrap_or(b"");
            serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(first)
                .is_ok_and(|m| m.contains_key("id") && !m.contains_key("articles"))
        }
    })
}

/// Checks one article as the loader does ([`crate::load::refusal`]; a title that shows
/// nothing is no fault: the reader shows 无标题 for it).
fn check(
    a: &Article,
    ids: &mut HashSet<String>,
    where_: &dyn Fn() -> String,
) -> Result<(), BuildError> {
    if let Some(what) = crate::load::refusal(a) {
        return Err(BuildError::Data(format!("{}: {what}", where_())));
    }
    if !ids.insert(a.id.clone()) {
        return Err(BuildError::Data(format!("{}: duplicate id", where_())));
    }
    Ok(())
}

#[derive(Deserialize)]
struct RawDoc<'a> {
    #[serde(default = "one")]
    schema: u64,
    #[serde(default)]
    banner: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(borrow)]
    articles: Vec<&'a RawValue>,
}

fn one() -> u64 {
    crate::load::SCHEMA
}

/// Builds the index of the data file `path` into the cache folder `root`, replacing any
/// index it had. Returns the sidecar written.
pub fn build(
    root: &Path,
    path: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<Meta, BuildError> {
    let canonical = path.canonicalize()?;
    // Never read to the end of what has none (`/dev/zero`) or wait on a pipe.
    if !std::fs::metadata(&canonical)?.is_file() {
        return Err(BuildError::Data(format!(
            "{}: not a regular file",
            canonical.display()
        )));
    }
    let before = Fingerprint::of(&canonical)?;
    let dest = cache::folder(root, &canonical);
    std::fs::create_dir_all(root)?;
    clean_unfinished(&dest);
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let tmp = PathBuf::from(format!(
        "{}.tmp-{}-{stamp}",
        dest.display(),
        std::process::id()
    ));
    std::fs::create_dir_all(&tmp)?;
    let result = write(&tmp, &canonical, &before, progress);
    let meta = match result {
        Ok(meta) => meta,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(e);
        }
    };
    if Fingerprint::of(&canonical)? != before {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(BuildError::Data(format!(
            "{} changed while it was indexed",
            canonical.display()
        )));
    }
    if dest.exists() {
        std::fs::remove_dir_all(&dest)?;
    }
    std::fs::rename(&tmp, &dest)?;
    Ok(meta)
}

fn write(
    dir: &Path,
    canonical: &Path,
    fingerprint: &Fingerprint,
    progress: &mut dyn FnMut(Progress),
) -> Result<Meta, BuildError> {
    let (schema, fields) = schema::schema();
    let index = Index::create_in_dir(dir, schema)?;
    schema::register(&index);
    let threads = crate::cores().clamp(1, 4);
    let mut writer: IndexWriter = index.writer_with_num_threads(threads, WRITER_BYTES)?;
    let mut ids = HashSet::new();
    let mut text = String::new();
    let mut count = 0u64;
    // Articles kept undated as the loader counts them: a date that is not a real day.
    let mut undated = 0u64;
    let mut banner = None;
    let mut page_source = None;
    let total = fingerprint.size;
    let mut add = |a: Article, off: u64, len: u64, at: u64, writer: &mut IndexWriter| {
        let bad_date = a.date.as_deref().filter(|d| !d.is_empty());
        undated += u64::from(bad_date.is_some_and(|d| crate::date::Date::parse(d).is_none()));
        let hend = folded_text(&a, &mut text);
        writer.add_document(document(&fields, &a, (count, off, len), &text, hend))?;
        count += 1;
        if count.is_multiple_of(4096) {
            progress(Progress {
                bytes: at,
                total,
                articles: count,
            });
        }
        Ok::<(), BuildError>(())
    };
    if is_lines(canonical)? {
        let mut reader = BufReader::with_capacity(1 << 20, std::fs::File::open(canonical)?);
        let mut line = Vec::new();
        let (mut off, mut line_no) = (0u64, 0usize);
        loop {
            line.clear();
            let n = reader.read_until(b'\n', &mut line)?;
            if n == 0 {
                break;
            }
            line_no += 1;
            let start = off;
            off += n as u64;
            let body = line.strip_suffix(b"\n").unwrap_or(&line);
            if body.trim_ascii().is_empty() {
                continue;
            }
            let where_ = || format!("{}:{line_no}", canonical.display());
            let a: Article = serde_json::from_slice(body)
                .map_err(|e| BuildError::Data(format!("{}: {e}", where_())))?;
            check(&a, &mut ids, &where_)?;
            add(a, start, body.len() as u64, off, &mut writer)?;
        }
    } else {
        let bytes = std::fs::read(canonical)?;
        let text = std::str::from_utf8(&bytes)
            .map_err(|e| BuildError::Data(format!("{}: {e}", canonical.display())))?;
        let doc: RawDoc<'_> = serde_json::from_str(text)
            .map_err(|e| BuildError::Data(format!("{}: {e}", canonical.display())))?;
        if doc.schema != crate::load::SCHEMA {
            return Err(BuildError::Data(format!("schema {}", doc.schema)));
        }
        banner = doc.banner;
        page_source = doc.source;
        let base = text.as_ptr() as usize;
        for (n, raw) in doc.articles.iter().enumerate() {
            let json = raw.get();
            let start = (json.as_ptr() as usize).wrapping_sub(base) as u64;
            let where_ = || format!("{}: article {}", canonical.display(), n + 1);
            let a: Article = serde_json::from_str(json)
                .map_err(|e| BuildError::Data(format!("{}: {e}", where_())))?;
            check(&a, &mut ids, &where_)?;
            add(a, start, json.len() as u64, start, &mut writer)?;
        }
    }
    if count == 0 {
        return Err(BuildError::Data(format!(
            "{}: no articles",
            canonical.display()
        )));
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    let mut hashes: Vec<u64> = ids.iter().map(|id| cache::fnv(id.as_bytes())).collect();
    hashes.sort_unstable();
    let bytes: Vec<u8> = hashes.iter().flat_map(|h| h.to_le_bytes()).collect();
    std::fs::write(dir.join(IDS), bytes)?;
    progress(Progress {
        bytes: total,
        total,
        articles: count,
    });
    let meta = Meta {
        format: FORMAT,
        source: canonical.to_path_buf(),
        fingerprint: fingerprint.clone(),
        articles: count,
        banner,
        page_source,
        files: cache::index_files(dir, cache::INDEX_ENDS)?,
        ends: cache::INDEX_ENDS,
        undated,
    };
    let json = serde_json::to_vec(&meta).map_err(|e| BuildError::Engine(e.to_string()))?;
    let tmp = dir.join(format!("{META}.tmp"));
    std::fs::write(&tmp, json)?;
    std::fs::rename(&tmp, dir.join(META))?;
    Ok(meta)
}

/// Removes the unfinished builds of `dest` whose process is gone (a build interrupted by
/// Ctrl-C or a crash leaves its temporary folder, never a broken index), which would
/// otherwise keep their disk space. Only where `/proc` tells which processes live.
fn clean_unfinished(dest: &Path) {
    let (Some(parent), Some(name)) = (dest.parent(), dest.file_name()) else {
        return;
    };
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return;
    }
    let prefix = format!("{}.tmp-", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let pid = file_name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok());
        if let Some(pid) = pid
            && pid != std::process::id()
            && !proc.join(pid.to_string()).exists()
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}
