//! The report's default title: `审读报告：` and every condition that chose its articles,
//! made here for `kanbao export` and the reader's `E` alike, so that the same choice is
//! named in the same words and the same order wherever the report was written: the
//! articles chosen by id, the dates (as a range), the districts, the tags, the marks
//! (bookmarked, unread, with a note), and the search.

use crate::date::DateRange;
use crate::i18n::Lang;
use crate::search::Query;
use crate::search::query::without_dates;

use super::text;

/// What chose a report's articles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chosen {
    /// How many articles `--id` named (0: not chosen by id).
    pub ids: usize,
    /// The dates kept (no bound: every date).
    pub dates: DateRange,
    /// The districts kept, by name, in canonical order (none: every district).
    pub districts: Vec<String>,
    /// The tags an article must all have.
    pub tags: Vec<String>,
    /// Only bookmarked articles.
    pub bookmarked: bool,
    /// Only unread articles (the reader's `U`).
    pub unread: bool,
    /// Only articles with a note (the reader's `N`).
    pub noted: bool,
    /// The search, as typed.
    pub query: Option<String>,
}

impl Chosen {
    /// Each condition in words, in the title's order; empty when nothing narrows the data.
    pub fn words(&self, lang: Lang) -> Vec<String> {
        // The search's `date:` (the reader's one date filter, or `--query date:…`) is named
        // with the dates, as a range, not as search words.
        let (dates, query) = match self.query.as_deref() {
            Some(q) => (
                self.dates.and(Query::parse(q).ops().dates),
                Some(without_dates(q)),
            ),
            None => (self.dates, None),
        };
        let mut parts = Vec::new();
        if self.ids > 0 {
            parts.push(text::chosen(lang, self.ids));
        }
        if !dates.is_all() {
            parts.push(text::dates(lang, &dates));
        }
        if !self.districts.is_empty() {
            parts.push(text::districts(lang, &self.districts));
        }
        if !self.tags.is_empty() {
            parts.push(text::tagged(lang, &self.tags));
        }
        if self.bookmarked {
            parts.push(text::bookmarked(lang));
        }
        if self.unread {
            parts.push(text::unread(lang));
        }
        if self.noted {
            parts.push(text::noted(lang));
        }
        if let Some(query) = query.as_deref().map(str::trim)
            && !query.is_empty()
        {
            parts.push(text::query(lang, query));
        }
        parts
    }

    /// The title of a report of the articles chosen so.
    pub fn title(&self, lang: Lang) -> String {
        text::default_title(lang, &self.words(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    fn march() -> DateRange {
        DateRange {
            from: Date::new(2024, 3, 1),
            to: Date::new(2024, 3, 31),
        }
    }

    #[test]
    fn every_condition_is_named_in_one_order() {
        let chosen = Chosen {
            ids: 0,
            dates: march(),
            districts: vec!["西城区".into(), "东城区".into()],
            tags: vec!["待核实".into()],
            bookmarked: true,
            unread: true,
            noted: true,
            query: Some(" 工会 ".into()),
        };
        assert_eq!(
            chosen.title(Lang::Zh),
            "审读报告：2024-03-01 至 2024-03-31 · 西城区、东城区 · 标签 待核实 · 已收藏 · 未读 · \
             有审读意见 · 搜索“工会”"
        );
        assert_eq!(
            chosen.title(Lang::En),
            "Review report: 2024-03-01 to 2024-03-31 · 西城区, 东城区 · tag 待核实 · bookmarked \
             · unread · with a note · search \"工会\""
        );
    }

    #[test]
    fn a_range_open_at_one_end_or_one_day_reads_as_such() {
        let since = Chosen {
            dates: DateRange {
                from: Date::new(2024, 3, 1),
                to: None,
            },
            ..Chosen::default()
        };
        assert_eq!(since.title(Lang::Zh), "审读报告：2024-03-01 起");
        assert_eq!(since.title(Lang::En), "Review report: from 2024-03-01");
        let until = Chosen {
            dates: DateRange {
                from: None,
                to: Date::new(2024, 3, 31),
            },
            ..Chosen::default()
        };
        assert_eq!(until.title(Lang::Zh), "审读报告：截至 2024-03-31");
        assert_eq!(until.title(Lang::En), "Review report: until 2024-03-31");
        let day = Chosen {
            dates: DateRange {
                from: Date::new(2024, 3, 8),
                to: Date::new(2024, 3, 8),
            },
            ..Chosen::default()
        };
        assert_eq!(day.title(Lang::Zh), "审读报告：2024-03-08");
        assert_eq!(Chosen::default().title(Lang::Zh), "审读报告：全部文章");
        let blank = Chosen {
            query: Some("  ".into()),
            ..Chosen::default()
        };
        assert_eq!(blank.title(Lang::En), "Review report: all articles");
    }
}
