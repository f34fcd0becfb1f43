//! An article with no text: the reader says so in a dim note that is not the article's
//! (never searched, never a place to keep); a title that shows nothing is stood in for
//! by such a note too.

use kanbao::action::Action;
use kanbao::app::{App, Context, Options};
use kanbao::article::{Article, Kind};
use kanbao::collection::Collection;
use kanbao::i18n::Lang;
use kanbao::layout::LineRole;
use kanbao::state::{Part, Position, StateStore};

use super::current_hit_line;
use crate::support;

/// An empty photo report whose title holds the words of the reader's note (in both
/// languages), one whose paragraphs are only spaces, and one with text.
fn no_text_app(lang: Lang, query: &str, store: StateStore) -> App {
    let article = |id: &str, title: &str, paragraphs: &[&str]| Article {
        id: id.into(),
        title: title.into(),
        kind: if paragraphs.is_empty() {
            Kind::Photo
        } else {
            Kind::News
        },
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        ..Article::default()
    };
    let collection = Collection::from(vec![
        article("empty", "本文无正文 no text 的图片", &[]),
        article("blank", "空白段落", &["", "\u{3000} "]),
        article("full", "有正文的新闻", &["正文在此。"]),
    ]);
    let opts = Options {
        lang,
        query: query.into(),
        source: "test".into(),
        ..Options::default()
    };
    let mut app = App::new(collection, store, Vec::new(), opts);
    app.update(Action::Resize(80, 24));
    app
}

fn open_id(app: &mut App, id: &str) {
    app.update(Action::Top);
    while app.selected_article().unwrap().id != id {
        let before = app.selected();
        app.update(Action::MoveDown);
        assert_ne!(app.selected(), before, "{id} is in the list");
    }
    app.update(Action::Open);
    assert_eq!(app.context(), Context::Reader);
}

fn note_lines(app: &App) -> Vec<(usize, String)> {
    let reader = app.reader().unwrap();
    reader
        .lines()
        .iter()
        .enumerate()
        .filter(|(_, l)| l.role == LineRole::Note)
        .inspect(|(_, l)| assert_eq!(l.paragraph, None))
        .map(|(i, l)| (i, l.text.clone()))
        .collect()
}

const NOTES: [(Lang, &str, &str); 2] = [
    (Lang::Zh, "（本文无正文）", "正文"),
    (Lang::En, "(no text)", "text"),
];

#[test]
fn an_article_with_no_text_shows_one_note_after_its_headings() {
    for (lang, note, _) in NOTES {
        let mut app = no_text_app(lang, "", StateStore::disabled());
        for id in ["empty", "blank"] {
            open_id(&mut app, id);
            let notes = note_lines(&app);
            let last = app.reader().unwrap().lines().len() - 1;
            assert_eq!(notes, [(last, note.to_string())], "{lang:?} {id}");
            app.update(Action::Back);
        }
        // An article with text has no note.
        open_id(&mut app, "full");
        assert!(note_lines(&app).is_empty());
        // Narrow columns wrap the note like any line: never wider than the column.
        app.update(Action::Back);
        open_id(&mut app, "empty");
        for (w, h) in [(40, 12), (12, 6), (6, 4), (1, 1), (80, 24)] {
            app.update(Action::Resize(w, h));
            let width = app.reader().unwrap().width();
            let notes = note_lines(&app);
            let joined: String = notes.iter().map(|(_, t)| t.as_str()).collect();
            assert_eq!(joined.replace(' ', ""), note.replace(' ', ""), "{w}x{h}");
            for (_, text) in &notes {
                assert!(
                    kanbao::layout::display_width(text, kanbao::layout::Widths::default()) <= width
                );
            }
        }
    }
}

