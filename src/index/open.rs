//! An opened archive: the indexes of its files, in collection order.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock, PoisonError};

use tantivy::collector::DocSetCollector;
use tantivy::schema::Value;
use tantivy::{DocAddress, Index, Searcher, TantivyDocument, Term as TTerm};

mod best;
mod changed;
mod counter;
mod cursor;
mod dates;
mod gapped;
mod joined;
mod letter;
mod literal;
mod ops;
mod order;
mod paired;
mod places;
mod positioned;
mod ranked;
mod read;
mod shared;
mod spelled;
mod verify;
mod walk;

pub use changed::Unread;
pub use ops::{Narrowed, exact_ops, narrows_exactly};
pub use places::NO_DISTRICT;
pub use ranked::{Match, Rank};
pub use verify::BLOCK;

use super::cache::{IDS, Meta};
use super::query;
use super::schema::{self, Fields};
use crate::article::{Article, Kind};
use crate::date::{Date, DateRange};
use crate::district::DistrictKey;
use crate::search::Query;

/// The index of one data file, open.
pub struct FileIndex {
    /// The data file.
    pub path: PathBuf,
    /// Its sidecar.
    pub meta: Meta,
    searcher: Searcher,
    fields: Fields,
}

/// Where an article is: its file (index in `Archive::files`) and its tantivy address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Slot {
    /// The file.
    pub file: u32,
    /// The document.
    pub addr: DocAddress,
}

/// The indexes of every file of an archive, and the collection order over all of them,
/// made when first needed: `show`, `districts` and a search that finds nothing never pay
/// for it (about 200 ms at a million articles). An order that could not be made is made
/// again at a need after [`Archive::retry_order`]: the failure is not the answer for good.
pub struct Archive {
    files: Vec<FileIndex>,
    /// How many articles there are.
    count: usize,
    /// The collection order, once made.
    order: OnceLock<Order>,
    /// Held while the order is made: made once, by whoever needs it first, the others
    /// waiting for it.
    making: Mutex<()>,
    /// Why the order could not be made when it was last tried, until
    /// [`Archive::retry_order`]: the needs meanwhile have their answer at once, not a try
    /// each (a list's rows, a million days).
    failed: Mutex<Option<String>>,
    /// The first places of the order, found without making it (see [`Archive::head`]).
    head: OnceLock<Vec<Slot>>,
    /// The archive's path (file or folder), for reading it whole.
    path: Option<PathBuf>,
    /// The digest of every id (see [`Archive::id_digest`]).
    digest: (u64, u64),
}

/// The collection order of an archive and what goes with each place in it.
struct Order {
    /// Every article in collection order: newest day first, then file and line order.
    order: Vec<Slot>,
    /// `positions[file][segment][doc]`: the article's place in `order`.
    positions: Vec<Vec<Vec<u32>>>,
    /// Byte offset and length of each article's JSON in its file, by place in `order`.
    ranges: Vec<(u64, u64)>,
    /// Each article's day, by place in `order` (from the date fast fields).
    dates: Vec<Option<Date>>,
}

/// The day a date key of the fast fields stands for (see `build::date_key`).
fn date_of_key((hi, lo, len): (u64, u64, u64)) -> Option<Date> {
    if len != 11 {
        return None;
    }
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&hi.to_be_bytes());
    bytes[8..].copy_from_slice(&lo.to_be_bytes());
    std::str::from_utf8(&bytes[..10]).ok().and_then(Date::parse)
}

fn engine(e: impl std::fmt::Display) -> String {
    e.to_string()
}

impl FileIndex {
    /// Opens the checked index folder `dir` of `path`.
    pub fn open(dir: &Path, path: &Path, meta: Meta) -> Result<FileIndex, String> {
        let index = Index::open_in_dir(dir).map_err(engine)?;
        let (_, fields) = schema::schema();
        if index.schema() != schema::schema().0 {
            return Err("foreign schema".into());
        }
        // Never reloaded: the default policy starts a thread per index that watches (and
        // hashes) `meta.json`, paid by every command at every file of an archive.
        let reader = index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()
            .map_err(engine)?;
        let searcher = reader.searcher();
        if searcher.num_docs() != meta.articles {
            return Err(format!(
                "{} articles indexed, {} expected",
                searcher.num_docs(),
                meta.articles
            ));
        }
        Ok(FileIndex {
            path: path.to_path_buf(),
            meta,
            searcher,
            fields,
        })
    }

