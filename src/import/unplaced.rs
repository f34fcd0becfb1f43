//! Text the importer could not place in any article: where it is in the page, and why, so
//! that the message says what was expected and what to do.

use super::masthead;

/// Why a block could not be placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// Body text before the page's first article.
    BeforeFirstArticle,
    /// A headline (a heading-like block) with no byline after it.
    NoByline,
    /// A byline with no headline above it; the text after it, up to the next article, goes
    /// with it.
    NoHeadline,
}

/// A block the importer could not place in any article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unplaced {
    /// 1-based block number in the page.
    pub block: usize,
    /// 1-based line of the page on which the block starts.
    pub line: usize,
    /// 1-based column (in characters) at which the block starts on that line.
    pub column: usize,
    /// The block's text, and that of the blocks that go with it (the text after a byline
    /// with no headline), one paragraph a line.
    pub text: String,
    /// How many articles come before it in the page.
    pub after: usize,
    /// Why it could not be placed.
    pub why: Why,
}

impl Unplaced {
    /// The paragraph that starts at `block` (0-based, in the page without its masthead);
    /// [`locate`] gives its place in the page.
    pub(super) fn new(block: usize, text: String, after: usize, why: Why) -> Self {
        Unplaced {
            block: block + 1,
            line: 0,
            column: 0,
            text,
            after,
            why,
        }
    }
}

/// Numbers each of `unplaced` (numbered among the blocks of `rest`, the page without its
/// masthead lines) as a block of `page`, masthead lines included, and gives the line and
/// column where it starts.
pub(super) fn locate(page: &str, rest: &str, unplaced: &mut [Unplaced]) {
    if unplaced.is_empty() {
        return;
    }
    let (page_starts, rest_starts) = (masthead::block_starts(page), masthead::block_starts(rest));
    let lines: Vec<&str> = page.lines().collect();
    for u in unplaced {
        let line = rest_starts[u.block - 1];
        u.block = page_starts.partition_point(|&start| start <= line);
        u.line = line + 1;
        u.column = 1 + lines[line]
            .chars()
            .take_while(|c| c.is_whitespace())
            .count();
    }
}
