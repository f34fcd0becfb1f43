//! The district picker: every district in the data (and every one chosen) with its count,
//! several may be on. Its box is laid out here too ([`Picker::layout`]), so the view draws
//! it and a click finds its rows by the same numbers.

use super::geometry::{Area, Overlay};
use crate::district::DistrictKey;
use crate::filter::DistrictFilter;
use crate::i18n::{Lang, Msg};
use crate::layout::{AmbiguousWidth, display_width};

/// What the picker's counts count; its title says which when it is not the whole data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PickerCounts {
    /// Every article in the data.
    #[default]
    All,
    /// The articles the list holds (search, dates and marks), whichever districts are on.
    Listed,
    /// As [`Listed`](Self::Listed) while a search runs: the list is what it has found so
    /// far (or the last answer, until it has found any), and the counts follow its answers.
    SoFar,
}

/// The picker's state while it is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    items: Vec<(DistrictKey, usize)>,
    counts: PickerCounts,
    cursor: usize,
    /// The first item shown, as last kept in view (see [`Picker::first_shown`]).
    top: usize,
    chosen: DistrictFilter,
}

/// Where the picker is on screen: its box, the title on the box's first inside row, the
/// districts below it and the key hint on its last inside row (when there is room).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PickerLayout {
    /// The box, centred on the screen.
    pub overlay: Overlay,
    /// The rows that show districts, one each (no rows on a screen too small for any).
    pub rows: Area,
    /// How many districts are shown at once (at least 1, for paging).
    pub visible: usize,
    /// The first district shown.
    pub first: usize,
}

impl Picker {
    /// A picker over the districts of `articles`, starting from `current`. A district of
    /// `current` that no article names (one given on the command line) is listed too, with
    /// a count of 0, so it can be turned off.
    pub fn new(counts: Vec<(DistrictKey, usize)>, current: &DistrictFilter) -> Picker {
        let mut picker = Picker {
            items: Vec::new(),
            counts: PickerCounts::All,
            cursor: 0,
            top: 0,
            chosen: current.clone(),
        };
        picker.recount(counts, PickerCounts::All);
        picker
    }

    /// Counts the districts anew, as `of` says (a running search found more): the rows are
    /// `counts`', and a chosen district among them or not; the cursor stays on its row.
    pub fn recount(&mut self, counts: Vec<(DistrictKey, usize)>, of: PickerCounts) {
        let mut items = counts;
        for key in self.chosen.keys() {
            if !items.iter().any(|(k, _)| k == key) {
                items.push((key.clone(), 0));
            }
        }
        items.sort_by_key(|(k, _)| k.rank());
        self.items = items;
        self.counts = of;
        self.cursor = self.cursor.min(self.items.len().saturating_sub(1));
    }

    /// What the counts count.
    pub fn counts(&self) -> PickerCounts {
        self.counts
    }

    /// The picker's title: which counts it shows, when not the whole data's.
    pub fn title(&self, lang: Lang) -> &'static str {
        match self.counts {
            PickerCounts::All => Msg::PickerTitle.text(lang),
            PickerCounts::Listed => Msg::PickerTitleListed.text(lang),
            PickerCounts::SoFar => Msg::PickerTitleSoFar.text(lang),
        }
    }

    /// Where the picker goes on `screen`: a box wide enough for its title, every row and
    /// the key hint, and tall enough for every district, at most the screen, centred.
    pub fn layout(&self, screen: Area, lang: Lang, amb: AmbiguousWidth) -> PickerLayout {
        let hints = crate::keys::hints(crate::keys::Hint::Picker, lang);
        let content = [self.title(lang), hints.as_str()]
            .into_iter()
            .map(|text| display_width(text, amb))
            .chain(self.rows(lang, amb).iter().map(|r| display_width(r, amb)))
            .max()
            .unwrap_or(0);
        let width = u16::try_from(content.saturating_add(2)).unwrap_or(u16::MAX);
        // The districts, a title row and a hint row, and the frame.
        let height = u16::try_from(self.items.len())
            .unwrap_or(u16::MAX)
            .saturating_add(4);
        let overlay = Overlay::centred(screen, width, height);
        let inner = overlay.inner;
        // The hint takes the last row when there are three or more; the title the first.
        let chrome = if inner.height >= 3 { 2 } else { 1 };
        let rows = Area {
            y: inner.y.saturating_add(1).min(inner.y + inner.height),
            height: inner.height.saturating_sub(chrome),
            ..inner
        };
        let visible = usize::from(rows.height).max(1);
        PickerLayout {
            overlay,
            rows,
            visible,
            first: self.first_shown(visible),
        }
    }

    /// The district under the cell (`x`, `y`) in `layout`, if a district row is there.
    pub fn item_at(&self, layout: &PickerLayout, x: u16, y: u16) -> Option<usize> {
        if !layout.rows.contains(x, y) {
            return None;
        }
        let at = layout.first + usize::from(y - layout.rows.y);
        (at < self.items.len()).then_some(at)
    }

    /// Each district's row as shown: a tick box, the name and the count, the counts
    /// right-aligned in a column after the longest name (by display width).
    pub fn rows(&self, lang: Lang, amb: AmbiguousWidth) -> Vec<String> {
        let name_w = self
            .items
            .iter()
            .map(|(key, _)| display_width(district_name(key, lang), amb))
            .max()
            .unwrap_or(0);
        let count_w = self
            .items
            .iter()
            .map(|(_, count)| count.to_string().len())
            .max()
            .unwrap_or(0);
        self.items
            .iter()
            .map(|(key, count)| {
                let tick = if self.chosen.contains(key) {
                    "[x]"
                } else {
                    "[ ]"
                };
                let name = district_name(key, lang);
                let pad = " ".repeat(name_w - display_width(name, amb));
                format!("{tick} {name}{pad}  {count:>count_w$}")
            })
            .collect()
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

    /// Moves the cursor to item `at` (the last when past it).
    pub fn select(&mut self, at: usize) {
        self.cursor = at.min(self.items.len().saturating_sub(1));
    }

    /// The first item shown when `visible` items fit in the box: where the box was last
    /// scrolled, moved as little as needed to show the cursor, and never so far that
    /// rows below the last item go empty.
    pub fn first_shown(&self, visible: usize) -> usize {
        let visible = visible.max(1);
        let top = if self.cursor < self.top {
            self.cursor
        } else if self.cursor >= self.top + visible {
            self.cursor + 1 - visible
        } else {
            self.top
        };
        top.min(self.items.len().saturating_sub(visible))
    }

    /// Remembers where the box is scrolled to with `visible` items shown, so that the next
    /// move scrolls from there (as `less` does) rather than jumping.
    pub fn keep_in_view(&mut self, visible: usize) {
        self.top = self.first_shown(visible);
    }

    /// Turns the district under the cursor on or off.
    pub fn toggle(&mut self) {
        if let Some((key, _)) = self.items.get(self.cursor) {
            self.chosen.toggle(key.clone());
        }
    }
}

/// A district's name as the picker shows it (未注明 in the interface's language).
pub fn district_name(key: &DistrictKey, lang: Lang) -> &str {
    match key {
        DistrictKey::Unstated => Msg::Unstated.text(lang),
        named => named.label(),
    }
}
