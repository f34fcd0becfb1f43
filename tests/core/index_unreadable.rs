//! The reader over an index that cannot be read after it was opened (its files written over
//! with zeros in place, the same size: tantivy maps them and reads the zeros). What the
//! index cannot give — a search, a date or district filter, the district picker's counts,
//! an id's place, a day — was answered as nothing with no word; it is said in the status
//! bar, and a failure is not kept as if it were the answer.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::collection::Collection;
use kanbao::date::DateRange;
use kanbao::filter::{DistrictFilter, Filter};
use kanbao::i18n::Lang;
use kanbao::index::{Archive, library::Indexed};
use kanbao::library::Library;
use support::act;
use support::unreadable::{opened, restore, zero};

/// How the status bar begins to say that the index could not be read.
const SAID: &str = "无法读取索引（";

fn collection(archive: Archive) -> Collection {
    Collection::lazy(Box::new(Indexed::new(archive, Lang::Zh)))
}

/// The reader over `collection` with `filter`, at 100×30.
fn app(collection: Collection, filter: Filter) -> App {
    let opts = Options {
        source: "test".into(),
        filter,
        ..Options::default()
    };
    let mut app = support::app_over(collection, opts);
    act(&mut app, Action::Resize(100, 30));
    app
}

fn says(app: &App) -> bool {
    app.status().is_some_and(|s| s.contains(SAID))
}

/// A search whose index cannot be read finds nothing, and says why instead of nothing.
#[test]
fn a_search_that_cannot_read_the_index_says_so() {
    let (_dir, folder, archive) = opened();
    let mut app = app(collection(archive), Filter::default());
    zero(&folder, "term");
    act(&mut app, Action::OpenSearch);
    act(&mut app, Action::SearchInput("工会".into()));
    act(&mut app, Action::SearchAccept);
    assert!(app.view().is_empty());
    let status = app.status().unwrap_or_default();
    assert!(status.starts_with(SAID), "{status}");
    assert!(status.ends_with("可运行 kanbao index 重建索引"), "{status}");
}

/// A date filter whose days cannot be read keeps nothing, and says why.
#[test]
fn a_date_filter_that_cannot_read_the_days_says_so() {
    let (_dir, folder, archive) = opened();
    // The collection order (and every day with it) is made from the fast fields.
    zero(&folder, "fast");
    let filter = Filter {
        dates: DateRange::parse("2019-01-01..2030-12-31").unwrap(),
        ..Filter::default()
    };
    let app = app(collection(archive), filter);
    assert!(app.view().is_empty());
    assert!(says(&app), "{:?}", app.status());
}

/// A district filter whose districts cannot be read keeps nothing and says why; once they
/// can be read again, it keeps its articles (the failure was not kept as "no district").
#[test]
fn a_district_filter_that_cannot_read_the_districts_says_so_and_tries_again() {
    let (_dir, folder, archive) = opened();
    let collection = collection(archive);
    let saved = zero(&folder, "term");
    let filter = Filter::from(DistrictFilter::parse(&["朝阳区"]).unwrap());
    let app = app(collection.clone(), filter.clone());
    assert!(app.view().is_empty());
    assert!(says(&app), "{:?}", app.status());
    restore(&saved);
    let library = collection.library().unwrap();
    let all: Vec<usize> = (0..collection.len()).collect();
    let kept = library.keep(&all, &filter);
    assert!(!kept.is_empty() && kept.len() < all.len(), "{}", kept.len());
    assert_eq!(library.take_trouble(), None);
}

/// The district picker over districts that cannot be counted says why it shows none.
#[test]
fn the_picker_that_cannot_count_the_districts_says_so() {
    let (_dir, folder, archive) = opened();
    let mut app = app(collection(archive), Filter::default());
    assert_eq!(app.status(), None);
    zero(&folder, "term");
    act(&mut app, Action::OpenPicker);
    assert!(says(&app), "{:?}", app.status());
}

/// The bookmarked articles whose ids cannot be looked up are not shown as "none
/// bookmarked": the status says why the list is empty.
#[test]
fn marks_whose_ids_cannot_be_looked_up_say_so() {
    let (_dir, folder, archive) = opened();
    let mut app = app(collection(archive), Filter::default());
    act(&mut app, Action::ToggleBookmark);
    zero(&folder, "term");
    act(&mut app, Action::FilterBookmarked);
    assert!(app.view().is_empty());
    assert!(says(&app), "{:?}", app.status());
}

/// The timeline over days that cannot be read says why, instead of showing every article
/// as undated.
#[test]
fn a_timeline_that_cannot_read_the_days_says_so() {
    let (_dir, folder, archive) = opened();
    zero(&folder, "fast");
    let mut app = app(collection(archive), Filter::default());
    assert_eq!(app.status(), None);
    act(&mut app, Action::OpenTimeline);
    assert!(says(&app), "{:?}", app.status());
}

/// The reader keys its marks and kept list by the digest of the archive's ids, which the
/// index gives from the hashes read when it was opened: an ids file that cannot be read
/// afterwards changes nothing (the key used to be able to fall back, silently, to one made
/// from whatever the summaries gave, and the marks to be looked up under it).
#[test]
fn the_reading_state_key_needs_nothing_read_after_open() {
    let (dir, folder, archive) = opened();
    std::fs::remove_file(folder.join("kanbao-ids.bin")).unwrap();
    zero(&folder, "store");
    let library = Indexed::new(archive, Lang::Zh);
    let (loaded, _) = kanbao::load::load(Some(&dir.path().join("a.jsonl"))).unwrap();
    let ids = loaded.iter().map(|a| kanbao::state::fnv(a.id.as_bytes()));
    assert_eq!(library.id_digest(), kanbao::state::digest(ids));
    assert_eq!(library.take_trouble(), None);
}

/// The collection order that could not be made (its fast fields unreadable) is not kept as
/// the answer for the whole session: once the reader has said so, the next need tries
/// again, so an index that can be read again (`kanbao index` rebuilt it, a file readable
/// again) is read without a restart. While it still fails, each try is said again.
#[test]
fn an_order_that_could_not_be_made_is_tried_again_at_the_next_need() {
    let (_dir, folder, archive) = opened();
    let saved = zero(&folder, "fast");
    let collection = collection(archive);
    let filter = Filter {
        dates: DateRange::parse("2019-01-01..2030-12-31").unwrap(),
        ..Filter::default()
    };
    let app = app(collection.clone(), filter.clone());
    assert!(app.view().is_empty());
    assert!(says(&app), "{:?}", app.status());
    let library = collection.library().unwrap();
    let all: Vec<usize> = (0..collection.len()).collect();
    assert!(library.keep(&all, &filter).is_empty());
    let again = library.take_trouble().unwrap_or_default();
    assert!(again.starts_with(SAID), "said again: {again}");
    restore(&saved);
    let kept = library.keep(&all, &filter);
    assert!(!kept.is_empty(), "the days are read once they can be");
    assert_eq!(library.take_trouble(), None);
    assert!(library.date(kept[0]).is_some());
}
