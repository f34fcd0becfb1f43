//! A term's postings whose positions are read a block at a time.
//!
//! tantivy's own postings find where a document's positions start by summing the
//! frequencies of the documents before it in its block, on every call: at a million
//! articles, reading the four bigrams of `沙河工会服务站` in 328,000 documents spent more
//! time in that sum than in decoding the positions. [`Walk::Blocks`] walks the
//! postings block by block instead, sums each block's frequencies once, and reads the
//! positions with tantivy's [`PositionReader`] from the offset so found. It cannot use the
//! skip list (a skipped block's frequencies are unknown), so a list far denser than the one
//! that leads keeps tantivy's skipping postings ([`Walk::Skipping`]).

use tantivy::directory::CompositeFile;
use tantivy::index::{InvertedIndexReader, SegmentReader};
use tantivy::positions::PositionReader;
use tantivy::postings::{BlockSegmentPostings, Postings, SegmentPostings, TermInfo};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Directory, DocId, DocSet, TERMINATED};

/// How many times denser than the list that leads a list may be and still be walked a
/// block at a time: decoding a block costs about what reading one document's positions
/// through tantivy's postings does, so a walk that decodes 64 blocks per document read
/// would cost more than it saves.
const DENSER: u64 = 64;

/// Where a segment's positions of a field are: the field's part of the segment's `.pos`
/// file, opened once per search of a segment.
pub(super) struct PositionsFile(tantivy::directory::FileSlice);

impl PositionsFile {
    /// The positions of `field` in segment `seg`.
    pub(super) fn open(seg: &SegmentReader, field: Field) -> Result<Self, String> {
        let path = format!("{}.pos", seg.segment_id().uuid_string());
        let file = seg
            .index()
            .directory()
            .open_read(std::path::Path::new(&path))
            .map_err(|e| e.to_string())?;
        let composite = CompositeFile::open(&file).map_err(|e| e.to_string())?;
        match composite.open_read(field) {
            Some(slice) => Ok(Self(slice)),
            None => Err(format!("no positions of field {field:?} in {path}")),
        }
    }
}

/// One term's postings with positions: walked a block at a time, or tantivy's own; the
/// current document's positions are read by [`Positioned::load`], then
/// [`Positioned::loaded`].
pub(super) struct Positioned {
    walk: Walk,
    /// The current document's positions, when they are not a part of a block's.
    own: Vec<u32>,
}

enum Walk {
    /// Walked a block at a time (see the module's comment).
    Blocks(Box<BlockWalk>),
    /// tantivy's postings, which skip.
    Skipping(Box<SegmentPostings>),
}

/// The state of a walk a block at a time.
struct BlockWalk {
    blocks: BlockSegmentPostings,
    /// The offset, among the term's positions, of the current block's first document's.
    block_start: u64,
    /// `prefix[i]`: the positions of the block's documents before its `i`-th (the last
    /// entry the block's all); made when a position of the block is first asked for.
    prefix: [u32; 129],
    /// Whether `prefix` is the current block's.
    summed: bool,
    /// The current document's index in the block.
    at: usize,
    reader: PositionReader,
    /// How many documents of the current block have had their positions read one at a
    /// time: at [`ONE_AT_A_TIME`], if they were at least half the documents walked, the
    /// rest of the block's are read at once.
    reads: usize,
    /// The positions of the current block's documents from its `from`-th on, each
    /// document's absolute, once read.
    block: Vec<u32>,
    /// Where `block` starts in the current block.
    from: usize,
    /// Whether `block` is the current block's.
    block_read: bool,
}

/// How many documents of a block have their positions read one at a time before the rest
/// of the block's may be read in one call: a block walked densely (every document of a
/// long literal term) pays a few reads more, and one where some documents are asked for
/// (the first rows of `ghyz`, letter pairs that stand ~50 times in an article) does not
/// decode the positions of the many it never asks for.
const ONE_AT_A_TIME: usize = 8;

impl Positioned {
    /// The postings of the term `info` describes in `inverted`, with its positions in
    /// `positions`: walked a block at a time when the term is in no more than [`DENSER`]
    /// times `lead` documents (the documents that will be asked for), else tantivy's.
    pub(super) fn open(
        inverted: &InvertedIndexReader,
        positions: &PositionsFile,
        info: &TermInfo,
        lead: u64,
    ) -> Result<Self, String> {
        let record = IndexRecordOption::WithFreqsAndPositions;
        let docs = u64::from(info.doc_freq);
        if docs > lead.saturating_mul(DENSER) {
            let postings = inverted.read_postings_from_terminfo(info, record);
            return Ok(Self::skipping(postings.map_err(|e| e.to_string())?));
        }
        let blocks = inverted
            .read_block_postings_from_terminfo(info, record)
            .map_err(|e| e.to_string())?;
        let bytes = positions.0.slice(info.positions_range.clone());
        let bytes = bytes.read_bytes().map_err(|e| e.to_string())?;
        let reader = PositionReader::open(bytes).map_err(|e| e.to_string())?;
        let walk = BlockWalk {
            blocks,
            block_start: 0,
            prefix: [0; 129],
            summed: false,
            at: 0,
            reader,
            reads: 0,
            from: 0,
            block: Vec::new(),
            block_read: false,
        };
        Ok(Self {
            walk: Walk::Blocks(Box::new(walk)),
            own: Vec::new(),
        })
    }

