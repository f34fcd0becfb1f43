//! The command line (docs/contract.md §2), declared here with clap's derive API (no logic
//! in this file), and run by [`crate::dispatch::run`]: the reader, or one command.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// The heading of the options every command takes, listed after each command's own.
const GLOBAL: &str = "Global options";

/// kanbao (看报): read Chinese newspaper articles in the terminal, offline.
///
/// With no command, opens the reader on the bundled page (or on `--data`).
#[derive(Debug, Parser)]
#[command(name = "kanbao", version, about, long_about = None)]
pub struct Cli {
    /// Read articles from this JSON file, JSON Lines file or folder instead of the bundled page
    /// (or of the data the config file or KANBAO_DATA names).
    #[arg(long, global = true, value_name = "PATH", help_heading = GLOBAL)]
    pub data: Option<PathBuf>,
    /// Keep reading state in this file instead of the default.
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        conflicts_with = "no_state",
        help_heading = GLOBAL
    )]
    pub state: Option<PathBuf>,
    /// Keep no reading state at all.
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub no_state: bool,
    /// Read the archive whole instead of through its index (see `kanbao index`).
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub no_index: bool,
    /// Interface language (default: zh, or what the config file sets).
    #[arg(
        long,
        global = true,
        value_enum,
        default_value_t = LangArg::Zh,
        hide_default_value = true,
        help_heading = GLOBAL
    )]
    pub lang: LangArg,
    /// Columns taken by East Asian Ambiguous characters (“ ” … — ·): 1, 2, or ask the terminal
    /// (default: 1, or what the config file sets).
    #[arg(
        long,
        global = true,
        value_enum,
        default_value_t = AmbiguousArg::One,
        hide_default_value = true,
        help_heading = GLOBAL
    )]
    pub ambiguous_width: AmbiguousArg,
    /// Read settings from this config file (default: `kanbao config` says where).
    #[arg(long, global = true, value_name = "PATH", help_heading = GLOBAL)]
    pub config: Option<PathBuf>,
    /// What to do; without a command, open the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options of the reader itself.
    #[command(flatten)]
    pub reader: ReaderArgs,
}

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Simplified Chinese.
    Zh,
    /// English.
    En,
}

/// The width of East Asian Ambiguous characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AmbiguousArg {
    /// One column (most terminals).
    #[value(name = "1")]
    One,
    /// Two columns (terminals set to draw them wide).
    #[value(name = "2")]
    Two,
    /// Ask the terminal once at start; one column when it does not answer.
    Auto,
}

/// Options of the reader (the command-less invocation).
#[derive(Debug, Args, Default)]
pub struct ReaderArgs {
    /// Start with this district filter (西城, 西城区, xicheng, xc, 未注明); repeatable.
    #[arg(long, value_name = "D")]
    pub district: Vec<String>,
    /// Start with this search.
    #[arg(long, value_name = "Q", allow_hyphen_values = true)]
    pub query: Option<String>,
    /// Start with only articles dated from this day, month or year on (2024, 2024-03, 2024-03-08).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Start with only articles dated up to this day, month or year, all of it (2024, 2024-03, 2024-03-08).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Let the mouse wheel scroll and clicks select (turns off the terminal's own selection).
    #[arg(long)]
    pub mouse: bool,
    /// Leave the mouse to the terminal even when the config file says `mouse = true`.
    #[arg(long, conflicts_with = "mouse")]
    pub no_mouse: bool,
    /// Start with the whole list, not with the search, filters and place kept from the
    /// last time on this data.
    #[arg(long)]
    pub fresh: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List articles, one per line: id, district, title, reporters, and the date when known
    /// (tab-separated).
    List(ListArgs),
    /// Print one article as the reader lays it out.
    Show(ShowArgs),
    /// Search articles; best first.
    ///
    /// Each result is one line of tab-separated columns: id, hits (matches of all terms
    /// together), title, snippet, date (empty when unknown), district. With --json, an
    /// array of {id, title, district, hits, snippet, date}. The exit status is 1 when
    /// nothing matches.
    Search(SearchArgs),
    /// Count articles by district.
    Districts(DistrictsArgs),
    /// Write articles as Markdown, plain text or JSON, with their citation.
    Export(ExportArgs),
    /// Turn a raw page's text into schema-1 JSON.
    Import(ImportArgs),
    /// Load a data file or folder and report what is wrong with it.
    Check(CheckArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the config file's path and the settings in force, with where each came from.
    ///
    /// The command line wins over the environment (KANBAO_DATA, KANBAO_CONFIG), which wins
    /// over the config file.
    Config(ConfigArgs),
    /// Build or bring up to date the search index of a file or folder (in the cache folder).
    Index(IndexArgs),
    /// Print, set, edit or clear an article's note (审读意见), kept with the reading state.
    ///
    /// `kanbao note ID` prints it (exit status 1 when there is none); `kanbao note ID TEXT`
    /// sets it; `--edit` opens $VISUAL or $EDITOR on it; `--clear` removes it.
    Note(NoteArgs),
    /// List, add or remove an article's tags: `kanbao tag ID +待核实 -已审`.
    ///
    /// `+TAG` (or `TAG`) puts a tag on, `-TAG` takes it off; then the article's tags are
    /// printed, one a line (exit status 1 when it has none).
    Tag(TagArgs),
    /// Count articles per month or year, oldest first.
    ///
    /// On a terminal, text bars with the total and the busiest period; otherwise one
    /// `period<TAB>count` line per period. With --json, `[{"period": "2024-03", "count":
    /// 12}, …]`. Every period from the first to the last is listed; undated articles are in
    /// none. The exit status is 1 when no dated article matches.
    Timeline(TimelineArgs),
}

/// `kanbao list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only articles of this district; repeatable.
    #[arg(long, value_name = "D")]
    pub district: Vec<String>,
    /// Only articles matching this search.
    #[arg(long, value_name = "Q", allow_hyphen_values = true)]
    pub query: Option<String>,
    /// Only articles dated from this day, month or year on (2024, 2024-03, 2024-03-08).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only articles dated up to this day, month or year, all of it (2024, 2024-03, 2024-03-08).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only bookmarked articles.
    #[arg(long)]
    pub bookmarked: bool,
    /// Only articles not yet read.
    #[arg(long)]
    pub unread: bool,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Only articles with this tag (see `kanbao tag`); repeatable: all of them.
    #[arg(long, value_name = "T")]
    pub tag: Vec<String>,
}

