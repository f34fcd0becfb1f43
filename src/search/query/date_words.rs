//! A query's words without its dates, for the one date filter the reader edits (`t`, `T`)
//! and for a report's title, which names the dates as a range.

/// `query` without its `date:` / `日期:` operators (the date key puts a new one in their
/// place), its other words as they were. Words are parted by ASCII and full-width spaces,
/// as the query's are; a `date:` inside a quoted phrase is part of the phrase and stays,
/// and a quoted value of a `date:` goes with it.
pub fn without_dates(query: &str) -> String {
    let is_date = |word: &str| {
        word.split_once([':', '：'])
            .is_some_and(|(name, _)| name.eq_ignore_ascii_case("date") || name == "日期")
    };
    let mut out = String::with_capacity(query.len());
    // The quote mark that closes the phrase open here, if any; whether a `date:` is being
    // taken out (its quoted value runs on to the mark).
    let (mut open, mut dropping, mut removed) = (None::<char>, false, false);
    let mut at = 0;
    for chunk in query.split_inclusive([' ', '\u{3000}']) {
        let word = chunk.trim_end_matches([' ', '\u{3000}']);
        let starts_quoted = open.is_some();
        for (i, c) in word.char_indices() {
            // `＂` is `"` to the query (`search::query::wide`).
            let c = if c == '＂' { '"' } else { c };
            open = match (open, c) {
                (None, '"') => Some('"'),
                // A `“` opens a phrase only when a `”` follows it, as in the query.
                (None, '“') if query[at + i..].contains('”') => Some('”'),
                (Some(close), c) if c == close => None,
                (open, _) => open,
            };
        }
        if dropping || (!starts_quoted && is_date(word)) {
            dropping = open.is_some();
            removed = true;
        } else {
            out.push_str(chunk);
        }
        at += chunk.len();
    }
    match removed {
        true => out.trim_end().to_string(),
        false => query.to_string(),
    }
}