#[test]
fn the_note_is_not_searched_and_n_never_stops_on_it() {
    for (lang, _, query) in NOTES {
        let mut app = no_text_app(lang, query, StateStore::disabled());
        open_id(&mut app, "empty");
        let reader = app.reader().unwrap();
        // Only the title's match: the note holds the term too, and is not the article's.
        assert_eq!(reader.hit_count(), (None, 1), "{lang:?}");
        let (note_line, _) = note_lines(&app)[0];
        assert_eq!(reader.hits_on(note_line).count(), 0);
        let title_line = reader
            .lines()
            .iter()
            .position(|l| l.role == LineRole::Title)
            .unwrap();
        for _ in 0..3 {
            app.update(Action::NextMatch);
            assert_eq!(current_hit_line(&app), Some(title_line), "{lang:?}");
            assert_eq!(app.status(), None, "one hit: n does not wrap");
            app.update(Action::PrevMatch);
            assert_eq!(current_hit_line(&app), Some(title_line), "{lang:?}");
        }
    }
}

#[test]
fn scrolling_onto_the_note_saves_the_top_of_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = StateStore::open(Some(dir.path().join("state.json")));
    let mut app = no_text_app(Lang::Zh, "", store);
    let shared = app.shared_state();
    // 4 rows of 14 columns: the title takes two, and the note is below the first page.
    app.update(Action::Resize(16, 6));
    open_id(&mut app, "empty");
    let (note_line, _) = note_lines(&app)[0];
    assert!(note_line >= app.rows(), "the note is on a later page");
    for action in [Action::LastPage, Action::LineDown, Action::NextPage] {
        app.update(action);
        let reader = app.reader().unwrap();
        assert!(
            reader.scroll() + app.rows() > note_line,
            "the note is in view"
        );
        // The line on top is the article's (its meta line), kept as itself for the next
        // start (session 32; every line above the body was kept as the top): not the note.
        let top = &reader.lines()[reader.scroll()];
        assert_eq!(top.role, LineRole::Meta, "{:?}", reader.lines());
        assert_eq!(reader.position().part, Some(Part::Meta));
        assert_eq!(
            shared.lock().unwrap().position("test", "empty"),
            Some(reader.position())
        );
    }
    // The note itself on top (one row): it is not a place, and there is no text above it
    // to keep instead, so the top of the article is kept (state version 2 keeps no field
    // for a value never moved from its default: none is the top).
    app.update(Action::Resize(16, 3));
    app.update(Action::LastPage);
    let reader = app.reader().unwrap();
    assert_eq!(reader.lines()[reader.scroll()].role, LineRole::Note);
    assert_eq!(reader.position(), Position::default());
    assert_eq!(
        shared
            .lock()
            .unwrap()
            .position("test", "empty")
            .unwrap_or_default(),
        Position::default()
    );
    // Reopened at a wider size, the article starts at the top, note and all.
    app.update(Action::Back);
    app.update(Action::Resize(80, 24));
    open_id(&mut app, "empty");
    assert_eq!(app.reader().unwrap().scroll(), 0);
    assert_eq!(app.reader().unwrap().page(app.rows()), (1, 1));
}

/// A title that shows nothing (only an escape sequence, removed) is stood in for by a dim
/// note, in the reader where the title goes (after the kicker) and in the list.
#[test]
fn a_title_that_shows_nothing_is_stood_in_for() {
    for (lang, note) in [(Lang::Zh, "（无标题）"), (Lang::En, "(untitled)")] {
        let collection = Collection::from(vec![Article {
            id: "esc".into(),
            title: "\u{1b}[2J".into(),
            kicker: Some("引题".into()),
            paragraphs: vec!["正文。".into()],
            ..Article::default()
        }]);
        let opts = Options {
            lang,
            source: "test".into(),
            ..Options::default()
        };
        let mut app = support::app_over(collection, opts);
        app.update(Action::Resize(80, 24));
        app.update(Action::Open);
        let lines = app.reader().unwrap().lines();
        assert_eq!(lines[0].role, LineRole::Kicker);
        assert_eq!(
            (lines[1].role, lines[1].text.as_str()),
            (LineRole::Note, note)
        );
        assert!(lines.iter().all(|l| l.role != LineRole::Title));
        app.update(Action::Back);
        let theme = kanbao::tui::theme::Theme::new(true, false);
        let terminal = support::draw(&app, &theme, 80, 24);
        let screen: String = terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        // A wide character's second cell is a space: compare without spaces.
        assert!(
            screen.replace(' ', "").contains(&note.replace(' ', "")),
            "{screen}"
        );
    }
}
