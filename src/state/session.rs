//! Where the reader left its list (the search, the filters, the selected article), kept per
//! source for the next start ([`StateStore::set_session`]); and the session the reader
//! would keep if it ended now, held for the signal handler and the panic hook: SIGTERM and
//! SIGHUP end the process from another thread, which cannot ask the reader where its list
//! is, and a panic leaves the reader half changed, so the reader leaves it here after each
//! whole update.

use super::model::{self, Stamped};
use super::{Session, StateStore, now_ms};

impl StateStore {
    /// Where the reader left the list of `source`, if it was kept.
    pub fn session(&self, source: &str) -> Option<&Session> {
        self.source(source)
            .and_then(|s| s.session.as_ref())
            .map(|s| &s.value)
    }

    /// Keeps where the reader left the list of `source`, for the next start.
    pub fn set_session(&mut self, source: &str, session: Session) {
        let target = self.sources.entry(source.to_owned()).or_default();
        if target.session.as_ref().is_some_and(|s| s.value == session) {
            return;
        }
        let previous = target.session.as_ref().map_or(0, |s| s.at);
        let stamped = Stamped {
            value: session,
            at: model::stamp(previous, now_ms()),
        };
        target.session = Some(stamped.clone());
        if let Some(hint) = self.hints.get(source).cloned() {
            target.path = Some(hint);
        }
        if self.writable {
            let pending = self.pending.entry(source.to_owned()).or_default();
            pending.session = Some(stamped);
            pending.path.clone_from(&target.path);
        }
    }

    /// Holds `session` as where the reader's list of `source` is now. It is not a change:
    /// nothing is unsaved for it, and no save writes it, until
    /// [`keep_staged_session`](Self::keep_staged_session) keeps it (at the reader's end by a
    /// signal or a panic, as `q` keeps the session with [`set_session`](Self::set_session)).
    pub fn stage_session(&mut self, source: &str, session: Session) {
        match &mut self.staged {
            Some((staged_source, staged)) if staged_source == source => *staged = session,
            staged => *staged = Some((source.to_owned(), session)),
        }
    }

    /// Keeps the session last held by [`stage_session`](Self::stage_session), as
    /// [`set_session`](Self::set_session) keeps one; nothing when none is held. True when
    /// one was held.
    pub fn keep_staged_session(&mut self) -> bool {
        match self.staged.take() {
            Some((source, session)) => {
                self.set_session(&source, session);
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(query: &str) -> Session {
        Session {
            query: query.to_owned(),
            ..Session::default()
        }
    }

    #[test]
    fn a_staged_session_is_no_change_until_it_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, _) = StateStore::open(Some(dir.path().join("state.json")));
        store.stage_session("builtin", session("工会"));
        store.stage_session("builtin", session("kind:photo"));
        assert!(!store.dirty(), "staging changes nothing to save");
        assert_eq!(store.session("builtin"), None);
        assert!(store.keep_staged_session());
        assert!(store.dirty());
        assert_eq!(store.session("builtin"), Some(&session("kind:photo")));
        store.set_session("builtin", session("工会"));
        assert!(!store.keep_staged_session());
        assert_eq!(
            store.session("builtin"),
            Some(&session("工会")),
            "kept once only"
        );
    }
}
