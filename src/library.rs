//! Articles that are not all in memory: a [`Library`] answers for an archive read through
//! its persistent index (see `crate::index::library`), one article at a time, and [`Lazy`]
//! keeps what the reader has asked for so that a [`Collection`](crate::collection::Collection)
//! can lend it out by reference.
//!
//! The reader over a million articles must not parse them all (issue 12): the list shows
//! summaries of the rows on screen, the reader the whole article it opens, and filters and
//! searches are answered by the library from its index.

mod slot;

use std::sync::Arc;

use slot::Slot;

use crate::article::{Article, ArticleIx};
use crate::date::Date;
use crate::district::DistrictKey;
use crate::filter::Filter;
use crate::search::{Cancelled, Query, SearchHit};

/// Hears the answers of a slow search found so far, best first among them.
pub type Partial<'a> = &'a (dyn Fn(Vec<SearchHit>) + Sync);

/// What a [`Library`]'s search answers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// The matching articles, best first.
    pub hits: Vec<SearchHit>,
    /// Said of the articles the search had to read to check and could not (their data
    /// file changed since it was indexed, or is gone): how many, and why the first could
    /// not be read, where. They are among `hits`, unchecked. Or said when the index itself
    /// could not be read for the search (then `hits` may be missing any article). `None`
    /// when it read them all.
    pub unread: Option<String>,
}

/// A source of articles that answers by place (`0..len`, the collection order: newest day
/// first) without holding them all. Every answer is the same as the in-memory engine's for
/// the same articles (the tests compare them).
pub trait Library: Send + Sync {
    /// How many articles there are.
    fn len(&self) -> usize;

    /// Whether there are none.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The page banner, if the data has one.
    fn banner(&self) -> Option<String>;

    /// The headings, districts, people, date, page and id of the article at `ix` (no
    /// paragraphs or byline): what a row of the list shows. A failed read gives an article
    /// whose title says why and whose id is empty ([`Article::is_stand_in`]).
    fn summary(&self, ix: ArticleIx) -> Article;

    /// The whole article at `ix`. A failed read gives an article whose text says why and
    /// whose id is empty ([`Article::is_stand_in`]).
    fn article(&self, ix: ArticleIx) -> Article;

    /// The day of the article at `ix`, when it has one (`None` too when it cannot be
    /// read: [`take_trouble`](Self::take_trouble) then says why).
    fn date(&self, ix: ArticleIx) -> Option<Date>;

    /// The place of the article with this id (`None` too when it cannot be looked up:
    /// [`take_trouble`](Self::take_trouble) then says why).
    fn position(&self, id: &str) -> Option<ArticleIx>;

    /// Articles per district, as [`crate::filter::district_counts`] counts them.
    fn district_counts(&self) -> Vec<(DistrictKey, usize)>;

    /// The articles at `places` per district, counted as
    /// [`district_counts`](Self::district_counts) counts them all.
    fn district_counts_of(&self, places: &[ArticleIx]) -> Vec<(DistrictKey, usize)>;

    /// The places of `order` that pass the districts and dates of `filter` (the marks are
    /// not asked), in the order given.
    fn keep(&self, order: &[ArticleIx], filter: &Filter) -> Vec<ArticleIx>;

    /// The articles matching `query` (its operators applied), best first as
    /// [`crate::search::rank`] orders them; `None` once `cancelled` says to stop. A search
    /// that reads the articles tells `partial` what it has found so far now and then; an
    /// article it cannot read is not left out but kept unchecked, and [`Found::unread`]
    /// says so.
    fn search(
        &self,
        query: &Query,
        cancelled: Cancelled<'_>,
        partial: Partial<'_>,
    ) -> Option<Found>;

    /// What could not be read since it was last asked, worded for the status bar, and
    /// forgotten once taken: a filter, a count, a day or a place that the index could not
    /// give was answered as if there were none (no article kept, counted, dated or found),
    /// and this says why. `None` when everything asked was read. A search says its own
    /// failures in [`Found::unread`]. A failure is not kept as the answer past this: what
    /// could not be read is tried again at the next need (and said again if it fails).
    fn take_trouble(&self) -> Option<String>;

    /// The order-free digest of every article id, as the state keys data by
    /// (`crate::state::SourceId`): known when the library was made, so the reader's marks
    /// and kept list are never looked up under another key because something could not be
    /// read.
    fn id_digest(&self) -> (u64, u64);
}

/// A [`Library`] and the articles read from it so far: each summary and each whole article
/// is read once, when first asked for, and kept (a reader looks at a few screens of a list,
/// not at a million articles). One that could not be read ([`Article::is_stand_in`]) is
/// read again the next time it is asked for (the next draw), so that once the index can be
/// read again (rebuilt, a file readable again) the rows show without a restart.
#[derive(Clone)]
pub struct Lazy {
    inner: Arc<Inner>,
}

struct Inner {
    library: Box<dyn Library>,
    summaries: Vec<Slot>,
    articles: Vec<Slot>,
}

impl Lazy {
    /// Articles of `library`, none read yet.
    pub fn new(library: Box<dyn Library>) -> Lazy {
        let n = library.len();
        Lazy {
            inner: Arc::new(Inner {
                library,
                summaries: (0..n).map(|_| Slot::default()).collect(),
                articles: (0..n).map(|_| Slot::default()).collect(),
            }),
        }
    }

    /// The library.
    pub fn library(&self) -> &dyn Library {
        &*self.inner.library
    }

    /// How many articles there are.
    pub fn len(&self) -> usize {
        self.inner.articles.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.inner.articles.is_empty()
    }

    /// The whole article at `ix`, read on first use (and again while it cannot be read).
    pub fn get(&self, ix: ArticleIx) -> Option<&Article> {
        let slot = self.inner.articles.get(ix)?;
        Some(slot.get(|| self.inner.library.article(ix)))
    }

    /// The summary of the article at `ix` (the whole article when it was asked for already:
    /// one that could not be read stands in for its summary too, its id unknown, and is
    /// read again), read on first use (and again while it cannot be read).
    pub fn summary(&self, ix: ArticleIx) -> Option<&Article> {
        let whole = self.inner.articles.get(ix)?;
        if whole.asked() {
            return Some(whole.get(|| self.inner.library.article(ix)));
        }
        let slot = self.inner.summaries.get(ix)?;
        Some(slot.get(|| self.inner.library.summary(ix)))
    }
}

impl std::fmt::Debug for Lazy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lazy").field("len", &self.len()).finish()
    }
}

impl PartialEq for Lazy {
    fn eq(&self, other: &Lazy) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }
}

impl Eq for Lazy {}
