//! One error type for the whole program: what went wrong, where, and what to do.

use std::fmt;
use std::path::PathBuf;

use crate::i18n::{self, Lang};

/// Where in the input something was found: a file and, where it applies, a line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The file, or `<builtin>` for the bundled data.
    pub path: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column (in characters), when known.
    pub column: Option<usize>,
    /// What is at that place, when a line is not enough.
    pub item: Option<Item>,
}

/// The article found at a [`Place`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// The article with this id (on a line of a JSON Lines file).
    Id(String),
    /// Article `n` (1-based) of a JSON document, with its id.
    Article {
        /// Its position in the document's `articles`.
        n: usize,
        /// Its id.
        id: String,
    },
}

impl Place {
    /// A place that is a whole file.
    pub fn file(path: impl Into<PathBuf>) -> Place {
        Place {
            path: path.into(),
            line: None,
            column: None,
            item: None,
        }
    }

    /// A place at a line and column of a file.
    pub fn at(path: impl Into<PathBuf>, line: usize, column: usize) -> Place {
        Place {
            path: path.into(),
            line: Some(line),
            column: Some(column),
            item: None,
        }
    }

    /// The same place, naming the article found there.
    pub fn item(mut self, item: Item) -> Place {
        self.item = Some(item);
        self
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&i18n::place_text(self, Lang::En))
    }
}

/// Every error kanbao reports. All of them exit with code 2. Their words are in
/// [`crate::i18n`] ([`i18n::error_text`]), in Chinese and English; `Display` gives the English.
#[derive(Debug)]
pub enum Error {
    /// A file or folder could not be read or written.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The JSON is malformed or does not fit schema 1 (`message` is serde_json's).
    Syntax { place: Place, message: String },
    /// The file is not UTF-8.
    NotUtf8 { place: Place },
    /// The config file says something kanbao does not take.
    Config {
        place: Place,
        problem: Box<crate::config::problem::ConfigProblem>,
    },
    /// Two articles share an id.
    DuplicateId {
        id: String,
        first: Box<Place>,
        second: Box<Place>,
    },
    /// An article has an empty title.
    MissingTitle { place: Place },
    /// An article's `district` or `districts` holds a name that is not one of the 16.
    BadDistrict { place: Place, name: String },
    /// The source holds no articles.
    Empty { path: PathBuf },
    /// The file declares a schema kanbao does not know.
    Schema { place: Place, found: u64 },
    /// The file is larger than kanbao accepts.
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// The user named a district kanbao does not know (the message lists the known ones).
    UnknownDistrict(String),
    /// No article has this id.
    UnknownId(String),
    /// Blocks of a page that belong to no article: their numbers and first words.
    Unplaced {
        page: PathBuf,
        blocks: Vec<(usize, String)>,
    },
    /// A page in which no article was found.
    NoArticle { page: PathBuf },
    /// `show --width` below the least width.
    TooNarrow { width: usize, least: usize },
    /// The reader was started with stdout not a terminal.
    NoTerminal,
    /// The reader was started where `TERM` is `dumb`, empty or unset: a terminal that
    /// cannot move the cursor or show colours (its value, if set).
    DumbTerminal { term: Option<String> },
    /// The state file could not be used (not a kanbao state file, too large), or the
    /// reader's marks could not be saved when it ended.
    State(crate::state::StateError),
    /// A query that cannot be searched for: blank, or over the limits.
    Query(crate::search::QueryError),
    /// Standard output was closed (`>&-`), so the command's output would be lost.
    StdoutClosed,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&i18n::error_text(self, Lang::En))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::State(e) => Some(e),
            _ => None,
        }
    }
}

/// kanbao's result type.
pub type Result<T> = std::result::Result<T, Error>;
