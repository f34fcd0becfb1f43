//! What makes a parsed article acceptable, objects only, and where problems go.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::article::Article;
use crate::district::DISTRICTS;
use crate::error::{Error, IdFault, Place, Result, shown};
use crate::layout::sanitize::is_invisible;

use super::Document;

/// What a JSON Lines line must be.
const ARTICLE: &str = "an article object {\"id\": …, \"title\": …, \"paragraphs\": […]}";
/// What a file's top level must be.
const DOCUMENT: &str = "a schema-1 object {\"schema\": 1, \"articles\": […]}";

/// A `T` read from a JSON object only: serde's derived structs also take an array of the
/// fields in order, which would accept `[1, "banner", […]]` as a document.
struct ObjectVisitor<T>(&'static str, PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> std::result::Result<T, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map))
    }
}

/// An article that was a JSON object.
pub(super) struct ArticleObject(pub(super) Article);

impl<'de> Deserialize<'de> for ArticleObject {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_map(ObjectVisitor(ARTICLE, PhantomData))
            .map(ArticleObject)
    }
}

/// A document that was a JSON object.
pub(super) struct DocumentObject(pub(super) Document);

impl<'de> Deserialize<'de> for DocumentObject {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_map(ObjectVisitor(DOCUMENT, PhantomData))
            .map(DocumentObject)
    }
}

/// `Document::articles`: a list of article objects.
pub(super) fn article_objects<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Vec<Article>, D::Error> {
    struct Articles;
    impl<'de> Visitor<'de> for Articles {
        type Value = Vec<Article>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of article objects")
        }
        fn visit_seq<A: SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> std::result::Result<Vec<Article>, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
            while let Some(ArticleObject(a)) = seq.next_element()? {
                out.push(a);
            }
            Ok(out)
        }
    }
    d.deserialize_seq(Articles)
}

/// What is wrong with an article that parsed.
pub(super) enum Fault {
    /// Its id is empty or not visible as it is.
    Id(IdFault),
    /// A district that is not one of the 16 (quoted as [`shown`] gives it).
    District(String),
    /// A date that is not a real `YYYY-MM-DD` day (only `kanbao check` reports it).
    Date(String),
}

impl Fault {
    /// The key whose value is wrong, to place the error on a line.
    pub(super) fn key(&self) -> &'static str {
        match self {
            Fault::Id(_) => "\"id\"",
            Fault::District(_) => "\"district",
            Fault::Date(_) => "\"date\"",
        }
    }

    /// The error at `place`.
    pub(super) fn error(self, place: Place) -> Error {
        match self {
            Fault::Id(fault) => Error::BadId { place, fault },
            Fault::District(name) => Error::BadDistrict { place, name },
            Fault::Date(value) => Error::BadDate { place, value },
        }
    }
}

/// The first thing wrong with `article`, if any.
pub(super) fn fault(article: &Article) -> Option<Fault> {
    if article.id.is_empty() {
        return Some(Fault::Id(IdFault::Empty));
    }
    if let Some((n, c)) = article
        .id
        .chars()
        .enumerate()
        .find(|&(_, c)| is_invisible(c))
    {
        return Some(Fault::Id(IdFault::Invisible { c, at: n + 1 }));
    }
    // A title that shows nothing (empty, blanks, zero-width characters, a lone escape) is
    // not a fault: the reader stands (无标题) in for it, as README says, and all such
    // titles are treated alike.
    unknown_district(article).map(|name| Fault::District(shown(name)))
}

/// What makes the loader refuse `article` ([`fault`]), said in a few words for the index
/// builder, which must refuse what the loader refuses: else the indexed path would show an
/// article the loader says is wrong (an empty id, one with a character that does not show).
pub(crate) fn refusal(article: &Article) -> Option<String> {
    fault(article).map(|f| match f {
        Fault::Id(IdFault::Empty) => "empty id".to_string(),
        Fault::Id(IdFault::Invisible { c, at }) => {
            format!(
                "id with U+{:04X} (not visible) as character {at}",
                u32::from(c)
            )
        }
        Fault::District(name) => format!("unknown district {name}"),
        Fault::Date(date) => format!("bad date {date}"),
    })
}

/// The first thing wrong with `article`, counting a bad date as wrong when `dates` (for
/// `kanbao check`; loading keeps such an article undated instead).
pub(super) fn fault_with(article: &Article, dates: bool) -> Option<Fault> {
    fault(article).or_else(|| {
        let date = article.date.as_deref().filter(|d| !d.is_empty())?;
        (dates && crate::date::Date::parse(date).is_none()).then(|| Fault::Date(shown(date)))
    })
}

/// A `district` or `districts` entry of `article` that is not one of the 16 full names:
/// such a value would be shown in lists, the picker and the header, so it is refused.
pub(super) fn unknown_district(article: &Article) -> Option<&str> {
    article
        .district
        .iter()
        .chain(&article.districts)
        .map(String::as_str)
        .find(|name| !DISTRICTS.iter().any(|d| d.name == *name))
}

/// The character column of `key` in a JSON Lines `line`, or 1.
pub(super) fn key_column(line: &str, key: &str) -> usize {
    line.find(key)
        .map_or(1, |at| line[..at].chars().count() + 1)
}

/// Where problems go: loading stops at the first; `kanbao check` keeps up to `limit` and
/// counts the rest.
#[derive(Debug, Default)]
pub(super) struct Problems {
    keep_going: bool,
    limit: usize,
    /// The problems kept, in the order found.
    pub(super) list: Vec<Error>,
    /// How many more there were.
    pub(super) more: usize,
}

impl Problems {
    /// Loading: the first problem is the error.
    pub(super) fn stop() -> Problems {
        Problems::default()
    }

    /// Checking: every problem, the first `limit` kept.
    pub(super) fn keep(limit: usize) -> Problems {
        Problems {
            keep_going: true,
            limit,
            ..Problems::default()
        }
    }

    /// Whether reading goes on past a problem.
    pub(super) fn keep_going(&self) -> bool {
        self.keep_going
    }

    /// How many were found.
    pub(super) fn count(&self) -> usize {
        self.list.len() + self.more
    }

    /// Records `error`; `Err` when loading stops there.
    pub(super) fn add(&mut self, error: Error) -> Result<()> {
        if !self.keep_going {
            return Err(error);
        }
        if self.list.len() < self.limit {
            self.list.push(error);
        } else {
            self.more += 1;
        }
        Ok(())
    }
}
