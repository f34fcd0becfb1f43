//! Dates straight from the date fast fields (`dhi`, `dlo`, `dlen`), without the collection
//! order (issue 13): making the whole order costs about 200 ms at a million articles, while
//! a timeline needs only how many articles each day has, and a date-range list only the
//! articles of the range, in order.
//!
//! - [`Archive::day_counts`]: the articles per day, from the date columns of each file;
//!   nothing is sorted and no article is read.
//! - [`Archive::slots_in`]: the articles dated in a range, in collection order. Only those
//!   are sorted, by the order's own key: newest date key first, then file, then place in
//!   the file (as [`super::order`] merges the files and [`crate::load::newest_first`]
//!   orders a loaded archive), so the list is the one the whole order would give.

use std::cmp::Reverse;
use std::collections::HashMap;

use tantivy::DocAddress;
use tantivy::columnar::Column;

use super::order::column;
use super::{Archive, Slot, date_of_key, engine};
use crate::article::Article;
use crate::date::{Date, DateRange};

/// A date key of the fast fields (see `build::date_key`).
type Key = (u64, u64, u64);

/// The day of each date key, each key parsed once (a paper has many articles a day, and
/// an archive's articles come a day at a time, so the last key answers most lookups).
#[derive(Default)]
pub(super) struct Days {
    last: Option<(Key, Option<Date>)>,
    seen: HashMap<Key, Option<Date>>,
}

impl Days {
    /// The day of `key` (`None`: no date, or none that is a real day).
    pub(super) fn of(&mut self, key: Key) -> Option<Date> {
        if let Some((k, day)) = self.last
            && k == key
        {
            return day;
        }
        let day = *self.seen.entry(key).or_insert_with(|| date_of_key(key));
        self.last = Some((key, day));
        day
    }
}

/// The date columns of a segment, read whole.
fn date_columns(seg: &tantivy::SegmentReader) -> Result<[Vec<u64>; 3], String> {
    let [hi, lo, len] = ["dhi", "dlo", "dlen"].map(|name| column(seg, name));
    Ok([hi?, lo?, len?])
}

impl Archive {
    /// How many articles are dated on each day of `range` (days in no particular order;
    /// undated articles and dates that are no real day are left out, as the loader leaves
    /// them undated). From the date columns of each file alone: no collection order is
    /// made and no article is read (`kanbao timeline` at a million articles).
    pub fn day_counts(&self, range: DateRange) -> Result<Vec<(Date, usize)>, String> {
        let mut per_key: HashMap<Key, usize> = HashMap::new();
        for file in &self.files {
            for seg in file.searcher.segment_readers() {
                let [hi, lo, len] = date_columns(seg)?;
                // Runs of one key are counted at once.
                let mut run: Option<(Key, usize)> = None;
                for doc in 0..seg.max_doc() as usize {
                    let key = (hi[doc], lo[doc], len[doc]);
                    match &mut run {
                        Some((k, n)) if *k == key => *n += 1,
                        _ => {
                            if let Some((k, n)) = run.replace((key, 1)) {
                                *per_key.entry(k).or_default() += n;
                            }
                        }
                    }
                }
                if let Some((k, n)) = run {
                    *per_key.entry(k).or_default() += n;
                }
            }
        }
        let mut per_day: HashMap<Date, usize> = HashMap::new();
        for (key, n) in per_key {
            if let Some(day) = date_of_key(key)
                && range.contains(Some(day))
            {
                *per_day.entry(day).or_default() += n;
            }
        }
        Ok(per_day.into_iter().collect())
    }

    /// The articles dated in `range` (every article when it has no bound), in collection
    /// order, found from the date columns without making the whole order: only the
    /// articles in the range are sorted (see the module's note).
    pub fn slots_in(&self, range: DateRange) -> Result<Vec<Slot>, String> {
        let mut days = Days::default();
        let mut found: Vec<(Reverse<Key>, u32, u64, Slot)> = Vec::new();
        for (fi, file) in self.files.iter().enumerate() {
            let fi = fi as u32;
            for (si, seg) in file.searcher.segment_readers().iter().enumerate() {
                let [hi, lo, len] = date_columns(seg)?;
                let mut ord: Option<Column<u64>> = None;
                for doc in 0..seg.max_doc() as usize {
                    let key = (hi[doc], lo[doc], len[doc]);
                    if !range.contains(days.of(key)) {
                        continue;
                    }
                    if ord.is_none() {
                        ord = Some(seg.fast_fields().u64("ord").map_err(engine)?);
                    }
                    let place = ord.as_ref().and_then(|c| c.first(doc as u32)).unwrap_or(0);
                    let slot = Slot {
                        file: fi,
                        addr: DocAddress::new(si as u32, doc as u32),
                    };
                    found.push((Reverse(key), fi, place, slot));
                }
            }
        }
        // File and place in it are unique: the slot breaks no tie.
        found.sort_unstable_by_key(|e| (e.0, e.1, e.2));
        Ok(found.into_iter().map(|e| e.3).collect())
    }

    /// The summaries (stored fields, see [`Archive::summary`]) of the articles at `slots`,
    /// in that order.
    pub fn summaries_of(&self, slots: &[Slot]) -> Result<Vec<Article>, String> {
        slots.iter().map(|s| self.summary(*s)).collect()
    }
}
