//! District filters (several at once) and per-district counts.

use std::collections::BTreeSet;

use crate::article::Article;
use crate::district::{DistrictKey, parse_district};
use crate::error::{Error, Result};

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

    /// True when `article` passes the filter.
    pub fn matches(&self, article: &Article) -> bool {
        self.keys.is_empty() || self.keys.contains(&DistrictKey::of(article))
    }
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
