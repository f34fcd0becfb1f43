//! JSON Lines at archive scale: the file is read in line-aligned blocks, the blocks are
//! parsed on every core, and the results are taken back in file order.
//!
//! Memory stays near the size of the articles themselves: the file is never held whole,
//! only the few blocks in flight. Errors are exactly those a line-by-line parse would
//! report first: each block stops at its first bad line, and blocks are absorbed in file
//! order, so an earlier duplicate id still wins over a later syntax error. Workers count
//! lines within their block only; the collector adds the lines of the blocks before.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, sync_channel};
use std::sync::{Arc, Mutex};

use crate::article::Article;
use crate::collection::Collection;
use crate::error::{Error, Item, Place, Result, shown};

use super::read::{BOM, utf8_at};
use super::valid::{ArticleObject, Problems, fault_with, key_column};
use super::{LoadOptions, Loc, MAX_FILE_BYTES, Seen, syntax};

/// How much of a line that cannot be an article (it does not open with `{`) is read
/// before reading stops: its parse error is the same, and a device is not read for ever.
const NOT_AN_ARTICLE: usize = 1 << 20;

/// One block's articles and problems, each with its 1-based line within the block.
struct Parsed {
    articles: Vec<(u32, Article)>,
    /// Newlines in the block: how far the next block's lines are shifted (counted up to
    /// the problem that stops loading, if any).
    newlines: usize,
    /// The problems, with lines relative to the block: the first only, unless checking.
    errors: Vec<(u32, Error)>,
}

/// Reads a stream as whole lines, `block_bytes` at a time, at most `limit` bytes in all.
struct Blocks<R> {
    reader: R,
    path: std::path::PathBuf,
    carry: Vec<u8>,
    block_bytes: usize,
    limit: u64,
    total: u64,
    first: bool,
    done: bool,
    /// The stream has ended (not merely reading stopped).
    eof: bool,
}

impl<R: Read> Blocks<R> {
    fn new(reader: R, path: &Path, block_bytes: usize) -> Blocks<R> {
        Blocks {
            reader,
            path: path.to_path_buf(),
            carry: Vec::new(),
            block_bytes: block_bytes.max(1),
            limit: MAX_FILE_BYTES,
            total: 0,
            first: true,
            done: false,
            eof: false,
        }
    }

    /// The next block, read into `buf` (a recycled block, or a new empty Vec).
    ///
    /// Each byte is read once and searched for a newline once, so a line of any length
    /// costs time in proportion to its length (searching the whole of a growing line for
    /// each 64 KiB read made one long line quadratic).
    fn next_block(&mut self, mut buf: Vec<u8>) -> Result<Option<Vec<u8>>> {
        if self.done {
            return Ok(None);
        }
        buf.clear();
        buf.reserve(self.block_bytes + self.carry.len() + (64 << 10));
        buf.append(&mut self.carry);
        // The carried start of a line holds no newline.
        let mut searched = buf.len();
        // How much of the line's start is blank: a line that cannot be an article is not
        // read further than [`NOT_AN_ARTICLE`] (NUL bytes for ever are not read for ever).
        let mut blank = 0;
        loop {
            // A long line is read in ever bigger steps.
            let want = self
                .block_bytes
                .saturating_sub(buf.len())
                .max(buf.len() / 2)
                .max(64 << 10);
            let read = (&mut self.reader)
                .take(want as u64)
                .read_to_end(&mut buf)
                .map_err(|source| Error::Io {
                    path: self.path.clone(),
                    source,
                })?;
            self.total += read as u64;
            if self.total > self.limit {
                self.done = true;
                return Err(Error::TooLarge {
                    path: self.path.clone(),
                    size: None,
                    limit: self.limit,
                });
            }
            if self.first {
                self.first = false;
                if buf.starts_with(BOM) {
                    buf.drain(..BOM.len());
                    searched = 0;
                }
            }
            if read < want {
                // End of file: whatever is left is the last block.
                self.done = true;
                self.eof = true;
                return Ok((!buf.is_empty()).then_some(buf));
            }
            // A line longer than a block makes the block longer; never split a line.
            if let Some(last) = memchr::memrchr(b'\n', &buf[searched..]) {
                let last = searched + last;
                self.carry.extend_from_slice(&buf[last + 1..]);
                buf.truncate(last + 1);
                return Ok(Some(buf));
            }
            searched = buf.len();
            // No newline in `buf`: it is the start of one line.
            blank += buf[blank..]
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
            if buf.len() >= NOT_AN_ARTICLE && buf.get(blank).is_some_and(|&b| b != b'{') {
                // Not an article: its parse error ends reading here.
                self.done = true;
                return Ok(Some(buf));
            }
        }
    }
}

