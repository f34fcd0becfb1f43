//! An article whose JSON no longer parses where the index found it: its data file changed
//! after it was indexed. The error names the place in the file as it is now (line and
//! character column, as the loader counts them), so that the file can be looked at there.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::{Archive, Match};
use crate::error::{Error, Place, json_message};

/// The byte order mark, which the loader does not count as a column.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Why an article could not be read through the index.
#[derive(Debug)]
pub enum Unread {
    /// The index or the data file could not be read (the reason).
    Failed(String),
    /// The article's JSON is not what was indexed ([`Error::ChangedSinceIndexed`]).
    Changed(Error),
}

impl From<String> for Unread {
    fn from(reason: String) -> Unread {
        Unread::Failed(reason)
    }
}

impl Archive {
    /// The error for the JSON `text` of match `m`, read from its file where the index says
    /// it is, that serde_json did not take (`e`): [`Error::ChangedSinceIndexed`], at the
    /// line and column of the file as it is now (the file alone when it cannot be read).
    pub fn changed_since_indexed(&self, m: &Match, text: &str, e: &serde_json::Error) -> Error {
        self.changed_at(m.doc.0, m.range.0, text, e)
    }

    /// [`Archive::changed_since_indexed`] for the JSON `text` read at byte `off` of file
    /// `fi`.
    pub(super) fn changed_at(
        &self,
        fi: usize,
        off: u64,
        text: &str,
        e: &serde_json::Error,
    ) -> Error {
        let path = &self.files[fi].path;
        let place = place_of(path, off, text, e).unwrap_or_else(|_| Place::file(path));
        Error::ChangedSinceIndexed {
            place,
            message: json_message(e),
        }
    }
}

/// Where `e` is in the file at `path`, whose bytes from `off` on are `text`: the file is
/// read up to the start of the error's line in `text`, the rest counted in `text`.
fn place_of(path: &Path, off: u64, text: &str, e: &serde_json::Error) -> std::io::Result<Place> {
    // serde_json counts lines from 1 and columns in bytes, the error's byte the last.
    let skip = e.line().saturating_sub(1);
    let line_start = text
        .match_indices('\n')
        .nth(skip.wrapping_sub(1))
        .filter(|_| skip > 0)
        .map_or(0, |(i, _)| i + 1);
    let (line, column) = line_column(File::open(path)?, off + line_start as u64)?;
    let rest = &text.as_bytes()[line_start..];
    let upto = &rest[..e.column().min(rest.len())];
    let column = column + upto.iter().filter(|&&b| is_char_start(b)).count();
    Ok(Place::at(path, line, column.max(1)))
}

/// Whether `b` starts a UTF-8 character (is not a continuation byte).
fn is_char_start(b: u8) -> bool {
    b & 0xC0 != 0x80
}

/// The line (from 1) of byte `at` of `file`, and how many characters of that line come
/// before it (a byte order mark at the start not counted): the file is read up to `at`.
fn line_column(file: File, at: u64) -> std::io::Result<(usize, usize)> {
    let mut reader = file.take(at);
    let mut buf = vec![0u8; 64 << 10];
    let (mut line, mut before, mut first) = (1, 0, true);
    loop {
        let n = reader.read(&mut buf)?;
        if n == 0 {
            return Ok((line, before));
        }
        let mut chunk = &buf[..n];
        if std::mem::take(&mut first) && chunk.starts_with(BOM) {
            chunk = &chunk[BOM.len()..];
        }
        line += memchr::memchr_iter(b'\n', chunk).count();
        let tail = match memchr::memrchr(b'\n', chunk) {
            Some(i) => {
                before = 0;
                &chunk[i + 1..]
            }
            None => chunk,
        };
        before += tail.iter().filter(|&&b| is_char_start(b)).count();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where serde_json's error for `text` (at byte `off` of `file`) is.
    fn place(file: &Path, off: u64, text: &str) -> (usize, usize) {
        let e = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        let place = place_of(file, off, text, &e).unwrap();
        (place.line.unwrap(), place.column.unwrap())
    }

    #[test]
    fn the_place_is_counted_in_the_file_in_characters() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.jsonl");
        let first = "\u{FEFF}{\"id\":\"甲\"}\n";
        let second = r#"{"id":"乙","title"=1}"#;
        std::fs::write(&file, format!("{first}{second}\n")).unwrap();
        // On line 2, `=` is the 18th character (the 20th byte).
        assert_eq!(place(&file, first.len() as u64, second), (2, 18));
        // Line 1: the byte order mark is no column; `=` is the 14th character.
        let text = "{\"id\":\"甲\",\"t\"=1}";
        std::fs::write(&file, format!("\u{FEFF}{text}\n")).unwrap();
        assert_eq!(place(&file, 3, text), (1, 14));
        // A document over several lines, an article indented inside it.
        let doc = "{\"articles\": [\n  {\"id\": \"丙\",\n   \"title\" 1}\n]}\n";
        std::fs::write(&file, doc).unwrap();
        let off = doc.find("{\"id\"").unwrap();
        let article = &doc[off..doc.find("1}").unwrap() + 2];
        assert_eq!(place(&file, off as u64, article), (3, 12));
    }
}
