//! The reader over an archive read through its persistent index (issue 12) shows what the
//! reader over the same archive loaded whole shows: the same list for the same searches,
//! filters, marks and sort, the same frames, the same article opened, the same timeline.
//! The archive is a small generated folder of two files, indexed once for the file.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use kanbao::action::Action;
use kanbao::app::{App, Mode, Options};
use kanbao::collection::Collection;
use kanbao::date::DateRange;
use kanbao::filter::{DistrictFilter, Filter};
use kanbao::i18n::Lang;
use kanbao::index::{self, library::Indexed};
use kanbao::tui::theme::Theme;
use support::{act, shown_ids as ids};
use tempfile::TempDir;

struct Fixture {
    _dir: TempDir,
    root: PathBuf,
    folder: PathBuf,
}

/// A folder of two generated files (ids made unique), indexed under its own cache root.
fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = TempDir::new().unwrap();
        let root = dir.path().join("cache");
        let folder = dir.path().join("archive");
        std::fs::create_dir(&folder).unwrap();
        let mut a = Vec::new();
        kanbao::archive::generate(260, 7, &mut a).unwrap();
        std::fs::write(folder.join("a.jsonl"), a).unwrap();
        let mut b = Vec::new();
        kanbao::archive::generate(240, 9, &mut b).unwrap();
        let b = String::from_utf8(b)
            .unwrap()
            .replace("\"id\":\"", "\"id\":\"b-");
        std::fs::write(folder.join("b.jsonl"), b).unwrap();
        let mut notes = Vec::new();
        index::update(&root, &folder, &mut notes, &mut |_, _, _| {}).unwrap();
        Fixture {
            _dir: dir,
            root,
            folder,
        }
    })
}

fn lazy(path: &Path) -> Collection {
    support::indexed_collection(&fixture().root, path)
}

fn loaded(path: &Path) -> Collection {
    kanbao::load::load(Some(path)).unwrap().0
}

fn opts(filter: Filter) -> Options {
    Options {
        source: "test".into(),
        filter,
        ..Options::default()
    }
}

/// The two readers, side by side, with `filter`, at 100×30.
fn pair(filter: Filter) -> (App, App) {
    let folder = &fixture().folder;
    let mut memory = support::app_over(loaded(folder), opts(filter.clone()));
    let mut indexed = support::app_over(lazy(folder), opts(filter));
    // Run to its end any search the start asks for: the dates of the command line are the
    // search's `date:`, which the index answers (session 31).
    for app in [&mut memory, &mut indexed] {
        act(app, Action::Resize(100, 30));
    }
    (memory, indexed)
}

fn search(app: &mut App, query: &str) {
    act(app, Action::ClearFilters);
    act(app, Action::OpenSearch);
    act(app, Action::SearchInput(query.into()));
    act(app, Action::SearchAccept);
}

