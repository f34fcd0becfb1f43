//! One error type for the whole program: what went wrong, where, and what to do.

use std::fmt;
use std::path::PathBuf;

use crate::i18n::Lang;
use crate::layout::sanitize::is_invisible;

mod text;

pub use text::{checked, error_text, place_text};

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
        f.write_str(&place_text(self, Lang::En))
    }
}

/// Every error kanbao reports. All of them exit with code 2. Their words are in
/// `text` ([`error_text`]), in Chinese and English; `Display` gives the English.
#[derive(Debug)]
pub enum Error {
    /// A file or folder could not be read or written.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The config file cannot be read: not there where it was named, a folder, or the
    /// system's reason. `named_by`: `--config` or the environment variable that named it,
    /// `None` at the default place.
    ConfigFile {
        path: PathBuf,
        named_by: Option<&'static str>,
        source: std::io::Error,
        folder: bool,
    },
    /// `kanbao index` was given a device, pipe or socket: an index is kept for a data
    /// file, by its size and modification time, and reading such a path to its end may
    /// never end (`/dev/zero`).
    NotAFile { path: PathBuf },
    /// The JSON is malformed or does not fit schema 1 (`message` is serde_json's).
    Syntax { place: Place, message: String },
    /// The file is not UTF-8.
    NotUtf8 { place: Place },
    /// An article read through the index is not the JSON the index found at its place:
    /// the data file changed after it was indexed, in a way its fingerprint (size,
    /// modification time, ends) did not show. `place` is in the file as it is now;
    /// `message` is serde_json's.
    ChangedSinceIndexed { place: Place, message: String },
    /// The config file says something kanbao does not take.
    Config {
        place: Place,
        problem: Box<crate::config::problem::ConfigProblem>,
        /// The file's other mistakes after this one, each a `Config` error, in its order.
        more: Vec<Error>,
    },
    /// Two articles share an id.
    DuplicateId {
        id: String,
        first: Box<Place>,
        second: Box<Place>,
    },
    /// An article's `district` or `districts` holds a name that is not one of the 16.
    BadDistrict { place: Place, name: String },
    /// The source holds no articles.
    Empty { path: PathBuf },
    /// The file declares a schema kanbao does not know.
    Schema { place: Place, found: u64 },
    /// The file is larger than kanbao accepts: `size` when it was known before reading (a
    /// regular file), `None` for a stream that went on past `limit`.
    TooLarge {
        path: PathBuf,
        size: Option<u64>,
        limit: u64,
    },
    /// The user named a district kanbao does not know (the message lists the known ones).
    UnknownDistrict(String),
    /// No article has this id.
    UnknownId(String),
    /// `kanbao export` chose more than it reads into memory for one report: `articles`
    /// chosen by the time their data passed `most_bytes`.
    TooMuchToExport { articles: usize, most_bytes: u64 },
    /// Blocks of a page that belong to no article (the rest of the page was written):
    /// where each is, and why.
    Unplaced {
        page: PathBuf,
        blocks: Vec<crate::import::Unplaced>,
    },
    /// A page in which no article was found (nothing was written), with the blocks it
    /// could not place.
    NoArticle {
        page: PathBuf,
        blocks: Vec<crate::import::Unplaced>,
    },
    /// `show --width` below the least width.
    TooNarrow { width: usize, least: usize },
    /// The reader was started with stdout not a terminal.
    NoTerminal,
    /// The reader was started where `TERM` is `dumb`, empty or unset: a terminal that
    /// cannot move the cursor or show colours (its value, if set).
    DumbTerminal { term: Option<String> },
    /// The state file could not be used (not a kanbao state file, too large), or the marks
    /// a command changed could not be saved (the reader's end is [`Error::Unsaved`]).
    State(crate::state::StateError),
    /// The reader ended (after `q`, a signal or a panic) with marks it could not save: why
    /// the save failed, and what was not saved.
    Unsaved {
        error: crate::state::StateError,
        unsaved: crate::state::Unsaved,
    },
    /// A query that cannot be searched for: blank, or over the limits.
    Query(crate::search::QueryError),
    /// Standard output was closed (`>&-`), so the command's output would be lost.
    StdoutClosed,
    /// A fault of kanbao's own, not of the data, the command line or the output: what
    /// failed (a report or an imported page that serde_json would not write as JSON).
    Internal(String),
    /// The file ends inside a multi-byte UTF-8 character: it was cut short.
    Truncated { place: Place },
    /// The file (or a JSON Lines line) is not a JSON object.
    Shape { place: Place, found: Shape },
    /// An article's id is empty or holds a character that cannot be shown as it is.
    BadId { place: Place, fault: IdFault },
    /// A raw page for `kanbao import` larger than kanbao reads.
    PageTooLarge { path: PathBuf, limit: u64 },
    /// Every problem `kanbao check` found in `path`: the first `problems`, and how many
    /// more there were.
    Problems {
        path: PathBuf,
        problems: Vec<Error>,
        more: usize,
    },
    /// A note or tag that cannot be kept (issue 14).
    Review(crate::review::ReviewError),
    /// An article's `date` is not a real `YYYY-MM-DD` day (reported by `kanbao check`;
    /// loading keeps such an article undated).
    BadDate { place: Place, value: String },
    /// A date option (`--since`, `--until`) whose value is not one of the date forms.
    BadDateArg { option: &'static str, value: String },
    /// `--since` after `--until` (`--since 2024 --until 2023`): no day is in the range, a
    /// usage error as `date:2024..2023` is, not a search that finds nothing.
    ReversedDates { since: String, until: String },
    /// An option of the reader typed before a command (`kanbao --district 朝阳 list`): the
    /// command would never see it. `takes` says whether the command has it too.
    MisplacedOption {
        option: &'static str,
        command: &'static str,
        takes: bool,
    },
    /// What `kanbao import` refuses (issue 13): a bad masthead day, pages without a folder,
    /// a file it did not write.
    Import(crate::import::ImportError),
    /// `error`, about a path the config file set at `place` (its `data`): the user did not
    /// type the path, so the error says where it came from.
    FromConfig {
        /// Where the config file writes the path.
        place: Place,
        /// The setting (`data`).
        setting: &'static str,
        /// What went wrong with the path.
        error: Box<Error>,
    },
}

/// What a file holds at its top level (or a JSON Lines line) instead of an object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// An array (`[…]`).
    Array,
    /// Anything else: a string, a number, a literal, or what is not JSON at all.
    NotObject,
}

