//! Two adjacent parts of a pinyin shape asked as the bigrams that can stand for them
//! (issue 12: `yizhan` in the reader at a million articles).
//!
//! A shape's needs are asked one character at a time: `yi|zh|an` needs a character read
//! `yi`, then one whose reading starts with `zh`, then one read `an`. Each of those stands in
//! nearly every article (一, 中, 安…), so walking the shape read the positions of three dense
//! lists in almost every document, to find that the three seldom stand together. Two
//! adjacent characters of the folded text are also a bigram of `bi`, at the same position.
//! So the pair of parts `zh|an` stands exactly where one of the bigrams of a `zh…`
//! character and an `an` character stands: 治安, 战岸… A segment's dictionary tells which of
//! those bigrams its text holds, often none, and their postings are far sparser than the
//! characters' (language pairs characters far less often than their frequencies allow). A
//! [`Joined`] is such a pair: a need at the offset of its first part, whose tokens are
//! found per segment ([`Joined::keys`]). It only narrows (each match holds it), so asking
//! it never changes a count; where it is the rarest need, the shape's walk starts from it,
//! and a segment without any of its bigrams skips the shape.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use tantivy::SegmentReader;
use tantivy::index::SegmentId;

use super::super::schema::Fields;
use crate::search::pinyin::chars_reading;

/// Most bigrams a joined need may stand for in a segment: more is a dense pair, dearer to
/// walk as a union of lists than the characters' own needs.
const MOST_KEYS: usize = 64;

/// Most dictionary lookups (first characters × second characters present) made to find a
/// joined need's bigrams; past it, and past [`MOST_RANGES`], the need is not asked.
const MOST_LOOKUPS: usize = 1024;

/// Most first characters whose bigrams are walked in the dictionary (each a range of keys).
const MOST_RANGES: usize = 256;

/// The characters of the Basic Multilingual Plane holding one of a set of readings.
#[derive(Clone, PartialEq, Eq)]
pub(super) struct Chars {
    /// One bit a code point.
    bits: Vec<u64>,
    /// The characters, ascending.
    pub(super) list: Vec<char>,
}

impl std::fmt::Debug for Chars {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} characters", self.list.len())
    }
}

impl Chars {
    /// The characters with a reading among `tokens` (as the index spells readings).
    pub(super) fn reading(tokens: &[String]) -> Chars {
        let list = chars_reading(|r| tokens.iter().any(|t| t.as_bytes() == r));
        let mut bits = vec![0u64; 0x1_0000 / 64];
        for &c in &list {
            bits[c as usize / 64] |= 1 << (c as usize % 64);
        }
        Chars { bits, list }
    }

    /// Whether `c` is one of them.
    pub(super) fn holds(&self, c: char) -> bool {
        let c = c as usize;
        c < 0x1_0000 && self.bits[c / 64] & (1 << (c % 64)) != 0
    }

    /// Whether a character is in both.
    pub(super) fn shares_any(&self, other: &Chars) -> bool {
        self.bits.iter().zip(&other.bits).any(|(a, b)| a & b != 0)
    }
}

/// Segments whose characters [`held_chars`] keeps, at most (then it starts again).
const MOST_SEGMENTS_HELD: usize = 4096;

/// Whether the character is among `bits` (as [`held_chars`] gives them).
pub(super) fn among(bits: &[u64], c: char) -> bool {
    let c = c as usize;
    c < 0x1_0000 && bits[c / 64] & (1 << (c % 64)) != 0
}

/// The characters of `seg`'s text (its `uni` dictionary), a bit each (the Basic
/// Multilingual Plane's), found once a segment for the process: the reader asks for them
/// at every search, a term for each of its pairs.
pub(super) fn held_chars(seg: &SegmentReader, fields: &Fields) -> tantivy::Result<Arc<Vec<u64>>> {
    type Held = Vec<(SegmentId, Arc<Vec<u64>>)>;
    static HELD: Mutex<Held> = Mutex::new(Vec::new());
    let lock = || {
        HELD.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    };
    let id = seg.segment_id();
    if let Some((_, bits)) = lock().iter().find(|(s, _)| *s == id) {
        return Ok(Arc::clone(bits));
    }
    let mut bits = vec![0u64; 0x1_0000 / 64];
    let inverted = seg.inverted_index(fields.uni)?;
    let mut keys = inverted.terms().stream()?;
    while keys.advance() {
        let mut chars = std::str::from_utf8(keys.key()).unwrap_or("").chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && (c as usize) < 0x1_0000
        {
            bits[c as usize / 64] |= 1 << (c as usize % 64);
        }
    }
    let bits = Arc::new(bits);
    let mut held = lock();
    if held.len() >= MOST_SEGMENTS_HELD {
        held.clear();
    }
    held.push((id, Arc::clone(&bits)));
    Ok(bits)
}

/// Bigrams found for a segment: `None` when too dear to find or too many to walk.
type Keys = Option<Arc<Vec<Vec<u8>>>>;

/// The readings a character taking a part may have, and those characters, found when first
/// asked (the reading table is looked through); shared by the pairs a part is in.
#[derive(Debug)]
pub(super) struct Side {
    readings: Vec<String>,
    chars: OnceLock<Chars>,
}

impl Side {
    pub(super) fn new(readings: Vec<String>) -> Side {
        Side {
            readings,
            chars: OnceLock::new(),
        }
    }

    fn chars(&self) -> &Chars {
        self.chars.get_or_init(|| Chars::reading(&self.readings))
    }
}

