//! The commands answered through an index: `list`, `show`, `search`, `districts`.
//!
//! Each reads only what its answer needs (stored fields for a list, one article for `show`,
//! the candidates of a search) and then hands it to the same code as the in-memory path
//! ([`crate::commands`]), so the output is the same.

use std::io::Write;

use super::Archive;
use crate::article::{Article, Collection};
use crate::commands::{self, Outcome};
use crate::error::{Error, Result};
use crate::filter::DistrictFilter;
use crate::i18n::Lang;
use crate::layout::LayoutOptions;
use crate::search::Query;

/// Articles listed at a time: the output streams, and a closed pipe stops the work.
const LIST_CHUNK: usize = 1024;

/// An index that failed while it was read (a file changed or damaged under us).
fn failed(reason: String) -> Error {
    Error::Io {
        path: "<index>".into(),
        source: std::io::Error::other(reason),
    }
}

/// Rows of a ranked search written at a time: a few first, so that `| head` is answered
/// at once, then twice as many each time up to [`MOST_ROWS`].
const FIRST_ROWS: usize = 32;
/// The largest chunk of a ranked search.
const MOST_ROWS: usize = 1024;

/// `kanbao search` through the index. A query the index ranks by itself
/// ([`Archive::ranked`]) streams: the articles are read a chunk at a time in best-first
/// order and a closed pipe stops the work. Others read every candidate first.
pub fn search(
    out: &mut dyn Write,
    archive: &Archive,
    filter: &DistrictFilter,
    query: &Query,
    width: usize,
    json: bool,
) -> Result<Outcome> {
    if !json
        && filter.is_empty()
        && let Some(places) = archive.ranked(query).map_err(failed)?
    {
        return stream(out, archive, &places, filter, query, width);
    }
    let collection = archive.candidate_collection(query).map_err(failed)?;
    commands::search(out, &collection, filter, query, width, json)
}

/// Writes the ranked `places` a chunk at a time. Each chunk goes through the same
/// [`commands::search`] as the in-memory path, which checks the matches, counts the hits and
/// makes the snippets; within a chunk it keeps the index's order, which is the same order.
fn stream(
    out: &mut dyn Write,
    archive: &Archive,
    places: &[u32],
    filter: &DistrictFilter,
    query: &Query,
    width: usize,
) -> Result<Outcome> {
    let mut outcome = Outcome::NothingFound;
    let (mut at, mut size) = (0, FIRST_ROWS);
    while at < places.len() {
        let chunk = &places[at..(at + size).min(places.len())];
        at += chunk.len();
        size = (size * 2).min(MOST_ROWS);
        let articles = archive.articles(chunk).map_err(failed)?;
        let collection = Collection::new(archive.banner(), articles);
        if commands::search(out, &collection, filter, query, width, false)? == Outcome::Found {
            outcome = Outcome::Found;
        }
        // The rows go out now: a reader sees them at once, and a closed pipe stops the rest.
        out.flush().map_err(|source| Error::Io {
            path: crate::i18n::STDOUT.into(),
            source,
        })?;
    }
    Ok(outcome)
}

/// `kanbao list` through the index; `keep` filters (district, bookmarks, unread).
pub fn list(
    out: &mut dyn Write,
    archive: &Archive,
    keep: &dyn Fn(&Article) -> bool,
    query: Option<&Query>,
    lang: Lang,
    json: bool,
) -> Result<Outcome> {
    if let Some(query) = query {
        let collection = archive.candidate_collection(query).map_err(failed)?;
        let found: Vec<&Article> = commands::matching(&collection, keep, query)
            .into_iter()
            .map(|(a, _)| a)
            .collect();
        return commands::list(out, &found, lang, json);
    }
    if json {
        let all = archive.summaries(0..archive.len()).map_err(failed)?;
        let kept: Vec<&Article> = all.iter().filter(|a| keep(a)).collect();
        return commands::list(out, &kept, lang, json);
    }
    let mut outcome = Outcome::NothingFound;
    for start in (0..archive.len()).step_by(LIST_CHUNK) {
        let chunk = archive
            .summaries(start..start + LIST_CHUNK)
            .map_err(failed)?;
        let kept: Vec<&Article> = chunk.iter().filter(|a| keep(a)).collect();
        if commands::list(out, &kept, lang, json)? == Outcome::Found {
            outcome = Outcome::Found;
        }
    }
    Ok(outcome)
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
        .get(id)
        .map_err(failed)?
        .ok_or_else(|| Error::UnknownId(id.to_string()))?;
    commands::show(out, &article, width, options, json)
}

/// `kanbao districts` through the index.
pub fn districts(
    out: &mut dyn Write,
    archive: &Archive,
    lang: Lang,
    json: bool,
) -> Result<Outcome> {
    let counts = archive.district_counts().map_err(failed)?;
    commands::write_districts(out, &counts, lang, json)
}