/// What is wrong with an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdFault {
    /// The id is the empty string.
    Empty,
    /// The id holds `c`, a control or invisible character, as its `at`-th (1-based)
    /// character: printed cleaned, it would not be the id `kanbao show` looks for.
    Invisible { c: char, at: usize },
}

impl Error {
    /// A config file's first mistake with the ones after it (see [`Error::Config`]).
    pub fn with_more_config_errors(self, rest: Vec<Error>) -> Error {
        match self {
            Error::Config { place, problem, .. } => Error::Config {
                place,
                problem,
                more: rest,
            },
            other => other,
        }
    }

    /// A write to standard output failed.
    pub fn stdout(source: std::io::Error) -> Error {
        Error::Io {
            path: crate::i18n::STDOUT.into(),
            source,
        }
    }

    /// Where the error is in a file, when it is at a line.
    pub fn place_mut(&mut self) -> Option<&mut Place> {
        match self {
            Error::Syntax { place, .. }
            | Error::NotUtf8 { place }
            | Error::BadDistrict { place, .. }
            | Error::BadDate { place, .. }
            | Error::Schema { place, .. }
            | Error::Truncated { place }
            | Error::Shape { place, .. }
            | Error::BadId { place, .. } => Some(place),
            Error::DuplicateId { second, .. } => Some(second),
            _ => None,
        }
    }
}

/// How many characters of a value from the data a message quotes.
pub const QUOTE_CHARS: usize = 40;

/// A value from the data as a message quotes it: invisible characters written `\u{1b}`, so
/// that what is wrong shows, and cut to [`QUOTE_CHARS`] characters with `…`, so that a
/// long value does not flood the terminal.
pub fn shown(value: &str) -> String {
    let mut out = String::new();
    for (n, c) in value.chars().enumerate() {
        if n == QUOTE_CHARS {
            out.push('…');
            break;
        }
        if is_invisible(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// serde_json's message for `e` without the " at line L column C" it ends with (a
/// [`Place`] says that), quoted values cut as [`shorten_quoted`] cuts them.
pub fn json_message(e: &serde_json::Error) -> String {
    let message = e.to_string();
    shorten_quoted(
        message
            .rsplit_once(" at line ")
            .map_or(&message[..], |m| m.0),
    )
}

/// A parser's message with every quoted value (between `` ` `` or `"`) cut as [`shown`]
/// cuts it: serde_json quotes a bad value whole.
pub fn shorten_quoted(message: &str) -> String {
    if message.chars().count() <= 2 * QUOTE_CHARS {
        return message.to_string();
    }
    let mut out = String::new();
    let mut rest = message;
    while let Some(open) = rest.find(['`', '"']) {
        let quote = rest.as_bytes()[open];
        out.push_str(&rest[..=open]);
        let after = &rest[open + 1..];
        // The next quote of the same kind that is not escaped (a string is written with
        // its quotes escaped).
        let bytes = after.as_bytes();
        let close = (0..bytes.len())
            .find(|&i| bytes[i] == quote && (i == 0 || bytes[i - 1] != b'\\'))
            .unwrap_or(bytes.len());
        out.push_str(&shown(&after[..close]));
        rest = &after[close..];
        if !rest.is_empty() {
            out.push(char::from(quote));
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&error_text(self, Lang::En))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::State(e) | Error::Unsaved { error: e, .. } => Some(e),
            _ => None,
        }
    }
}

/// kanbao's result type.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_values_are_cut_and_invisible_ones_shown() {
        assert_eq!(shown("西城区\u{1b}"), "西城区\\u{1b}");
        let long = "长".repeat(100);
        assert_eq!(shown(&long).chars().count(), QUOTE_CHARS + 1);
        let message = format!("unknown variant `{long}`, expected `news` or `photo`");
        let cut = shorten_quoted(&message);
        assert!(cut.ends_with("…`, expected `news` or `photo`"), "{cut}");
        let message = format!("invalid type: string \"{long}\\\"\", expected u32");
        assert!(shorten_quoted(&message).ends_with("…\", expected u32"));
    }
}
