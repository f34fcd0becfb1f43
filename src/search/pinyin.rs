//! Pinyin matching: a Latin term finds Han text by full pinyin, by initials, or a mix.
//!
//! Every Han character in the Basic Multilingual Plane maps to a *reading set*: the distinct
//! toneless readings of all its pronunciations (多音字 count every reading), with ü written
//! `v`. A term becomes a small NFA over its letter offsets; for each reading set and offset
//! the reachable offsets are precomputed as a bit mask, so scanning text costs one table
//! lookup per Han character.
//!
//! Per character, a term may use the full syllable (`gong`), its initial (`g`), or a
//! two-letter initial (`zh`, `ch`, `sh`). The term's *last* part may also be any prefix of
//! the last character's syllable, so search-as-you-type works (`gongh` finds 工会). ü may be
//! typed `v` or `u` (`lvse`, `luse` → 绿色), and `ju`/`qu`/`xu`/`yu` may be typed with `v`.
//! Characters outside the BMP (CJK extension B and later) have no readings here.

mod dfa;

/// The longest term matched by pinyin: offsets live in a `u64` bit mask.
const MAX_TERM: usize = 63;

/// The table build.rs makes: `IDS`, `SETS` and `SYLLABLES`.
mod generated {
    include!(concat!(env!("OUT_DIR"), "/pinyin_table.rs"));
}

/// Reading sets of every BMP character.
struct Table {
    /// Reading-set id of each BMP code point; 0 means "no reading". A fixed-size array, so
    /// indexing with a masked code point needs no bounds check.
    ids: &'static [u16; 0x1_0000],
    /// Reading sets by id (index 0 is the empty set).
    sets: &'static [&'static [&'static [u8]]],
}

fn table() -> &'static Table {
    static TABLE: Table = Table {
        ids: &generated::IDS,
        sets: &generated::SETS,
    };
    &TABLE
}

/// The reading-set id of `c`, or 0 when it has no pinyin.
fn set_of(t: &Table, c: u32) -> usize {
    if c > 0xFFFF {
        return 0;
    }
    usize::from(t.ids[(c & 0xFFFF) as usize])
}

/// The distinct toneless readings of `c` as the matcher spells them (ü as `v`, ê as `e`);
/// empty when it has none (the index's reading tokens are these).
pub(crate) fn readings(c: char) -> &'static [&'static [u8]] {
    let t = table();
    t.sets[set_of(t, c as u32)]
}

/// Every character of the Basic Multilingual Plane with a reading that `holds` accepts,
/// ascending (each reading set asked once, not each character).
pub(crate) fn chars_reading(holds: impl Fn(&[u8]) -> bool) -> Vec<char> {
    // The characters of each reading set, found once.
    static BY_SET: std::sync::OnceLock<Vec<Vec<char>>> = std::sync::OnceLock::new();
    let t = table();
    let by_set = BY_SET.get_or_init(|| {
        let mut by_set = vec![Vec::new(); t.sets.len()];
        for (c, &id) in t.ids.iter().enumerate() {
            if let (Some(chars), Some(c)) =
                (by_set.get_mut(usize::from(id)), char::from_u32(c as u32))
                && id != 0
            {
                chars.push(c);
            }
        }
        by_set
    });
    let mut out: Vec<char> = t
        .sets
        .iter()
        .zip(by_set)
        .filter(|(set, _)| set.iter().any(|r| holds(r)))
        .flat_map(|(_, chars)| chars.iter().copied())
        .collect();
    out.sort_unstable();
    out
}

/// Every distinct reading of every character, sorted (the index's queries look through
/// them to learn which readings a piece of a term can stand for).
pub(crate) fn syllables() -> &'static [&'static [u8]] {
    &generated::SYLLABLES
}

/// Whether the typed letter `typed` may stand for `reading[k]`.
pub(crate) fn letter_matches(reading: &[u8], k: usize, typed: u8) -> bool {
    let r = reading[k];
    r == typed
        || (r == b'v' && typed == b'u')
        || (r == b'u'
            && typed == b'v'
            && k > 0
            && matches!(reading[k - 1], b'j' | b'q' | b'x' | b'y'))
}

