//! `kanbao search` through the index: the matches ranked, then their articles read and
//! written a chunk at a time in their order, so that `| head` is answered at once and a
//! closed pipe stops the work.

use std::cmp::Reverse;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use super::super::Archive;
use super::super::open::{Match, Narrowed, exact_ops};
use super::failed;
use crate::article::Article;
use crate::cli::SortBy;
use crate::collection::Collection;
use crate::commands::{self, Outcome};
use crate::error::{Error, Result};
use crate::search::Query;

/// Rows of a ranked search written at a time: a few first, so that `| head` is answered
/// at once, then twice as many each time up to [`MOST_ROWS`].
const FIRST_ROWS: usize = 32;
/// The largest chunk of a ranked search.
const MOST_ROWS: usize = 1024;

/// `kanbao search` through the index. The matches are ranked (by the index, or by the
/// matcher over the candidates a block at a time), then their articles are read and
/// written a chunk at a time in their order (best or newest first; text or JSON), so a
/// closed pipe stops the work and memory is a chunk's, not the archive's. `filtered` says
/// that `keep` may leave articles out (then the index does not rank).
pub fn search(
    out: &mut dyn Write,
    archive: &Archive,
    keep: &dyn Fn(&Article) -> bool,
    filtered: bool,
    query: &Query,
    how: commands::SearchOutput,
) -> Result<Outcome> {
    if how.count
        && !filtered
        && exact_ops(query)
        && let Some((articles, hits)) = archive.count_within(query).map_err(failed)?
    {
        // Counted from the postings and the date columns alone: no article is read, no
        // order made.
        return commands::write_count(out, articles, hits, how.json);
    }
    // Ranked by the index (`date:` and a literal `-term` applied from it); every article
    // shown is still checked by the matcher and the operators, so other operators are
    // applied as the articles are read.
    let streams = !how.json && !how.count && how.sort == crate::cli::SortBy::Relevance;
    // What the operators leave out, found once for the first rows and the rest.
    let narrowed = archive.narrowed(query);
    if streams
        && !filtered
        && let Some(best) = archive.best_of(&narrowed, FIRST_ROWS).map_err(failed)?
    {
        // The first rows from each segment's best alone; the whole ranking only when the
        // reader of the output asks for more than those.
        let mut parts = commands::Parts::new(out);
        let checked = exact_ops(query);
        write_chunk(&mut parts, archive, (&best, checked), keep, query, how)?;
        let Some(last) = best.last().filter(|_| best.len() == FIRST_ROWS) else {
            return parts.finish(false);
        };
        let mut rest = rest_unless_unread(archive, &narrowed)?;
        rest.retain(|m| m.rank > last.rank);
        return stream(parts, archive, (rest, checked), keep, query, how);
    }
    // Every match with its rank: counted by the index, or else (pinyin, one character, the
    // operators it cannot answer, a filter) checked by the matcher a block at a time. No
    // path reads the archive whole.
    let ranked = match filtered || (how.count && !exact_ops(query)) {
        true => None,
        false => archive.matches_of(&narrowed).map_err(failed)?,
    };
    // Both are final: the index's when it answers every operator, the matcher's always.
    let (found, checked) = match ranked {
        Some(found) => (found, exact_ops(query)),
        None => (archive.verified_matches(query, keep)?, true),
    };
    if how.count {
        let hits = found.iter().map(Match::hits).sum();
        return commands::write_count(out, found.len(), hits, how.json);
    }
    stream(
        commands::Parts::new(out),
        archive,
        (found, checked),
        keep,
        query,
        how,
    )
}

/// Every match of `query` (one the index ranks by itself), ranked, unless the reader of
/// standard output goes away meanwhile (`| head` has its rows): then a closed pipe, as a
/// write would have found it, without ranking a million matches first.
pub(super) fn rest_unless_unread(archive: &Archive, narrowed: &Narrowed<'_>) -> Result<Vec<Match>> {
    let (stop, done) = (AtomicBool::new(false), AtomicBool::new(false));
    let rest = std::thread::scope(|s| {
        s.spawn(|| watch_reader(&stop, &done));
        let rest = archive.matches_until(narrowed, &stop);
        done.store(true, Ordering::Relaxed);
        rest
    });
    if stop.load(Ordering::Relaxed) {
        return Err(Error::stdout(std::io::ErrorKind::BrokenPipe.into()));
    }
    Ok(rest.map_err(failed)?.unwrap_or_default())
}

