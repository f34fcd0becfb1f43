//! Paragraphs from blocks: a paragraph joins the blocks the layout broke until one ends a
//! sentence, and never runs into a byline, a subheading (`■背景`: `subhead.rs`) or the
//! headings of the next article. A numbered subheading where a paragraph starts
//! (`一、坚持服务职工`: `numbered.rs`) is a paragraph of its own.

use super::byline::byline;
use super::label::column_label;
use super::numbered;
use super::shape::{ends_sentence, is_heading};
use super::start::{Opening, opening};
use super::subhead::subheading;

/// Most heading blocks above one article (引题, 主题, 副题).
const MAX_HEADINGS: usize = 3;
/// Most blocks a look-ahead joins while deciding whether a photo caption follows.
const MAX_LOOKAHEAD_BLOCKS: usize = 16;

/// Reads paragraphs from `blocks[start..]`: each joins blocks until one ends a sentence.
/// Stops before a block that is a byline, or a heading once a paragraph has ended.
pub(super) struct Reader<'a> {
    /// The page's blocks.
    pub blocks: &'a [String],
    /// The block the next paragraph starts at.
    pub next: usize,
}

impl Reader<'_> {
    /// The next whole paragraph, joining the blocks the layout broke, with its first block.
    /// It never swallows a byline, a subheading or the headings of the next article; a
    /// subheading, and a numbered one where it starts, is a paragraph of its own.
    pub fn paragraph(&mut self) -> Option<(usize, String)> {
        self.paragraph_inner(true)
    }

    /// `paragraph`, looking for the next article's headings only when `look_ahead` is set,
    /// so that the look-ahead itself never recurses.
    pub fn paragraph_inner(&mut self, look_ahead: bool) -> Option<(usize, String)> {
        let first = self.next;
        let mut text = self.blocks.get(first)?.clone();
        self.next += 1;
        if subheading(&text) || numbered::subheading(self.blocks, first) {
            return Some((first, text));
        }
        while !ends_sentence(&text) {
            // A look-ahead only asks whether a caption follows; a caption broken into more
            // blocks than this is not one, and the bound keeps the importer linear.
            if !look_ahead && self.next - first >= MAX_LOOKAHEAD_BLOCKS {
                break;
            }
            let Some(next) = self.blocks.get(self.next) else {
                break;
            };
            if byline(next).is_some() || subheading(next) {
                break;
            }
            if look_ahead && self.heads_article(self.next) {
                break;
            }
            text.push_str(next);
            self.next += 1;
        }
        Some((first, text))
    }

    /// True when headings at `at` (under a column label, maybe) have a byline or a photo
    /// caption after them: the next article starts there, even in the middle of a sentence.
    fn heads_article(&self, at: usize) -> bool {
        let at = match self.blocks.get(at) {
            Some(block) if column_label(block) => at + 1,
            _ => at,
        };
        let count = self.headings_at(at);
        count > 0 && !matches!(opening(self, at + count), Opening::Nothing)
    }

    /// The number of heading-like blocks starting at `at`, at most three: in a longer run
    /// only the last three can head the next article, the ones before continue the text.
    pub fn headings_at(&self, at: usize) -> usize {
        self.blocks[at.min(self.blocks.len())..]
            .iter()
            .take(MAX_HEADINGS)
            .take_while(|b| is_heading(b))
            .count()
    }
}
