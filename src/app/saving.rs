//! Saving the reading state from the reader: in the background while reading, on this thread
//! when the reader ends, and the question asked when the marks could not be saved.

use crate::i18n::Msg;
use crate::state::{SaveHandle, StateError, StateStore};

use super::App;

/// The reader's saving state.
#[derive(Debug, Default)]
pub(super) struct Saving {
    /// The background save under way.
    running: Option<SaveHandle>,
    /// The last save's failure, for the status bar, until a save succeeds.
    pub(super) error: Option<String>,
    /// Asked when the user quit and the marks could not be saved.
    pub(super) question: Option<String>,
    /// Said in the question's place until the next key (why `Ctrl-Z` did not suspend);
    /// the question's keys answer it meanwhile.
    pub(super) aside: Option<String>,
    /// The user chose to quit without the marks.
    quit_anyway: bool,
}

pub use crate::keys::QuitAnswer;

impl App {
    /// Writes the reading state now, on this thread, if it changed (after the background
    /// save under way, if any). A failure, or a warning the save raised (a state file gone
    /// bad meanwhile and moved aside), becomes the status message.
    pub fn save(&mut self) {
        // Reported in the status bar.
        let _ = self.save_now();
    }

    /// Starts writing the reading state in the background, if it changed and no save is
    /// under way (then the changes wait for the next call). Keys are handled meanwhile; the
    /// event loop collects the result with [`poll_save`](Self::poll_save).
    pub fn start_save(&mut self) {
        if self.saving.running.is_some() {
            return;
        }
        self.unsaved = false;
        self.saving.running = StateStore::spawn_save(&self.store);
    }

    /// True while a background save runs.
    pub fn is_saving(&self) -> bool {
        self.saving.running.is_some()
    }

    /// Takes the result of a background save that has ended: a failure, or a warning the
    /// save raised (a state file gone bad meanwhile and moved aside), becomes the status
    /// message. True when a save had ended.
    pub fn poll_save(&mut self) -> bool {
        if !self
            .saving
            .running
            .as_ref()
            .is_some_and(SaveHandle::is_finished)
        {
            return false;
        }
        if let Some(running) = self.saving.running.take() {
            let result = running.wait();
            self.report_save(result.as_ref().err());
        }
        true
    }

    /// Saves what is unsaved now, on this thread, after the background save under way (if
    /// any) has ended. For the reader's end.
    ///
    /// # Errors
    /// As [`StateStore::save`]: the marks not on disk are then still in the store.
    pub fn save_now(&mut self) -> Result<(), StateError> {
        if let Some(running) = self.saving.running.take() {
            // Its failure is retried just below.
            let _ = running.wait();
        }
        self.unsaved = false;
        let result = self.store().save_if_dirty();
        self.report_save(result.as_ref().err());
        result
    }

    /// The reader's end, however the event loop ended: after `q`, or when the terminal
    /// could not be read any more (an SSH session dropped before its SIGHUP came). Keeps
    /// where the list is, as `q` keeps it (after `q`, the same again: no change), and saves
    /// what is unsaved, on this thread; when the user chose to quit without the marks, this
    /// is one more try.
    ///
    /// # Errors
    /// As [`save_now`](Self::save_now): the marks not on disk are then still in the store.
    pub fn end(&mut self) -> Result<(), StateError> {
        self.remember_session();
        self.save_now()
    }

    /// Called by the event loop when the user asked to leave: saves what is unsaved. True
    /// when the reader may end; false when the save failed: the reader then goes on,
    /// asking the user to retry or to quit anyway ([`QuitAnswer`]).
    pub fn may_quit(&mut self) -> bool {
        if self.saving.quit_anyway {
            return true;
        }
        match self.save_now() {
            Ok(()) => true,
            Err(e) => {
                self.quit = false;
                self.saving.question = Some(crate::state::quit_unsaved(
                    &e,
                    &self.unsaved(),
                    &crate::keys::quit_hints(self.opts.lang),
                    self.opts.lang,
                ));
                false
            }
        }
    }

    /// What is not saved yet, by kind (see [`StateStore::unsaved`]): after a failed save,
    /// what quitting now would lose.
    pub fn unsaved(&self) -> crate::state::Unsaved {
        self.store().unsaved()
    }

    /// The question asked after a quit whose save failed, while it waits for an answer;
    /// the event loop then gives the keys to [`answer_quit`](Self::answer_quit).
    pub fn quit_question(&self) -> Option<&str> {
        self.saving.question.as_deref()
    }

    /// Acts on the answer to the [`quit_question`](Self::quit_question).
    pub fn answer_quit(&mut self, answer: QuitAnswer) {
        self.saving.question = None;
        self.saving.aside = None;
        match answer {
            // The loop saves again before it lets the reader end.
            QuitAnswer::Retry => self.quit = true,
            QuitAnswer::QuitAnyway => {
                self.saving.quit_anyway = true;
                self.quit = true;
            }
            QuitAnswer::Back => {}
        }
    }

    fn report_save(&mut self, error: Option<&StateError>) {
        let warnings = self.store().take_warnings();
        let lang = self.opts.lang;
        let messages: Vec<String> = warnings
            .iter()
            .map(|w| {
                let text = crate::state::warning_text(w, lang);
                format!("{}{text}", self.msg(Msg::StateWarning))
            })
            .collect();
        self.saving.error = error.map(|e| crate::state::save_failed_status(e, lang));
        if !messages.is_empty() {
            self.status = Some(messages.join("; "));
        } else if self.saving.error.is_some() {
            // The failure takes the bar from a passing message ("已收藏…").
            self.status = None;
        }
    }
}
