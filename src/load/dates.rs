//! Dates as loading leaves them: real days or none, and the newest day first.

use crate::article::Article;

/// Makes every article's date a real `YYYY-MM-DD` day or absent: an empty date becomes
/// absent, and a date that is not a day is taken away (the article is kept, undated).
/// Returns how many were taken away, for one warning.
pub fn settle_dates(articles: &mut [Article]) -> usize {
    let mut bad = 0;
    for a in articles {
        if let Some(d) = &a.date
            && crate::date::Date::parse(d).is_none()
        {
            bad += usize::from(!d.is_empty());
            a.date = None;
        }
    }
    bad
}

/// Puts the newest day first, as a newsreader lists its news: a stable sort on the date,
/// so the articles of one day (and all of them, when the source gives no dates) keep the
/// source's order, and undated articles come last. Dates are compared as calendar days
/// ([`crate::date::Date`]); a date that is not a day counts as none.
pub fn newest_first(articles: &mut [Article]) {
    // The keys side by side: comparing the articles' own strings would chase a pointer
    // into a different allocation at each comparison.
    let keys: Vec<Option<u32>> = articles
        .iter()
        .map(|a| crate::date::date_of(a.date.as_deref()).map(crate::date::Date::key))
        .collect();
    if keys.is_sorted_by(|a, b| a >= b) {
        return;
    }
    // Sorting the articles themselves would take a buffer of half of them; sort their
    // positions, then move each cycle of the permutation into place by swaps.
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&i, &j| keys[j].cmp(&keys[i]));
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != usize::MAX {
            let from = std::mem::replace(&mut order[at], usize::MAX);
            if from == start {
                break;
            }
            articles.swap(at, from);
            at = from;
        }
    }
}
