//! The importer: raw page text (as extracted from a newspaper's layout) → articles.
//!
//! It works from the text's own structure, never from known titles or names:
//! - blocks are separated by blank lines and numbered from 1;
//! - the first block is the page banner when it is heading-like and more headings follow it;
//! - a group of one to three heading-like blocks (short, no `。` or `；`; a headline may end
//!   with `？` or `！`) opens an article when a byline follows it (`本报讯`,
//!   `本报讯（记者 …）`, `（本报记者 …）`, a line `本报记者 …`: see `import/byline.rs`), or a
//!   photo report when a caption ending with a photo credit (`本报记者 … 摄影报道`) follows
//!   it; two or three stacked headings followed by body text open an article that has no
//!   byline (`短评` / its title / its text);
//! - once an article has come before, a single headline over body text opens an article of
//!   its own (a brief), when the line reads as a headline and not as the start of a paragraph
//!   the layout broke (`import/lone.rs`);
//! - a column label (`【一线故事】`, `［图片新闻］`) above the headings is neither kicker nor
//!   title: it is kept as the article's first paragraph (`import/label.rs`);
//! - an author's credit at the end (`（作者系本报评论员 张三）`) is the byline of an article
//!   that has none, and gives its reporter (`import/author.rs`);
//! - a body block that does not end a sentence continues in the next block, joined with
//!   nothing in between, because the layout broke it mid-sentence.
//!
//! Text it cannot place is reported with its block number; nothing is dropped silently, and
//! nothing is merged into an article it does not belong to: a byline with no headline above
//! it, and the text after it up to the next article, is reported, not added to the article
//! before.
//!
//! A masthead line (报眉: `《劳动午报》(2024年03月08日 03版)`, `2024年3月8日 星期五`, `第3版`)
//! among the first [`masthead::HEAD_LINES`] or last [`masthead::FOOT_LINES`] non-blank lines
//! is set aside as the page's `masthead`, and gives every article its `date` and `page`.

use self::byline::{Byline, byline, credit_only, photo_credit};
use self::label::column_label;
use crate::article::{Article, Kind};
use crate::date::Date;
use crate::district;

mod author;
mod byline;
pub mod error;
mod label;
mod lone;
pub mod masthead;
mod printed;
pub mod run;
pub mod text;
mod unplaced;

pub use error::{ImportError, import_error_text};
pub use masthead::BadDay;
pub use printed::Moved;
pub use unplaced::{Unplaced, Why};

/// Settings for one import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Put before each article number to make ids unique across pages (`p3-` → `p3-1`).
    /// When empty and the date is known, ids are `2024-03-08-p3-1` (`2024-03-08-1` without
    /// a page).
    pub id_prefix: String,
    /// The page's day, over the masthead's (`--date`).
    pub date: Option<Date>,
    /// The page number, over the masthead's (`--page`).
    pub page: Option<u32>,
}

/// What an import produced.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    /// The page banner (通栏口号), if the page opens with one.
    pub banner: Option<String>,
    /// Articles in page order.
    pub articles: Vec<Article>,
    /// For each article, what the importer kept out of the order the page printed it in
    /// ([`Imported::printed`]).
    pub moved: Vec<Moved>,
    /// Blocks that belong to no article; the caller must report them.
    pub unplaced: Vec<Unplaced>,
    /// The masthead lines set aside: each one's 1-based line number in the page and its
    /// text, trimmed, in page order.
    pub masthead: Vec<(usize, String)>,
    /// The page's day: the option's, else the masthead's.
    pub date: Option<Date>,
    /// The page number: the option's, else the masthead's.
    pub page: Option<u32>,
    /// The paper's name from the masthead (`《劳动午报》`).
    pub paper: Option<String>,
    /// A masthead day that does not exist, with its 1-based line, when no date option was
    /// given; the caller must report it (the line is kept in `masthead`).
    pub bad_day: Option<(usize, BadDay)>,
}

/// Longest heading, in characters; anything longer is body text.
const MAX_HEADING_CHARS: usize = 48;
/// Most heading blocks above one article (引题, 主题, 副题).
const MAX_HEADINGS: usize = 3;
/// Most blocks a look-ahead joins while deciding whether a photo caption follows.
const MAX_LOOKAHEAD_BLOCKS: usize = 16;
/// Punctuation that only sentences carry, never headings; a headline may ask or exclaim
/// (`谁来守护外卖小哥的“最后一公里”？`, `暖心驿站开进社区！`).
const SENTENCE_MARKS: &[char] = &['。', '；', ';'];
/// Marks that end a sentence.
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '…', '!', '?', '.'];
/// Closing marks that may follow a sentence end (`。”`).
const CLOSERS: &[char] = &['”', '’', '」', '』', '）', ')', '》', '"', '\''];

