//! `kanbao export` as a report a reviewer can hand in (issue 14): a title, the date of
//! export and the data it came from, a contents list with counts by district, then each
//! article with its headings, a citation (newspaper, date, page, reporters, id), the byline
//! as the paper prints it above the text (unnumbered), the text with its paragraphs
//! numbered 【1】, 【2】… ([`numbered`]), and with `--notes` its note and
//! tags. In Markdown everything from the data is escaped so that it prints as text
//! ([`markdown::line`]); plain text is the same without markup; JSON ([`json`]) is schema 1
//! with the heading's facts in a `report` object, and `note` and `tags` on each article
//! under `--notes` (the loader ignores them, so the file loads back).
//!
//! Articles are chosen by `--id` (in the order given) or else all in the collection's
//! order, then kept by district, search, bookmark and tag, and put in the order `--order`
//! asks for ([`order`]). Nothing chosen is not an error:
//! the outcome says so, and no file is written.

pub mod file;
pub mod json;
pub mod markdown;
pub mod order;
pub mod source;
pub mod text;
pub mod title;

use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::article::Article;
use crate::cli::{ExportArgs, ExportFormat};
use crate::collection::Collection;
use crate::commands::{self, Outcome};
use crate::error::{Error, Result};
use crate::filter::DistrictFilter;
use crate::i18n::{Lang, Msg};
use crate::layout::{join_meta, paragraph_numbers, sanitize, sanitize_lines, shows_text};
use crate::search::Query;
use crate::state::StateStore;

/// The reading state of the exported data: the store and the data's key in it.
pub type Marks<'a> = (&'a StateStore, &'a str);

/// What a report is made of besides its articles.
#[derive(Debug, Clone)]
pub struct Report {
    /// The title.
    pub title: String,
    /// The date of export, `YYYY-MM-DD`.
    pub date: String,
    /// The data's name (its file or folder name, or the bundled page).
    pub data: String,
    /// The interface language (labels, not the data).
    pub lang: Lang,
    /// Whether each article's note and tags are included.
    pub notes: bool,
}

/// Whether `kanbao export` needs the reading state.
pub fn needs_marks(args: &ExportArgs) -> bool {
    args.bookmarked || args.notes || !args.tag.is_empty()
}

/// `kanbao export`: chooses the articles (`keep` is the command line's filter: districts,
/// dates, bookmarks, tags), writes the report to `-o FILE` (saying so on stderr) or to
/// `out`; `marks` give the notes and tags for `--notes`. With nothing chosen, writes nothing
/// at all and returns [`Outcome::NothingFound`].
///
/// # Errors
/// A bad district or search, an unknown `--id`, a file or stdout that cannot be written.
pub fn run(
    out: &mut dyn Write,
    collection: &Collection,
    args: &ExportArgs,
    keep: &dyn Fn(&Article) -> bool,
    marks: Option<Marks<'_>>,
    data: &[PathBuf],
    lang: Lang,
) -> Result<Outcome> {
    let mut articles = select(collection, args, keep)?;
    let asked = order::Asked {
        order: args.order,
        by_id: !args.id.is_empty(),
        bookmarked: args.bookmarked,
    };
    order::arrange(&mut articles, collection, asked, marks);
    if articles.is_empty() {
        return Ok(Outcome::NothingFound);
    }
    let report = Report {
        title: args
            .title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| text::default_title(lang, &selection(args, lang))),
        date: today(),
        data: data_name(data, lang),
        lang,
        notes: args.notes,
    };
    let marks = marks.filter(|_| args.notes);
    let rendered = match args.format {
        ExportFormat::Md => sanitize_lines(&render_markdown(&articles, marks, &report)),
        ExportFormat::Txt => sanitize_lines(&render_text(&articles, marks, &report)),
        ExportFormat::Json => json::render(collection, &articles, marks, &report)?,
    };
    match &args.output {
        Some(path) => {
            // A new file only: a report already there (last week's, or any file) is never
            // written over, as the reader's `E` never does.
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
                .and_then(|mut file| {
                    let written = file
                        .write_all(rendered.as_bytes())
                        .and_then(|()| file.sync_all());
                    // A report cut short is kanbao's own file: it goes, not half of it.
                    if written.is_err() {
                        let _ = std::fs::remove_file(path);
                    }
                    written
                })
                .map_err(|source| Error::Io {
                    path: path.clone(),
                    source,
                })?;
            let shown = sanitize_lines(&path.display().to_string());
            eprintln!("kanbao: {}", text::written(lang, articles.len(), &shown));
        }
        None => out.write_all(rendered.as_bytes()).map_err(Error::stdout)?,
    }
    Ok(Outcome::Found)
}

