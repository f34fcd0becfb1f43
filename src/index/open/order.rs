//! The collection order of an indexed archive, made at open from the fast fields: newest
//! day first, then folder and file order (as [`crate::load::newest_first`] orders a loaded
//! archive). Columns are read whole, and a file already in date order (either way) is put
//! in order without a sort, so opening costs a pass over the fast fields.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use tantivy::columnar::{Column, ColumnIndex};
use tantivy::{DocAddress, SegmentReader};

use super::{FileIndex, Slot, engine};

/// One article while the order is made.
#[derive(Debug, Clone, Copy)]
pub(super) struct Row {
    /// The date as `build::date_key` makes it.
    pub key: (u64, u64, u64),
    /// Its place in its file.
    pub ord: u64,
    /// Where it is.
    pub slot: Slot,
    /// Byte offset and length of its JSON.
    pub range: (u64, u64),
}

/// Every value of a fast field of `seg`, one per document.
pub(super) fn column(seg: &SegmentReader, name: &str) -> Result<Vec<u64>, String> {
    let col: Column<u64> = seg.fast_fields().u64(name).map_err(engine)?;
    let n = seg.max_doc() as usize;
    if matches!(col.index, ColumnIndex::Full) && col.values.num_vals() as usize == n {
        let mut out = vec![0u64; n];
        col.values.get_range(0, &mut out);
        return Ok(out);
    }
    Ok((0..seg.max_doc())
        .map(|d| col.first(d).unwrap_or(0))
        .collect())
}

/// A fast field's values, read one document at a time (no copy of the column).
pub(super) struct Values(Column<u64>);

impl Values {
    /// The document's value (0 when it has none).
    pub(super) fn at(&self, doc: u32) -> u64 {
        self.0.first(doc).unwrap_or(0)
    }
}

/// The fast field `name` of `seg`, to be read a document at a time.
pub(super) fn values(seg: &SegmentReader, name: &str) -> Result<Values, String> {
    seg.fast_fields().u64(name).map(Values).map_err(engine)
}

/// The rows of file `fi`, newest day first, then in file order.
pub(super) fn file_rows(fi: u32, file: &FileIndex) -> Result<Vec<Row>, String> {
    let mut segments = Vec::new();
    for (si, seg) in file.searcher.segment_readers().iter().enumerate() {
        let [ord, hi, lo, len, off, size] =
            ["ord", "dhi", "dlo", "dlen", "off", "len"].map(|name| column(seg, name));
        let (ord, hi, lo, len, off, size) = (ord?, hi?, lo?, len?, off?, size?);
        let mut rows = Vec::with_capacity(seg.max_doc() as usize);
        for doc in 0..seg.max_doc() as usize {
            rows.push(Row {
                key: (hi[doc], lo[doc], len[doc]),
                ord: ord[doc],
                slot: Slot {
                    file: fi,
                    addr: DocAddress::new(si as u32, doc as u32),
                },
                range: (off[doc], size[doc]),
            });
        }
        // Each indexing thread adds its documents in file order: a segment is in order.
        if !rows.is_sorted_by_key(|r| r.ord) {
            rows.sort_unstable_by_key(|r| r.ord);
        }
        segments.push(rows);
    }
    let rows = merge_by(segments, |r| Reverse(r.ord));
    Ok(newest_first(rows))
}

/// The first `k` articles of the collection order (newest day first, then file and file
/// order), found in one pass over the date columns without making the whole order.
pub(super) fn newest(files: &[FileIndex], k: usize) -> Result<Vec<Slot>, String> {
    type Entry = (Reverse<(u64, u64, u64)>, u32, u64, Slot);
    // The k smallest entries, the largest on top.
    let mut heap: BinaryHeap<Entry> = BinaryHeap::with_capacity(k + 1);
    if k == 0 {
        return Ok(Vec::new());
    }
    for (fi, file) in files.iter().enumerate() {
        for (si, seg) in file.searcher.segment_readers().iter().enumerate() {
            // The date's first 8 bytes decide for most documents: one older than the
            // oldest kept is passed over without reading its other columns.
            let hi = column(seg, "dhi")?;
            let [ord, lo, len] = ["ord", "dlo", "dlen"].map(|name| values(seg, name));
            let (ord, lo, len) = (ord?, lo?, len?);
            for (doc, &hi) in (0u32..).zip(&hi) {
                if heap.len() == k && heap.peek().is_some_and(|top| hi < top.0.0.0) {
                    continue;
                }
                let slot = Slot {
                    file: fi as u32,
                    addr: DocAddress::new(si as u32, doc),
                };
                let entry = (
                    Reverse((hi, lo.at(doc), len.at(doc))),
                    fi as u32,
                    ord.at(doc),
                    slot,
                );
                if heap.len() < k {
                    heap.push(entry);
                } else if heap.peek().is_some_and(|top| key_of(&entry) < key_of(top)) {
                    heap.pop();
                    heap.push(entry);
                }
            }
        }
    }
    let mut out = heap.into_vec();
    out.sort_unstable_by_key(key_of);
    Ok(out.into_iter().map(|e| e.3).collect())
}

