//! Why a mark made now would not outlive the process: no state file at all (`--no-state`,
//! `state = false`), or one this process does not write (a newer kanbao's, one it cannot
//! read, no home folder for the default). The reader asks before it takes work that would be
//! lost this way (a note, a tag, a bookmark) and refuses it, saying why, as `kanbao note`
//! and `kanbao tag` refuse; read marks and positions, which record what was read rather
//! than what the user made, stay for the session as `--no-state` promises.

use super::StateStore;
use crate::i18n::Lang;

/// Who turned the reading state off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Off {
    /// `--no-state` on the command line.
    Flag,
    /// `state = false` in the config file.
    Config,
}

/// Why changes to a [`StateStore`] would not be kept on disk (see
/// [`StateStore::unkept`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unkept {
    /// The reading state is turned off.
    Off(Off),
    /// There is a state file, but it is not written: the warning at start said why.
    NotWritten,
}

/// What the user would make that the reader refuses when it cannot be kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// A note (审读意见), `a`.
    Note,
    /// A tag, `+`.
    Tag,
    /// A bookmark, `m`.
    Bookmark,
}

/// The status line that refuses `work` because of `unkept`: why, and what to do, short
/// enough for the reader's status bar at 80 columns.
pub fn unkept_text(unkept: Unkept, work: Work, lang: Lang) -> String {
    let what = match (work, lang) {
        (Work::Note, Lang::Zh) => "审读意见",
        (Work::Tag, Lang::Zh) => "标签",
        (Work::Bookmark, Lang::Zh) => "收藏",
        (Work::Note, Lang::En) => "notes",
        (Work::Tag, Lang::En) => "tags",
        (Work::Bookmark, Lang::En) => "bookmarks",
    };
    match (unkept, lang) {
        (Unkept::Off(Off::Flag), Lang::Zh) => {
            format!("--no-state 不保存阅读状态，{what}存不下：去掉它再启动")
        }
        (Unkept::Off(Off::Config), Lang::Zh) => {
            format!("配置文件里 state = false，{what}存不下：改为 true 再启动")
        }
        (Unkept::NotWritten, Lang::Zh) => {
            format!("状态文件不能写入（见启动时的提示），{what}存不下")
        }
        (Unkept::Off(Off::Flag), Lang::En) => {
            format!("no state kept (--no-state): start without it to keep {what}")
        }
        (Unkept::Off(Off::Config), Lang::En) => {
            format!("no state kept (config: state = false): set true to keep {what}")
        }
        (Unkept::NotWritten, Lang::En) => {
            format!("state file not written (see the warning): {what} cannot be kept")
        }
    }
}

impl StateStore {
    /// A store for `--no-state` (or `state = false`, as `how` says): all in memory, never
    /// written, and saying so ([`unkept`](Self::unkept)).
    pub fn off(how: Off) -> StateStore {
        let mut store = StateStore::disabled();
        store.unkept = Some(Unkept::Off(how));
        store
    }

    /// Why a change made now would be lost when the process ends, or `None` when it is
    /// kept (or the store is a test's, all in memory by design: [`disabled`]).
    ///
    /// [`disabled`]: StateStore::disabled
    pub fn unkept(&self) -> Option<Unkept> {
        self.unkept
    }

    /// Marks the store as one whose file is not written (see [`Unkept::NotWritten`]).
    pub(super) fn not_written(&mut self) {
        self.writable = false;
        self.unkept = Some(Unkept::NotWritten);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_turned_off_says_so_and_a_test_store_does_not() {
        assert_eq!(
            StateStore::off(Off::Flag).unkept(),
            Some(Unkept::Off(Off::Flag))
        );
        assert_eq!(
            StateStore::off(Off::Config).unkept(),
            Some(Unkept::Off(Off::Config))
        );
        assert!(!StateStore::off(Off::Flag).saves());
        assert_eq!(StateStore::disabled().unkept(), None);
    }

    #[test]
    fn a_state_file_that_is_not_written_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        std::fs::write(&path, r#"{"version": 99, "sources": {}}"#).unwrap();
        let (store, warnings) = StateStore::open(Some(path));
        assert!(!warnings.is_empty());
        assert_eq!(store.unkept(), Some(Unkept::NotWritten));
        let (store, _) = StateStore::open(Some(dir.path().join("new.json")));
        assert_eq!(store.unkept(), None);
    }
}
