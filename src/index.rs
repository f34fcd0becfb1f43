//! A persistent search index per data file (tantivy), so that a large archive opens,
//! lists, shows and searches without parsing every article (issue 12; design in
//! docs/index.md).
//!
//! - [`schema`]: the fields and the tokenizers (characters, bigrams, pinyin letter pairs);
//! - [`build`]: indexing one data file;
//! - [`cache`]: where indexes live and when one may be trusted;
//! - [`query`]: a kanbao query as a tantivy query that finds a superset of the matches;
//! - [`mod@open`]: an archive opened through its indexes, in collection order;
//! - [`run`]: the commands answered through the index.
//!
//! The index only finds candidates: kanbao's own matcher ([`crate::search`]) reads each one
//! and decides, counts hits, ranks and makes snippets, so results are those of the in-memory
//! path exactly.

pub mod build;
pub mod cache;
pub mod caught;
mod contains;
pub mod library;
pub mod lock;
pub mod open;
pub mod query;
pub mod run;
pub mod schema;
mod text;
mod unique;

use std::path::{Path, PathBuf};

pub use build::{BuildError, Progress};
pub use open::{Archive, BLOCK};
pub use text::{
    first_index, index_done, index_note, index_progress, index_waiting, leave_hint, left_indexing,
};

use cache::{Fingerprint, Stale};
use open::FileIndex;

/// Something the user should know about the index; reading goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// An index was damaged, foreign or unfinished, and is built again.
    Rebuilt {
        /// The data file.
        path: PathBuf,
        /// What was wrong.
        reason: String,
    },
    /// The index cannot be used or written (a read-only or full cache folder, …): the
    /// archive is read whole instead.
    Unusable {
        /// What went wrong.
        reason: String,
    },
}

/// The data files of `path`: the file itself, or the `.json`, `.jsonl` and `.ndjson` files
/// directly in a folder, sorted by name (as the loader reads them).
pub fn data_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path)? {
        let p = entry?.path();
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        if p.is_file() && matches!(ext, "json" | "jsonl" | "ndjson") {
            files.push(p);
        }
    }
    files.sort();
    Ok(files)
}

/// What [`update`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Data files in the archive.
    pub files: usize,
    /// Files indexed now (the others were up to date).
    pub built: usize,
    /// Articles in the archive.
    pub articles: u64,
    /// Bytes of the files indexed now.
    pub bytes: u64,
}

/// The state of one data file's index.
struct Entry {
    path: PathBuf,
    dir: PathBuf,
    canonical: PathBuf,
    state: Result<cache::Meta, Stale>,
}

fn entries(root: &Path, path: &Path) -> std::io::Result<Vec<Entry>> {
    // Each check reads the ends of a data file and of its index files: on every core.
    on_cores(data_files(path)?, |file| {
        let canonical = file.canonicalize()?;
        let now = Fingerprint::of(&canonical)?;
        let dir = cache::folder(root, &canonical);
        let state = cache::check(&dir, &canonical, &now);
        Ok(Entry {
            path: file,
            dir,
            canonical,
            state,
        })
    })
    .into_iter()
    .collect()
}

