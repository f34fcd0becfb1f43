//! Which terms the index counts exactly, and how: a literal term by its bigrams (a
//! two-character one by its frequencies alone), a pinyin term by its readings and letter
//! pairs ([`Spelled`]), and several terms whose matches may overlap one another together.

use super::gapped::Gapped;
use super::spelled::Spelled;
use crate::index::query::grams;
use crate::search::pinyin::{letter_matches, readings};
use crate::search::{Query, Term};

/// A document: file, segment, document number.
pub(super) type DocAt = (usize, usize, u32);

/// Which documents to count (given the document and its date key), asked before the
/// positions of a term are read; on every thread of a search.
pub(super) type Wanted<'a> = &'a (dyn Fn(DocAt, (u64, u64, u64)) -> bool + Sync);

/// Terms as the index counts them, each with whether it must stand in the headings
/// ([`exact_query`]).
pub(super) type Terms = (Vec<Counter>, Vec<bool>);

/// How the index counts one term's hits.
pub(super) enum Counter {
    /// A literal term of three characters or more, by its bigrams: all of them, with their
    /// offsets (a document's positions are read only for the cheapest that cover the term,
    /// see `ranked::cheapest_cover`).
    Literal(Vec<(u32, String)>),
    /// A pinyin term, by its readings and letters ([`Spelled`]).
    Spelled(Spelled),
    /// A literal term of one character or two (its one bigram): its hits are the
    /// character's (`uni`) or the bigram's (`bi`) frequency in the document and its title
    /// hits the frequency in the headings (`huni`, `hbi`), no position read.
    Frequency(Vec<(u32, String)>),
    /// A pinyin term of one letter: the characters a reading of which starts with it and
    /// the letter itself, by frequencies alone (see `open/letter.rs`).
    Letter(char),
    /// Several terms whose matches may overlap one another (a pinyin term and another, or
    /// literal terms such as `工会 会员`): each one's matches are found as [`Spelled`] finds
    /// them, and the hits are those of all of them together without overlaps, as the
    /// matcher counts several terms (leftmost first, the longest at one start).
    Together(Vec<Spelled>),
    /// A quoted phrase with gaps (`"工会 驿站"`), by its pieces' bigrams and the whitespace
    /// after them ([`Gapped`]).
    Gapped(Gapped),
    /// One character beside longer terms that may hold it (`驿站 站`, `工会 会`, `"工会 驿站"
    /// 站`; see [`inside`]): its frequency in the document and in the headings (`gram`, as
    /// [`Counter::Frequency`]), less `k` times the hits and title hits of the term at each
    /// `(place among the query's terms, k)` of `minus`, which holds it `k` times.
    Inside {
        gram: Vec<(u32, String)>,
        minus: Vec<(usize, u32)>,
    },
}

impl Counter {
    /// How the index counts the literal term of `units` ([`exact_units`]).
    pub(super) fn literal(units: &[char]) -> Counter {
        if let [c] = units {
            return Counter::Frequency(vec![(0, c.to_string())]);
        }
        match units.len() {
            2 => Counter::Frequency(grams(units)),
            _ => Counter::Literal(
                (0..units.len() - 1)
                    .map(|i| (i as u32, units[i..i + 2].iter().collect()))
                    .collect(),
            ),
        }
    }
}