/// How `term[from..]` relates to `reading`: it may start with it or be a prefix of it.
fn compare(term: &[u8], from: usize, reading: &[u8]) -> (bool, bool) {
    let rest = &term[from..];
    let n = rest.len().min(reading.len());
    let agree = (0..n).all(|k| letter_matches(reading, k, rest[k]));
    let starts_with = agree && rest.len() >= reading.len();
    let prefix_of = agree && rest.len() < reading.len();
    (starts_with, prefix_of)
}

/// A term compiled for pinyin matching.
#[derive(Debug, Clone)]
pub struct PinyinPattern {
    /// Number of letters in the term.
    len: usize,
    /// `next[set * len + offset]`: offsets reachable after one character of that reading set.
    /// Bit `len` means "the whole term matched".
    next: Vec<u64>,
    /// `first[set]`: the offsets reachable from offset 0 alone, the common case of a scan.
    first: Vec<u64>,
    /// One bit per BMP code point: can this character start a match? 8 KiB, so it stays in
    /// the L1 cache and most characters of a scan cost one load.
    starts: Box<[u64; 1024]>,
    /// The same matcher as a deterministic automaton, for the scan; `None` for the rare
    /// term whose automaton would be too large (the NFA scan then serves).
    dfa: Option<dfa::Dfa>,
}

impl PinyinPattern {
    /// Compiles a folded term; `None` unless it is 1 to 63 ASCII letters. A single letter
    /// matches every character with that initial: search-as-you-type shows the list
    /// narrowing from the first letter of `gonghui` instead of emptying until the second.
    pub fn new(term: &str) -> Option<Self> {
        let term = term.as_bytes();
        if term.is_empty() || term.len() > MAX_TERM || !term.iter().all(u8::is_ascii_lowercase) {
            return None;
        }
        let t = table();
        let len = term.len();
        let mut next = vec![0u64; t.sets.len() * len];
        for (set_id, readings) in t.sets.iter().enumerate() {
            for from in 0..len {
                let mut mask = 0u64;
                for reading in readings.iter() {
                    let (starts_with, prefix_of) = compare(term, from, reading);
                    if starts_with {
                        mask |= 1 << (from + reading.len());
                    }
                    if prefix_of {
                        mask |= 1 << len;
                    }
                    if reading.first() == Some(&term[from]) {
                        mask |= 1 << (from + 1);
                    }
                    let two = reading.get(..2);
                    if matches!(two, Some(b"zh" | b"ch" | b"sh")) && term.get(from..from + 2) == two
                    {
                        mask |= 1 << (from + 2);
                    }
                }
                next[set_id * len + from] = mask;
            }
        }
        let first: Vec<u64> = (0..t.sets.len()).map(|set| next[set * len]).collect();
        let mut starts = Box::new([0u64; 1024]);
        for (cp, id) in t.ids.iter().enumerate() {
            if first.get(usize::from(*id)).is_some_and(|m| *m != 0) {
                starts[(cp >> 6) & 1023] |= 1 << (cp & 63);
            }
        }
        let dfa = dfa::Dfa::new(t.ids, &next, len, &starts);
        Some(PinyinPattern {
            len,
            next,
            first,
            starts,
            dfa,
        })
    }

    /// One NFA step: the offsets reachable from `state` over a character of reading set `set`.
    #[inline]
    fn step(&self, mut state: u64, set: usize) -> u64 {
        let row = &self.next[set * self.len..(set + 1) * self.len];
        let mut out = 0;
        while state != 0 {
            let from = state.trailing_zeros() as usize;
            state &= state - 1;
            out |= row.get(from).copied().unwrap_or(0);
        }
        out
    }

