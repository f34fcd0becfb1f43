//! What `kanbao import` refuses, and its words (kept apart from the command so that
//! `crate::error` can name it without depending on the importer).

use std::path::{Path, PathBuf};

use super::text;
use crate::i18n::Lang;

/// What `kanbao import` refuses, beyond the errors of reading a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// `--date` is not a real `YYYY-MM-DD` day.
    BadDateOption(String),
    /// A masthead names a day that does not exist (and no `--date` was given).
    BadMastheadDay {
        /// The page.
        page: PathBuf,
        /// 1-based line of the masthead.
        line: usize,
        /// 1-based column (characters) of the date.
        column: usize,
        /// The date as written.
        day: String,
    },
    /// Several pages and no `-o`.
    SeveralNeedFolder(usize),
    /// `-o` is not a folder while pages go into one.
    NotAFolder(PathBuf),
    /// A page going into a folder has no day to name its file by.
    NoDate(PathBuf),
    /// Two pages of one import have the same day and page.
    SamePage {
        /// The first page.
        first: PathBuf,
        /// The second page.
        second: PathBuf,
        /// The file both would be.
        name: String,
    },
    /// A file in the folder that is not kanbao's import of the same page.
    NotOurs(PathBuf),
}

/// The words of an [`ImportError`].
pub fn import_error_text(error: &ImportError, lang: Lang) -> String {
    let shown = |p: &Path| p.display().to_string();
    match error {
        ImportError::BadDateOption(v) => text::bad_date_option(lang, v),
        ImportError::BadMastheadDay {
            page,
            line,
            column,
            day,
        } => text::bad_masthead_day(lang, &format!("{}:{line}:{column}", page.display()), day),
        ImportError::SeveralNeedFolder(n) => text::several_need_folder(lang, *n),
        ImportError::NotAFolder(p) => text::not_a_folder(lang, &shown(p)),
        ImportError::NoDate(p) => text::no_date(lang, &shown(p)),
        ImportError::SamePage {
            first,
            second,
            name,
        } => text::same_page(lang, &shown(first), &shown(second), name),
        ImportError::NotOurs(p) => text::not_ours(lang, &shown(p)),
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&import_error_text(self, Lang::En))
    }
}

impl std::error::Error for ImportError {}
