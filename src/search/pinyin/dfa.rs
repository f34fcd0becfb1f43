//! The pinyin scan as a small deterministic automaton, for speed (SPEC 7: a search over
//! 100,000 articles in under 50 ms).
//!
//! The NFA of a term (see the parent module) keeps a bit mask of letter offsets and, per Han
//! character, loops over the set bits. Here the masks reachable from the start are numbered
//! once, when the term is compiled, and the characters are grouped into *classes* that move
//! every mask alike (for `gonghui`, all characters whose readings start with none of its
//! letters are one class). While no match is in progress, a character that cannot start
//! one is skipped on one bit of an 8 KiB map (a predictable branch); any other character
//! costs two table loads (its class, then the transition) and no loop over offsets.
//!
//! A term whose automaton would be large (more than [`MAX_CLASSES`] classes or
//! [`MAX_ENTRIES`] transitions) keeps the NFA scan; both give the same matches.

use std::collections::HashMap;

/// Classes are stored as `u8` per code point.
const MAX_CLASSES: usize = 256;
/// Transitions (states × classes) kept at most: 64 KiB of `u32`, within the L2 cache.
const MAX_ENTRIES: usize = 16 * 1024;

/// A compiled term: character classes and the transition table.
#[derive(Clone)]
pub(super) struct Dfa {
    /// The class of every BMP code point; class 0 moves every state back to the start.
    classes: Box<[u8; 0x1_0000]>,
    /// `trans[state + class]`: the next state. States are stored as the offset of their row
    /// (`id × class count`), so a step is one addition and one load.
    trans: Vec<u32>,
    /// The row of the state entered right after a match (the start state, marked).
    accepted: u32,
    /// One bit per BMP code point: can this character start a match?
    starts: Box<[u64; 1024]>,
}

impl std::fmt::Debug for Dfa {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dfa")
            .field("transitions", &self.trans.len())
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
                    1
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
        Some(Dfa {
            classes,
            trans,
            accepted: u32::try_from(n_classes).ok()?,
            starts: Box::new(*starts),
        })
    }

    /// Calls `on_end(end)` at the end of each non-overlapping match in UTF-16LE `units` (the
    /// index's encoding, see `search::utf16`), as the NFA scan does: one code unit per step,
    /// no decoding; `on_end` gets byte offsets and stops the scan by returning false.
    pub(super) fn scan_utf16(&self, units: &[u8], mut on_end: impl FnMut(usize) -> bool) {
        let mut state = 0;
        for (k, pair) in units.chunks_exact(2).enumerate() {
            let cp = usize::from(u16::from_le_bytes([pair[0], pair[1]]));
            // Characters with no reading (ASCII, punctuation, surrogates) are class 0,
            // which moves every state back to the start.
            if state == 0 && (self.starts[(cp >> 6) & 1023] >> (cp & 63)) & 1 == 0 {
                continue;
            }
            let class = u32::from(self.classes[cp & 0xFFFF]);
            state = self
                .trans
                .get((state + class) as usize)
                .copied()
                .unwrap_or_default();
            if state == self.accepted && !on_end(2 * k + 2) {
                return;
            }
        }
    }
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