/// The ids of the list, in order.
fn frame(app: &App) -> String {
    let terminal = support::draw(app, &Theme::new(true, true), 100, 30);
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

const QUERIES: &[&str] = &[
    "驿站",
    "沙河工会服务站",
    "工会 司机",
    "站",
    "工 工会",
    "会 工会",
    "站 站",
    "g",
    // A letter beside terms it cannot overlap: counted from the index (their hits summed).
    "驿站 g",
    "g 驿站",
    "gonghui",
    "ghyz",
    "工会 -驿站",
    "-驿站",
    "title:工会",
    "title:驿站",
    "司机 title:gonghui",
    "驿站 title:服务",
    "date:2019-01-05",
    "驿站 date:2019-01-02..2019-01-08",
    "district:朝阳区",
    "kind:photo",
    "kind:news 工会",
    "reporter:王",
    "驿站 记者:李",
    "district:未注明",
    "district:未注明 gonghui",
    "司机 OR 快递",
    "司机|gonghui",
    "工会 司机|快递 -驿站",
    "没有这个词",
    // Quoted, a space between Han characters matches none or any whitespace.
    "\"工会 驿站\"",
    "\"总 工会\" -驿站",
];

#[test]
fn searches_list_the_same_articles_in_the_same_order() {
    let (mut memory, mut indexed) = pair(Filter::default());
    assert_eq!(ids(&memory), ids(&indexed), "the whole list, newest first");
    assert_eq!(frame(&memory), frame(&indexed), "the first frame");
    for q in QUERIES {
        search(&mut memory, q);
        search(&mut indexed, q);
        assert_eq!(ids(&memory), ids(&indexed), "query {q}");
        assert_eq!(frame(&memory), frame(&indexed), "frame of {q}");
        act(&mut memory, Action::ToggleSort);
        act(&mut indexed, Action::ToggleSort);
        assert_eq!(ids(&memory), ids(&indexed), "query {q} by date");
        act(&mut memory, Action::ToggleSort);
        act(&mut indexed, Action::ToggleSort);
    }
}

#[test]
fn district_and_date_filters_keep_the_same_articles() {
    let some = |names: &[&str]| DistrictFilter::parse(names).unwrap();
    let filters = [
        Filter::from(some(&["朝阳区"])),
        Filter::from(some(&["东城区", "未注明"])),
        Filter {
            dates: DateRange::parse("2019-01-03..2019-01-09").unwrap(),
            ..Filter::default()
        },
        Filter {
            districts: some(&["海淀区"]),
            dates: DateRange::parse("2019-01-10..").unwrap(),
            ..Filter::default()
        },
    ];
    for filter in filters {
        let (mut memory, mut indexed) = pair(filter.clone());
        let n = ids(&memory).len();
        assert!(n > 0 && n < 500, "{filter:?} keeps some: {n}");
        assert_eq!(ids(&memory), ids(&indexed), "{filter:?}");
        search(&mut memory, "工会");
        search(&mut indexed, "工会");
        // `search` clears the filters: set them again through the picker's counts.
        assert_eq!(ids(&memory), ids(&indexed), "{filter:?} then 工会");
    }
}

#[test]
fn the_picker_counts_and_the_timeline_are_the_same() {
    let (mut memory, mut indexed) = pair(Filter::default());
    act(&mut memory, Action::OpenPicker);
    act(&mut indexed, Action::OpenPicker);
    assert_eq!(frame(&memory), frame(&indexed), "the district picker");
    act(&mut memory, Action::PickerCancel);
    act(&mut indexed, Action::PickerCancel);
    search(&mut memory, "驿站");
    search(&mut indexed, "驿站");
    // A search's picker counts its results, a byte per article through the index.
    act(&mut memory, Action::OpenPicker);
    act(&mut indexed, Action::OpenPicker);
    assert_eq!(frame(&memory), frame(&indexed), "the picker of a search");
    let Mode::Picker(picker) = indexed.mode() else {
        panic!("{:?}", indexed.mode())
    };
    let counted: usize = picker.items().iter().map(|(_, n)| n).sum();
    assert_eq!(
        counted,
        indexed.view().len(),
        "every result in one district"
    );
    assert!(counted < 500, "not the whole archive's");
    act(&mut memory, Action::PickerCancel);
    act(&mut indexed, Action::PickerCancel);
    act(&mut memory, Action::OpenTimeline);
    act(&mut indexed, Action::OpenTimeline);
    assert!(matches!(indexed.mode(), Mode::Timeline(_)));
    assert_eq!(frame(&memory), frame(&indexed), "the timeline");
}

#[test]
fn opening_reading_and_marking_are_the_same() {
    let (mut memory, mut indexed) = pair(Filter::default());
    search(&mut memory, "驿站");
    search(&mut indexed, "驿站");
    for app in [&mut memory, &mut indexed] {
        act(app, Action::MoveDown);
        act(app, Action::MoveDown);
        act(app, Action::Open);
        act(app, Action::NextPage);
        act(app, Action::ToggleBookmark);
        act(app, Action::Back);
        act(app, Action::MoveDown);
        act(app, Action::ToggleBookmark);
    }
    assert_eq!(frame(&memory), frame(&indexed), "after reading and marking");
    for app in [&mut memory, &mut indexed] {
        act(app, Action::FilterBookmarked);
    }
    assert_eq!(ids(&memory).len(), 2);
    assert_eq!(ids(&memory), ids(&indexed), "only bookmarked");
    for app in [&mut memory, &mut indexed] {
        act(app, Action::FilterBookmarked);
        act(app, Action::FilterUnread);
    }
    assert_eq!(ids(&memory), ids(&indexed), "only unread");
    assert_eq!(ids(&memory).len(), 410 - 1, "one of the 410 was opened");
    for app in [&mut memory, &mut indexed] {
        act(app, Action::MoveDown);
        act(app, Action::Open);
    }
    assert_eq!(frame(&memory), frame(&indexed), "an unread article opened");
}

#[test]
fn an_article_that_cannot_be_read_says_so_instead_of_failing() {
    let dir = TempDir::new().unwrap();
    let (root, file) = (dir.path().join("cache"), dir.path().join("a.jsonl"));
    std::fs::copy(fixture().folder.join("a.jsonl"), &file).unwrap();
    index::update(&root, &file, &mut Vec::new(), &mut |_, _, _| {}).unwrap();
    let archive = index::open_in(&root, &file, &mut Vec::new()).unwrap();
    let collection = Collection::lazy(Box::new(Indexed::new(archive, Lang::Zh)));
    // The data file shrinks after the reader opened it: its articles cannot be read whole.
    std::fs::write(&file, "").unwrap();
    let n = collection.len();
    // Each says so, naming the file it could not be read from.
    let named = format!("（无法读取这篇文章：{}: ", file.display());
    let broken = (0..n)
        .map(|i| collection.get(i).unwrap())
        .filter(|a| a.title.starts_with(&named));
    assert_eq!(broken.count(), n, "every article says it cannot be read");
    assert!(collection.get(n).is_none());
    let mut app = support::app_over(collection, opts(Filter::default()));
    act(&mut app, Action::Resize(80, 24));
    act(&mut app, Action::Open);
    assert!(frame(&app).replace(' ', "").contains("无法读取"));
}

/// An article changed in its data file after it was indexed, where the index's fingerprint
/// does not see it (`support::changed`): opened in the reader, it says where its JSON is
/// wrong in the file and what to do, as the command line does, instead of failing (it said
/// `FILE: expected … at line 1 column N`, a place in the article alone).
#[test]
fn an_article_changed_since_indexing_names_its_place_in_the_reader() {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("cache");
    let file = support::changed::indexed_then_changed(dir.path(), &root);
    let archive = index::open_in(&root, &file, &mut Vec::new()).unwrap();
    let collection = Collection::lazy(Box::new(Indexed::new(archive, Lang::Zh)));
    let ix = collection.library().unwrap().position("a200").unwrap();
    let path = file.display();
    let said = format!(
        "（无法读取这篇文章：{path}:{}：JSON 有误：expected `:`；文件在建立索引之后改过了，\
         可先 touch 它再运行 kanbao index {path} 重建索引（或加 --no-index 整个读取））",
        support::changed::PLACE
    );
    let article = collection.get(ix).unwrap();
    assert_eq!(article.title, said);
    assert_eq!(article.paragraphs, [said]);
    assert_eq!(collection.get(ix + 1).unwrap().title, "普通");
    let mut app = support::app_over(collection, opts(Filter::default()));
    act(&mut app, Action::Resize(100, 30));
    search(&mut app, "独特词");
    assert_eq!(ids(&app).len(), 1, "{:?}", ids(&app));
    act(&mut app, Action::Open);
    let shown = frame(&app);
    assert!(shown.replace(' ', "").contains("无法读取"), "{shown}");
}

/// `note:` (issue 14) asks the reading state, in the reader over the index as over the
/// loaded archive.
#[test]
fn note_terms_keep_the_same_articles() {
    let (mut memory, mut indexed) = pair(Filter::default());
    for app in [&mut memory, &mut indexed] {
        search(app, "驿站");
        act(app, Action::EditNote);
        act(app, Action::SearchInput("待核实".into()));
        act(app, Action::NoteSave);
        act(app, Action::MoveDown);
        act(app, Action::EditNote);
        act(app, Action::SearchInput("已审".into()));
        act(app, Action::NoteSave);
    }
    for (query, n) in [
        ("note:待核实", 1),
        ("note:", 2),
        ("-note:", 500 - 2),
        ("-note:已审", 500 - 1),
    ] {
        search(&mut memory, query);
        search(&mut indexed, query);
        assert_eq!(ids(&memory).len(), n, "{query}");
        assert_eq!(ids(&memory), ids(&indexed), "{query}");
    }
    search(&mut memory, "驿站 -note:已审");
    search(&mut indexed, "驿站 -note:已审");
    assert_eq!(ids(&memory), ids(&indexed), "驿站 -note:已审");
}

#[test]
fn the_state_knows_the_indexed_archive_by_the_same_key_as_the_loaded_one() {
    let folder = &fixture().folder;
    let paths = [folder.clone()];
    let loaded = loaded(folder);
    let by_ids = kanbao::state::SourceId::of(&paths, loaded.iter().map(|a| a.id.as_str()));
    let lazy = lazy(folder);
    let digest = lazy.library().unwrap().id_digest();
    let by_index = kanbao::state::SourceId::of_digest(&paths, digest);
    assert_eq!(by_index, by_ids);
}

#[test]
fn a_slow_search_shows_what_it_has_found_so_far_until_it_ends() {
    let (_, mut app) = pair(Filter::default());
    act(&mut app, Action::OpenSearch);
    let request = app
        .update(Action::SearchInput("gonghui".into()))
        .search
        .expect("searched off the UI thread");
    let partials = std::sync::Mutex::new(Vec::new());
    let answer = request
        .run_showing(&app.index_cell(), &|| false, &|a| {
            partials.lock().unwrap().push(a)
        })
        .unwrap();
    let Action::SearchFinished {
        generation, hits, ..
    } = answer.clone()
    else {
        panic!("{answer:?}")
    };
    // What a long search sends first: some of the answers, while it goes on.
    let first: Vec<_> = hits.iter().take(3).copied().collect();
    app.update(Action::SearchPartial {
        generation: generation - 1,
        hits: first.clone(),
    });
    assert_eq!(
        app.view().len(),
        500,
        "an older search's answers are dropped"
    );
    app.update(Action::SearchPartial {
        generation,
        hits: first.clone(),
    });
    assert_eq!(
        app.view(),
        first.iter().map(|h| h.index).collect::<Vec<_>>()
    );
    assert!(app.is_searching(), "still searching");
    app.update(answer);
    assert!(!app.is_searching());
    assert_eq!(app.view().len(), hits.len());
    assert_eq!(app.selected(), 0, "the best result is selected");
    // Partials heard while it ran were each the search's own, best first among them.
    for p in partials.into_inner().unwrap() {
        let Action::SearchPartial {
            generation: g,
            hits,
        } = p
        else {
            panic!("{p:?}")
        };
        assert_eq!(g, generation);
        assert!(!hits.is_empty());
    }
}

#[test]
fn moving_during_a_slow_search_keeps_the_article_and_enter_lets_keys_act_at_once() {
    let (_, mut app) = pair(Filter::default());
    act(&mut app, Action::OpenSearch);
    let request = app
        .update(Action::SearchInput("gonghui".into()))
        .search
        .unwrap();
    let Some(Action::SearchFinished {
        generation, hits, ..
    }) = request.run_on(&app.index_cell(), &|| false)
    else {
        panic!("an answer")
    };
    // Enter while it runs: keys wait for its answer…
    app.update(Action::SearchAccept);
    assert!(app.awaits_kept_search());
    let some: Vec<_> = hits.iter().take(10).copied().collect();
    app.update(Action::SearchPartial {
        generation,
        hits: some.clone(),
    });
    // …and a partial answer is one: they act on it.
    assert!(!app.awaits_kept_search());
    app.update(Action::MoveDown);
    app.update(Action::MoveDown);
    let chosen = app.view()[app.selected()];
    app.update(Action::SearchFinished {
        generation,
        hits: hits.clone(),
        unread: None,
    });
    assert_eq!(
        app.view()[app.selected()],
        chosen,
        "the user's article stays"
    );
    // Left on the best so far, the final answer selects its own best.
    act(&mut app, Action::ClearFilters);
    act(&mut app, Action::OpenSearch);
    let request = app
        .update(Action::SearchInput("gonghui".into()))
        .search
        .unwrap();
    let generation = request.generation;
    let mut reversed = some.clone();
    reversed.reverse();
    app.update(Action::SearchPartial {
        generation,
        hits: reversed,
    });
    app.update(Action::SearchFinished {
        generation,
        hits,
        unread: None,
    });
    assert_eq!(app.selected(), 0);
}

#[test]
fn a_kept_session_is_restored_when_its_search_answers() {
    use kanbao::state::{Session, StateStore};
    let folder = &fixture().folder;
    let collection = lazy(folder);
    let id = collection.summary(42).unwrap().id.clone();
    let mut store = StateStore::disabled();
    store.set_session(
        "test",
        Session {
            query: "驿站".into(),
            selected: Some(id.clone()),
            by_date: true,
            ..Session::default()
        },
    );
    let opts = Options {
        restore: true,
        ..opts(Filter::default())
    };
    let mut app = App::new(collection, store, Vec::new(), opts);
    let request = app.update(Action::Resize(100, 30)).search.unwrap();
    assert!(
        app.is_searching(),
        "over an index every search answers later"
    );
    assert!(
        frame(&app).replace(' ', "").contains("搜索中"),
        "an empty list while searching says so, not that nothing matched"
    );
    let answer = request.run_on(&app.index_cell(), &|| false).unwrap();
    act(&mut app, answer);
    assert!(app.sorted_by_date(), "the sort is kept");
    assert_eq!(app.query_text(), "驿站");
    let selected = app.view()[app.selected()];
    assert_eq!(app.collection().summary(selected).unwrap().id, id);
}