/// `f` of every item, in order, the items handed out one at a time to as many threads as
/// there are cores: a thread takes the next item when it is done with its last, so a few
/// large items (an index's big segments) do not leave a core idle. A panic in `f` is
/// resumed here.
pub(crate) fn on_cores<T: Send, U: Send>(items: Vec<T>, f: impl Fn(T) -> U + Sync) -> Vec<U> {
    let cores = crate::cores();
    if items.len() < 2 || cores < 2 {
        return items.into_iter().map(f).collect();
    }
    let threads = cores.min(items.len());
    let queue = std::sync::Mutex::new(items.into_iter().enumerate());
    let (f, queue) = (&f, &queue);
    let mut done: Vec<(usize, U)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(move || {
                    let mut out = Vec::new();
                    loop {
                        let next = queue
                            .lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner)
                            .next();
                        let Some((i, item)) = next else { break };
                        out.push((i, f(item)));
                    }
                    out
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    done.sort_unstable_by_key(|d| d.0);
    done.into_iter().map(|d| d.1).collect()
}

/// Builds the index of every file of `path` that has none or a stale one, in the cache
/// folder `root`; `progress` hears of each file (its number and path) as it goes. A file
/// another process is indexing is waited for, silently (see [`update_telling`]).
pub fn update(
    root: &Path,
    path: &Path,
    notes: &mut Vec<Note>,
    progress: &mut dyn FnMut(usize, &Path, Progress),
) -> Result<Report, BuildError> {
    update_telling(root, path, notes, progress, &mut |_| {})
}

/// [`update`], calling `waiting` with a data file's path before it waits for another
/// process that is building that file's index ([`lock`]); once that build is done the
/// index is up to date and is not built again.
pub fn update_telling(
    root: &Path,
    path: &Path,
    notes: &mut Vec<Note>,
    progress: &mut dyn FnMut(usize, &Path, Progress),
    waiting: &mut dyn FnMut(&Path),
) -> Result<Report, BuildError> {
    let list = entries(root, path)?;
    let mut report = Report {
        files: list.len(),
        ..Report::default()
    };
    for (n, e) in list.iter().enumerate() {
        let meta = match &e.state {
            Ok(meta) => meta.clone(),
            Err(stale) => {
                let (meta, built) = build_locked(
                    root,
                    e,
                    (stale.clone(), false),
                    notes,
                    &mut |p| progress(n, &e.path, p),
                    waiting,
                )?;
                if built {
                    report.built += 1;
                    report.bytes += meta.fingerprint.size;
                }
                meta
            }
        };
        report.articles += meta.articles;
    }
    Ok(report)
}

/// Builds the index of `e`'s file, found `stale`, under its build lock ([`lock`]), and says
/// whether it did: a build of another process that ended while this one waited for the
/// lock (or since `e` was checked) left the index up to date, and it is used as it is,
/// unless `forced` (tantivy could not open what the checks passed). A damaged index is
/// noted as rebuilt.
fn build_locked(
    root: &Path,
    e: &Entry,
    (stale, forced): (Stale, bool),
    notes: &mut Vec<Note>,
    progress: &mut dyn FnMut(Progress),
    waiting: &mut dyn FnMut(&Path),
) -> Result<(cache::Meta, bool), BuildError> {
    let _lock = lock::hold(&e.dir, &mut || waiting(&e.path));
    let stale = match forced {
        true => stale,
        false => match cache::check(&e.dir, &e.canonical, &Fingerprint::of(&e.canonical)?) {
            Ok(meta) => return Ok((meta, false)),
            Err(now) => now,
        },
    };
    if let Stale::Damaged(reason) = stale {
        notes.push(Note::Rebuilt {
            path: e.path.clone(),
            reason,
        });
    }
    Ok((build::build(root, &e.canonical, progress)?, true))
}

/// Opens the archive at `path` through its indexes, when it has been indexed (`kanbao
/// index`): stale or missing indexes of its files are built again first (a damaged one with
/// a [`Note::Rebuilt`]). `None` when the archive was never indexed, or when its index cannot
/// be used (then a [`Note::Unusable`] says why): the caller reads the archive whole.
pub fn open(path: &Path, notes: &mut Vec<Note>) -> Option<Archive> {
    open_in(&cache::root()?, path, notes)
}

/// [`fn@open`] with the cache folder `root` (for tests).
pub fn open_in(root: &Path, path: &Path, notes: &mut Vec<Note>) -> Option<Archive> {
    let root = root.to_path_buf();
    let unusable = |notes: &mut Vec<Note>, reason: String| {
        notes.push(Note::Unusable { reason });
        None
    };
    // Only a regular file or a folder has an index: a FIFO, a device or standard input is
    // read once, as a stream, by the in-memory path (looking here would consume it).
    let meta = std::fs::metadata(path).ok()?;
    if !(meta.is_file() || meta.is_dir()) {
        return None;
    }
    let list = entries(&root, path).ok()?;
    if list.is_empty() || !list.iter().any(|e| e.dir.exists()) {
        return None;
    }
    let mut files = Vec::new();
    let mut hashes = Vec::new();
    // Files found with unique ids before, unchanged since: their ids need not be read.
    let metas: Option<Vec<&cache::Meta>> = list.iter().map(|e| e.state.as_ref().ok()).collect();
    let known = metas.and_then(|m| unique::known(&root, path, &m));
    // Indexes that are all up to date are opened on every core; otherwise one at a time,
    // in order (a build takes most of the machine's memory and cores, and bad data stops
    // before the files after it are built).
    let one = |e: Entry| {
        let mut notes = Vec::new();
        (open_one(&root, e, known.is_none(), &mut notes), notes)
    };
    type Opened = (Result<(FileIndex, Vec<u64>), BuildError>, Vec<Note>);
    let opened: Box<dyn Iterator<Item = Opened>> = if list.iter().all(|e| e.state.is_ok()) {
        Box::new(on_cores(list, one).into_iter())
    } else {
        Box::new(list.into_iter().map(one))
    };
    for (result, more) in opened {
        notes.extend(more);
        match result {
            Ok((f, h)) => {
                files.push(f);
                hashes.extend(h);
            }
            // Bad data: the in-memory path names the exact error.
            Err(BuildError::Data(_)) => return None,
            Err(err) => return unusable(notes, err.to_string()),
        }
    }
    let digest = match known {
        Some(digest) => digest,
        None => {
            // Ids must be unique across the folder: a shared hash sends the archive down
            // the in-memory path, which names a real duplicate (or finds none, a hash
            // collision). Each file's hashes are sorted already: the stable sort merges
            // those runs.
            hashes.sort();
            if hashes.windows(2).any(|w| w[0] == w[1]) {
                return None;
            }
            let digest = crate::state::digest(hashes.iter().copied());
            let metas: Vec<&cache::Meta> = files.iter().map(|f| &f.meta).collect();
            unique::remember(&root, path, &metas, digest);
            digest
        }
    };
    match Archive::new(files, digest) {
        Ok(a) => Some(a.with_path(path)),
        Err(reason) => unusable(notes, reason),
    }
}

/// Opens the index of one file, building it first when it is missing or stale, and once
/// more when tantivy cannot open what the checks passed; with the sorted hashes of its ids
/// when `hashes` asks for them (else none).
fn open_one(
    root: &Path,
    e: Entry,
    hashes: bool,
    notes: &mut Vec<Note>,
) -> Result<(FileIndex, Vec<u64>), BuildError> {
    let mut state = e.state.clone();
    for attempt in 0..2 {
        let meta = match state {
            Ok(meta) => meta,
            Err(stale) => {
                let forced = attempt > 0;
                build_locked(root, &e, (stale, forced), notes, &mut |_| {}, &mut |_| {})?.0
            }
        };
        let opened = FileIndex::open(&e.dir, &e.path, meta).and_then(|f| {
            let ids = match hashes {
                true => FileIndex::id_hashes(&e.dir).map_err(|x| x.to_string())?,
                false => Vec::new(),
            };
            Ok((f, ids))
        });
        match opened {
            Ok(done) => return Ok(done),
            Err(reason) if attempt == 0 => state = Err(Stale::Damaged(reason)),
            Err(reason) => return Err(BuildError::Engine(reason)),
        }
    }
    Err(BuildError::Engine("unreachable".into()))
}