    /// Calls `on_match(start, end)` for each non-overlapping match in `text`, leftmost-ending
    /// first (which also gives the largest number of matches); stops when it returns false.
    pub fn for_each_match(&self, text: &str, mut on_match: impl FnMut(usize, usize) -> bool) {
        let t = table();
        let accept = 1u64 << self.len;
        // starts[o]: the earliest start of a partial match at offset o.
        let mut starts = [usize::MAX; MAX_TERM + 1];
        let mut state = 1u64;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let (cp, width) = decode(bytes, i);
            let set = set_of(t, cp);
            let can_start =
                cp <= 0xFFFF && (self.starts[(cp as usize >> 6) & 1023] >> (cp & 63)) & 1 != 0;
            if set == 0 || (state == 1 && !can_start) {
                state = 1;
                i += width;
                continue;
            }
            starts[0] = i;
            let mut next_starts = [usize::MAX; MAX_TERM + 1];
            let mut next = 0u64;
            let mut st = state;
            while st != 0 {
                let from = st.trailing_zeros() as usize;
                st &= st - 1;
                let mut reach = self.step(1 << from, set);
                next |= reach;
                while reach != 0 {
                    let to = reach.trailing_zeros() as usize;
                    reach &= reach - 1;
                    next_starts[to] = next_starts[to].min(starts[from]);
                }
            }
            i += width;
            if next & accept != 0 {
                if !on_match(next_starts[self.len], i) {
                    return;
                }
                state = 1;
            } else {
                state = next | 1;
                starts = next_starts;
            }
        }
    }

    /// Adds to `counts[i]` the number of non-overlapping matches in segment `i` of folded
    /// text held as UTF-16LE bytes (the index's encoding, see `search::utf16`): segment `i`
    /// ends at byte offset `ends[i]`, just after a line break or at the end of `units`.
    /// The matches are those [`PinyinPattern::for_each_match`] finds.
    ///
    /// This is the hot loop of a pinyin search; it runs the term's deterministic automaton
    /// (see `dfa`) when it has one, reading one code unit per character.
    pub fn count_utf16(&self, units: &[u8], ends: &[usize], counts: &mut [u32]) {
        match &self.dfa {
            Some(dfa) => dfa.count_utf16(units, ends, counts),
            None => self.count_nfa_utf16(units, ends, counts),
        }
    }

    /// [`PinyinPattern::count_utf16`] by the NFA.
    fn count_nfa_utf16(&self, units: &[u8], ends: &[usize], counts: &mut [u32]) {
        let mut segment = 0;
        self.scan_nfa_utf16(units, |end| {
            while ends.get(segment).is_some_and(|e| *e < end) {
                segment += 1;
            }
            if let Some(count) = counts.get_mut(segment) {
                *count += 1;
            }
        });
    }

    /// Calls `on_end(end)` with the byte offset of the end of each match in UTF-16LE
    /// `units`, in ascending order, by the NFA: one table lookup per character while no
    /// match is in progress.
    fn scan_nfa_utf16(&self, units: &[u8], mut on_end: impl FnMut(usize)) {
        let ids = &table().ids;
        let first = self.first.as_slice();
        let accept = 1u64 << self.len;
        let mut state = 1u64;
        for (k, pair) in units.chunks_exact(2).enumerate() {
            let cp = usize::from(u16::from_le_bytes([pair[0], pair[1]]));
            if state == 1 && (self.starts[(cp >> 6) & 1023] >> (cp & 63)) & 1 == 0 {
                continue;
            }
            // Set 0 (no reading) leads nowhere, so the state falls back to the start.
            let set = usize::from(ids[cp & 0xFFFF]);
            let next = if state == 1 {
                first.get(set).copied().unwrap_or(0)
            } else {
                self.step(state, set)
            };
            if next & accept != 0 {
                on_end(2 * k + 2);
                state = 1;
            } else {
                state = next | 1;
            }
        }
    }
}