    /// The sorted hashes of the file's ids.
    pub fn id_hashes(dir: &Path) -> std::io::Result<Vec<u64>> {
        let bytes = std::fs::read(dir.join(IDS))?;
        Ok(bytes
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
            .collect())
    }
}

impl Order {
    /// The order of `files`, from their fast fields.
    fn make(files: &[FileIndex]) -> Result<Order, String> {
        let per_file = files
            .iter()
            .enumerate()
            .map(|(fi, file)| order::file_rows(fi as u32, file))
            .collect::<Result<Vec<_>, String>>()?;
        let all = order::merge(per_file);
        let mut positions: Vec<Vec<Vec<u32>>> = files
            .iter()
            .map(|f| {
                f.searcher
                    .segment_readers()
                    .iter()
                    .map(|seg| vec![0u32; seg.max_doc() as usize])
                    .collect()
            })
            .collect();
        let ranges: Vec<(u64, u64)> = all.iter().map(|r| r.range).collect();
        // Days repeat (a paper has many articles a day): each key is parsed once in a row.
        let mut last: Option<((u64, u64, u64), Option<Date>)> = None;
        let dates: Vec<Option<Date>> = all
            .iter()
            .map(|r| match last {
                Some((key, date)) if key == r.key => date,
                _ => {
                    let date = date_of_key(r.key);
                    last = Some((r.key, date));
                    date
                }
            })
            .collect();
        let order: Vec<Slot> = all.into_iter().map(|r| r.slot).collect();
        for (i, s) in order.iter().enumerate() {
            positions[s.file as usize][s.addr.segment_ord as usize][s.addr.doc_id as usize] =
                i as u32;
        }
        Ok(Order {
            order,
            positions,
            ranges,
            dates,
        })
    }
}

impl Archive {
    /// The archive of these file indexes, in the order of the folder's files, whose ids
    /// give `digest` (`crate::state::digest` of their hashes): the opener has it at hand,
    /// having read every file's id hashes to check that no id repeats (or found the files
    /// checked before, unchanged, and their digest with them). So the archive's key in the
    /// reading state is known from the start, and nothing read later can fail to give it.
    pub fn new(files: Vec<FileIndex>, digest: (u64, u64)) -> Result<Archive, String> {
        let count = files.iter().map(|f| f.searcher.num_docs() as usize).sum();
        Ok(Archive {
            files,
            count,
            order: OnceLock::new(),
            making: Mutex::new(()),
            failed: Mutex::new(None),
            head: OnceLock::new(),
            path: None,
            digest,
        })
    }

    /// The collection order, made on first use; why it could not be made when it failed
    /// (kept until [`Archive::retry_order`]).
    fn ord(&self) -> Result<&Order, String> {
        if let Some(order) = self.order.get() {
            return Ok(order);
        }
        self.failure()?;
        let _making = self.making.lock().unwrap_or_else(PoisonError::into_inner);
        // Made, or failed, while this one waited.
        if let Some(order) = self.order.get() {
            return Ok(order);
        }
        self.failure()?;
        match Order::make(&self.files) {
            Ok(order) => Ok(self.order.get_or_init(|| order)),
            Err(reason) => {
                *self.failed.lock().unwrap_or_else(PoisonError::into_inner) = Some(reason.clone());
                Err(reason)
            }
        }
    }

    /// Why the order could not be made, while that is kept.
    fn failure(&self) -> Result<(), String> {
        match &*self.failed.lock().unwrap_or_else(PoisonError::into_inner) {
            Some(reason) => Err(reason.clone()),
            None => Ok(()),
        }
    }

    /// Forgets why the collection order could not be made, if it could not: the next need
    /// makes it again, so an index that can be read again (rebuilt by `kanbao index`, a
    /// file readable again) is read without a restart. The reader calls this each time it
    /// has said what it could not read ([`crate::library::Library::take_trouble`]): a try
    /// an action at most, each failure said.
    pub fn retry_order(&self) {
        self.failed
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
    }

    /// Makes the collection order now, if it is not made yet (a reader starts this on a
    /// thread of its own while it draws its first rows from [`Archive::head`]). A failure
    /// is kept for the first need, which says it, until [`Archive::retry_order`].
    pub fn make_order(&self) {
        let _ = self.ord();
    }

    /// Finds the first `k` places of the collection order without making it (one pass over
    /// the date columns), so that [`Archive::summary_at`] and [`Archive::article_at`] answer
    /// for them before the order is made.
    pub fn head(&self, k: usize) {
        self.head
            .get_or_init(|| order::newest(&self.files, k).unwrap_or_default());
    }

