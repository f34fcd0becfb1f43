//! Counting a quoted phrase with gaps (`"工会 驿站"`, see [`crate::search::gaps`]) from the
//! bigram positions alone. Before, every article holding all its pieces was read and
//! matched: 11–20 s at a million articles, on the command line and in the reader.
//!
//! A match is the first piece, then each next piece after a run of whitespace (a gap, no
//! line break) or none. A gap takes the whole run, so no piece ends with whitespace before a
//! gap or starts with it after one, and where the next piece starts is decided by the text:
//! right after the piece before when no whitespace follows it, else right after the run.
//! `bi` tells both without reading the article: the bigram of the piece's last character
//! and a whitespace character stands at its last place when whitespace follows it, and a
//! bigram of two whitespace characters at each place of the run but its last. So each start
//! of the first piece gives at most one match, found from positions; the matches are then
//! taken leftmost first without overlaps, as the matcher
//! ([`crate::search::gaps::Gapped::for_each`]) takes them, and those starting before `hend`
//! are title hits. A piece of one character (no position in `uni`) is found by the bigram
//! it makes with the character the phrase puts next to it ([`Piece::One`]).

use tantivy::postings::{Postings, SegmentPostings};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, SegmentReader, TERMINATED, Term as TTerm};

use super::super::schema::Fields;
use super::cursor::{Counted, Cursor, Need, Scratch, Shape, Tokens};
use super::order::Values;
use crate::search::Term;
use crate::search::gaps::is_gap;

/// A literal (not pinyin) phrase with gaps, as the index counts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Gapped {
    /// Its pieces, as the index finds their starts.
    pieces: Vec<Piece>,
    /// For each gap, the bigrams of the last character of the piece before it and a
    /// whitespace character.
    opens: Vec<Vec<String>>,
}

/// How the index finds where a piece of the phrase may start.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    /// Two characters or more: where its bigrams stand.
    Written(Shape),
    /// One character (`uni` keeps no positions): where it stands in a bigram with the
    /// character the phrase puts next to it, `shift` 0 when that one follows (the first
    /// piece: the next piece's first character or a whitespace), 1 when it comes before (the
    /// piece before's last character or a whitespace). Where the text decides that
    /// neighbour, the bigram stands exactly where the character does.
    One {
        char: char,
        tokens: Vec<String>,
        shift: u32,
    },
}

impl Piece {
    fn chars(&self) -> u32 {
        match self {
            Piece::Written(shape) => shape.chars,
            Piece::One { .. } => 1,
        }
    }
}

/// Every character a gap may hold (all of them are below U+3001: a unit test checks).
fn gap_chars() -> impl Iterator<Item = char> {
    ('\0'..='\u{3000}').filter(|&c| is_gap(c))
}

impl Gapped {
    /// `term` as the index counts it: a literal (not pinyin) phrase with gaps.
    pub(super) fn of(term: &Term) -> Option<Gapped> {
        if term.is_pinyin() {
            return None;
        }
        Gapped::of_pieces(term.gap_pieces()?)
    }

    /// The phrase of folded `pieces` (two or more, none empty, no line break); also the
    /// literal form of a quoted phrase of syllables ([`super::spelled::Spelled::of`]).
    pub(super) fn of_pieces(pieces: &[String]) -> Option<Gapped> {
        let pieces: Vec<Vec<char>> = pieces.iter().map(|p| p.chars().collect()).collect();
        if pieces.len() < 2 || pieces.iter().any(|p| p.is_empty() || p.contains(&'\n')) {
            return None;
        }
        let pair = |a: char, b: char| -> String { [a, b].iter().collect() };
        let opens: Vec<Vec<String>> = pieces[..pieces.len() - 1]
            .iter()
            .map(|p| gap_chars().map(|w| pair(p[p.len() - 1], w)).collect())
            .collect();
        let pieces = pieces
            .iter()
            .enumerate()
            .map(|(i, p)| match (p.as_slice(), i) {
                ([c], 0) => Piece::One {
                    char: *c,
                    tokens: std::iter::once(pair(*c, pieces[1][0]))
                        .chain(opens[0].iter().cloned())
                        .collect(),
                    shift: 0,
                },
                ([c], _) => {
                    let before = pieces[i - 1][pieces[i - 1].len() - 1];
                    Piece::One {
                        char: *c,
                        tokens: std::iter::once(pair(before, *c))
                            .chain(gap_chars().map(|w| pair(w, *c)))
                            .collect(),
                        shift: 1,
                    }
                }
                _ => Piece::Written(super::spelled::written(p)),
            })
            .collect();
        Some(Gapped { pieces, opens })
    }

