//! The district picker as the app runs it: opening it, and the keys it takes while open
//! (the picker itself, its items and its box, is [`Picker`]).

use super::*;

impl App {
    /// Opens the picker over every district with its count, the chosen ones ticked.
    pub(super) fn open_picker(&mut self) {
        self.mode = Mode::Picker(Picker::new(
            self.collection.district_counts(),
            &self.opts.filter.districts,
        ));
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