    /// Where the article at `place` is: from the order once it is made, from the head
    /// before then, else the order is made first.
    fn slot_at(&self, place: u32) -> Result<Slot, String> {
        if self.order.get().is_none()
            && let Some(slot) = self.head.get().and_then(|h| h.get(place as usize))
        {
            return Ok(*slot);
        }
        self.ord()?
            .order
            .get(place as usize)
            .copied()
            .ok_or_else(|| format!("no article at {place}"))
    }

    /// The summary of the article at `place` (see [`Archive::summary`]).
    pub fn summary_at(&self, place: u32) -> Result<Article, String> {
        self.summary(self.slot_at(place)?)
    }

    /// The whole article at `place`, read from its data file; its byte range comes from the
    /// fast fields, so the order need not be made for the first places.
    pub fn article_at(&self, place: u32) -> Result<Article, Unread> {
        let slot = self.slot_at(place)?;
        let seg = self.files[slot.file as usize]
            .searcher
            .segment_reader(slot.addr.segment_ord);
        let col = |name: &str| -> Result<u64, String> {
            let c = seg.fast_fields().u64(name).map_err(engine)?;
            c.first(slot.addr.doc_id)
                .ok_or_else(|| format!("no {name}"))
        };
        self.read_range(slot.file as usize, (col("off")?, col("len")?), &mut None)
    }

    /// Remembers the archive's path: when most articles are candidates, reading the archive
    /// whole in one stream is cheaper than reading them one by one.
    pub fn with_path(mut self, path: &Path) -> Archive {
        self.path = Some(path.to_path_buf());
        self
    }

    /// The places (in collection order) of the articles dated in `range`; every place
    /// when the range has no bound.
    pub fn places_in(&self, range: DateRange) -> Result<Vec<u32>, String> {
        let dates = &self.ord()?.dates;
        Ok((0..self.len() as u32)
            .filter(|&p| range.is_all() || range.contains(dates[p as usize]))
            .collect())
    }

    /// The day of the article at place `place`, from the fast fields.
    /// `None` too when the order cannot be made (`places_in` and the rest say why).
    pub fn date_at(&self, place: u32) -> Option<Date> {
        let order = self.ord().ok()?;
        order.dates.get(place as usize).copied().flatten()
    }

    /// The summaries of the articles `range` of the collection order, without making the
    /// whole order when it is not made yet: one pass over the date columns finds the first
    /// `range.end` (`list | head` at a million articles).
    pub fn newest_summaries(&self, range: std::ops::Range<usize>) -> Result<Vec<Article>, String> {
        let slots = match self.order.get() {
            Some(order) => order.order[..range.end.min(order.order.len())].to_vec(),
            None => order::newest(&self.files, range.end)?,
        };
        slots
            .get(range.start.min(slots.len())..)
            .unwrap_or_default()
            .iter()
            .map(|s| self.summary(*s))
            .collect()
    }

