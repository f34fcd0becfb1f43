//! The reading state for the commands that read marks (`list --bookmarked`, `--tag`,
//! `export --notes`…), and the ids that say which data it belongs to.

use crate::collection::Collection;
use crate::error::{Error, Result};
use crate::index::Archive;
use crate::layout::sanitize_lines;
use crate::settings::{Settings, StatePlace};
use crate::state::{Access, SourceId, StateStore, warning_text};

/// The reading state with the data's key in it: opened read-only, so nothing is locked,
/// written or moved aside. Warnings (a damaged file, left as it is) go to stderr and
/// reading goes on. `source` says which data it is; it is asked only when there is state.
///
/// # Errors
/// Something that is not a state file at the path; what `source` fails with.
pub fn reading_state(
    settings: &Settings,
    source: impl FnOnce() -> Result<SourceId>,
) -> Result<(StateStore, String)> {
    let path = match &settings.state.value {
        StatePlace::Off => return Ok((StateStore::off(settings.state_off()), String::new())),
        StatePlace::File(path) => Some(path.clone()),
        StatePlace::Default => None,
    };
    let (mut store, warnings) =
        StateStore::open_with(path, Access::ReadOnly).map_err(Error::State)?;
    for warning in warnings {
        let text = warning_text(&warning, settings.lang.value);
        eprintln!("kanbao: {}", sanitize_lines(&text));
    }
    let key = store.resolve_source(&source()?);
    Ok((store, key))
}

/// The identity of the loaded data in the state store.
pub fn source_of(settings: &Settings, collection: &Collection) -> SourceId {
    settings.source_id(collection.iter().map(|a| a.id.as_str()))
}

/// The identity of an indexed archive in the state store, from the digest of its ids'
/// hashes it was opened with (no article or index file is read).
pub fn archive_source(settings: &Settings, archive: &Archive) -> SourceId {
    SourceId::of_digest(&settings.data.value, archive.id_digest())
}
