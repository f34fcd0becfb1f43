//! Telling JSON Lines from one JSON document by content, for a file without an extension.
//!
//! The scanner is fed the file's first bytes as they arrive and decides as soon as it can,
//! without parsing values (so a first line of any length or depth is fine, in one pass):
//! - the first object has a top-level `schema` or `articles` key: a document;
//! - a newline comes before the first object closes: a document (pretty-printed; a JSON
//!   Lines line never holds a raw newline);
//! - the first object closes on its first line: JSON Lines;
//! - the first non-blank byte is not `{`, or a byte that JSON never has outside a string
//!   turns up: not kanbao's data, said at once rather than after reading a device whole.

/// What the first bytes say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sniff {
    /// Not decided yet: feed more bytes.
    Undecided,
    /// One article object per line.
    Lines,
    /// One schema-1 object.
    Document,
    /// The first non-blank byte, at this offset, is not `{`.
    NotObject(usize),
    /// A byte that cannot be JSON outside a string, at this offset.
    Invalid(usize),
}

/// The longest key the scanner needs to tell apart.
const KEY: usize = 8;

/// An incremental scanner of the first JSON value.
#[derive(Debug, Default)]
pub(super) struct Scanner {
    /// Bytes seen so far.
    offset: usize,
    depth: usize,
    in_string: bool,
    escaped: bool,
    /// The string being read is a key of the top-level object.
    in_key: bool,
    /// The next string at depth 1 is a key.
    expect_key: bool,
    key: Vec<u8>,
    decided: Option<Sniff>,
}

impl Scanner {
    /// Feeds the next bytes; returns the decision, or `Undecided`.
    pub(super) fn feed(&mut self, bytes: &[u8]) -> Sniff {
        if let Some(decided) = self.decided {
            return decided;
        }
        for (i, &b) in bytes.iter().enumerate() {
            let at = self.offset + i;
            if let Some(decided) = self.step(b, at) {
                self.decided = Some(decided);
                return decided;
            }
        }
        self.offset += bytes.len();
        Sniff::Undecided
    }

    fn step(&mut self, b: u8, at: usize) -> Option<Sniff> {
        if self.in_string {
            if b == b'\n' {
                return Some(Sniff::Document);
            }
            if self.escaped {
                self.escaped = false;
            } else if b == b'\\' {
                self.escaped = true;
            } else if b == b'"' {
                self.in_string = false;
                if self.in_key {
                    self.in_key = false;
                    if self.key == b"schema" || self.key == b"articles" {
                        return Some(Sniff::Document);
                    }
                }
            } else if self.in_key && self.key.len() <= KEY {
                self.key.push(b);
            }
            if self.in_key && self.escaped {
                // An escaped key is none of the two: let it not match.
                self.key.push(b'\\');
            }
            return None;
        }
        // A UTF-8 byte order mark before the first value is skipped.
        let bom = at < 3 && self.depth == 0 && b == b"\xEF\xBB\xBF"[at];
        match b {
            b' ' | b'\t' | b'\r' => None,
            _ if bom => None,
            b'\n' if self.depth > 0 => Some(Sniff::Document),
            b'\n' => None,
            _ if self.depth == 0 && b != b'{' => Some(Sniff::NotObject(at)),
            b'{' | b'[' => {
                self.depth += 1;
                self.expect_key = self.depth == 1;
                None
            }
            b'}' | b']' => {
                self.depth -= 1;
                self.expect_key = false;
                (self.depth == 0).then_some(Sniff::Lines)
            }
            b',' => {
                self.expect_key = self.depth == 1;
                None
            }
            b'"' => {
                self.in_string = true;
                self.in_key = self.expect_key;
                self.expect_key = false;
                self.key.clear();
                None
            }
            b':' | b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E' => None,
            b't' | b'r' | b'u' | b'f' | b'a' | b'l' | b's' | b'n' => None,
            _ => Some(Sniff::Invalid(at)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sniff(text: &[u8]) -> Sniff {
        let mut s = Scanner::default();
        // Byte by byte: the decision does not depend on how the input is cut.
        for chunk in text.chunks(1) {
            let d = s.feed(chunk);
            if d != Sniff::Undecided {
                return d;
            }
        }
        Sniff::Undecided
    }

    #[test]
    fn documents_and_lines_are_told_apart() {
        assert_eq!(sniff(b"{\"schema\":1,\"articles\":[]}"), Sniff::Document);
        assert_eq!(
            sniff(b"{\"banner\":\"x\",\"articles\":[]}"),
            Sniff::Document
        );
        assert_eq!(sniff(b"{\n  \"x\": 1\n}"), Sniff::Document);
        assert_eq!(
            sniff(b"{\"id\":\"1\",\"t\":{\"articles\":1}}\n"),
            Sniff::Lines
        );
        assert_eq!(sniff(b"\xEF\xBB\xBF{\"id\":\"a}\\\"\"}"), Sniff::Lines);
        assert_eq!(sniff(b"\n\n {\"id\":[[[[[[[]]]]]]]}"), Sniff::Lines);
        assert_eq!(sniff(b"{\"id\":\"1\""), Sniff::Undecided);
    }

    #[test]
    fn what_is_not_an_object_is_said_at_once() {
        assert_eq!(sniff(b"  [1]"), Sniff::NotObject(2));
        assert_eq!(sniff(b"\0\0\0"), Sniff::NotObject(0));
        assert_eq!(sniff(b"{\0"), Sniff::Invalid(1));
        assert_eq!(sniff(b"{\"a\":\"\0\""), Sniff::Undecided);
    }
}
