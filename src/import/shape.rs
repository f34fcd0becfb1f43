//! What one block reads as, from its own text: a heading, body text, or the end of a
//! sentence (which ends a paragraph the layout may have broken).

use super::byline::{byline, credit_only, photo_credit};
use super::credited::credited;
use super::{author, marker};

/// Longest heading, in characters; anything longer is body text.
const MAX_HEADING_CHARS: usize = 48;
/// Punctuation that only sentences carry, never headings; a headline may ask or exclaim
/// (`谁来守护外卖小哥的“最后一公里”？`, `暖心驿站开进社区！`).
const SENTENCE_MARKS: &[char] = &['。', '；', ';'];
/// Marks that end a sentence.
pub(super) const SENTENCE_ENDS: &[char] = &['。', '！', '？', '…', '!', '?', '.'];
/// Closing marks that may follow a sentence end (`。”`).
pub(super) const CLOSERS: &[char] = &['”', '’', '」', '』', '）', ')', '》', '"', '\''];

/// True when `text` ends a sentence (`。`, `！`, `？`, `…`, possibly followed by `”`), or
/// with a credit, which ends its paragraph (`本报记者 周峰 摄`, `（作者系本报评论员 张三）`).
pub fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end().trim_end_matches(CLOSERS);
    trimmed.ends_with(SENTENCE_ENDS)
        || photo_credit(text).is_some()
        || author::credit(text).is_some()
}

/// True when `block` looks like a heading: short, without sentence punctuation (a question or
/// exclamation mark may end a headline), and neither a byline nor a credit (names after a
/// marker, `□张华`, and a credit with what its reporter did, `□本报记者 王晓楠 文/摄`,
/// included).
pub(super) fn is_heading(block: &str) -> bool {
    block.chars().count() <= MAX_HEADING_CHARS
        && !block.contains(SENTENCE_MARKS)
        && byline(block).is_none()
        && marker::names(block).is_none()
        && credited(block).is_none()
        && photo_credit(block).is_none()
        && author::credit(block).is_none()
}

/// True when `block` is body text: neither a heading, nor a byline, nor a photo credit.
pub(super) fn is_body(block: &str) -> bool {
    !is_heading(block) && byline(block).is_none() && credit_only(block).is_none()
}
