//! What the app hears of `Ctrl-Z`, which the terminal layer carries out: only that it could
//! not be done.

use super::*;

impl App {
    /// `Ctrl-Z` could not suspend the reader (no shell with job control to bring it back):
    /// the status line says so, until the next key. At the question asked at quit
    /// ([`quit_question`](Self::quit_question)) it is said in the question's place, which
    /// the next key brings back ([`key_at_question`](Self::key_at_question)); the
    /// question's keys answer it meanwhile.
    pub fn say_not_suspended(&mut self) {
        let why = crate::i18n::not_suspended(self.opts.lang).to_string();
        if self.saving.question.is_some() {
            self.saving.aside = Some(why);
        } else {
            self.status = Some(why);
        }
    }

    /// A key that does not answer the question asked at quit: whatever was said in its
    /// place goes, and the question is in view again. True when that changed the screen.
    pub fn key_at_question(&mut self) -> bool {
        self.saving.aside.take().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::StateStore;

    /// At the question asked when the marks could not be saved at quit, why `Ctrl-Z` did
    /// nothing is said in the question's place until the next key (it was hidden behind
    /// the question, and `Ctrl-Z` there was not even tried).
    #[test]
    fn at_the_quit_question_why_shows_until_the_next_key() {
        let opts = Options {
            source: "test".into(),
            ..Options::default()
        };
        let mut app = App::new(
            Collection::default(),
            StateStore::disabled(),
            Vec::new(),
            opts,
        );
        let why = crate::i18n::not_suspended(Lang::Zh);
        app.say_not_suspended();
        assert_eq!(app.status(), Some(why));
        app.status = None;
        app.saving.question = Some("阅读记录未保存 — r 重试".into());
        app.say_not_suspended();
        assert_eq!(app.status(), Some(why));
        assert_eq!(app.quit_question(), Some("阅读记录未保存 — r 重试"));
        assert!(app.key_at_question());
        assert_eq!(app.status(), Some("阅读记录未保存 — r 重试"));
        assert!(!app.key_at_question());
        // An answer takes it away too.
        app.say_not_suspended();
        app.answer_quit(QuitAnswer::Back);
        assert_eq!(app.status(), None);
    }
}
