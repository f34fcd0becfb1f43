//! The commands answered through an index: `list`, `show`, `search`, `districts`.
//!
//! Each reads only what its answer needs (stored fields for a list, one article for `show`,
//! the candidates of a search) and then hands it to the same code as the in-memory path
//! ([`crate::commands`]), so the output is the same.

use std::io::{IsTerminal, Write};

use super::Archive;
use super::open::{Match, Unread, exact_ops};
use crate::article::Article;
use crate::collection::Collection;
use crate::commands::{self, Outcome};
use crate::date::DateRange;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::layout::{LayoutOptions, sanitize_lines};
use crate::search::Query;

/// Articles listed first, before the collection order is made (see [`list`]).
const FIRST_LIST: usize = 64;

/// Articles listed at a time: the output streams, and a closed pipe stops the work.
const LIST_CHUNK: usize = 1024;

mod rows;
mod search;
pub use search::search;

/// An index that failed while it was read (a file changed or damaged under us).
fn failed(reason: String) -> Error {
    Error::Io {
        path: "<index>".into(),
        source: std::io::Error::other(reason),
    }
}

/// An article that could not be read through the index: its JSON no longer the article
/// indexed ([`Error::ChangedSinceIndexed`], its place in the file), or else the index
/// that failed (as `failed` says it).
impl From<Unread> for Error {
    fn from(unread: Unread) -> Error {
        match unread {
            Unread::Failed(reason) => failed(reason),
            Unread::Changed(e) => e,
        }
    }
}

/// `kanbao list` through the index; `keep` filters (district, dates, bookmarks, unread),
/// and only articles dated in `dates` are read (from the date fast fields). Rows go out a
/// part at a time, JSON too: memory is a part's, not the archive's.
pub fn list(
    out: &mut dyn Write,
    archive: &Archive,
    keep: &dyn Fn(&Article) -> bool,
    dates: DateRange,
    query: Option<&Query>,
    lang: Lang,
    json: bool,
) -> Result<Outcome> {
    let mut parts = commands::Parts::new(out);
    if let Some(query) = query {
        // The dates narrow the candidates as a `date:` does (`keep` checks them too).
        let query = query.clone().within(dates);
        // Best first, as `search` ranks them; the rows from the stored fields.
        let mut write = |found: &[Match]| -> Result<()> {
            for part in found.chunks(LIST_CHUNK) {
                let chunk = archive.match_summaries(part).map_err(failed)?;
                let kept: Vec<&Article> = chunk.iter().filter(|a| keep(a)).collect();
                parts.list(&kept, lang, json)?;
            }
            Ok(())
        };
        // The first rows as `search | head` finds them, the rest only while it is read.
        let narrowed = archive.narrowed(&query);
        let best = match exact_ops(&query) {
            true => archive.best_of(&narrowed, FIRST_LIST).map_err(failed)?,
            false => None,
        };
        match best {
            Some(best) => {
                write(&best)?;
                if let Some(last) = best.last().filter(|_| best.len() == FIRST_LIST) {
                    let mut rest = search::rest_unless_unread(archive, &narrowed)?;
                    rest.retain(|m| m.rank > last.rank);
                    rest.sort_unstable_by_key(|m| m.rank);
                    write(&rest)?;
                }
            }
            None => write(&matches(archive, &query, keep)?)?,
        }
        return parts.finish(json);
    }
    let mut skip = 0;
    if dates.is_all() {
        // The newest rows first, found without the whole collection order (a pass over the
        // date columns each, eight times as many each time): `list | head` is answered, and
        // its closed pipe ends the work, before the order is made.
        let mut k = FIRST_LIST;
        while skip < archive.len() && k <= archive.len() / 8 {
            let newest = archive.newest_summaries(skip..k).map_err(failed)?;
            let kept: Vec<&Article> = newest.iter().filter(|a| keep(a)).collect();
            parts.list(&kept, lang, json)?;
            skip += newest.len();
            k *= 8;
        }
    } else {
        // Only the articles of the range, from the date columns: no collection order.
        let slots = archive.slots_in(dates).map_err(failed)?;
        for part in slots.chunks(LIST_CHUNK) {
            let chunk = archive.summaries_of(part).map_err(failed)?;
            let kept: Vec<&Article> = chunk.iter().filter(|a| keep(a)).collect();
            parts.list(&kept, lang, json)?;
        }
        return parts.finish(json);
    }
    let places = archive.places_in(dates).map_err(failed)?;
    for part in places[skip.min(places.len())..].chunks(LIST_CHUNK) {
        let chunk = archive.summaries_at(part).map_err(failed)?;
        let kept: Vec<&Article> = chunk.iter().filter(|a| keep(a)).collect();
        parts.list(&kept, lang, json)?;
    }
    parts.finish(json)
}