/// Sets `stop` when standard output is a pipe whose reader has closed it, looking every
/// few milliseconds until `done` is set.
#[cfg(unix)]
fn watch_reader(stop: &AtomicBool, done: &AtomicBool) {
    use mio::unix::SourceFd;
    use mio::{Events, Interest, Poll, Token};
    use std::os::fd::AsRawFd;
    let out = std::io::stdout().as_raw_fd();
    let Ok(mut poll) = Poll::new() else { return };
    // A terminal or a file cannot be watched so (and is never closed by a reader).
    if poll
        .registry()
        .register(&mut SourceFd(&out), Token(0), Interest::WRITABLE)
        .is_err()
    {
        return;
    }
    let mut events = Events::with_capacity(4);
    while !done.load(Ordering::Relaxed) {
        if poll
            .poll(&mut events, Some(std::time::Duration::from_millis(5)))
            .is_err()
        {
            return;
        }
        if events.iter().any(|e| e.is_write_closed() || e.is_error()) {
            stop.store(true, Ordering::Relaxed);
            return;
        }
    }
}

/// Elsewhere the closed pipe is found by the next write.
#[cfg(not(unix))]
fn watch_reader(_stop: &AtomicBool, _done: &AtomicBool) {}

/// Writes the ranked matches a chunk at a time, best first (newest first with `--sort
/// date`, best first within a day, as the in-memory path's stable sort leaves them). The
/// first chunks are picked from the rest in one pass each (the best `size` of them, then
/// sorted), so the first rows cost a pass over the matches, not a sort of them all; each
/// chunk goes through [`write_chunk`], which writes its rows as the in-memory path does.
fn stream(
    mut parts: commands::Parts<'_>,
    archive: &Archive,
    (mut rest, checked): (Vec<Match>, bool),
    keep: &dyn Fn(&Article) -> bool,
    query: &Query,
    how: commands::SearchOutput,
) -> Result<Outcome> {
    // Taken from the end: the first to write go last. By date they are sorted at once; by
    // rank the first chunks are picked from the rest (a pass each), and once the chunks are
    // full size what is left is sorted once, not picked from a thousand times.
    let mut sorted = how.sort == SortBy::Date;
    if sorted {
        rest.sort_unstable_by_key(|m| Reverse((m.rank.2, m.rank)));
    }
    let mut size = FIRST_ROWS;
    while !rest.is_empty() {
        if !sorted && size == MOST_ROWS {
            rest.sort_unstable_by_key(|m| Reverse(m.rank));
            sorted = true;
        }
        let take = size.min(rest.len());
        if !sorted && take < rest.len() {
            let at = rest.len() - take;
            rest.select_nth_unstable_by_key(at, |m| Reverse(m.rank));
        }
        let mut chunk = rest.split_off(rest.len() - take);
        match sorted {
            true => chunk.reverse(),
            false => chunk.sort_unstable_by_key(|m| m.rank),
        }
        size = (size * 2).min(MOST_ROWS);
        write_chunk(&mut parts, archive, (&chunk, checked), keep, query, how)?;
    }
    parts.finish(how.json)
}

/// Reads the articles of `chunk` (in its order) and writes those that match as the
/// in-memory path does; the rows go out at once, and a closed pipe stops the rest. Matches
/// already `checked` (the query and every operator answered exactly, their hits counted)
/// are written with their hits as they are, not matched again.
fn write_chunk(
    parts: &mut commands::Parts<'_>,
    archive: &Archive,
    (chunk, checked): (&[Match], bool),
    keep: &dyn Fn(&Article) -> bool,
    query: &Query,
    how: commands::SearchOutput,
) -> Result<()> {
    if checked && !how.json {
        // `keep` holds for every checked match: the index applied the filter's dates and
        // districts as the query's, and a filter it cannot apply made the matcher check.
        let lines = super::rows::checked_lines(archive, chunk, query, how)?;
        return parts.lines(&lines);
    }
    let articles = archive.read_matches(chunk)?;
    if checked {
        let found: Vec<(&Article, usize)> = articles
            .iter()
            .zip(chunk)
            .map(|(a, m)| (a, m.hits()))
            .filter(|(a, _)| keep(a))
            .collect();
        return parts.found(&found, query, how);
    }
    let collection = Collection::new(archive.banner(), articles);
    parts.search(&collection, keep, query, how)
}
