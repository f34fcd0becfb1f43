//! What the app hears of `Ctrl-Z`, which the terminal layer carries out: only that it could
//! not be done.

use super::*;

impl App {
    /// `Ctrl-Z` could not suspend the reader (no shell with job control to bring it back):
    /// the status line says so, until the next key.
    pub fn say_not_suspended(&mut self) {
        self.status = Some(crate::i18n::not_suspended(self.opts.lang).to_string());
    }
}
