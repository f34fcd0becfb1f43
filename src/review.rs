//! Review marks from the command line (issue 14): a note (审读意见) and free tags (待核实,
//! 已审) on an article, kept in the reading state beside its read mark and bookmark.
//!
//! This module holds what does not depend on where the state lives: cleaning a note,
//! reading `+tag -tag` changes, the tag test every filter uses ([`has_tags`]), and running
//! the user's editor on a note. [`cli`] runs `kanbao note` and `kanbao tag`.

pub mod cli;
pub mod state;
mod text;

use std::io::Write;
use std::path::Path;

use crate::layout::sanitize::is_invisible;
use crate::state::StateStore;

pub use text::review_error_text;

/// The longest note kept, in bytes (a long review comment is a few thousand).
pub const MAX_NOTE_BYTES: usize = 64 * 1024;

/// The longest tag, in characters.
pub const MAX_TAG_CHARS: usize = 40;

/// What went wrong with a note or a tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewError {
    /// `--no-state` (or `state = false` in the config file, as it says): there is nowhere
    /// to keep a note or a tag.
    NoState(crate::state::Off),
    /// The state file is there but cannot be written (a newer kanbao's, or unreadable); the
    /// warning said why.
    StateReadOnly,
    /// A tag change that is not `+tag`, `-tag` or `tag`, or a tag that is blank, holds
    /// white space or a control character, or is too long.
    BadTag {
        /// The argument as given.
        given: String,
    },
    /// A note over [`MAX_NOTE_BYTES`].
    NoteTooLong {
        /// Its size in bytes.
        bytes: usize,
    },
    /// The editor could not be started, or did not end well: the note is unchanged.
    Editor {
        /// The editor's command.
        program: String,
        /// What happened.
        reason: String,
    },
}

/// A note as kept: line ends made `\n`, invisible and control characters other than line
/// breaks removed (tabs become spaces), trailing white space of the whole note trimmed.
///
/// # Errors
/// [`ReviewError::NoteTooLong`] when it is longer than [`MAX_NOTE_BYTES`].
pub fn clean_note(text: &str) -> Result<String, ReviewError> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let cleaned: String = text
        .chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if is_invisible(c) => None,
            c => Some(c),
        })
        .collect();
    let cleaned = cleaned.trim_end().to_owned();
    if cleaned.len() > MAX_NOTE_BYTES {
        return Err(ReviewError::NoteTooLong {
            bytes: cleaned.len(),
        });
    }
    Ok(cleaned)
}

/// A tag as given on the command line or typed in the reader, checked: trimmed, not blank,
/// no white space or invisible characters inside, at most [`MAX_TAG_CHARS`] characters.
///
/// # Errors
/// [`ReviewError::BadTag`] naming what was given.
pub fn check_tag(tag: &str) -> Result<String, ReviewError> {
    let trimmed = tag.trim();
    let bad = trimmed.is_empty()
        || trimmed.chars().count() > MAX_TAG_CHARS
        || trimmed
            .chars()
            .any(|c| c.is_whitespace() || is_invisible(c));
    if bad {
        return Err(ReviewError::BadTag {
            given: tag.to_owned(),
        });
    }
    Ok(trimmed.to_owned())
}

/// `+待核实 -已审 重要`: each tag with `true` to put it on (`+` or no sign) or `false` to take
/// it off (`-`).
///
/// # Errors
/// [`ReviewError::BadTag`] for the first change that names no good tag.
pub fn parse_tag_changes<S: AsRef<str>>(changes: &[S]) -> Result<Vec<(String, bool)>, ReviewError> {
    changes
        .iter()
        .map(|change| {
            let change = change.as_ref();
            let (on, tag) = match change.strip_prefix('+') {
                Some(tag) => (true, tag),
                None => match change.strip_prefix('-') {
                    Some(tag) => (false, tag),
                    None => (true, change),
                },
            };
            let tag = check_tag(tag).map_err(|_| ReviewError::BadTag {
                given: change.to_owned(),
            })?;
            Ok((tag, on))
        })
        .collect()
}

/// Whether the article `id` of the source `key` carries every tag of `tags` (true when
/// `tags` is empty). The one tag test of `list`, `search`, `export` and the reader.
pub fn has_tags<S: AsRef<str>>(store: &StateStore, key: &str, id: &str, tags: &[S]) -> bool {
    if tags.is_empty() {
        return true;
    }
    let Some(entry) = store.entry(key, id) else {
        return false;
    };
    tags.iter().all(|t| entry.has_tag(t.as_ref().trim()))
}

