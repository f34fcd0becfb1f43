//! One error type for the whole program: what went wrong, where, and what to do.

use std::fmt;
use std::path::PathBuf;

/// Where in the input something was found: a file and, where it applies, a line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The file, or `<builtin>` for the bundled data.
    pub path: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column (in characters), when known.
    pub column: Option<usize>,
    /// What is at that place, e.g. `article 3`, when a line is not enough.
    pub item: Option<String>,
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

    /// The same place, naming the item found there.
    pub fn item(mut self, item: impl Into<String>) -> Place {
        self.item = Some(item.into());
        self
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        if let Some(item) = &self.item {
            write!(f, " ({item})")?;
        }
        Ok(())
    }
}

/// Every error kanbao reports. All of them exit with code 2.
#[derive(Debug)]
pub enum Error {
    /// A file or folder could not be read or written.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The JSON is malformed or does not fit schema 1.
    Syntax { place: Place, message: String },
    /// The file is not UTF-8.
    NotUtf8 { place: Place },
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
    /// The user named a district kanbao does not know; the message lists the known ones.
    UnknownDistrict(String),
    /// No article has this id.
    UnknownId(String),
    /// A page could not be imported completely.
    Import(String),
    /// The command line asks for something impossible.
    Usage(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Syntax { place, message } => write!(f, "{place}: {message}"),
            Error::NotUtf8 { place } => {
                write!(
                    f,
                    "{place}: not UTF-8; kanbao reads UTF-8 only (convert with iconv)"
                )
            }
            Error::DuplicateId { id, first, second } => {
                write!(
                    f,
                    "{second}: duplicate article id `{id}`, first used at {first}"
                )
            }
            Error::MissingTitle { place } => write!(f, "{place}: the article has no title"),
            Error::BadDistrict { place, name } => write!(
                f,
                "{place}: `{name}` is not one of Beijing's 16 districts; write a full name such \
                 as 西城区, or null when none is stated"
            ),
            Error::Empty { path } => write!(f, "{}: holds no articles", path.display()),
            Error::Schema { place, found } => {
                write!(
                    f,
                    "{place}: schema {found} is not supported; kanbao reads schema 1"
                )
            }
            Error::TooLarge { path, size, limit } => write!(
                f,
                "{}: {size} bytes is more than the {limit} bytes kanbao reads from one file of \
                 this kind; split it into a folder of JSON Lines (.jsonl) files",
                path.display()
            ),
            Error::UnknownDistrict(message) => write!(f, "{message}"),
            Error::UnknownId(id) => {
                write!(f, "no article has id `{id}`; `kanbao list` shows the ids")
            }
            Error::Import(message) => write!(f, "{message}"),
            Error::Usage(message) => write!(f, "{message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// kanbao's result type.
pub type Result<T> = std::result::Result<T, Error>;
