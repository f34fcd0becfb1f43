//! The note editor's text (issue 14): several lines edited with the prompt's keys, a cursor
//! that moves by grapheme, and the rows the text wraps into at a width, so the view draws
//! what the cursor moves over. No terminal here.
//!
//! Text comes in cleaned as `kanbao note` cleans a note ([`crate::review::clean_note`]):
//! line ends made `\n`, tabs made spaces, control and invisible characters left out; at most
//! [`MAX_NOTE_BYTES`] bytes are held, and the rest of a paste is cut.

use unicode_segmentation::UnicodeSegmentation;

use super::line_editor::{Edit, next, prev};
use crate::action::Action;
use crate::layout::sanitize::is_invisible;
use crate::layout::{Widths, cluster_width};
pub use crate::review::MAX_NOTE_BYTES;

/// Typed or pasted text as the note keeps it (see the module's comment).
pub fn clean_input(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            c if is_invisible(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Applies an editing action to `text` at `cursor` (a byte offset on a grapheme boundary).
/// `Home`/`End`, `Ctrl-U`/`Ctrl-K` work on the cursor's line; `Ctrl-K` at a line's end joins
/// the next line, `Ctrl-W` at a line's start joins the line before.
pub fn apply(text: &mut String, cursor: &mut usize, action: &Action) -> Edit {
    let mut at = (*cursor).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    *cursor = at;
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    match action {
        Action::SearchInput(input) => return insert(text, cursor, &clean_input(input)),
        Action::NoteNewline => return insert(text, cursor, "\n"),
        Action::SearchBackspace => return remove(text, cursor, prev(&text[..at])..at),
        Action::SearchDelete => {
            let end = at + next(&text[at..]);
            return remove(text, cursor, at..end);
        }
        Action::SearchDeleteWord => {
            let start = match word_start(&text[..at]) {
                start if start == at => prev(&text[..at]),
                start => start,
            };
            return remove(text, cursor, start..at);
        }
        Action::SearchClearToStart => return remove(text, cursor, line_start..at),
        Action::SearchClearToEnd => {
            let end = if line_end == at && at < text.len() {
                at + 1
            } else {
                line_end
            };
            return remove(text, cursor, at..end);
        }
        Action::SearchLeft => *cursor = prev(&text[..at]),
        Action::SearchRight => *cursor = at + next(&text[at..]),
        Action::SearchHome => *cursor = line_start,
        Action::SearchEnd => *cursor = line_end,
        Action::SearchWordLeft => {
            *cursor = match word_start(&text[..at]) {
                start if start == at => prev(&text[..at]),
                start => start,
            };
        }
        Action::SearchWordRight => {
            let tail = &text[at..];
            let rest = tail
                .trim_start_matches(' ')
                .trim_start_matches(|c| c != ' ' && c != '\n');
            *cursor = if rest.len() == tail.len() {
                at + next(tail)
            } else {
                text.len() - rest.len()
            };
        }
        _ => return Edit::Ignored,
    }
    Edit::Moved
}

/// Inserts `clean` at the cursor, as much as fits in [`MAX_NOTE_BYTES`] (cut on a character
/// boundary).
fn insert(text: &mut String, cursor: &mut usize, clean: &str) -> Edit {
    let room = MAX_NOTE_BYTES.saturating_sub(text.len());
    let mut take = clean.len().min(room);
    while !clean.is_char_boundary(take) {
        take -= 1;
    }
    let cut = take < clean.len();
    if take == 0 {
        return if cut { Edit::Full } else { Edit::Moved };
    }
    text.insert_str(*cursor, &clean[..take]);
    *cursor += take;
    Edit::Changed { cut }
}

fn remove(text: &mut String, cursor: &mut usize, range: std::ops::Range<usize>) -> Edit {
    *cursor = range.start;
    if range.is_empty() {
        return Edit::Moved;
    }
    text.replace_range(range, "");
    Edit::Changed { cut: false }
}

/// Back over spaces, then over one run of what is neither a space nor a line break.
fn word_start(head: &str) -> usize {
    head.trim_end_matches(' ')
        .trim_end_matches(|c| c != ' ' && c != '\n')
        .len()
}

/// One row of the wrapped note: bytes `start..end` of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// First byte.
    pub start: usize,
    /// Past the last byte (a line break is in no row).
    pub end: usize,
    /// True when the row ends its line (at a line break or the end of the text): the cursor
    /// may stand at its end.
    pub last: bool,
}

/// The rows `text` takes at `width` columns: each line broken by grapheme where the next
/// would not fit (a grapheme wider than the row gets a row of its own); an empty line is an
/// empty row. Always at least one row.
pub fn rows(text: &str, width: usize, widths: Widths) -> Vec<Row> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let mut start = line_start;
        let mut used = 0;
        for (i, g) in line.grapheme_indices(true) {
            let w = cluster_width(g, widths);
            if used > 0 && used + w > width {
                out.push(Row {
                    start,
                    end: line_start + i,
                    last: false,
                });
                start = line_start + i;
                used = 0;
            }
            used += w;
        }
        out.push(Row {
            start,
            end: line_start + line.len(),
            last: true,
        });
        line_start += line.len() + 1;
    }
    out
}

