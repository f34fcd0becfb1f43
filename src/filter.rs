//! The one filter of the command line and the reader ([`Filter`]: districts, dates,
//! bookmarked, unread), district filters (several at once) and per-district counts.

use std::collections::BTreeSet;

use crate::article::Article;
use crate::date::{DateRange, date_of};
use crate::district::{DistrictKey, parse_district};
use crate::error::{Error, Result};
use crate::layout::sanitize;
use crate::state::StateStore;

/// A set of districts; an article passes when its primary district is in the set,
/// or when the set is empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DistrictFilter {
    keys: BTreeSet<DistrictKey>,
}

impl DistrictFilter {
    /// A filter from names as users type them; an unknown name is an error listing the known.
    pub fn parse<S: AsRef<str>>(names: &[S]) -> Result<DistrictFilter> {
        let keys = names
            .iter()
            .map(|n| parse_district(n.as_ref()).map_err(Error::UnknownDistrict))
            .collect::<Result<_>>()?;
        Ok(DistrictFilter { keys })
    }

    /// True when no district is selected (everything passes).
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// True when `key` is selected.
    pub fn contains(&self, key: &DistrictKey) -> bool {
        self.keys.contains(key)
    }

    /// Selects or deselects `key`.
    pub fn toggle(&mut self, key: DistrictKey) {
        if !self.keys.remove(&key) {
            self.keys.insert(key);
        }
    }

    /// The selected districts, in canonical order (未注明 last).
    pub fn keys(&self) -> Vec<&DistrictKey> {
        let mut keys: Vec<&DistrictKey> = self.keys.iter().collect();
        keys.sort_by_key(|k| k.rank());
        keys
    }

    /// The selected districts' names, in canonical order, with `unstated` standing for the
    /// articles that name none.
    pub fn names(&self, unstated: &str) -> Vec<String> {
        self.keys()
            .into_iter()
            .map(|k| match k {
                DistrictKey::Named(name) => name.clone(),
                DistrictKey::Unstated => unstated.to_owned(),
            })
            .collect()
    }

    /// True when `article` passes the filter.
    pub fn matches(&self, article: &Article) -> bool {
        self.keys.is_empty() || self.keys.contains(&DistrictKey::of(article))
    }
}

/// What a list keeps: the same conditions for `kanbao list`, `search`, `export`,
/// `districts`, `timeline` and the reader. An article passes when it passes every part that
/// is set; the default passes everything. New conditions (tags) are new fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only these districts (none: every district).
    pub districts: DistrictFilter,
    /// Only articles dated in this range (no bound: every article, undated ones too).
    pub dates: DateRange,
    /// Only bookmarked articles (asks the reading state).
    pub bookmarked: bool,
    /// Only articles not yet read (asks the reading state).
    pub unread: bool,
    /// Only articles with every one of these tags (asks the reading state; issue 14).
    pub tags: Vec<String>,
    /// What the note must hold: a query's `note:` terms (asks the reading state; see
    /// [`Filter::with_notes_of`]).
    pub notes: crate::search::NoteFilter,
}

impl From<DistrictFilter> for Filter {
    fn from(districts: DistrictFilter) -> Filter {
        Filter {
            districts,
            ..Filter::default()
        }
    }
}

/// A [`Filter`] with the reading state it asks about (the store and the source's key in
/// it), for the command line: [`Keep::keeps`] is what a command keeps.
pub struct Keep {
    /// The conditions.
    pub filter: Filter,
    /// The reading state and the source's key, when the filter asks about marks.
    pub marks: Option<(StateStore, String)>,
}

impl Keep {
    /// Whether the command keeps `article`.
    pub fn keeps(&self, article: &Article) -> bool {
        let marks = self
            .marks
            .as_ref()
            .map(|(store, key)| (store, key.as_str()));
        self.filter.matches_with(article, marks)
    }
}

