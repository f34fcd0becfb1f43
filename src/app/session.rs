//! Where the reader left the list (issue 14): the search, the district and mark filters and
//! the selected article are kept in the reading state on quit (or on SIGTERM and SIGHUP: the
//! session is staged with the store after each update), and restored on the next
//! start on the same data unless the command line asks for a search or districts of its
//! own, or `--fresh`.

use super::*;
use crate::state::Session;

impl App {
    /// The kept session of this data, when `opts.restore` asks for it: applied to `opts`
    /// (search, districts) before the first search, returned for the rest. A kept search
    /// the command line would refuse (an old or hand-edited state file) is left out, and
    /// `warnings` says so: the reader starts with every article, not a refused query. So is
    /// a kept district that is not one (the filter keeps the others).
    pub(super) fn kept_session(
        store: &StateStore,
        opts: &mut Options,
        warnings: &mut Vec<String>,
    ) -> Option<Session> {
        if !opts.restore {
            return None;
        }
        let session = store.session(&opts.source)?.clone();
        match line_editor::check_kept(&session.query, opts.lang) {
            Ok(_) => opts.query.clone_from(&session.query),
            Err(why) => warnings.push(i18n::kept_search_dropped(opts.lang, &session.query, &why)),
        }
        // A kept district that is none (a hand-edited state file) is left out, and said to
        // be; the others stay. Like a dropped search, nothing is written for it until the
        // list is kept again at quit.
        let (known, unknown): (Vec<&String>, Vec<&String>) = session
            .districts
            .iter()
            .partition(|name| crate::district::parse_district(name).is_ok());
        opts.filter.districts = crate::filter::DistrictFilter::parse(&known).unwrap_or_default();
        if !unknown.is_empty() {
            warnings.push(i18n::kept_districts_dropped(opts.lang, &unknown));
        }
        Some(session)
    }

    /// Applies the rest of a kept session after the first search: the mark filters and
    /// the selected article (when the list already holds it).
    pub(super) fn resume(&mut self, session: Session) {
        self.marks = MarkFilter {
            bookmarked: session.bookmarked,
            unread: session.unread,
            noted: session.noted,
            tag: session.tag,
        };
        self.by_date = session.by_date;
        self.rebuild_view();
        // A search still running selects it when it answers.
        self.restore_pick = session.selected;
        if !self.searching {
            self.select_kept();
        }
    }

    /// Selects the kept session's article, once, if the list holds it.
    pub(super) fn select_kept(&mut self) {
        if let Some(id) = self.restore_pick.take()
            && let Some(place) = self.collection.position(&id)
            && let Some(at) = self.view.iter().position(|&i| i == place)
        {
            self.select(at);
        }
    }

    /// Keeps where the list is, for the next start (on quit).
    pub(super) fn remember_session(&mut self) {
        let session = self.session_now();
        let source = self.opts.source.clone();
        self.store().set_session(&source, session);
    }

    /// Leaves where the list is now with the store, for the signal handler to keep should
    /// SIGTERM or SIGHUP end the reader before `q` does (after each update).
    pub(super) fn stage_session(&mut self) {
        let session = self.session_now();
        let source = self.opts.source.clone();
        self.store().stage_session(&source, session);
    }

    /// Where the list is: the search last kept, the filters, the order and the selection.
    fn session_now(&self) -> Session {
        let districts = self.opts.filter.districts.names(crate::district::UNSTATED);
        let selected = self
            .view
            .get(self.selected)
            .and_then(|&i| self.collection.summary(i))
            .filter(|a| !a.is_stand_in())
            .map(|a| a.id.clone());
        // The search last accepted: while the prompt is open, the one `Esc` would go back
        // to, never the text being typed.
        let query = match &self.mode {
            Mode::Search { before, .. } => before,
            _ => &self.opts.query,
        };
        Session {
            query: query.clone(),
            districts,
            bookmarked: self.marks.bookmarked,
            unread: self.marks.unread,
            noted: self.marks.noted,
            tag: self.marks.tag.clone(),
            by_date: self.by_date,
            selected,
        }
    }
}
