//! The rows of `kanbao search`'s text output for matches the index has checked (every
//! term and operator answered, hits counted): each article's JSON is read only for what a
//! row shows, with its strings borrowed where they hold no escape, and the rows are made
//! on all cores. The same rows as [`crate::commands::write_found`] makes from whole
//! articles, at about half the cost an article.

use std::borrow::Cow;

use serde::Deserialize;

use super::super::Archive;
use super::super::open::{Match, Unread};
use crate::commands::{SearchOutput, SearchRow, search_line};
use crate::error::Result;
use crate::search::{Query, snippet_text_of};

/// What a row shows of an article (the rest of its JSON is skipped).
#[derive(Deserialize)]
struct Shown<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    title: Cow<'a, str>,
    #[serde(borrow, default)]
    district: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    date: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    byline: Option<Cow<'a, str>>,
    #[serde(borrow)]
    paragraphs: Vec<Cow<'a, str>>,
}

/// The text rows of `found` (checked matches, in their order).
///
/// # Errors
/// A data file that cannot be read, or that changed since it was indexed (the place of
/// the JSON that no longer parses).
pub(super) fn checked_lines(
    archive: &Archive,
    found: &[Match],
    query: &Query,
    how: SearchOutput,
) -> Result<Vec<String>> {
    let lines = archive.read_each_match(found, |m, text| {
        let a: Shown<'_> = serde_json::from_str(text)
            .map_err(|e| Unread::Changed(archive.changed_since_indexed(m, text, &e)))?;
        let snippet = snippet_text_of(
            &a.paragraphs,
            a.byline.as_deref(),
            &a.title,
            query,
            how.width,
        );
        let row = SearchRow {
            id: &a.id,
            title: &a.title,
            district: a.district.as_deref(),
            hits: m.hits(),
            snippet,
            // A date that is not a day is shown as none, as the loader keeps it.
            date: a.date.as_deref(),
        };
        Ok::<_, Unread>(search_line(&row, how.lang))
    });
    Ok(lines?)
}
