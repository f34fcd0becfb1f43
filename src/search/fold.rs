//! Folding: NFKC plus lowercase, so that `15%` finds `１５％` and `app` finds `ＡＰＰ`.
//!
//! Text is folded in *chunks*: one character plus the combining marks (non-starters) that
//! follow it. Each chunk folds independently, so every folded byte can be traced back to the
//! original chunk it came from. Plain ASCII and the common CJK blocks fold without touching
//! the normalization tables, which keeps folding a 100 MB archive cheap.
//!
//! Known simplification: Hangul jamo sequences (which NFKC composes across starters) are
//! folded one jamo at a time.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

/// Han ideographs with no compatibility decomposition and no case: they fold to themselves.
fn is_plain_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// Whether `c` starts a new fold chunk (it does not attach to the character before it).
fn is_starter(c: char) -> bool {
    c.is_ascii() || is_plain_han(c) || canonical_combining_class(c) == 0
}

/// Decodes the plain Han character at `i`, if the three bytes there are one.
#[inline]
fn plain_han_at(bytes: &[u8], i: usize) -> bool {
    match (bytes.get(i), bytes.get(i + 1), bytes.get(i + 2)) {
        (Some(&b0 @ 0xE3..=0xE9), Some(&b1), Some(&b2)) => {
            let cp =
                (u32::from(b0 & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
            char::from_u32(cp).is_some_and(is_plain_han)
        }
        _ => false,
    }
}

/// Whether the character at byte `i` is certainly a starter, judged from its bytes alone
/// (true for the end of the text, ASCII and plain Han; false means "look closer").
#[inline]
fn starter_at(bytes: &[u8], i: usize) -> bool {
    bytes.get(i).is_none_or(|b| *b < 0x80) || plain_han_at(bytes, i)
}

/// Walks `text` chunk by chunk, calling `emit(original_range, folded_piece)` for each chunk.
fn fold_chunks(text: &str, mut emit: impl FnMut(Range<usize>, &str)) {
    let bytes = text.as_bytes();
    let mut scratch = String::new();
    let mut ascii = [0u8; 1];
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Fast paths: ASCII and plain Han followed by a certain starter fold on their own.
        if b < 0x80 && starter_at(bytes, i + 1) {
            ascii[0] = b.to_ascii_lowercase();
            emit(i..i + 1, std::str::from_utf8(&ascii).unwrap_or_default());
            i += 1;
            continue;
        }
        if plain_han_at(bytes, i) && starter_at(bytes, i + 3) {
            emit(i..i + 3, &text[i..i + 3]);
            i += 3;
            continue;
        }
        let mut chars = text[i..].chars();
        let Some(first) = chars.next() else { break };
        let mut end = i + first.len_utf8();
        for next in chars {
            if is_starter(next) {
                break;
            }
            end += next.len_utf8();
        }
        let chunk = &text[i..end];
        if end == i + first.len_utf8() && is_plain_han(first) {
            emit(i..end, chunk);
        } else {
            scratch.clear();
            for c in chunk.nfkc() {
                scratch.extend(c.to_lowercase());
            }
            emit(i..end, &scratch);
        }
        i = end;
    }
}

/// Appends the folded form of `text` to `out`.
pub fn fold_into(text: &str, out: &mut String) {
    fold_chunks(text, |_, piece| out.push_str(piece));
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
    /// For each folded byte, the original byte range of the chunk it came from.
    origin: Vec<(u32, u32)>,
}

impl Folded {
    /// Folds `text`, remembering where every folded byte came from.
    pub fn new(text: &str) -> Self {
        let mut out = Folded {
            text: String::with_capacity(text.len()),
            origin: Vec::with_capacity(text.len()),
        };
        fold_chunks(text, |range, piece| {
            out.text.push_str(piece);
            let span = (to_u32(range.start), to_u32(range.end));
            out.origin.extend(std::iter::repeat_n(span, piece.len()));
        });
        out
    }

    /// The original byte range covering the folded range `range` (which must be non-empty
    /// and inside the folded text); it always starts and ends on character boundaries.
    pub fn original(&self, range: Range<usize>) -> Option<Range<usize>> {
        let first = self.origin.get(range.start)?;
        let last = self.origin.get(range.end.checked_sub(1)?)?;
        Some(first.0 as usize..last.1 as usize)
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

    #[test]
    fn full_width_and_case_fold_to_ascii_lowercase() {
        assert_eq!(fold("１５％ ＡＰＰ MALL"), "15% app mall");
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