/// The articles `args` choose, in order: those of `--id` in the order given, or all, that
/// `keep` keeps and the search finds.
///
/// # Errors
/// A bad search; an `--id` the data does not hold.
pub fn select<'a>(
    collection: &'a Collection,
    args: &ExportArgs,
    keep: &dyn Fn(&Article) -> bool,
) -> Result<Vec<&'a Article>> {
    let mut chosen: Vec<&Article> = if args.id.is_empty() {
        collection.iter().collect()
    } else {
        let mut seen = HashSet::new();
        let mut chosen = Vec::new();
        for id in &args.id {
            let article = collection
                .by_id(id)
                .ok_or_else(|| Error::UnknownId(id.clone()))?;
            if seen.insert(id.as_str()) {
                chosen.push(article);
            }
        }
        chosen
    };
    chosen.retain(|a| keep(a));
    if let Some(q) = &args.query {
        let query = Query::try_parse(q).map_err(Error::Query)?;
        let wanted: HashSet<&str> = chosen.iter().map(|a| a.id.as_str()).collect();
        let found: HashSet<&str> =
            commands::matching(collection, |a| wanted.contains(a.id.as_str()), &query)
                .into_iter()
                .map(|(a, _)| a.id.as_str())
                .collect();
        chosen.retain(|a| found.contains(a.id.as_str()));
    }
    Ok(chosen)
}

/// What was asked for, for the default title (see [`title::Chosen`]).
fn selection(args: &ExportArgs, lang: Lang) -> Vec<String> {
    let districts = DistrictFilter::parse(&args.district)
        .map(|filter| filter.names(Msg::Unstated.text(lang)))
        .unwrap_or_default();
    let chosen = title::Chosen {
        ids: args.id.len(),
        dates: crate::filter::date_options(args.since.as_deref(), args.until.as_deref())
            .unwrap_or_default(),
        districts,
        tags: args.tag.clone(),
        bookmarked: args.bookmarked,
        query: args.query.clone(),
        ..title::Chosen::default()
    };
    chosen.words(lang)
}

