//! A byline that says what its reporter did, printed right under an article's headings:
//! `□本报记者 王晓楠 文/摄`, `■本报记者 李明 文/摄`, `本报记者 张三 摄`, with a marker or
//! without one.
//!
//! Shaped like a photo credit (`byline.rs`), it ends a caption elsewhere on a page; under the
//! headings, with nothing before it, it names who made the article, so it is its byline and
//! never a heading (before, the marker's form was read as the title). A credit that says the
//! reporter only took the photos (`摄`, `摄影`, `摄影报道`) heads a photo report; one that
//! says he wrote too (`文/摄`, `图文`) heads a news article. A credit that ends with `文/图`
//! is a credit line, read by `byline.rs` and `marker.rs` wherever it stands.

use super::byline::{Byline, credit_only};
use super::marker::{MARKERS, after_marker};

/// Words of a credit that say the reporter wrote the text.
const WRITING: &[char] = &['文'];

/// A credit shaped like a photo credit that makes up the whole block, after a marker maybe:
/// the byline it gives, and whether it credits only the photos.
pub(super) fn credited(block: &str) -> Option<(Byline, bool)> {
    let line = block.trim();
    let credit = match after_marker(line) {
        Some((_, rest)) => rest,
        None if line.starts_with(MARKERS) => return None,
        None => line,
    };
    let found = credit_only(credit)?;
    let photos_only = !credit[found.start..].contains(WRITING);
    let byline = Byline {
        text: line.to_string(),
        reporters: found.reporters,
        correspondents: found.correspondents,
        rest: String::new(),
    };
    Some((byline, photos_only))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(block: &str) -> Option<(String, Vec<String>, Vec<String>, bool)> {
        credited(block).map(|(b, photos)| (b.text, b.reporters, b.correspondents, photos))
    }

    #[test]
    fn a_credit_with_what_its_reporter_did() {
        let (text, reporters, _, photos) = read("□本报记者 王晓楠 文/摄").unwrap();
        assert_eq!((text.as_str(), photos), ("□本报记者 王晓楠 文/摄", false));
        assert_eq!(reporters, ["王晓楠"]);
        let (_, reporters, correspondents, photos) =
            read(" ■ 本报记者 李明 通讯员 赵强 摄 ").unwrap();
        assert_eq!(
            (reporters, correspondents),
            (vec!["李明".into()], vec!["赵强".into()])
        );
        assert!(photos);
        assert_eq!(read("本报记者 张三 摄").map(|r| r.3), Some(true));
        assert_eq!(
            read("本报记者 张三 摄影报道").map(|r| r.1),
            Some(vec!["张三".into()])
        );
    }

    #[test]
    fn what_is_not_such_a_credit() {
        for block in [
            "□本报记者 王晓楠",
            "□",
            "■背景",
            "7月8日，工人们绑扎钢筋。本报记者 李明 摄",
            "●本报记者 张三 摄",
            "□摄影报道",
        ] {
            assert_eq!(read(block), None, "{block}");
        }
    }
}
