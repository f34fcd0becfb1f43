//! The reader's articles read through the persistent index: a [`Library`] over an
//! [`Archive`]. The list's rows are summaries from the stored fields, an opened article is
//! read from its byte range in the data file, districts and days come from the postings and
//! fast fields, and a search is counted from the postings when the index can count it
//! exactly (literal terms that cannot overlap, pinyin terms, one character or letter, with
//! or without operators, or operators alone), or else verified by kanbao's own engine over the candidates the index gives,
//! a block at a time, so memory stays that of a block.

use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use super::Archive;
use super::open::{NO_DISTRICT, Unread};
use crate::article::{Article, ArticleIx};
use crate::date::Date;
use crate::district::{DISTRICTS, DistrictKey};
use crate::filter::Filter;
use crate::i18n::Lang;
use crate::library::{Found, Library, Partial};
use crate::search::{Cancelled, Query, SearchHit, SearchIndex, rank::rank};

/// The first places of the list, found before the collection order is made: a tall screen.
const HEAD: usize = 128;

/// The rows a pinyin search shows first, from bounds, while it counts the rest
/// ([`Archive::first_rows`]).
const FIRST_ROWS: usize = 64;

/// A search reading its candidates shows what it has found after this long…
const FIRST_PARTIAL: Duration = Duration::from_millis(150);
/// …and again after each such while.
const NEXT_PARTIAL: Duration = Duration::from_secs(1);

/// Articles read and searched a block at a time when the index cannot rank a query alone.
const BLOCK: usize = 1024;

/// An indexed archive as the reader's [`Library`].
pub struct Indexed {
    archive: Arc<Archive>,
    lang: Lang,
    /// Each place's district code, made on the first district filter that can read them.
    districts: OnceLock<Vec<u8>>,
    /// What could not be read from the index since the reader last asked
    /// ([`Library::take_trouble`]): the first such failure, worded.
    trouble: Mutex<Option<String>>,
}

impl Indexed {
    /// The reader's library over `archive`; `lang` words the articles that cannot be read.
    /// The first screens of the list are found at once; the whole collection order (about
    /// 200 ms at a million articles) is made on a thread of its own meanwhile, and whatever
    /// needs it first waits for it there.
    pub fn new(archive: Archive, lang: Lang) -> Indexed {
        archive.head(HEAD);
        let archive = Arc::new(archive);
        let making = Arc::clone(&archive);
        std::thread::spawn(move || making.make_order());
        Indexed {
            archive,
            lang,
            districts: OnceLock::new(),
            trouble: Mutex::new(None),
        }
    }

    /// Keeps `reason` (a failure to read the index) for the reader to say, unless a
    /// failure is already waiting to be said.
    fn note(&self, reason: &str) {
        let mut trouble = self.trouble.lock().unwrap_or_else(|e| e.into_inner());
        if trouble.is_none() {
            *trouble = Some(super::text::index_unread(self.lang, reason));
        }
    }

    /// An article standing for one that could not be read, saying why (`text`). It has no
    /// id ([`Article::is_stand_in`]): the reader keeps no mark for it, where `#<place>`
    /// was saved as if it were an article's id (and could be a real one).
    fn unreadable(text: String) -> Article {
        Article {
            title: text.clone(),
            paragraphs: vec![text],
            ..Article::default()
        }
    }

    /// Whether the article at a place passes the districts and dates of `filter`: the
    /// district codes and days are looked up only when the filter asks for them.
    fn passes<'a>(&'a self, filter: &'a Filter) -> impl Fn(ArticleIx) -> bool + 'a {
        let districts = &filter.districts;
        let codes = if districts.is_empty() {
            &[][..]
        } else {
            self.codes()
        };
        let dates = if filter.dates.is_all() {
            &[][..]
        } else {
            self.archive.dates().unwrap_or_else(|reason| {
                // Not one day known: nothing passes, and the reader says why.
                self.note(&reason);
                &[]
            })
        };
        // Which codes pass, worked out once.
        let mut allowed = [false; 256];
        for (code, d) in DISTRICTS.iter().enumerate() {
            allowed[code] = districts.contains(&DistrictKey::Named(d.name.to_string()));
        }
        allowed[usize::from(NO_DISTRICT)] = districts.contains(&DistrictKey::Unstated);
        move |i| {
            (districts.is_empty() || codes.get(i).is_some_and(|&c| allowed[usize::from(c)]))
                && (filter.dates.is_all()
                    || dates.get(i).is_some_and(|d| filter.dates.contains(*d)))
        }
    }

