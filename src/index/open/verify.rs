//! The matches of a query the index cannot count (terms that may overlap, long pinyin, a
//! pinyin `-term` or `OR` term), found by kanbao's own engine over the candidates a block at a time: the
//! command line then streams them best first as it streams the ranked ones, and memory is
//! that of a block and of the matches' ranks, not of the archive.

use std::cmp::Reverse;

use super::ranked::Match;
use super::{Archive, Unread};
use crate::article::Article;
use crate::collection::Collection;
use crate::search::{Query, SearchIndex};

/// Candidates read and checked at a time.
pub const BLOCK: usize = 4096;

impl Archive {
    /// Every candidate of `query` that the in-memory engine matches and `keep` keeps (the
    /// query's operators applied), with its exact hits and its rank; unordered.
    pub fn verified_matches(
        &self,
        query: &Query,
        keep: &dyn Fn(&Article) -> bool,
    ) -> Result<Vec<Match>, Unread> {
        let mut found = self.candidates_found(query)?;
        // In file order, so that each block reads its files forwards.
        found.sort_unstable_by_key(|f| (f.3, f.1));
        let mut out = Vec::new();
        for block in found.chunks(BLOCK) {
            let at: Vec<(usize, (u64, u64))> = block.iter().map(|f| (f.3.0, f.4)).collect();
            let articles = self.read_all(&at)?;
            for hit in SearchIndex::new(&articles).search(query) {
                let article = &articles[hit.index];
                if !keep(article) || !query.admits(article) {
                    continue;
                }
                let f = &block[hit.index];
                out.push(Match {
                    rank: (hit.title_hits == 0, Reverse(hit.hits), f.0, f.1, f.2),
                    title: hit.title_hits,
                    doc: f.3,
                    range: f.4,
                });
            }
        }
        Ok(out)
    }

    /// The candidates of `query` (what the index finds, less what the `date:` range and
    /// the literal excluded terms leave out), in collection order, read [`BLOCK`] at a
    /// time: for output in that order (`list --query`, `timeline --query`) whose memory is
    /// a block's, not the archive's.
    pub fn candidate_blocks(
        &self,
        query: &Query,
    ) -> Result<impl Iterator<Item = Result<Collection, Unread>> + '_, String> {
        let mut found = self.candidates_found(query)?;
        found.sort_unstable_by_key(|f| (f.0, f.1, f.2));
        let blocks: Vec<Vec<(usize, (u64, u64))>> = found
            .chunks(BLOCK)
            .map(|block| block.iter().map(|f| (f.3.0, f.4)).collect())
            .collect();
        Ok(blocks
            .into_iter()
            .map(|at| Ok(Collection::new(self.banner(), self.read_all(&at)?))))
    }
}