/// Parses one block of whole lines; stops at the first bad line unless `keep_going`.
/// `last`: the block ends the file (a character cut at its end means the file was cut).
fn parse_block(bytes: &[u8], path: &Path, keep_going: bool, last: bool) -> Parsed {
    // Counted as the lines go by (one pass fewer over a long line); when a problem stops
    // loading, the count is not used.
    let mut newlines = 0;
    // simdutf8 checks CJK text ~10x faster than std; lines are checked one by one only
    // when the block has a bad byte, to place it.
    let whole = simdutf8::basic::from_utf8(bytes).ok();
    let mut articles = Vec::with_capacity(bytes.len() / 2048 + 1);
    let mut errors = Vec::new();
    let mut line_no = 0u32;
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    for end in ends {
        let (from, raw) = (start, &bytes[start..end]);
        let terminated = end < bytes.len();
        newlines += usize::from(terminated);
        start = end + 1;
        if !terminated && raw.is_empty() {
            break;
        }
        line_no += 1;
        let line = match whole {
            // Both ends are at a newline or the block's end: char boundaries.
            Some(text) => text.get(from..end).unwrap_or_default(),
            None => match utf8_at(raw, path, last && !terminated) {
                Ok(line) => line,
                Err(e) => {
                    errors.push((line_no, at_line(e, line_no)));
                    if keep_going {
                        continue;
                    }
                    break;
                }
            },
        };
        if line.trim().is_empty() {
            continue;
        }
        let problem = match serde_json::from_str::<ArticleObject>(line) {
            Ok(ArticleObject(article)) => match fault_with(&article, keep_going) {
                None => {
                    articles.push((line_no, article));
                    continue;
                }
                Some(fault) => {
                    let column = key_column(line, fault.key());
                    let mut place = Place::at(path, line_no as usize, column);
                    // An empty id is said by the message; `(id ``)` would say nothing.
                    if !article.id.is_empty() {
                        place = place.item(Item::Id(shown(&article.id)));
                    }
                    fault.error(place)
                }
            },
            Err(e) => syntax(path, line_no as usize - 1, line, &e),
        };
        errors.push((line_no, problem));
        if !keep_going {
            break;
        }
    }
    Parsed {
        articles,
        newlines,
        errors,
    }
}

/// An error found in a line on its own, moved to line `line` of the block.
fn at_line(mut error: Error, line: u32) -> Error {
    if let Some(place) = error.place_mut()
        && let Some(l) = &mut place.line
    {
        *l += line as usize - 1;
    }
    error
}

/// Moves an error found in a block to its place in the file.
fn shift(mut error: Error, lines: usize) -> Error {
    if let Some(place) = error.place_mut()
        && let Some(line) = &mut place.line
    {
        *line += lines;
    }
    error
}

/// Takes blocks back in file order: checks ids, appends articles, counts lines.
struct Collector<'a> {
    out: &'a mut Collection,
    seen: &'a mut Seen,
    problems: &'a mut Problems,
    file: usize,
    lines: usize,
    reserved: bool,
    size: u64,
}

impl Collector<'_> {
    /// Takes a block's articles and problems in line order; `Err` when loading stops.
    fn absorb(&mut self, parsed: Parsed, block_len: usize) -> Result<()> {
        if !self.reserved && !parsed.articles.is_empty() {
            // One reservation from the first block's density spares the big Vec's regrowth.
            let per_article = (block_len / parsed.articles.len()).max(1) as u64;
            let estimate = self.size / per_article + self.size / per_article / 20;
            self.out
                .articles_mut()
                .reserve(usize::try_from(estimate).unwrap_or(0));
            self.seen
                .ids
                .reserve(usize::try_from(estimate).unwrap_or(0));
            self.reserved = true;
        }
        let mut errors = parsed.errors.into_iter().peekable();
        for (line, article) in parsed.articles {
            while let Some((_, e)) = errors.next_if(|(l, _)| *l < line) {
                self.problems.add(shift(e, self.lines))?;
            }
            let loc = Loc::Line {
                file: self.file,
                line: self.lines + line as usize,
            };
            match self.seen.check_id(&article.id, loc) {
                Ok(()) => self.out.push(article),
                Err(e) => self.problems.add(e)?,
            }
        }
        for (_, e) in errors {
            self.problems.add(shift(e, self.lines))?;
        }
        self.lines += parsed.newlines;
        Ok(())
    }
}