/// Every match of `query`, best first (as `search` ranks them): from the index alone when
/// it answers the whole query ([`Archive::exact_matches`]; `keep` is then the caller's to
/// apply), else read and checked a block at a time, `keep` applied. Before, `list --query`
/// ranked each block of candidates on its own, which is not the order `search` gives.
fn matches(
    archive: &Archive,
    query: &Query,
    keep: &dyn Fn(&Article) -> bool,
) -> Result<Vec<Match>> {
    if let Some(found) = archive.exact_matches(query).map_err(failed)? {
        return Ok(found);
    }
    let mut found = archive.verified_matches(query, keep)?;
    found.sort_unstable_by_key(|m| m.rank);
    Ok(found)
}

/// `kanbao show` through the index.
pub fn show(
    out: &mut dyn Write,
    archive: &Archive,
    id: &str,
    width: usize,
    options: &LayoutOptions,
    json: bool,
) -> Result<Outcome> {
    let article = archive
        .get(id)?
        .ok_or_else(|| Error::UnknownId(id.to_string()))?;
    commands::show(out, &article, width, options, json)
}

/// `kanbao districts` through the index: counted from the index's terms, or, for a range
/// of dates, from the stored fields of the articles the date fast fields put in it.
pub fn districts(
    out: &mut dyn Write,
    archive: &Archive,
    dates: DateRange,
    lang: Lang,
    json: bool,
) -> Result<Outcome> {
    let counts = if dates.is_all() {
        archive.district_counts().map_err(failed)?
    } else {
        let kept = archive
            .summaries_of(&archive.slots_in(dates).map_err(failed)?)
            .map_err(failed)?;
        crate::filter::district_counts(&kept)
    };
    commands::write_districts(out, &counts, lang, json)
}

/// The dates of the articles `keep` keeps and `query` (if any) matches, through the index,
/// for `kanbao timeline`.
///
/// With no condition but `dates` (`only_dates`: `keep` asks nothing else), the days come
/// from the date fast fields alone (nothing is read), for a query the index answers too;
/// otherwise only the articles dated in `dates` are read.
pub fn dates(
    archive: &Archive,
    keep: &dyn Fn(&Article) -> bool,
    dates: DateRange,
    only_dates: bool,
    query: Option<&Query>,
) -> Result<Vec<Option<crate::date::Date>>> {
    let date = |a: &Article| crate::date::date_of(a.date.as_deref());
    if let Some(query) = query {
        // The dates narrow the candidates as a `date:` does (`keep` checks them too).
        let query = query.clone().within(dates);
        let found = matches(archive, &query, keep)?;
        if only_dates {
            return Ok(found.iter().map(|m| m.date()).collect());
        }
        let mut out = Vec::new();
        for part in found.chunks(LIST_CHUNK) {
            let chunk = archive.match_summaries(part).map_err(failed)?;
            out.extend(chunk.iter().filter(|a| keep(a)).map(date));
        }
        return Ok(out);
    }
    if only_dates {
        let days = archive.day_counts(dates).map_err(failed)?;
        return Ok(days
            .into_iter()
            .flat_map(|(day, n)| std::iter::repeat_n(Some(day), n))
            .collect());
    }
    let slots = archive.slots_in(dates).map_err(failed)?;
    let mut out = Vec::new();
    for part in slots.chunks(LIST_CHUNK) {
        let chunk = archive.summaries_of(part).map_err(failed)?;
        out.extend(chunk.iter().filter(|a| keep(a)).map(date));
    }
    Ok(out)
}

/// How many articles are dated on each day of `dates`, through the index: from the date
/// fast fields alone (no article read, no collection order made), for `kanbao timeline`
/// with no query and no condition but the dates.
pub fn day_counts(archive: &Archive, dates: DateRange) -> Result<Vec<(crate::date::Date, usize)>> {
    archive.day_counts(dates).map_err(failed)
}

