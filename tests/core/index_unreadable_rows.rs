//! The list's rows over an index that cannot be read for a while (its files written over
//! with zeros in place, then put back, as `tests/core/index_unreadable.rs` does): each row drawn meanwhile says it cannot be read. Those stand-ins were kept as the
//! rows' answers for the whole session, so once the index could be read again (rebuilt,
//! or its files readable again) the rows went on saying so until a restart. A row that
//! could not be read is read again the next time it is drawn (after the next key, which
//! lets the index be tried again: `Archive::retry_order`).
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::collection::Collection;
use kanbao::i18n::Lang;
use kanbao::index::{Archive, library::Indexed};
use support::act;
use support::unreadable::{opened, restore, zero};

/// What a row that cannot be read says (`index::text::unreadable`).
const UNREADABLE: &str = "无法读取这篇文章";

/// The reader over the archive, one pane at 80×30 (the list alone).
fn app(archive: Archive) -> App {
    let collection = Collection::lazy(Box::new(Indexed::new(archive, Lang::Zh)));
    let opts = Options {
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(collection, opts);
    act(&mut app, Action::Resize(80, 30));
    app
}

/// How many of the rows on screen say they cannot be read.
fn unreadable_rows(screen: &str) -> usize {
    screen.lines().filter(|l| l.contains(UNREADABLE)).count()
}

#[test]
fn rows_drawn_while_the_index_could_not_be_read_show_once_it_can() {
    let (_dir, folder, archive) = opened();
    // The collection order, and every row's place in the index with it, is made from the
    // fast fields: unreadable from the start, no row can be read.
    let saved = zero(&folder, "fast");
    let mut app = app(archive);
    let screen = support::screen(&app, 80, 30);
    assert!(unreadable_rows(&screen) >= 5, "the rows say so\n{screen}");
    // Drawn again while it still fails, they still say so (and nothing piles up: the
    // same failure is lent out again).
    act(&mut app, Action::MoveDown);
    let again = support::screen(&app, 80, 30);
    assert_eq!(unreadable_rows(&again), unreadable_rows(&screen), "{again}");
    // The index is readable again: after the next key (the reader tries the collection
    // order again once it has said what it could not read), the rows show the articles.
    restore(&saved);
    act(&mut app, Action::MoveUp);
    let screen = support::screen(&app, 80, 30);
    assert_eq!(unreadable_rows(&screen), 0, "the rows show\n{screen}");
    let first = app.collection().summary(app.view()[0]).unwrap();
    assert!(!first.is_stand_in(), "{}", first.title);
    assert!(screen.contains(&first.title), "{screen}");
    // Read, they are kept.
    act(&mut app, Action::MoveDown);
    assert_eq!(unreadable_rows(&support::screen(&app, 80, 30)), 0);
}

/// Opened while it could not be read, an article's stand-in is not kept either: once the
/// index can be read, its row and the article opened again show it.
#[test]
fn an_article_opened_while_the_index_could_not_be_read_shows_once_it_can() {
    let (_dir, folder, archive) = opened();
    let mut app = app(archive);
    let saved = zero(&folder, "fast");
    act(&mut app, Action::Open);
    let index = app.reader().unwrap().article;
    let article = app.collection().get(index).unwrap();
    assert!(article.is_stand_in(), "{}", article.title);
    act(&mut app, Action::Back);
    restore(&saved);
    let row = app.collection().summary(index).unwrap();
    assert!(!row.is_stand_in(), "the row shows: {}", row.title);
    act(&mut app, Action::Open);
    let article = app.collection().get(app.reader().unwrap().article).unwrap();
    assert!(!article.is_stand_in(), "{}", article.title);
    assert!(!article.paragraphs.is_empty());
    let screen = support::screen(&app, 80, 30);
    assert!(!screen.contains(UNREADABLE), "{screen}");
}

/// Stored fields written over after the index was opened: tantivy panics decoding them
/// ("Corrupted data"). The rows drawn from them say they cannot be read; the reader goes
/// on, and shows them once the files are whole again.
#[test]
fn rows_whose_stored_fields_are_damaged_say_so_and_the_reader_goes_on() {
    let (_dir, folder, archive) = opened();
    let mut app = app(archive);
    let saved = zero(&folder, "store");
    let screen = support::screen(&app, 80, 30);
    assert!(unreadable_rows(&screen) >= 5, "the rows say so\n{screen}");
    act(&mut app, Action::MoveDown);
    restore(&saved);
    act(&mut app, Action::MoveUp);
    let screen = support::screen(&app, 80, 30);
    assert_eq!(unreadable_rows(&screen), 0, "the rows show\n{screen}");
}
