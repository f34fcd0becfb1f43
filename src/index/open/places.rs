//! What the reader asks of an opened archive by place (its articles' places in the
//! collection order): the place of an id, of a ranked match, each place's district and
//! day, and the digest of every id.

use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::schema::Value;
use tantivy::{DocAddress, DocSet, TERMINATED, TantivyDocument, Term as TTerm};

use super::{Archive, Match, engine};
use crate::date::Date;
use crate::district::DISTRICTS;
use crate::index::schema;

/// The district code of an article that names none (see [`Archive::district_codes`]).
pub const NO_DISTRICT: u8 = u8::MAX;

impl Archive {
    /// The file and document of the article with this id, if any: a lookup of its term
    /// ([`schema::id_term`]), the stored id checked when the id is too long to be a term.
    pub(super) fn doc_of(&self, id: &str) -> Result<Option<(usize, DocAddress)>, String> {
        let key = schema::id_term(id);
        for (fi, file) in self.files.iter().enumerate() {
            let term = TTerm::from_field_text(file.fields.id, key);
            let q = TermQuery::new(term, IndexRecordOption::Basic);
            let found = file.searcher.search(&q, &DocSetCollector).map_err(engine)?;
            for addr in found {
                if key.len() == id.len() {
                    return Ok(Some((fi, addr)));
                }
                let doc: TantivyDocument = file.searcher.doc(addr).map_err(engine)?;
                let stored = doc.get_first(file.fields.id).and_then(|v| v.as_str());
                if stored == Some(id) {
                    return Ok(Some((fi, addr)));
                }
            }
        }
        Ok(None)
    }

    /// The place of the article with this id, if any.
    pub fn place_of(&self, id: &str) -> Result<Option<u32>, String> {
        let Some((fi, addr)) = self.doc_of(id)? else {
            return Ok(None);
        };
        let positions = &self.ord()?.positions;
        Ok(Some(
            positions[fi][addr.segment_ord as usize][addr.doc_id as usize],
        ))
    }

    /// Whether an article has this id (no collection order needed).
    pub fn contains(&self, id: &str) -> Result<bool, String> {
        Ok(self.doc_of(id)?.is_some())
    }

    /// The places of these matches, in their order.
    pub fn places_of(&self, found: &[Match]) -> Result<Vec<u32>, String> {
        let positions = &self.ord()?.positions;
        Ok(found
            .iter()
            .map(|m| {
                let (fi, si, doc) = m.doc;
                positions[fi][si][doc as usize]
            })
            .collect())
    }

    /// Each place's primary district, as its position in [`DISTRICTS`] ([`NO_DISTRICT`]
    /// when the article names none), from the postings of the district field.
    pub fn district_codes(&self) -> Result<Vec<u8>, String> {
        let positions = &self.ord()?.positions;
        let mut codes = vec![NO_DISTRICT; self.len()];
        for (fi, file) in self.files.iter().enumerate() {
            for (si, seg) in file.searcher.segment_readers().iter().enumerate() {
                let inverted = seg.inverted_index(file.fields.district).map_err(engine)?;
                for (code, d) in DISTRICTS.iter().enumerate() {
                    let term = TTerm::from_field_text(file.fields.district, d.name);
                    let Some(mut post) = inverted
                        .read_postings(&term, IndexRecordOption::Basic)
                        .map_err(engine)?
                    else {
                        continue;
                    };
                    let mut doc = post.doc();
                    while doc != TERMINATED {
                        if let Some(place) = positions[fi][si].get(doc as usize)
                            && let Some(slot) = codes.get_mut(*place as usize)
                        {
                            *slot = code as u8;
                        }
                        doc = post.advance();
                    }
                }
            }
        }
        Ok(codes)
    }

    /// Each place's day (made with the collection order).
    pub fn dates(&self) -> Result<&[Option<Date>], String> {
        Ok(&self.ord()?.dates)
    }

    /// The order-free digest of every article id (see `crate::state::digest`), the reading
    /// state's key for the archive. Given when the archive was opened ([`Archive::new`]),
    /// from the hashes each file's index keeps: it cannot fail, and no article or index
    /// file is read for it.
    pub fn id_digest(&self) -> (u64, u64) {
        self.digest
    }
}
