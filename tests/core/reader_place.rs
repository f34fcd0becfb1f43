//! Where an article opens after a restart (a hands-on test, session 30): at its saved place,
//! so that what the reader shows and the page the status bar names agree. The place is kept
//! as a place in the text, and the next start may lay the article out at another width and
//! height (one pane at 80 columns, then side by side on a larger screen): the preview opened
//! mid-page, its title scrolled off, while the status bar said page 1. The counter now names
//! the page of the bottom line shown (as after `j` or a resize), and the article opens with
//! its saved line on top (session 32: on the whole page holding it, a place on page 1 opened
//! at the title; see `tests/core/reader_restart_line.rs`).
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::article::Article;
use kanbao::collection::Collection;
use kanbao::layout::line_for_position;
use kanbao::state::StateStore;

/// Three long articles (forty paragraphs each).
fn collection() -> Collection {
    let articles: Vec<Article> = (0..3)
        .map(|i| Article {
            id: format!("a{i}"),
            title: format!("第{i}篇标题"),
            district: Some("朝阳区".into()),
            paragraphs: (0..40)
                .map(|p| {
                    format!(
                        "第{p}段。{}",
                        "这是一段很长的正文，用来测试翻页。".repeat(5)
                    )
                })
                .collect(),
            ..Article::default()
        })
        .collect();
    Collection::from(articles)
}

/// The reader keeping its state in `path` and its list across starts, at `w`×`h`.
fn app_at(path: &std::path::Path, w: u16, h: u16) -> App {
    let opts = Options {
        source: "test".into(),
        restore: true,
        ..Options::default()
    };
    let (store, warnings) = StateStore::open(Some(path.to_owned()));
    assert!(warnings.is_empty(), "{warnings:?}");
    let mut app = App::new(collection(), store, Vec::new(), opts);
    app.update(Action::Resize(w, h));
    app
}

#[test]
fn a_place_kept_at_another_size_opens_on_its_line_and_the_status_bar_names_its_page() {
    for pages in 1..=4 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        // One pane at 80×24: the second article, read `pages` pages in.
        let mut app = app_at(&path, 80, 24);
        app.update(Action::MoveDown);
        app.update(Action::Open);
        for _ in 0..pages {
            app.update(Action::NextPage);
        }
        app.update(Action::Back);
        app.update(Action::Quit);
        app.save_now().unwrap();
        let saved = app.shared_state().lock().unwrap().position("test", "a1");
        let saved = saved.expect("the place is kept");
        // The next start, side by side on a larger screen: the preview of that article.
        let mut app = app_at(&path, 140, 40);
        let rows = app.rows();
        let reader = app.reader().expect("the preview of the kept article");
        assert_eq!(reader.article, 1);
        let (page, count) = reader.page(rows);
        let scroll = reader.scroll();
        let last = reader.lines().len().saturating_sub(rows);
        let bottom = (scroll + rows).min(reader.lines().len()) - 1;
        assert_eq!(
            page,
            bottom / rows + 1,
            "{pages} pages in: lines from {scroll} shown as page {page}/{count} of {rows} rows"
        );
        let kept = line_for_position(reader.lines(), saved.paragraph, saved.offset);
        assert_eq!(
            scroll,
            kept.min(last),
            "{pages} pages in: the kept place (line {kept}) is on top"
        );
        app.update(Action::ToggleFocus);
        let screen = support::screen(&app, 140, 40);
        let footer = screen.lines().last().unwrap();
        assert!(
            footer.contains(&format!("第 {page}/{count} 页")),
            "{footer}"
        );
        assert_eq!(
            screen.contains("第1篇标题") && screen.lines().nth(1).unwrap().contains("第1篇标题"),
            scroll == 0,
            "{pages} pages in: the title shows at the top, and only there\n{screen}"
        );
    }
}

/// The reader's note (批注) comes after the text, in lines of no paragraph: the place of a
/// line near the end of the text was looked for among them too, and found at the end of the
/// article (a binary search over lines not in order), so an article with a long note
/// reopened at its last line instead of where it was left.
#[test]
fn a_place_in_the_text_is_found_again_with_a_note_under_it() {
    use kanbao::app::Reader;
    use kanbao::layout::{LayoutOptions, position_of_line};
    let article = collection().get(0).unwrap().clone();
    let opts = LayoutOptions::default();
    let mut reader = Reader::new(0, &article, 40, &opts, None);
    let note: Vec<String> = (0..60).map(|i| format!("批注第{i}行")).collect();
    reader.set_note(Some(note.join("\n")), &article, &opts);
    let lines = reader.lines();
    let body = lines.iter().filter(|l| l.paragraph.is_some()).count();
    assert!(
        body > 100 && lines.len() > body + 60,
        "a long text, a long note"
    );
    for (at, line) in lines.iter().enumerate() {
        if line.paragraph.is_none() {
            continue;
        }
        let (paragraph, offset) = position_of_line(lines, at);
        if (paragraph, offset) == (0, 0) {
            continue; // the start of the text is kept as the top of the article
        }
        assert_eq!(
            line_for_position(lines, paragraph, offset),
            at,
            "the place ({paragraph}, {offset}) of line {at}"
        );
    }
}