/// How to count the query's terms when the index can count the hits of all of them
/// together exactly: one pinyin term ([`Spelled`]); literal terms each of which the index
/// counts exactly ([`exact_units`]) and no occurrence of one of which can overlap an
/// occurrence of another (neither holds the other, and no end of one is a start of the
/// other), so the matcher's non-overlapping hits of the terms together are the sum of each
/// term's own; phrases with gaps, such terms and one pinyin letter when no match of one
/// can overlap a match of another ([`apart`]); or else such terms and pinyin terms counted
/// [`Counter::Together`].
pub(super) fn exact_terms(query: &Query) -> Option<Vec<Counter>> {
    if query.terms().is_empty() {
        // Operators only: every article they leave, with no hits.
        return Some(Vec::new());
    }
    if let [term] = query.terms() {
        if let Some(letter) = one_letter(term) {
            return Some(vec![Counter::Letter(letter)]);
        }
        if let Some(spelled) = Spelled::of(term) {
            return Some(vec![Counter::Spelled(spelled)]);
        }
        if let Some(gapped) = Gapped::of(term) {
            return Some(vec![Counter::Gapped(gapped)]);
        }
    }
    if let Some(terms) = literal_terms(query) {
        return Some(terms.iter().map(|t| Counter::literal(t)).collect());
    }
    if let Some(apart) = apart(query) {
        return Some(apart);
    }
    if let Some(inside) = inside(query) {
        return Some(inside);
    }
    let together = query
        .terms()
        .iter()
        .map(|t| match exact_units(t) {
            // One character has no positions to find its matches among the others' by.
            Some(units) if units.len() == 1 => None,
            Some(units) => Some(Spelled::literal(&units)),
            None => Spelled::of(t).or_else(|| Gapped::of(t).map(Spelled::gapped)),
        })
        .collect::<Option<Vec<_>>>()?;
    (together.len() > 1).then(|| vec![Counter::Together(together)])
}

/// One counter a term, for the reader's count of several terms (`Count::Sum`: each term's
/// hits added), when the index counts each of them exactly; `None` otherwise. Literal terms
/// alone the reader counts together without overlaps (`search_literals`): they are summed
/// only when none can overlap another (`工 工会` is not). A pinyin letter is summed beside
/// any terms, as the loaded reader sums it (`工会 g`, typed on the way to `工会 guanli`, read
/// every candidate: 10–12 s at a million articles); a small archive loaded whole counts
/// without overlaps, which is the same sum where no match can overlap another ([`apart`]).
/// No term (operators only): none.
pub(super) fn summed_terms(query: &Query) -> Option<Vec<Counter>> {
    let terms = query.terms();
    let all_literal = terms.iter().all(|t| !t.is_pinyin() && t.is_fixed());
    if terms.len() > 1 && all_literal && literal_terms(query).is_none() {
        return inside(query);
    }
    terms.iter().map(|t| own(t, true)).collect()
}

/// How the index counts the hits of `t` on its own, when it counts them exactly (a pinyin
/// letter only `with_letter`).
fn own(t: &Term, with_letter: bool) -> Option<Counter> {
    match exact_units(t) {
        Some(units) => Some(Counter::literal(&units)),
        None => match one_letter(t).filter(|_| with_letter) {
            Some(letter) => Some(Counter::Letter(letter)),
            None => Spelled::of(t)
                .map(Counter::Spelled)
                .or_else(|| Gapped::of(t).map(Counter::Gapped)),
        },
    }
}

/// [`exact_terms`] with, for each counter, whether its term must stand in the headings (a
/// `title:` term, which is among the query's terms too): an article passes it exactly when
/// the term has title hits of its own there, as no match crosses the end of a heading.
/// Terms counted [`Counter::Together`] do not tell their own title hits apart, so each
/// `title:` term among them is counted once more on its own, after them, only for where it
/// stands (`title:gonghui yizhan`: 25 s at a million articles when the candidates were
/// read). `None` when the index cannot count the terms.
pub(super) fn exact_query(query: &Query) -> Option<(Vec<Counter>, Vec<bool>)> {
    let counters = exact_terms(query)?;
    if query.ops().titles.is_empty() {
        let n = counters.len();
        return Some((counters, vec![false; n]));
    }
    if matches!(counters[..], [Counter::Together(_)]) {
        let mut counters = counters;
        let mut headings = vec![false];
        for (t, title) in query.terms().iter().zip(title_terms(query)) {
            if title {
                counters.push(own(t, false)?);
                headings.push(true);
            }
        }
        return Some((counters, headings));
    }
    if counters.len() != query.terms().len() {
        return None;
    }
    Some((counters, title_terms(query)))
}