/// The user's editor: `$VISUAL`, else `$EDITOR`, else `vi`.
pub fn editor() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|e| !e.trim().is_empty())
        .unwrap_or_else(|| "vi".to_owned())
}

/// Opens `note` in the user's [`editor`] on a temporary file and returns what it holds when
/// the editor ends well (cleaned, see [`clean_note`]). On Unix the editor's command goes
/// through `sh`, so `EDITOR="code --wait"` works as it does for git.
///
/// # Errors
/// [`ReviewError::Editor`] when the file cannot be made or read, the editor cannot be
/// started or ends badly; [`ReviewError::NoteTooLong`] as [`clean_note`].
pub fn edit_note(note: &str) -> Result<String, ReviewError> {
    let program = editor();
    let failed = |reason: String| ReviewError::Editor {
        program: program.clone(),
        reason,
    };
    let mut file = tempfile::Builder::new()
        .prefix("kanbao-note-")
        .suffix(".txt")
        .tempfile()
        .map_err(|e| failed(e.to_string()))?;
    let mut initial = note.to_owned();
    if !initial.is_empty() {
        initial.push('\n');
    }
    file.write_all(initial.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| failed(e.to_string()))?;
    let status = run_editor(&program, file.path()).map_err(|e| failed(e.to_string()))?;
    if !status.success() {
        return Err(failed(status.to_string()));
    }
    let bytes = std::fs::read(file.path()).map_err(|e| failed(e.to_string()))?;
    if bytes.len() > MAX_NOTE_BYTES * 4 {
        return Err(ReviewError::NoteTooLong { bytes: bytes.len() });
    }
    clean_note(&String::from_utf8_lossy(&bytes))
}

#[cfg(unix)]
fn run_editor(program: &str, path: &Path) -> std::io::Result<std::process::ExitStatus> {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{program} \"$1\""))
        .arg("sh")
        .arg(path)
        .status()
}

#[cfg(not(unix))]
fn run_editor(program: &str, path: &Path) -> std::io::Result<std::process::ExitStatus> {
    std::process::Command::new(program).arg(path).status()
}

/// The ids of source `key` that are bookmarked (when `bookmarked`) and have every one of
/// `tags`: the articles a mark filter keeps, found from the state's few entries.
pub fn marked_ids(store: &StateStore, key: &str, bookmarked: bool, tags: &[String]) -> Vec<String> {
    store
        .source(key)
        .into_iter()
        .flat_map(|s| s.entries())
        .filter(|(_, e)| !bookmarked || e.is_bookmarked())
        .filter(|(_, e)| tags.iter().all(|t| e.has_tag(t.trim())))
        .map(|(id, _)| id.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_is_cleaned_of_what_a_terminal_would_obey() {
        assert_eq!(
            clean_note("第一行\r\n第二\t行\u{1b}[2J\u{202e}  \n\n").unwrap(),
            "第一行\n第二 行[2J"
        );
        assert!(matches!(
            clean_note(&"字".repeat(MAX_NOTE_BYTES)),
            Err(ReviewError::NoteTooLong { .. })
        ));
    }

    #[test]
    fn tag_changes_read_signs() {
        assert_eq!(
            parse_tag_changes(&["+待核实", "-已审", "重要"]).unwrap(),
            [
                ("待核实".to_owned(), true),
                ("已审".to_owned(), false),
                ("重要".to_owned(), true)
            ]
        );
        for bad in ["+", "-", "", "a b", "+\u{1b}x", "-   "] {
            assert_eq!(
                parse_tag_changes(&[bad]),
                Err(ReviewError::BadTag {
                    given: bad.to_owned()
                }),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn has_tags_wants_every_tag() {
        let mut store = StateStore::disabled();
        store.set_tag("k", "1", "待核实", true);
        store.set_tag("k", "1", "重要", true);
        assert!(has_tags::<&str>(&store, "k", "2", &[]));
        assert!(has_tags(&store, "k", "1", &["待核实"]));
        assert!(has_tags(&store, "k", "1", &["待核实", "重要"]));
        assert!(!has_tags(&store, "k", "1", &["待核实", "已审"]));
        assert!(!has_tags(&store, "k", "2", &["待核实"]));
    }
}