/// Loads a JSON Lines stream (of `size` bytes, when known) into `out`, checking ids
/// against `seen`.
#[allow(clippy::too_many_arguments)] // the loader's state, passed down as it is
pub(super) fn load<R: Read + Send>(
    reader: R,
    size: Option<u64>,
    path: &Path,
    file_index: usize,
    options: &LoadOptions,
    out: &mut Collection,
    seen: &mut Seen,
    problems: &mut Problems,
) -> Result<()> {
    let mut blocks = Blocks::new(reader, path, options.block_bytes);
    let keep_going = problems.keep_going();
    let mut collector = Collector {
        out,
        seen,
        problems,
        file: file_index,
        lines: 0,
        reserved: false,
        size: size.unwrap_or(0),
    };
    // A stream of unknown size may be big: parse it in parallel.
    if options.threads <= 1 || size.is_some_and(|s| s <= options.block_bytes as u64) {
        let mut spare = Vec::new();
        while let Some(block) = blocks.next_block(spare)? {
            let parsed = parse_block(&block, path, keep_going, blocks.eof);
            collector.absorb(parsed, block.len())?;
            spare = block;
        }
        Ok(())
    } else {
        parallel(
            &mut blocks,
            path,
            options.threads,
            keep_going,
            &mut collector,
        )
    }
}

/// One reader thread, `threads` parsing threads, and the caller collecting in file order.
fn parallel<R: Read + Send>(
    blocks: &mut Blocks<R>,
    path: &Path,
    threads: usize,
    keep_going: bool,
    collector: &mut Collector<'_>,
) -> Result<()> {
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        // Bounded, so that reading never runs far ahead of parsing.
        let (block_tx, block_rx) = sync_channel::<(usize, Vec<u8>, bool)>(threads);
        let block_rx = Arc::new(Mutex::new(block_rx));
        let (done_tx, done_rx) = channel::<(usize, usize, Parsed)>();
        // Parsed blocks come back to be read into again: fresh pages cost a fault each.
        let (spare_tx, spare_rx) = channel::<Vec<u8>>();
        let reader = scope.spawn(move || -> Result<()> {
            let mut seq = 0;
            while let Some(block) = blocks.next_block(spare_rx.try_recv().unwrap_or_default())? {
                if block_tx.send((seq, block, blocks.eof)).is_err() {
                    break; // the parsers have stopped: an error was found
                }
                seq += 1;
            }
            Ok(())
        });
        for _ in 0..threads {
            let block_rx = Arc::clone(&block_rx);
            let done_tx = done_tx.clone();
            let spare_tx = spare_tx.clone();
            let stop = &stop;
            scope.spawn(move || {
                loop {
                    let next = block_rx.lock().ok().and_then(|rx| rx.recv().ok());
                    let Some((seq, block, last)) = next else {
                        break;
                    };
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let parsed = parse_block(&block, path, keep_going, last);
                    let len = block.len();
                    // The reader may have finished; then the block is simply freed.
                    let _ = spare_tx.send(block);
                    if done_tx.send((seq, len, parsed)).is_err() {
                        break;
                    }
                }
            });
        }
        // Only the workers hold these now, so the channels close when they are done.
        drop(block_rx);
        drop(done_tx);
        drop(spare_tx);

        let mut waiting = BTreeMap::new();
        let mut next = 0;
        let mut result = Ok(());
        'collect: for (seq, len, parsed) in &done_rx {
            waiting.insert(seq, (len, parsed));
            while let Some((len, parsed)) = waiting.remove(&next) {
                next += 1;
                if let Err(e) = collector.absorb(parsed, len) {
                    result = Err(e);
                    stop.store(true, Ordering::Relaxed);
                    break 'collect;
                }
            }
        }
        drop(done_rx);
        let read = reader
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        // A parse error is earlier in the file than wherever reading failed.
        result?;
        read
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(bytes: &[u8], block_bytes: usize) -> Blocks<&[u8]> {
        Blocks::new(bytes, Path::new("s"), block_bytes)
    }

    /// What has no size (a pipe, a device) is refused once it passes the limit.
    #[test]
    fn a_stream_past_the_limit_is_refused() {
        let bytes = b"{}\n".repeat(100);
        let mut b = blocks(&bytes, 16);
        b.limit = 200;
        let mut result = Ok(Some(Vec::new()));
        while let Ok(Some(_)) = result {
            result = b.next_block(Vec::new());
        }
        assert!(
            matches!(
                result,
                Err(Error::TooLarge {
                    size: None,
                    limit: 200,
                    ..
                })
            ),
            "{result:?}"
        );
    }

    /// Blocks are whole lines whatever the reads; the BOM is dropped.
    #[test]
    fn blocks_are_whole_lines_and_a_long_line_is_one_block() {
        let long = "x".repeat(300_000);
        let text = format!("\u{feff}a\nb\n{long}\nc\n");
        let mut b = blocks(text.as_bytes(), 4);
        let mut got = Vec::new();
        while let Ok(Some(block)) = b.next_block(Vec::new()) {
            assert!(block.ends_with(b"\n"));
            got.extend_from_slice(&block);
        }
        assert_eq!(got, text.as_bytes()[3..]);
    }
}
