//! The order of a report's articles (`kanbao export --order`).
//!
//! Without `--order` the report keeps the order it chose them in: `--id` as given, or else
//! the data's. `given` is the order the user gave: that of `--id`, or with `--bookmarked`
//! (and no `--id`) the order the bookmarks were made, oldest first, from the time the state
//! keeps with each bookmark. `date` is newest first, undated articles last, and articles of
//! one day (or undated) in the data's order.

use std::cmp::Reverse;
use std::collections::HashMap;

use crate::article::Article;
use crate::cli::ExportOrder;
use crate::collection::Collection;
use crate::date::date_of;

use super::Marks;

/// What the order depends on besides the articles.
#[derive(Debug, Clone, Copy)]
pub struct Asked {
    /// `--order`, if given.
    pub order: Option<ExportOrder>,
    /// Whether `--id` chose the articles (their order is then the one given).
    pub by_id: bool,
    /// Whether `--bookmarked` chose them.
    pub bookmarked: bool,
}

/// Puts `articles` (chosen from `collection`) in the order `asked` for; `marks` give the
/// bookmarks' times.
pub fn arrange(
    articles: &mut [&Article],
    collection: &Collection,
    asked: Asked,
    marks: Option<Marks<'_>>,
) {
    match asked.order {
        None => {}
        Some(ExportOrder::Given) => {
            if asked.by_id || !asked.bookmarked {
                return;
            }
            let Some((store, key)) = marks else { return };
            let source = store.source(key);
            // Stable: bookmarks of one instant keep the data's order; an article with no
            // bookmark time (none can pass --bookmarked) would go last.
            articles.sort_by_key(|a| {
                source
                    .and_then(|s| s.entry(&a.id))
                    .and_then(|e| e.bookmarked.as_ref())
                    .map_or(u64::MAX, |s| s.at)
            });
        }
        Some(ExportOrder::Date) => {
            let place: HashMap<&str, usize> = collection
                .iter()
                .enumerate()
                .map(|(i, a)| (a.id.as_str(), i))
                .collect();
            articles.sort_by_key(|a| {
                (
                    Reverse(date_of(a.date.as_deref())),
                    place.get(a.id.as_str()).copied().unwrap_or(usize::MAX),
                )
            });
        }
    }
}
