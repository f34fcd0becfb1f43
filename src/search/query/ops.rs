//! Query operators (issue 13): `-term` excludes; `title:` / `标题:` asks for a term in the
//! headings; `district:` / `区:`, `reporter:` / `记者:`, `kind:` / `类型:` and `date:` /
//! `日期:` narrow by the article's fields. An operator is its name, a colon (ASCII or
//! full-width) and a value, with no space between; `title:"…"` and `-"…"` take a quoted
//! phrase. A name kanbao does not know is no operator: `http://x` is an ordinary term.

use crate::article::{Article, Kind};
use crate::date::{DateRange, date_of};
use crate::filter::DistrictFilter;

use super::super::fold::fold;
use super::{QueryError, Term};

/// The operators of a query that are not plain terms: what an article must have or lack
/// besides matching every term.
#[derive(Debug, Clone, Default)]
pub struct Ops {
    /// Terms no matching article contains (`-term`), in any searched field.
    pub exclude: Vec<Term>,
    /// Terms that must match in the title, kicker or subtitle (`title:`); they are among
    /// the query's terms too, so they are counted and highlighted.
    pub titles: Vec<Term>,
    /// Only articles dated in this range (`date:`; several narrow each other).
    pub dates: DateRange,
    /// Only articles of one of these districts (`district:`; several widen, as
    /// `--district` does).
    pub districts: DistrictFilter,
    /// Every one of these must match part of a reporter's name (`reporter:`), as a search
    /// term matches text: literally (folded) or by pinyin (`reporter:scm` finds 沈晨梅), so
    /// that a reporter is found without a Chinese input method.
    pub reporters: Vec<Term>,
    /// Only news or only photos (`kind:`).
    pub kind: Option<Kind>,
    /// Groups of terms of which a matching article contains at least one each (`a OR b`,
    /// `a|b`), in any searched field; they are not highlighted.
    pub any: Vec<Vec<Term>>,
    /// What the article's note must hold (`note:`, `-note:`): asked by whoever holds the
    /// reading state, never by [`Ops::admits`] (see `super::note`).
    pub notes: super::NoteFilter,
}

/// The operators kanbao knows, by every name they have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Op {
    Title,
    District,
    Reporter,
    Kind,
    Date,
    Note,
}

impl Op {
    /// The operator named `name` (Latin names in any case and width: `ｔｉｔｌｅ` is
    /// `title`, as `：` is `:`).
    fn named(name: &str) -> Option<Op> {
        let narrow: String = name
            .chars()
            .map(|c| match c {
                '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
                    char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
                }
                c => c,
            })
            .collect();
        Some(match narrow.to_ascii_lowercase().as_str() {
            "title" | "标题" => Op::Title,
            "district" | "区" => Op::District,
            "reporter" | "记者" => Op::Reporter,
            "kind" | "类型" => Op::Kind,
            "date" | "日期" => Op::Date,
            // The reader and the CLI call a note 审读意见; 批注 is its older name.
            "note" | "审读意见" | "批注" => Op::Note,
            _ => return None,
        })
    }

    /// The operator's English name, for messages.
    pub(super) fn name(self) -> &'static str {
        match self {
            Op::Title => "title:",
            Op::District => "district:",
            Op::Reporter => "reporter:",
            Op::Kind => "kind:",
            Op::Date => "date:",
            Op::Note => "note:",
        }
    }
}

/// `piece` as an operator and its value (`None` when it is not one). The value may be
/// empty: then a quoted phrase right after it is the value.
pub(super) fn split_op(piece: &str) -> Option<(Op, &str)> {
    let at = piece.find([':', '：'])?;
    let op = Op::named(&piece[..at])?;
    let colon = piece[at..].chars().next().map_or(1, char::len_utf8);
    Some((op, &piece[at + colon..]))
}

impl Ops {
    /// Whether the query has no operator beyond its terms.
    pub fn is_empty(&self) -> bool {
        self.admits_all() && self.notes.is_empty()
    }

    /// Whether [`Ops::admits`] keeps every article: no operator but `note:`, which the
    /// holder of the reading state applies.
    pub fn admits_all(&self) -> bool {
        self.exclude.is_empty()
            && self.titles.is_empty()
            && self.dates.is_all()
            && self.districts.is_empty()
            && self.reporters.is_empty()
            && self.kind.is_none()
            && self.any.is_empty()
    }

    /// Applies operator `op` with `value` (a value the operator cannot take is an error
    /// naming both). `Title` and `Reporter` are applied by the caller, which makes the term.
    pub(super) fn apply(&mut self, op: Op, value: &str) -> Result<(), QueryError> {
        let bad = || QueryError::BadValue {
            op: op.name(),
            value: value.chars().take(40).collect(),
        };
        match op {
            Op::Date => self.dates = self.dates.and(DateRange::parse(value).map_err(|_| bad())?),
            // `district:朝阳|海淀` (or `district:朝阳|district:海淀`) is either, as two widen.
            Op::District => {
                for one in district_values(value) {
                    let key = crate::district::parse_district(one).map_err(|_| bad())?;
                    if !self.districts.contains(&key) {
                        self.districts.toggle(key);
                    }
                }
            }
            Op::Reporter => {}
            Op::Kind => {
                self.kind = Some(match value.to_ascii_lowercase().as_str() {
                    "photo" | "图片" | "图片新闻" => Kind::Photo,
                    "news" | "新闻" => Kind::News,
                    _ => return Err(bad()),
                });
            }
            Op::Note => self.notes.add(value, false, false),
            Op::Title => {}
        }
        Ok(())
    }

