//! Folding: NFKC plus lowercase, so that `15%` finds `１５％` and `app` finds `ＡＰＰ`.
//!
//! Text is folded in *chunks*: one character plus the combining marks (non-starters) that
//! follow it. Each chunk folds independently, so every folded byte can be traced back to the
//! original chunk it came from. Plain ASCII and the common CJK blocks fold without touching
//! the normalization tables, which keeps folding a 100 MB archive cheap.
//!
//! Zero-width format characters (ZWSP, ZWNJ, ZWJ, WJ, BOM) fold to nothing: the screen does
//! not show them (see `layout::sanitize`), so `宽字` must find `零宽\u{200B}字符`.
//!
//! Known simplification: Hangul jamo sequences (which NFKC composes across starters) are
//! folded one jamo at a time.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

use crate::layout::sanitize::is_zero_width_format;

/// The fold of `c` when it is known without the normalization tables: `c` is a starter
/// with no decomposition that folds to one character. Covers ASCII, the common Han blocks,
/// full-width ASCII forms (`１５％` → `15%`) and the punctuation of Chinese news text.
#[inline]
fn quick_fold(c: char) -> Option<char> {
    match c {
        '\0'..='\u{7F}' => Some(c.to_ascii_lowercase()),
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' => Some(c),
        '\u{FF01}'..='\u{FF5E}' => {
            char::from_u32(u32::from(c) - 0xFEE0).map(|a| a.to_ascii_lowercase())
        }
        '\u{B7}'
        | '\u{2014}'
        | '\u{2018}'
        | '\u{2019}'
        | '\u{201C}'
        | '\u{201D}'
        | '\u{3001}'
        | '\u{3002}'
        | '\u{3008}'..='\u{3011}' => Some(c),
        _ => None,
    }
}

/// Whether `c` folds to one character, by itself, without the normalization tables (see
/// `quick_fold`): ASCII, the common Han blocks, full-width ASCII and Chinese punctuation.
/// Such a character never folds to nothing or to a Han character it is not.
pub(crate) fn folds_plainly(c: char) -> bool {
    quick_fold(c).is_some()
}

/// Whether `c` starts a new fold chunk (it does not attach to the character before it).
pub(crate) fn is_starter(c: char) -> bool {
    quick_fold(c).is_some() || canonical_combining_class(c) == 0
}

/// Whether the character starting at byte `at` (if any) starts a new chunk.
#[inline]
fn starter_at(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .is_none_or(is_starter)
}

/// The end of the chunk whose first character ends at `from`: past every non-starter.
fn chunk_end(text: &str, from: usize) -> usize {
    let rest = text.get(from..).unwrap_or_default();
    from + rest
        .char_indices()
        .find(|(_, c)| is_starter(*c))
        .map_or(rest.len(), |(at, _)| at)
}

/// Appends the folded form of `text` to `out`.
///
/// Runs of characters that fold to themselves (bar ASCII case) are copied in one go; this is
/// what keeps building the index of a 100 MB archive fast.
pub fn fold_into(text: &str, out: &mut String) {
    fold_pieces(text, out, |_, _, _| {});
}

/// [`fold_into`], telling `piece(original, folded, same)` where each stretch of the folded
/// text came from, in order: `same` for a run copied byte for byte (ASCII letters lowered),
/// else one chunk and its fold (which may be empty).
fn fold_pieces(
    text: &str,
    out: &mut String,
    mut piece: impl FnMut(Range<usize>, Range<usize>, bool),
) {
    let bytes = text.as_bytes();
    let mut run_start = 0;
    let mut i = 0;
    let mut buf = [0u8; 4];
    loop {
        // Fast path, most of a Chinese article: ASCII and the ideographs U+4000..U+9FFF are
        // starters that fold to themselves (ASCII letters are lowered by `flush`), so they
        // extend the run on their lead byte alone. The run's last character only stays in
        // it if no combining mark follows.
        let fast_end = self_folding_run(bytes, i);
        if fast_end > i {
            if starter_at(text, fast_end) {
                i = fast_end;
            } else {
                let last = if bytes[fast_end - 1] < 0x80 {
                    fast_end - 1
                } else {
                    fast_end - 3
                };
                i = last.max(i);
            }
        }
        let Some(first) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let next = i + first.len_utf8();
        let quick = quick_fold(first).filter(|_| starter_at(text, next));
        if quick.is_some_and(|f| f.eq_ignore_ascii_case(&first)) {
            i = next;
            continue;
        }
        copy(text, run_start..i, out, &mut piece);
        let at = out.len();
        if let Some(folded) = quick {
            out.push_str(folded.encode_utf8(&mut buf));
            piece(i..next, at..out.len(), false);
            i = next;
        } else {
            let end = chunk_end(text, next);
            for c in text[i..end].nfkc().filter(|c| !is_zero_width_format(*c)) {
                out.extend(c.to_lowercase());
            }
            piece(i..end, at..out.len(), false);
            i = end;
        }
        run_start = i;
    }
    copy(text, run_start..text.len(), out, &mut piece);
}

