//! A collection of articles: in memory, or read from a [`Library`] when asked for (the
//! reader over an indexed archive), with the page banner if there is one.

use crate::article::{Article, ArticleIx};
use crate::date::{Date, date_of};
use crate::district::DistrictKey;
use crate::filter::Filter;
use crate::library::{Lazy, Library};

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

    /// The articles at `places` per district, counted as
    /// [`district_counts`](Self::district_counts) counts them all.
    pub fn district_counts_of(&self, places: &[ArticleIx]) -> Vec<(DistrictKey, usize)> {
        match &self.lazy {
            Some(lazy) => lazy.library().district_counts_of(places),
            None => {
                crate::filter::district_counts(places.iter().filter_map(|&i| self.articles.get(i)))
            }
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