/// Two adjacent parts of a shape.
pub(super) struct Joined {
    first: Arc<Side>,
    second: Arc<Side>,
    /// The bigrams of each segment asked so far.
    keys: Mutex<Vec<(SegmentId, Keys)>>,
}

impl std::fmt::Debug for Joined {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}|{:?}", self.first.readings, self.second.readings)
    }
}

impl PartialEq for Joined {
    fn eq(&self, other: &Self) -> bool {
        self.first.readings == other.first.readings && self.second.readings == other.second.readings
    }
}

impl Eq for Joined {}

impl Joined {
    /// The pair of a character taking `first` followed by one taking `second`.
    pub(super) fn new(first: Arc<Side>, second: Arc<Side>) -> Joined {
        Joined {
            first,
            second,
            keys: Mutex::new(Vec::new()),
        }
    }

    /// The bigrams of `seg`'s text that stand for the pair (possibly none: then no match of
    /// its shape is there); `None` when finding them would cost more than walking the
    /// characters' needs, or they are more than [`MOST_KEYS`].
    pub(super) fn keys(&self, seg: &SegmentReader, fields: &Fields) -> tantivy::Result<Keys> {
        let id = seg.segment_id();
        let lock = || {
            self.keys
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if let Some((_, keys)) = lock().iter().find(|(s, _)| *s == id) {
            return Ok(keys.clone());
        }
        let keys = self.find(seg, fields)?.map(Arc::new);
        lock().push((id, keys.clone()));
        Ok(keys)
    }

    fn find(&self, seg: &SegmentReader, fields: &Fields) -> tantivy::Result<Option<Vec<Vec<u8>>>> {
        let (first, second) = (self.first.chars(), self.second.chars());
        let present = held_chars(seg, fields)?;
        let here = |c: &&char| among(&present, **c);
        let firsts: Vec<char> = first.list.iter().filter(here).copied().collect();
        let seconds: Vec<char> = second.list.iter().filter(here).copied().collect();
        let inverted = seg.inverted_index(fields.bi)?;
        let dict = inverted.terms();
        let mut keys = Vec::new();
        let mut buf = [0u8; 8];
        if firsts.len().saturating_mul(seconds.len()) <= MOST_LOOKUPS {
            for &a in &firsts {
                let n = a.encode_utf8(&mut buf).len();
                for &b in &seconds {
                    let m = b.encode_utf8(&mut buf[n..]).len();
                    if dict.get(&buf[..n + m])?.is_some() {
                        keys.push(buf[..n + m].to_vec());
                        if keys.len() > MOST_KEYS {
                            return Ok(None);
                        }
                    }
                }
            }
        } else if firsts.len() <= MOST_RANGES {
            for &a in &firsts {
                let from = a.encode_utf8(&mut buf).as_bytes().to_vec();
                // Every key starting with the character's bytes (its last byte is below 0xC0).
                let mut to = from.clone();
                if let Some(last) = to.last_mut() {
                    *last += 1;
                }
                let mut range = dict.range().ge(&from).lt(&to).into_stream()?;
                while range.advance() {
                    let key = range.key();
                    let mut chars = std::str::from_utf8(key).unwrap_or("").chars();
                    if let (Some(_), Some(b), None) = (chars.next(), chars.next(), chars.next())
                        && second.holds(b)
                    {
                        keys.push(key.to_vec());
                        if keys.len() > MOST_KEYS {
                            return Ok(None);
                        }
                    }
                }
            }
        } else {
            return Ok(None);
        }
        Ok(Some(keys))
    }
}

/// The pairs of adjacent parts of a term's shapes ([`Joined`]), one for each two sets of
/// readings, sharing their sides.
#[derive(Default)]
pub(super) struct Joins {
    sides: HashMap<Vec<String>, Arc<Side>>,
    made: HashMap<(Vec<String>, Vec<String>), Arc<Joined>>,
}

impl Joins {
    pub(super) fn of(&mut self, first: Vec<String>, second: Vec<String>) -> Arc<Joined> {
        if let Some(made) = self.made.get(&(first.clone(), second.clone())) {
            return Arc::clone(made);
        }
        let mut side = |readings: &Vec<String>| {
            Arc::clone(
                self.sides
                    .entry(readings.clone())
                    .or_insert_with(|| Arc::new(Side::new(readings.clone()))),
            )
        };
        let (a, b) = (side(&first), side(&second));
        let joined = Arc::new(Joined::new(a, b));
        self.made.insert((first, second), Arc::clone(&joined));
        joined
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::pinyin::{readings, syllables};

    #[test]
    fn the_characters_of_some_readings_are_those_the_table_gives() {
        let zh: Vec<String> = syllables()
            .iter()
            .filter(|r| r.starts_with(b"zh"))
            .map(|r| String::from_utf8_lossy(r).into_owned())
            .collect();
        let chars = Chars::reading(&zh);
        // 朝 reads `zhao` and `chao`, 长 `zhang` and `chang`.
        assert!(chars.holds('中') && chars.holds('朝') && chars.holds('长'));
        assert!(!chars.holds('安') && !chars.holds('a') && !chars.holds('𠀀'));
        let each: Vec<char> = (0..0x1_0000u32)
            .filter_map(char::from_u32)
            .filter(|&c| readings(c).iter().any(|r| r.starts_with(b"zh")))
            .collect();
        assert_eq!(chars.list, each);
    }
}