/// `kanbao index PATH`: builds or brings up to date the index of a file or folder, with
/// progress on stderr (a bar on a terminal, a line per file otherwise).
pub fn index_command(path: &std::path::Path, lang: Lang) -> Result<Outcome> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let root = super::cache::root()
        .ok_or_else(|| io(std::io::Error::other("no cache folder (is HOME set?)")))?;
    // A device or a pipe has no size or time to key an index by, and may never end.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_dir() && !m.is_file()) {
        return Err(Error::NotAFile {
            path: path.to_path_buf(),
        });
    }
    let files = super::data_files(path).map_err(io)?.len();
    let tty = std::io::stderr().is_terminal();
    let start = std::time::Instant::now();
    let mut last = std::time::Instant::now();
    // When the file being indexed began (the end of the one before): MB/s is this file's.
    let mut file_start = start;
    let mut notes = Vec::new();
    let mut show = |n: usize, _: &std::path::Path, p: super::Progress| {
        let done = p.bytes >= p.total;
        if !done && (!tty || last.elapsed().as_millis() < 100) {
            return;
        }
        last = std::time::Instant::now();
        let secs = file_start.elapsed().as_secs_f64().max(1e-3);
        if done {
            file_start = last;
        }
        let mb = p.bytes as f64 / 1e6;
        let line = super::index_progress(lang, (n + 1, files), p.articles, mb, mb / secs);
        if tty {
            let width = 20usize;
            let filled = (p.bytes.min(p.total) * width as u64 / p.total.max(1)) as usize;
            let bar = format!("[{}{}]", "#".repeat(filled), ".".repeat(width - filled));
            eprint!("\r\x1b[2K{bar} {line}");
            if done {
                eprintln!();
            }
        } else {
            eprintln!("{line}");
        }
    };
    // Another kanbao indexing the same file: said before waiting for it (a minute, for a
    // large file), so that the wait does not look like a hang.
    let mut waiting = |file: &std::path::Path| {
        let shown = sanitize_lines(&file.display().to_string());
        eprintln!("kanbao: {}", super::index_waiting(lang, &shown));
    };
    let report = super::update_telling(&root, path, &mut notes, &mut show, &mut waiting);
    for note in &notes {
        eprintln!("kanbao: {}", sanitize_lines(&super::index_note(note, lang)));
    }
    match report {
        Ok(report) => {
            let secs = start.elapsed().as_secs_f64();
            eprintln!("{}", super::index_done(lang, &report, secs));
            Ok(Outcome::Found)
        }
        // Bad data: loading names the exact place and problem.
        Err(super::BuildError::Data(reason)) => {
            crate::load::load(Some(path))?;
            Err(io(std::io::Error::other(reason)))
        }
        Err(super::BuildError::Io(e)) => Err(io(e)),
        Err(e) => Err(io(std::io::Error::other(e.to_string()))),
    }
}

/// Archives at least this large (all their data files together) are indexed on first use;
/// smaller ones load whole about as fast as their index would open (20,000 articles of the
/// generator, ~60 MB, load in ~0.15 s), so they are read whole unless `kanbao index` was run.
/// The environment variable `KANBAO_AUTO_INDEX` (bytes) sets another size.
pub const AUTO_INDEX_BYTES: u64 = 64 << 20;

/// The size from which an archive is indexed on first use (see [`AUTO_INDEX_BYTES`]).
fn auto_index_bytes() -> u64 {
    std::env::var("KANBAO_AUTO_INDEX")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(AUTO_INDEX_BYTES)
}

/// How an archive is indexed on its first use: given its path, `Some(Ok)` once built,
/// `Some(Err(why))` when it could not be, `None` when the user left before the end.
pub type Builder<'a> = &'a dyn Fn(&std::path::Path) -> Option<std::result::Result<(), String>>;

/// The user left the indexing before it ended (see [`open_or_build_with`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Left;

/// The archive at `path` through its index (see [`fn@super::open`]); when it was never indexed
/// and is at least [`AUTO_INDEX_BYTES`], its index is built first with `kanbao index`'s
/// progress on stderr. Notes and a failed build are said on stderr; `None` sends the caller
/// down the in-memory path.
pub fn open_or_build(path: &std::path::Path, lang: Lang) -> Option<Archive> {
    let on_stderr = |p: &std::path::Path| {
        Some(
            index_command(p, lang)
                .map(|_| ())
                .map_err(|e| crate::error::error_text(&e, lang)),
        )
    };
    open_or_build_with(path, lang, &on_stderr).unwrap_or(None)
}

/// [`open_or_build`], building with `build` (the reader shows a screen of its own).
///
/// # Errors
/// [`Left`] when the user left the build before it ended.
pub fn open_or_build_with(
    path: &std::path::Path,
    lang: Lang,
    build: Builder<'_>,
) -> std::result::Result<Option<Archive>, Left> {
    let mut notes = Vec::new();
    let mut archive = super::open(path, &mut notes);
    let never_indexed = archive.is_none() && notes.is_empty();
    if never_indexed && data_size(path) >= auto_index_bytes() {
        let shown = sanitize_lines(&path.display().to_string());
        eprintln!("kanbao: {}", super::text::first_index(lang, &shown));
        match build(path) {
            Some(Ok(())) => archive = super::open(path, &mut notes),
            Some(Err(reason)) => notes.push(super::Note::Unusable {
                reason: sanitize_lines(&reason),
            }),
            None => return Err(Left),
        }
    }
    for note in &notes {
        eprintln!("kanbao: {}", sanitize_lines(&super::index_note(note, lang)));
    }
    // The loader's warning, as the archive read whole gives it.
    if let Some(undated) = archive.as_ref().map(Archive::undated).filter(|&n| n > 0) {
        eprintln!("kanbao: {}", crate::i18n::undated_warning(lang, undated));
    }
    Ok(archive)
}

