//! An author's credit at the end of an article: `（作者系本报评论员 张三）`,
//! `（作者系北京市总工会干部）`, `（作者单位：北京市总工会）`. Commentaries and contributed
//! articles print it after their last sentence instead of a byline above the text.
//!
//! A supplier's credit (`（朝阳区总工会供稿）`: `supplied.rs`) closes an article the same way.
//!
//! The credit ends its paragraph. When the article has no byline, the credit becomes its
//! byline (it is no part of the text) and the name it gives, if any, a reporter; under a
//! byline it stays where it was printed and only its name is read (docs/contract.md §1.2).

use super::build::add_names;
use super::shape::{CLOSERS, SENTENCE_ENDS};
use super::supplied::supplied;
use crate::article::Article;

/// What the inside of an author's credit opens with (`本文作者系…` too).
const OPENINGS: &[&str] = &["作者系", "作者为", "作者是", "作者单位", "作者：", "作者:"];
/// The openings after which the credit names a unit, never a person.
const UNIT: &str = "作者单位";
/// Brackets an author's credit is printed in, each opener with its closer.
const BRACKETS: &[(char, char)] = &[('（', '）'), ('(', ')')];
/// Longest credit inside its brackets, in characters.
const MAX_CREDIT_CHARS: usize = 48;
/// Only the end of a paragraph is looked at, in bytes (the longest credit, in UTF-8), so
/// that asking after every joined block stays linear.
const MAX_CREDIT_BYTES: usize = 4 * (MAX_CREDIT_CHARS + 2);
/// Punctuation a credit never holds: it would be a sentence.
const SENTENCE_MARKS: &[char] = &['。', '！', '？', '；', '!', '?', ';'];
/// Shortest and longest Chinese name, in characters; a name with a middle dot
/// (`阿依古丽·买买提`) may be longer, up to [`MAX_DOTTED_NAME_CHARS`].
const NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=4;
const MAX_DOTTED_NAME_CHARS: usize = 10;

/// An author's or a supplier's credit ending a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Credit {
    /// Where the credit's opening bracket is, in bytes.
    pub start: usize,
    /// The names it gives (`张三`); none when it names only a post or a unit.
    pub names: Vec<String>,
    /// The correspondents it names (`（通讯员 李四 供稿）`).
    pub correspondents: Vec<String>,
}

/// The author's credit that ends `text`, when it ends with one: in brackets, opening with
/// `作者系`, `作者为`, `作者是`, `作者单位` or `作者：` (maybe after `本文`), or a supplier's
/// (`（朝阳区总工会供稿）`), with nothing before it or a sentence that has ended.
pub(super) fn credit(text: &str) -> Option<Credit> {
    let text = text.trim_end();
    let close = text.chars().next_back()?;
    let open = BRACKETS.iter().find(|(_, c)| *c == close)?.0;
    let mut window = text.len().saturating_sub(MAX_CREDIT_BYTES);
    while !text.is_char_boundary(window) {
        window += 1;
    }
    let start = window + text[window..].rfind(open)?;
    let inside = &text[start + open.len_utf8()..text.len() - close.len_utf8()];
    if inside.chars().count() > MAX_CREDIT_CHARS || inside.contains(SENTENCE_MARKS) {
        return None;
    }
    let inside = inside.trim();
    let inside = inside.strip_prefix("本文").unwrap_or(inside);
    let (names, correspondents) = match OPENINGS.iter().find(|o| inside.starts_with(**o)) {
        Some(&UNIT) => (Vec::new(), Vec::new()),
        Some(opening) => (
            names(&inside[opening.len()..], opening.ends_with(['：', ':'])),
            Vec::new(),
        ),
        None => supplied(inside)?,
    };
    let before = text[..start].trim_end().trim_end_matches(CLOSERS);
    if !before.is_empty() && !before.ends_with(SENTENCE_ENDS) {
        return None;
    }
    Some(Credit {
        start,
        names,
        correspondents,
    })
}

/// The names after an author's post: the words after the first (the post: `本报评论员 张三`)
/// that end the credit and are names; none when the post stands alone
/// (`北京市总工会干部`). After a `colon` (`作者：`), every word, when all are names
/// (`作者：张三`).
fn names(rest: &str, colon: bool) -> Vec<String> {
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || "、，,".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    let candidates = match colon {
        true if words.iter().all(|w| is_name(w)) => &words[..],
        true => &[][..],
        // The first word is the post, whatever it looks like (`本报记者`).
        false => words.get(1..).unwrap_or_default(),
    };
    let named = candidates.iter().rev().take_while(|w| is_name(w)).count();
    candidates[candidates.len() - named..]
        .iter()
        .map(|w| (*w).to_string())
        .collect()
}

/// True when `word` is shaped like a person's name: two to four letters, or up to ten with a
/// middle dot (`阿依古丽·买买提`).
pub(super) fn is_name(word: &str) -> bool {
    let count = word.chars().count();
    let dotted = word.contains(['·', '•']);
    let fits = match dotted {
        true => (3..=MAX_DOTTED_NAME_CHARS).contains(&count),
        false => NAME_CHARS.contains(&count),
    };
    fits && word.chars().all(|c| c.is_alphabetic() || "·•".contains(c))
}

/// Reads the author's credit that ends the article's last paragraph: its names join the
/// reporters and, when the article has no byline, the credit leaves the paragraph (which
/// goes when nothing else is in it) to become the byline. True when it moved.
pub(super) fn close(article: &mut Article) -> bool {
    let Some(found) = article.paragraphs.last().and_then(|p| credit(p)) else {
        return false;
    };
    add_names(article, found.names, found.correspondents);
    if article.byline.is_some() {
        return false;
    }
    let Some(last) = article.paragraphs.pop() else {
        return false;
    };
    let (text, printed) = last.split_at(found.start);
    let text = text.trim_end();
    if !text.is_empty() {
        article.paragraphs.push(text.to_string());
    }
    article.byline = Some(printed.trim().to_string());
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms_of_an_authors_credit() {
        let c = credit("职工最需要的。（作者系本报评论员　赵明）").unwrap();
        assert_eq!(c.start, "职工最需要的。".len());
        assert_eq!(c.names, ["赵明"]);
        assert_eq!(
            credit("（作者系北京市总工会干部）").unwrap().names,
            Vec::<String>::new()
        );
        assert_eq!(
            credit("（作者单位：北京市总工会 张三）").unwrap().names,
            Vec::<String>::new()
        );
        assert_eq!(
            credit("(作者系本报评论员 张三 李四)").unwrap().names,
            ["张三", "李四"]
        );
        assert_eq!(
            credit("（本文作者系本报记者 王佳）").unwrap().names,
            ["王佳"]
        );
        assert_eq!(credit("（作者：张三）").unwrap().names, ["张三"]);
        assert_eq!(
            credit("（作者系张三）").unwrap().names,
            Vec::<String>::new()
        );
        assert_eq!(
            credit("“真好！”（作者系新疆大学教师 阿依古丽·买买提）")
                .unwrap()
                .names,
            ["阿依古丽·买买提"]
        );
    }

    #[test]
    fn text_that_is_not_an_authors_credit() {
        for text in [
            "职工最需要的。",
            "（记者 孙立）",
            "据了解（作者系本报评论员 张三）",
            "（作者系本报评论员。张三）",
            "（图为活动现场）",
            "作者系本报评论员 张三",
            "（作者系本报评论员 张三）之后",
        ] {
            assert_eq!(credit(text), None, "{text}");
        }
    }
}
