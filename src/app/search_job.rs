//! Searching off the UI thread, for large collections (docs/contract.md §7: a keystroke is echoed within
//! 16 ms at 100,000 articles; results follow as soon as the search ends; a newer keystroke
//! cancels an older search).
//!
//! The [`App`](super::App) never searches a large collection itself: it numbers each search
//! it wants (its *generation*) and leaves a [`SearchRequest`]. Whoever drives the app runs
//! the request — the terminal loop on a [`Searcher`] thread, a test synchronously with
//! [`SearchRequest::run`] — and hands the answer back as [`Action::SearchFinished`]. The app
//! keeps only the answer to its latest request; a `Searcher` also stops older searches early.

use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, OnceLock};

use crate::action::Action;
use crate::collection::Collection;
use crate::search::{Cancelled, Query, SearchIndex};

/// The app's search index, built once: on the spot for a small collection, on a thread of
/// its own for a large one, so that the first frame waits only for the load (folding 100,000
/// articles takes a few hundred ms). Searches wait for it; nothing else does. A collection
/// read through an archive's index has no index in memory: its library searches.
#[derive(Debug, Clone)]
pub struct IndexCell(Arc<OnceLock<Arc<SearchIndex>>>, Arc<Collection>);

impl IndexCell {
    /// Builds the index of `collection`, in the background when `background` is true.
    pub fn build(collection: &Arc<Collection>, background: bool) -> IndexCell {
        let cell = IndexCell(Arc::new(OnceLock::new()), Arc::clone(collection));
        if collection.library().is_some() {
            // Nothing to build; `wait` answers at once with an empty index.
            cell.0.get_or_init(Arc::default);
        } else if background {
            let (slot, collection) = (Arc::clone(&cell.0), Arc::clone(collection));
            std::thread::spawn(move || {
                // Should building panic, searches find nothing rather than wait forever.
                slot.get_or_init(|| {
                    let build = AssertUnwindSafe(|| SearchIndex::new(collection.as_slice()));
                    Arc::new(std::panic::catch_unwind(build).unwrap_or_default())
                });
            });
        } else {
            cell.0
                .get_or_init(|| Arc::new(SearchIndex::new(collection.as_slice())));
        }
        cell
    }

    /// The index, once it is built (blocking until then).
    pub fn wait(&self) -> Arc<SearchIndex> {
        Arc::clone(self.0.wait())
    }
}

/// A search the app wants run: the query, and its number in the order asked.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// Increases with every change of the query; the answer carries it back.
    pub generation: u64,
    /// What to search for.
    pub query: Query,
}

impl SearchRequest {
    /// Runs the search on the calling thread. `None` when `cancelled` said to stop before
    /// the end; otherwise the [`Action::SearchFinished`] to give the app.
    pub fn run(&self, index: &SearchIndex, cancelled: Cancelled<'_>) -> Option<Action> {
        let hits = index.search_cancellable(&self.query, cancelled)?;
        Some(Action::SearchFinished {
            generation: self.generation,
            hits,
            unread: None,
        })
    }

    /// [`run`](Self::run) over the app's index, or through its collection's library when
    /// it is read through an archive's index.
    pub fn run_on(&self, cell: &IndexCell, cancelled: Cancelled<'_>) -> Option<Action> {
        self.run_showing(cell, cancelled, &|_| {})
    }

    /// [`run_on`](Self::run_on), handing each [`Action::SearchPartial`] of a slow search to
    /// `partial` as it comes.
    pub fn run_showing(
        &self,
        cell: &IndexCell,
        cancelled: Cancelled<'_>,
        partial: &(dyn Fn(Action) + Sync),
    ) -> Option<Action> {
        let generation = self.generation;
        match cell.1.library() {
            Some(library) => {
                let found = library.search(&self.query, cancelled, &|hits| {
                    partial(Action::SearchPartial { generation, hits });
                })?;
                Some(Action::SearchFinished {
                    generation,
                    hits: found.hits,
                    unread: found.unread,
                })
            }
            None => self.run(&cell.wait(), cancelled),
        }
    }
}

/// Runs search requests, one at a time, on a thread of its own, and collects the answers.
/// Starting a request cancels every older one: the running search looks at the latest
/// generation between blocks of articles (or segments of an index) and stops once it is
/// no longer the latest, and of the requests that arrived meanwhile only the newest runs.
/// So typing `gonghui` fast over a million articles runs one search at a time, not seven
/// side by side, each holding its match lists (the reader's heap grew to 400–620 MB).
#[derive(Debug)]
pub struct Searcher {
    latest: Arc<AtomicU64>,
    requests: Sender<SearchRequest>,
    answers: Receiver<Action>,
}

