//! The article model: what one newspaper article holds, and a collection of them.

use serde::{Deserialize, Serialize};

/// Whether an article is a news story or a photo report (图片新闻).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A news story: headings, a byline, body paragraphs.
    #[default]
    News,
    /// A photo report: a title and a caption that ends with its credit.
    Photo,
}

/// One article, as schema 1 describes it (docs/contract.md §1.4).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Article {
    /// Unique within a collection.
    pub id: String,
    /// The main heading (主题).
    pub title: String,
    /// The heading above the title (引题), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kicker: Option<String>,
    /// The heading below the title (副题), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// News or photo.
    #[serde(default)]
    pub kind: Kind,
    /// The primary district (docs/contract.md §1.3), or `None` when the text names none.
    #[serde(default)]
    pub district: Option<String>,
    /// Every district the title and text name, in order of first mention.
    #[serde(default)]
    pub districts: Vec<String>,
    /// Reporters (记者), in the order printed.
    #[serde(default)]
    pub reporters: Vec<String>,
    /// Correspondents (通讯员), in the order printed.
    #[serde(default)]
    pub correspondents: Vec<String>,
    /// The byline as printed, e.g. `本报讯（记者 孙艳）`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// Publication date, `YYYY-MM-DD`, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Page number in the printed paper, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Body paragraphs; may be empty for a photo report.
    pub paragraphs: Vec<String>,
    /// The newspaper's name (劳动午报), when known: the article's own `source`, else its
    /// document's page-level `source`. Cited by `kanbao export`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// An article's place in a [`Collection`] (0 is the first). The list, the search's
/// answers and the reader name articles by it.
pub type ArticleIx = usize;

/// A set of articles loaded from one source, with the page banner if there is one.
///
/// Its users go through this API ([`len`](Self::len), [`get`](Self::get),
/// [`iter`](Self::iter), [`position`](Self::position), [`by_id`](Self::by_id)) and never
/// the vector, so that something other than a vector in memory (the archive's index) can
/// stand behind it. Articles are in source order; a loaded archive puts the newest day
/// first (see [`crate::load::newest_first`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Collection {
    banner: Option<String>,
    articles: Vec<Article>,
}

impl Collection {
    /// A collection of `articles`, with the page's `banner` (通栏口号) if it has one.
    pub fn new(banner: Option<String>, articles: Vec<Article>) -> Collection {
        Collection { banner, articles }
    }

    /// The page banner (通栏口号), when the source has one.
    pub fn banner(&self) -> Option<&str> {
        self.banner.as_deref()
    }

    /// Sets the page banner.
    pub fn set_banner(&mut self, banner: Option<String>) {
        self.banner = banner;
    }

    /// How many articles there are.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// True when there is no article.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The article at `ix`, if there is one.
    pub fn get(&self, ix: ArticleIx) -> Option<&Article> {
        self.articles.get(ix)
    }

    /// The articles in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Article> {
        self.articles.iter()
    }

    /// The articles in order, as one slice (the in-memory search index reads them so).
    pub fn as_slice(&self) -> &[Article] {
        &self.articles
    }

    /// The article with this id, if any.
    pub fn by_id(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// The place of the article with this id, if any.
    pub fn position(&self, id: &str) -> Option<ArticleIx> {
        self.articles.iter().position(|a| a.id == id)
    }

    /// Adds an article at the end (the loaders and the importer).
    pub fn push(&mut self, article: Article) {
        self.articles.push(article);
    }

    /// The articles, to change in place (the loaders' ordering, the importer's numbering).
    pub fn articles_mut(&mut self) -> &mut Vec<Article> {
        &mut self.articles
    }

    /// The articles, taken out.
    pub fn into_articles(self) -> Vec<Article> {
        self.articles
    }
}

impl std::ops::Index<ArticleIx> for Collection {
    type Output = Article;

    fn index(&self, ix: ArticleIx) -> &Article {
        &self.articles[ix]
    }
}

impl From<Vec<Article>> for Collection {
    fn from(articles: Vec<Article>) -> Collection {
        Collection {
            banner: None,
            articles,
        }
    }
}

impl<'a> IntoIterator for &'a Collection {
    type Item = &'a Article;
    type IntoIter = std::slice::Iter<'a, Article>;

    fn into_iter(self) -> Self::IntoIter {
        self.articles.iter()
    }
}