/// Decodes the UTF-8 character at `i` (which must be a char boundary of valid UTF-8),
/// returning its code point and byte length. Only BMP code points matter to the table, so
/// four-byte characters return a code point outside it.
#[inline]
fn decode(bytes: &[u8], i: usize) -> (u32, usize) {
    let b0 = u32::from(bytes[i]);
    let cont = |k: usize| u32::from(bytes.get(i + k).copied().unwrap_or(0x80) & 0x3F);
    match bytes[i] {
        0x00..=0x7F => (b0, 1),
        0xC0..=0xDF => (((b0 & 0x1F) << 6) | cont(1), 2),
        0xE0..=0xEF => (((b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3),
        _ => (0x11_0000, 4),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(term: &str, text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        if let Some(p) = PinyinPattern::new(term) {
            p.for_each_match(text, |s, e| {
                out.push((s, e));
                true
            });
            let ends: Vec<usize> = out.iter().map(|m| m.1).collect();
            assert_eq!(
                nfa_ends_utf16(term, text),
                ends,
                "the NFA agrees for {term}"
            );
            assert_eq!(
                counts_utf16(term, text, true, 1),
                line_counts(term, text, 1),
                "the automaton agrees for {term}"
            );
        }
        out
    }

    /// Ends found over UTF-16LE by the NFA, as UTF-8 byte offsets of the same text.
    fn nfa_ends_utf16(term: &str, text: &str) -> Vec<usize> {
        let units = crate::search::utf16::encode(text);
        let mut to_utf8 = std::collections::HashMap::new();
        let (mut b8, mut b16) = (0, 0);
        for c in text.chars() {
            b8 += c.len_utf8();
            b16 += 2 * c.len_utf16();
            to_utf8.insert(b16, b8);
        }
        let mut out = Vec::new();
        if let Some(p) = PinyinPattern::new(term) {
            p.scan_nfa_utf16(&units, |end| out.push(to_utf8[&end]));
        }
        out
    }

    /// Matches counted over UTF-16LE by the automaton (`dfa`) or the NFA, in segments of
    /// `lines` lines each (the last may be shorter and need not end with a line break).
    fn counts_utf16(term: &str, text: &str, dfa: bool, lines: usize) -> Vec<u32> {
        let mut ends = Vec::new();
        let mut units = Vec::new();
        for (i, line) in text.split_inclusive('\n').enumerate() {
            units.extend(crate::search::utf16::encode(line));
            if (i + 1) % lines == 0 {
                ends.push(units.len());
            }
        }
        if ends.last() != Some(&units.len()) {
            ends.push(units.len());
        }
        let mut counts = vec![0; ends.len()];
        if let Some(p) = PinyinPattern::new(term) {
            match (&p.dfa, dfa) {
                (Some(d), true) => d.count_utf16(&units, &ends, &mut counts),
                _ => p.count_nfa_utf16(&units, &ends, &mut counts),
            }
        }
        counts
    }

    /// The matches `for_each_match` finds, counted as [`counts_utf16`] counts them.
    fn line_counts(term: &str, text: &str, lines: usize) -> Vec<u32> {
        let per_line: Vec<usize> = text
            .split_inclusive('\n')
            .map(|line| ends(term, line).len())
            .collect();
        let mut counts: Vec<u32> = per_line
            .chunks(lines)
            .map(|group| group.iter().sum::<usize>() as u32)
            .collect();
        if counts.is_empty() {
            counts.push(0);
        }
        counts
    }

    /// Ends of the matches that `for_each_match` (which tracks starts) finds.
    fn ends(term: &str, text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        if let Some(p) = PinyinPattern::new(term) {
            p.for_each_match(text, |_, e| {
                out.push(e);
                true
            });
        }
        out
    }

    #[test]
    fn the_automaton_and_the_nfa_agree() {
        let text = "天宫院街道总工会相继建成2家24小时工会驿站、1家延时工会驿站，工会工会\
                    绿色出行，会计人员在银行行动。ｍａｌｌ 凯德MALL 购物中心买了";
        for term in [
            "gonghui",
            "ghyz",
            "gh",
            "gonghu",
            "gongh",
            "lvse",
            "luse",
            "kuaiji",
            "huiji",
            "yinhang",
            "xingdong",
            "mall",
            "maile",
            "zhan",
            "zh",
            "hhh",
            "ggggggggggg",
        ] {
            assert!(PinyinPattern::new(term).is_some_and(|p| p.dfa.is_some()));
            assert_eq!(nfa_ends_utf16(term, text), ends(term, text), "{term}");
            for dfa in [true, false] {
                assert_eq!(
                    counts_utf16(term, text, dfa, 1),
                    line_counts(term, text, 1),
                    "{term}"
                );
            }
        }
    }

    /// The automaton scans segments dealt into lanes; lines of every length, from none to
    /// longer than a lane's share, in segments of one line or several, must give the same
    /// counts as one pass.
    #[test]
    fn the_lanes_find_what_one_pass_finds() {
        let pieces = [
            "工会驿站",
            "总工会",
            "绿色",
            "，",
            "a",
            "会计",
            "ｍａｌｌ",
            "高",
        ];
        let mut seed = 7u32;
        for lines in [0, 1, 2, 3, 4, 5, 8, 13, 40] {
            let mut text = String::new();
            for line in 0..lines {
                for _ in 0..(line * 5 % 11) {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    text.push_str(pieces[(seed >> 16) as usize % pieces.len()]);
                }
                text.push('\n');
            }
            text.push_str("工会驿站");
            for term in ["gonghui", "ghyz", "gh", "lvse", "kuaiji", "mall", "g"] {
                for group in [1, 2, 3, 7] {
                    assert_eq!(
                        counts_utf16(term, &text, true, group),
                        line_counts(term, &text, group),
                        "{term} in segments of {group} lines"
                    );
                }
            }
        }
    }

    #[test]
    fn the_scans_skip_what_has_no_reading() {
        let text = "天宫院街道总工会相继建成2家24小时工会驿站、1家延时工会驿站，工会😀工会\
                    绿色出行，会计人员在银行行动。ｍａｌｌ 凯德MALL é工会 购物中心买了";
        for term in [
            "gonghui", "ghyz", "gh", "gongh", "lvse", "kuaiji", "yinhang", "mall",
        ] {
            assert_eq!(nfa_ends_utf16(term, text), ends(term, text), "{term}");
            for dfa in [true, false] {
                assert_eq!(
                    counts_utf16(term, text, dfa, 1),
                    line_counts(term, text, 1),
                    "{term} dfa={dfa}"
                );
            }
        }
    }

    #[test]
    fn full_pinyin_initials_and_mixed() {
        assert_eq!(matches("gonghui", "的工会驿"), vec![(3, 9)]);
        assert_eq!(matches("ghyz", "工会驿站"), vec![(0, 12)]);
        assert_eq!(matches("gonghyz", "工会驿站"), vec![(0, 12)]);
    }

    #[test]
    fn a_single_letter_matches_by_initial() {
        assert_eq!(matches("g", "工会驿站"), vec![(0, 3)]);
        assert_eq!(matches("h", "工会"), vec![(3, 6)]);
        assert_eq!(matches("x", "西城区"), vec![(0, 3)]);
        assert!(matches("q", "工会").is_empty());
    }

    #[test]
    fn last_syllable_may_be_a_prefix() {
        assert_eq!(matches("gongh", "工会"), vec![(0, 6)]);
        assert_eq!(matches("gonghu", "工会"), vec![(0, 6)]);
    }

    #[test]
    fn u_umlaut_as_v_or_u() {
        assert_eq!(matches("lvse", "绿色"), vec![(0, 6)]);
        assert_eq!(matches("luse", "绿色"), vec![(0, 6)]);
    }

    #[test]
    fn heteronyms_match_every_reading() {
        assert_eq!(matches("kuaiji", "会计"), vec![(0, 6)]);
        assert_eq!(matches("huiji", "会计"), vec![(0, 6)]);
        assert_eq!(matches("yinhang", "银行"), vec![(0, 6)]);
        assert_eq!(matches("xingdong", "行动"), vec![(0, 6)]);
    }

    #[test]
    fn no_match_across_non_han() {
        assert!(matches("gonghui", "工 会").is_empty());
        assert!(matches("gonghui", "工").is_empty());
    }

    #[test]
    fn non_overlapping_and_repeated() {
        assert_eq!(matches("gh", "工会工会"), vec![(0, 6), (6, 12)]);
    }
}
