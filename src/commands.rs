//! The non-interactive commands (docs/contract.md §2): list, show, search, districts, export, import,
//! check. Each writes text or JSON to a writer and says whether it found anything.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::article::{Article, Kind};
use crate::cli::SortBy;
use crate::collection::Collection;
use crate::date::date_of;
use crate::district::DistrictKey;
use crate::error::{Error, Result};
use crate::filter::district_counts;
use crate::i18n::{Lang, Msg};
use crate::json::JsonArray;
use crate::layout::{LayoutOptions, layout_article, sanitize};
use crate::load;
use crate::search::{Query, SearchHit, search_articles, snippets};

/// What a command found: decides exit code 0 or 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Something was printed.
    Found,
    /// Nothing matched (exit 1).
    NothingFound,
}

impl Outcome {
    fn from_count(n: usize) -> Outcome {
        if n == 0 {
            Outcome::NothingFound
        } else {
            Outcome::Found
        }
    }
}

/// Text from data, made safe to print: escape sequences and controls never reach the terminal.
fn clean(text: &str) -> String {
    sanitize(text).into_owned()
}

fn display_title(article: &Article) -> String {
    match &article.kicker {
        Some(kicker) => format!("{kicker}｜{}", article.title),
        None => article.title.clone(),
    }
}

fn district_label(article: &Article, lang: Lang) -> String {
    match &article.district {
        Some(d) => d.clone(),
        None => Msg::Unstated.text(lang).to_string(),
    }
}

#[derive(Serialize)]
struct ListRow<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    kicker: Option<&'a str>,
    district: Option<&'a str>,
    districts: &'a [String],
    reporters: &'a [String],
    correspondents: &'a [String],
    kind: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<u32>,
}

/// Rows of `list` or `search` written a part at a time (see [`list_part`] and
/// [`search_part`]): lines, or the items of one JSON array; each part goes out at once, and
/// a closed pipe stops the rest. For output read a block at a time (through an index).
pub struct Parts<'o> {
    out: &'o mut dyn Write,
    array: JsonArray,
    found: bool,
}

impl<'o> Parts<'o> {
    pub fn new(out: &'o mut dyn Write) -> Self {
        Parts {
            out,
            array: JsonArray::default(),
            found: false,
        }
    }

    pub fn list(&mut self, articles: &[&Article], lang: Lang, json: bool) -> Result<()> {
        let array = json.then_some(&mut self.array);
        let outcome = list_part(self.out, articles, lang, array)?;
        self.wrote(outcome)
    }

    pub fn search(
        &mut self,
        collection: &Collection,
        keep: &dyn Fn(&Article) -> bool,
        query: &Query,
        how: SearchOutput,
    ) -> Result<()> {
        let outcome = search_part(self.out, collection, keep, query, how, &mut self.array)?;
        self.wrote(outcome)
    }

    /// Writes `found`, articles already checked against the query with their hits, in the
    /// order given (see [`write_found`]).
    pub fn found(
        &mut self,
        found: &[(&Article, usize)],
        query: &Query,
        how: SearchOutput,
    ) -> Result<()> {
        let outcome = write_found(self.out, found, query, how, &mut self.array)?;
        self.wrote(outcome)
    }

    /// Writes `lines`, rows of text output made elsewhere (see [`search_line`]).
    pub fn lines(&mut self, lines: &[String]) -> Result<()> {
        for line in lines {
            self.out.write_all(line.as_bytes()).map_err(Error::stdout)?;
        }
        self.wrote(Outcome::from_count(lines.len()))
    }

    fn wrote(&mut self, outcome: Outcome) -> Result<()> {
        self.found |= outcome == Outcome::Found;
        self.out.flush().map_err(Error::stdout)
    }

    /// Closes the JSON array (when `json`); whether anything was found.
    pub fn finish(self, json: bool) -> Result<Outcome> {
        if json {
            self.array.finish(self.out).map_err(Error::stdout)?;
        }
        Ok(match self.found {
            true => Outcome::Found,
            false => Outcome::NothingFound,
        })
    }
}