/// For each of the query's terms, whether it is a `title:` term (which must stand in the
/// headings; it is among the terms too).
pub(super) fn title_terms(query: &Query) -> Vec<bool> {
    let titles = &query.ops().titles;
    let is_title = |t: &Term| {
        titles
            .iter()
            .any(|x| x.folded() == t.folded() && x.is_pinyin() == t.is_pinyin())
    };
    query.terms().iter().map(is_title).collect()
}

/// The folded characters of the query's literal terms, for [`exact_terms`].
fn literal_terms(query: &Query) -> Option<Vec<Vec<char>>> {
    let terms: Vec<Vec<char>> = query
        .terms()
        .iter()
        .map(exact_units)
        .collect::<Option<_>>()?;
    let overlap = |a: &[char], b: &[char]| {
        let (n, m) = (a.len(), b.len());
        a.windows(m).any(|w| w == b)
            || b.windows(n).any(|w| w == a)
            || (1..n.min(m)).any(|k| a[n - k..] == b[..k] || b[m - k..] == a[..k])
    };
    for (i, a) in terms.iter().enumerate() {
        if terms[i + 1..].iter().any(|b| overlap(a, b)) {
            return None;
        }
    }
    (!terms.is_empty()).then_some(terms)
}

/// Phrases with gaps, literal terms and one pinyin letter whose matches cannot overlap,
/// each counted on its own: no two share a character (a literal term holds no
/// whitespace), and no character of the others is one the letter takes (a Latin letter
/// itself, or a character one of whose readings starts with it). A phrase's match is its
/// pieces' characters and whitespace between two of them, a letter's one character; so
/// the hits together are the sum of each one's (`"工会 驿站" 快递`; `北京 g`, typed on the
/// way to `北京 gonghui`, read every candidate: 24 s at a million articles). `None`
/// otherwise, or without a phrase with gaps or a letter (literal terms alone:
/// [`literal_terms`]).
fn apart(query: &Query) -> Option<Vec<Counter>> {
    let mut seen: Vec<char> = Vec::new();
    let mut letter = None;
    let mut counters = Vec::new();
    for t in query.terms() {
        let (counter, chars): (Counter, Vec<char>) =
            match (exact_units(t), Gapped::of(t), one_letter(t)) {
                (Some(units), _, _) if !units.iter().any(|c| c.is_whitespace()) => {
                    (Counter::literal(&units), units)
                }
                (None, Some(gapped), _) => {
                    let pieces = t.gap_pieces()?;
                    (
                        Counter::Gapped(gapped),
                        pieces.iter().flat_map(|p| p.chars()).collect(),
                    )
                }
                // Two letters may take one character (会 reads hui and kuai).
                (None, None, Some(one)) if letter.is_none() => {
                    letter = Some(one);
                    (Counter::Letter(one), Vec::new())
                }
                _ => return None,
            };
        if chars.iter().any(|c| seen.contains(c)) {
            return None;
        }
        seen.extend(chars);
        counters.push(counter);
    }
    if let Some(letter) = letter
        && seen.iter().any(|&c| takes(letter, c))
    {
        return None;
    }
    counters
        .iter()
        .any(|c| matches!(c, Counter::Gapped(_) | Counter::Letter(_)))
        .then_some(counters)
}

