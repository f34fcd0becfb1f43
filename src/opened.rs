//! Where a command's articles come from: the archive of `--data` through its index, or
//! read whole; and the data's identity in the reading state.

use std::mem::ManuallyDrop;

use crate::collection::Collection;
use crate::error::Result;
use crate::i18n::{self, Lang};
use crate::index::{self, Archive};
use crate::load;
use crate::review::cli::Target;
use crate::review::state::{archive_source, source_of};
use crate::settings::Settings;
use crate::state::SourceId;

/// The archive of `--data` read whole, with the one warning for its undated articles.
/// Never dropped, on purpose: the process ends right after the command and the OS takes
/// the memory back at once, where freeing 100k articles' strings one by one costs ~0.3 s.
///
/// # Errors
/// Data that cannot be read or is not valid.
pub fn load(settings: &Settings) -> Result<ManuallyDrop<Collection>> {
    let (collection, _, undated) = load::load_paths_counted(&settings.data.value)?;
    warn_undated(undated, settings.lang.value);
    Ok(ManuallyDrop::new(collection))
}

/// The one warning for articles kept undated because their date is not a real day.
pub fn warn_undated(count: usize, lang: Lang) {
    if count > 0 {
        eprintln!("kanbao: {}", i18n::undated_warning(lang, count));
    }
}

/// The archive of `--data` through its index (built on first use when large), unless
/// `no_index` (`--no-index`); never dropped, as the process ends with the command
/// (`districts` at 1M: 9.3 → 8.8 ms). Notes (a damaged index rebuilt...) go to stderr.
pub fn indexed(settings: &Settings, no_index: bool) -> Option<ManuallyDrop<Archive>> {
    let lang = settings.lang.value;
    match settings.data.value.as_slice() {
        [one] if !no_index => index::run::open_or_build(one, lang).map(ManuallyDrop::new),
        _ => None,
    }
}

/// The archive of `--data` as a command reads it, opened once: the reading state's key
/// is taken from it too, so that an archive read whole is read once.
pub enum Data {
    /// Through its index: only what the command asks for is read.
    Indexed(ManuallyDrop<Archive>),
    /// Read whole (a small archive, several, or `--no-index`).
    Whole(ManuallyDrop<Collection>),
}

impl Data {
    /// The archive of `--data` through its index (see [`indexed`]), else read whole.
    ///
    /// # Errors
    /// Data that cannot be read or is not valid.
    pub fn open(settings: &Settings, no_index: bool) -> Result<Data> {
        Ok(match indexed(settings, no_index) {
            Some(archive) => Data::Indexed(archive),
            None => Data::Whole(load(settings)?),
        })
    }

    /// The data's identity in the state store: through the index from the hashes of its
    /// ids (no article read), else from the articles read.
    pub fn source(&self, settings: &Settings) -> SourceId {
        match self {
            Data::Indexed(archive) => archive_source(settings, archive),
            Data::Whole(collection) => source_of(settings, collection),
        }
    }
}

/// The data's identity and whether it has the article `id` (`kanbao note`, `kanbao tag`).
///
/// # Errors
/// Data or an index that cannot be read.
pub fn target(settings: &Settings, no_index: bool, id: &str) -> Result<Target> {
    let data = Data::open(settings, no_index)?;
    let exists = match &data {
        Data::Indexed(archive) => archive.contains(id).unwrap_or(false),
        Data::Whole(collection) => collection.position(id).is_some(),
    };
    Ok(Target {
        source: data.source(settings),
        exists,
    })
}