/// Splits raw page text into blocks: runs of non-blank lines, each joined into one string.
pub fn blocks(page: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in page.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        let needs_space = current
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric())
            && line
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric());
        if needs_space {
            current.push(' ');
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// True when `text` ends a sentence (`。`, `！`, `？`, `…`, possibly followed by `”`), or
/// with a credit, which ends its paragraph (`本报记者 周峰 摄`, `（作者系本报评论员 张三）`).
pub fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end().trim_end_matches(CLOSERS);
    trimmed.ends_with(SENTENCE_ENDS)
        || photo_credit(text).is_some()
        || author::credit(text).is_some()
}

/// True when `block` looks like a heading: short, without sentence punctuation (a question or
/// exclamation mark may end a headline), and neither a byline nor a credit.
fn is_heading(block: &str) -> bool {
    block.chars().count() <= MAX_HEADING_CHARS
        && !block.contains(SENTENCE_MARKS)
        && byline(block).is_none()
        && photo_credit(block).is_none()
        && author::credit(block).is_none()
}

/// True when `block` is body text: neither a heading, nor a byline, nor a photo credit.
fn is_body(block: &str) -> bool {
    !is_heading(block) && byline(block).is_none() && credit_only(block).is_none()
}

/// Reads paragraphs from `blocks[start..]`: each joins blocks until one ends a sentence.
/// Stops before a block that is a byline, or a heading once a paragraph has ended.
struct Reader<'a> {
    blocks: &'a [String],
    next: usize,
}