/// Literal terms and phrases with gaps that share no character (so no match of one can
/// overlap a match of another), with one-character terms beside them that they may hold
/// (`驿站 站`, `工会 会`, `"工会 驿站" 站`, typed on the way to `驿站 站点`: they read every
/// candidate, 1.6 s at 100,000 articles, 12.5 s at a million), one counter a term in the
/// query's order. The matcher never takes a character's match inside a longer term's (that
/// one is longer at the same start, or began before), and takes every other; each of the
/// longer term's matches holds the character as often as the term does, `k` times. So the
/// character's hits among them are its frequency less `k` times the term's hits, in the
/// text and in the headings alike ([`Counter::Inside`]). `None` without a character held,
/// with a `title:` term, or with any other term.
fn inside(query: &Query) -> Option<Vec<Counter>> {
    if !query.ops().titles.is_empty() {
        return None;
    }
    // Each term's counter, the characters of its match, and its one character.
    let mut made: Vec<(Counter, Vec<char>, Option<char>)> = Vec::new();
    for t in query.terms() {
        made.push(match (exact_units(t), Gapped::of(t)) {
            (Some(units), _) if units.len() == 1 => {
                (Counter::literal(&units), Vec::new(), Some(units[0]))
            }
            (Some(units), _) if !units.iter().any(|c| c.is_whitespace()) => {
                (Counter::literal(&units), units, None)
            }
            (None, Some(gapped)) => {
                let chars = t.gap_pieces()?.iter().flat_map(|p| p.chars()).collect();
                (Counter::Gapped(gapped), chars, None)
            }
            _ => return None,
        });
    }
    let longer: Vec<&[char]> = made
        .iter()
        .filter(|m| m.2.is_none())
        .map(|m| m.1.as_slice())
        .collect();
    for (i, a) in longer.iter().enumerate() {
        if longer[i + 1..]
            .iter()
            .any(|b| b.iter().any(|c| a.contains(c)))
        {
            return None;
        }
    }
    let held = |c: char| -> Vec<(usize, u32)> {
        made.iter()
            .enumerate()
            .filter(|(_, m)| m.2.is_none())
            .filter_map(|(i, m)| {
                let k = m.1.iter().filter(|&&x| x == c).count() as u32;
                (k > 0).then_some((i, k))
            })
            .collect()
    };
    let minus: Vec<Vec<(usize, u32)>> = made
        .iter()
        .map(|m| m.2.map(held).unwrap_or_default())
        .collect();
    if minus.iter().all(Vec::is_empty) {
        return None;
    }
    Some(
        made.into_iter()
            .zip(minus)
            .map(|((counter, _, one), minus)| match one {
                Some(c) if !minus.is_empty() => Counter::Inside {
                    gram: vec![(0, c.to_string())],
                    minus,
                },
                _ => counter,
            })
            .collect(),
    )
}

/// Whether the pinyin term of one `letter` matches the character `c`, as the matcher
/// decides: the letter itself, or a character one of whose readings starts with it.
fn takes(letter: char, c: char) -> bool {
    c == letter
        || readings(c)
            .iter()
            .any(|r| letter_matches(r, 0, letter as u8))
}

/// The letter of a pinyin term of one letter ([`Counter::Letter`]).
pub(super) fn one_letter(term: &Term) -> Option<char> {
    let mut chars = term.folded().chars();
    match (term.is_pinyin(), chars.next(), chars.next()) {
        (true, Some(c), None) if c.is_ascii_lowercase() => Some(c),
        _ => None,
    }
}