/// `kanbao list`: one line per article (id, district, title, reporters), or JSON.
pub fn list(out: &mut dyn Write, articles: &[&Article], lang: Lang, json: bool) -> Result<Outcome> {
    let mut array = JsonArray::default();
    let outcome = list_part(out, articles, lang, json.then_some(&mut array))?;
    if json {
        array.finish(out).map_err(Error::stdout)?;
    }
    Ok(outcome)
}

/// Part of `kanbao list`'s rows: lines, or the next items of the JSON `array` (which the
/// caller finishes), for rows read a block at a time.
pub fn list_part(
    out: &mut dyn Write,
    articles: &[&Article],
    lang: Lang,
    array: Option<&mut JsonArray>,
) -> Result<Outcome> {
    if let Some(array) = array {
        for a in articles {
            let row = ListRow {
                id: &a.id,
                title: &a.title,
                kicker: a.kicker.as_deref(),
                district: a.district.as_deref(),
                districts: &a.districts,
                reporters: &a.reporters,
                correspondents: &a.correspondents,
                kind: a.kind,
                date: a.date.as_deref(),
                page: a.page,
            };
            array.push(out, &row).map_err(Error::stdout)?;
        }
    } else {
        for a in articles {
            let reporters = a.reporters.join(" ");
            // The date, when known, as a fifth column (`cut -f5`, `awk '{print $5}'`).
            let date = date_of(a.date.as_deref()).map_or(String::new(), |d| format!("\t{d}"));
            writeln!(
                out,
                "{}\t{}\t{}\t{}{date}",
                clean(&a.id),
                clean(&district_label(a, lang)),
                clean(&display_title(a)),
                clean(&reporters)
            )
            .map_err(Error::stdout)?;
        }
    }
    Ok(Outcome::from_count(articles.len()))
}

fn write_json<T: Serialize>(out: &mut dyn Write, value: &T) -> Result<()> {
    crate::json::write_pretty(out, value).map_err(Error::stdout)
}

#[derive(Serialize)]
struct DistrictRow<'a> {
    district: Option<&'a str>,
    count: usize,
}

/// `kanbao districts`: each district in the data with its count, 未注明 last.
pub fn districts(
    out: &mut dyn Write,
    collection: &Collection,
    keep: &dyn Fn(&Article) -> bool,
    lang: Lang,
    json: bool,
) -> Result<Outcome> {
    let counts = district_counts(collection.iter().filter(|a| keep(a)));
    write_districts(out, &counts, lang, json)
}

/// Prints district counts as `kanbao districts` does (also used through the index).
pub fn write_districts(
    out: &mut dyn Write,
    counts: &[(DistrictKey, usize)],
    lang: Lang,
    json: bool,
) -> Result<Outcome> {
    if json {
        let rows: Vec<DistrictRow<'_>> = counts
            .iter()
            .map(|(key, count)| DistrictRow {
                district: match key {
                    DistrictKey::Named(name) => Some(name),
                    DistrictKey::Unstated => None,
                },
                count: *count,
            })
            .collect();
        write_json(out, &rows)?;
    } else {
        for (key, count) in counts {
            let label = match key {
                DistrictKey::Named(name) => name.as_str(),
                DistrictKey::Unstated => Msg::Unstated.text(lang),
            };
            writeln!(out, "{label}\t{count}").map_err(Error::stdout)?;
        }
    }
    Ok(Outcome::from_count(counts.len()))
}

/// Articles that `keep` keeps, in collection order.
pub fn filtered<'a>(
    collection: &'a Collection,
    keep: &dyn Fn(&Article) -> bool,
) -> Vec<&'a Article> {
    collection.iter().filter(|a| keep(a)).collect()
}

