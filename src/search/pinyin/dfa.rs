//! The pinyin scan as a small deterministic automaton, for speed (SPEC 7: a search over
//! 100,000 articles in under 50 ms).
//!
//! The NFA of a term (see the parent module) keeps a bit mask of letter offsets and, per Han
//! character, loops over the set bits. Here the masks reachable from the start are numbered
//! once, when the term is compiled, and the characters are grouped into *classes* that move
//! every mask alike (for `gonghui`, all characters whose readings start with none of its
//! letters are one class). A character costs two table loads (its class, then the
//! transition) and no loop over offsets. The text is scanned in four lanes side by side
//! (see [`Dfa::scan_utf16`]), which took `gonghui` over the 100,000-article archive from
//! 67 ms (one lane, skipping characters that cannot start a match on one bit of a map) to
//! about 52 ms, and `ghyz` from 62 ms to 37 ms.
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

    /// Calls `on_end(end)` at the end of each non-overlapping match in UTF-16LE `units` (the
    /// index's encoding, see `search::utf16`), in ascending order, as the NFA scan does: one
    /// code unit per step, no decoding; `on_end` gets byte offsets.
    ///
    /// No match spans a line break (it has no reading, so every state falls back to the
    /// start on it), so the text is cut after line breaks into [`LANES`] parts that are
    /// scanned side by side: one step of each lane per round, with no branch but the rare
    /// one on a match. A lane's step waits on its previous state (two dependent loads);
    /// the lanes' steps do not wait on each other, so the processor overlaps them.
    pub(super) fn scan_utf16(&self, units: &[u8], mut on_end: impl FnMut(usize)) {
        let cuts = lane_cuts(units);
        let lanes: [&[u8]; LANES] = std::array::from_fn(|i| &units[cuts[i]..cuts[i + 1]]);
        let rounds = lanes.iter().map(|l| l.len() / 2).min().unwrap_or(0);
        let mut ends: [Vec<usize>; LANES] = Default::default();
        // Four named states, not an array: an array is kept on the stack, and storing and
        // reloading each state would lengthen every step's chain.
        let (mut s0, mut s1, mut s2, mut s3) = (0u32, 0u32, 0u32, 0u32);
        let lanes = lanes.map(|l| &l.as_chunks::<2>().0[..rounds]);
        // The rounds in which each lane matched, noted without a branch per lane (the
        // lane's `MATCHED` bit moves its count on) for up to `ROUNDS` rounds at a time.
        let mut noted = [[0u32; ROUNDS]; LANES];
        for from in (0..rounds).step_by(ROUNDS) {
            let to = (from + ROUNDS).min(rounds);
            let [a, b, c, d] = lanes.map(|l| &l[from..to]);
            let mut n = [0usize; LANES];
            for k in 0..to - from {
                s0 = self.step(s0, u16::from_le_bytes(a[k]));
                s1 = self.step(s1, u16::from_le_bytes(b[k]));
                s2 = self.step(s2, u16::from_le_bytes(c[k]));
                s3 = self.step(s3, u16::from_le_bytes(d[k]));
                if (s0 | s1 | s2 | s3) & MATCHED != 0 {
                    for (lane, state) in [s0, s1, s2, s3].into_iter().enumerate() {
                        noted[lane][n[lane] & (ROUNDS - 1)] = k as u32;
                        n[lane] += usize::from(state & MATCHED != 0);
                    }
                }
            }
            for (lane, ends) in ends.iter_mut().enumerate() {
                let at = cuts[lane] + 2 * from + 2;
                ends.extend(noted[lane][..n[lane]].iter().map(|k| at + 2 * *k as usize));
            }
        }
        let states = [s0, s1, s2, s3];
        for lane in 0..LANES {
            for &end in &ends[lane] {
                on_end(end);
            }
            let from = cuts[lane] + 2 * rounds;
            self.scan_lane(states[lane], &units[from..cuts[lane + 1]], |end| {
                on_end(from + end)
            });
        }
    }

    /// One step of the automaton from the row `state` over the code unit `unit`.
    #[inline(always)]
    fn step(&self, state: u32, unit: u16) -> u32 {
        let class = u32::from(self.classes[usize::from(unit)]);
        self.trans[(state + class) as usize & (MAX_ENTRIES - 1)]
    }

    /// The scan of one lane from `state`: while no match is in progress, a character that
    /// cannot start one is skipped on one bit of the start map.
    fn scan_lane(&self, mut state: u32, units: &[u8], mut on_end: impl FnMut(usize)) {
        for (k, pair) in units.chunks_exact(2).enumerate() {
            let unit = u16::from_le_bytes([pair[0], pair[1]]);
            let cp = usize::from(unit);
            if state == 0 && (self.starts[(cp >> 6) & 1023] >> (cp & 63)) & 1 == 0 {
                continue;
            }
            state = self.step(state, unit);
            if state & MATCHED != 0 {
                on_end(2 * k + 2);
            }
        }
    }
}

/// Lanes a text is scanned in side by side.
const LANES: usize = 4;

/// Rounds of the side-by-side scan whose matches are noted before they are handed on; a
/// power of two (a note's index is masked with it).
const ROUNDS: usize = 1024;

/// Where the lanes of `units` begin, and the end: each cut (but the first and last) falls
/// just after a line break (`\n` as one UTF-16LE unit) at or after an equal share of the
/// text, or at the end when there is none.
fn lane_cuts(units: &[u8]) -> [usize; LANES + 1] {
    let mut cuts = [units.len(); LANES + 1];
    cuts[0] = 0;
    for lane in 1..LANES {
        let share = (units.len() / 2 * lane / LANES * 2).max(cuts[lane - 1]);
        cuts[lane] = units[share..]
            .chunks_exact(2)
            .position(|pair| pair == b"\n\0")
            .map_or(units.len(), |k| share + 2 * k + 2);
    }
    cuts
}

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
