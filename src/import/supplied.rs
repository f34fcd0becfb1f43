//! A supplier's credit (供稿) at the end of an article: `（朝阳区总工会供稿）`,
//! `（石景山区总工会 供稿）`, `（供稿：北京市总工会）`, `（通讯员 李四 供稿）`. A union or
//! another unit sent the paper the text; the credit says who, after the last sentence or
//! on its own line, as an author's credit does (`author.rs`), and is read the same way:
//! it ends its paragraph, and an article with no byline takes it as its byline.
//!
//! Schema 1 has no field for who supplied an article; `byline` is the credit line as
//! printed, and the reader shows it above the text, so the credit is the byline of an
//! article that has none (a contributed brief: headline, text, credit), and stays where it
//! was printed, as the last paragraph, under a byline (`本报讯 … （朝阳区总工会供稿）`).

use super::byline::names;

/// The word that makes a credit a supplier's.
const SUPPLIED: &str = "供稿";
/// What may stand between `供稿` and who supplied it, when the credit opens with it.
const COLONS: &[char] = &['：', ':'];
/// What may open the words before `供稿` and is no part of who supplied it (`由…供稿`).
const BY: &str = "由";

/// The reporters and correspondents a supplier's credit names, when `inside` (the credit
/// inside its brackets) is one: who supplied the text, then `供稿` (`朝阳区总工会供稿`,
/// `由朝阳区总工会供稿`), or `供稿：` and who (`供稿：北京市总工会`). A unit names no one; a
/// name is read only after its label (`通讯员 李四 供稿`), as in a byline.
pub(super) fn supplied(inside: &str) -> Option<(Vec<String>, Vec<String>)> {
    let inside = inside.trim();
    let who = match inside.strip_suffix(SUPPLIED) {
        Some(who) => who,
        None => inside
            .strip_prefix(SUPPLIED)?
            .trim_start()
            .strip_prefix(COLONS)?,
    };
    let who = who.trim();
    let who = who.strip_prefix(BY).unwrap_or(who).trim();
    who.chars().any(char::is_alphabetic).then(|| names(who))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none() -> Option<(Vec<String>, Vec<String>)> {
        Some((Vec::new(), Vec::new()))
    }

    #[test]
    fn the_forms_of_a_suppliers_credit() {
        for unit in [
            "朝阳区总工会供稿",
            "石景山区总工会 供稿",
            "由朝阳区总工会供稿",
            "供稿：北京市总工会",
            "供稿: 北京市总工会",
        ] {
            assert_eq!(supplied(unit), none(), "{unit}");
        }
        assert_eq!(
            supplied("通讯员 李四 供稿"),
            Some((Vec::new(), vec!["李四".to_string()]))
        );
        assert_eq!(
            supplied("本报记者 王佳 通讯员 李四 供稿"),
            Some((vec!["王佳".to_string()], vec!["李四".to_string()]))
        );
    }

    #[test]
    fn text_that_is_not_a_suppliers_credit() {
        for text in [
            "供稿",
            " 供稿 ",
            "供稿单位",
            "图片由朝阳区总工会提供",
            "供稿人张三",
            "123供稿",
        ] {
            assert_eq!(supplied(text), None, "{text}");
        }
    }
}
