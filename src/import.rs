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
//!   its own (a brief), when the line and the blocks around it read as a headline and not as
//!   the start of a paragraph the layout broke (`import/lone.rs`);
//! - a column label (`【一线故事】`, `［图片新闻］`) above the headings is neither kicker nor
//!   title: it is kept as the article's first paragraph (`import/label.rs`);
//! - an author's credit at the end (`（作者系本报评论员 张三）`), or a supplier's
//!   (`（朝阳区总工会供稿）`), is the byline of an article that has none, and gives its
//!   reporter (`import/author.rs`, `import/supplied.rs`);
//! - a byline may be printed after a marker (`■本报评论员`, `□本报记者 张三`, `□张三`:
//!   `import/marker.rs`); a commentator's post needs none (`本报评论员`:
//!   `import/commentator.rs`); right under the headings, a credit that says what its
//!   reporter did is the byline (`□本报记者 王晓楠 文/摄`, `本报记者 张三 摄`:
//!   `import/credited.rs`);
//! - a subheading after a marker in the text (`■背景`, `□链接`) is a paragraph of its own
//!   (`import/subhead.rs`), and so is a numbered one (`一、坚持服务职工`, `（一）…`, `1．…`)
//!   where a paragraph starts, short, over the text it heads and in a sequence of its kind
//!   (`import/numbered.rs`);
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

use self::build::{add_names, finish, headed, news, photo};
use self::byline::{byline, credit_only};
use self::label::column_label;
use self::reader::Reader;
use self::shape::is_heading;
use self::start::{Opening, article_at};
use crate::article::{Article, Kind};
use crate::date::Date;

mod author;
mod blocks;
mod build;
mod byline;
mod commentator;
mod credited;
pub mod error;
mod label;
mod lone;
mod marker;
pub mod masthead;
mod numbered;
mod printed;
mod reader;
pub mod run;
mod shape;
mod start;
mod subhead;
mod supplied;
pub mod text;
mod unplaced;

pub use blocks::blocks;
pub use error::{ImportError, import_error_text};
pub use masthead::BadDay;
pub use printed::Moved;
pub use shape::ends_sentence;
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
                Opening::Credited(byline) => Article {
                    kind: Kind::Photo,
                    ..news(&mut reader, &headings, byline)
                },
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
