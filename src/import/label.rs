//! Column labels (栏目名): `【一线故事】`, `【工会动态】`, `［图片新闻］`, printed above an
//! article's headings. A label names the column, not the article: it is neither its kicker
//! (引题) nor its title, and schema 1 has no field for it, so the importer keeps it as the
//! article's first paragraph, where a reader sees it first (docs/contract.md §1.2).

use super::byline::{byline, photo_credit};

/// The brackets a label is printed in, each opener with its closer.
const BRACKETS: &[(char, char)] = &[('【', '】'), ('［', '］'), ('[', ']'), ('〔', '〕')];
/// Longest label inside its brackets, in characters.
const MAX_LABEL_CHARS: usize = 12;
/// Shortest label inside its brackets, in characters.
const MIN_LABEL_CHARS: usize = 2;

/// True when `block` is a column label and nothing else: a short name in brackets, made of
/// letters, digits, spaces and middle dots (`【一线故事】`, `［图片新闻］`, `[基层风采]`).
/// A credit in brackets (`【首席记者 王佳】`, `【记者 王佳 摄】`) is not a label.
pub(super) fn column_label(block: &str) -> bool {
    let block = block.trim();
    if byline(block).is_some() || photo_credit(block).is_some() {
        return false;
    }
    let mut chars = block.chars();
    let (Some(open), Some(close)) = (chars.next(), chars.next_back()) else {
        return false;
    };
    let inside = chars.as_str();
    let length = inside.chars().count();
    BRACKETS.contains(&(open, close))
        && (MIN_LABEL_CHARS..=MAX_LABEL_CHARS).contains(&length)
        && inside.chars().any(char::is_alphabetic)
        && inside
            .chars()
            .all(|c| c.is_alphanumeric() || c.is_whitespace() || "·•・".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_their_brackets() {
        for label in [
            "【一线故事】",
            "【工会动态】",
            "［图片新闻］",
            "[基层风采]",
            "〔职工之声〕",
            " 【2024两会】 ",
        ] {
            assert!(column_label(label), "{label}");
        }
    }

    #[test]
    fn text_that_is_not_a_label() {
        for text in [
            "一线故事",
            "（图为活动现场）",
            "【】",
            "【故】",
            "【一线故事】海淀区学院路街道",
            "【近日，工会开展活动】",
            "【这是一个非常非常长的栏目名称啊】",
            "【123】",
            "【一线故事）",
            "【首席记者 王佳】",
            "【记者 王佳 摄】",
        ] {
            assert!(!column_label(text), "{text}");
        }
    }
}
