//! Counting a literal term of two characters or more from the `bi` postings (see
//! [`super::ranked`]): where its bigrams stand at consecutive positions, or, without
//! positions, bounds from their frequencies.

use tantivy::postings::Postings;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, TERMINATED, Term as TTerm};

use super::cursor::Counted;
use super::order::Values;
use super::positioned::{Positioned, PositionsFile};
use super::{Archive, engine};

/// How many bigrams of a term bound its hits (the rarest in the segment's documents): a
/// bound needs none of the others, and walking them cost more than the looser bound saved.
const BOUNDING_GRAMS: usize = 2;

/// Occurrences of the term in one article, and how many start before `hend`: the starts
/// `s` (a position of the first gram less its offset) where every gram stands at `s + its
/// offset`.
fn count<'a>(positions: impl Fn(usize) -> &'a [u32], offsets: &[u32], hend: u64) -> (usize, usize) {
    let (mut hits, mut title) = (0, 0);
    for s in positions(0)
        .iter()
        .filter_map(|p| p.checked_sub(offsets[0]))
    {
        let all = (1..offsets.len()).all(|i| positions(i).binary_search(&(s + offsets[i])).is_ok());
        if all {
            hits += 1;
            if u64::from(s) < hend {
                title += 1;
            }
        }
    }
    (hits, title)
}

/// Which of a term's bigrams (all of them, by offset 0, 1, 2…) to read the positions of:
/// the cheapest set that covers every character (each bigram covers its two), the cost of
/// one its positions' size in the segment (`None`: absent, so the term is). `沙河工会服务站`
/// reads 沙河 河工 会服 务站, not the 工会 that stands a dozen times in most articles.
fn cheapest_cover(costs: &[Option<u64>]) -> Option<Vec<usize>> {
    // best[o]: the least cost of covering characters 0 to o + 1 with bigram o the last
    // taken (the one before it is o - 1 or o - 2, or none for o = 0).
    let mut best: Vec<(u64, Option<usize>)> = Vec::with_capacity(costs.len());
    for (o, cost) in costs.iter().enumerate() {
        let cost = (*cost)?;
        let before = (o.saturating_sub(2)..o).min_by_key(|&b| best[b].0);
        let (sum, from) = match before {
            Some(b) => (best[b].0 + cost, Some(b)),
            None => (cost, None),
        };
        best.push((sum, from));
    }
    let mut taken = vec![costs.len().checked_sub(1)?];
    while let Some(from) = best[*taken.last()?].1 {
        taken.push(from);
    }
    taken.reverse();
    Some(taken)
}

