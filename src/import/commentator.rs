//! A commentator's post as a byline: `本报评论员`, `本报特约评论员 李明`, as commentaries print
//! it under their headlines, with a marker (`■本报评论员`: `marker.rs`) or without one.
//!
//! The post names who wrote the article, as a reporter's credit does, so a line that is only
//! a post, maybe followed by names, is a byline wherever it stands (`byline.rs`): under a
//! headline it is never a subtitle or the title. A post inside a sentence or a heading
//! (`本报评论员文章`, `评论员观察`) is not one.

use super::author::is_name;
use super::byline::{Byline, MAX_QUALIFIER_CHARS};

/// What a commentator's post ends with (`本报评论员`, `本报特约评论员`).
const COMMENTATOR: &str = "评论员";

/// True when `word` is a commentator's post: `评论员` after a short qualifier (`本报`,
/// `本报特约`).
pub(super) fn commentator(word: &str) -> bool {
    word.strip_suffix(COMMENTATOR).is_some_and(|qualifier| {
        qualifier.chars().count() <= MAX_QUALIFIER_CHARS
            && qualifier.chars().all(char::is_alphabetic)
    })
}

/// `本报评论员`, `本报评论员 张三`: a line that is a commentator's post and names, nothing
/// else. The names, if any, are its reporters; the byline's text is the line as printed.
pub(super) fn post(block: &str) -> Option<Byline> {
    let line = block.trim();
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || "、，,".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    let (first, names) = words.split_first()?;
    (commentator(first) && names.iter().all(|w| is_name(w))).then(|| Byline {
        text: line.to_string(),
        reporters: names.iter().map(|w| (*w).to_string()).collect(),
        correspondents: Vec::new(),
        rest: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_post_alone_or_with_names_is_a_byline() {
        let b = post("本报评论员").unwrap();
        assert_eq!((b.text.as_str(), b.reporters.len()), ("本报评论员", 0));
        let b = post(" 本报特约评论员　李明 ").unwrap();
        assert_eq!(b.text, "本报特约评论员　李明");
        assert_eq!(b.reporters, ["李明"]);
        assert!(b.rest.is_empty());
    }

    #[test]
    fn a_post_in_a_heading_or_a_sentence_is_not() {
        for line in [
            "本报评论员文章",
            "评论员观察",
            "本报评论员认为，驿站要办好。",
            "作者系本报评论员",
            "本报记者",
            "",
        ] {
            assert_eq!(post(line), None, "{line}");
        }
    }
}