impl Reader<'_> {
    /// The next whole paragraph, joining the blocks the layout broke, with its first block.
    /// It never swallows a byline or the headings of the next article.
    fn paragraph(&mut self) -> Option<(usize, String)> {
        self.paragraph_inner(true)
    }

    /// `paragraph`, looking for the next article's headings only when `look_ahead` is set,
    /// so that the look-ahead itself never recurses.
    fn paragraph_inner(&mut self, look_ahead: bool) -> Option<(usize, String)> {
        let first = self.next;
        let mut text = self.blocks.get(first)?.clone();
        self.next += 1;
        while !ends_sentence(&text) {
            // A look-ahead only asks whether a caption follows; a caption broken into more
            // blocks than this is not one, and the bound keeps the importer linear.
            if !look_ahead && self.next - first >= MAX_LOOKAHEAD_BLOCKS {
                break;
            }
            let Some(next) = self.blocks.get(self.next) else {
                break;
            };
            if byline(next).is_some() {
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
    fn headings_at(&self, at: usize) -> usize {
        self.blocks[at.min(self.blocks.len())..]
            .iter()
            .take(MAX_HEADINGS)
            .take_while(|b| is_heading(b))
            .count()
    }
}

/// What follows a group of headings.
enum Opening {
    News(Byline),
    Photo,
    /// Stacked headings with body text after them and no byline.
    Bare,
    Nothing,
}

fn opening(reader: &Reader<'_>, at: usize) -> Opening {
    let Some(block) = reader.blocks.get(at) else {
        return Opening::Nothing;
    };
    if let Some(b) = byline(block) {
        return Opening::News(b);
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
/// three (one is enough under a column label: `fewest`), none ends a sentence, and the block
/// after them is body text. Only where a paragraph may start: in the middle of one, short
/// blocks are the layout's breaks.
fn opens_without_byline(reader: &Reader<'_>, at: usize, count: usize, fewest: usize) -> bool {
    count >= fewest
        && reader.blocks[at..at + count]
            .iter()
            .all(|h| !ends_sentence(h))
        && reader.blocks.get(at + count).is_some_and(|b| is_body(b))
}

/// Where an article starts: whether a column label is above its headings, how many
/// headings it has, and what opens it.
struct Start {
    label: bool,
    count: usize,
    opens: Opening,
}

/// The article that starts at `at`, where a paragraph may start. A single headline over text
/// opens one only `after_article` (before the first, it may be the page's furniture, and is
/// reported) and when it reads as a headline ([`lone::lone_heading`]). Under a column label,
/// which says an article starts, one headline over text is enough; a label is never a
/// heading, so with no headline under it no article starts.
fn article_at(reader: &Reader<'_>, at: usize, after_article: bool) -> Option<Start> {
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
        Opening::Nothing
            if after_article
                && count == 1
                && reader
                    .blocks
                    .get(first + 1)
                    .is_some_and(|next| lone::lone_heading(&reader.blocks[first], next)) =>
        {
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

/// Turns raw page text into articles. Never fails: what it cannot place is in `unplaced`.
pub fn import_page(page: &str, options: &ImportOptions) -> Imported {
    // A byte order mark (Windows Notepad saves one) is no part of the text: left in, it
    // would hide the masthead on the first line.
    let page = page.strip_prefix('\u{feff}').unwrap_or(page);
    let mut out = Imported::default();
    let rest = masthead::set_aside(page, options, &mut out);
    let blocks = blocks(&rest);
    let mut reader = Reader {
        blocks: &blocks,
        next: 0,
    };
    let leading = reader.headings_at(0);
    // A column label opening the page heads its first article, not the page.
    if leading >= 2 && !column_label(&blocks[0]) {
        out.banner = Some(blocks[0].clone());
        reader.next = 1;
    }
    // Set while the text read belongs to a byline that has no headline.
    let mut orphaned = false;
    while reader.next < blocks.len() {
        let at = reader.next;
        if let Some(start) = article_at(&reader, at, !out.articles.is_empty()) {
            let first = at + usize::from(start.label);
            let after = first + start.count;
            let headings: Vec<&str> = blocks[first..after].iter().map(String::as_str).collect();
            reader.next = after;
            let mut article = match start.opens {
                Opening::News(byline) => news(&mut reader, &headings, byline),
                Opening::Photo => photo(&mut reader, &headings),
                Opening::Bare | Opening::Nothing => headed(&headings, Kind::News),
            };
            if start.label {
                article.paragraphs.insert(0, blocks[at].clone());
            }
            out.articles.push(article);
            out.moved.push(Moved {
                label: start.label,
                credit: false,
            });
            orphaned = false;
            continue;
        }
        if let Some(b) = byline(&blocks[at]) {
            // A credit on its own after an article's text, with nothing after it but the next
            // article, closes that article (`（本报记者 王佳）` at its end).
            let closing = b.rest.is_empty()
                && !out.articles.is_empty()
                && (at + 1 == blocks.len() || article_at(&reader, at + 1, true).is_some());
            if closing {
                reader.next += 1;
                let credit = Some((b.reporters, b.correspondents));
                place(&mut out, orphaned, (at, false), blocks[at].clone(), credit);
                continue;
            }
            // A byline with no headline: its article has no title, so the byline and its
            // text are reported, never added to the article before.
            if let Some((block, text)) = reader.paragraph() {
                let after = out.articles.len();
                out.unplaced
                    .push(Unplaced::new(block, text, after, Why::NoHeadline));
                orphaned = true;
            }
            continue;
        }
        let Some((block, text)) = reader.paragraph() else {
            break;
        };
        let credit = credit_only(&text).map(|c| (c.reporters, c.correspondents));
        let heading = out.articles.is_empty() && is_heading(&blocks[block]);
        place(&mut out, orphaned, (block, heading), text, credit);
    }
    unplaced::locate(page, &rest, &mut out.unplaced);
    let prefix = match (out.date, out.page) {
        _ if !options.id_prefix.is_empty() => options.id_prefix.clone(),
        (Some(date), Some(page)) => format!("{date}-p{page}-"),
        (Some(date), None) => format!("{date}-"),
        (None, _) => String::new(),
    };
    for (n, (article, moved)) in out.articles.iter_mut().zip(&mut out.moved).enumerate() {
        article.id = format!("{prefix}{}", n + 1);
        article.date = out.date.map(|d| d.to_string());
        article.page = out.page;
        moved.credit = author::close(article);
        finish(article);
    }
    out
}

/// Adds a paragraph that starts at `block` (0-based) to the last article, with the names its
/// credit gives; to the text of a byline with no headline while `orphaned`; and reports it
/// when no article came before (a headline with no byline when `heading`).
fn place(
    out: &mut Imported,
    orphaned: bool,
    (block, heading): (usize, bool),
    text: String,
    credit: Option<(Vec<String>, Vec<String>)>,
) {
    match (orphaned, out.unplaced.last_mut(), out.articles.last_mut()) {
        (true, Some(unplaced), _) => {
            unplaced.text.push('\n');
            unplaced.text.push_str(&text);
        }
        (_, _, Some(article)) => {
            if let Some((reporters, correspondents)) = credit {
                add_names(article, reporters, correspondents);
            }
            article.paragraphs.push(text);
        }
        _ => {
            let why = match heading {
                true => Why::NoByline,
                false => Why::BeforeFirstArticle,
            };
            out.unplaced.push(Unplaced::new(block, text, 0, why));
        }
    }
}

fn headed(headings: &[&str], kind: Kind) -> Article {
    let mut article = Article {
        kind,
        ..Article::default()
    };
    match headings {
        [title] => article.title = (*title).to_string(),
        [first, second] if second.starts_with('—') => {
            article.title = (*first).to_string();
            article.subtitle = Some((*second).to_string());
        }
        [kicker, title] => {
            article.kicker = Some((*kicker).to_string());
            article.title = (*title).to_string();
        }
        [kicker, title, subtitle, ..] => {
            article.kicker = Some((*kicker).to_string());
            article.title = (*title).to_string();
            article.subtitle = Some((*subtitle).to_string());
        }
        [] => {}
    }
    article
}

/// Adds the names a credit gives to the article's, each once.
fn add_names(article: &mut Article, reporters: Vec<String>, correspondents: Vec<String>) {
    for (names, more) in [
        (&mut article.reporters, reporters),
        (&mut article.correspondents, correspondents),
    ] {
        for name in more {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
}

fn news(reader: &mut Reader<'_>, headings: &[&str], byline: Byline) -> Article {
    let mut article = headed(headings, Kind::News);
    let skip = reader.blocks[reader.next].len() - byline.rest.len();
    let whole = byline.rest.is_empty();
    article.byline = Some(byline.text);
    article.reporters = byline.reporters;
    article.correspondents = byline.correspondents;
    if whole {
        // The byline is a block of its own (`本报记者 王五`): the text starts after it.
        reader.next += 1;
    } else if let Some((_, text)) = reader.paragraph() {
        // The byline's block opens the first paragraph; join it like any other.
        article.paragraphs.push(text[skip..].to_string());
    }
    article
}

fn photo(reader: &mut Reader<'_>, headings: &[&str]) -> Article {
    let mut article = headed(headings, Kind::Photo);
    if let Some((_, caption)) = reader.paragraph() {
        let mut credit = photo_credit(&caption);
        article.paragraphs.push(caption);
        if credit.is_none() {
            // The credit is a block of its own after the caption.
            let block = reader.blocks.get(reader.next);
            credit = block.and_then(|b| credit_only(b));
            if let (Some(block), Some(_)) = (block, &credit) {
                article.paragraphs.push(block.clone());
                reader.next += 1;
            }
        }
        if let Some(credit) = credit {
            article.reporters = credit.reporters;
            article.correspondents = credit.correspondents;
        }
    }
    article
}

/// Fills in the districts once every paragraph is known.
fn finish(article: &mut Article) {
    let headings: Vec<&str> = article
        .kicker
        .iter()
        .chain(std::iter::once(&article.title))
        .chain(article.subtitle.iter())
        .map(String::as_str)
        .collect();
    let (primary, all) = district::detect(&headings, &article.paragraphs);
    article.district = primary.map(str::to_string);
    article.districts = all.into_iter().map(str::to_string).collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_paragraphs_join_without_a_gap() {
        let page = "标题一\n\n本报讯（记者 甲） 全市物\n\n流业务量。\n\n第二段。\n";
        let out = import_page(page, &ImportOptions::default());
        assert_eq!(out.articles.len(), 1);
        assert_eq!(out.articles[0].paragraphs, ["全市物流业务量。", "第二段。"]);
        assert!(out.unplaced.is_empty());
    }

    #[test]
    fn text_before_any_article_is_reported_with_its_block() {
        let page = "孤立的一段话。\n\n标题\n\n本报讯（记者 甲） 正文。\n";
        let out = import_page(page, &ImportOptions::default());
        assert_eq!(
            out.unplaced,
            [Unplaced {
                block: 1,
                line: 1,
                column: 1,
                text: "孤立的一段话。".into(),
                after: 0,
                why: Why::BeforeFirstArticle,
            }]
        );
        assert_eq!(out.articles.len(), 1);
    }

    #[test]
    fn a_dash_line_is_a_subtitle() {
        let page = "报头\n\n主标题\n\n——副标题\n\n本报讯（记者 甲） 正文。\n";
        let a = &import_page(page, &ImportOptions::default()).articles[0];
        assert_eq!(a.title, "主标题");
        assert_eq!(a.subtitle.as_deref(), Some("——副标题"));
        assert_eq!(a.kicker, None);
    }
}
