//! The importer: raw page text (as extracted from a newspaper's layout) → articles.
//!
//! It works from the text's own structure, never from known titles or names:
//! - blocks are separated by blank lines and numbered from 1;
//! - the first block is the page banner when it is heading-like and more headings follow it;
//! - a group of one to three heading-like blocks (short, no sentence-ending punctuation)
//!   opens an article when a byline (`本报讯（记者 …）`) follows it, or a photo report when a
//!   caption ending with a photo credit (`本报记者 … 摄影报道`) follows it;
//! - a body block that does not end a sentence continues in the next block, joined with
//!   nothing in between, because the layout broke it mid-sentence.
//!
//! Text it cannot place is reported with its block number; nothing is dropped silently.
//!
//! A masthead line (报眉: `《劳动午报》(2024年03月08日 03版)`, `2024年3月8日 星期五`, `第3版`)
//! among the first [`masthead::HEAD_LINES`] or last [`masthead::FOOT_LINES`] non-blank lines
//! is set aside as the page's `masthead`, and gives every article its `date` and `page`.

use crate::article::{Article, Kind};
use crate::date::Date;
use crate::district;

pub mod error;
pub mod masthead;
pub mod run;
pub mod text;

pub use error::{ImportError, import_error_text};
pub use masthead::BadDay;

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

/// A block the importer could not place in any article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unplaced {
    /// 1-based block number in the page.
    pub block: usize,
    /// The block's text.
    pub text: String,
}

/// What an import produced.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    /// The page banner (通栏口号), if the page opens with one.
    pub banner: Option<String>,
    /// Articles in page order.
    pub articles: Vec<Article>,
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
/// Punctuation that only sentences carry, never headings.
const SENTENCE_MARKS: &[char] = &['。', '！', '？', '；', '!', '?', ';'];
/// Marks that end a sentence.
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '…', '!', '?', '.'];
/// Closing marks that may follow a sentence end (`。”`).
const CLOSERS: &[char] = &['”', '’', '」', '』', '）', ')', '》', '"', '\''];
/// How a photo credit ends, longest first.
const CREDIT_ENDINGS: &[&str] = &["摄影报道", "摄影", "报道", "摄"];
/// The longest photo credit, in bytes (about 40 characters).
const MAX_CREDIT_BYTES: usize = 160;
/// Labels before reporters' names.
const REPORTER_LABELS: &[&str] = &["本报记者", "记者"];
/// Labels before correspondents' names.
const CORRESPONDENT_LABELS: &[&str] = &["本报通讯员", "通讯员"];

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

/// True when `text` ends a sentence (`。`, `！`, `？`, `…`, possibly followed by `”`).
pub fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end().trim_end_matches(CLOSERS);
    trimmed.ends_with(SENTENCE_ENDS) || photo_credit(text).is_some()
}

/// True when `block` looks like a heading: short, and without sentence punctuation.
fn is_heading(block: &str) -> bool {
    block.chars().count() <= MAX_HEADING_CHARS
        && !block.contains(SENTENCE_MARKS)
        && byline(block).is_none()
}

/// A byline split from the paragraph it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Byline {
    /// The byline as printed: `本报讯（记者 孙艳）`.
    text: String,
    reporters: Vec<String>,
    correspondents: Vec<String>,
    /// The paragraph text after the byline and its spaces.
    rest: String,
}

/// Parses a byline at the start of `block`: `本报…（记者 A B 通讯员 C）`.
fn byline(block: &str) -> Option<Byline> {
    if !block.starts_with("本报") {
        return None;
    }
    let open = block.find(['（', '('])?;
    if block[..open].chars().count() > 16 {
        return None;
    }
    let after_open = open + block[open..].chars().next()?.len_utf8();
    let close = after_open + block[after_open..].find(['）', ')'])?;
    let inside = &block[after_open..close];
    let (reporters, correspondents) = names(inside);
    if reporters.is_empty() && correspondents.is_empty() {
        return None;
    }
    let end = close + block[close..].chars().next()?.len_utf8();
    Some(Byline {
        text: block[..end].to_string(),
        reporters,
        correspondents,
        rest: block[end..].trim_start().to_string(),
    })
}

/// Reads `记者 A B 通讯员 C` into reporters and correspondents.
fn names(credit: &str) -> (Vec<String>, Vec<String>) {
    #[derive(PartialEq)]
    enum Role {
        None,
        Reporter,
        Correspondent,
    }
    let mut role = Role::None;
    let (mut reporters, mut correspondents) = (Vec::new(), Vec::new());
    for token in credit.split([' ', '\u{3000}', '、', '，', ',']) {
        let mut token = token.trim();
        // A label may be glued to the name: `记者孙艳`.
        if let Some(rest) = strip_any(token, CORRESPONDENT_LABELS) {
            role = Role::Correspondent;
            token = rest;
        } else if let Some(rest) = strip_any(token, REPORTER_LABELS) {
            role = Role::Reporter;
            token = rest;
        }
        if token.is_empty() {
            continue;
        }
        match role {
            Role::Reporter => reporters.push(token.to_string()),
            Role::Correspondent => correspondents.push(token.to_string()),
            Role::None => {}
        }
    }
    (reporters, correspondents)
}

fn strip_any<'a>(token: &'a str, labels: &[&str]) -> Option<&'a str> {
    labels.iter().find_map(|label| token.strip_prefix(label))
}

