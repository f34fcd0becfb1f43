//! Which key hints the status bar offers, chosen here in the core from the app's state; the
//! words and keys of each set are made from the key table (`keys::hints`), and
//! `tui::view::status` only fits them into the bar and draws them.
//!
//! An empty list offers no key that acts on an article, but it offers the way out of what
//! emptied it: the district picker (`d`) when the districts chosen did, the key that clears
//! the filters (`c`) when the mark filters (`B` `U` `N` `#`) did, and the search (`/`)
//! always. What emptied it is found when the list is built ([`Emptied`]), never at a draw.

use super::*;
use crate::filter::DistrictFilter;
use crate::keys::Hint;

/// What emptied the list, as found when it was last built.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum Emptied {
    /// The list is not empty, or nothing the filters do emptied it (the search found
    /// nothing, or the data holds nothing): `/` is the way out.
    #[default]
    Not,
    /// The district filter alone: without it, some article would be listed (`d`).
    Districts,
    /// The mark filters, or they and the district filter together: without both, some
    /// article would be listed, and the key that clears the filters (`c`) is the way out.
    Marks,
}

impl App {
    /// What emptied the list, now that it is built: a pass over the answer without the
    /// district filter and one without the mark filters, only when the list is empty and
    /// those filters are on.
    pub(super) fn what_emptied(&mut self) -> Emptied {
        if !self.view.is_empty() {
            return Emptied::Not;
        }
        let every_district = Filter {
            districts: DistrictFilter::default(),
            ..self.opts.filter.clone()
        };
        if !self.opts.filter.districts.is_empty() && !self.listed(&every_district).is_empty() {
            return Emptied::Districts;
        }
        if self.marks.is_empty() {
            return Emptied::Not;
        }
        // The list as it would be without the marks (and the districts), the search kept.
        let marks = std::mem::take(&mut self.marks);
        let unmarked = !self.listed(&every_district).is_empty();
        self.marks = marks;
        if unmarked {
            Emptied::Marks
        } else {
            Emptied::Not
        }
    }

    /// True when the list is empty only because of the district filter: without it some
    /// article would be listed, so the district picker (`d`) is the way out, and the status
    /// bar still offers it (with nothing listed, and `d` no help, it does not).
    pub fn list_emptied_by_districts(&self) -> bool {
        self.emptied == Emptied::Districts
    }

    /// True when the list is empty because of the mark filters (`B` `U` `N` `#`), with the
    /// district filter maybe: without them some article would be listed, so the key that
    /// clears the filters (`c`) is the way out, and the status bar offers it.
    pub fn list_emptied_by_marks(&self) -> bool {
        self.emptied == Emptied::Marks
    }

    /// What the empty list says: no article matches, and what the key that clears the
    /// search and the filters (`c`, or the one the config binds) would clear now, the
    /// search, the districts and the mark filters named as they are on
    /// (`没有符合条件的文章（按 c 清除地区和“只看”筛选）`).
    pub fn no_articles_text(&self) -> String {
        let clears = i18n::Clears {
            search: !self.opts.query.trim().is_empty(),
            districts: !self.opts.filter.districts.is_empty(),
            marks: !self.marks.is_empty(),
        };
        let key = self.key_for(Context::List, &Action::ClearFilters);
        i18n::no_articles(self.lang(), &key, clears)
    }

    /// The set of key hints the status bar offers now; `None` where it offers none (the
    /// help, the note editor and the tag picker say their keys in their own boxes).
    pub fn status_hint(&self) -> Option<Hint> {
        Some(match self.context() {
            Context::Reader if self.query.is_empty() => Hint::Reader,
            Context::Reader => Hint::ReaderSearching,
            Context::Picker if matches!(self.mode, Mode::Timeline(_)) => Hint::Timeline,
            Context::Picker => Hint::Picker,
            Context::Help | Context::Note | Context::Tags => return None,
            Context::Search => Hint::Prompt,
            // An empty list has no article for a key to act on (side by side, no preview
            // for `Space` to page), and no district for `d` to choose, unless the districts
            // chosen are what emptied it: then `d` is the way out; `c` when the marks did.
            Context::List if self.view.is_empty() => match self.emptied {
                Emptied::Not => Hint::ListEmpty,
                Emptied::Districts => Hint::List,
                Emptied::Marks => Hint::ListEmptyMarks,
            },
            // Side by side `Space` pages the preview: the bar says so.
            Context::List if self.geometry().side_by_side => Hint::ListSideBySide,
            Context::List => Hint::List,
        })
    }

