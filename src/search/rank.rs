//! Ranking: title hits first, then more hits, then original order.

use super::SearchHit;

/// Below this many hits a comparison sort is as fast as counting.
const COUNTED_FROM: usize = 1 << 12;

/// Sorts hits best first: articles with a hit in the title, kicker or subtitle before those
/// without, then by total hits (more first), then by position in the collection.
///
/// A long list (a common word over a million articles) is put in order by counting, not by
/// comparing (one million: 64 → 23 ms, a tenth of what the reader spends on a pinyin word
/// at that size): see `counted`.
pub fn rank(hits: &mut [SearchHit]) {
    if hits.len() < COUNTED_FROM || !counted(hits) {
        hits.sort_unstable_by_key(|h| {
            (u128::from(h.title_hits == 0) << 127)
                | (u128::from(u64::MAX - h.hits as u64) << 63)
                | (h.index as u128 & ((1 << 63) - 1))
        });
    }
}

/// Ranks `hits` by counting, when they allow it (each place once, places below four times
/// their number, fewer than 2^15 hits each), else leaves them as they are and says no.
/// Each place's hits and title hits are packed in a slot of their place, then written back in
/// place order, each where its class (title or not, hits) goes next: the slots are read in
/// one run and the classes are a few streams of writes.
fn counted(hits: &mut [SearchHit]) -> bool {
    let (mut most_hits, mut last) = (0, 0);
    for h in hits.iter() {
        if h.title_hits > h.hits {
            return false;
        }
        most_hits = most_hits.max(h.hits);
        last = last.max(h.index);
    }
    if most_hits >= 1 << 15 || last / 4 >= hits.len() || u32::try_from(hits.len()).is_err() {
        return false;
    }
    let mut at_place = vec![0u32; last + 1];
    let mut starts = vec![0u32; 2 * (most_hits + 1) + 1];
    for h in hits.iter() {
        let slot = &mut at_place[h.index];
        if *slot != 0 {
            return false;
        }
        *slot = PRESENT | (h.title_hits as u32) << 15 | h.hits as u32;
        starts[class(h.hits, h.title_hits, most_hits) + 1] += 1;
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    for (index, &slot) in at_place.iter().enumerate().filter(|(_, s)| **s != 0) {
        let (here, title_hits) = ((slot & 0x7fff) as usize, ((slot >> 15) & 0x7fff) as usize);
        let at = &mut starts[class(here, title_hits, most_hits)];
        hits[*at as usize] = SearchHit {
            index,
            hits: here,
            title_hits,
        };
        *at += 1;
    }
    true
}

/// Marks a place that has hits in its packed hits and title hits.
const PRESENT: u32 = 1 << 31;

/// The rank class of `hits` and `title_hits`: titled first, then more hits first.
fn class(hits: usize, title_hits: usize, most_hits: usize) -> usize {
    usize::from(title_hits == 0) * (most_hits + 1) + most_hits - hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn hit(index: usize, hits: usize, title_hits: usize) -> SearchHit {
        SearchHit {
            index,
            hits,
            title_hits,
        }
    }

    #[test]
    fn title_hits_first_then_count_then_order() {
        let mut v = vec![
            hit(0, 9, 0),
            hit(1, 1, 1),
            hit(2, 3, 0),
            hit(3, 3, 0),
            hit(4, 2, 1),
        ];
        rank(&mut v);
        let order: Vec<usize> = v.iter().map(|h| h.index).collect();
        assert_eq!(order, [4, 1, 0, 2, 3]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        /// A long list is counted into the order a comparison gives (by title, hits and
        /// place: the place makes every key unique).
        #[test]
        fn counted_equals_compared(
            seed in any::<u64>(),
            len in COUNTED_FROM..3 * COUNTED_FROM,
            most in 1usize..60,
            spread in 1usize..5,
        ) {
            let mut x = seed | 1;
            let mut next = move || { x ^= x << 13; x ^= x >> 7; x ^= x << 17; x as usize };
            // Distinct places, scattered over up to `spread` times the list's length.
            let mut places: Vec<usize> = (0..len * spread).collect();
            for i in (1..places.len()).rev() {
                places.swap(i, next() % (i + 1));
            }
            let mut v: Vec<SearchHit> = places[..len]
                .iter()
                .map(|&index| {
                    let hits = 1 + next() % most;
                    hit(index, hits, (next() % 4 == 0) as usize * (1 + next() % hits))
                })
                .collect();
            let mut compared = v.clone();
            compared.sort_by_key(|h| (h.title_hits == 0, std::cmp::Reverse(h.hits), h.index));
            rank(&mut v);
            prop_assert_eq!(v, compared);
        }
    }

    #[test]
    fn a_list_counting_cannot_rank_is_compared() {
        // A place twice, and places far apart: compared, in the same order.
        let mut twice: Vec<SearchHit> = (0..COUNTED_FROM)
            .map(|i| hit(i / 2, 1 + i % 3, 0))
            .collect();
        let mut sparse: Vec<SearchHit> = (0..COUNTED_FROM)
            .map(|i| hit(i * 100, 1 + i % 3, i % 2))
            .collect();
        for v in [&mut twice, &mut sparse] {
            let mut compared = v.clone();
            compared.sort_by_key(|h| (h.title_hits == 0, std::cmp::Reverse(h.hits), h.index));
            rank(v);
            assert_eq!(*v, compared);
        }
    }
}