/// A photo credit at the end of a caption: `本报记者 宗晓畅 通讯员 刘淑珍 摄影报道`.
/// Returns the reporters and correspondents it names.
fn photo_credit(caption: &str) -> Option<(Vec<String>, Vec<String>)> {
    let caption = caption.trim_end();
    // A credit is a few names long; looking only at the end keeps joining linear.
    let mut window = caption.len().saturating_sub(MAX_CREDIT_BYTES);
    while !caption.is_char_boundary(window) {
        window += 1;
    }
    let tail_start = caption[window..].rfind(SENTENCE_ENDS).map_or(window, |at| {
        window
            + at
            + caption[window + at..]
                .chars()
                .next()
                .map_or(0, char::len_utf8)
    });
    let tail = &caption[tail_start..];
    let body = CREDIT_ENDINGS.iter().find_map(|e| tail.strip_suffix(e))?;
    let label_at = REPORTER_LABELS
        .iter()
        .chain(CORRESPONDENT_LABELS)
        .filter_map(|label| body.find(label))
        .min()?;
    let (reporters, correspondents) = names(&body[label_at..]);
    if reporters.is_empty() && correspondents.is_empty() {
        return None;
    }
    Some((reporters, correspondents))
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
            let count = self.headings_at(self.next);
            if look_ahead
                && count > 0
                && !matches!(opening(self, self.next + count), Opening::Nothing)
            {
                break;
            }
            text.push_str(next);
            self.next += 1;
        }
        Some((first, text))
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
        _ => Opening::Nothing,
    }
}

/// Turns raw page text into articles. Never fails: what it cannot place is in `unplaced`.
pub fn import_page(page: &str, options: &ImportOptions) -> Imported {
    let mut out = Imported::default();
    let rest = masthead::set_aside(page, options, &mut out);
    let blocks = blocks(&rest);
    let mut reader = Reader {
        blocks: &blocks,
        next: 0,
    };
    let leading = reader.headings_at(0);
    if leading >= 2 {
        out.banner = Some(blocks[0].clone());
        reader.next = 1;
    }
    while reader.next < blocks.len() {
        let at = reader.next;
        let count = reader.headings_at(at);
        if count > 0 {
            let after = at + count;
            let opens = opening(&reader, after);
            if !matches!(opens, Opening::Nothing) {
                let headings: Vec<&str> = blocks[at..after].iter().map(String::as_str).collect();
                reader.next = after;
                let article = match opens {
                    Opening::News(byline) => news(&mut reader, &headings, byline),
                    _ => photo(&mut reader, &headings),
                };
                out.articles.push(article);
                continue;
            }
        }
        let Some((block, text)) = reader.paragraph() else {
            break;
        };
        match out.articles.last_mut() {
            Some(article) => article.paragraphs.push(text),
            None => out.unplaced.push(Unplaced {
                block: block + 1,
                text,
            }),
        }
    }
    if !out.masthead.is_empty() {
        // Number unplaced blocks as the page's own blocks, masthead lines included.
        let (page_starts, rest_starts) =
            (masthead::block_starts(page), masthead::block_starts(&rest));
        for u in &mut out.unplaced {
            let line = rest_starts[u.block - 1];
            u.block = page_starts.partition_point(|&start| start <= line);
        }
    }
    let prefix = match (out.date, out.page) {
        _ if !options.id_prefix.is_empty() => options.id_prefix.clone(),
        (Some(date), Some(page)) => format!("{date}-p{page}-"),
        (Some(date), None) => format!("{date}-"),
        (None, _) => String::new(),
    };
    for (n, article) in out.articles.iter_mut().enumerate() {
        article.id = format!("{prefix}{}", n + 1);
        article.date = out.date.map(|d| d.to_string());
        article.page = out.page;
        finish(article);
    }
    out
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

fn news(reader: &mut Reader<'_>, headings: &[&str], byline: Byline) -> Article {
    let mut article = headed(headings, Kind::News);
    article.byline = Some(byline.text);
    article.reporters = byline.reporters;
    article.correspondents = byline.correspondents;
    // The byline's block opens the first paragraph; join it like any other.
    let mut first = Reader {
        blocks: reader.blocks,
        next: reader.next,
    };
    if let Some((_, text)) = first.paragraph() {
        let skip = text.len() - text_after_byline(&text).len();
        article.paragraphs.push(text[skip..].to_string());
        reader.next = first.next;
    }
    article.paragraphs.retain(|p| !p.is_empty());
    article
}

fn text_after_byline(text: &str) -> &str {
    match byline(text) {
        Some(b) => &text[text.len() - b.rest.len()..],
        None => text,
    }
}

fn photo(reader: &mut Reader<'_>, headings: &[&str]) -> Article {
    let mut article = headed(headings, Kind::Photo);
    if let Some((_, caption)) = reader.paragraph() {
        if let Some((reporters, correspondents)) = photo_credit(&caption) {
            article.reporters = reporters;
            article.correspondents = correspondents;
        }
        article.paragraphs.push(caption);
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
    fn byline_with_several_names_and_correspondents() {
        let b = byline("本报讯（记者 陈曦 王伟 通讯员 李四） 近日，").unwrap();
        assert_eq!(b.text, "本报讯（记者 陈曦 王伟 通讯员 李四）");
        assert_eq!(b.reporters, ["陈曦", "王伟"]);
        assert_eq!(b.correspondents, ["李四"]);
        assert_eq!(b.rest, "近日，");
    }

    #[test]
    fn photo_credit_names_reporters_and_correspondents() {
        let (r, c) = photo_credit("活动。本报记者 宗晓畅 通讯员 刘淑珍 吕明 摄影报道").unwrap();
        assert_eq!(r, ["宗晓畅"]);
        assert_eq!(c, ["刘淑珍", "吕明"]);
        assert!(photo_credit("活动很好。").is_none());
    }

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
                text: "孤立的一段话。".into()
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
