//! The report as JSON: a schema-1 document, so that it loads back as data, with the facts
//! the Markdown and plain-text reports print in their heading in a top-level `report`
//! object (the loader ignores it):
//!
//! ```json
//! {
//!   "schema": 1,
//!   "report": {
//!     "title": "审读报告：标签 待核实",
//!     "exported": "2024-12-06",
//!     "data": "paper.json",
//!     "count": 2,
//!     "by_district": [{"district": "西城区", "count": 1}, {"district": null, "count": 1}],
//!     "notes": true
//!   },
//!   "banner": "…",
//!   "articles": [{"id": "3", …, "paragraphs": ["…"], "note": "…", "tags": ["待核实"]}]
//! }
//! ```
//!
//! `title` is the other reports' title (what was chosen, in words, or `--title`);
//! `exported` the date of export; `data` the data's name; `by_district` the contents'
//! counts, most first, `null` for 未注明 (last) as in `districts --json`; `notes` whether the
//! articles carry their `note` and `tags`. The articles are as the data has them: a
//! paragraph's index in `paragraphs` is its number in the other reports less one, unless
//! the data holds empty paragraphs, which those reports neither show nor count.

use serde::Serialize;
use serde_json::Value;

use crate::article::Article;
use crate::collection::Collection;
use crate::error::{Error, Result};
use crate::i18n::Msg;

use super::{Marks, Report, district_counts, review_of};

/// The whole document, its keys in this order.
#[derive(Serialize)]
struct Document<'a> {
    schema: u64,
    report: Heading<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    banner: Option<&'a str>,
    articles: Vec<Value>,
}

/// What the report is: the facts of the other reports' heading.
#[derive(Serialize)]
struct Heading<'a> {
    title: &'a str,
    exported: &'a str,
    data: &'a str,
    count: usize,
    by_district: Vec<DistrictCount>,
    notes: bool,
}

/// One district's count in the contents (`None`: 未注明).
#[derive(Serialize)]
struct DistrictCount {
    district: Option<String>,
    count: usize,
}

/// The report as a schema-1 document with its `report` heading, and `note` and `tags` on
/// the articles that have them when the report includes them.
///
/// # Errors
/// Only an article that does not serialise (kanbao's own fault).
pub fn render(
    collection: &Collection,
    articles: &[&Article],
    marks: Option<Marks<'_>>,
    r: &Report,
) -> Result<String> {
    // Nothing here is written yet (the report goes to `-o FILE` or stdout after): a failure
    // is kanbao's own, not the output's.
    let internal = |e: &dyn std::fmt::Display| Error::Internal(format!("JSON: {e}"));
    let mut list = Vec::with_capacity(articles.len());
    for a in articles {
        let mut value = serde_json::to_value(a).map_err(|e| internal(&e))?;
        let (note, tags) = review_of(a, marks);
        if let Some(object) = value.as_object_mut() {
            if let Some(note) = note {
                object.insert("note".into(), note.into());
            }
            if !tags.is_empty() {
                object.insert("tags".into(), tags.into());
            }
        }
        list.push(value);
    }
    // The loader's districts are the 16 names, never 未注明: that name is only the
    // stand-in for none.
    let unstated = Msg::Unstated.text(r.lang);
    let by_district = district_counts(articles, r.lang)
        .into_iter()
        .map(|(name, count)| DistrictCount {
            district: (name != unstated).then_some(name),
            count,
        })
        .collect();
    let doc = Document {
        schema: crate::load::SCHEMA,
        report: Heading {
            title: &r.title,
            exported: &r.date,
            data: &r.data,
            count: articles.len(),
            by_district,
            notes: r.notes,
        },
        banner: collection.banner(),
        articles: list,
    };
    crate::json::pretty_string(&doc).map_err(Error::Internal)
}
