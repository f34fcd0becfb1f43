//! Text from data is shown, never obeyed (docs/contract.md §4).
//!
//! Every string that reaches the screen passes through [`sanitize`] first, so no byte of an
//! article can move the cursor, retitle the window, write the clipboard or reorder text.
//!
//! Choices, so that the rest of the layout can rely on them:
//! - whole escape sequences are removed, leaving nothing: CSI (`ESC [` … final byte), the
//!   string sequences OSC/DCS/SOS/PM/APC (`ESC ]`, `ESC P`, `ESC X`, `ESC ^`, `ESC _` … up to
//!   BEL, `ESC \` or U+009C), their 8-bit C1 forms (U+009B, U+009D, U+0090, U+0098, U+009E,
//!   U+009F), and other `ESC` + intermediates + one final character (`ESC c`, `ESC ( B`);
//! - a string sequence with no terminator is not allowed to swallow the rest of the paragraph:
//!   only its introducer is replaced by the placeholder, and the text after it is kept;
//! - TAB becomes **one** space: a paragraph has no columns to align to once it is wrapped;
//! - a newline (LF, CRLF, U+2028, U+2029) inside a paragraph becomes one space;
//! - every other C0 control (NUL, BEL, a lone CR …), DEL, every other C1 control and the bidi
//!   controls (U+202A–202E, U+2066–2069, U+200E, U+200F, U+061C) become [`PLACEHOLDER`];
//! - invisible zero-width format characters are removed: ZERO WIDTH SPACE, ZERO WIDTH
//!   NON-JOINER, WORD JOINER, the BOM (U+FEFF), and a ZERO WIDTH JOINER that does not join
//!   two parts of an emoji (`👩‍🔬` keeps its joiner, `字‍符` loses it). They show nothing,
//!   but terminals disagree about them: tmux attaches a joiner to the cells around it and
//!   shifts the rest of the row.
//!
//! The output contains no control character, so [`sanitize`] is idempotent.

use std::borrow::Cow;

/// What a control character is shown as: U+FFFD REPLACEMENT CHARACTER `�`.
///
/// It is visible in every font, means "something was here" to every reader, and is one column
/// wide in a normal terminal (it is East Asian Ambiguous, so two with `--ambiguous-width 2`,
/// and the layout measures it the same way the terminal draws it).
pub const PLACEHOLDER: char = '\u{FFFD}';

const ESC: char = '\u{1B}';
const BEL: char = '\u{07}';
const C1_ST: char = '\u{9C}';
const ZWJ: char = '\u{200D}';

