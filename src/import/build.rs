//! An article from what starts it: its headings (kicker, title, subtitle), its byline or
//! photo credit and the names they give, and, once its text is known, its districts.

use super::byline::{Byline, credit_only, photo_credit};
use super::reader::Reader;
use crate::article::{Article, Kind};
use crate::district;

/// An article of `kind` under its headings: one is the title; two are the kicker and the
/// title, or the title and a subtitle that opens with `——`; three are kicker, title and
/// subtitle.
pub(super) fn headed(headings: &[&str], kind: Kind) -> Article {
    let mut article = Article {
        kind,
        ..Article::default()
    };
    match headings {
        [title] => article.title = (*title).to_string(),
        [first, second] if second.starts_with('—') => {
            article.title = (*first).to_string();
            article.subtitle = Some((*second).to_string());
        }
        [kicker, title] => {
            article.kicker = Some((*kicker).to_string());
            article.title = (*title).to_string();
        }
        [kicker, title, subtitle, ..] => {
            article.kicker = Some((*kicker).to_string());
            article.title = (*title).to_string();
            article.subtitle = Some((*subtitle).to_string());
        }
        [] => {}
    }
    article
}

/// Adds the names a credit gives to the article's, each once.
pub(super) fn add_names(
    article: &mut Article,
    reporters: Vec<String>,
    correspondents: Vec<String>,
) {
    for (names, more) in [
        (&mut article.reporters, reporters),
        (&mut article.correspondents, correspondents),
    ] {
        for name in more {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
}

/// A news article under `headings`, opened by `byline`: the byline's text and names, then
/// its first paragraph (the rest of the byline's block, or the block after a byline alone).
pub(super) fn news(reader: &mut Reader<'_>, headings: &[&str], byline: Byline) -> Article {
    let mut article = headed(headings, Kind::News);
    let skip = reader.blocks[reader.next].len() - byline.rest.len();
    let whole = byline.rest.is_empty();
    article.byline = Some(byline.text);
    article.reporters = byline.reporters;
    article.correspondents = byline.correspondents;
    if whole {
        // The byline is a block of its own (`本报记者 王五`): the text starts after it.
        reader.next += 1;
    } else if let Some((_, text)) = reader.paragraph() {
        // The byline's block opens the first paragraph; join it like any other.
        article.paragraphs.push(text[skip..].to_string());
    }
    article
}

/// A photo report under `headings`: its caption, with the credit that ends it or stands
/// alone after it, whose names are the report's.
pub(super) fn photo(reader: &mut Reader<'_>, headings: &[&str]) -> Article {
    let mut article = headed(headings, Kind::Photo);
    if let Some((_, caption)) = reader.paragraph() {
        let mut credit = photo_credit(&caption);
        article.paragraphs.push(caption);
        if credit.is_none() {
            // The credit is a block of its own after the caption.
            let block = reader.blocks.get(reader.next);
            credit = block.and_then(|b| credit_only(b));
            if let (Some(block), Some(_)) = (block, &credit) {
                article.paragraphs.push(block.clone());
                reader.next += 1;
            }
        }
        if let Some(credit) = credit {
            article.reporters = credit.reporters;
            article.correspondents = credit.correspondents;
        }
    }
    article
}

/// Fills in the districts once every paragraph is known.
pub(super) fn finish(article: &mut Article) {
    let headings: Vec<&str> = article
        .kicker
        .iter()
        .chain(std::iter::once(&article.title))
        .chain(article.subtitle.iter())
        .map(String::as_str)
        .collect();
    let (primary, all) = district::detect(&headings, &article.paragraphs);
    article.district = primary.map(str::to_string);
    article.districts = all.into_iter().map(str::to_string).collect();
}
