//! JSON output that is safe to print to a terminal.
//!
//! serde_json escapes C0 controls but writes DEL, C1 controls (U+0080–U+009F, among them the
//! 8-bit CSI U+009B) and bidi overrides as they are. kanbao writes those as `\uXXXX` escapes
//! too: the JSON means the same, and a terminal shows it instead of obeying it.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

/// True for characters a terminal may act on that serde_json leaves unescaped.
fn needs_escape(c: char) -> bool {
    matches!(
        c,
        '\u{7F}'..='\u{9F}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    ) || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// serde_json's pretty formatter, with the extra escapes.
struct TerminalSafe<'a>(PrettyFormatter<'a>);

impl Formatter for TerminalSafe<'_> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (at, c) in fragment.char_indices() {
            if needs_escape(c) {
                w.write_all(&fragment.as_bytes()[start..at])?;
                write!(w, "\\u{:04x}", u32::from(c))?;
                start = at + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[start..])
    }

    // The pretty layout is PrettyFormatter's; these forward to it.
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Writes `value` as pretty JSON followed by a newline, with terminal-active characters escaped.
pub fn write_pretty<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let mut ser =
        serde_json::Serializer::with_formatter(&mut *out, TerminalSafe(PrettyFormatter::new()));
    // `From` keeps an I/O error's kind (a closed pipe stays `BrokenPipe`, which the
    // command line ends on quietly); `io::Error::other` would hide it.
    value.serialize(&mut ser).map_err(io::Error::from)?;
    writeln!(out)
}

/// `value` as [`write_pretty`] writes it, made in memory: a document made whole before it
/// is written (an export's report, an imported page). Nothing is written yet and the value
/// is kanbao's own, so a failure is kanbao's (its callers report it as an internal
/// error), not the output's nor the input's.
///
/// # Errors
/// What serde_json said (`JSON: …`) when it will not write `value` (a map with keys that
/// are not strings, a `Serialize` that fails): never for kanbao's documents.
pub fn pretty_string<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    let internal = |e: &dyn std::fmt::Display| format!("JSON: {e}");
    let mut out = Vec::new();
    write_pretty(&mut out, value).map_err(|e| internal(&e))?;
    String::from_utf8(out).map_err(|e| internal(&e))
}

/// A pretty JSON array written an item at a time: the bytes [`write_pretty`] writes for the
/// whole array, so that output read a block at a time (a search over a million articles)
/// never holds all its rows. [`JsonArray::finish`] closes it.
#[derive(Debug, Default)]
pub struct JsonArray {
    items: usize,
}

impl JsonArray {
    /// Writes `item` as the array's next item.
    pub fn push<T: Serialize + ?Sized>(&mut self, out: &mut dyn Write, item: &T) -> io::Result<()> {
        let mut one = Vec::new();
        let mut ser =
            serde_json::Serializer::with_formatter(&mut one, TerminalSafe(PrettyFormatter::new()));
        item.serialize(&mut ser).map_err(io::Error::from)?;
        out.write_all(if self.items == 0 { b"[\n" } else { b",\n" })?;
        // An item inside the array is indented one level; its strings hold no raw newline.
        for (i, line) in one.split(|&b| b == b'\n').enumerate() {
            out.write_all(if i == 0 { b"  " } else { b"\n  " })?;
            out.write_all(line)?;
        }
        self.items += 1;
        Ok(())
    }

    /// Ends the array (and its line).
    pub fn finish(self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(if self.items == 0 { b"[]\n" } else { b"\n]\n" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_array_written_an_item_at_a_time_is_the_whole_array() {
        #[derive(Serialize)]
        struct Row {
            id: String,
            names: Vec<String>,
            none: Vec<String>,
            n: Option<u32>,
        }
        let rows: Vec<Row> = (0..4)
            .map(|i| Row {
                id: format!("a\n{i}\u{9b}"),
                names: (0..i).map(|k| format!("名{k}")).collect(),
                none: Vec::new(),
                n: (i % 2 == 0).then_some(i),
            })
            .collect();
        for n in 0..=rows.len() {
            let mut whole = Vec::new();
            write_pretty(&mut whole, &rows[..n]).unwrap();
            let (mut parts, mut array) = (Vec::new(), JsonArray::default());
            for row in &rows[..n] {
                array.push(&mut parts, row).unwrap();
            }
            array.finish(&mut parts).unwrap();
            assert_eq!(
                String::from_utf8(parts).unwrap(),
                String::from_utf8(whole).unwrap()
            );
        }
    }

    /// A document serde_json will not write is kanbao's fault, said as one: not a failed
    /// write of the output (`<stdout>: …`), nor of the page being imported (`page.txt: …`).
    #[test]
    fn a_document_that_cannot_be_written_is_an_internal_error() {
        struct Refuses;
        impl Serialize for Refuses {
            fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
                Err(serde::ser::Error::custom("refused"))
            }
        }
        assert_eq!(pretty_string(&Refuses), Err("JSON: refused".to_string()));
        assert_eq!(pretty_string(&["中"]).unwrap(), "[\n  \"中\"\n]\n");
    }

    #[test]
    fn c1_del_and_bidi_are_escaped_and_round_trip() {
        let text = "a\u{9b}31m\u{7f}\u{202e}b\u{1b}中";
        let mut out = Vec::new();
        write_pretty(&mut out, &[text]).unwrap();
        let json = String::from_utf8(out).unwrap();
        assert!(json.chars().all(|c| c == '\n' || !c.is_control()), "{json}");
        assert!(json.contains("\\u009b") && json.contains("\\u202e") && json.contains("\\u001b"));
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, [text]);
    }
}
