//! Opening the state file: reading it at start, and what is done with one that is missing,
//! damaged, newer, too large or not kanbao's (see the module docs of [`crate::state`],
//! "Trouble").

use std::path::PathBuf;

use super::disk::{self, DiskState};
use super::{
    Access, MAX_BYTES, StateError, StateStore, Warning, default_path, reload, save,
    state_error_text,
};
use crate::i18n;

impl StateStore {
    /// Opens the state file at `path`, or at [`default_path`] when `None`, for reading and
    /// writing; what [`open_with`](Self::open_with) refuses becomes a [`Warning`] and a store
    /// that never saves.
    pub fn open(path: Option<PathBuf>) -> (StateStore, Vec<Warning>) {
        let given = path.clone().or_else(default_path);
        match StateStore::open_with(path, Access::ReadWrite) {
            Ok(opened) => opened,
            Err(e) => {
                let mut store = StateStore::disabled();
                store.not_written();
                store.path = given.clone();
                let warning = Warning::Unreadable {
                    path: given.unwrap_or_default(),
                    reason: state_error_text(&e, i18n::Lang::En),
                };
                (store, vec![warning])
            }
        }
    }

    /// Opens the state file at `path`, or at [`default_path`] when `None`.
    ///
    /// A missing file is empty state. Trouble that leaves the file as it is becomes a
    /// [`Warning`] and reading goes on (see the module docs of [`crate::state`]).
    ///
    /// # Errors
    /// When the path holds something that is not a kanbao state file, or one over
    /// [`MAX_BYTES`], or (for [`Access::Change`]) a damaged one: nothing is read from it,
    /// and it is left as it is.
    pub fn open_with(
        path: Option<PathBuf>,
        access: Access,
    ) -> Result<(StateStore, Vec<Warning>), StateError> {
        let Some(path) = path.or_else(default_path) else {
            let mut store = StateStore::disabled();
            if access != Access::ReadOnly {
                store.not_written();
            }
            return Ok((store, vec![Warning::NoDefaultPath]));
        };
        let mut store = StateStore::disabled();
        store.path = Some(path.clone());
        store.writable = access != Access::ReadOnly;
        let mut warnings = Vec::new();
        let real = match disk::resolve(&path) {
            Ok(real) => real,
            Err(e) => {
                store.not_written();
                let reason = e.to_string();
                return Ok((store, vec![Warning::Unreadable { path, reason }]));
            }
        };
        // Looked at before the read: a save meanwhile is then taken in by the next reload.
        store.seen = reload::Version::of(&real);
        match disk::read(&real) {
            DiskState::Missing => {}
            DiskState::Current(sources) => store.sources = sources,
            DiskState::Newer { version, sources } => {
                store.sources = sources;
                store.not_written();
                warnings.push(Warning::NewerVersion { path, version });
            }
            DiskState::Unreadable(e) => {
                store.not_written();
                warnings.push(Warning::Unreadable {
                    path,
                    reason: e.to_string(),
                });
            }
            DiskState::NotState(found) => return Err(StateError::NotState { path, found }),
            DiskState::TooLarge => {
                return Err(StateError::TooLarge {
                    path,
                    limit: MAX_BYTES,
                });
            }
            DiskState::Damaged(reason) if access == Access::ReadOnly => {
                warnings.push(Warning::Damaged { path, reason });
            }
            DiskState::Damaged(reason) if access == Access::Change => {
                return Err(StateError::Damaged { path, reason });
            }
            DiskState::Damaged(_) => match save::recover(&real) {
                Ok((sources, warning)) => {
                    store.sources = sources;
                    warnings.extend(warning);
                }
                Err(e @ (StateError::NotState { .. } | StateError::TooLarge { .. })) => {
                    return Err(e);
                }
                Err(e) => {
                    store.not_written();
                    let reason = state_error_text(&e, i18n::Lang::En);
                    warnings.push(Warning::Unreadable { path, reason });
                }
            },
        }
        Ok((store, warnings))
    }
}
