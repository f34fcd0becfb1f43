//! Bylines printed after a marker (`■`, `□`), as features and commentaries print them under
//! their headlines: `■本报评论员`, `□本报记者 王晓楠`, `□张华`.
//!
//! After the marker comes a post alone (`本报评论员`, `本报记者`), a commentator's post and
//! names (`本报评论员 张三`), a credit line (`本报记者 王晓楠 通讯员 李四`), or names alone
//! (`张华`). With a post or a label it is a byline wherever it stands ([`post`]), as the same
//! credit without a marker is; names alone are a byline only right under an article's
//! headings ([`names`]), since in an article's text a marker also opens a short subheading
//! shaped like a name (`■背景`, `■链接`). The names are reporters: the marker's byline names
//! who wrote the article, as an author's credit does (`author.rs`).

use super::author::is_name;
use super::byline::{Byline, credit_line, whole_label};
use super::commentator::commentator;

/// The marks a byline, or a subheading in the text (`subhead.rs`), is printed after.
pub(super) const MARKERS: &[char] = &['■', '□'];
/// Most names after a marker with no label.
const MAX_NAMES: usize = 3;

/// `■本报评论员`, `■本报评论员 张三`, `□本报记者 王晓楠`, `□ 记者 张三 通讯员 李四`: a marker,
/// then a post alone, a commentator's post and names, or a credit line (`byline.rs`).
pub(super) fn post(block: &str) -> Option<Byline> {
    let (line, rest) = after_marker(block)?;
    let words = words(rest);
    let (first, more) = words.split_first()?;
    let (reporters, correspondents) = if commentator(first) && more.iter().all(|w| is_name(w)) {
        (more.iter().map(|w| (*w).to_string()).collect(), Vec::new())
    } else if whole_label(first) && more.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        let credit = credit_line(rest)?;
        (credit.reporters, credit.correspondents)
    };
    Some(Byline {
        text: line.to_string(),
        reporters,
        correspondents,
        rest: String::new(),
    })
}

/// `□张华`, `■张华 李明`: a marker, then one to three names and nothing else. Only a byline
/// right under an article's headings: elsewhere it may be a subheading (`■背景`).
pub(super) fn names(block: &str) -> Option<Byline> {
    let (line, rest) = after_marker(block)?;
    let words = words(rest);
    let named = (1..=MAX_NAMES).contains(&words.len())
        && words
            .iter()
            .all(|w| is_name(w) && !whole_label(w) && !commentator(w));
    named.then(|| Byline {
        text: line.to_string(),
        reporters: words.iter().map(|w| (*w).to_string()).collect(),
        correspondents: Vec::new(),
        rest: String::new(),
    })
}

/// The block, trimmed, and what follows its marker, when it opens with one and more follows.
pub(super) fn after_marker(block: &str) -> Option<(&str, &str)> {
    let line = block.trim();
    let rest = line.strip_prefix(MARKERS)?.trim_start();
    (!rest.is_empty()).then_some((line, rest))
}

/// The words of a marker's byline: parted by spaces (ideographic too), `、` or commas.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || "、，,".contains(c))
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(found: Option<Byline>) -> Option<(String, Vec<String>, Vec<String>)> {
        found.map(|b| {
            assert!(b.rest.is_empty());
            (b.text, b.reporters, b.correspondents)
        })
    }

    fn strings(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_string()).collect()
    }

    #[test]
    fn a_post_or_a_credit_after_a_marker() {
        assert_eq!(
            read(post("■本报评论员")),
            Some(("■本报评论员".into(), vec![], vec![]))
        );
        assert_eq!(
            read(post(" ■ 本报特约评论员　李明 ")),
            Some(("■ 本报特约评论员　李明".into(), strings(&["李明"]), vec![]))
        );
        assert_eq!(
            read(post("□本报记者 王晓楠")),
            Some(("□本报记者 王晓楠".into(), strings(&["王晓楠"]), vec![]))
        );
        assert_eq!(
            read(post("□记者 张三 通讯员 李四")),
            Some((
                "□记者 张三 通讯员 李四".into(),
                strings(&["张三"]),
                strings(&["李四"])
            ))
        );
        assert_eq!(read(post("□本报记者")).map(|b| b.1), Some(vec![]));
    }

    #[test]
    fn names_after_a_marker() {
        assert_eq!(
            read(names("□张华")),
            Some(("□张华".into(), strings(&["张华"]), vec![]))
        );
        assert_eq!(
            read(names("■ 张华 李明")).map(|b| b.1),
            Some(strings(&["张华", "李明"]))
        );
        assert_eq!(
            read(names("□阿依古丽·买买提")).map(|b| b.1),
            Some(strings(&["阿依古丽·买买提"]))
        );
    }

    #[test]
    fn what_is_not_a_markers_byline() {
        for block in [
            "本报评论员",
            "张华",
            "■",
            "■ 办好驿站服务的实事",
            "■ 一是完善设施",
            "●张华",
            "□本报记者 王晓楠 摄",
            "■评论员观察",
            "■作者系本报评论员",
        ] {
            assert_eq!(post(block), None, "post: {block}");
        }
        for block in [
            "■本报评论员",
            "□本报记者",
            "■ 办好驿站服务的实事",
            "■张华 李明 王五 赵六",
            "■ 2024年",
            "张华",
        ] {
            assert_eq!(names(block), None, "names: {block}");
        }
    }
}