    /// The bigrams of all its pieces: each match holds each of them at a place of its own
    /// (matches do not overlap), so their least frequency in a document bounds its hits,
    /// and in the headings' bigrams its title hits ([`super::Archive::segment_best`]).
    /// (A piece of one character has none: without any, no bound.)
    pub(super) fn grams(&self) -> Vec<(u32, String)> {
        let needs = self.pieces.iter().flat_map(|p| match p {
            Piece::Written(shape) => shape.needs.as_slice(),
            Piece::One { .. } => &[],
        });
        needs
            .flat_map(|n| n.tokens.iter().map(|t| (n.offset, t.clone())))
            .collect()
    }

    /// Its bigrams ([`Gapped::grams`]) as the needs of one shape, for bounds
    /// ([`super::cursor::shape_bounds`]); `None` without any.
    pub(super) fn bounding_shape(&self) -> Option<Shape> {
        let needs: Vec<Need> = self
            .grams()
            .into_iter()
            .map(|(offset, gram)| Need {
                offset,
                field: Tokens::Bigrams,
                tokens: vec![gram],
                joined: None,
            })
            .collect();
        let chars = self.pieces.iter().map(Piece::chars).sum();
        (!needs.is_empty()).then_some(Shape { chars, needs })
    }

    /// The documents of `seg` the phrase matches, ascending (a `-term` or an `OR` term:
    /// which articles hold it, not how often).
    pub(super) fn docs(&self, seg: &SegmentReader, fields: &Fields) -> tantivy::Result<Vec<DocId>> {
        let counts = self.counts(seg, fields, None, &|_| true, None)?;
        Ok(counts.into_iter().map(|c| c.0).collect())
    }

    /// The documents of `seg` the phrase matches, among those `keep` accepts (asked before
    /// any position is read) and `within` holds (ascending), ascending, with their hits and
    /// title hits (`hend`: where each document's headings end; without it, none counted).
    pub(super) fn counts(
        &self,
        seg: &SegmentReader,
        fields: &Fields,
        hend: Option<&Values>,
        keep: &dyn Fn(DocId) -> bool,
        within: Option<&[u32]>,
    ) -> tantivy::Result<Vec<Counted>> {
        let mut out = Vec::new();
        self.for_each_doc(seg, fields, (keep, within), |doc, taken| {
            let end = hend.map_or(0, |h| h.at(doc));
            let title = taken.iter().filter(|m| u64::from(m.0) < end).count();
            out.push((doc, taken.len() as u32, title as u32));
        })?;
        Ok(out)
    }

    /// The phrase's matches in each document of `seg` that `keep` accepts and `within`
    /// holds where it has any, handed to `each` a document at a time (ascending) as
    /// (start, end) in characters, leftmost first without overlaps (also the literal form of
    /// a phrase of syllables, pooled with its shapes' matches by `Spelled::ranges`).
    pub(super) fn for_each_doc(
        &self,
        seg: &SegmentReader,
        fields: &Fields,
        (keep, within): (&dyn Fn(DocId) -> bool, Option<&[u32]>),
        mut each: impl FnMut(DocId, &[(u32, u32)]),
    ) -> tantivy::Result<()> {
        // Each piece's starts: a cursor over its bigrams, or the bigrams its one character
        // stands in; the documents are walked by the cursors, or by the first character.
        let mut sources = Vec::with_capacity(self.pieces.len());
        for piece in &self.pieces {
            sources.push(match piece {
                Piece::Written(shape) => {
                    match Cursor::new(shape, seg, fields, within.map(<[u32]>::len))? {
                        Some(c) => Source::Cursor(c),
                        None => return Ok(()),
                    }
                }
                Piece::One { tokens, shift, .. } => {
                    Source::Around(AnyOf::open(seg, fields.bi, tokens.iter().cloned())?, *shift)
                }
            });
        }
        let Some(mut walk) = Walk::new(&self.pieces, &sources, seg, fields)? else {
            return Ok(());
        };
        let mut opens = Vec::with_capacity(self.opens.len());
        for tokens in &self.opens {
            opens.push(AnyOf::open(seg, fields.bi, tokens.iter().cloned())?);
        }
        // The bigrams of two whitespace characters, opened when whitespace is first met
        // after a piece.
        let mut runs: Option<AnyOf> = None;
        let lens: Vec<u32> = self.pieces.iter().map(Piece::chars).collect();
        let alive = seg.alive_bitset();
        let mut scratch = Scratch::default();
        let mut found = Vec::new();
        let mut starts: Vec<Vec<u32>> = vec![Vec::new(); sources.len()];
        let mut after: Vec<Vec<u32>> = vec![Vec::new(); opens.len()];
        let mut run = Vec::new();
        let mut taken = Vec::new();
        let mut doc = walk.first(&mut sources);
        while doc != TERMINATED {
            if let Some(w) = within
                && w.binary_search(&doc).is_err()
            {
                let next = w.get(w.partition_point(|&d| d < doc)).copied();
                doc = walk.seek(&mut sources, next.unwrap_or(TERMINATED));
                continue;
            }
            if alive.is_none_or(|a| a.is_alive(doc)) && keep(doc) {
                for (source, s) in sources.iter_mut().zip(starts.iter_mut()) {
                    s.clear();
                    match source {
                        Source::Cursor(c) => {
                            found.clear();
                            c.matches(&mut scratch, &mut found);
                            s.extend(found.iter().map(|m| m.2));
                        }
                        Source::Around(any, shift) => {
                            any.positions(doc, s);
                            s.iter_mut().for_each(|p| *p += *shift);
                        }
                    }
                }
                for (o, a) in opens.iter_mut().zip(after.iter_mut()) {
                    o.positions(doc, a);
                }
                run.clear();
                if after.iter().any(|a| !a.is_empty()) {
                    let runs = match &mut runs {
                        Some(r) => r,
                        None => runs.insert(AnyOf::open(seg, fields.bi, run_tokens())?),
                    };
                    runs.positions(doc, &mut run);
                }
                take(&starts, &lens, (&after, &run), &mut taken);
                if !taken.is_empty() {
                    each(doc, &taken);
                }
            }
            doc = walk.seek(&mut sources, doc.saturating_add(1));
        }
        Ok(())
    }
}

