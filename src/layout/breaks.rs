//! Where a line may break: UAX #14 (`unicode-linebreak`) tailored for Chinese (clreq, GB/T
//! 15834 §5.1), as `research/cjk_layout.md` §1.3 and §2.5 describe.
//!
//! The text is cut into grapheme clusters, and each cluster learns whether a line may begin
//! with it. A break is allowed before a cluster when
//! - it does not start with a NO_START character ([`is_no_start`]) and the last visible
//!   cluster before it does not start with a NO_END character ([`is_no_end`]);
//! - it is not inside a run of `—`, and not before a *single* `—` (`——` may start a line);
//! - and UAX #14 allows it, or the tailoring for quotes does: before `“`/`‘` after a wide
//!   cluster and after `”`/`’` before a wide cluster (Unicode 16's LB19a; the crate has
//!   Unicode 15.0 rules, which glue quotes to both neighbours).
//!
//! UAX #14 already keeps digit runs, `15%`, `¥100`, Latin words and `……` whole.
//!
//! Asked to keep words whole (CSS `word-break: keep-all`, for kanbao's own messages), no
//! break is allowed between two letters or digits, Han characters included: a message then
//! breaks only at spaces and punctuation, and never splits a word such as `地区`.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::width::{Widths, cluster_width};

/// One grapheme cluster of the text being wrapped.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cluster {
    /// Byte offset of the cluster in the text.
    pub start: usize,
    /// Byte offset just past the cluster.
    pub end: usize,
    /// Columns it takes under the chosen ambiguous width.
    pub width: usize,
    /// Its first (base) character.
    pub first: char,
    /// Whether it is an ASCII space, which is dropped at a break.
    pub space: bool,
    /// Whether a line may start with this cluster.
    pub break_before: bool,
}

/// The clusters of `text` with their break opportunities; with `keep_words`, none between
/// two letters or digits.
pub(crate) fn clusters(text: &str, widths: Widths, keep_words: bool) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::with_capacity(text.len() / 2);
    // East-Asian-wide neighbours, for the quote tailoring; measured narrow on purpose, so
    // that `”“` stays glued even when ambiguous quotes are drawn wide.
    let mut wide: Vec<bool> = Vec::with_capacity(text.len() / 2);
    for (start, g) in text.grapheme_indices(true) {
        let first = g.chars().next().unwrap_or(' ');
        out.push(Cluster {
            start,
            end: start + g.len(),
            width: cluster_width(g, widths),
            first,
            space: g == " ",
            break_before: false,
        });
        wide.push(g.len() > 1 && g.width() == 2);
    }
    let mut uax = unicode_linebreak::linebreaks(text)
        .map(|(at, _)| at)
        .peekable();
    let mut last_visible: Option<char> = None;
    for i in 1..out.len() {
        let (prev, next) = (out[i - 1], out[i]);
        if !prev.space && prev.width > 0 {
            last_visible = Some(prev.first);
        }
        while uax.next_if(|&at| at < next.start).is_some() {}
        let uax_allows = uax.peek() == Some(&next.start);
        let after_next = out.get(i + 1).map(|c| c.first);
        out[i].break_before =
            tailored(
                prev.first,
                wide[i - 1],
                last_visible,
                next.first,
                wide[i],
                after_next,
                uax_allows,
            ) && !(keep_words && prev.first.is_alphanumeric() && next.first.is_alphanumeric());
    }
    out
}

/// The tailored decision for a break between `prev` and `next`.
fn tailored(
    prev: char,
    prev_wide: bool,
    last_visible: Option<char>,
    next: char,
    next_wide: bool,
    after_next: Option<char>,
    uax_allows: bool,
) -> bool {
    if is_no_start(next) || last_visible.is_some_and(is_no_end) {
        return false;
    }
    if next == '—' && (prev == '—' || after_next != Some('—')) {
        return false;
    }
    uax_allows
        || (matches!(next, '“' | '‘') && prev_wide)
        || (matches!(prev, '”' | '’') && next_wide)
}