/// Copies the self-folding `run` of `text` (see [`flush`]) and tells `piece` where it went.
fn copy(
    text: &str,
    run: Range<usize>,
    out: &mut String,
    piece: &mut impl FnMut(Range<usize>, Range<usize>, bool),
) {
    let at = out.len();
    flush(text, run.clone(), out);
    if !run.is_empty() {
        piece(run, at..out.len(), true);
    }
}

/// The end of the run of ASCII and U+4000..U+9FFF characters from `i` (a char boundary).
#[inline]
fn self_folding_run(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&b) = bytes.get(i) {
        match b {
            0x00..0x80 => i += 1,
            0xE4..=0xE9 => i += 3,
            _ => break,
        }
    }
    i
}

/// Copies a run of self-folding text, lowering its ASCII letters.
fn flush(text: &str, run: Range<usize>, out: &mut String) {
    if let Some(piece) = text.get(run) {
        let at = out.len();
        out.push_str(piece);
        if let Some(tail) = out.get_mut(at..) {
            tail.make_ascii_lowercase();
        }
    }
}

/// The folded form of `text`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Folded text with a map from each folded byte back to the original text.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// Where each stretch of the folded text came from, in order of the folded text.
    pieces: Vec<Piece>,
}

/// A stretch of folded text: from byte `folded` on, it is either the original from byte
/// `from` copied byte for byte (`same`), or the fold of the chunk `from..to`.
#[derive(Debug, Clone, Copy)]
struct Piece {
    folded: u32,
    from: u32,
    to: u32,
    same: bool,
}

impl Folded {
    /// Folds `text`, remembering where every folded byte came from: a run that folds to
    /// itself is one entry, so a Chinese paragraph costs a few entries, not one a byte.
    pub fn new(text: &str) -> Self {
        let mut out = String::with_capacity(text.len());
        let mut pieces = Vec::new();
        fold_pieces(text, &mut out, |original, folded, same| {
            if !folded.is_empty() {
                pieces.push(Piece {
                    folded: to_u32(folded.start),
                    from: to_u32(original.start),
                    to: to_u32(original.end),
                    same,
                });
            }
        });
        Folded { text: out, pieces }
    }

    /// The original byte range covering the folded range `range` (which must be non-empty
    /// and inside the folded text); it always starts and ends on character boundaries.
    pub fn original(&self, range: Range<usize>) -> Option<Range<usize>> {
        let last = range.end.checked_sub(1)?;
        if range.start > last || last >= self.text.len() {
            return None;
        }
        let piece_of = |at: usize| {
            let i = self.pieces.partition_point(|p| p.folded as usize <= at);
            self.pieces.get(i.checked_sub(1)?)
        };
        let (first, end) = (piece_of(range.start)?, piece_of(last)?);
        let start = match first.same {
            // A copied run has the original's character boundaries.
            true => first.from as usize + self.char_start(range.start) - first.folded as usize,
            false => first.from as usize,
        };
        let end = match end.same {
            true => end.from as usize + self.char_end(last) - end.folded as usize,
            false => end.to as usize,
        };
        Some(start..end)
    }

    /// The start of the folded character holding byte `at`.
    fn char_start(&self, mut at: usize) -> usize {
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    /// The end of the folded character holding byte `at`.
    fn char_end(&self, at: usize) -> usize {
        let mut end = at + 1;
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        end
    }
}

/// Offsets are stored as `u32` to keep the map small; a single string over 4 GiB is not a
/// newspaper article, so saturating is acceptable.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The reference: every chunk folded on its own (a quick character alone), each folded
    /// byte mapped to its chunk, as `Folded` once stored it.
    /// Walks `text` chunk by chunk, calling `emit(original_range, folded_piece)` for each chunk.
    fn fold_chunks(text: &str, mut emit: impl FnMut(Range<usize>, &str)) {
        let mut scratch = String::new();
        let mut buf = [0u8; 4];
        let mut i = 0;
        while let Some(first) = text.get(i..).and_then(|rest| rest.chars().next()) {
            let next = i + first.len_utf8();
            if let Some(folded) = quick_fold(first).filter(|_| starter_at(text, next)) {
                emit(i..next, folded.encode_utf8(&mut buf));
                i = next;
                continue;
            }
            let end = chunk_end(text, next);
            scratch.clear();
            for c in text[i..end].nfkc().filter(|c| !is_zero_width_format(*c)) {
                scratch.extend(c.to_lowercase());
            }
            emit(i..end, &scratch);
            i = end;
        }
    }