/// `kanbao show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article's id (see `kanbao list`).
    pub id: String,
    /// Columns to lay out in (at least 4); default: the terminal's width, else 80.
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,
    /// Print JSON: `{id, title, lines}`.
    #[arg(long)]
    pub json: bool,
}

/// `kanbao search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Terms separated by spaces; all must match. Pinyin (`gonghui`, `ghyz`) works too;
    /// `-term` excludes; `date:`, `title:`, `district:`, `reporter:`, `kind:` narrow.
    #[arg(allow_hyphen_values = true)]
    pub query: String,
    /// More terms, as if quoted with the first: `kanbao search 驿站 工会` is `kanbao search
    /// "驿站 工会"` (a `-term` after the first needs the quotes, or `--` before it).
    #[arg(value_name = "MORE")]
    pub more: Vec<String>,
    /// Only articles of this district; repeatable.
    #[arg(long, value_name = "D")]
    pub district: Vec<String>,
    /// Snippet width in columns.
    #[arg(long, value_name = "N", default_value_t = 40)]
    pub width: usize,
    /// The order: best match first (ties newest first), or newest first.
    #[arg(long, value_enum, default_value_t = SortBy::Relevance)]
    pub sort: SortBy,
    /// Only articles dated from this day, month or year on (2024, 2024-03, 2024-03-08).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only articles dated up to this day, month or year, all of it (2024, 2024-03, 2024-03-08).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Only articles with this tag (see `kanbao tag`); repeatable: all of them.
    #[arg(long, value_name = "T")]
    pub tag: Vec<String>,
    /// Only bookmarked articles.
    #[arg(long)]
    pub bookmarked: bool,
    /// Print only how many articles match and how many hits they have, as
    /// `articles<TAB>hits` (with --json, `{"articles": N, "hits": M}`).
    #[arg(long)]
    pub count: bool,
}