    /// tantivy's postings (with or without positions).
    pub(super) fn skipping(postings: SegmentPostings) -> Self {
        Self {
            walk: Walk::Skipping(Box::new(postings)),
            own: Vec::new(),
        }
    }

    /// How many times the current document holds the term.
    pub(super) fn term_freq(&self) -> u32 {
        match &self.walk {
            Walk::Blocks(w) => w.blocks.freqs().get(w.at).copied().unwrap_or(0),
            Walk::Skipping(p) => p.term_freq(),
        }
    }

    /// The current document ([`TERMINATED`] at the end).
    pub(super) fn doc(&self) -> DocId {
        match &self.walk {
            Walk::Blocks(w) => w.doc(),
            Walk::Skipping(p) => p.doc(),
        }
    }

    /// The next document.
    pub(super) fn advance(&mut self) -> DocId {
        match &mut self.walk {
            Walk::Blocks(w) => {
                w.at += 1;
                if w.at >= w.blocks.docs().len() {
                    w.next_block();
                }
                w.doc()
            }
            Walk::Skipping(p) => p.advance(),
        }
    }

    /// The first document at or after `target` (never one before the current).
    pub(super) fn seek(&mut self, target: DocId) -> DocId {
        match &mut self.walk {
            Walk::Blocks(w) => w.seek(target),
            Walk::Skipping(p) if p.doc() < target => p.seek(target),
            Walk::Skipping(p) => p.doc(),
        }
    }

    /// Reads the current document's positions, for [`Positioned::loaded`].
    pub(super) fn load(&mut self) {
        match &mut self.walk {
            Walk::Blocks(w) if w.block_read => {}
            // Dense so far: at least half the documents before this one were read.
            Walk::Blocks(w) if w.reads >= ONE_AT_A_TIME && w.at < 2 * w.reads => w.read_block(),
            Walk::Blocks(w) => {
                w.read_one(&mut self.own);
                w.reads += 1;
            }
            Walk::Skipping(p) => {
                self.own.clear();
                p.append_positions_with_offset(0, &mut self.own);
            }
        }
    }

    /// The current document's positions, ascending, as [`Positioned::load`] read them.
    pub(super) fn loaded(&self) -> &[u32] {
        match &self.walk {
            Walk::Blocks(w) if w.block_read => {
                let base = w.prefix[w.from] as usize;
                let range = w.prefix[w.at] as usize - base..w.prefix[w.at + 1] as usize - base;
                w.block.get(range).unwrap_or_default()
            }
            _ => &self.own,
        }
    }
}

impl BlockWalk {
    fn doc(&self) -> DocId {
        self.blocks
            .docs()
            .get(self.at)
            .copied()
            .unwrap_or(TERMINATED)
    }

    /// On to the next block (an empty one at the end).
    fn next_block(&mut self) {
        let freqs = self.blocks.freqs();
        self.block_start += match self.summed {
            true => u64::from(self.prefix[freqs.len()]),
            false => freqs.iter().map(|&f| u64::from(f)).sum::<u64>(),
        };
        self.summed = false;
        self.reads = 0;
        self.block_read = false;
        self.at = 0;
        if !self.blocks.docs().is_empty() {
            self.blocks.advance();
        }
    }

    fn seek(&mut self, target: DocId) -> DocId {
        loop {
            let docs = self.blocks.docs();
            match docs.last() {
                None => return TERMINATED,
                Some(&last) if last >= target => {
                    // Most often the document sought is the next or so: a scan, which
                    // stops at `last` at the latest.
                    while docs[self.at] < target {
                        self.at += 1;
                    }
                    return docs[self.at];
                }
                Some(_) => self.next_block(),
            }
        }
    }

    /// `prefix` made for the current block.
    fn sum(&mut self) {
        if !self.summed {
            let mut sum = 0u32;
            for (i, &f) in self.blocks.freqs().iter().enumerate() {
                sum += f;
                self.prefix[i + 1] = sum;
            }
            self.summed = true;
        }
    }

    /// The current document's positions into `out`.
    fn read_one(&mut self, out: &mut Vec<u32>) {
        out.clear();
        let Some(&freq) = self.blocks.freqs().get(self.at) else {
            return;
        };
        self.sum();
        out.resize(freq as usize, 0);
        self.reader
            .read(self.block_start + u64::from(self.prefix[self.at]), out);
        absolute(out);
    }

