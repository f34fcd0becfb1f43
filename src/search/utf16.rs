//! The encoding of the index's folded text: UTF-16, little-endian, held as bytes.
//!
//! Chinese text is mostly characters of the Basic Multilingual Plane that take three bytes
//! in UTF-8 and two here, so the index of a Chinese archive is about a third smaller than
//! its UTF-8 form (docs/contract.md §7: peak memory under twice the archive's size); ASCII text would
//! double, which a Chinese newspaper archive does not have much of. Every character with a
//! pinyin reading is one code unit, so the pinyin scan reads one `u16` per character with
//! no decoding.
//!
//! Byte-level substring search over UTF-16 may find a needle at an odd offset, straddling
//! two code units; [`for_each_aligned`] skips those and resumes one byte later, so it finds
//! exactly the non-overlapping, leftmost matches of the text as characters.

use memchr::memmem::Finder;

/// Appends `text` to `out` as UTF-16LE.
pub fn push_str(out: &mut Vec<u8>, text: &str) {
    out.reserve(text.len());
    for unit in text.encode_utf16() {
        out.extend_from_slice(&unit.to_le_bytes());
    }
}

/// `text` as UTF-16LE bytes.
pub fn encode(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() * 2);
    push_str(&mut out, text);
    out
}

/// Appends UTF-16LE `bytes` to `out` as UTF-8; unpaired surrogates (which text from a
/// `str` never holds) and an odd last byte become U+FFFD.
pub fn decode_into(bytes: &[u8], out: &mut String) {
    let units = bytes
        .chunks_exact(2)
        .map(|pair| u16::from_le_bytes([pair[0], pair[1]]));
    out.extend(char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)));
    if bytes.len() % 2 == 1 {
        out.push(char::REPLACEMENT_CHARACTER);
    }
}

/// Calls `at(start)` for each non-overlapping match of `finder`'s needle (UTF-16LE bytes)
/// in `haystack` (UTF-16LE bytes) that starts on a code unit, leftmost first.
pub fn for_each_aligned(finder: &Finder<'_>, haystack: &[u8], mut at: impl FnMut(usize)) {
    let step = finder.needle().len().max(1);
    let mut from = 0;
    while let Some(found) = haystack.get(from..).and_then(|rest| finder.find(rest)) {
        let start = from + found;
        if start % 2 == 0 {
            at(start);
            from = start + step;
        } else {
            from = start + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(needle: &str, text: &str) -> Vec<usize> {
        let needle = encode(needle);
        let finder = Finder::new(&needle);
        let mut out = Vec::new();
        for_each_aligned(&finder, &encode(text), |s| out.push(s));
        out
    }

    #[test]
    fn round_trip() {
        let text = "工会驿站 MALL １５％ 😀 é";
        let mut back = String::new();
        decode_into(&encode(text), &mut back);
        assert_eq!(back, text);
    }

    #[test]
    fn finds_character_aligned_matches_only() {
        // U+0100 U+0001 is 00 01 01 00; the needle U+0101 (01 01) occurs at byte 1, across
        // two units, and must not be reported.
        assert!(starts("\u{101}", "\u{100}\u{1}").is_empty());
        assert_eq!(starts("工会", "工会工会 工会"), vec![0, 4, 10]);
        assert_eq!(starts("aa", "aaaaa"), vec![0, 4]);
    }

    #[test]
    fn a_misaligned_candidate_does_not_hide_the_aligned_match_after_it() {
        // Bytes: 00 01 | 01 01 | 01 00. Needle U+0101 (01 01) first occurs at byte 1
        // (misaligned), then at byte 2 (aligned); the search resumes one byte later.
        assert_eq!(starts("\u{101}", "\u{100}\u{101}\u{1}"), vec![2]);
    }
}
