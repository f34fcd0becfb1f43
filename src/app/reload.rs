//! Taking in what another kanbao saved while the reader is open (`kanbao note`, `kanbao tag`,
//! a second reader): the event loop calls [`App::reload_state`] now and then; the store
//! decides whether the file changed and merges it in ([`StateStore::reload_shared`]).

use super::*;

impl App {
    /// Whether the event loop should look at the state file now and then: there is one and
    /// the reader saves to it ([`StateStore::looks`]).
    pub fn watches_state(&self) -> bool {
        self.store().looks()
    }

    /// Takes in the state file if another process changed it since this one last read or
    /// wrote it, this reader's unsaved changes on top. True when something was taken in:
    /// the caller redraws (the list's marks, the note and tags shown, an open tag picker's
    /// ticks and counts). The list is not filtered again, so rows do not move under the
    /// user; a mark filter applies what came in when it is next changed.
    pub fn reload_state(&mut self) -> bool {
        if !StateStore::reload_shared(&self.store) {
            return false;
        }
        let mut mode = std::mem::replace(&mut self.mode, Mode::Normal);
        if let Mode::Tags(picker) = &mut mode {
            self.refresh_tags(picker);
        }
        self.mode = mode;
        true
    }
}
