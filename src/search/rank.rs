//! Ranking: title hits first, then more hits, then original order.

use super::SearchHit;

/// Sorts hits best first: articles with a hit in the title, kicker or subtitle before those
/// without, then by total hits (more first), then by position in the collection.
pub fn rank(hits: &mut [SearchHit]) {
    // The position makes every key unique: an unstable sort gives the one order, faster;
    // the key packed in one integer compares in one instruction.
    hits.sort_unstable_by_key(|h| {
        (u128::from(h.title_hits == 0) << 127)
            | (u128::from(u64::MAX - h.hits as u64) << 63)
            | (h.index as u128 & ((1 << 63) - 1))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