/// Where a piece's starts come from in a segment.
enum Source {
    Cursor(Cursor),
    /// The bigrams around a piece of one character, and how far its place is from theirs.
    Around(AnyOf, u32),
}

/// The documents that hold every piece: those where every cursor stands (and the first
/// piece's character, when no piece has two).
struct Walk {
    /// `uni`'s list of the first piece's character, when no piece has a cursor.
    first_char: Option<SegmentPostings>,
}

impl Walk {
    /// `None` when no piece has a cursor and the first piece's character is not in `seg`.
    fn new(
        pieces: &[Piece],
        sources: &[Source],
        seg: &SegmentReader,
        fields: &Fields,
    ) -> tantivy::Result<Option<Walk>> {
        let cursors = sources.iter().any(|s| matches!(s, Source::Cursor(_)));
        let first_char = match (cursors, &pieces[0]) {
            (false, Piece::One { char, .. }) => {
                let t = TTerm::from_field_text(fields.uni, &char.to_string());
                let list = seg.inverted_index(fields.uni)?;
                match list.read_postings(&t, IndexRecordOption::Basic)? {
                    Some(p) => Some(p),
                    None => return Ok(None),
                }
            }
            _ => None,
        };
        Ok(Some(Walk { first_char }))
    }

    /// The first document at or after 0.
    fn first(&mut self, sources: &mut [Source]) -> DocId {
        self.seek(sources, 0)
    }

    /// The first document at or after `target` where every cursor (or the first character)
    /// stands.
    fn seek(&mut self, sources: &mut [Source], target: DocId) -> DocId {
        let mut doc = target;
        'docs: while doc != TERMINATED {
            if let Some(p) = &mut self.first_char {
                if p.doc() < doc {
                    p.seek(doc);
                }
                doc = p.doc();
            }
            for s in sources.iter_mut() {
                if let Source::Cursor(c) = s {
                    c.seek(doc);
                    if c.doc > doc {
                        doc = c.doc;
                        continue 'docs;
                    }
                }
            }
            return doc;
        }
        TERMINATED
    }
}

/// The bigrams of two whitespace characters.
fn run_tokens() -> impl Iterator<Item = String> {
    gap_chars().flat_map(|a| gap_chars().map(move |b| [a, b].iter().collect()))
}

/// The matches in one document, leftmost first without overlaps, as (start, end) into
/// `taken`. Given each piece's starts (ascending) and length, for each gap the places where
/// the piece before it may end with whitespace after it (`after`: where its last character
/// and a whitespace stand), and the places of two whitespace characters (`run`).
fn take(
    starts: &[Vec<u32>],
    lens: &[u32],
    (after, run): (&[Vec<u32>], &[u32]),
    taken: &mut Vec<(u32, u32)>,
) {
    taken.clear();
    let mut taken_end = 0;
    'starts: for &s in &starts[0] {
        if s < taken_end {
            continue;
        }
        let mut at = s + lens[0];
        for i in 1..starts.len() {
            if after[i - 1].binary_search(&(at - 1)).is_ok() {
                // Whitespace at `at`: the run goes on while two whitespace characters stand.
                let mut last = at;
                while run.binary_search(&last).is_ok() {
                    last += 1;
                }
                at = last + 1;
            }
            if starts[i].binary_search(&at).is_err() {
                continue 'starts;
            }
            at += lens[i];
        }
        taken.push((s, at));
        taken_end = at;
    }
}

/// The postings of several tokens of one field, read together: the places where any stands.
struct AnyOf(Vec<SegmentPostings>);