    /// Each place's district code, read from the index once; when it cannot be read, none
    /// (noted for the reader, and read again the next time: a failure is not kept).
    fn codes(&self) -> &[u8] {
        if let Some(codes) = self.districts.get() {
            return codes;
        }
        match self.archive.district_codes() {
            Ok(codes) => self.districts.get_or_init(|| codes),
            Err(reason) => {
                self.note(&reason);
                &[]
            }
        }
    }

    /// The articles of `places` (ascending) that `query` matches, verified and counted by
    /// the in-memory engine a block at a time; `None` once `cancelled`. An article that
    /// cannot be read cannot be ruled out: it is kept among the hits unchecked (as the
    /// list keeps it, its text saying why when it is opened), and [`Found::unread`] says
    /// how many there were and why the first could not be read.
    fn verify(
        &self,
        places: &[u32],
        query: &Query,
        cancelled: Cancelled<'_>,
        partial: Partial<'_>,
    ) -> Option<Found> {
        let mut hits = Vec::new();
        let mut unread = (0, None::<Unread>);
        let start = Instant::now();
        let long = places.len() > 4 * BLOCK;
        let mut told = None::<Instant>;
        // A small first block, so that the first answers come soon.
        let first = places.len().min(BLOCK / 8);
        let (head, rest) = places.split_at(first);
        for block in std::iter::once(head).chain(rest.chunks(BLOCK)) {
            if cancelled() {
                return None;
            }
            // A long search shows what it has found after its first (small) block, then now
            // and then: the newest articles come first, so a screenful is there at once.
            let due = told.map_or(long || start.elapsed() >= FIRST_PARTIAL, |t| {
                t.elapsed() >= NEXT_PARTIAL
            });
            if due && !hits.is_empty() {
                let mut so_far = hits.clone();
                rank(&mut so_far);
                partial(so_far);
                told = Some(Instant::now());
            }
            let (articles, read, failed) = self.read_block(block);
            for (place, why) in failed {
                hits.push(SearchHit {
                    index: place as usize,
                    hits: 0,
                    title_hits: 0,
                });
                unread.0 += 1;
                unread.1.get_or_insert(why);
            }
            let found = if query.is_empty() {
                // Operators only: every article they admit, in collection order.
                (0..articles.len())
                    .map(|index| SearchHit {
                        index,
                        hits: 0,
                        title_hits: 0,
                    })
                    .collect()
            } else {
                SearchIndex::new(&articles).search_cancellable(query, cancelled)?
            };
            hits.extend(
                found
                    .into_iter()
                    .filter(|h| query.admits(&articles[h.index]))
                    .map(|h| SearchHit {
                        index: read[h.index] as usize,
                        ..h
                    }),
            );
        }
        rank(&mut hits);
        let unread = unread
            .1
            .map(|why| super::text::unread_in_search(self.lang, unread.0, &why));
        Some(Found { hits, unread })
    }

    /// The articles at `block` (places, ascending) and their places, read together; when
    /// that fails, each is read alone, and the places that cannot be read come back apart
    /// with why, so that one article changed since it was indexed costs only itself.
    fn read_block(&self, block: &[u32]) -> (Vec<Article>, Vec<u32>, Vec<(u32, Unread)>) {
        if let Ok(articles) = self.archive.articles(block) {
            return (articles, block.to_vec(), Vec::new());
        }
        let (mut articles, mut read, mut failed) = (Vec::new(), Vec::new(), Vec::new());
        let mut handle = None;
        for &place in block {
            match self.archive.article(place, &mut handle) {
                Ok(article) => {
                    articles.push(article);
                    read.push(place);
                }
                Err(why) => failed.push((place, why)),
            }
        }
        (articles, read, failed)
    }
}

impl Library for Indexed {
    fn len(&self) -> usize {
        self.archive.len()
    }

    fn banner(&self) -> Option<String> {
        self.archive.banner()
    }

    fn summary(&self, ix: ArticleIx) -> Article {
        let read = u32::try_from(ix)
            .map_err(|e| e.to_string())
            .and_then(|p| self.archive.summary_at(p));
        read.unwrap_or_else(|reason| {
            Indexed::unreadable(super::text::unreadable(self.lang, &reason))
        })
    }