/// `kanbao check`: reads all of a source and summarises it. Every problem is reported (the
/// first [`load::CHECK_LIMIT`], then how many more); any problem is an error.
pub fn check(out: &mut dyn Write, path: &Path, lang: Lang) -> Result<Outcome> {
    let mut report = load::check(path)?;
    if report.problems.len() == 1 && report.more == 0 {
        return Err(report.problems.remove(0));
    }
    if !report.problems.is_empty() {
        return Err(Error::Problems {
            path: path.to_path_buf(),
            problems: report.problems,
            more: report.more,
        });
    }
    let counts = district_counts(report.collection.as_slice());
    let summary: Vec<(&str, usize)> = counts
        .iter()
        .map(|(k, n)| match k {
            DistrictKey::Named(name) => (name.as_str(), *n),
            DistrictKey::Unstated => (Msg::Unstated.text(lang), *n),
        })
        .collect();
    let name = clean(&path.display().to_string());
    let line = crate::error::checked(lang, &name, report.collection.len(), &summary);
    writeln!(out, "{line}").map_err(Error::stdout)?;
    Ok(Outcome::Found)
}

#[derive(Serialize)]
struct ShowJson<'a> {
    id: &'a str,
    title: &'a str,
    lines: Vec<String>,
}

/// The smallest `--width` that `show` accepts.
pub const MIN_SHOW_WIDTH: usize = 4;

/// `kanbao show`: the article as the reader lays it out at `width` columns, by the same
/// layout engine.
pub fn show(
    out: &mut dyn Write,
    article: &Article,
    width: usize,
    options: &LayoutOptions,
    json: bool,
) -> Result<Outcome> {
    if width < MIN_SHOW_WIDTH {
        return Err(Error::TooNarrow {
            width,
            least: MIN_SHOW_WIDTH,
        });
    }
    let lines: Vec<String> = layout_article(article, width, options)
        .into_iter()
        .map(|l| l.text)
        .collect();
    if json {
        write_json(
            out,
            &ShowJson {
                id: &article.id,
                title: &article.title,
                lines,
            },
        )?;
    } else {
        for line in lines {
            writeln!(out, "{line}").map_err(Error::stdout)?;
        }
    }
    Ok(Outcome::Found)
}

/// One row of `kanbao search`: what it prints of a match.
#[derive(Serialize)]
pub struct SearchRow<'a> {
    /// The article's id.
    pub id: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Its primary district, if it names one.
    pub district: Option<&'a str>,
    /// Its hits.
    pub hits: usize,
    /// The snippet around its first hit (sanitised where it was cut).
    pub snippet: String,
    /// Its date as written, when it is a day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'a str>,
}

/// `row` as a line of `kanbao search`'s text output (ended by a line break): id, hits,
/// title, snippet, then date (empty when unknown) and district last, so that the first
/// four columns stay where they were.
pub fn search_line(row: &SearchRow<'_>, lang: Lang) -> String {
    let date = date_of(row.date).map_or(String::new(), |d| d.to_string());
    let district = row.district.unwrap_or(Msg::Unstated.text(lang));
    format!(
        "{}\t{}\t{}\t{}\t{date}\t{}\n",
        clean(row.id),
        row.hits,
        clean(row.title),
        row.snippet,
        clean(district)
    )
}

/// The articles of `collection` that `keep` accepts and that match `query` (docs/contract.md §5: every
/// term, folded or by pinyin), best first. No index is kept: the text is folded and searched
/// a block at a time, so a big archive is not copied.
pub fn matching<'a>(
    collection: &'a Collection,
    keep: impl Fn(&Article) -> bool,
    query: &Query,
) -> Vec<(&'a Article, SearchHit)> {
    let candidates = (0..collection.len()).filter(|&i| keep(&collection[i]));
    // The operators (`-term`, `date:`, …) are checked on the engine's answer only.
    search_articles(collection.as_slice(), query, candidates)
        .into_iter()
        .map(|hit| (&collection[hit.index], hit))
        .filter(|(a, _)| query.admits(a))
        .collect()
}

