//! The reader's tag picker (issue 14): `+` opens a box listing the tags in use with their
//! counts, ticked where the open (or selected) article has them. The arrows, `Ctrl-N`/
//! `Ctrl-P` and `Tab`/`Shift-Tab` move, `Space` puts the tag under the cursor on or takes
//! it off, and typed text goes into a last row for a new tag that `Enter` puts on (checked
//! as `kanbao tag` checks it), `Esc` closes. Typed text also narrows the list, as fzf
//! does, to the tags it finds as a search term would (literally or by pinyin: `dhs` finds
//! 待核实), with the cursor on the first of them: `Enter` then puts that tag on, so a team
//! does not end up with `daiheshi`, `dhs` and 待核实 side by side; the new-tag row below
//! them takes the typed text as it is. Every letter is text, `j` and `k` too,
//! wherever the cursor is and whatever the config binds (`keys::is_text`): a tag typed in
//! pinyin loses none of its letters.
//! Every change goes to the state store at once, as `kanbao tag` keeps it, and the list
//! follows.

use super::*;

/// The tag picker's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagPicker {
    article: usize,
    /// Every tag in use, as [`TagPicker::rows`] gives them.
    all: Vec<(String, usize, bool)>,
    /// Those the typed text finds (all of them when nothing is typed).
    rows: Vec<(String, usize, bool)>,
    cursor: usize,
    input: String,
}

impl TagPicker {
    /// The article (collection index) being tagged.
    pub fn article(&self) -> usize {
        self.article
    }

    /// The tags in use that the typed text finds (every one when nothing is typed): each
    /// with how many articles carry it and whether this one does.
    pub fn rows(&self) -> &[(String, usize, bool)] {
        &self.rows
    }

    /// The row under the cursor; `rows().len()` is the new-tag row.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The new tag as typed so far.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// Shows the tags the typed text finds, as a search term finds words (literally or by
    /// pinyin), every one when nothing is typed.
    fn narrow(&mut self) {
        let query = crate::search::Query::parse(&self.input);
        let finds = |tag: &str| {
            let folded = crate::search::fold::fold(tag);
            query.terms().iter().all(|t| t.found_in(&folded))
        };
        self.rows = self
            .all
            .iter()
            .filter(|(tag, _, _)| finds(tag))
            .cloned()
            .collect();
        self.cursor = self.cursor.min(self.rows.len());
    }

    /// After a change to the typed text: the list narrowed, the cursor on the first tag it
    /// finds, or on the new-tag row when it finds none.
    fn typed(&mut self) {
        self.narrow();
        self.cursor = match self.input.is_empty() || self.rows.is_empty() {
            true => self.rows.len(),
            false => 0,
        };
    }
}

impl App {
    /// `+`: opens the picker on the open article (in the reader) or the selected one.
    pub(super) fn open_tags(&mut self) {
        let index = match (self.context(), &self.reader) {
            (Context::Reader, Some(r)) => Some(r.article),
            _ => self.view.get(self.selected).copied(),
        };
        if index.is_some_and(|i| self.refused_stand_in(i)) {
            return;
        }
        let Some(index) = index.filter(|&i| self.collection.get(i).is_some()) else {
            self.status = Some(i18n::tags_no_article(self.lang()).to_string());
            return;
        };
        if self.refused_unkept(crate::state::Work::Tag) {
            return;
        }
        let mut picker = TagPicker {
            article: index,
            all: Vec::new(),
            rows: Vec::new(),
            cursor: 0,
            input: String::new(),
        };
        self.refresh_tags(&mut picker);
        self.mode = Mode::Tags(picker);
    }