/// Characters that must not start a line (行首禁则, cjk_layout.md §1.3). A single `—` is
/// handled apart, since `——` may start a line.
pub fn is_no_start(c: char) -> bool {
    matches!(
        c,
        // pause and stop marks
        '、' | '，' | '。' | '．' | '：' | '；' | '？' | '！' | '‼' | '⁇' | '⁈' | '⁉'
            | ',' | '.' | ':' | ';' | '?' | '!'
            // closing quotes and brackets
            | '”' | '’' | '」' | '』' | '〞' | '〟'
            | '）' | '］' | '｝' | '〕' | '〉' | '》' | '】' | '〗' | '〙' | '〛' | '⦆' | '»'
            | ')' | ']' | '}'
            // connectors, interpuncts, solidus, ellipses
            | '–' | '～' | '~' | '〜' | '·' | '・' | '‧' | '／' | '…' | '⋯' | '‥'
            // postfix abbreviations, iteration marks
            | '%' | '％' | '‰' | '℃' | '°' | '′' | '″' | '¢' | '￠' | '々' | '〃'
    )
}

/// Characters that must not end a line (行尾禁则, cjk_layout.md §1.3).
pub fn is_no_end(c: char) -> bool {
    matches!(
        c,
        '“' | '‘'
            | '「'
            | '『'
            | '〝'
            | '（'
            | '［'
            | '｛'
            | '〔'
            | '〈'
            | '《'
            | '【'
            | '〖'
            | '〘'
            | '〚'
            | '⦅'
            | '«'
            | '('
            | '['
            | '{'
            | '$'
            | '＄'
            | '¥'
            | '￥'
            | '£'
            | '￡'
            | '€'
            | '#'
            | '№'
            | '／'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::layout::AmbiguousWidth;

    fn units(text: &str) -> Vec<&str> {
        units_of(text, false)
    }

    fn units_of(text: &str, keep_words: bool) -> Vec<&str> {
        let cl = clusters(text, AmbiguousWidth::Narrow.into(), keep_words);
        let mut cuts: Vec<usize> = cl
            .iter()
            .filter(|c| c.break_before)
            .map(|c| c.start)
            .collect();
        cuts.push(text.len());
        let mut from = 0;
        cuts.iter()
            .map(|&to| {
                let u = &text[from..to];
                from = to;
                u
            })
            .collect()
    }

    #[test]
    fn quotes_break_from_han_on_their_outer_side_only() {
        assert_eq!(units("北京“四大”之"), ["北", "京", "“四", "大”", "之"]);
    }

    #[test]
    fn closing_quote_pair_stays_glued() {
        assert_eq!(units("凉”“冬"), ["凉”“冬"]);
    }

    #[test]
    fn numbers_units_and_latin_words_stay_whole() {
        assert_eq!(units("的15%，货"), ["的", "15%，", "货"]);
        assert_eq!(units("凯德MALL两"), ["凯", "德", "MALL", "两"]);
    }

    #[test]
    fn dashes_and_ellipses_are_never_split() {
        assert_eq!(units("束——而"), ["束", "——", "而"]);
        assert_eq!(units("们……再"), ["们……", "再"]);
        assert_eq!(units("甲—乙"), ["甲—", "乙"]);
    }

    #[test]
    fn interpunct_and_wave_dash_never_start_a_line() {
        assert_eq!(units("尔·盖"), ["尔·", "盖"]);
        assert_eq!(units("京～上"), ["京～", "上"]);
    }

    #[test]
    fn keeping_words_breaks_only_at_spaces_and_punctuation() {
        assert_eq!(
            units_of("没有符合条件的文章（按 c 清除搜索和地区）", true),
            ["没有符合条件的文章", "（按 ", "c ", "清除搜索和地区）"]
        );
        assert_eq!(units_of("甲，乙丙", true), ["甲，", "乙丙"]);
    }

    #[test]
    fn opening_bracket_never_ends_a_line() {
        assert_eq!(units("报道（记者）京"), ["报", "道", "（记", "者）", "京"]);
    }
}
