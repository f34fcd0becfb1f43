//! A pinyin term's shape of two syllables counted from bigram frequencies (issue 12: the
//! reader's whole list for `gonghui`, `siji` or `yizhan` at a million articles).
//!
//! A shape of two characters, each needing one of a set of readings (`gong|hui`: a
//! character read `gong`, then one read `hui`), matches exactly where a bigram of such two
//! characters stands (工会, 公会, 共汇…): the bigrams of the `bi` field are every two
//! adjacent characters of the same folded text the readings were taken from. When no
//! character has a reading of both sets, two of its matches never overlap, so its hits in a
//! document are the summed frequencies of those bigrams there, and its title hits their
//! frequencies in `hbi` (a match before `hend` lies in the headings): no position is read.
//! The term's other shapes are walked as before; the few documents where one of them
//! matches too are counted again with every shape, positions read, as the matcher takes
//! overlapping matches.

use std::sync::OnceLock;

use tantivy::postings::TermInfo;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, SegmentReader};

use super::super::schema::Fields;
use super::cursor::{Counted, Shape, Tokens};
use super::joined::{Chars, among, held_chars};
use super::order::Values;
use super::walk::Walker;

/// Most characters the first syllable may stand for: each that a segment's text holds is
/// a walk of its bigrams that start with it (`yi`: 594 characters, about 60 held).
const MOST_FIRST_CHARACTERS: usize = 2048;

/// [`Paired::of`] a term's shapes, found the first time it is asked for: the term is
/// parsed often only to learn whether the index counts it, and finding the characters of
/// its syllables scans the whole reading table. Derived from the shapes, it takes no part
/// in comparing two terms.
#[derive(Debug, Clone, Default)]
pub(super) struct PairedOnce(OnceLock<Option<Paired>>);

impl PairedOnce {
    /// The paired shape of `shapes` (always the same shapes: the term's).
    pub(super) fn get(&self, shapes: &[Shape]) -> Option<&Paired> {
        self.0.get_or_init(|| Paired::of(shapes)).as_ref()
    }
}

impl PartialEq for PairedOnce {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for PairedOnce {}

/// A shape of two syllables of a pinyin term, counted from bigram frequencies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Paired {
    /// Which of the term's shapes it is.
    shape: usize,
    first: Chars,
    second: Chars,
}

impl Paired {
    /// The first of `shapes` that is two characters each needing one of some readings, when
    /// no character holds a reading of both (then its matches cannot overlap) and the first
    /// stands for no more than [`MOST_FIRST_CHARACTERS`] characters.
    pub(super) fn of(shapes: &[Shape]) -> Option<Paired> {
        shapes.iter().enumerate().find_map(|(n, shape)| {
            // Its needs but those joining two parts (which only narrow).
            let plain: Vec<_> = shape.needs.iter().filter(|n| n.joined.is_none()).collect();
            let [a, b] = plain.as_slice() else {
                return None;
            };
            let readings = |offset| {
                (a.offset == offset && a.field == Tokens::Readings)
                    .then_some(a)
                    .or((b.offset == offset && b.field == Tokens::Readings).then_some(b))
            };
            let (first, second) = (readings(0)?, readings(1)?);
            if shape.chars != 2 {
                return None;
            }
            let first = Chars::reading(&first.tokens);
            let second = Chars::reading(&second.tokens);
            let cheap = !first.list.is_empty() && first.list.len() <= MOST_FIRST_CHARACTERS;
            (cheap && !first.shares_any(&second)).then_some(Paired {
                shape: n,
                first,
                second,
            })
        })
    }

    /// Which of the term's shapes it counts.
    pub(super) fn shape(&self) -> usize {
        self.shape
    }

    /// The bigrams of `seg` it stands for: their postings in the text (`bi`), and in the
    /// headings (`hbi`) where they stand there.
    fn bigrams(
        &self,
        seg: &SegmentReader,
        fields: &Fields,
    ) -> tantivy::Result<(Vec<TermInfo>, Vec<TermInfo>)> {
        let (body, heads) = Tokens::Bigrams.fields(fields);
        let (body, heads) = (seg.inverted_index(body)?, seg.inverted_index(heads)?);
        let (mut text, mut title) = (Vec::new(), Vec::new());
        let mut buf = [0u8; 4];
        let present = held_chars(seg, fields)?;
        for &c in self.first.list.iter().filter(|&&c| among(&present, c)) {
            let from = c.encode_utf8(&mut buf).as_bytes().to_vec();
            // Every key starting with the character's bytes (its last byte is below 0xC0).
            let mut to = from.clone();
            if let Some(last) = to.last_mut() {
                *last += 1;
            }
            let mut keys = body.terms().range().ge(&from).lt(&to).into_stream()?;
            while keys.advance() {
                let Ok(key) = std::str::from_utf8(keys.key()) else {
                    continue;
                };
                let mut chars = key.chars();
                let (Some(_), Some(d), None) = (chars.next(), chars.next(), chars.next()) else {
                    continue;
                };
                if !self.second.holds(d) {
                    continue;
                }
                text.push(keys.value().clone());
                title.extend(heads.terms().get(keys.key())?);
            }
        }
        Ok((text, title))
    }