    /// The positions of the current document and the rest of its block into `block`,
    /// once a block.
    fn read_block(&mut self) {
        if self.block_read || self.blocks.docs().is_empty() {
            return;
        }
        self.sum();
        let n = self.blocks.docs().len();
        self.from = self.at;
        let base = self.prefix[self.from];
        let all = (self.prefix[n] - base) as usize;
        // Grown, never cleared: what is read overwrites it (zeroing it first cost as
        // much as decoding).
        if self.block.len() < all {
            self.block.resize(all, 0);
        }
        self.reader
            .read(self.block_start + u64::from(base), &mut self.block[..all]);
        for w in self.prefix[self.from..=n].windows(2) {
            absolute(&mut self.block[(w[0] - base) as usize..(w[1] - base) as usize]);
        }
        self.block_read = true;
    }
}

/// One document's positions, stored as gaps from the one before (the first from 0), made
/// absolute.
fn absolute(positions: &mut [u32]) {
    let mut at = 0u32;
    for p in positions {
        at += *p;
        *p = at;
    }
}

#[cfg(test)]
mod tests {
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{Index, TantivyDocument, Term};

    use super::*;

    /// How often document `d` holds the term `x` (0: not at all); over 128, so that one
    /// document's positions span blocks of the positions file.
    fn freq(d: u32) -> usize {
        match d {
            500 => 300,
            _ => (d as usize * 7) % 5,
        }
    }

    /// A one-segment index of 2,000 documents: `x` stands `freq(d)` times in document
    /// `d`, among other words, so its positions differ from document to document.
    fn index() -> (Index, Field) {
        let mut schema = Schema::builder();
        let body = schema.add_text_field("body", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for d in 0..2_000u32 {
            let mut words = Vec::new();
            for k in 0..freq(d) {
                words.extend(std::iter::repeat_n("y", (d as usize + k) % 3));
                words.push("x");
            }
            words.push("z");
            let mut doc = TantivyDocument::default();
            doc.add_text(body, words.join(" "));
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        (index, body)
    }

    /// The documents and positions `walk` reaches when sought at every one of `targets`
    /// (loading each document reached), and moved on by one after each when `and_next`.
    fn walked(mut walk: Positioned, targets: &[u32], and_next: bool) -> Vec<(DocId, Vec<u32>)> {
        let mut out = Vec::new();
        for &t in targets {
            let doc = walk.seek(t);
            if doc == TERMINATED {
                break;
            }
            walk.load();
            out.push((doc, walk.loaded().to_vec()));
            if !and_next {
                continue;
            }
            if walk.advance() == TERMINATED {
                break;
            }
            walk.load();
            out.push((walk.doc(), walk.loaded().to_vec()));
        }
        out
    }

    #[test]
    fn every_walk_reads_what_tantivys_postings_read() {
        let (index, body) = index();
        let searcher = index.reader().unwrap().searcher();
        let seg = searcher.segment_reader(0);
        let inverted = seg.inverted_index(body).unwrap();
        let info = inverted
            .get_term_info(&Term::from_field_text(body, "x"))
            .unwrap()
            .unwrap();
        assert!(info.doc_freq > 3 * 128, "several blocks: {}", info.doc_freq);
        let file = PositionsFile::open(seg, body).unwrap();
        let record = IndexRecordOption::WithFreqsAndPositions;
        let tantivys =
            || Positioned::skipping(inverted.read_postings_from_terminfo(&info, record).unwrap());
        let cases = [
            (0..2_000).collect::<Vec<u32>>(),
            (0..2_000).step_by(3).collect(),
            (0..2_000).step_by(200).collect(),
            vec![1, 499, 500, 501, 1_500, 1_999, 5_000],
        ];
        for (targets, and_next) in cases.iter().flat_map(|t| [(t, true), (t, false)]) {
            let walked = |walk| walked(walk, targets, and_next);
            let expected = walked(tantivys());
            if targets.contains(&500) {
                assert!(expected.iter().any(|(d, p)| *d == 500 && p.len() == 300));
            }
            // A block at a time (a whole block's positions at once from the second
            // document of a block read).
            for lead in [u64::from(info.doc_freq), u64::from(info.doc_freq) / 4] {
                let walk = Positioned::open(&inverted, &file, &info, lead).unwrap();
                assert!(matches!(walk.walk, Walk::Blocks(_)));
                assert_eq!(walked(walk), expected, "lead {lead}");
            }
            // Far denser than the lead: tantivy's own.
            let walk = Positioned::open(&inverted, &file, &info, 1).unwrap();
            assert!(matches!(walk.walk, Walk::Skipping(_)));
            assert_eq!(walked(walk), expected);
        }
        // The frequencies agree too.
        let mut walk = Positioned::open(&inverted, &file, &info, u64::MAX).unwrap();
        while walk.doc() != TERMINATED {
            assert_eq!(walk.term_freq() as usize, freq(walk.doc()));
            walk.advance();
        }
    }
}
