//! A district typed that names none because it starts the pinyin of several (`cha`:
//! chaoyang, changping), in Chinese and English: one wording for `--district` and for the
//! query operator `district:` (docs/contract.md §1.3).

use super::{DISTRICTS, District};
use crate::i18n::Lang;

/// The districts whose pinyin starts with `typed` (ASCII letters, any case), when more than
/// one does; else none (a start of one district names it, `parse_district`).
pub fn sharing_start(typed: &str) -> Vec<&'static District> {
    let lower = typed.to_ascii_lowercase();
    if lower.is_empty() || !lower.bytes().all(|b| b.is_ascii_lowercase()) {
        return Vec::new();
    }
    let found: Vec<&'static District> = DISTRICTS
        .iter()
        .filter(|d| d.pinyin.starts_with(lower.as_str()))
        .collect();
    if found.len() > 1 { found } else { Vec::new() }
}

/// Why `typed` names no district when it starts the pinyin of several, naming each as
/// `朝阳区 (chaoyang, cy)`; `op` is what it was typed after (`district:`, or nothing for
/// `--district`). `None` when it does not start several.
pub fn shared_start(lang: Lang, op: &str, typed: &str) -> Option<String> {
    let which = sharing_start(typed);
    if which.is_empty() {
        return None;
    }
    let named: Vec<String> = which
        .iter()
        .map(|d| format!("{} ({}, {})", d.name, d.pinyin, d.initials))
        .collect();
    Some(match lang {
        Lang::Zh => format!(
            "{op}“{typed}”是不止一个区的拼音开头：{}；请多打几个字母，或用缩写",
            named.join("、")
        ),
        Lang::En => format!(
            "{op}`{typed}` starts the pinyin of more than one district: {}; type more \
             letters, or the initials",
            named.join(", ")
        ),
    })
}

/// [`shared_start`] in words that fit the reader's prompt line (at most 36 columns):
/// what was typed and the pinyin of the districts it starts (`district:cha: chaoyang or
/// changping`), the pinyin being what a user with no input method types next.
pub fn shared_start_brief(lang: Lang, op: &str, typed: &str) -> Option<String> {
    let which = sharing_start(typed);
    let (last, rest) = which.split_last()?;
    if rest.is_empty() {
        return None;
    }
    let rest: Vec<&str> = rest.iter().map(|d| d.pinyin).collect();
    Some(match lang {
        Lang::Zh => format!("{op}{typed}：{} 或 {}", rest.join("、"), last.pinyin),
        Lang::En => format!("{op}{typed}: {} or {}", rest.join(", "), last.pinyin),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_start_of_one_district_or_of_none_is_not_shared() {
        for typed in ["chao", "x", "", "浦东", "ch ", "zz"] {
            assert!(sharing_start(typed).is_empty(), "{typed}");
            assert_eq!(shared_start(Lang::En, "", typed), None, "{typed}");
            assert_eq!(shared_start_brief(Lang::Zh, "", typed), None, "{typed}");
        }
        let names: Vec<&str> = sharing_start("CH").iter().map(|d| d.name).collect();
        assert_eq!(names, ["朝阳区", "昌平区"]);
    }
}
