//! The article model: what one newspaper article holds, and a collection of them.

use serde::{Deserialize, Serialize};

use crate::date::{Date, date_of};
use crate::district::DistrictKey;
use crate::filter::Filter;
use crate::library::{Lazy, Library};

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
    /// Set for an archive read through its index: the articles are read from it when
    /// asked for, and `articles` stays empty.
    lazy: Option<Lazy>,
}

impl Collection {
    /// A collection of `articles`, with the page's `banner` (通栏口号) if it has one.
    pub fn new(banner: Option<String>, articles: Vec<Article>) -> Collection {
        Collection {
            banner,
            articles,
            lazy: None,
        }
    }

    /// The articles of `library`, each read when first asked for (the reader over an
    /// indexed archive). [`iter`](Self::iter) and [`as_slice`](Self::as_slice) hold
    /// nothing then: such a collection is read through [`get`](Self::get),
    /// [`summary`](Self::summary) and the methods that ask the library.
    pub fn lazy(library: Box<dyn Library>) -> Collection {
        Collection {
            banner: library.banner(),
            articles: Vec::new(),
            lazy: Some(Lazy::new(library)),
        }
    }

    /// The library behind a collection read through an index.
    pub fn library(&self) -> Option<&dyn Library> {
        self.lazy.as_ref().map(Lazy::library)
    }

    /// The summary of the article at `ix`: its headings, districts, people, date and id
    /// (the whole article when it is in memory), what a row of the list shows.
    pub fn summary(&self, ix: ArticleIx) -> Option<&Article> {
        match &self.lazy {
            Some(lazy) => lazy.summary(ix),
            None => self.articles.get(ix),
        }
    }

    /// The day of the article at `ix`, when it has one.
    pub fn date(&self, ix: ArticleIx) -> Option<Date> {
        match &self.lazy {
            Some(lazy) => lazy.library().date(ix),
            None => date_of(self.articles.get(ix)?.date.as_deref()),
        }
    }

    /// Articles per district (see [`crate::filter::district_counts`]).
    pub fn district_counts(&self) -> Vec<(DistrictKey, usize)> {
        match &self.lazy {
            Some(lazy) => lazy.library().district_counts(),
            None => crate::filter::district_counts(&self.articles),
        }
    }

    /// The places of `order` whose articles pass the districts and dates of `filter`,
    /// in the order given.
    pub fn keep(&self, order: &[ArticleIx], filter: &Filter) -> Vec<ArticleIx> {
        match &self.lazy {
            Some(lazy) => lazy.library().keep(order, filter),
            None => order
                .iter()
                .copied()
                .filter(|&i| self.articles.get(i).is_some_and(|a| filter.matches(a)))
                .collect(),
        }
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
        self.lazy.as_ref().map_or(self.articles.len(), Lazy::len)
    }

    /// True when there is no article.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The article at `ix`, if there is one.
    pub fn get(&self, ix: ArticleIx) -> Option<&Article> {
        match &self.lazy {
            Some(lazy) => lazy.get(ix),
            None => self.articles.get(ix),
        }
    }

    /// The articles in memory, in order (none for a [`lazy`](Self::lazy) collection).
    pub fn iter(&self) -> std::slice::Iter<'_, Article> {
        self.articles.iter()
    }

    /// The articles in memory, in order, as one slice (the in-memory search index reads them
    /// so; empty for a [`lazy`](Self::lazy) collection).
    pub fn as_slice(&self) -> &[Article] {
        &self.articles
    }

    /// The article with this id, if any.
    pub fn by_id(&self, id: &str) -> Option<&Article> {
        self.get(self.position(id)?)
    }

    /// The place of the article with this id, if any.
    pub fn position(&self, id: &str) -> Option<ArticleIx> {
        match &self.lazy {
            Some(lazy) => lazy.library().position(id),
            None => self.articles.iter().position(|a| a.id == id),
        }
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
        match self.get(ix) {
            Some(article) => article,
            None => panic!("no article at {ix} of {}", self.len()),
        }
    }
}

impl From<Vec<Article>> for Collection {
    fn from(articles: Vec<Article>) -> Collection {
        Collection::new(None, articles)
    }
}

impl<'a> IntoIterator for &'a Collection {
    type Item = &'a Article;
    type IntoIter = std::slice::Iter<'a, Article>;

    fn into_iter(self) -> Self::IntoIter {
        self.articles.iter()
    }
}