/// An entry's place in the order (the slot only breaks no ties: file and ord are unique).
fn key_of(e: &(Reverse<(u64, u64, u64)>, u32, u64, Slot)) -> (Reverse<(u64, u64, u64)>, u32, u64) {
    (e.0, e.1, e.2)
}

/// Rows in file order put newest day first, same days in file order.
fn newest_first(rows: Vec<Row>) -> Vec<Row> {
    if rows.is_sorted_by(|a, b| a.key >= b.key) {
        return rows;
    }
    if rows.is_sorted_by(|a, b| a.key <= b.key) {
        // Oldest first (a daily paper appended to): the days in reverse, each day's
        // articles in file order.
        let mut out = Vec::with_capacity(rows.len());
        let mut end = rows.len();
        while end > 0 {
            let key = rows[end - 1].key;
            let start = rows[..end]
                .iter()
                .rposition(|r| r.key != key)
                .map_or(0, |i| i + 1);
            out.extend_from_slice(&rows[start..end]);
            end = start;
        }
        return out;
    }
    let mut rows = rows;
    rows.sort_unstable_by(|a, b| b.key.cmp(&a.key).then(a.ord.cmp(&b.ord)));
    rows
}

/// The files' rows (each newest first) merged newest first, ties in file order.
pub(super) fn merge(files: Vec<Vec<Row>>) -> Vec<Row> {
    merge_by(files, |r| r.key)
}

/// Runs each sorted so that `rank` never rises, merged the same way; ties go to the
/// earlier run.
fn merge_by<K: Ord>(runs: Vec<Vec<Row>>, rank: impl Fn(&Row) -> K) -> Vec<Row> {
    if runs.len() <= 1 {
        return runs.into_iter().next().unwrap_or_default();
    }
    let total = runs.iter().map(Vec::len).sum();
    let mut out = Vec::with_capacity(total);
    let mut at = vec![0usize; runs.len()];
    let mut heap = BinaryHeap::new();
    for (i, run) in runs.iter().enumerate() {
        if let Some(row) = run.first() {
            heap.push((rank(row), Reverse(i)));
        }
    }
    while let Some((_, Reverse(i))) = heap.pop() {
        out.push(runs[i][at[i]]);
        at[i] += 1;
        if let Some(row) = runs[i].get(at[i]) {
            heap.push((rank(row), Reverse(i)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(key: u64, file: u32, ord: u64) -> Row {
        Row {
            key: (key, 0, 11),
            ord,
            slot: Slot {
                file,
                addr: DocAddress::new(0, ord as u32),
            },
            range: (0, 0),
        }
    }

    fn keys(rows: &[Row]) -> Vec<(u64, u32, u64)> {
        rows.iter().map(|r| (r.key.0, r.slot.file, r.ord)).collect()
    }

    /// Whatever order a file is in, the result is the sort's: newest first, then file order.
    #[test]
    fn every_file_order_comes_out_newest_first() {
        let cases: [&[u64]; 5] = [
            &[1, 1, 2, 3, 3, 3],
            &[3, 3, 2, 1, 1],
            &[2, 1, 3, 1, 2],
            &[],
            &[5],
        ];
        for days in cases {
            let rows: Vec<Row> = days
                .iter()
                .enumerate()
                .map(|(i, &d)| row(d, 0, i as u64))
                .collect();
            let mut sorted = rows.clone();
            sorted.sort_by(|a, b| b.key.cmp(&a.key).then(a.ord.cmp(&b.ord)));
            assert_eq!(keys(&newest_first(rows)), keys(&sorted), "{days:?}");
        }
    }

    #[test]
    fn segments_merge_in_file_order() {
        let a = vec![row(1, 0, 0), row(1, 0, 3), row(1, 0, 4)];
        let b = vec![row(1, 0, 1), row(1, 0, 2), row(1, 0, 5)];
        let ords: Vec<u64> = merge_by(vec![a, b], |r| Reverse(r.ord))
            .iter()
            .map(|r| r.ord)
            .collect();
        assert_eq!(ords, [0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn files_merge_newest_first_ties_in_folder_order() {
        let a = vec![row(3, 0, 0), row(1, 0, 1)];
        let b = vec![row(3, 1, 0), row(2, 1, 1), row(1, 1, 2)];
        assert_eq!(
            keys(&merge(vec![a, b])),
            [(3, 0, 0), (3, 1, 0), (2, 1, 1), (1, 0, 1), (1, 1, 2)]
        );
    }
}