    /// The shape's hits and title hits in each document of `seg` where it matches, that
    /// `keep` accepts and `within` holds (ascending), ascending.
    pub(super) fn counts(
        &self,
        seg: &SegmentReader,
        fields: &Fields,
        keep: &dyn Fn(DocId) -> bool,
        within: Option<&[u32]>,
    ) -> tantivy::Result<Vec<Counted>> {
        let (text, title) = self.bigrams(seg, fields)?;
        let max = seg.max_doc() as usize;
        let mut hits = vec![0u32; max];
        let mut titles = vec![0u32; max];
        let (body, heads) = Tokens::Bigrams.fields(fields);
        for (infos, field, into) in [(text, body, &mut hits), (title, heads, &mut titles)] {
            let inverted = seg.inverted_index(field)?;
            for info in &infos {
                let mut block = inverted
                    .read_block_postings_from_terminfo(info, IndexRecordOption::WithFreqs)?;
                while !block.docs().is_empty() {
                    for (&d, &f) in block.docs().iter().zip(block.freqs()) {
                        if let Some(n) = into.get_mut(d as usize) {
                            *n += f;
                        }
                    }
                    block.advance();
                }
            }
        }
        let alive = seg.alive_bitset();
        let wanted =
            |d: DocId| hits[d as usize] > 0 && alive.is_none_or(|a| a.is_alive(d)) && keep(d);
        let counted = |d: DocId| (d, hits[d as usize], titles[d as usize]);
        Ok(match within {
            Some(docs) => docs
                .iter()
                .copied()
                .filter(|&d| (d as usize) < max && wanted(d))
                .map(counted)
                .collect(),
            None => (0..max as DocId)
                .filter(|&d| wanted(d))
                .map(counted)
                .collect(),
        })
    }
}

/// The hits and title hits of `shapes` (one term's) in each document of `seg` where they
/// match, that `keep` accepts and `within` holds, ascending: their matches walked with their
/// positions, taken as the matcher takes them ([`Walker::until`]).
pub(super) fn walked_counts(
    shapes: &[Shape],
    (seg, fields, hend): (&SegmentReader, &Fields, &Values),
    keep: &dyn Fn(DocId) -> bool,
    within: Option<&[u32]>,
) -> tantivy::Result<Vec<Counted>> {
    let mut out: Vec<Counted> = Vec::new();
    Walker::new(shapes, seg, fields, within.map(<[u32]>::len))?.rest(
        seg,
        (keep, within),
        |doc, taken| {
            let end = hend.at(doc);
            let title = taken.iter().filter(|m| u64::from(m.0) < end).count();
            out.push((doc, taken.len() as u32, title as u32));
        },
    );
    Ok(out)
}

/// The hits of `shapes` as [`walked_counts`] finds them, with the shape `paired` stands for
/// counted from bigram frequencies: the other shapes are walked, and the documents where
/// both they and it match walked again with every shape (their matches may overlap).
pub(super) fn paired_counts(
    paired: &Paired,
    shapes: &[Shape],
    (seg, fields, hend): (&SegmentReader, &Fields, &Values),
    keep: &dyn Fn(DocId) -> bool,
    within: Option<&[u32]>,
) -> tantivy::Result<Vec<Counted>> {
    let fast = paired.counts(seg, fields, keep, within)?;
    let others: Vec<Shape> = shapes
        .iter()
        .enumerate()
        .filter(|&(n, _)| n != paired.shape())
        .map(|(_, s)| s.clone())
        .collect();
    let walked = walked_counts(&others, (seg, fields, hend), keep, within)?;
    // Merged by document; those in both counted again with every shape.
    let (mut out, mut both) = (Vec::with_capacity(fast.len() + walked.len()), Vec::new());
    let (mut i, mut j) = (0, 0);
    loop {
        let (a, b) = (fast.get(i), walked.get(j));
        match (a, b) {
            (None, None) => break,
            (Some(a), Some(b)) if a.0 == b.0 => {
                both.push(a.0);
                (i, j) = (i + 1, j + 1);
            }
            (Some(a), b) if b.is_none_or(|b| a.0 < b.0) => {
                out.push(*a);
                i += 1;
            }
            (_, b) => {
                out.extend(b.copied());
                j += 1;
            }
        }
    }
    if !both.is_empty() {
        out.extend(walked_counts(
            shapes,
            (seg, fields, hend),
            keep,
            Some(&both),
        )?);
        out.sort_unstable_by_key(|c| c.0);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn need(offset: u32, readings: &[&str]) -> super::super::cursor::Need {
        super::super::cursor::Need {
            offset,
            field: Tokens::Readings,
            tokens: readings.iter().map(|r| r.to_string()).collect(),
            joined: None,
        }
    }

    #[test]
    fn two_syllables_are_paired_and_their_characters_found() {
        let shape = Shape {
            chars: 2,
            needs: vec![need(0, &["gong"]), need(1, &["hui"])],
        };
        let paired = Paired::of(&[shape]).expect("gong|hui is paired");
        assert!(paired.first.holds('工') && paired.first.holds('公'));
        assert!(paired.second.holds('会') && !paired.second.holds('工'));
        assert!(!paired.first.holds('a'));
        // `xi|an` (the last syllable may be begun: `an`, `ang`): 洗 reads `xi` and `xian`.
        let shape = Shape {
            chars: 2,
            needs: vec![need(0, &["xi"]), need(1, &["an", "ang"])],
        };
        let paired = Paired::of(&[shape]).expect("xi|an is paired");
        assert!(paired.first.holds('洗') && paired.second.holds('安'));
    }

    #[test]
    fn shapes_whose_matches_could_overlap_are_not_paired() {
        // 行 reads both `hang` and `xing`: 行行 could hold two overlapping matches.
        let overlapping = Shape {
            chars: 2,
            needs: vec![need(0, &["xing"]), need(1, &["hang"])],
        };
        assert_eq!(Paired::of(&[overlapping]), None);
        // Three characters, or a letter pair among the needs: walked.
        let three = Shape {
            chars: 3,
            needs: vec![need(0, &["gong"]), need(1, &["hui"])],
        };
        assert_eq!(Paired::of(&[three]), None);
    }
}