/// The data's name: its files' or folders' names, or the bundled page.
pub fn data_name(data: &[PathBuf], lang: Lang) -> String {
    if data.is_empty() {
        return text::builtin(lang).to_owned();
    }
    data.iter()
        .map(|p| {
            p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// Today (UTC) as `YYYY-MM-DD`; `SOURCE_DATE_EPOCH` (seconds) stands for now when set, for
/// reproducible reports.
pub fn today() -> String {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        });
    crate::date::civil_date(i64::try_from(secs / 86_400).unwrap_or(0))
}

/// The citation of an article: newspaper, date, 第N版, reporters, correspondents, id; the
/// parts it does not have are left out.
pub fn citation(a: &Article, lang: Lang) -> String {
    let names = |label: Msg, names: &[String]| {
        // A name that shows nothing (`""` in the data) is left out, as an empty field is:
        // never `记者 、孙艳` or a label with no name after it.
        let names: Vec<&str> = names
            .iter()
            .map(String::as_str)
            .filter(|n| shows_text(n))
            .collect();
        if names.is_empty() {
            String::new()
        } else {
            let sep = if lang == Lang::Zh { "、" } else { ", " };
            format!("{} {}", label.text(lang), names.join(sep))
        }
    };
    join_meta([
        a.source.clone().unwrap_or_default(),
        a.date.clone().unwrap_or_default(),
        a.page
            .map(|p| crate::i18n::page_label(lang, p))
            .unwrap_or_default(),
        names(Msg::Reporter, &a.reporters),
        names(Msg::Correspondent, &a.correspondents),
        format!("id {}", a.id),
    ])
}

/// The body paragraphs a report prints, each with its number from 1: those that show
/// anything, numbered by [`paragraph_numbers`], the rule the reader numbers the paragraphs
/// it shows by (an empty or blank paragraph is no line in the reader either), so that a
/// note's "第3段" is the paragraph the reader marks 3.
pub fn numbered(a: &Article) -> impl Iterator<Item = (usize, &str)> {
    a.paragraphs
        .iter()
        .zip(paragraph_numbers(&a.paragraphs))
        .filter_map(|(p, n)| Some((n?, p.as_str())))
}

/// A heading (kicker, subtitle) or the byline, when it shows anything.
fn heading(text: &Option<String>) -> Option<&str> {
    text.as_deref().filter(|t| shows_text(t))
}

/// The title, or the reader's stand-in (（无标题）) when it shows nothing.
fn title_of(a: &Article, lang: Lang) -> &str {
    if shows_text(&a.title) {
        &a.title
    } else {
        Msg::Untitled.text(lang)
    }
}

/// The district an article is filed under.
fn district(a: &Article, lang: Lang) -> String {
    a.district
        .clone()
        .unwrap_or_else(|| Msg::Unstated.text(lang).to_owned())
}

/// Counts by district, most first, then by name; 未注明 (no district) last, whatever its
/// count, as `kanbao districts` and the reader's picker put it: it is no district.
fn district_counts(articles: &[&Article], lang: Lang) -> Vec<(String, usize)> {
    let mut counts: Vec<(Option<&str>, usize)> = Vec::new();
    for a in articles {
        let d = a.district.as_deref();
        match counts.iter_mut().find(|(name, _)| *name == d) {
            Some((_, n)) => *n += 1,
            None => counts.push((d, 1)),
        }
    }
    counts.sort_by(|a, b| {
        let key = |(name, n): &(Option<&str>, usize)| (name.is_none(), std::cmp::Reverse(*n));
        key(a).cmp(&key(b)).then_with(|| a.0.cmp(&b.0))
    });
    let unstated = Msg::Unstated.text(lang);
    let named = |(d, n): (Option<&str>, usize)| (d.unwrap_or(unstated).to_owned(), n);
    counts.into_iter().map(named).collect()
}

/// The note and tags of an article, when the report includes them and it has any.
fn review_of(a: &Article, marks: Option<Marks<'_>>) -> (Option<String>, Vec<String>) {
    match marks {
        Some((store, key)) => (
            store.note(key, &a.id).map(str::to_owned),
            store.tags(key, &a.id),
        ),
        None => (None, Vec::new()),
    }
}

/// The report in Markdown.
pub fn render_markdown(articles: &[&Article], marks: Option<Marks<'_>>, r: &Report) -> String {
    use markdown::line;
    let lang = r.lang;
    let mut s = format!("# {}\n\n", line(&r.title));
    let head = text::exported(lang, &r.date, &r.data, articles.len());
    s.push_str(&format!("{}\n\n", line(&head)));
    s.push_str(&format!("## {}\n\n", text::contents(lang)));
    let counts = text::by_district(lang, &district_counts(articles, lang));
    s.push_str(&format!("{}\n\n", line(&counts)));
    for (n, a) in articles.iter().enumerate() {
        let when = join_meta([
            a.date.clone().unwrap_or_default(),
            a.page
                .map(|p| crate::i18n::page_label(lang, p))
                .unwrap_or_default(),
        ]);
        let item = join_meta([line(title_of(a, lang)), line(&when)]);
        s.push_str(&format!("{}. {item}\n", n + 1));
    }
    for a in articles {
        s.push_str("\n---\n\n");
        // The kicker (引题) above the title, as the paper, the reader and the plain text
        // put it: a plain line, never a `>` quote, which is how a note looks.
        if let Some(kicker) = heading(&a.kicker) {
            s.push_str(&format!("{}\n\n", line(kicker)));
        }
        s.push_str(&format!("## {}\n\n", line(title_of(a, lang))));
        if let Some(subtitle) = heading(&a.subtitle) {
            s.push_str(&format!("### {}\n\n", line(subtitle)));
        }
        let meta = join_meta([district(a, lang), citation(a, lang)]);
        s.push_str(&format!("*{}*\n\n", line(&meta)));
        if let Some(byline) = heading(&a.byline) {
            s.push_str(&format!("{}\n\n", line(byline)));
        }
        for (n, p) in numbered(a) {
            s.push_str(&format!("{}{}\n\n", text::paragraph_mark(n), line(p)));
        }
        let (note, tags) = review_of(a, marks);
        if note.is_some() || !tags.is_empty() {
            // A quote: the note under its heading (only when there is one), its lines kept
            // by a hard break (`\`) where another line of text follows, then the tags.
            let mut quote: Vec<String> = Vec::new();
            if let Some(note) = note {
                quote.push(format!("**{}**", text::note(lang)));
                quote.push(String::new());
                let lines: Vec<&str> = note.lines().collect();
                for (i, l) in lines.iter().enumerate() {
                    let more = lines.get(i + 1).is_some_and(|n| !n.trim().is_empty());
                    quote.push(match l.trim().is_empty() {
                        true => String::new(),
                        false => format!("{}{}", line(l), if more { "\\" } else { "" }),
                    });
                }
            }
            if !tags.is_empty() {
                if !quote.is_empty() {
                    quote.push(String::new());
                }
                quote.push(line(&text::tags(lang, &tags)));
            }
            for q in quote {
                match q.is_empty() {
                    true => s.push_str(">\n"),
                    false => s.push_str(&format!("> {q}\n")),
                }
            }
            s.push('\n');
        }
    }
    s
}

/// The report in plain text. Each field is sanitised on its own, as `show` does, so that a
/// line break inside a title or paragraph is a space (and a CRLF's CR is not left alone to
/// become `�` when the whole report is sanitised line by line).
pub fn render_text(articles: &[&Article], marks: Option<Marks<'_>>, r: &Report) -> String {
    let lang = r.lang;
    let mut s = format!("{}\n", sanitize(&r.title));
    s.push_str(&text::exported(lang, &r.date, &r.data, articles.len()));
    s.push_str("\n\n");
    s.push_str(text::contents(lang));
    s.push('\n');
    s.push_str(&text::by_district(lang, &district_counts(articles, lang)));
    s.push('\n');
    for (n, a) in articles.iter().enumerate() {
        let when = join_meta([
            a.date.clone().unwrap_or_default(),
            a.page
                .map(|p| crate::i18n::page_label(lang, p))
                .unwrap_or_default(),
        ]);
        s.push_str(&format!(
            "{}. {}\n",
            n + 1,
            join_meta([&*sanitize(title_of(a, lang)), &when])
        ));
    }
    for a in articles {
        s.push_str(&format!("\n{}\n\n", "─".repeat(20)));
        // Only the headings that show something have a line: an empty kicker (引题) or
        // subtitle is no blank line above or below the title.
        if let Some(kicker) = heading(&a.kicker) {
            s.push_str(&format!("{}\n", sanitize(kicker)));
        }
        s.push_str(&format!("{}\n", sanitize(title_of(a, lang))));
        if let Some(subtitle) = heading(&a.subtitle) {
            s.push_str(&format!("{}\n", sanitize(subtitle)));
        }
        s.push('\n');
        s.push_str(&sanitize(&join_meta([
            district(a, lang),
            citation(a, lang),
        ])));
        s.push_str("\n\n");
        if let Some(byline) = heading(&a.byline) {
            s.push_str(&format!("\u{3000}\u{3000}{}\n", sanitize(byline)));
        }
        for (n, p) in numbered(a) {
            let mark = text::paragraph_mark(n);
            s.push_str(&format!("\u{3000}\u{3000}{mark}{}\n", sanitize(p)));
        }
        let (note, tags) = review_of(a, marks);
        if let Some(note) = note {
            s.push_str(&format!("\n【{}】\n", text::note(lang)));
            for l in note.lines() {
                s.push_str(&format!("  {l}\n"));
            }
        }
        if !tags.is_empty() {
            s.push_str(&format!("\n{}\n", text::tags(lang, &tags)));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(crate::date::civil_date(0), "1970-01-01");
        assert_eq!(crate::date::civil_date(19_723), "2024-01-01");
        assert_eq!(crate::date::civil_date(19_782), "2024-02-29");
        assert_eq!(crate::date::civil_date(20_793), "2026-12-06");
    }

    #[test]
    fn the_markdown_kicker_is_a_plain_line_above_the_title() {
        let a = Article {
            id: "7".into(),
            kicker: Some("> 引题".into()),
            title: "标题".into(),
            subtitle: Some("副题".into()),
            paragraphs: vec!["正文。".into()],
            ..Article::default()
        };
        let report = Report {
            title: "审读报告".into(),
            date: "2024-12-06".into(),
            data: "paper.json".into(),
            lang: Lang::Zh,
            notes: false,
        };
        let md = render_markdown(&[&a], None, &report);
        let body = &md[md.find("---").unwrap()..];
        assert!(
            body.starts_with("---\n\n\\> 引题\n\n## 标题\n\n### 副题\n\n"),
            "{body}"
        );
        // Only a note is a quote.
        assert!(!body.lines().any(|l| l.starts_with('>')), "{body}");
    }

    #[test]
    fn a_citation_leaves_out_what_is_not_known() {
        let a = Article {
            id: "7".into(),
            source: Some("劳动午报".into()),
            date: Some("2024-01-05".into()),
            page: Some(3),
            reporters: vec!["孙艳".into(), "王路".into()],
            ..Article::default()
        };
        assert_eq!(
            citation(&a, Lang::Zh),
            "劳动午报 · 2024-01-05 · 第3版 · 记者 孙艳、王路 · id 7"
        );
        let bare = Article {
            id: "8".into(),
            ..Article::default()
        };
        assert_eq!(citation(&bare, Lang::Zh), "id 8");
    }
}
