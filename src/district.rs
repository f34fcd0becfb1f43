//! Beijing's 16 districts: detection in text, and parsing the names users type.

use crate::article::Article;

mod text;

pub use text::{shared_start, shared_start_brief, sharing_start};

/// One Beijing district: its full name and the ways a user may type it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct District {
    /// The full name as printed, with 区: `西城区`.
    pub name: &'static str,
    /// Full pinyin, lower case, no spaces: `xicheng`.
    pub pinyin: &'static str,
    /// Pinyin initials: `xc`.
    pub initials: &'static str,
}

/// The 16 districts in the order the city lists them.
pub const DISTRICTS: [District; 16] = [
    District {
        name: "东城区",
        pinyin: "dongcheng",
        initials: "dc",
    },
    District {
        name: "西城区",
        pinyin: "xicheng",
        initials: "xc",
    },
    District {
        name: "朝阳区",
        pinyin: "chaoyang",
        initials: "cy",
    },
    District {
        name: "丰台区",
        pinyin: "fengtai",
        initials: "ft",
    },
    District {
        name: "石景山区",
        pinyin: "shijingshan",
        initials: "sjs",
    },
    District {
        name: "海淀区",
        pinyin: "haidian",
        initials: "hd",
    },
    District {
        name: "门头沟区",
        pinyin: "mentougou",
        initials: "mtg",
    },
    District {
        name: "房山区",
        pinyin: "fangshan",
        initials: "fs",
    },
    District {
        name: "通州区",
        pinyin: "tongzhou",
        initials: "tz",
    },
    District {
        name: "顺义区",
        pinyin: "shunyi",
        initials: "sy",
    },
    District {
        name: "昌平区",
        pinyin: "changping",
        initials: "cp",
    },
    District {
        name: "大兴区",
        pinyin: "daxing",
        initials: "dx",
    },
    District {
        name: "怀柔区",
        pinyin: "huairou",
        initials: "hr",
    },
    District {
        name: "平谷区",
        pinyin: "pinggu",
        initials: "pg",
    },
    District {
        name: "密云区",
        pinyin: "miyun",
        initials: "my",
    },
    District {
        name: "延庆区",
        pinyin: "yanqing",
        initials: "yq",
    },
];

/// The name users type for "no district stated".
pub const UNSTATED: &str = "未注明";

/// A district filter: one named district, or the group of articles that name none.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DistrictKey {
    /// Articles whose primary district is this full name.
    Named(String),
    /// Articles whose text names no district (未注明).
    Unstated,
}

impl DistrictKey {
    /// The key an article is grouped under.
    pub fn of(article: &Article) -> DistrictKey {
        match &article.district {
            Some(name) => DistrictKey::Named(name.clone()),
            None => DistrictKey::Unstated,
        }
    }

    /// The district's printed name, or `未注明`.
    pub fn label(&self) -> &str {
        match self {
            DistrictKey::Named(name) => name,
            DistrictKey::Unstated => UNSTATED,
        }
    }

    /// Position in the canonical order; 未注明 sorts last.
    pub fn rank(&self) -> usize {
        match self {
            DistrictKey::Named(name) => DISTRICTS
                .iter()
                .position(|d| d.name == name)
                .unwrap_or(DISTRICTS.len()),
            DistrictKey::Unstated => DISTRICTS.len() + 1,
        }
    }
}

/// Parses what a user typed for a district: `西城`, `西城区`, `xicheng`, `XC`, `未注明`.
///
/// The error is what was typed (trimmed); its message (`Error::UnknownDistrict`) lists every
/// name kanbao knows, so the user can pick one, or, when it starts the pinyin of several
/// (`cha`), those ([`shared_start`], which the query operator `district:` says too).
pub fn parse_district(input: &str) -> Result<DistrictKey, String> {
    let typed = input.trim();
    let lower = typed.to_lowercase();
    let unstated = ["none", "unstated", "wzm", "weizhuming"];
    if typed == UNSTATED || unstated.contains(&lower.as_str()) {
        return Ok(DistrictKey::Unstated);
    }
    let found = DISTRICTS.iter().find(|d| {
        d.name == typed
            || d.name.strip_suffix('区') == Some(typed)
            || d.pinyin == lower
            || d.initials == lower
            || format!("{}qu", d.pinyin) == lower
    });
    // Else the start of one district's pinyin, three letters or more (`chaoyan`, `haid`,
    // as typed half way or cut short): one that starts two (`fan`…) names none.
    let found = found.or_else(|| {
        let mut starting = DISTRICTS
            .iter()
            .filter(|d| lower.len() >= 3 && d.pinyin.starts_with(lower.as_str()));
        match (starting.next(), starting.next()) {
            (Some(d), None) => Some(d),
            _ => None,
        }
    });
    match found {
        Some(d) => Ok(DistrictKey::Named(d.name.to_string())),
        None => Err(typed.to_string()),
    }
}

