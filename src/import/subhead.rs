//! A subheading inside an article's text, printed after a marker: `■背景`, `□链接`,
//! `■记者手记`, `■ 办好驿站服务的实事`.
//!
//! It is a marker and a short phrase with no sentence punctuation, so it ends no sentence,
//! and the reader would join it to the paragraph under it (`■背景近年来，…`). It is a paragraph
//! of its own: one that ends before it stops there, and it never runs into the next. It opens
//! no article and is no byline: a marker's byline (`■本报评论员`, `□本报记者 王晓楠`) is one
//! wherever it stands, and names alone after a marker (`□张华`) only right under an article's
//! headings (`marker.rs`).

use super::marker::{after_marker, post};

/// Longest subheading after its marker, in characters.
const MAX_CHARS: usize = 16;
/// Punctuation a subheading never holds: a sentence's, or the pauses of one (`■近日，朝阳区`
/// opens a paragraph the layout broke).
const SENTENCE_MARKS: &[char] = &['。', '！', '？', '；', '…', '，', '、', '!', '?', ';', ','];

/// True when `block` is a subheading after a marker: a short phrase with no sentence
/// punctuation, and not a marker's byline.
pub(super) fn subheading(block: &str) -> bool {
    after_marker(block).is_some_and(|(line, rest)| {
        rest.chars().count() <= MAX_CHARS && !rest.contains(SENTENCE_MARKS) && post(line).is_none()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_and_a_short_phrase() {
        for block in [
            "■背景",
            "□链接",
            "■记者手记",
            " ■ 办好驿站服务的实事 ",
            "□张华",
        ] {
            assert!(subheading(block), "{block}");
        }
    }

    #[test]
    fn what_is_not_a_subheading() {
        for block in [
            "■本报评论员",
            "□本报记者 王晓楠",
            "■",
            "背景",
            "●背景",
            "■近日，朝阳区总工会",
            "■驿站建成了。",
            "■为什么要建驿站？",
            "■一是完善驿站设施二是延长开放时间三是增设充电设备",
        ] {
            assert!(!subheading(block), "{block}");
        }
    }
}