    /// The summaries of the articles at `places` of the collection order.
    pub fn summaries_at(&self, places: &[u32]) -> Result<Vec<Article>, String> {
        places
            .iter()
            .map(|&p| self.summary(self.ord()?.order[p as usize]))
            .collect()
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The banner of the first file that has one.
    pub fn banner(&self) -> Option<String> {
        self.files.iter().find_map(|f| f.meta.banner.clone())
    }

    /// How many articles the loader would keep undated, their date not being a real day.
    pub fn undated(&self) -> usize {
        self.files.iter().map(|f| f.meta.undated as usize).sum()
    }

    /// The stored fields of the article at `slot`: everything but the byline, subtitle and
    /// paragraphs, which stay in the data file.
    pub fn summary(&self, slot: Slot) -> Result<Article, String> {
        let file = &self.files[slot.file as usize];
        let f = &file.fields;
        // Damaged stored fields make tantivy panic, not fail: a row that cannot be read.
        let doc: TantivyDocument = super::caught::catching(|| file.searcher.doc(slot.addr))
            .ok_or_else(|| "the index's stored fields are damaged".to_string())?
            .map_err(engine)?;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str().map(str::to_string))
        };
        let all = |field| {
            doc.get_all(field)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect::<Vec<_>>()
        };
        Ok(Article {
            id: text(f.id).unwrap_or_default(),
            title: text(f.title).unwrap_or_default(),
            kicker: text(f.kicker),
            subtitle: None,
            kind: if text(f.kind).as_deref() == Some("photo") {
                Kind::Photo
            } else {
                Kind::News
            },
            district: text(f.district),
            districts: all(f.districts),
            reporters: all(f.reporters),
            correspondents: all(f.correspondents),
            byline: None,
            date: text(f.date),
            page: doc
                .get_first(f.page)
                .and_then(|v| v.as_u64())
                .and_then(|p| u32::try_from(p).ok()),
            paragraphs: Vec::new(),
            source: None,
        })
    }

    /// The summaries of the articles `range` of the collection order.
    pub fn summaries(&self, range: std::ops::Range<usize>) -> Result<Vec<Article>, String> {
        self.ord()?.order[range.start.min(self.len())..range.end.min(self.len())]
            .iter()
            .map(|s| self.summary(*s))
            .collect()
    }

    /// The whole article at place `place` of the collection order, read from its data file
    /// (`handle` keeps the last file open).
    pub fn article(&self, place: u32, handle: &mut Option<(u32, File)>) -> Result<Article, Unread> {
        let order = self.ord()?;
        let slot = order.order[place as usize];
        self.read_range(slot.file as usize, order.ranges[place as usize], handle)
    }

    /// The whole articles at these places of the collection order, in that order, read on
    /// all cores.
    pub fn articles(&self, places: &[u32]) -> Result<Vec<Article>, Unread> {
        let order = self.ord()?;
        let at: Vec<(usize, (u64, u64))> = places
            .iter()
            .map(|&p| {
                let p = p as usize;
                (order.order[p].file as usize, order.ranges[p])
            })
            .collect();
        self.read_all(&at)
    }

    /// Places (in collection order, ascending) of the articles that may match `query`.
    pub fn candidates(&self, query: &Query) -> Result<Vec<u32>, String> {
        let mut out = self.term_candidates(query)?;
        // A `date:` operator narrows by the date fast fields before anything is read.
        let range = query.ops().dates;
        if !range.is_all() {
            out.retain(|&p| range.contains(self.date_at(p)));
        }
        Ok(out)
    }

    /// Places of the articles that may match the terms of `query`.
    fn term_candidates(&self, query: &Query) -> Result<Vec<u32>, String> {
        let mut found = Vec::new();
        for (fi, file) in self.files.iter().enumerate() {
            let q = query::candidates(&file.fields, query);
            let docs = file
                .searcher
                .search(&*q, &DocSetCollector)
                .map_err(engine)?;
            found.extend(docs.into_iter().map(|addr| (fi, addr)));
        }
        if found.is_empty() {
            // Nothing to place: the order is not made.
            return Ok(Vec::new());
        }
        let positions = &self.ord()?.positions;
        let mut out: Vec<u32> = found
            .into_iter()
            .map(|(fi, addr)| positions[fi][addr.segment_ord as usize][addr.doc_id as usize])
            .collect();
        out.sort_unstable();
        Ok(out)
    }

    /// The bytes of data (the article's JSON as stored) at each of these places.
    pub fn data_sizes(&self, places: &[u32]) -> Result<Vec<u64>, String> {
        let order = self.ord()?;
        Ok(places.iter().map(|&p| order.ranges[p as usize].1).collect())
    }

    /// The article with this id, read whole.
    pub fn get(&self, id: &str) -> Result<Option<Article>, Unread> {
        let Some((fi, addr)) = self.doc_of(id)? else {
            return Ok(None);
        };
        // Read straight from its byte range: `show` needs no collection order.
        let seg = self.files[fi].searcher.segment_reader(addr.segment_ord);
        let col = |name: &str| -> Result<u64, String> {
            let c = seg.fast_fields().u64(name).map_err(engine)?;
            c.first(addr.doc_id).ok_or_else(|| format!("no {name}"))
        };
        self.read_range(fi, (col("off")?, col("len")?), &mut None)
            .map(Some)
    }

    /// Articles per district (as [`crate::filter::district_counts`] gives them).
    pub fn district_counts(&self) -> Result<Vec<(DistrictKey, usize)>, String> {
        let mut counts: Vec<(DistrictKey, usize)> = Vec::new();
        let mut named = 0usize;
        for d in crate::district::DISTRICTS {
            let mut n = 0u64;
            for file in &self.files {
                let term = TTerm::from_field_text(file.fields.district, d.name);
                n += file.searcher.doc_freq(&term).map_err(engine)?;
            }
            if n > 0 {
                let n = n as usize;
                named += n;
                counts.push((DistrictKey::Named(d.name.to_string()), n));
            }
        }
        if self.len() > named {
            counts.push((DistrictKey::Unstated, self.len() - named));
        }
        counts.sort_by_key(|(k, _)| k.rank());
        Ok(counts)
    }
}
