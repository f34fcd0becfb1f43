//! Where an article starts: one to three headings (under a column label, maybe) and what
//! follows them — a byline, a photo caption, or body text with no byline.

use super::byline::{Byline, byline, credit_only, photo_credit};
use super::credited::credited;
use super::label::column_label;
use super::reader::Reader;
use super::shape::{ends_sentence, is_body};
use super::{lone, marker, numbered};

/// What follows a group of headings.
pub(super) enum Opening {
    /// A byline: a news article.
    News(Byline),
    /// A byline that credits the photos only (`本报记者 张三 摄`): a photo report.
    Credited(Byline),
    /// A caption ending with a photo credit, or followed by one: a photo report.
    Photo,
    /// Stacked headings with body text after them and no byline.
    Bare,
    /// Nothing that opens an article.
    Nothing,
}

/// What follows the headings that end before block `at`: a byline, or a photo caption (read
/// ahead without looking for further articles), or nothing that opens an article.
pub(super) fn opening(reader: &Reader<'_>, at: usize) -> Opening {
    let Some(block) = reader.blocks.get(at) else {
        return Opening::Nothing;
    };
    // Names alone after a marker (`□张华`) are a byline only here, under headings.
    if let Some(b) = byline(block).or_else(|| marker::names(block)) {
        return Opening::News(b);
    }
    // A credit with what its reporter did (`□本报记者 王晓楠 文/摄`) is a byline here too.
    if let Some((b, photos_only)) = credited(block) {
        return match photos_only {
            true => Opening::Credited(b),
            false => Opening::News(b),
        };
    }
    let mut ahead = Reader {
        blocks: reader.blocks,
        next: at,
    };
    match ahead.paragraph_inner(false) {
        Some((_, caption)) if photo_credit(&caption).is_some() => Opening::Photo,
        // A caption, then its credit on its own.
        Some((_, caption))
            if ends_sentence(&caption)
                && reader
                    .blocks
                    .get(ahead.next)
                    .is_some_and(|b| credit_only(b).is_some()) =>
        {
            Opening::Photo
        }
        _ => Opening::Nothing,
    }
}

/// True when `count` stacked headings at `at` followed by body text open an article with no
/// byline, as a commentary does (`短评` / `让服务更有“温度”` / its text): there are two or
/// three (one is enough under a column label: `fewest`), none ends a sentence, the first is
/// not a numbered subheading with one of the next level under it (`三、…` / `（一）…`:
/// `numbered.rs`), and the block after them is body text. Only where a paragraph may start: in the middle of one, short
/// blocks are the layout's breaks.
fn opens_without_byline(reader: &Reader<'_>, at: usize, count: usize, fewest: usize) -> bool {
    count >= fewest
        && !numbered::subheading(reader.blocks, at)
        && reader.blocks[at..at + count]
            .iter()
            .all(|h| !ends_sentence(h))
        && reader.blocks.get(at + count).is_some_and(|b| is_body(b))
}

/// Where an article starts: whether a column label is above its headings, how many
/// headings it has, and what opens it.
pub(super) struct Start {
    /// A column label is the block at the start.
    pub label: bool,
    /// How many headings there are.
    pub count: usize,
    /// What follows them.
    pub opens: Opening,
}

/// The article that starts at `at`, where a paragraph may start. A single headline over text
/// opens one only `after_article` (before the first, it may be the page's furniture, and is
/// reported) and when it reads as a headline ([`lone::lone_heading`]). Under a column label,
/// which says an article starts, one headline over text is enough; a label is never a
/// heading, so with no headline under it no article starts.
pub(super) fn article_at(reader: &Reader<'_>, at: usize, after_article: bool) -> Option<Start> {
    let labelled = column_label(reader.blocks.get(at)?);
    let first = at + usize::from(labelled);
    let count = reader.headings_at(first);
    if count == 0 {
        return None;
    }
    let opens = match opening(reader, first + count) {
        Opening::Nothing
            if opens_without_byline(reader, first, count, 2 - usize::from(labelled)) =>
        {
            Opening::Bare
        }
        Opening::Nothing if after_article && count == 1 && lone_heading(reader, first) => {
            Opening::Bare
        }
        Opening::Nothing => return None,
        opens => opens,
    };
    Some(Start {
        label: labelled,
        count,
        opens,
    })
}

/// True when the block at `at` is a headline alone over the text under it: the paragraph
/// that opens there, joined across the layout's breaks as the reader joins it (its first
/// piece alone may stop before the words the headline gives it).
fn lone_heading(reader: &Reader<'_>, at: usize) -> bool {
    let mut ahead = Reader {
        blocks: reader.blocks,
        next: at + 1,
    };
    ahead.paragraph_inner(false).is_some_and(|(_, under)| {
        let above = &reader.blocks[..at];
        let around = lone::Around {
            above,
            under: &under,
        };
        lone::lone_heading(&reader.blocks[at], &around)
    })
}