    /// Whether `article` passes the operators (its terms are the engine's to match); the
    /// note's conditions are not asked here.
    pub fn admits(&self, article: &Article) -> bool {
        if self.is_empty() {
            return true;
        }
        let fields_ok = (self.dates.is_all()
            || self.dates.contains(date_of(article.date.as_deref())))
            && self.districts.matches(article)
            && self.kind.is_none_or(|k| k == article.kind)
            && self
                .reporters
                .iter()
                .all(|t| article.reporters.iter().any(|name| t.found_in(&fold(name))));
        if !fields_ok {
            return false;
        }
        let headings = [
            Some(&article.title),
            article.kicker.as_ref(),
            article.subtitle.as_ref(),
        ];
        let headings: Vec<String> = headings.into_iter().flatten().map(|h| fold(h)).collect();
        if !self
            .titles
            .iter()
            .all(|t| headings.iter().any(|h| t.found_in(h)))
        {
            return false;
        }
        if self.exclude.is_empty() && self.any.is_empty() {
            return true;
        }
        let body: Vec<String> = article
            .byline
            .iter()
            .chain(&article.paragraphs)
            .map(|f| fold(f))
            .collect();
        let found = |t: &Term| headings.iter().chain(&body).any(|f| t.found_in(f));
        !self.exclude.iter().any(found) && self.any.iter().all(|group| group.iter().any(found))
    }
}

/// The districts a `district:` value names, as typed: `朝阳|海淀` is two, and so is
/// `朝阳|district:海淀` (the operator's name, written again before one, taken off).
pub(crate) fn district_values(value: &str) -> impl Iterator<Item = &str> {
    value.split('|').map(|one| {
        ["district:", "district：", "区:", "区："]
            .iter()
            .find_map(|name| one.strip_prefix(name))
            .unwrap_or(one)
    })
}

#[cfg(test)]
mod tests {
    use super::super::Query;
    use super::*;
    use crate::district::DistrictKey;

    fn key(article: &Article) -> DistrictKey {
        DistrictKey::of(article)
    }

    fn article(title: &str, text: &str) -> Article {
        Article {
            id: title.into(),
            title: title.into(),
            paragraphs: vec![text.into()],
            district: Some("西城区".into()),
            reporters: vec!["孙艳".into()],
            date: Some("2024-03-08".into()),
            ..Article::default()
        }
    }

    fn admits(query: &str, a: &Article) -> bool {
        Query::try_parse(query).unwrap().admits(a)
    }

    #[test]
    fn operators_narrow_by_field() {
        let a = article("工会驿站开放", "职工休息。");
        assert_eq!(key(&a), DistrictKey::Named("西城区".into()));
        assert!(admits("date:2024-03", &a));
        assert!(admits("日期:2024", &a));
        assert!(!admits("date:2024-01..2024-02", &a));
        assert!(admits("district:xc", &a) && admits("区:西城", &a));
        assert!(!admits("district:海淀", &a));
        assert!(admits("district:海淀 district:xc", &a));
        assert!(admits("district:海淀|xc", &a) && admits("区:海淀|区:西城", &a));
        assert!(!admits("district:海淀|朝阳", &a));
        assert!(admits("reporter:孙艳", &a) && admits("记者：孙", &a));
        assert!(!admits("reporter:陈曦", &a));
        // By pinyin, as a search term: full, initials, mixed, begun.
        assert!(admits("reporter:sunyan", &a) && admits("reporter:sy", &a));
        assert!(admits("reporter:suny", &a) && admits("记者:yan", &a));
        assert!(!admits("reporter:chenxi", &a) && !admits("reporter:cx", &a));
        assert!(admits("kind:news", &a) && !admits("kind:图片", &a));
        assert!(admits("title:驿站", &a) && !admits("title:休息", &a));
        assert!(admits("title:gonghui", &a));
        assert!(admits("-休假", &a) && !admits("-休息", &a) && !admits("-xiuxi", &a));
        assert!(!admits("-\"驿站\"", &a));
        assert!(admits("驿站 OR 食堂", &a) && admits("食堂|休息", &a));
        assert!(!admits("食堂 OR 医院", &a) && !admits("食堂|医院", &a));
        assert!(admits("gongyu|kaifang", &a));
        // Full-width operator names, as typed with a Chinese keyboard's full-width Latin.
        assert!(admits("ｔｉｔｌｅ：驿站", &a) && !admits("ＴＩＴＬＥ：休息", &a));
        assert!(!admits("ｄａｔｅ：2024-01..2024-02", &a));
        assert_eq!(split_op("审读意见:待核"), Some((Op::Note, "待核")));
        assert_eq!(split_op("ｎｏｔｅ：x").map(|(op, _)| op), Some(Op::Note));
    }

    #[test]
    fn bad_values_are_errors_naming_the_operator() {
        for (q, op) in [
            ("date:2024-13", "date:"),
            ("district:nowhere", "district:"),
            ("district:海淀|nowhere", "district:"),
            ("district:海淀|", "district:"),
            ("kind:video", "kind:"),
            ("日期:明天", "date:"),
        ] {
            match Query::try_parse(q) {
                Err(QueryError::BadValue { op: o, .. }) => assert_eq!(o, op, "{q}"),
                other => panic!("{q}: {other:?}"),
            }
        }
        // Not an operator: an ordinary term.
        assert_eq!(Query::try_parse("http://x").unwrap().terms().len(), 1);
    }
}