    fn reference(text: &str) -> (String, Vec<(usize, usize)>) {
        let (mut folded, mut origin) = (String::new(), Vec::new());
        fold_chunks(text, |range, piece| {
            folded.push_str(piece);
            origin.extend(std::iter::repeat_n((range.start, range.end), piece.len()));
        });
        (folded, origin)
    }

    proptest! {
        #[test]
        fn pieces_map_back_as_chunks_do(
            parts in proptest::collection::vec(prop::sample::select(vec![
                "a", "Z", " ", "工", "会", "，", "１", "Ａ", "、", "\u{301}", "\u{200B}", "ﬁ",
                "㈱", "e", "\u{3000}", "한", "\u{1100}", "·", "😀", "\u{FE0F}",
            ]), 0..40),
        ) {
            let text: String = parts.concat();
            let (text_ref, origin) = reference(&text);
            let folded = Folded::new(&text);
            prop_assert_eq!(&folded.text, &text_ref);
            prop_assert_eq!(&fold(&text), &text_ref);
            let bounds: Vec<usize> = (0..=text_ref.len())
                .filter(|&b| text_ref.is_char_boundary(b))
                .collect();
            for (i, &start) in bounds.iter().enumerate() {
                for &end in &bounds[i + 1..] {
                    let want = Some(origin[start].0..origin[end - 1].1);
                    prop_assert_eq!(folded.original(start..end), want, "{}..{}", start, end);
                }
            }
            prop_assert_eq!(folded.original(0..0), None);
            prop_assert_eq!(folded.original(0..text_ref.len() + 1), None);
        }
    }

    #[test]
    fn full_width_and_case_fold_to_ascii_lowercase() {
        assert_eq!(fold("１５％ ＡＰＰ MALL"), "15% app mall");
    }

    #[test]
    fn zero_width_format_characters_fold_to_nothing() {
        let text = "零宽\u{200B}字符\u{200D}\u{FEFF}，零\u{200C}宽\u{2060}";
        assert_eq!(fold(text), "零宽字符,零宽");
        let folded = Folded::new(text);
        assert_eq!(folded.text, "零宽字符,零宽");
        // The match maps back over what was dropped, so its highlight covers it.
        let at = folded.text.find("宽字").unwrap();
        assert_eq!(
            folded.original(at..at + "宽字".len()),
            Some("零".len().."零宽\u{200B}字".len())
        );
    }

    #[test]
    fn the_fast_path_range_is_self_folding_starters() {
        for cp in 0x4000..=0x9FFF {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let s = c.to_string();
            assert!(is_starter(c), "{cp:X}");
            let slow: String = s.nfkc().flat_map(char::to_lowercase).collect();
            assert_eq!(slow, s, "{cp:X}");
        }
    }

    #[test]
    fn fast_runs_leave_a_char_with_combining_marks_to_the_slow_path() {
        assert_eq!(
            fold("AB\u{301}工\u{301}x"),
            Folded::new("AB\u{301}工\u{301}x").text
        );
        assert_eq!(fold("Ａ工会ＡＰＰe\u{301}"), "a工会appé");
    }

    #[test]
    fn han_is_unchanged() {
        assert_eq!(fold("工会驿站，"), "工会驿站,");
    }

    #[test]
    fn combining_marks_fold_with_their_base() {
        let f = Folded::new("Cafe\u{301}!");
        assert_eq!(f.text, "café!");
        let at = f.text.find('é').unwrap_or_default();
        assert_eq!(f.original(at..at + 2), Some(3..6));
    }

    #[test]
    fn map_points_back_to_full_width_source() {
        let src = "约１５％左右";
        let f = Folded::new(src);
        let at = f.text.find("15%").unwrap_or_default();
        let r = f.original(at..at + 3).unwrap_or_default();
        assert_eq!(&src[r], "１５％");
    }
}