/// How `kanbao search` prints: the snippets' width, the order, JSON or text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchOutput {
    /// Snippet width in columns.
    pub width: usize,
    /// Best first, or newest first.
    pub sort: SortBy,
    /// JSON instead of tab-separated lines.
    pub json: bool,
    /// Only how many articles match and how many hits they have (`--count`).
    pub count: bool,
    /// The language of the district label 未注明.
    pub lang: Lang,
}

/// `kanbao search --count`: `articles<TAB>hits`, or `{"articles": N, "hits": M}`.
pub fn write_count(
    out: &mut dyn Write,
    articles: usize,
    hits: usize,
    json: bool,
) -> Result<Outcome> {
    if json {
        #[derive(Serialize)]
        struct Count {
            articles: usize,
            hits: usize,
        }
        write_json(out, &Count { articles, hits })?;
    } else {
        writeln!(out, "{articles}\t{hits}").map_err(Error::stdout)?;
    }
    Ok(Outcome::from_count(articles))
}

/// `kanbao search`: matching articles best first (or newest first), with hit counts and a
/// snippet cut to `width` columns.
pub fn search(
    out: &mut dyn Write,
    collection: &Collection,
    keep: &dyn Fn(&Article) -> bool,
    query: &Query,
    how: SearchOutput,
) -> Result<Outcome> {
    if how.count {
        let found = matching(collection, keep, query);
        let hits = found.iter().map(|(_, hit)| hit.hits).sum();
        return write_count(out, found.len(), hits, how.json);
    }
    let mut array = JsonArray::default();
    let outcome = search_part(out, collection, keep, query, how, &mut array)?;
    if how.json {
        array.finish(out).map_err(Error::stdout)?;
    }
    Ok(outcome)
}

/// Part of `kanbao search`'s rows (not `--count`): the matches among `collection`, as
/// lines or as the next items of the JSON `array` (which the caller finishes), for
/// articles read a block at a time.
pub fn search_part(
    out: &mut dyn Write,
    collection: &Collection,
    keep: &dyn Fn(&Article) -> bool,
    query: &Query,
    how: SearchOutput,
    array: &mut JsonArray,
) -> Result<Outcome> {
    let mut found = matching(collection, keep, query);
    if how.sort == SortBy::Date {
        // Stable: articles of one day keep their relevance order; undated ones go last.
        found.sort_by_key(|(a, _)| std::cmp::Reverse(date_of(a.date.as_deref())));
    }
    let found: Vec<(&Article, usize)> = found.into_iter().map(|(a, hit)| (a, hit.hits)).collect();
    write_found(out, &found, query, how, array)
}

/// Writes `found` (articles with their hits, in the order given) as `kanbao search`'s rows,
/// each with its snippet: lines, or the next items of the JSON `array`.
pub fn write_found(
    out: &mut dyn Write,
    found: &[(&Article, usize)],
    query: &Query,
    how: SearchOutput,
    array: &mut JsonArray,
) -> Result<Outcome> {
    let SearchOutput { width, json, .. } = how;
    let articles: Vec<&Article> = found.iter().map(|(a, _)| *a).collect();
    let snippets = snippets(&articles, query, width);
    let rows: Vec<SearchRow<'_>> = found
        .iter()
        .zip(snippets)
        .map(|(&(a, hits), snippet)| SearchRow {
            id: &a.id,
            title: &a.title,
            district: a.district.as_deref(),
            hits,
            // Snippets are sanitised where they are cut.
            snippet,
            date: a.date.as_deref(),
        })
        .collect();
    if json {
        for r in &rows {
            array.push(out, r).map_err(Error::stdout)?;
        }
    } else {
        for r in &rows {
            let line = search_line(r, how.lang);
            out.write_all(line.as_bytes()).map_err(Error::stdout)?;
        }
    }
    Ok(Outcome::from_count(rows.len()))
}
