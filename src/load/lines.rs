//! JSON Lines at archive scale: the file is read in line-aligned blocks, the blocks are
//! parsed on every core, and the results are taken back in file order.
//!
//! Memory stays near the size of the articles themselves: the file is never held whole,
//! only the few blocks in flight. Errors are exactly those a line-by-line parse would
//! report first: each block stops at its first bad line, and blocks are absorbed in file
//! order, so an earlier duplicate id still wins over a later syntax error. Workers count
//! lines within their block only; the collector adds the lines of the blocks before.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, sync_channel};
use std::sync::{Arc, Mutex};

use crate::article::{Article, Collection};
use crate::error::{Error, Item, Place, Result};

use super::{LoadOptions, Loc, Seen, syntax, utf8};

/// One block's articles, each with its 1-based line within the block, and the first error.
struct Parsed {
    articles: Vec<(u32, Article)>,
    /// Newlines in the block: how far the next block's lines are shifted.
    newlines: usize,
    /// The first error, with a line relative to the block.
    error: Option<Error>,
}

/// Reads a file as whole lines, `block_bytes` at a time.
struct Blocks {
    file: File,
    carry: Vec<u8>,
    block_bytes: usize,
    done: bool,
}

impl Blocks {
    /// The next block, read into `buf` (a recycled block, or a new empty Vec).
    fn next_block(&mut self, mut buf: Vec<u8>) -> io::Result<Option<Vec<u8>>> {
        if self.done {
            return Ok(None);
        }
        buf.clear();
        buf.reserve(self.block_bytes + self.carry.len() + (64 << 10));
        buf.append(&mut self.carry);
        loop {
            let want = self.block_bytes.saturating_sub(buf.len()).max(64 << 10);
            let read = (&mut self.file).take(want as u64).read_to_end(&mut buf)?;
            if read < want {
                // End of file: whatever is left is the last block.
                self.done = true;
                return Ok((!buf.is_empty()).then_some(buf));
            }
            // A line longer than a block makes the block longer; never split a line.
            if let Some(last) = memchr::memrchr(b'\n', &buf) {
                self.carry.extend_from_slice(&buf[last + 1..]);
                buf.truncate(last + 1);
                return Ok(Some(buf));
            }
        }
    }
}

/// Parses one block of whole lines; stops at the first bad line.
fn parse_block(bytes: &[u8], path: &Path) -> Parsed {
    let newlines = memchr::memchr_iter(b'\n', bytes).count();
    // Only the lines before a bad byte are parsed, then the UTF-8 error is reported.
    // simdutf8 checks CJK text ~10x faster than std; std only runs to place an error.
    let checked = simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes));
    let (text, mut error) = match checked {
        Ok(text) => (text, None),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let end = memchr::memrchr(b'\n', good).map_or(0, |i| i + 1);
            let text = std::str::from_utf8(&bytes[..end]).unwrap_or_default();
            (text, utf8(bytes, path).err())
        }
    };
    let mut articles = Vec::with_capacity(bytes.len() / 2048 + 1);
    let mut line_no = 0u32;
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    for end in ends {
        // A line ends at a newline or at the end of the block; both are char boundaries.
        let line = text.get(start..end).unwrap_or_default();
        start = end + 1;
        if end == text.len() && line.is_empty() {
            break;
        }
        line_no += 1;
        if line.trim().is_empty() {
            continue;
        }
        let article: Article = match serde_json::from_str(line) {
            Ok(article) => article,
            Err(e) => {
                error = Some(syntax(path, line_no as usize - 1, line, &e));
                break;
            }
        };
        if article.title.trim().is_empty() {
            error = Some(Error::MissingTitle {
                place: Place::at(path, line_no as usize, 1).item(Item::Id(article.id.clone())),
            });
            break;
        }
        if let Some(name) = super::unknown_district(&article) {
            error = Some(Error::BadDistrict {
                place: Place::at(path, line_no as usize, 1).item(Item::Id(article.id.clone())),
                name: name.to_string(),
            });
            break;
        }
        articles.push((line_no, article));
    }
    Parsed {
        articles,
        newlines,
        error,
    }
}

/// Moves an error found in a block to its place in the file.
fn shift(mut error: Error, lines: usize) -> Error {
    if let Error::Syntax { place, .. }
    | Error::NotUtf8 { place }
    | Error::MissingTitle { place }
    | Error::BadDistrict { place, .. } = &mut error
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
    file: usize,
    lines: usize,
    reserved: bool,
    size: u64,
}

impl Collector<'_> {
    fn absorb(&mut self, parsed: Parsed, block_len: usize) -> Result<()> {
        if !self.reserved && !parsed.articles.is_empty() {
            // One reservation from the first block's density spares the big Vec's regrowth.
            let per_article = (block_len / parsed.articles.len()).max(1) as u64;
            let estimate = self.size / per_article + self.size / per_article / 20;
            self.out
                .articles
                .reserve(usize::try_from(estimate).unwrap_or(0));
            self.seen
                .ids
                .reserve(usize::try_from(estimate).unwrap_or(0));
            self.reserved = true;
        }
        for (line, article) in parsed.articles {
            let loc = Loc::Line {
                file: self.file,
                line: self.lines + line as usize,
            };
            self.seen.check_id(&article.id, loc)?;
            self.out.articles.push(article);
        }
        if let Some(error) = parsed.error {
            return Err(shift(error, self.lines));
        }
        self.lines += parsed.newlines;
        Ok(())
    }
}

/// Loads a JSON Lines file of `size` bytes into `out`, checking ids against `seen`.
pub(super) fn load(
    file: File,
    size: u64,
    path: &Path,
    file_index: usize,
    options: &LoadOptions,
    out: &mut Collection,
    seen: &mut Seen,
) -> Result<()> {
    let before = out.articles.len();
    let mut blocks = Blocks {
        file,
        carry: Vec::new(),
        block_bytes: options.block_bytes.max(1),
        done: false,
    };
    let mut collector = Collector {
        out,
        seen,
        file: file_index,
        lines: 0,
        reserved: false,
        size,
    };
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    if options.threads <= 1 || size <= options.block_bytes as u64 {
        let mut spare = Vec::new();
        while let Some(block) = blocks.next_block(spare).map_err(io)? {
            collector.absorb(parse_block(&block, path), block.len())?;
            spare = block;
        }
    } else {
        parallel(&mut blocks, path, options.threads, &mut collector)?;
    }
    if collector.out.articles.len() == before {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// One reader thread, `threads` parsing threads, and the caller collecting in file order.
fn parallel(
    blocks: &mut Blocks,
    path: &Path,
    threads: usize,
    collector: &mut Collector<'_>,
) -> Result<()> {
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        // Bounded, so that reading never runs far ahead of parsing.
        let (block_tx, block_rx) = sync_channel::<(usize, Vec<u8>)>(threads);
        let block_rx = Arc::new(Mutex::new(block_rx));
        let (done_tx, done_rx) = channel::<(usize, usize, Parsed)>();
        // Parsed blocks come back to be read into again: fresh pages cost a fault each.
        let (spare_tx, spare_rx) = channel::<Vec<u8>>();
        let reader = scope.spawn(move || -> io::Result<()> {
            let mut seq = 0;
            while let Some(block) = blocks.next_block(spare_rx.try_recv().unwrap_or_default())? {
                if block_tx.send((seq, block)).is_err() {
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
                    let Some((seq, block)) = next else { break };
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let parsed = parse_block(&block, path);
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
        read.map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })
    })
}