/// The row the cursor is on and its column in it.
pub fn cursor_cell(text: &str, rows: &[Row], cursor: usize, widths: Widths) -> (usize, usize) {
    let row = rows
        .iter()
        .rposition(|r| r.start <= cursor)
        .unwrap_or_default();
    let r = rows[row.min(rows.len().saturating_sub(1))];
    let end = cursor.clamp(r.start, r.end);
    let col = text.get(r.start..end).map_or(0, |s| {
        s.graphemes(true).map(|g| cluster_width(g, widths)).sum()
    });
    (row, col)
}

/// The cursor moved to row `to`, as near column `col` as its graphemes allow.
pub fn cursor_at(text: &str, row: Row, col: usize, widths: Widths) -> usize {
    let mut used = 0;
    for (i, g) in text[row.start..row.end].grapheme_indices(true) {
        let w = cluster_width(g, widths);
        if used + w > col {
            return row.start + i;
        }
        used += w;
    }
    if row.last {
        row.end
    } else {
        // The end of a wrapped row is the start of the next: stay on this one.
        row.start + prev(&text[row.start..row.end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, cursor: usize, action: Action) -> (String, usize) {
        let (mut text, mut cursor) = (text.to_string(), cursor);
        apply(&mut text, &mut cursor, &action);
        (text, cursor)
    }

    #[test]
    fn editing_keys_work_on_lines() {
        let s = "第一行\n第二 行";
        let second = s.find('\n').unwrap() + 1;
        assert_eq!(run(s, second, Action::SearchBackspace).0, "第一行第二 行");
        assert_eq!(run(s, s.len(), Action::SearchDeleteWord).0, "第一行\n第二 ");
        assert_eq!(run(s, second, Action::SearchDeleteWord).0, "第一行第二 行");
        assert_eq!(run(s, s.len(), Action::SearchClearToStart).0, "第一行\n");
        assert_eq!(
            run(s, second - 1, Action::SearchClearToEnd).0,
            "第一行第二 行"
        );
        assert_eq!(run(s, 0, Action::SearchClearToEnd).0, "\n第二 行");
        assert_eq!(run(s, s.len(), Action::SearchHome).1, second);
        assert_eq!(run(s, 0, Action::SearchEnd).1, second - 1);
        assert_eq!(run(s, 0, Action::NoteNewline).0, "\n第一行\n第二 行");
        assert_eq!(
            run(s, 3, Action::SearchInput("a\r\nb\tc\u{1b}".into())).0,
            "第a\nb c一行\n第二 行"
        );
    }

    #[test]
    fn input_stops_at_the_limit() {
        let big = "字".repeat(MAX_NOTE_BYTES);
        let (mut text, mut cursor) = (String::new(), 0);
        let edit = apply(&mut text, &mut cursor, &Action::SearchInput(big));
        assert_eq!(edit, Edit::Changed { cut: true });
        assert!(text.len() <= MAX_NOTE_BYTES && text.len() > MAX_NOTE_BYTES - 3);
        let edit = apply(&mut text, &mut cursor, &Action::SearchInput("字".into()));
        assert_eq!(edit, Edit::Full);
    }

    #[test]
    fn rows_wrap_by_width_and_the_cursor_follows() {
        let w = Widths::default();
        let text = "一二三四五\n\nab";
        let r = rows(text, 4, w);
        assert_eq!(r.len(), 5);
        assert_eq!(&text[r[0].start..r[0].end], "一二");
        assert_eq!(&text[r[2].start..r[2].end], "五");
        assert_eq!(r[3].start, r[3].end);
        // The cursor after 二 is at the start of the next row.
        assert_eq!(cursor_cell(text, &r, 6, w), (1, 0));
        assert_eq!(cursor_cell(text, &r, text.len(), w), (4, 2));
        assert_eq!(cursor_at(text, r[1], 3, w), 9);
        assert_eq!(cursor_at(text, r[4], 9, w), text.len());
        assert_eq!(rows("", 0, w).len(), 1);
    }
}