impl AnyOf {
    fn open(
        seg: &SegmentReader,
        field: Field,
        tokens: impl Iterator<Item = String>,
    ) -> tantivy::Result<AnyOf> {
        let inverted = seg.inverted_index(field)?;
        let mut posts = Vec::new();
        for token in tokens {
            let t = TTerm::from_field_text(field, &token);
            posts.extend(inverted.read_postings(&t, IndexRecordOption::WithFreqsAndPositions)?);
        }
        Ok(AnyOf(posts))
    }

    /// The places where any of the tokens stands in `doc`, ascending, into `out`; each list
    /// is moved up to `doc` (never back).
    fn positions(&mut self, doc: DocId, out: &mut Vec<u32>) {
        out.clear();
        for p in &mut self.0 {
            if p.doc() < doc {
                p.seek(doc);
            }
            if p.doc() == doc {
                p.append_positions_with_offset(0, out);
            }
        }
        if self.0.len() > 1 {
            out.sort_unstable();
            out.dedup();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Query;

    /// The tokens each piece needs.
    fn need_tokens(g: &Gapped) -> Vec<Vec<String>> {
        let tokens = |p: &Piece| match p {
            Piece::Written(shape) => shape.needs.iter().flat_map(|n| n.tokens.clone()).collect(),
            Piece::One { tokens, .. } => tokens.clone(),
        };
        g.pieces.iter().map(tokens).collect()
    }

    #[test]
    fn every_gap_character_is_below_the_ideographic_space() {
        let above = ('\u{3001}'..=char::MAX).find(|&c| is_gap(c));
        assert_eq!(above, None);
        let all: String = gap_chars().collect();
        assert!(all.contains(' ') && all.contains('\t') && all.contains('\u{3000}'));
        assert!(!all.contains('\n'));
    }

    #[test]
    fn a_piece_of_one_character_is_found_by_the_bigrams_next_to_it() {
        let of = |q: &str| Gapped::of(&Query::parse(q).terms()[0]);
        let g = of("\"工会 驿站\"").expect("two pieces of two");
        assert_eq!(need_tokens(&g), [vec!["工会"], vec!["驿站"]]);
        assert_eq!(g.opens.len(), 1);
        assert!(g.opens[0].contains(&"会 ".to_string()));
        assert!(of("\"沙河工会 服务站 开放\"").is_some());
        // 工 first: before 会 or a whitespace; 会 after: after 工 or a whitespace.
        let g = of("\"工 会\"").expect("pieces of one character");
        let one = need_tokens(&g);
        assert!(one[0].contains(&"工会".to_string()) && one[0].contains(&"工 ".to_string()));
        assert!(one[1].contains(&"工会".to_string()) && one[1].contains(&" 会".to_string()));
        assert!(matches!(g.pieces[0], Piece::One { shift: 0, .. }));
        assert!(matches!(g.pieces[1], Piece::One { shift: 1, .. }));
        assert!(g.grams().is_empty(), "no bigram of its own: no bound");
        assert!(of("工会驿站").is_none(), "no gap");
        assert!(
            of("\"gonghui yizhan\"").is_none(),
            "pinyin: `Spelled` counts it"
        );
    }

    /// The matches `take` takes, as (start, end).
    fn taken(
        starts: &[Vec<u32>],
        lens: &[u32],
        after: &[Vec<u32>],
        run: &[u32],
    ) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        take(starts, lens, (after, run), &mut out);
        out
    }

    #[test]
    fn a_match_crosses_a_run_of_whitespace_or_none() {
        // 工会驿站 at 0; 工会 驿站 at 10 (space at 12); 工会  驿站 at 20 (spaces at 22, 23).
        let starts = vec![vec![0, 10, 20, 40], vec![2, 13, 24]];
        let lens = [2, 2];
        let after = vec![vec![11, 21]];
        let run = vec![22];
        let all = vec![(0, 4), (10, 15), (20, 26)];
        assert_eq!(taken(&starts, &lens, &after, &run), all);
        // Whitespace after 工会 at 40 leads nowhere: no 驿站 after it.
        let after = vec![vec![11, 21, 41]];
        assert_eq!(taken(&starts, &lens, &after, &run), all);
        // Without the run, the match at 20 would need 驿站 at 23.
        assert_eq!(taken(&starts, &lens, &[vec![11, 21]], &[]), all[..2]);
    }

    #[test]
    fn matches_are_taken_leftmost_first_without_overlaps() {
        // "会会 会": pieces 会会 and 会会 in 会会会会 (starts 0, 1, 2): 0–4 is taken, not 1 or 2.
        let starts = vec![vec![0, 1, 2], vec![0, 1, 2]];
        assert_eq!(taken(&starts, &[2, 2], &[vec![]], &[]), vec![(0, 4)]);
    }
}