/// [`sanitize`] line by line, keeping the line breaks: for messages and plain-text output
/// of several lines.
pub fn sanitize_lines(text: &str) -> String {
    text.split('\n')
        .map(sanitize)
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` with escape sequences removed and control characters made visible.
///
/// Returns `Cow::Borrowed` when there is nothing to change, which is the common case.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    match first_dirty(text) {
        None => Cow::Borrowed(text),
        Some(at) => Cow::Owned(clean_from(text, at)),
    }
}

/// Whether `c` needs any treatment at all.
fn is_dirty(c: char) -> bool {
    let u = u32::from(c);
    u < 0x20
        || (0x7F..=0x9F).contains(&u)
        || is_bidi_control(c)
        || is_line_separator(c)
        || is_zero_width_format(c)
}

/// Invisible characters that only steer joining and breaking: sanitising removes them (but
/// a joiner inside an emoji), and search folding drops them, so that what reads `零宽字符`
/// is found by `宽字`.
pub fn is_zero_width_format(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | ZWJ | '\u{2060}' | '\u{FEFF}')
}

/// Characters an emoji ZWJ sequence is made of: pictographs, their presentation selector
/// (U+FE0F), skin-tone modifiers and tags.
fn is_emoji_part(c: char) -> bool {
    matches!(u32::from(c),
        0x2300..=0x23FF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0xFE0F
        | 0x1_F000..=0x1_FAFF | 0xE_0020..=0xE_007F)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

fn is_line_separator(c: char) -> bool {
    matches!(c, '\n' | '\u{2028}' | '\u{2029}')
}

/// Bytes that may start a dirty character: below U+0020, DEL, and the lead bytes 0xC2 (C1),
/// 0xD8 (U+061C), 0xE2 (U+200B…U+2069) and 0xEF (U+FEFF).
const MAY_BE_DIRTY: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[0x7F] = true;
    table[0xC2] = true;
    table[0xD8] = true;
    table[0xE2] = true;
    table[0xEF] = true;
    table
};

fn first_dirty(text: &str) -> Option<usize> {
    // Eight bytes at a time while none of them may start a dirty character (most of a
    // Chinese paragraph), then one table look a byte. A marked byte is never inside a
    // character, so the character there can be looked at.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let end = match bytes.get(i..i + 8) {
            Some(word) => {
                let word = u64::from_le_bytes(word.try_into().unwrap_or([0; 8]));
                if !may_be_dirty(word) {
                    i += 8;
                    continue;
                }
                i + 8
            }
            None => bytes.len(),
        };
        if let Some(at) =
            (i..end).find(|&at| MAY_BE_DIRTY[usize::from(bytes[at])] && is_dirty_at(text, at))
        {
            return Some(at);
        }
        i = end;
    }
    None
}

/// Whether the character at byte `i` of `text` (a byte [`MAY_BE_DIRTY`] marks) is dirty.
fn is_dirty_at(text: &str, i: usize) -> bool {
    text.as_bytes()[i] < 0x80 || text[i..].chars().next().is_some_and(is_dirty)
}

/// Whether any byte of `word` is one [`MAY_BE_DIRTY`] marks (no false negative).
fn may_be_dirty(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // A byte below 0x20 (borrows can only add bytes after a true one).
    let below = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let equal = |b: u64| zero(word ^ (ONES * b));
    below | equal(0x7F) | equal(0xC2) | equal(0xD8) | equal(0xE2) | equal(0xEF) != 0
}

fn clean_from(text: &str, at: usize) -> String {
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..at]);
    let mut rest = &text[at..];
    loop {
        let clean = first_dirty(rest).unwrap_or(rest.len());
        out.push_str(&rest[..clean]);
        rest = &rest[clean..];
        let Some(c) = rest.chars().next() else {
            return out;
        };
        let after = &rest[c.len_utf8()..];
        rest = match c {
            ESC => skip_escape(after, &mut out),
            '\u{9B}' => skip_csi(after),
            '\u{90}' | '\u{98}' | '\u{9D}' | '\u{9E}' | '\u{9F}' => skip_string(after, &mut out),
            '\t' => {
                out.push(' ');
                after
            }
            '\r' if after.starts_with('\n') => {
                out.push(' ');
                &after[1..]
            }
            c if is_line_separator(c) => {
                out.push(' ');
                after
            }
            ZWJ if out.chars().next_back().is_some_and(is_emoji_part)
                && after.chars().next().is_some_and(is_emoji_part) =>
            {
                out.push(ZWJ);
                after
            }
            c if is_zero_width_format(c) => after,
            _ => {
                out.push(PLACEHOLDER);
                after
            }
        };
    }
}

/// Skips what follows an ESC; returns the text after the sequence.
fn skip_escape<'a>(after: &'a str, out: &mut String) -> &'a str {
    match after.chars().next() {
        Some('[') => skip_csi(&after[1..]),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_string(&after[1..], out),
        Some(c) if (' '..='/').contains(&c) => {
            // nF: intermediates, then one final byte (`ESC ( B`).
            let rest = after.trim_start_matches(|c: char| (' '..='/').contains(&c));
            match rest.chars().next() {
                Some(f) if ('0'..='~').contains(&f) => &rest[1..],
                _ => rest,
            }
        }
        Some(c) if ('0'..='~').contains(&c) => &after[1..],
        // A lone ESC before text or a control: drop the ESC, keep what follows.
        _ => after,
    }
}

/// Skips a CSI body: parameter and intermediate bytes, then one final byte. A character that
/// cannot be part of the sequence ends it and is kept.
fn skip_csi(after: &str) -> &str {
    let rest = after.trim_start_matches(|c: char| (' '..='?').contains(&c));
    match rest.chars().next() {
        Some(f) if ('@'..='~').contains(&f) => &rest[1..],
        _ => rest,
    }
}

/// Skips a string sequence up to and including its terminator (BEL, `ESC \` or ST).
fn skip_string<'a>(after: &'a str, out: &mut String) -> &'a str {
    let mut iter = after.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        match c {
            BEL | C1_ST => return &after[i + c.len_utf8()..],
            ESC if matches!(iter.peek(), Some((_, '\\'))) => return &after[i + 2..],
            _ => {}
        }
    }
    out.push(PLACEHOLDER);
    after
}

/// True for what a terminal would not show as it is: controls, bidi controls, line and
/// paragraph separators, invisible format characters.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{AD}'
                | '\u{61C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn first_dirty_is_the_first_dirty_character(
            parts in proptest::collection::vec(prop::sample::select(vec![
                "a", "工", "“", "”", "—", "\u{1b}", "\t", "\n", "\u{7f}", "\u{85}", "é",
                "\u{61C}", "\u{200B}", "\u{200D}", "\u{202E}", "\u{2066}", "\u{2028}",
                "\u{FEFF}", "\u{FF0C}", "\u{2060}", "\u{2069}", "Ø", "😀", "ab", "会议",
            ]), 0..40),
        ) {
            let text: String = parts.concat();
            let want = text.char_indices().find(|&(_, c)| is_dirty(c)).map(|(at, _)| at);
            prop_assert_eq!(first_dirty(&text), want);
        }
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(
            sanitize("京南物流基地“四大”15%，MALL"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn csi_and_osc_sequences_vanish_whole() {
        assert_eq!(sanitize("a\x1b[1;31mb\x1b[0mc"), "abc");
        assert_eq!(sanitize("a\x1b]0;pwned\x07b\x1b]8;;http://x\x1b\\c"), "abc");
        assert_eq!(sanitize("a\u{9b}2Jb\u{9d}0;t\u{9c}c"), "abc");
        assert_eq!(sanitize("a\x1bPq#0\x1b\\b\x1b_apc\x07c"), "abc");
    }

    #[test]
    fn short_escapes_vanish_with_their_final_character() {
        assert_eq!(sanitize("a\x1bcb\x1b(Bc\x1b7d"), "abcd");
    }

    #[test]
    fn lone_escape_keeps_the_text_after_it() {
        assert_eq!(sanitize("a\x1b中"), "a中");
        assert_eq!(sanitize("end\x1b"), "end");
    }

    #[test]
    fn unterminated_string_sequence_keeps_the_paragraph() {
        assert_eq!(sanitize("a\x1b]0;rest of text"), "a\u{FFFD}0;rest of text");
    }

    #[test]
    fn zero_width_format_characters_vanish_but_emoji_keep_their_joiners() {
        assert_eq!(sanitize("零宽\u{200B}字符\u{200D}\u{FEFF}"), "零宽字符");
        assert_eq!(
            sanitize("零\u{200B}宽\u{200C}空\u{200D}格\u{2060}。"),
            "零宽空格。"
        );
        assert_eq!(sanitize("\u{FEFF}标题"), "标题");
        for emoji in [
            "👩\u{200D}🔬",
            "🐻\u{200D}❄\u{FE0F}",
            "👨\u{200D}👩\u{200D}👧",
            "❤\u{FE0F}\u{200D}🔥",
        ] {
            assert_eq!(sanitize(emoji), emoji);
            let text = format!("工会{emoji}驿站");
            assert_eq!(sanitize(&text), text);
        }
        // A joiner at an edge, or between an emoji and a Han character, joins nothing.
        assert_eq!(sanitize("\u{200D}👩\u{200D}工\u{200D}"), "👩工");
        // Full-width text (lead byte 0xEF, like the BOM) stays on the fast path's answer.
        assert!(matches!(sanitize("（１５％），ＡＰＰ"), Cow::Borrowed(_)));
    }

    #[test]
    fn tab_and_newlines_become_one_space() {
        assert_eq!(
            sanitize("前言\t正文\n结束\r\n完\u{2028}了"),
            "前言 正文 结束 完 了"
        );
    }

    #[test]
    fn controls_and_bidi_become_placeholders() {
        assert_eq!(sanitize("a\x07b\rc\0d\x7fe\u{85}f"), "a�b�c�d�e�f");
        assert_eq!(sanitize("x\u{202e}y\u{2066}z\u{200f}w\u{61c}"), "x�y�z�w�");
    }

    #[test]
    fn sanitize_is_idempotent() {
        let once = sanitize("a\x1b[31m\tb\x07\u{202e}\x1b]x");
        assert_eq!(sanitize(&once), once);
    }
}
