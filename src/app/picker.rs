//! The district picker: every district in the data (and every one chosen) with its count,
//! several may be on.

use crate::article::Article;
use crate::district::DistrictKey;
use crate::filter::{DistrictFilter, district_counts};

/// The picker's state while it is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    items: Vec<(DistrictKey, usize)>,
    cursor: usize,
    chosen: DistrictFilter,
}

impl Picker {
    /// A picker over the districts of `articles`, starting from `current`. A district of
    /// `current` that no article names (one given on the command line) is listed too, with
    /// a count of 0, so it can be turned off.
    pub fn new(articles: &[Article], current: &DistrictFilter) -> Picker {
        let mut items = district_counts(articles);
        for key in current.keys() {
            if !items.iter().any(|(k, _)| k == key) {
                items.push((key.clone(), 0));
            }
        }
        items.sort_by_key(|(k, _)| k.rank());
        Picker {
            items,
            cursor: 0,
            chosen: current.clone(),
        }
    }

    /// Every district with its count (0 for a chosen one no article names), canonical
    /// order, 未注明 last.
    pub fn items(&self) -> &[(DistrictKey, usize)] {
        &self.items
    }

    /// The item under the cursor.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The districts turned on so far.
    pub fn chosen(&self) -> &DistrictFilter {
        &self.chosen
    }

    /// Moves the cursor down, stopping at the last item.
    pub fn down(&mut self) {
        if self.cursor + 1 < self.items.len() {
            self.cursor += 1;
        }
    }

    /// Moves the cursor up, stopping at the first item.
    pub fn up(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    /// Moves the cursor by `delta` items, stopping at the first and the last.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.items.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
    }

    /// Moves the cursor to the first item.
    pub fn top(&mut self) {
        self.cursor = 0;
    }

    /// Moves the cursor to the last item.
    pub fn bottom(&mut self) {
        self.cursor = self.items.len().saturating_sub(1);
    }

    /// The first item shown when `visible` items fit in the box: the cursor stays in view.
    pub fn first_shown(&self, visible: usize) -> usize {
        self.cursor.saturating_sub(visible.max(1) - 1)
    }

    /// Turns the district under the cursor on or off.
    pub fn toggle(&mut self) {
        if let Some((key, _)) = self.items.get(self.cursor) {
            self.chosen.toggle(key.clone());
        }
    }
}