    /// The hints of [`status_hint`](Self::status_hint) in the interface's language, two
    /// spaces apart (`? 帮助  / 搜索  d 地区  q 退出`); empty where the bar offers none.
    pub fn status_hints(&self) -> String {
        self.status_hint()
            .map(|hint| crate::keys::hints(hint, self.lang()))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::StateStore;

    /// Three articles, newest first: 驿站 in 朝阳区, 工会 in 海淀区 and in 西城区; `a1`
    /// bookmarked.
    fn app(w: u16, h: u16) -> App {
        let articles = [("朝阳区", "驿站"), ("海淀区", "工会"), ("西城区", "工会")]
            .iter()
            .enumerate()
            .map(|(i, (district, word))| Article {
                id: format!("a{i}"),
                title: format!("第{i}篇，说{word}"),
                district: Some((*district).into()),
                date: Some(format!("2024-03-0{}", 3 - i)),
                paragraphs: vec![format!("正文说{word}。")],
                ..Article::default()
            })
            .collect::<Vec<_>>();
        let mut store = StateStore::disabled();
        store.set_bookmarked("t", "a1", true);
        let opts = Options {
            source: "t".into(),
            ..Options::default()
        };
        let mut app = App::new(Collection::from(articles), store, Vec::new(), opts);
        app.update(Action::Resize(w, h));
        app
    }

    fn search(app: &mut App, text: &str) {
        app.update(Action::OpenSearch);
        app.update(Action::SearchInput(text.into()));
        app.update(Action::SearchAccept);
    }

    #[test]
    fn each_place_has_its_hints() {
        let mut app = app(80, 24);
        assert_eq!(app.status_hint(), Some(Hint::List));
        app.update(Action::Resize(120, 40));
        assert_eq!(app.status_hint(), Some(Hint::ListSideBySide));
        app.update(Action::Resize(80, 24));
        app.update(Action::Open);
        assert_eq!(app.status_hint(), Some(Hint::Reader));
        app.update(Action::OpenSearch);
        assert_eq!(app.status_hint(), Some(Hint::Prompt));
        // The open article (第0篇, 驿站) is found: the reader stays open.
        app.update(Action::SearchInput("驿站".into()));
        app.update(Action::SearchAccept);
        assert_eq!(app.context(), Context::Reader);
        assert_eq!(app.status_hint(), Some(Hint::ReaderSearching));
        app.update(Action::Back);
        app.update(Action::OpenPicker);
        assert_eq!(app.status_hint(), Some(Hint::Picker));
        app.update(Action::PickerCancel);
        app.update(Action::OpenTimeline);
        assert_eq!(app.status_hint(), Some(Hint::Timeline));
        app.update(Action::PickerCancel);
        for (open, close) in [
            (Action::Help, Action::Help),
            (Action::EditNote, Action::NoteCancel),
            (Action::OpenTags, Action::TagsClose),
        ] {
            app.update(open);
            assert_eq!(app.status_hint(), None, "{:?}", app.context());
            assert_eq!(app.status_hints(), "");
            app.update(close);
        }
        assert_eq!(app.context(), Context::List);
        assert_eq!(app.status_hints(), "? 帮助  / 搜索  d 地区  q 退出");
    }

    #[test]
    fn an_empty_list_offers_the_way_out_of_what_emptied_it() {
        let mut app = app(80, 24);
        // The search: nothing to offer but `/`.
        search(&mut app, "xqxq");
        assert!(app.view().is_empty());
        assert_eq!(app.status_hint(), Some(Hint::ListEmpty));
        // The districts: `d`.
        app.update(Action::ClearFilters);
        app.opts.filter = Filter::from(DistrictFilter::parse(&["海淀区"]).unwrap());
        search(&mut app, "驿站");
        assert!(app.view().is_empty());
        assert!(app.list_emptied_by_districts());
        assert_eq!(app.status_hint(), Some(Hint::List));
        // The marks: only bookmarked, and 驿站 is not.
        app.update(Action::ClearFilters);
        search(&mut app, "驿站");
        app.update(Action::FilterBookmarked);
        assert!(app.view().is_empty());
        assert!(app.list_emptied_by_marks());
        assert_eq!(app.status_hint(), Some(Hint::ListEmptyMarks));
        assert_eq!(app.status_hints(), "? 帮助  / 搜索  c 清除筛选  q 退出");
        // The districts alone, the marks on but not what emptied it: `d`.
        app.update(Action::ClearFilters);
        app.opts.filter = Filter::from(DistrictFilter::parse(&["西城区"]).unwrap());
        app.update(Action::FilterBookmarked);
        assert!(app.view().is_empty());
        assert_eq!(app.status_hint(), Some(Hint::List));
        // The marks and the districts together, neither alone: `c` clears both.
        app.update(Action::ClearFilters);
        app.opts.filter = Filter::from(DistrictFilter::parse(&["东城区"]).unwrap());
        search(&mut app, "驿站");
        app.update(Action::FilterBookmarked);
        assert!(app.view().is_empty());
        assert_eq!(app.status_hint(), Some(Hint::ListEmptyMarks));
        // A search that finds nothing under the marks: the search emptied it.
        app.update(Action::ClearFilters);
        app.update(Action::FilterBookmarked);
        search(&mut app, "xqxq");
        assert!(app.view().is_empty());
        assert!(!app.list_emptied_by_marks());
        assert_eq!(app.status_hint(), Some(Hint::ListEmpty));
    }

    /// The empty list names what `c` clears: the mark filters too (it said "search and
    /// districts" whatever was on, and never the marks, which `c` clears as well).
    #[test]
    fn the_empty_list_names_what_c_clears() {
        let mut app = app(80, 24);
        search(&mut app, "xqxq");
        assert_eq!(
            app.no_articles_text(),
            "没有符合条件的文章（按 c 清除搜索）"
        );
        app.update(Action::ClearFilters);
        search(&mut app, "驿站");
        app.update(Action::FilterBookmarked);
        assert!(app.view().is_empty());
        assert_eq!(
            app.no_articles_text(),
            "没有符合条件的文章（按 c 清除搜索和“只看”筛选）"
        );
        app.update(Action::ClearFilters);
        app.opts.filter = Filter::from(DistrictFilter::parse(&["东城区"]).unwrap());
        app.update(Action::FilterBookmarked);
        assert_eq!(
            app.no_articles_text(),
            "没有符合条件的文章（按 c 清除地区和“只看”筛选）"
        );
        search(&mut app, "驿站");
        assert_eq!(
            app.no_articles_text(),
            "没有符合条件的文章（按 c 清除搜索、地区和“只看”筛选）"
        );
        app.opts.lang = Lang::En;
        assert_eq!(
            app.no_articles_text(),
            "No matching articles (c clears the search, the districts and the “only” filters)"
        );
        app.update(Action::ClearFilters);
        app.opts.filter = Filter::from(DistrictFilter::parse(&["东城区"]).unwrap());
        assert_eq!(
            app.no_articles_text(),
            "No matching articles (c clears the districts)"
        );
        // Nothing on (an empty page): no key is offered, for it would clear nothing.
        app.update(Action::ClearFilters);
        assert_eq!(app.no_articles_text(), "No matching articles");
    }
}
