//! The pinyin scan as a small deterministic automaton, for speed (docs/contract.md §7: a search over
//! 100,000 articles in under 50 ms).
//!
//! The NFA of a term (see the parent module) keeps a bit mask of letter offsets and, per Han
//! character, loops over the set bits. Here the masks reachable from the start are numbered
//! once, when the term is compiled, and the characters are grouped into *classes* that move
//! every mask alike (for `gonghui`, all characters whose readings start with none of its
//! letters are one class). A character costs two table loads (its class, then the
//! transition) and no loop over offsets. The text is scanned in four lanes side by side,
//! and matches are counted per segment (an article's headings, its body) rather than
//! reported one by one (see [`Dfa::count_utf16`]): over the 100,000-article archive that
//! took `gonghui` (1.9 M matches) from 67 ms (one lane, skipping characters that cannot
//! start a match on one bit of a map; a mispredicted branch at every match) to about
//! 40 ms, and `ghyz` from 62 ms to about 38 ms.
//!
//! A term whose automaton would be large (more than [`MAX_CLASSES`] classes or
//! [`MAX_ENTRIES`] transitions) keeps the NFA scan; both give the same matches.

use std::collections::HashMap;

/// Classes are stored as `u8` per code point.
const MAX_CLASSES: usize = 256;
/// Transitions (states × classes) kept at most: 64 KiB of `u32`, within the L2 cache. A
/// power of two (see [`Dfa::step`]).
const MAX_ENTRIES: usize = 16 * 1024;

/// Marks a transition that completes a match: a bit above every row offset, which the
/// masked index of the next step drops (see [`Dfa::step`]).
const MATCHED: u32 = MAX_ENTRIES as u32;

/// A compiled term: character classes and the transition table.
#[derive(Clone)]
pub(super) struct Dfa {
    /// The class of every BMP code point; class 0 moves every state back to the start.
    classes: Box<[u8; 0x1_0000]>,
    /// `trans[state + class]`: the next state. States are stored as the offset of their row
    /// (`id × class count`), so a step is one addition and one load; the table is
    /// [`MAX_ENTRIES`] long, so a masked index needs no bounds check. A step that completes a
    /// match goes back to the start's row with [`MATCHED`] set.
    trans: Box<[u32; MAX_ENTRIES]>,
    /// How many states and classes there are (for `Debug`).
    size: (usize, usize),
    /// One bit per BMP code point: can this character start a match?
    starts: Box<[u64; 1024]>,
}

impl std::fmt::Debug for Dfa {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dfa")
            .field("states", &self.size.0)
            .field("classes", &self.size.1)
            .finish_non_exhaustive()
    }
}

impl Dfa {
    /// Builds the automaton of a term of `len` letters from its NFA: `ids` maps code points
    /// to reading sets, `next[set * len + offset]` is the NFA's step. `None` when it would be
    /// too large.
    pub(super) fn new(
        ids: &[u16; 0x1_0000],
        next: &[u64],
        len: usize,
        starts: &[u64; 1024],
    ) -> Option<Dfa> {
        let accept = 1u64 << len;
        let sets = next.len() / len.max(1);
        // Classes: reading sets with the same NFA row. Class 0 is the all-zero row.
        let zero = vec![0u64; len];
        let mut class_of_row: HashMap<&[u64], u8> = HashMap::new();
        class_of_row.insert(&zero, 0);
        let mut class_sets = vec![0usize];
        let mut class_of_set = Vec::with_capacity(sets);
        for set in 0..sets {
            let row = &next[set * len..(set + 1) * len];
            let fresh = u8::try_from(class_sets.len()).ok();
            let class = match class_of_row.get(row) {
                Some(c) => *c,
                None => {
                    let c = fresh?;
                    class_of_row.insert(row, c);
                    class_sets.push(set);
                    c
                }
            };
            class_of_set.push(class);
        }
        let n_classes = class_sets.len();
        if n_classes > MAX_CLASSES {
            return None;
        }
        // States: masks of NFA offsets, always holding offset 0 (a match may start at any
        // character). State 0 is the start; state 1 is the start again, entered on a match.
        let mut masks = vec![1u64, 1u64];
        let mut state_of: HashMap<u64, usize> = HashMap::from([(1u64, 0usize)]);
        let mut trans: Vec<u32> = Vec::new();
        let mut id = 0;
        while id < masks.len() {
            if masks.len() * n_classes > MAX_ENTRIES {
                return None;
            }
            let mask = masks[id];
            for &set in &class_sets {
                let row = &next[set * len..(set + 1) * len];
                let reached = step(mask, row);
                let to = if reached & accept != 0 {
                    // The start again (a match may follow at once), marked.
                    trans.push(u32::try_from(n_classes).ok()? | MATCHED);
                    continue;
                } else {
                    let target = reached | 1;
                    *state_of.entry(target).or_insert_with(|| {
                        masks.push(target);
                        masks.len() - 1
                    })
                };
                trans.push(u32::try_from(to * n_classes).ok()?);
            }
            id += 1;
        }
        if masks.len() * n_classes > MAX_ENTRIES {
            return None;
        }
        let mut classes = Box::new([0u8; 0x1_0000]);
        for (slot, set) in classes.iter_mut().zip(ids.iter()) {
            *slot = class_of_set.get(usize::from(*set)).copied().unwrap_or(0);
        }
        let mut table = Box::new([0u32; MAX_ENTRIES]);
        table[..trans.len()].copy_from_slice(&trans);
        Some(Dfa {
            classes,
            trans: table,
            size: (masks.len(), n_classes),
            starts: Box::new(*starts),
        })
    }