impl Filter {
    /// Whether nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.dates.is_all() && self.is_empty_but_dates()
    }

    /// Whether nothing but dates is filtered (a date range is then a query's `date:`).
    pub fn is_empty_but_dates(&self) -> bool {
        self.districts.is_empty()
            && !self.bookmarked
            && !self.unread
            && self.tags.is_empty()
            && self.notes.is_empty()
    }

    /// Whether the filter needs the reading state (bookmarked, unread, tags).
    pub fn needs_marks(&self) -> bool {
        self.bookmarked || self.unread || !self.tags.is_empty() || !self.notes.is_empty()
    }

    /// Whether `article` passes the districts and dates (the marks are not asked).
    pub fn matches(&self, article: &Article) -> bool {
        self.districts.matches(article)
            && (self.dates.is_all() || self.dates.contains(date_of(article.date.as_deref())))
    }

    /// Whether `article` passes every part, asking `marks` for bookmarked and unread
    /// (no marks: nothing is bookmarked or read).
    pub fn matches_with(&self, article: &Article, marks: Option<(&StateStore, &str)>) -> bool {
        let bookmarked = || marks.is_some_and(|(store, key)| store.is_bookmarked(key, &article.id));
        let read = || marks.is_some_and(|(store, key)| store.is_read(key, &article.id));
        let tagged = || {
            marks.is_some_and(|(store, key)| {
                crate::review::has_tags(store, key, &article.id, &self.tags)
            })
        };
        let noted = || {
            let note = marks.and_then(|(store, key)| store.note(key, &article.id));
            self.notes.keeps(note)
        };
        self.matches(article)
            && (!self.bookmarked || bookmarked())
            && (!self.unread || !read())
            && (self.tags.is_empty() || tagged())
            && (self.notes.is_empty() || noted())
    }

    /// The filter with the `note:` terms of `query` (if any): the query's one part that
    /// asks the reading state, which the filter's holder has.
    #[must_use]
    pub fn with_notes_of(mut self, query: Option<&crate::search::Query>) -> Filter {
        if let Some(query) = query {
            self.notes = query.notes().clone();
        }
        self
    }
}

/// The range of the `--since` and `--until` options (every day when neither is given); a
/// value that is not one of the date forms is a usage error ([`Error::BadDateArg`]) that
/// shows them, and so is a `--since` after the `--until` ([`Error::ReversedDates`]).
pub fn date_options(since: Option<&str>, until: Option<&str>) -> Result<DateRange> {
    let bad = |option: &'static str, value: &str| Error::BadDateArg {
        option,
        value: sanitize(value).into_owned(),
    };
    let mut range = DateRange::ALL;
    if let Some(text) = since {
        range = range.and(DateRange::since(text).map_err(|_| bad("--since", text))?);
    }
    if let Some(text) = until {
        range = range.and(DateRange::until(text).map_err(|_| bad("--until", text))?);
    }
    if let (Some(since), Some(until)) = (since, until)
        && range.is_reversed()
    {
        return Err(Error::ReversedDates {
            since: sanitize(since.trim()).into_owned(),
            until: sanitize(until.trim()).into_owned(),
        });
    }
    Ok(range)
}

/// Every district present in `articles` with its count: canonical order, 未注明 last.
pub fn district_counts<'a>(
    articles: impl IntoIterator<Item = &'a Article>,
) -> Vec<(DistrictKey, usize)> {
    let mut counts: Vec<(DistrictKey, usize)> = Vec::new();
    for article in articles {
        let key = DistrictKey::of(article);
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => counts.push((key, 1)),
        }
    }
    counts.sort_by_key(|(k, _)| k.rank());
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(district: Option<&str>) -> Article {
        Article {
            district: district.map(str::to_string),
            ..Article::default()
        }
    }

    #[test]
    fn several_districts_at_once() {
        let filter = DistrictFilter::parse(&["xc", "未注明"]).unwrap();
        assert!(filter.matches(&article(Some("西城区"))));
        assert!(filter.matches(&article(None)));
        assert!(!filter.matches(&article(Some("大兴区"))));
    }

    #[test]
    fn the_filter_takes_districts_dates_and_marks_together() {
        let dated = |district: &str, date: Option<&str>| Article {
            id: format!("{district}{date:?}"),
            district: Some(district.to_string()),
            date: date.map(str::to_string),
            ..Article::default()
        };
        let mut filter = Filter::from(DistrictFilter::parse(&["xc"]).unwrap());
        filter.dates = DateRange::parse("2024-03").unwrap();
        assert!(filter.matches(&dated("西城区", Some("2024-03-31"))));
        assert!(!filter.matches(&dated("西城区", Some("2024-04-01"))));
        assert!(!filter.matches(&dated("西城区", None)));
        assert!(!filter.matches(&dated("东城区", Some("2024-03-08"))));
        // A date that is not a day is no date.
        assert!(!filter.matches(&dated("西城区", Some("2024-03-32"))));
        assert!(Filter::default().matches(&dated("东城区", None)));
        filter.bookmarked = true;
        assert!(!filter.matches_with(&dated("西城区", Some("2024-03-08")), None));
        assert!(!filter.is_empty() && filter.needs_marks());
    }

    #[test]
    fn counts_put_unstated_last() {
        let list = [
            article(None),
            article(Some("西城区")),
            article(Some("东城区")),
            article(Some("西城区")),
        ];
        let counts = district_counts(&list);
        let labels: Vec<(&str, usize)> = counts.iter().map(|(k, n)| (k.label(), *n)).collect();
        assert_eq!(labels, [("东城区", 1), ("西城区", 2), ("未注明", 1)]);
    }
}
