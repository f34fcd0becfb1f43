//! What goes into the App (how the reader starts) and what comes out of an update.

use super::*;

/// How the reader starts.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Interface language.
    pub lang: Lang,
    /// Width of East Asian Ambiguous characters.
    pub ambiguous: AmbiguousWidth,
    /// The filter to start with (districts, dates).
    pub filter: Filter,
    /// The search to start with.
    pub query: String,
    /// The data source's key in the state store.
    pub source: String,
    /// Whether the mouse is captured (`--mouse`): the help then says what it does.
    pub mouse: bool,
    /// How the terminal draws emoji sequences (whole only in grapheme cluster mode).
    pub clusters: Clusters,
    /// Start where the reader left this data's list (its kept search, filters and
    /// selection) instead of with `query` and `filter` (not with `--fresh`).
    pub restore: bool,
    /// The data's paths (none: the bundled page), named in a report `E` writes.
    pub data: Vec<std::path::PathBuf>,
    /// Where `E` writes its report (none: the current folder).
    pub report_dir: Option<std::path::PathBuf>,
}

/// What the event loop must do after an [`App::update`].
#[derive(Debug, Default)]
pub struct Effects {
    /// A background search to start (large collections; small ones are searched inside
    /// `update`). A later update may supersede it: the loop starts a request only while its
    /// generation is still [`App::search_generation`].
    pub search: Option<SearchRequest>,
    /// Every cell must be drawn afresh before the next frame (`Ctrl-L`), not as a diff
    /// against the last one: a terminal that disagrees about an emoji's width, or a noisy
    /// SSH line, can leave stale cells that a diff would never touch.
    pub repaint: bool,
}
