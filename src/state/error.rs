//! What can go wrong with the state file: warnings (reading goes on) and save errors.

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::i18n::{self, Lang};

/// Something the user should hear about once; kanbao goes on reading either way.
#[derive(Debug)]
pub enum Warning {
    /// The file was not a state file kanbao can read; it was moved aside and state starts empty.
    MovedAside {
        /// The state file.
        path: PathBuf,
        /// Where the bad file went (`state.json.bad-<unix seconds>`).
        moved_to: PathBuf,
        /// What was wrong with it.
        reason: String,
    },
    /// The file could not be read or moved aside; marks are kept in memory and not saved.
    Unreadable {
        /// The state file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// The file was written by a newer kanbao; it is read but never overwritten.
    NewerVersion {
        /// The state file.
        path: PathBuf,
        /// The version found in it.
        version: u32,
    },
    /// No state folder could be found for this platform; marks are not saved.
    NoDefaultPath,
    /// A damaged kanbao state file found by a command that only reads: left as it is (the
    /// reader moves it aside when it next starts), and no marks are read from it.
    Damaged {
        /// The state file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
}

/// What was found at a state path that holds no kanbao state file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotState {
    /// A folder.
    Folder,
    /// A character or block device (`/dev/null`, `/dev/zero`).
    Device,
    /// A named pipe.
    Fifo,
    /// A socket or another kind of special file.
    Special,
    /// An empty file (or one of white space only).
    Empty,
    /// A file whose content is not a kanbao state file (other JSON, text, binary).
    Content,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&super::warning_text(self, Lang::En))
    }
}

/// Why a save failed. The file on disk is then the old one, whole.
#[derive(Debug)]
pub enum StateError {
    /// A file operation failed.
    Io {
        /// What kanbao was doing, e.g. `write`.
        action: &'static str,
        /// The file or folder it was doing it to.
        path: PathBuf,
        /// The error from the system.
        source: io::Error,
    },
    /// Another kanbao kept the lock file locked for too long.
    Locked {
        /// The lock file.
        lock: PathBuf,
    },
    /// The file on disk was written by a newer kanbao meanwhile; this one no longer saves.
    NewerVersion {
        /// The state file.
        path: PathBuf,
        /// The version found in it.
        version: u32,
    },
    /// The state could not be turned into JSON.
    Encode(serde_json::Error),
    /// The path holds something that is not a kanbao state file; it was left as it is.
    NotState {
        /// The path given (or the default one).
        path: PathBuf,
        /// What is there.
        found: NotState,
    },
    /// A damaged kanbao state file found by a command that would change it (`kanbao tag`,
    /// `kanbao note`): it was left as it is, byte for byte; only the reader moves one aside.
    Damaged {
        /// The state file.
        path: PathBuf,
        /// What is wrong with it and where (`line 16 column 12`, `byte 300`).
        reason: String,
    },
    /// The state file is larger than kanbao reads; it was left as it is.
    TooLarge {
        /// The state file.
        path: PathBuf,
        /// The most kanbao reads, in bytes.
        limit: u64,
    },
}

impl fmt::Display for StateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StateError::NotState { .. }
            | StateError::TooLarge { .. }
            | StateError::Damaged { .. } => f.write_str(&super::state_error_text(self, Lang::En)),
            _ => write!(
                f,
                "{}{}",
                i18n::Msg::SaveFailed.text(Lang::En),
                super::state_error_text(self, Lang::En)
            ),
        }
    }
}

impl std::error::Error for StateError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StateError::Io { source, .. } => Some(source),
            StateError::Encode(e) => Some(e),
            StateError::Locked { .. }
            | StateError::NewerVersion { .. }
            | StateError::NotState { .. }
            | StateError::Damaged { .. }
            | StateError::TooLarge { .. } => None,
        }
    }
}

/// Attaches what and where to an I/O error.
pub(crate) fn io_err(
    action: &'static str,
    path: impl Into<PathBuf>,
) -> impl FnOnce(io::Error) -> StateError {
    let path = path.into();
    move |source| StateError::Io {
        action,
        path,
        source,
    }
}