impl Archive {
    /// The documents of segment `si` of file `fi` holding the literal term whose covering
    /// bigrams are `grams` (or whose one character is), ascending, with its hits and title
    /// hits: among the documents of
    /// `before` when given (the terms before it), else among those `asked` accepts. Without
    /// `positions` the hits are the least frequency of its [`BOUNDING_GRAMS`] rarest bigrams
    /// and the title hits the frequency of the rarest in the headings' bigrams: exact for a
    /// term of one bigram, bounds for a longer one.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn literal_counts(
        &self,
        fi: usize,
        si: usize,
        grams: &[(u32, String)],
        hend: &Values,
        before: Option<&[Counted]>,
        asked: &dyn Fn(u32) -> bool,
        positions: bool,
    ) -> Result<Vec<Counted>, String> {
        let file = &self.files[fi];
        let seg = file.searcher.segment_reader(si as u32);
        // A term of one character is looked up as a character (it has no bigram).
        let (body, heads) = match grams {
            [(_, c)] if c.chars().count() == 1 => (file.fields.uni, file.fields.huni),
            _ => (file.fields.bi, file.fields.hbi),
        };
        let inverted = seg.inverted_index(body).map_err(engine)?;
        let alive = seg.alive_bitset();
        let record = match positions {
            true => IndexRecordOption::WithFreqsAndPositions,
            false => IndexRecordOption::WithFreqs,
        };
        // Each bigram looked up once: its size decides the cover, its postings are read from it.
        let mut infos = Vec::with_capacity(grams.len());
        for (_, gram) in grams {
            let t = TTerm::from_field_text(body, gram);
            match inverted.get_term_info(&t).map_err(|e| e.to_string())? {
                Some(info) => infos.push(info),
                None => return Ok(Vec::new()),
            }
        }
        // With positions, only the cheapest bigrams that cover the term (the others tell
        // nothing more once those stand in place); the least frequent leads.
        let chosen: Vec<usize> = match positions && grams.len() > 2 {
            true => {
                let costs: Vec<Option<u64>> = infos
                    .iter()
                    .map(|i| Some(i.positions_range.len() as u64))
                    .collect();
                cheapest_cover(&costs).unwrap_or_default()
            }
            // Bounds: the rarest bigrams alone (the least frequency is most often theirs;
            // the others would be walked for every document).
            false => {
                let mut by_docs: Vec<usize> = (0..grams.len()).collect();
                by_docs.sort_by_key(|&i| infos[i].doc_freq);
                by_docs.truncate(BOUNDING_GRAMS);
                by_docs
            }
        };
        // The rarest leads; with positions, a list far denser than the documents asked
        // for keeps tantivy's skipping postings ([`Positioned`]).
        let mut chosen = chosen;
        chosen.sort_by_key(|&i| infos[i].doc_freq);
        let Some(&first) = chosen.first() else {
            return Ok(Vec::new());
        };
        let lead =
            u64::from(infos[first].doc_freq).min(before.map_or(u64::MAX, |b| b.len() as u64));
        let file_positions = match positions {
            true => Some(PositionsFile::open(seg, body)?),
            false => None,
        };
        let mut grams_read = Vec::with_capacity(chosen.len());
        let mut posts = Vec::with_capacity(chosen.len());
        for i in chosen {
            grams_read.push(&grams[i]);
            posts.push(match &file_positions {
                Some(file) => Positioned::open(&inverted, file, &infos[i], lead)?,
                None => Positioned::skipping(
                    inverted
                        .read_postings_from_terminfo(&infos[i], record)
                        .map_err(|e| e.to_string())?,
                ),
            });
        }
        let grams = grams_read;
        // Without positions: the postings in the headings, for the title hits (the rarest
        // there alone bounds them; a bigram never in them, none). Each looked up once.
        let mut headings = Vec::new();
        if !positions {
            let inverted = seg.inverted_index(heads).map_err(engine)?;
            let mut rarest: Option<tantivy::postings::TermInfo> = None;
            for (_, gram) in &grams {
                let t = TTerm::from_field_text(heads, gram);
                let Some(info) = inverted.get_term_info(&t).map_err(engine)? else {
                    rarest = None;
                    break;
                };
                if rarest.as_ref().is_none_or(|r| info.doc_freq < r.doc_freq) {
                    rarest = Some(info);
                }
            }
            headings.push(match rarest {
                Some(info) => Some(
                    inverted
                        .read_postings_from_terminfo(&info, IndexRecordOption::WithFreqs)
                        .map_err(engine)?,
                ),
                None => None,
            });
        }
        let offsets: Vec<u32> = grams.iter().map(|(o, _)| *o).collect();
        let mut counts = Vec::new();
        // For a term after the first: the next document the terms before hold.
        let mut cursor = 0usize;
        let mut doc = posts[0].doc();
        'docs: while doc != TERMINATED {
            if let Some(before) = before {
                while before.get(cursor).is_some_and(|c| c.0 < doc) {
                    cursor += 1;
                }
                match before.get(cursor) {
                    None => break 'docs,
                    Some(next) if next.0 > doc => {
                        doc = posts[0].seek(next.0);
                        continue 'docs;
                    }
                    Some(_) => {}
                }
            }
            for p in posts[1..].iter_mut() {
                // `seek` does not go back: a list already past `doc` stays.
                let at = p.seek(doc);
                if at > doc {
                    doc = posts[0].seek(at);
                    continue 'docs;
                }
            }
            let wanted = before.is_some() || asked(doc);
            if wanted && alive.is_none_or(|a| a.is_alive(doc)) {
                let (hits, title) = if positions {
                    posts.iter_mut().for_each(Positioned::load);
                    count(|i| posts[i].loaded(), &offsets, hend.at(doc))
                } else {
                    let title = headings.iter_mut().map(|h| {
                        h.as_mut().map_or(0, |h| {
                            if h.doc() < doc {
                                h.seek(doc);
                            }
                            if h.doc() == doc { h.term_freq() } else { 0 }
                        })
                    });
                    let hits = posts.iter().map(|p| p.term_freq()).min().unwrap_or(0);
                    (hits as usize, title.min().unwrap_or(0) as usize)
                };
                if hits > 0 {
                    counts.push((doc, hits as u32, title as u32));
                }
            }
            doc = posts[0].advance();
        }
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_needs_every_gram_in_place() {
        // Grams at offsets 0 and 2: only starts 5 and 40 have the second gram two later.
        let of = |lists: &'static [&'static [u32]]| move |i: usize| lists[i];
        let positions: &[&[u32]] = &[&[5, 9, 40], &[7, 12, 42]];
        assert_eq!(count(of(positions), &[0, 2], 10), (2, 1));
        assert_eq!(count(of(positions), &[0, 2], 0), (2, 0));
        // Led by the gram at offset 2: its positions less 2 are the starts.
        let led: &[&[u32]] = &[&[7, 12, 42], &[5, 9, 40]];
        assert_eq!(count(of(led), &[2, 0], 10), (2, 1));
        assert_eq!(
            count(of(&[&[1], &[0]]), &[2, 0], 10),
            (0, 0),
            "no start before 0"
        );
    }

    #[test]
    fn the_cheapest_cover_reads_every_character_and_skips_the_dear_bigrams() {
        let c = |costs: &[u64]| cheapest_cover(&costs.iter().map(|&c| Some(c)).collect::<Vec<_>>());
        // 沙河 河工 工会 会服 服务 务站: 工会 and 服务 are dear.
        assert_eq!(c(&[98, 40, 1913, 122, 929, 40]), Some(vec![0, 1, 3, 5]));
        assert_eq!(
            c(&[1, 1, 1, 1]).map(|v| v.len()),
            Some(3),
            "even costs: three of four"
        );
        assert_eq!(c(&[5, 1, 5]), Some(vec![0, 2]), "the ends are always read");
        assert_eq!(c(&[3]), Some(vec![0]));
        assert_eq!(
            cheapest_cover(&[Some(1), None, Some(1)]),
            None,
            "a bigram absent"
        );
        // Every character is covered, whatever the costs.
        for costs in [
            [9, 1, 9, 1, 9, 1, 9],
            [1, 9, 9, 9, 9, 9, 1],
            [1, 2, 3, 4, 5, 6, 7],
        ] {
            let cover = c(&costs).unwrap();
            assert!(
                (0..8).all(|ch| cover.iter().any(|&o| o == ch || o + 1 == ch)),
                "{costs:?}"
            );
        }
    }
}