/// The bytes of the data files of `path` (0 when it cannot be read).
fn data_size(path: &std::path::Path) -> u64 {
    super::data_files(path)
        .unwrap_or_default()
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// The most data (the articles' JSON as stored) `kanbao export` reads into memory through
/// the index for one report: a report is built whole before it is written, and a choice of
/// a million articles would take gigabytes (about 80,000 articles of the generator).
pub const MOST_EXPORTED_BYTES: u64 = 256 << 20;

/// What `kanbao export` asks of an indexed archive, to read no more of it than it needs.
pub struct ExportAsk<'a> {
    /// `--id`, when given.
    pub ids: &'a [String],
    /// `--query`, when given.
    pub query: Option<&'a Query>,
    /// `--since`/`--until`.
    pub dates: DateRange,
    /// The ids the marks keep (`--bookmarked`, `--tag`, `note:`), when they narrow.
    pub marked: Option<Vec<String>>,
    /// What the command line's filter keeps (districts, dates, marks).
    pub keep: &'a dyn Fn(&Article) -> bool,
    /// The most data read into memory ([`MOST_EXPORTED_BYTES`]).
    pub most_bytes: u64,
}

/// The articles of `archive` that `kanbao export` may choose, in collection order: those of
/// the ids named, read whole; else, among the places every other given condition allows
/// (the search's candidates, the marked ids, the dates; or the whole archive), those that
/// `keep` keeps and the search finds, read a block at a time so that only what is chosen is
/// held. Export then chooses among them exactly as from the archive loaded whole.
///
/// # Errors
/// When the index or the data cannot be read; [`Error::TooMuchToExport`] when what is
/// chosen comes to more than `most_bytes` of data.
pub fn export_collection(archive: &Archive, ask: &ExportAsk<'_>) -> Result<Collection> {
    let mut places: Option<Vec<u32>> = None;
    let mut narrow = |more: Vec<u32>| {
        places = Some(match places.take() {
            None => more,
            Some(before) => {
                let keep: std::collections::HashSet<u32> = more.into_iter().collect();
                before.into_iter().filter(|p| keep.contains(p)).collect()
            }
        });
    };
    let place_of = |ids: &[String]| -> Result<Vec<u32>> {
        let mut out = Vec::new();
        for id in ids {
            if let Some(p) = archive.place_of(id).map_err(failed)? {
                out.push(p);
            }
        }
        Ok(out)
    };
    if !ask.ids.is_empty() {
        // Every id named is read (export says which it does not hold); the other
        // conditions are checked on them.
        let mut places = place_of(ask.ids)?;
        places.sort_unstable();
        places.dedup();
        let articles = archive.articles(&places)?;
        return Ok(Collection::new(archive.banner(), articles));
    }
    if let Some(marked) = &ask.marked {
        narrow(place_of(marked)?);
    }
    let query = ask.query.filter(|q| !q.is_empty());
    if let Some(query) = query {
        narrow(archive.candidates(query).map_err(failed)?);
    }
    if !ask.dates.is_all() {
        narrow(archive.places_in(ask.dates).map_err(failed)?);
    }
    let mut places = places.unwrap_or_else(|| (0..archive.len() as u32).collect());
    places.sort_unstable();
    places.dedup();
    let (mut chosen, mut bytes) = (Vec::new(), 0);
    for block in places.chunks(super::BLOCK) {
        // What the filter keeps, then what the search finds among it (only that is folded).
        let sizes = archive.data_sizes(block).map_err(failed)?;
        let (kept, sizes): (Vec<Article>, Vec<u64>) = (archive.articles(block)?)
            .into_iter()
            .zip(sizes)
            .filter(|(a, _)| (ask.keep)(a))
            .unzip();
        let kept = Collection::new(None, kept);
        let found: std::collections::HashSet<usize> = match query {
            Some(query) => commands::matching(&kept, |_| true, query)
                .into_iter()
                .map(|(_, hit)| hit.index)
                .collect(),
            None => (0..kept.len()).collect(),
        };
        for (i, article) in kept.into_articles().into_iter().enumerate() {
            if found.contains(&i) {
                bytes += sizes[i];
                if bytes > ask.most_bytes {
                    return Err(Error::TooMuchToExport {
                        articles: chosen.len() + 1,
                        most_bytes: ask.most_bytes,
                    });
                }
                chosen.push(article);
            }
        }
    }
    Ok(Collection::new(archive.banner(), chosen))
}
