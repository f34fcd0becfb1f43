//! What the reader and `kanbao export` take from the index: the reader's counting stops
//! when cancelled and never gives part of an answer, the newest articles are the first of
//! the order, and export holds only what it chooses.

use kanbao::search::Query;

use super::{fixture, indexed_file, open};

/// The reader's counting from the index stops when a newer key has made it stale: an
/// error, not an answer, and before any segment is counted.
#[test]
fn counting_for_the_reader_stops_when_cancelled() {
    let f = fixture();
    let (archive, _) = open(&f.root, &f.paths[1]);
    for q in ["工会", "gonghui", "工会 -驿站"] {
        let query = Query::parse(q);
        assert!(archive.summed_places(&query, &|| true).is_err(), "{q}");
        let counted = archive.summed_places(&query, &|| false).unwrap().unwrap();
        assert!(!counted.is_empty(), "{q}");
    }
}

/// Cancelled while it counts (after a few looks: between segments, then one a document), the
/// count gives an error, never part of an answer (it fails if a segment stopped inside is
/// taken as counted); never cancelled, it is whole.
#[test]
fn counting_stopped_within_a_segment_gives_no_partial_answer() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let f = fixture();
    let (archive, _) = open(&f.root, &f.paths[0]);
    for q in ["工会", "gonghui", "工会 驿站"] {
        let query = Query::parse(q);
        let whole = archive.summed_places(&query, &|| false).unwrap().unwrap();
        for looks in [1, 2, 5, 50, 100_000] {
            let seen = AtomicUsize::new(0);
            let cancelled = || seen.fetch_add(1, Ordering::Relaxed) >= looks;
            match archive.summed_places(&query, &cancelled) {
                Ok(found) => assert_eq!(found.unwrap(), whole, "{q} after {looks}"),
                Err(_) => assert!(looks < 100_000, "{q}: stopped though never cancelled"),
            }
        }
        let seen = AtomicUsize::new(0);
        let once = || seen.fetch_add(1, Ordering::Relaxed) >= 1;
        assert!(
            archive.summed_places(&query, &once).is_err(),
            "{q}: cancelled after its first look, it stops"
        );
    }
}

/// The newest articles found without the collection order are its first ones, for a file
/// and for a folder of two files whose days interleave.
#[test]
fn the_newest_articles_are_the_first_of_the_order() {
    let f = fixture();
    for path in &f.paths {
        for k in [0, 1, 5, 64, 200] {
            let ids = |v: Vec<kanbao::article::Article>| -> Vec<String> {
                v.into_iter().map(|a| a.id).collect()
            };
            let (fresh, _) = open(&f.root, path);
            let newest = ids(fresh.newest_summaries(0..k).unwrap());
            let tail = ids(fresh.newest_summaries(k / 2..k).unwrap());
            let ordered = ids(fresh.summaries(0..k).unwrap());
            assert_eq!(newest, ordered, "{path:?} {k}");
            assert_eq!(tail, ordered[(k / 2).min(ordered.len())..], "{path:?} {k}");
            // Once the order is made, the same.
            assert_eq!(ids(fresh.newest_summaries(0..k).unwrap()), ordered);
        }
    }
}

/// `kanbao export` through the index reads a block at a time and holds only what it
/// chooses: over several blocks it chooses what the loaded archive gives, in its order, and
/// a choice whose data passes the limit is refused, not held.
#[test]
fn export_through_the_index_holds_only_what_it_chooses() {
    use kanbao::index::run::{ExportAsk, export_collection};
    let (_dir, root, file) = indexed_file(kanbao::index::BLOCK + 700);
    let (archive, _) = open(&root, &file);
    let (loaded, _) = kanbao::load::load(Some(&file)).unwrap();
    let keep = |a: &kanbao::article::Article| a.district.as_deref() != Some("朝阳区");
    for q in ["", "工会", "gonghui"] {
        let query = Query::parse(q);
        let ask = ExportAsk {
            ids: &[],
            query: Some(&query),
            dates: Default::default(),
            marked: None,
            keep: &keep,
            most_bytes: u64::MAX,
        };
        let chosen: Vec<String> = export_collection(&archive, &ask)
            .unwrap()
            .iter()
            .map(|a| a.id.clone())
            .collect();
        let found: std::collections::HashSet<String> =
            kanbao::commands::matching(&loaded, keep, &query)
                .into_iter()
                .map(|(a, _)| a.id.clone())
                .collect();
        let expected: Vec<String> = loaded
            .iter()
            .filter(|a| found.contains(&a.id))
            .map(|a| a.id.clone())
            .collect();
        assert!(expected.len() > 100, "{q}: {}", expected.len());
        assert_eq!(chosen, expected, "{q}");
        // A limit below the data chosen: refused once the data chosen passes it.
        let small = ExportAsk {
            most_bytes: 200_000,
            ..ask
        };
        match export_collection(&archive, &small) {
            Err(kanbao::error::Error::TooMuchToExport {
                articles,
                most_bytes,
            }) => {
                assert_eq!(most_bytes, 200_000);
                assert!(articles > 10 && articles < expected.len(), "{articles}");
            }
            other => panic!("{q}: {:?}", other.map(|c| c.len())),
        }
    }
}