    /// Reads the tags in use and this article's ticks from the store again.
    pub(super) fn refresh_tags(&self, picker: &mut TagPicker) {
        let Some(article) = self.collection.get(picker.article) else {
            return;
        };
        let store = self.store();
        let counts = store
            .source(&self.opts.source)
            .map(|s| s.tag_counts())
            .unwrap_or_default();
        let mine = store.tags(&self.opts.source, &article.id);
        // A tag taken off its last article stays listed (at 0) while the picker is open, so
        // the rows do not move under the cursor and `Space` can put it back.
        let mut tags: std::collections::BTreeSet<String> =
            picker.all.drain(..).map(|(tag, _, _)| tag).collect();
        tags.extend(counts.keys().cloned());
        picker.all = tags
            .into_iter()
            .map(|tag| {
                let n = counts.get(&tag).copied().unwrap_or(0);
                let on = mine.contains(&tag);
                (tag, n, on)
            })
            .collect();
        picker.narrow();
    }

    /// The tag picker takes every key.
    pub(super) fn tags(&mut self, action: Action, mut picker: TagPicker) {
        let last = picker.rows.len();
        match action {
            Action::TagsClose => {
                self.mode = Mode::Normal;
                return;
            }
            Action::PickerDown => picker.cursor = (picker.cursor + 1).min(last),
            Action::PickerUp => picker.cursor = picker.cursor.saturating_sub(1),
            Action::PickerToggle if picker.cursor < last => {
                let (tag, _, on) = picker.rows[picker.cursor].clone();
                self.set_article_tag(&mut picker, &tag, !on);
            }
            Action::TagsAdd if picker.input.trim().is_empty() && picker.cursor < last => {
                let (tag, _, on) = picker.rows[picker.cursor].clone();
                self.set_article_tag(&mut picker, &tag, !on);
            }
            // A tag the typed text found: put on, and the whole list back.
            Action::TagsAdd if picker.cursor < last => {
                let tag = picker.rows[picker.cursor].0.clone();
                self.put_on(&mut picker, &tag);
            }
            Action::TagsAdd => match crate::review::check_tag(&picker.input) {
                Ok(tag) => self.put_on(&mut picker, &tag),
                Err(e) => self.status = Some(crate::review::review_error_text(&e, self.lang())),
            },
            Action::SearchInput(text) => {
                // A tag is short: typing stops well past the longest one.
                let room = crate::review::MAX_TAG_CHARS * 2;
                let have = picker.input.chars().count();
                picker.input.extend(
                    text.chars()
                        .filter(|c| !c.is_control())
                        .take(room.saturating_sub(have)),
                );
                picker.typed();
            }
            Action::SearchBackspace => {
                picker.input.pop();
                picker.typed();
            }
            Action::SearchClearToStart => {
                picker.input.clear();
                picker.typed();
            }
            _ => {}
        }
        self.mode = Mode::Tags(picker);
    }

    /// Puts `tag` on from what was typed: the typed text cleared (the whole list back) and
    /// the cursor on the tag's row.
    fn put_on(&mut self, picker: &mut TagPicker, tag: &str) {
        picker.input.clear();
        self.set_article_tag(picker, tag, true);
        picker.cursor = picker
            .rows
            .iter()
            .position(|(t, _, _)| t == tag)
            .unwrap_or(picker.cursor);
    }

    /// Puts `tag` on the picker's article or takes it off, in the store as `kanbao tag`
    /// does; the picker and the list (when filtered by tag) follow at once.
    fn set_article_tag(&mut self, picker: &mut TagPicker, tag: &str, on: bool) {
        let lang = self.lang();
        let Some(article) = self.collection.get(picker.article) else {
            return;
        };
        let id = article.id.clone();
        self.store().set_tag(&self.opts.source, &id, tag, on);
        self.unsaved = true;
        let shown = sanitize(tag).into_owned();
        self.status = Some(if on {
            i18n::tag_added(lang, &shown)
        } else {
            i18n::tag_removed(lang, &shown)
        });
        self.refresh_tags(picker);
        if self.marks.tag.is_some() {
            self.rebuild_view();
        }
    }
}