impl SearchArgs {
    /// The query: its first word and those after it, joined by spaces.
    pub fn query_text(&self) -> String {
        std::iter::once(&self.query)
            .chain(&self.more)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// `kanbao districts`.
#[derive(Debug, Args)]
pub struct DistrictsArgs {
    /// Only articles dated from this day, month or year on (2024, 2024-03, 2024-03-08).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only articles dated up to this day, month or year, all of it (2024, 2024-03, 2024-03-08).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// The orders of `kanbao search`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum SortBy {
    /// Best match first; equal matches newest first.
    #[default]
    Relevance,
    /// Newest first; undated articles last.
    Date,
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Markdown.
    Md,
    /// Plain text.
    Txt,
    /// Schema-1 JSON.
    Json,
}

/// `kanbao export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Only articles of this district; repeatable.
    #[arg(long, value_name = "D")]
    pub district: Vec<String>,
    /// Only bookmarked articles.
    #[arg(long)]
    pub bookmarked: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
    pub format: ExportFormat,
    /// Only articles with this tag (see `kanbao tag`); repeatable: all of them.
    #[arg(long, value_name = "T")]
    pub tag: Vec<String>,
    /// Write the report to this new file instead of standard output (not when nothing is
    /// chosen); a file already there is never written over.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only articles matching this search.
    #[arg(long, value_name = "Q")]
    pub query: Option<String>,
    /// These articles, in the order given (`--id 3 1 5`).
    #[arg(long, value_name = "ID", num_args = 1..)]
    pub id: Vec<String>,
    /// Include each article's note and tags.
    #[arg(long)]
    pub notes: bool,
    /// The report's title (default: made from what is chosen).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Only articles dated from this day, month or year on (2024, 2024-03, 2024-03-08).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only articles dated up to this day, month or year, all of it (2024, 2024-03, 2024-03-08).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// The articles' order: `given` (the order of --id, or with --bookmarked the order the
    /// bookmarks were made), `date` (newest first, undated last). Default: the --id order,
    /// else the data's.
    #[arg(long, value_enum, value_name = "ORDER")]
    pub order: Option<ExportOrder>,
}

/// `kanbao export --order`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportOrder {
    /// The order of `--id` as given; with `--bookmarked`, the order bookmarks were made.
    Given,
    /// Newest first; undated articles last; one day in the data's order.
    Date,
}

/// `kanbao import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The raw page text; several pages need `-o FOLDER`.
    #[arg(required = true, num_args = 1.., value_name = "PAGE")]
    pub pages: Vec<PathBuf>,
    /// Write here instead of standard output: a file for one page, or a folder (an
    /// existing one, or a path ending in `/`, always with several pages) that gets one file
    /// per page, named from its day and page (`2024-03-08-p3.json`).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// The page's day (2024-03-08, 2024-3-8, 2024/3/8, 2024年3月8日, 20240308), over the masthead's.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// The page number (版), over the masthead's.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=999))]
    pub page: Option<u32>,
    /// Put this before each article number in the ids (`p3-` gives `p3-1`, `p3-2`, …).
    #[arg(long, default_value = "")]
    pub id_prefix: String,
    /// The newspaper's name (劳动午报), written as the page's `source`; `kanbao export`
    /// cites it.
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
}

/// `kanbao check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// A JSON file, JSON Lines file or folder.
    pub path: PathBuf,
}

/// `kanbao completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    pub shell: clap_complete::Shell,
}

/// `kanbao config`.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print a commented config file that, saved as it is, changes nothing.
    #[arg(long)]
    pub default: bool,
}

/// `kanbao index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// A JSON file, JSON Lines file or folder.
    pub path: PathBuf,
}

/// `kanbao note`.
#[derive(Debug, Args)]
pub struct NoteArgs {
    /// The article's id (see `kanbao list`).
    pub id: String,
    /// The note's new text (several lines in quotes).
    #[arg(conflicts_with_all = ["edit", "clear"])]
    pub text: Option<String>,
    /// Edit the note in $VISUAL or $EDITOR.
    #[arg(long, conflicts_with = "clear")]
    pub edit: bool,
    /// Remove the note.
    #[arg(long)]
    pub clear: bool,
}

/// `kanbao tag`.
#[derive(Debug, Args)]
pub struct TagArgs {
    /// The article's id (see `kanbao list`).
    pub id: String,
    /// `+TAG` or `TAG` to put a tag on, `-TAG` to take it off.
    #[arg(allow_hyphen_values = true, value_name = "±TAG")]
    pub changes: Vec<String>,
}

/// The period of `kanbao timeline`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ByArg {
    /// Calendar months (`2024-03`).
    #[default]
    Month,
    /// Calendar years (`2024`).
    Year,
}

/// `kanbao timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Only articles matching this search.
    #[arg(long, value_name = "Q", allow_hyphen_values = true)]
    pub query: Option<String>,
    /// Only articles of this district; repeatable.
    #[arg(long, value_name = "D")]
    pub district: Vec<String>,
    /// Only articles dated from this day, month or year on (2024, 2024-03, 2024-03-08).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only articles dated up to this day, month or year, all of it (2024, 2024-03, 2024-03-08).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Count per month or per year.
    #[arg(long, value_enum, default_value_t = ByArg::Month)]
    pub by: ByArg,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}
