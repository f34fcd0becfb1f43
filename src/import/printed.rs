//! An imported article's text in the order the page printed it: the importer keeps a column
//! label as the first paragraph and an author's closing credit as the byline, so two parts
//! may sit elsewhere than on the page (docs/contract.md §1.2).

use super::Imported;

/// What the importer kept out of the order the page printed an article in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Moved {
    /// The first paragraph is a column label (`【一线故事】`), printed above the headings.
    pub label: bool,
    /// The byline is an author's or a supplier's credit (`（作者系本报评论员 张三）`,
    /// `（朝阳区总工会供稿）`), printed after the paragraphs.
    pub credit: bool,
}

impl Imported {
    /// The text of article `n` as the page printed it: its kicker, title, subtitle, byline
    /// and paragraphs, with a column label kept as the first paragraph put before the
    /// headings, and an author's credit kept as the byline put after the paragraphs. Empty
    /// when there is no article `n`. With whitespace removed, the masthead, the banner and
    /// every article's text so printed are the page.
    pub fn printed(&self, n: usize) -> Vec<&str> {
        let Some(article) = self.articles.get(n) else {
            return Vec::new();
        };
        let moved = self.moved.get(n).copied().unwrap_or_default();
        let mut paragraphs = article.paragraphs.iter().map(String::as_str);
        let byline = article.byline.as_deref();
        let mut out = Vec::new();
        if moved.label {
            out.extend(paragraphs.next());
        }
        out.extend(article.kicker.as_deref());
        out.push(article.title.as_str());
        out.extend(article.subtitle.as_deref());
        if !moved.credit {
            out.extend(byline);
        }
        out.extend(paragraphs);
        if moved.credit {
            out.extend(byline);
        }
        out
    }
}
