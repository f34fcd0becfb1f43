//! The status bar's hints over an empty list (a hands-on test, session 30): with nothing
//! listed the bar still offered `d 地区`, the district picker, as it had offered
//! `空格 预览翻页` with no preview to page (removed the session before). With nothing listed
//! `d` is noise, unless the districts chosen are what emptied the list: then `d` is the way
//! out, and the bar keeps it.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::{App, Context, Options};
use kanbao::article::Article;
use kanbao::collection::Collection;
use kanbao::filter::{DistrictFilter, Filter};

/// Three articles: `驿站` in 朝阳区, `工会` in 海淀区 and in 西城区.
fn collection() -> Collection {
    let articles = [("朝阳区", "驿站"), ("海淀区", "工会"), ("西城区", "工会")]
        .iter()
        .enumerate()
        .map(|(i, (district, word))| Article {
            id: format!("a{i}"),
            title: format!("第{i}篇，说{word}"),
            district: Some((*district).into()),
            paragraphs: vec![format!("正文说{word}。")],
            ..Article::default()
        })
        .collect::<Vec<_>>();
    Collection::from(articles)
}

/// The reader at `w`×`h`, started with `query` and the `districts` chosen (as
/// `kanbao --district 海淀区 驿站` starts it).
fn app(w: u16, h: u16, query: &str, districts: &[&str]) -> App {
    let opts = Options {
        query: query.into(),
        filter: Filter::from(DistrictFilter::parse(districts).unwrap()),
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(collection(), opts);
    app.update(Action::Resize(w, h));
    app
}

/// The status bar, as drawn.
fn bar(app: &App) -> String {
    let screen = app.geometry().screen;
    let drawn = support::screen(app, screen.width, screen.height);
    drawn.lines().last().unwrap().trim().to_string()
}

/// One pane and side by side.
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

#[test]
fn a_search_that_found_nothing_offers_no_district_picker() {
    for (w, h) in SIZES {
        for districts in [&[][..], &["海淀区"][..]] {
            let app = app(w, h, "xqxq", districts);
            assert!(app.view().is_empty());
            let bar = bar(&app);
            assert!(!bar.contains("地区"), "{w}x{h} {districts:?}: {bar}");
            assert!(!bar.contains("预览"), "{w}x{h} {districts:?}: {bar}");
            assert!(bar.contains("/ 搜索"), "what can act still shows: {bar}");
        }
    }
}

#[test]
fn a_list_the_districts_emptied_keeps_d_the_way_out() {
    for (w, h) in SIZES {
        // `驿站` is found, in 朝阳区 only: 海淀区 is what empties the list.
        let mut app = app(w, h, "驿站", &["海淀区"]);
        assert!(app.view().is_empty());
        let shown = bar(&app);
        assert!(shown.contains("d 地区"), "{w}x{h}: {shown}");
        assert!(
            !shown.contains("预览"),
            "{w}x{h}: nothing to preview: {shown}"
        );
        // `d` is the way out: the picker, where 海淀区 can be left.
        app.update(Action::OpenPicker);
        assert_eq!(app.context(), Context::Picker, "{w}x{h}");
        app.update(Action::PickerCancel);
        // The list is not empty without the search: `d` as ever.
        let mut app = self::app(w, h, "", &["海淀区"]);
        assert_eq!(app.view().len(), 1);
        assert!(bar(&app).contains("d 地区"), "{w}x{h}: {}", bar(&app));
        // Searching for what is only elsewhere empties it: the districts did.
        app.update(Action::OpenSearch);
        app.update(Action::SearchInput("驿站".into()));
        app.update(Action::SearchAccept);
        assert!(app.view().is_empty());
        assert!(bar(&app).contains("d 地区"), "{w}x{h}: {}", bar(&app));
        // And for what is nowhere: the search did.
        app.update(Action::OpenSearch);
        app.update(Action::SearchInput("xqxq".into()));
        app.update(Action::SearchAccept);
        assert!(app.view().is_empty());
        assert!(!bar(&app).contains("地区"), "{w}x{h}: {}", bar(&app));
    }
}

/// `Esc` in the prompt brings the list back as it was, and with it what emptied it: the
/// typed query listed something meanwhile, but the list `Esc` restores is the districts'.
#[test]
fn esc_from_the_prompt_brings_back_the_hints_of_the_list_it_restores() {
    let mut app = app(80, 24, "驿站", &["海淀区"]);
    assert!(bar(&app).contains("d 地区"), "{}", bar(&app));
    app.update(Action::OpenSearch);
    app.update(Action::SearchInput("xqxq".into()));
    app.update(Action::SearchCancel);
    assert!(app.view().is_empty());
    assert!(bar(&app).contains("d 地区"), "{}", bar(&app));

    let mut app = self::app(80, 24, "xqxq", &["海淀区"]);
    assert!(!bar(&app).contains("地区"), "{}", bar(&app));
    app.update(Action::OpenSearch);
    app.update(Action::SearchInput("驿站".into()));
    app.update(Action::SearchCancel);
    assert!(app.view().is_empty());
    assert!(!bar(&app).contains("地区"), "{}", bar(&app));
}

/// A list with articles offers `d` as ever, one pane and side by side.
#[test]
fn a_list_with_articles_offers_d() {
    for (w, h) in SIZES {
        let app = app(w, h, "工会", &[]);
        assert_eq!(app.view().len(), 2);
        assert!(bar(&app).contains("d 地区"), "{w}x{h}: {}", bar(&app));
    }
}