    /// Adds to `counts[i]` the number of non-overlapping matches in segment `i` of the
    /// UTF-16LE `units` (the index's encoding, see `search::utf16`): segment `i` runs from
    /// `ends[i - 1]` (0 for the first) to `ends[i]`, byte offsets, ascending. Each segment
    /// must end just after a line break or at the end of `units`: no match spans a line
    /// break (it has no reading, so every state falls back to the start on it), so every
    /// segment starts at the start state.
    ///
    /// The segments are dealt into [`LANES`] lanes of about equal length, scanned side by
    /// side: one step of each lane per round, and no branch. A lane's step waits on its
    /// previous state (two dependent loads); the lanes' steps do not wait on each other,
    /// so the processor overlaps them. A match adds its state's `MATCHED` bit to the
    /// lane's count, so counting costs no branch either; the rounds run until some lane
    /// reaches the end of its segment.
    pub(super) fn count_utf16(&self, units: &[u8], ends: &[usize], counts: &mut [u32]) {
        let units = units.as_chunks::<2>().0;
        let segments = ends.len().min(counts.len());
        // Segment bounds in code units, clamped to the text.
        let end_of = |segment: usize| (ends[segment] / 2).min(units.len());
        let start_of = |segment: usize| segment.checked_sub(1).map_or(0, end_of);
        let total = segments.checked_sub(1).map_or(0, end_of);
        // Lane `l` takes segments `first[l]..first[l + 1]`.
        let mut first = [segments; LANES + 1];
        first[0] = 0;
        for lane in 1..LANES {
            let share = total * lane / LANES;
            let at = ends[..segments].partition_point(|end| end / 2 <= share);
            first[lane] = at.max(first[lane - 1]);
        }
        let mut segment: [usize; LANES] = std::array::from_fn(|lane| first[lane]);
        let mut pos: [usize; LANES] = std::array::from_fn(|lane| start_of(first[lane]));
        let mut states = [0u32; LANES];
        while (0..LANES).all(|lane| segment[lane] < first[lane + 1]) {
            let run = (0..LANES)
                .map(|lane| end_of(segment[lane]).saturating_sub(pos[lane]))
                .fold(MAX_RUN, usize::min);
            let [a, b, c, d] = std::array::from_fn(|lane| &units[pos[lane]..pos[lane] + run]);
            // Named variables, not arrays: an array is kept on the stack, and storing and
            // reloading each state would lengthen every step's chain.
            let [mut s0, mut s1, mut s2, mut s3] = states;
            let (mut n0, mut n1, mut n2, mut n3) = (0u32, 0u32, 0u32, 0u32);
            for k in 0..run {
                s0 = self.step(s0, u16::from_le_bytes(a[k]));
                s1 = self.step(s1, u16::from_le_bytes(b[k]));
                s2 = self.step(s2, u16::from_le_bytes(c[k]));
                s3 = self.step(s3, u16::from_le_bytes(d[k]));
                n0 += s0 & MATCHED;
                n1 += s1 & MATCHED;
                n2 += s2 & MATCHED;
                n3 += s3 & MATCHED;
            }
            states = [s0, s1, s2, s3];
            for (lane, found) in [n0, n1, n2, n3].into_iter().enumerate() {
                counts[segment[lane]] += found / MATCHED;
                pos[lane] += run;
                if pos[lane] >= end_of(segment[lane]) {
                    segment[lane] += 1;
                }
            }
        }
        // What is left of each lane, one lane at a time.
        for lane in 0..LANES {
            let mut state = states[lane];
            for segment in segment[lane]..first[lane + 1] {
                let text = &units[pos[lane].min(end_of(segment))..end_of(segment)];
                counts[segment] += self.count_lane(&mut state, text);
                pos[lane] = end_of(segment);
            }
        }
    }

    /// One step of the automaton from the row `state` over the code unit `unit`.
    #[inline(always)]
    fn step(&self, state: u32, unit: u16) -> u32 {
        let class = u32::from(self.classes[usize::from(unit)]);
        self.trans[(state + class) as usize & (MAX_ENTRIES - 1)]
    }

    /// The matches in `units` scanned alone from `state`: while no match is in progress, a
    /// character that cannot start one is skipped on one bit of the start map.
    fn count_lane(&self, state: &mut u32, units: &[[u8; 2]]) -> u32 {
        let mut found = 0;
        for unit in units {
            let unit = u16::from_le_bytes(*unit);
            let cp = usize::from(unit);
            if *state == 0 && (self.starts[(cp >> 6) & 1023] >> (cp & 63)) & 1 == 0 {
                continue;
            }
            *state = self.step(*state, unit);
            found += u32::from(*state & MATCHED != 0);
        }
        found
    }
}

/// Lanes a text is scanned in side by side.
const LANES: usize = 4;

/// The most rounds scanned side by side before the counts are added up: a lane's count
/// grows by `MATCHED` (2^14) per match, so 2^17 rounds cannot overflow a `u32`.
const MAX_RUN: usize = 1 << 17;

/// The NFA offsets reachable from `mask` over one character whose row is `row`.
fn step(mut mask: u64, row: &[u64]) -> u64 {
    let mut out = 0;
    while mask != 0 {
        let from = mask.trailing_zeros() as usize;
        mask &= mask - 1;
        out |= row.get(from).copied().unwrap_or(0);
    }
    out
}
