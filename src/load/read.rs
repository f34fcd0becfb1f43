//! Opening a data file once and reading it within a bound.
//!
//! A file is opened once and read as a stream, whatever it is: a regular file, a FIFO, a
//! pipe behind `/dev/stdin` or `<(…)`, or a device. Its size, when the system knows it,
//! refuses a file over the limit before anything is read; every read is also capped
//! (`Read::take` to the limit + 1), so that the limit holds for what has no size. A file
//! without an extension is told JSON Lines or a document by its first bytes
//! ([`sniff`](super::sniff)), which are then read again from memory, not from the file.

use std::fs::File;
use std::io::{Cursor, Read};
use std::path::Path;

use crate::error::{Error, Place, Result, Shape};

use super::sniff::{Scanner, Sniff};
use super::{MAX_DOCUMENT_BYTES, MAX_FILE_BYTES};

/// The UTF-8 byte order mark, skipped at the start of a file.
pub(super) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How much is read at a time while the format is being told.
const CHUNK: u64 = 64 << 10;

/// A data file, open and ready to parse.
pub(super) enum Opened {
    /// JSON Lines: the stream (capped at [`MAX_FILE_BYTES`] + 1), and the size when known.
    Lines {
        reader: Box<dyn Read + Send>,
        size: Option<u64>,
    },
    /// One document, read whole (at most [`MAX_DOCUMENT_BYTES`]).
    Document(Vec<u8>),
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Opens `path` once and tells its format: by its extension (`.jsonl`, `.ndjson`, `.json`),
/// else by content.
pub(super) fn open(path: &Path) -> Result<Opened> {
    let io = io_error(path);
    let mut file = File::open(path).map_err(&io)?;
    let meta = file.metadata().map_err(&io)?;
    // Only a regular file's length is its size (a device or a FIFO says 0).
    let size = meta.is_file().then_some(meta.len());
    if let Some(size) = size.filter(|&s| s > MAX_FILE_BYTES) {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: Some(size),
            limit: MAX_FILE_BYTES,
        });
    }
    let by_name = match path.extension().and_then(|e| e.to_str()) {
        Some("jsonl" | "ndjson") => Some(true),
        Some("json") => Some(false),
        _ => None,
    };
    let mut head = Vec::new();
    let mut decision = Sniff::Undecided;
    let mut ended = false;
    // A file named JSON Lines is not sniffed: each of its lines speaks for itself.
    if by_name != Some(true) {
        let mut scanner = Scanner::default();
        while decision == Sniff::Undecided && !ended && (head.len() as u64) <= MAX_DOCUMENT_BYTES {
            let before = head.len();
            let read = (&mut file)
                .take(CHUNK)
                .read_to_end(&mut head)
                .map_err(&io)?;
            ended = (read as u64) < CHUNK;
            decision = scanner.feed(&head[before..]);
        }
    }
    match decision {
        Sniff::NotObject(at) => return Err(not_object(&head, at, ended, path)),
        // A byte JSON never has: let the parser say where, from what was read.
        Sniff::Invalid(_) => {
            if let Some(e) = super::early_syntax(&head, path) {
                return Err(e);
            }
        }
        _ => {}
    }
    let lines = by_name.unwrap_or(decision == Sniff::Lines);
    if lines {
        let rest = file.take(MAX_FILE_BYTES + 1 - head.len() as u64);
        return Ok(Opened::Lines {
            reader: Box::new(Cursor::new(head).chain(rest)),
            size,
        });
    }
    let too_large = |size| Error::TooLarge {
        path: path.to_path_buf(),
        size,
        limit: MAX_DOCUMENT_BYTES,
    };
    if let Some(size) = size.filter(|&s| s > MAX_DOCUMENT_BYTES) {
        return Err(too_large(Some(size)));
    }
    let mut bytes = head;
    let room = (MAX_DOCUMENT_BYTES + 1).saturating_sub(bytes.len() as u64);
    file.take(room).read_to_end(&mut bytes).map_err(&io)?;
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(too_large(size));
    }
    Ok(Opened::Document(bytes))
}

/// Reads a whole file of at most `limit` bytes, whatever it is (a device is cut at the
/// limit, not read for ever); `None` when it is larger.
pub fn read_capped(path: &Path, limit: u64) -> Result<Option<Vec<u8>>> {
    let io = io_error(path);
    let file = File::open(path).map_err(&io)?;
    let meta = file.metadata().map_err(&io)?;
    if meta.is_file() && meta.len() > limit {
        return Ok(None);
    }
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).map_err(&io)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// The line and character column of byte `at` of `bytes` (a BOM at the start not counted).
pub(super) fn line_column(bytes: &[u8], at: usize) -> (usize, usize) {
    let start = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let before = &bytes[start.min(at)..at];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let column = before[line_start..]
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count()
        + 1;
    (line, column)
}

/// The error for a file whose first value is not an object: an array, something else, or
/// a byte that is not UTF-8 at all (`/dev/urandom`).
fn not_object(head: &[u8], at: usize, ended: bool, path: &Path) -> Error {
    let (line, column) = line_column(head, at);
    let place = Place::at(path, line, column);
    if head[at] >= 0x80 {
        let end = (at + 4).min(head.len());
        if let Err(e) = utf8_at(&head[at..end], path, ended && end == head.len()) {
            return shift_to(e, line, column);
        }
    }
    let found = if head[at] == b'[' {
        Shape::Array
    } else {
        Shape::NotObject
    };
    Error::Shape { place, found }
}

/// An error found at 1:1 of a slice, moved to `line`:`column`.
fn shift_to(mut e: Error, line: usize, column: usize) -> Error {
    if let Some(place) = e.place_mut() {
        place.line = Some(line);
        place.column = place.column.map(|c| c + column - 1);
    }
    e
}

/// Checks UTF-8, naming the line and column of the first bad byte. `ends_file`: `bytes`
/// run to the end of the file, so a character cut at their end means the file was cut.
pub(super) fn utf8_at<'a>(bytes: &'a [u8], path: &Path, ends_file: bool) -> Result<&'a str> {
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(text);
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(bytes, e.valid_up_to());
        let place = Place::at(path, line, column);
        if e.error_len().is_none() && ends_file {
            Error::Truncated { place }
        } else {
            Error::NotUtf8 { place }
        }
    })
}