/// The folded characters of `term` when the index counts its hits exactly: a literal term
/// (no pinyin reading, no gaps) of one character, or of two or more that cannot overlap
/// itself.
fn exact_units(term: &Term) -> Option<Vec<char>> {
    if term.is_pinyin() || !term.is_fixed() {
        return None;
    }
    let units: Vec<char> = term.folded().chars().collect();
    let n = units.len();
    if n == 0 || units.contains(&'\n') {
        return None;
    }
    // `哈哈` in `哈哈哈` occurs twice but is hit once: overlapping terms are left to the matcher.
    let overlaps = (1..n).any(|k| units[k..] == units[..n - k]);
    (!overlaps).then_some(units)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_summed_when_they_cannot_overlap_and_counted_together_when_they_can() {
        let units = |q: &str| literal_terms(&Query::parse(q)).map(|mut t| t.remove(0));
        assert_eq!(units("驿站"), Some(vec!['驿', '站']));
        assert_eq!(units("工会服务站"), Some("工会服务站".chars().collect()));
        assert_eq!(
            units("驿"),
            Some(vec!['驿']),
            "one character: its frequency in `uni`"
        );
        assert_eq!(units("哈哈"), None, "overlaps itself");
        assert_eq!(units("工会工"), None, "overlaps itself");
        assert_eq!(units("gonghui"), None, "pinyin");
        let count = |q: &str| exact_terms(&Query::parse(q)).map(|t| t.len());
        assert_eq!(count("工会 驿站"), Some(2), "two terms that cannot overlap");
        assert_eq!(
            count("工会 会员"),
            Some(1),
            "工会员 holds both: counted together"
        );
        assert_eq!(
            count("工会 工会服务"),
            Some(1),
            "one holds the other: together"
        );
        assert_eq!(count("工会 工会"), Some(1), "the same term twice: together");
        assert_eq!(count("工会 驿站 司机"), Some(3));
        let spelled = |q: &str| {
            exact_terms(&Query::parse(q)).is_some_and(|t| matches!(t[..], [Counter::Spelled(_)]))
        };
        assert!(spelled("gonghui") && spelled("ghyz") && spelled("gongh"));
        assert!(!spelled("g"), "one letter: `pyi` has no positions");
        let letter = |q: &str| {
            exact_terms(&Query::parse(q)).is_some_and(|t| matches!(t[..], [Counter::Letter('g')]))
        };
        assert!(letter("g") && letter("G"), "one letter: its frequencies");
        assert!(!letter("g 驿站") && !letter("gg"));
        let together = |q: &str| {
            exact_terms(&Query::parse(q)).is_some_and(|t| matches!(t[..], [Counter::Together(_)]))
        };
        assert!(
            together("gonghui 驿站"),
            "pinyin with another term, which it may overlap"
        );
        assert!(together("工会 会员") && together("gonghui siji"));
        assert!(!together("工会 驿站"), "summed: they cannot overlap");
        // One character held by another term: its frequency less its hits inside.
        let inside = |q: &str| {
            exact_terms(&Query::parse(q)).map(|t| {
                t.iter()
                    .map(|c| match c {
                        Counter::Inside { minus, .. } => minus.clone(),
                        _ => Vec::new(),
                    })
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(inside("工 工会"), Some(vec![vec![(1, 1)], vec![]]));
        assert_eq!(
            inside("会 工会会员"),
            Some(vec![vec![(1, 2)], vec![]]),
            "each match of 工会会员 holds 会 twice"
        );
        assert_eq!(
            count("\"工会 驿站\" 快递"),
            Some(2),
            "a phrase with gaps and a word apart"
        );
        assert_eq!(count("\"工会 驿站\" \"快 递\" 司机"), Some(3));
        assert_eq!(
            inside("\"工会 驿站\" 站"),
            Some(vec![vec![], vec![(0, 1)]]),
            "站 may stand in a match of the phrase"
        );
        assert_eq!(inside("工会 会 会员"), None, "工会 and 会员 may overlap");
        assert!(
            together("\"工会 驿站\" \"会 议\""),
            "会 in both: counted together"
        );
        assert!(
            together("\"gonghui yizhan\" 快递"),
            "a phrase of syllables and a word"
        );
        assert!(
            !together("g 驿站") && !together("驿 驿站"),
            "one letter or character with another term is not counted from the index"
        );
    }

    #[test]
    fn title_terms_are_told_apart_unless_counted_together() {
        let headings = |q: &str| exact_query(&Query::parse(q)).map(|(_, h)| h);
        assert_eq!(headings("驿站 title:工会"), Some(vec![false, true]));
        assert_eq!(headings("title:ghyz"), Some(vec![true]));
        assert_eq!(headings("工会 驿站"), Some(vec![false, false]));
        assert_eq!(
            headings("gonghui title:驿站"),
            Some(vec![false, true]),
            "counted together, then 驿站 on its own for where it stands"
        );
        assert_eq!(headings("title:驿"), Some(vec![true]), "one character");
        assert_eq!(headings("title:g"), Some(vec![true]), "one letter");
    }
}