/// Every district named in `text`, in order of first mention, as full names.
///
/// Only full names with 区 count: `朝阳` alone is also a common word (朝阳门, 朝阳),
/// and kanbao never guesses a district the text does not state.
pub fn mentions(text: &str) -> Vec<&'static str> {
    let mut found: Vec<(usize, &'static str)> = DISTRICTS
        .iter()
        .filter_map(|d| text.find(d.name).map(|at| (at, d.name)))
        .collect();
    found.sort_unstable();
    found.into_iter().map(|(_, name)| name).collect()
}

/// Districts of an article: `(primary, all in order of first mention)`.
///
/// The primary is the first named in the headings, else in the first (byline) paragraph,
/// else anywhere in the text (docs/contract.md §1.3).
pub fn detect(
    headings: &[&str],
    paragraphs: &[String],
) -> (Option<&'static str>, Vec<&'static str>) {
    let mut all: Vec<&'static str> = Vec::new();
    let texts = headings
        .iter()
        .copied()
        .chain(paragraphs.iter().map(String::as_str));
    for text in texts {
        for name in mentions(text) {
            if !all.contains(&name) {
                all.push(name);
            }
        }
    }
    let in_headings = headings.iter().find_map(|h| mentions(h).first().copied());
    let in_first = paragraphs
        .first()
        .and_then(|p| mentions(p).first().copied());
    let primary = in_headings.or(in_first).or(all.first().copied());
    (primary, all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_xicheng_parses() {
        for typed in ["西城", "西城区", "xicheng", "XC", "xc", " xicheng "] {
            assert_eq!(
                parse_district(typed),
                Ok(DistrictKey::Named("西城区".into()))
            );
        }
        assert_eq!(parse_district("未注明"), Ok(DistrictKey::Unstated));
        assert_eq!(parse_district("weizhuming"), Ok(DistrictKey::Unstated));
    }

    #[test]
    fn the_start_of_one_districts_pinyin_names_it() {
        for (typed, name) in [
            ("chaoyan", "朝阳区"),
            ("Haid", "海淀区"),
            ("shijing", "石景山区"),
        ] {
            assert_eq!(parse_district(typed), Ok(DistrictKey::Named(name.into())));
        }
        // Too short, or the start of two (chaoyang, changping), or more than a name.
        for typed in ["ch", "f", "cha", "d", "chaoyangg", "浦"] {
            assert!(parse_district(typed).is_err(), "{typed}");
        }
        assert!(parse_district("fang").is_ok());
    }

    #[test]
    fn unknown_district_lists_the_known_ones() {
        let typed = parse_district(" 浦东 ").unwrap_err();
        assert_eq!(typed, "浦东");
        for lang in [crate::i18n::Lang::Zh, crate::i18n::Lang::En] {
            let err = crate::error::error_text(
                &crate::error::Error::UnknownDistrict(typed.clone()),
                lang,
            );
            assert!(err.contains("浦东"));
            for d in DISTRICTS {
                assert!(err.contains(d.name), "{err}");
            }
            assert!(err.contains(UNSTATED));
        }
    }

    #[test]
    fn mentions_come_in_text_order() {
        assert_eq!(
            mentions("在西城区和大兴区，又到西城区"),
            vec!["西城区", "大兴区"]
        );
        assert!(mentions("朝阳门外").is_empty());
    }

    #[test]
    fn primary_prefers_headings_then_byline_paragraph() {
        let paras = vec!["本报讯 朝阳区劲松".to_string(), "大兴区也有".to_string()];
        assert_eq!(detect(&["通州区工会"], &paras).0, Some("通州区"));
        assert_eq!(detect(&["工会"], &paras).0, Some("朝阳区"));
        let later = vec!["没有".to_string(), "大兴区也有".to_string()];
        assert_eq!(detect(&["工会"], &later), (Some("大兴区"), vec!["大兴区"]));
        assert_eq!(detect(&["工会"], &[]), (None, vec![]));
    }
}
