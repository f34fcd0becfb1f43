//! The district picker as the app runs it: opening it, and the keys it takes while open
//! (the picker itself, its items and its box, is [`Picker`]).

use super::*;
use crate::district::DistrictKey;
use crate::filter::DistrictFilter;

impl App {
    /// Opens the picker over every district with its count, the chosen ones ticked.
    pub(super) fn open_picker(&mut self) {
        let mut picker = Picker::new(Vec::new(), &self.opts.filter.districts);
        let (counts, of) = self.district_counts();
        picker.recount(counts, of);
        self.mode = Mode::Picker(picker);
    }

    /// Counts the open picker's districts again, after a search's answer changed the list.
    pub(super) fn recount_picker(&mut self) {
        if matches!(self.mode, Mode::Picker(_)) {
            let (counts, of) = self.district_counts();
            if let Mode::Picker(picker) = &mut self.mode {
                picker.recount(counts, of);
            }
        }
    }

    /// Every district in the data, each with the number of articles the list would hold
    /// were it the only one chosen: the list's articles (search, dates, marks) with the
    /// district filter aside, per district (0 for a district none of them is in). With no
    /// search or filter, the data's own counts, which the index keeps. The list's are a
    /// pass over it, a byte per article through an index: 1,000,000 places are counted in
    /// milliseconds, when the picker opens or a running search's answer arrives.
    fn district_counts(&self) -> (Vec<(DistrictKey, usize)>, PickerCounts) {
        let all = self.collection.district_counts();
        let whole = self.query.is_empty()
            && self.query.ops().admits_all()
            && self.query.notes().is_empty()
            && self.opts.filter.dates.is_all()
            && self.marks.is_empty();
        if whole && !self.searching {
            return (all, PickerCounts::All);
        }
        let others = Filter {
            districts: DistrictFilter::default(),
            ..self.opts.filter.clone()
        };
        let listed = self.collection.district_counts_of(&self.listed(&others));
        let counts = all
            .into_iter()
            .map(|(key, _)| {
                let n = listed
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map_or(0, |(_, n)| *n);
                (key, n)
            })
            .collect();
        let of = match self.searching {
            true => PickerCounts::SoFar,
            false => PickerCounts::Listed,
        };
        (counts, of)
    }

    /// The picker takes every key. With the mouse, a click on a district's row moves the
    /// cursor there and turns the district on or off (as `Space` does), and the wheel over
    /// the box moves the cursor; a click or the wheel elsewhere does nothing, and the picker
    /// stays open (it is modal, like the help).
    pub(super) fn picker(&mut self, action: Action, mut picker: Picker) {
        let layout = self.layout_picker(&picker);
        let page = layout.visible;
        // Where the box shows now (a resize may have moved it): moves scroll from here.
        picker.keep_in_view(page);
        let half = (page / 2).max(1);
        let over = layout.overlay.outer;
        match action {
            Action::PickerDown => picker.down(),
            Action::PickerUp => picker.up(),
            Action::Click(x, y) => {
                if let Some(at) = picker.item_at(&layout, x, y) {
                    picker.select(at);
                    picker.toggle();
                }
            }
            Action::ScrollDown(x, y) if over.contains(x, y) => picker.down(),
            Action::ScrollUp(x, y) if over.contains(x, y) => picker.up(),
            Action::Top => picker.top(),
            Action::Bottom => picker.bottom(),
            Action::NextPage => picker.move_by(page as isize),
            Action::PrevPage => picker.move_by(-(page as isize)),
            Action::HalfPageDown => picker.move_by(half as isize),
            Action::HalfPageUp => picker.move_by(-(half as isize)),
            Action::PickerToggle => picker.toggle(),
            Action::PickerApply => {
                self.opts.filter.districts = picker.chosen().clone();
                self.mode = Mode::Normal;
                self.rebuild_view();
                return;
            }
            Action::PickerCancel => {
                self.mode = Mode::Normal;
                return;
            }
            _ => {}
        }
        picker.keep_in_view(page);
        self.mode = Mode::Picker(picker);
    }

    /// Where `picker` is on the screen now.
    pub(super) fn layout_picker(&self, picker: &Picker) -> PickerLayout {
        picker.layout(self.geometry().screen, self.opts.lang, self.opts.ambiguous)
    }
}