    fn article(&self, ix: ArticleIx) -> Article {
        let read = u32::try_from(ix)
            .map_err(|e| Unread::Failed(e.to_string()))
            .and_then(|p| self.archive.article_at(p));
        read.unwrap_or_else(|why| Indexed::unreadable(super::text::unread(self.lang, &why)))
    }

    fn date(&self, ix: ArticleIx) -> Option<Date> {
        match self.archive.dates() {
            Ok(dates) => dates.get(ix).copied().flatten(),
            Err(reason) => {
                self.note(&reason);
                None
            }
        }
    }

    fn position(&self, id: &str) -> Option<ArticleIx> {
        match self.archive.place_of(id) {
            Ok(place) => place.map(|p| p as usize),
            Err(reason) => {
                self.note(&reason);
                None
            }
        }
    }

    fn district_counts(&self) -> Vec<(DistrictKey, usize)> {
        self.archive.district_counts().unwrap_or_else(|reason| {
            self.note(&reason);
            Vec::new()
        })
    }

    fn district_counts_of(&self, places: &[ArticleIx]) -> Vec<(DistrictKey, usize)> {
        // A byte per article, read once from the index (the district filter reads it too):
        // counting a million places is a pass over them, no article read.
        let codes = self.codes();
        let mut per = [0usize; 256];
        for &place in places {
            // An article whose district is not known (the codes unreadable) is left out,
            // as the district filter leaves it out.
            if let Some(&code) = codes.get(place) {
                per[usize::from(code)] += 1;
            }
        }
        let named = DISTRICTS
            .iter()
            .enumerate()
            .map(|(code, d)| (DistrictKey::Named(d.name.to_string()), per[code]));
        let unstated = (DistrictKey::Unstated, per[usize::from(NO_DISTRICT)]);
        let mut counts: Vec<_> = named
            .chain(std::iter::once(unstated))
            .filter(|(_, n)| *n > 0)
            .collect();
        counts.sort_by_key(|(k, _)| k.rank());
        counts
    }

    fn keep(&self, order: &[ArticleIx], filter: &Filter) -> Vec<ArticleIx> {
        let passes = self.passes(filter);
        order.iter().copied().filter(|&i| passes(i)).collect()
    }

    fn search(
        &self,
        query: &Query,
        cancelled: Cancelled<'_>,
        partial: Partial<'_>,
    ) -> Option<Found> {
        // Every operator but `note:` (the reading state's, applied by the reader's mark
        // filters) is answered from the index, unless an excluded or `OR` term is one it
        // does not know exactly (pinyin, a phrase with gaps): then the candidates are read.
        let counted = super::open::narrows_exactly(query);
        // What the operators leave out, found once for the first rows and the whole.
        let narrowed = self.archive.narrowed(query);
        if counted && let Ok(Some(first)) = self.archive.first_rows_of(&narrowed, FIRST_ROWS) {
            // A screenful at once, best first, while the whole ranking is counted.
            let first = search_hits(first);
            if !first.is_empty() && !cancelled() {
                partial(first);
            }
        }
        let summed = match counted {
            true => self.archive.summed_of(&narrowed, cancelled),
            false => Ok(None),
        };
        if summed.is_err() && cancelled() {
            return None;
        }
        if let Ok(Some(found)) = summed {
            let mut hits = search_hits(found);
            rank(&mut hits);
            return Some(Found { hits, unread: None });
        }
        // The candidates leave out what the date range and the districts do.
        let places = match self.archive.candidates(query) {
            Ok(places) => places,
            // Nothing can be checked: no hits, and the reader says why.
            Err(reason) => {
                let unread = Some(super::text::index_unread(self.lang, &reason));
                return Some(Found {
                    hits: Vec::new(),
                    unread,
                });
            }
        };
        self.verify(&places, query, cancelled, partial)
    }

    fn id_digest(&self) -> (u64, u64) {
        self.archive.id_digest()
    }

    fn take_trouble(&self) -> Option<String> {
        // Said (or nothing to say): what could not be read is read again at the next need.
        self.archive.retry_order();
        self.trouble
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
    }
}

/// Places with their hits and title hits, as the reader's hits.
fn search_hits(found: Vec<(u32, u32, u32)>) -> Vec<SearchHit> {
    found
        .into_iter()
        .map(|(place, hits, title_hits)| SearchHit {
            index: place as usize,
            hits: hits as usize,
            title_hits: title_hits as usize,
        })
        .collect()
}
