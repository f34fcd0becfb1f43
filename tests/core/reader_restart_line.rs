//! After a restart an article opens with the line that was on top on top again, as a
//! resize keeps it (docs/contract.md §3, §6): at the same size the same line, at another
//! width the line that now holds its start, whatever part of the article it is in.
//!
//! Every line before the body (kicker, title, subtitle, meta line, blank line, byline) was
//! kept as "the top", and so was the body's first line, whose place `(0, 0)` is the top in
//! state files; and an article opened on the whole page holding its place. A reader a few
//! lines into an article found it at its title after a restart.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use std::path::Path;

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::article::Article;
use kanbao::collection::Collection;
use kanbao::layout::{LaidLine, LineRole};
use kanbao::state::{Position, StateStore};

/// Two articles with every part above the body, and a long body.
fn collection() -> Collection {
    let articles: Vec<Article> = (0..2)
        .map(|i| Article {
            id: format!("a{i}"),
            kicker: Some("协同发力解决货车司机群体“急难愁盼”问题".into()),
            title: format!("第{i}篇：大兴区天宫院街道“党工共建”办好暖“新”事"),
            subtitle: Some("街道总工会联合多方开展慰问活动，为户外劳动者送上温暖".into()),
            district: Some("大兴区".into()),
            reporters: vec!["孙艳".into()],
            byline: Some("本报讯（记者 孙艳）".into()),
            paragraphs: (0..30)
                .map(|p| {
                    format!(
                        "第{p}段。{}",
                        "近日，街道工会驿站里暖意融融，劳动者们纷纷点赞。".repeat(4)
                    )
                })
                .collect(),
            ..Article::default()
        })
        .collect();
    Collection::from(articles)
}

/// The reader keeping its state in `path` across starts, at `w`×`h`.
fn start(path: &Path, w: u16, h: u16) -> App {
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

/// The first article opened in the reader.
fn open_first(app: &mut App) {
    app.update(Action::Top);
    app.update(Action::Open);
    assert_eq!(app.reader().unwrap().article, 0);
}

/// The line on top of the reader.
fn top(app: &App) -> LaidLine {
    let reader = app.reader().unwrap();
    reader.lines()[reader.scroll()].clone()
}

fn quit(mut app: App) {
    app.update(Action::Back);
    app.update(Action::Quit);
    app.save_now().unwrap();
}

#[test]
fn a_restart_opens_on_the_line_that_was_on_top_at_any_width() {
    // From the kicker's second line to a few lines into the second page.
    for down in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 14, 25, 31] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let mut app = start(&path, 80, 24);
        open_first(&mut app);
        for _ in 0..down {
            app.update(Action::LineDown);
        }
        let read = top(&app);
        assert_eq!(app.reader().unwrap().scroll(), down, "not near the end");
        // Within the session a resize keeps that line on top (at another width, the line
        // that now holds its start): a restart at that size shows the same.
        app.update(Action::Resize(140, 40));
        let resized = top(&app);
        app.update(Action::Resize(80, 24));
        assert_eq!(top(&app), read, "{down} lines in: back at 80 columns");
        quit(app);

        let mut app = start(&path, 80, 24);
        open_first(&mut app);
        assert_eq!(
            top(&app),
            read,
            "{down} lines in: the same line on top after a restart at the same size"
        );
        assert_eq!(app.reader().unwrap().scroll(), down);
        quit(app);

        let mut app = start(&path, 140, 40);
        open_first(&mut app);
        let wide = top(&app);
        assert_eq!(
            wide, resized,
            "{down} lines in: a restart at 140×40 shows what a resize to it did"
        );
        assert_eq!((wide.role, wide.paragraph), (read.role, read.paragraph));
        assert!(
            wide.range.start <= read.range.start
                && (read.range.start < wide.range.end || wide.range.is_empty()),
            "{down} lines in: {:?} holds the start of {:?}",
            wide.text,
            read.text
        );
        quit(app);
    }
}

/// The part each line before the body is in is kept, so a restart finds a heading, the
/// meta line or the byline at the line that holds the same text; the body's first line
/// is not the top.
#[test]
fn each_line_above_the_body_and_the_bodys_first_is_kept_as_itself() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut app = start(&path, 60, 30);
    open_first(&mut app);
    let lines = app.reader().unwrap().lines().to_vec();
    let first_body = lines.iter().position(|l| l.role == LineRole::Body).unwrap();
    let roles: Vec<LineRole> = lines[..first_body].iter().map(|l| l.role).collect();
    for role in [
        LineRole::Kicker,
        LineRole::Title,
        LineRole::Subtitle,
        LineRole::Meta,
        LineRole::Blank,
        LineRole::Byline,
    ] {
        assert!(roles.contains(&role), "{role:?} in {roles:?}");
    }
    quit(app);
    for (at, line) in lines.iter().enumerate().take(first_body + 2).skip(1) {
        let mut app = start(&path, 60, 30);
        open_first(&mut app);
        app.update(Action::FirstPage);
        for _ in 0..at {
            app.update(Action::LineDown);
        }
        assert_ne!(app.reader().unwrap().position(), Position::default());
        quit(app);
        let mut app = start(&path, 60, 30);
        open_first(&mut app);
        assert_eq!(&top(&app), line, "line {at}");
        quit(app);
    }
}

/// A state file written before parts were kept holds a paragraph and an offset: it reads
/// as it did (`(0, 0)` the top), and a place in the body is still written that way.
#[test]
fn a_place_kept_in_the_old_form_opens_on_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let lines = {
        let mut app = start(&path, 80, 24);
        open_first(&mut app);
        let lines = app.reader().unwrap().lines().to_vec();
        quit(app);
        lines
    };
    let third = lines.iter().position(|l| l.paragraph == Some(3)).unwrap();
    let inside = lines[third + 1].range.start + 3;
    for (paragraph, offset, line) in [(0, 0, 0), (3, 0, third), (3, inside, third + 1)] {
        std::fs::remove_file(&path).unwrap();
        let (mut store, _) = StateStore::open(Some(path.clone()));
        let old = Position {
            paragraph,
            offset,
            ..Position::default()
        };
        store.set_position("test", "a0", old);
        store.save().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains("part"), "the old form: {text}");
        let mut app = start(&path, 80, 24);
        open_first(&mut app);
        assert_eq!(
            app.reader().unwrap().scroll(),
            line,
            "({paragraph}, {offset})"
        );
        quit(app);
    }
}

/// The reviewer's note under the text (审读意见) is the reader's, not the article's: a line
/// of it on top is kept as the last line of the text above it (it was kept as the top).
#[test]
fn a_line_of_the_note_on_top_is_kept_as_the_last_line_of_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    {
        let (mut store, _) = StateStore::open(Some(path.clone()));
        let note: Vec<String> = (0..40).map(|i| format!("审读意见第{i}行")).collect();
        store.set_note("test", "a0", &note.join("\n"));
        store.save().unwrap();
    }
    let mut app = start(&path, 80, 24);
    open_first(&mut app);
    app.update(Action::LastPage);
    assert_eq!(top(&app).role, LineRole::Note, "a line of the note on top");
    let lines = app.reader().unwrap().lines();
    let last = lines
        .iter()
        .rposition(|l| l.role == LineRole::Body)
        .unwrap();
    let text = lines[last].clone();
    quit(app);
    let mut app = start(&path, 80, 24);
    open_first(&mut app);
    assert_eq!(top(&app), text);
    quit(app);
}