impl Searcher {
    /// A searcher over `index` (the app's, see [`App::index_cell`](super::App::index_cell)).
    pub fn new(index: IndexCell) -> Searcher {
        let (done, answers) = channel();
        let (requests, asked) = channel();
        let latest = Arc::new(AtomicU64::new(0));
        let newest = Arc::clone(&latest);
        // It ends when the searcher (the only sender of requests) is dropped.
        // The first search may come before the index is built: `run_on` waits for it.
        std::thread::spawn(move || {
            serve(&newest, &asked, &done, &mut |request, stale, partial| {
                request.run_showing(&index, stale, partial)
            });
        });
        Searcher {
            latest,
            requests,
            answers,
        }
    }

    /// Marks every search older than `generation` as unwanted, so that it stops early (the
    /// app moves on without a request when the query is cleared).
    pub fn supersede(&self, generation: u64) {
        self.latest.fetch_max(generation, Ordering::Relaxed);
    }

    /// Asks for `request`; an older search stops at its next check.
    pub fn start(&self, request: SearchRequest) {
        self.supersede(request.generation);
        // The worker lives as long as the searcher: the send cannot fail while it does.
        let _ = self.requests.send(request);
    }

    /// An answer that has arrived, if any; never blocks.
    pub fn try_answer(&self) -> Option<Action> {
        self.answers.try_recv().ok()
    }
}

/// What the searcher's thread runs a request with: the request, whether it is stale, and
/// where a partial answer goes; the final answer, or `None` when it stopped as stale.
type Run<'a> =
    dyn FnMut(&SearchRequest, Cancelled<'_>, &(dyn Fn(Action) + Sync)) -> Option<Action> + 'a;

/// The searcher's thread: the requests asked, one at a time, until the searcher is
/// dropped. A request no longer the latest when its turn comes is skipped, so of those
/// that piled up while a search ran only the newest runs.
fn serve(
    latest: &AtomicU64,
    asked: &Receiver<SearchRequest>,
    done: &Sender<Action>,
    run: &mut Run<'_>,
) {
    while let Ok(request) = asked.recv() {
        let generation = request.generation;
        let stale = || latest.load(Ordering::Relaxed) != generation;
        if stale() {
            continue;
        }
        // A search that panics answers "nothing found" rather than leave the app waiting
        // for an answer that never comes.
        let partial = |answer: Action| {
            let _ = done.send(answer);
        };
        let answer = std::panic::catch_unwind(AssertUnwindSafe(|| run(&request, &stale, &partial)))
            .unwrap_or_else(|_| {
                Some(Action::SearchFinished {
                    generation,
                    hits: Vec::new(),
                    unread: None,
                })
            });
        if let Some(answer) = answer {
            // The receiver lives as long as the loop; if it is gone nobody waits.
            let _ = done.send(answer);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Requests that piled up while a search ran: only the newest is run, and one asked
    /// for and superseded (the query cleared) is not run at all.
    #[test]
    fn the_worker_runs_only_the_newest_request() {
        let (done, answers) = channel();
        let latest = AtomicU64::new(3);
        let mut ran = Vec::new();
        let mut run = |request: &SearchRequest, _: Cancelled<'_>, _: &(dyn Fn(Action) + Sync)| {
            ran.push(request.generation);
            Some(Action::SearchFinished {
                generation: request.generation,
                hits: Vec::new(),
                unread: None,
            })
        };
        let (requests, asked) = channel();
        for generation in 1..=3 {
            let query = Query::parse("工会");
            requests.send(SearchRequest { generation, query }).unwrap();
        }
        drop(requests);
        serve(&latest, &asked, &done, &mut run);
        let (requests, asked) = channel();
        let query = Query::parse("驿站");
        requests
            .send(SearchRequest {
                generation: 4,
                query,
            })
            .unwrap();
        drop(requests);
        latest.store(5, Ordering::Relaxed);
        serve(&latest, &asked, &done, &mut run);
        assert_eq!(
            ran,
            [3],
            "the newest of those waiting, and nothing superseded"
        );
        assert_eq!(answers.try_iter().count(), 1);
    }
}
