//! The article model: what one newspaper article holds.

use serde::{Deserialize, Serialize};

/// Whether an article is a news story or a photo report (图片新闻).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A news story: headings, a byline, body paragraphs.
    #[default]
    News,
    /// A photo report: a title and a caption with its credit, at the caption's end or after
    /// it, or under the title as the byline (`本报记者 张三 摄`).
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

impl Article {
    /// Whether this stands in for an article that could not be read (see
    /// [`crate::library::Library::article`]): it has no id, which no real article lacks
    /// (the loader and the index builder refuse an empty one). No bookmark, read mark, tag,
    /// note or place is kept for it: any id it could be kept under would be made up.
    pub fn is_stand_in(&self) -> bool {
        self.id.is_empty()
    }
}

/// An article's place in a [`Collection`] (0 is the first). The list, the search's
/// answers and the reader name articles by it.
///
/// [`Collection`]: crate::collection::Collection
pub type ArticleIx = usize;
