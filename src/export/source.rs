//! Where `kanbao export` reads its articles from: through the archive's index when it has
//! one, reading only the articles its conditions allow (the ids, the search's candidates,
//! the marked ids, the dates), else the archive loaded whole; and the reading state that its
//! marks and notes need.

use std::mem::ManuallyDrop;

use crate::cli::ExportArgs;
use crate::collection::Collection;
use crate::error::Result;
use crate::filter::{Filter, Keep};
use crate::index::Archive;
use crate::index::run::{ExportAsk, MOST_EXPORTED_BYTES, export_collection};
use crate::review::marked_ids;
use crate::review::state::{archive_source, reading_state, source_of};
use crate::search::Query;
use crate::settings::Settings;

/// The articles to choose from, and what the command line's filter keeps (with the reading
/// state and the data's key in it when the filter or `--notes` asks for it). `archive` is
/// the data through its index, if it has one: only what the filter and the search choose is
/// read ([`export_collection`], at most [`MOST_EXPORTED_BYTES`] of data); `load` reads it
/// whole otherwise. The collection is never freed (the process ends soon).
///
/// # Errors
/// Data, an index or a reading state that cannot be read; a choice too large to export.
pub fn articles_and_marks(
    settings: &Settings,
    args: &ExportArgs,
    filter: Filter,
    query: Option<&Query>,
    archive: Option<Archive>,
    load: impl FnOnce() -> Result<ManuallyDrop<Collection>>,
) -> Result<(ManuallyDrop<Collection>, Keep)> {
    let loaded = match &archive {
        Some(_) => None,
        None => Some(load()?),
    };
    let marks = if filter.needs_marks() || args.notes {
        Some(reading_state(settings, || match (&archive, &loaded) {
            (Some(archive), _) => Ok(archive_source(settings, archive)),
            (None, Some(collection)) => Ok(source_of(settings, collection)),
            (None, None) => Ok(source_of(settings, &Collection::default())),
        })?)
    } else {
        None
    };
    let keep = Keep { filter, marks };
    let collection = match (archive, loaded) {
        (Some(archive), _) => {
            let filter = &keep.filter;
            let marked = keep
                .marks
                .as_ref()
                .filter(|_| filter.bookmarked || !filter.tags.is_empty())
                .map(|(store, key)| marked_ids(store, key, filter.bookmarked, &filter.tags));
            let ask = ExportAsk {
                ids: &args.id,
                query,
                dates: filter.dates,
                marked,
                keep: &|a| keep.keeps(a),
                most_bytes: MOST_EXPORTED_BYTES,
            };
            ManuallyDrop::new(export_collection(&archive, &ask)?)
        }
        (None, collection) => collection.unwrap_or_default(),
    };
    Ok((collection, keep))
}
