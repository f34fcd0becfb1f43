//! The search prompt as a user meets it (a hands-on test in tmux, session 27): what the
//! header, the list and the preview say while a query is typed, and what the help says of
//! `o`. Keys go into the `App`; what is checked is the frame it draws.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::{App, Focus, Options};
use kanbao::article::Article;
use kanbao::collection::Collection;
use kanbao::i18n::Lang;
use support::{act, screen};

/// The reader over the bundled page (7 articles, one day) on a `w`×`h` screen.
fn app_at(w: u16, h: u16) -> App {
    let opts = Options {
        source: "builtin".into(),
        ..Options::default()
    };
    let mut app = support::bundled_app(opts);
    app.update(Action::Resize(w, h));
    app
}

/// `/` then `text`, a key per character, each search run to its end.
fn type_search(app: &mut App, text: &str) {
    act(app, Action::OpenSearch);
    type_on(app, text);
}

/// More of the query, a key per character.
fn type_on(app: &mut App, text: &str) {
    for c in text.chars() {
        act(app, Action::SearchInput(c.to_string()));
    }
}

/// The header row of the frame.
fn header(app: &App, w: u16, h: u16) -> String {
    screen(app, w, h).lines().next().unwrap().to_string()
}

/// The status row (the prompt line while the prompt is open).
fn status(app: &App, w: u16, h: u16) -> String {
    screen(app, w, h).lines().last().unwrap().to_string()
}

/// Item 1. A bad operator value is refused: the list stays that of the last query searched
/// (docs/search.md §11), and the header must not give that list's count as the count of
/// the query beside it: it says the query is not valid, and the prompt line says why (in
/// the command line's words, shortened to fit: tests/core/prompt_refusals.rs).
#[test]
fn a_refused_query_shows_no_count_for_the_list_it_did_not_make() {
    let (w, h) = (100, 30);
    for (bad, why) in [
        (" date:2025-13", "date: 如 2024-03；不能取 `2025-13`"),
        (" district:火星", "district: 如 西城；不能取 `火星`"),
    ] {
        let mut app = app_at(w, h);
        type_search(&mut app, "驿站");
        let results = app.view().to_vec();
        assert!(
            header(&app, w, h).contains("2/7 篇"),
            "{}",
            header(&app, w, h)
        );
        // Pasted (or put in by an input method) at once.
        act(&mut app, Action::SearchInput(bad.into()));
        let top = header(&app, w, h);
        assert!(!top.contains("2/7"), "no stale count: {top}");
        assert!(top.contains("查询无效，列表未变"), "{top}");
        assert!(status(&app, w, h).contains(why), "{}", status(&app, w, h));
        assert_eq!(app.view(), results, "the list is left as it was");
        // Enter does not keep it; fixing the value searches again, with its count.
        act(&mut app, Action::SearchAccept);
        assert!(header(&app, w, h).contains("查询无效"));
        let fixed = bad.chars().count() - bad.find(':').unwrap() - 1;
        for _ in 0..fixed {
            act(&mut app, Action::SearchBackspace);
        }
        let top = header(&app, w, h);
        assert!(!top.contains("查询无效"), "{top}");
        assert!(top.contains("/7 篇"), "{top}");
    }
    // In English too.
    let opts = Options {
        source: "builtin".into(),
        lang: Lang::En,
        ..Options::default()
    };
    let mut app = support::bundled_app(opts);
    app.update(Action::Resize(w, h));
    type_search(&mut app, "驿站 kind:video");
    let top = header(&app, w, h);
    assert!(top.contains("invalid query, list kept"), "{top}");
    assert!(!top.contains("2/7"), "{top}");
}

/// Item 2. With the prompt open `c` is a letter of the query: the empty list must not say
/// 按 c 清除 then (the prompt line says Enter and Esc). Once the prompt is closed it does.
#[test]
fn an_empty_list_under_the_prompt_does_not_offer_c() {
    for (w, h) in [(80, 24), (120, 30)] {
        let mut app = app_at(w, h);
        type_search(&mut app, "没有这个词qqq");
        assert!(app.view().is_empty());
        let frame = screen(&app, w, h);
        assert!(frame.contains("没有符合条件的文章"), "{frame}");
        assert!(!frame.contains("按 c"), "at {w}x{h}:\n{frame}");
        assert!(status(&app, w, h).contains("Esc 取消"), "{frame}");
        // Typing `c` there types it.
        act(&mut app, Action::SearchInput("c".into()));
        assert_eq!(app.query_text(), "没有这个词qqqc");
        act(&mut app, Action::SearchAccept);
        let frame = screen(&app, w, h);
        assert!(frame.contains("（按 c"), "the list offers c: {frame}");
    }
}

/// Three articles: the best match for 工会 is the oldest, the newest the worst.
fn dated() -> Collection {
    let article = |id: &str, date: &str, text: &str| Article {
        id: id.into(),
        title: format!("文章{id}"),
        date: Some(date.into()),
        paragraphs: vec![text.into()],
        ..Article::default()
    };
    Collection::from(vec![
        article("a", "2024-03-03", "工会。"),
        article("b", "2024-03-02", "工会工会。"),
        article("c", "2024-03-01", "工会工会工会。"),
    ])
}

/// Item 3. What `o` does: in the list with a search, it lists the results newest first (and
/// back to best first); without one the list is newest first already and `o` says so; in
/// the reader and the picker it does nothing, and in the prompt it is a letter. The help
/// says that in a few words, the direction of the date order included.
#[test]
fn o_sorts_a_search_newest_first_as_the_help_says() {
    let opts = Options {
        source: "dated".into(),
        ..Options::default()
    };
    let mut app = support::app_over(dated(), opts);
    app.update(Action::Resize(80, 24));
    let ids = |app: &App| support::shown_ids(app).concat();
    assert_eq!(ids(&app), "abc", "newest first without a search");
    act(&mut app, Action::ToggleSort);
    assert_eq!(ids(&app), "abc");
    assert!(app.status().unwrap().contains("列表已按日期从新到旧"));
    type_search(&mut app, "工会o");
    assert_eq!(app.query_text(), "工会o", "in the prompt o is a letter");
    act(&mut app, Action::SearchBackspace);
    act(&mut app, Action::SearchAccept);
    assert_eq!(ids(&app), "cba", "best first");
    act(&mut app, Action::ToggleSort);
    assert_eq!(ids(&app), "abc", "newest first");
    assert!(header(&app, 80, 24).contains("按日期"));
    act(&mut app, Action::ToggleSort);
    assert_eq!(ids(&app), "cba", "best first again");
    act(&mut app, Action::Help);
    let help = screen(&app, 80, 24);
    let line = help.lines().find(|l| l.contains("│ o ")).unwrap();
    assert!(line.contains("搜索结果按相关度 / 从新到旧"), "{line}");
    act(&mut app, Action::Help);
    let opts = Options {
        source: "dated".into(),
        lang: Lang::En,
        ..Options::default()
    };
    let mut app = support::app_over(dated(), opts);
    app.update(Action::Resize(80, 24));
    act(&mut app, Action::Help);
    let help = screen(&app, 80, 24);
    let line = help.lines().find(|l| l.contains("│ o ")).unwrap();
    assert!(line.contains("results best / newest first"), "{line}");
}

/// Item 4. Side by side, the reader beside the list previews the selected row. While a
/// search is typed the list shows its results with the best selected: the preview follows
/// that row as it does once the prompt is closed. The article is laid out again only when
/// the selected article changes, not at every key (a preview paged down stays paged).
#[test]
fn side_by_side_the_preview_follows_the_list_while_a_search_is_typed() {
    let (w, h) = (120, 16);
    let mut app = app_at(w, h);
    act(&mut app, Action::MoveDown);
    act(&mut app, Action::MoveDown);
    let before = app.reader().unwrap().article;
    assert_eq!(before, app.view()[2]);
    type_search(&mut app, "驿站");
    let selected = app.view()[app.selected()];
    assert_ne!(selected, before, "the search selects another article");
    assert_eq!(
        app.reader().unwrap().article,
        selected,
        "the preview follows"
    );
    assert_eq!(app.focus(), Focus::List);
    assert!(!app.is_read(selected), "a preview is not read");
    // The frame's preview pane shows the selected row's title.
    let title = app.collection().get(selected).unwrap().title.clone();
    let frame = screen(&app, w, h);
    let shown = frame.lines().take(6).any(|l| {
        l.split('│')
            .nth(1)
            .is_some_and(|pane| pane.contains(&title))
    });
    assert!(shown, "{title}:\n{frame}");
    // Kept with Enter, the preview paged down; then keys that keep the same article
    // selected: it is not laid out again (it would be back at its top).
    act(&mut app, Action::SearchAccept);
    act(&mut app, Action::PreviewNextPage);
    let paged = app.reader().unwrap().scroll();
    assert!(paged > 0);
    let article = app.reader().unwrap().article;
    act(&mut app, Action::OpenSearch);
    act(&mut app, Action::SearchRight);
    type_on(&mut app, " 大兴");
    assert_eq!(app.query_text(), "驿站 大兴");
    assert_eq!(app.view()[app.selected()], article, "the best is this one");
    assert_eq!(app.reader().unwrap().scroll(), paged, "the same preview");
    // Nothing found: no preview; Esc brings the one before `/` back.
    type_on(&mut app, "qqq");
    assert!(app.view().is_empty());
    assert!(app.reader().is_none(), "no row, no preview");
    act(&mut app, Action::SearchCancel);
    assert_eq!(app.reader().unwrap().article, article);
    assert_eq!(app.reader().unwrap().scroll(), paged);
}

/// Item 4, the cost side: the hits of a query of many terms are found in the article when
/// the prompt closes, not at every key (issue 16); a preview that follows the results while
/// such a query is typed waits for them in the same way.
#[test]
fn a_preview_that_follows_a_query_of_many_terms_finds_its_hits_once_kept() {
    use kanbao::app::BACKGROUND_SEARCH_TERMS;
    let mut app = app_at(120, 40);
    act(&mut app, Action::Bottom);
    let before = app.reader().unwrap().article;
    act(&mut app, Action::OpenSearch);
    // Distinct words of the first article: a word pasted again is the same term, searched
    // once.
    let first = &app.collection()[app.view()[0]];
    let mut chars: Vec<char> = first.paragraphs.concat().chars().collect();
    chars.retain(|c| ('\u{4e00}'..='\u{9fff}').contains(c));
    chars.sort_unstable();
    chars.dedup();
    let words: Vec<String> = chars
        .iter()
        .take(BACKGROUND_SEARCH_TERMS + 1)
        .map(char::to_string)
        .collect();
    act(&mut app, Action::SearchInput(words.join(" ")));
    assert!(app.query().terms().len() > BACKGROUND_SEARCH_TERMS);
    let selected = app.view()[app.selected()];
    assert_ne!(selected, before);
    assert_eq!(
        app.reader().unwrap().article,
        selected,
        "the preview follows"
    );
    assert_eq!(app.reader().unwrap().hit_count().1, 0, "not found yet");
    act(&mut app, Action::SearchAccept);
    assert_eq!(app.reader().unwrap().article, selected);
    assert!(app.reader().unwrap().hit_count().1 > 0, "found once kept");
}

/// A date typed key by key (`t`, then `2024-03-02`) is searched as it grows without the
/// refusal of each half-typed value (`date:2`, `date:202`, `date:2024-0`, which a hands-on
/// test saw flicker 查询无效 at most keys); `Enter` on one still refuses it.
#[test]
fn a_date_being_typed_is_no_refusal_until_enter() {
    let opts = Options {
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(dated(), opts);
    app.update(Action::Resize(100, 30));
    act(&mut app, Action::OpenSearch);
    type_on(&mut app, "工会 date:");
    for c in "2024-03-0".chars() {
        act(&mut app, Action::SearchInput(c.to_string()));
        assert_eq!(app.query_error(), None, "at {c}");
        assert_eq!(app.view().len(), 3, "工会 alone is searched meanwhile");
        assert!(!header(&app, 100, 30).contains("查询无效"));
    }
    act(&mut app, Action::SearchAccept);
    assert!(
        app.query_error().is_some_and(|e| e.contains("date:")),
        "Enter refuses date:2024-03-0"
    );
    act(&mut app, Action::SearchInput("2".into()));
    act(&mut app, Action::SearchAccept);
    assert_eq!(app.query_error(), None);
    assert_eq!(app.view().len(), 1, "date:2024-03-02");
    // Not a date at all is refused as it is typed.
    act(&mut app, Action::OpenSearch);
    type_on(&mut app, " date:明");
    assert!(app.query_error().is_some());
}

/// `o` shows the new order from its first row (a hands-on test, session 27: at a million
/// articles it stayed on the article selected before, at 473879/758597).
#[test]
fn o_shows_the_new_order_from_its_first_row() {
    let opts = Options {
        query: "工会".into(),
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(dated(), opts);
    app.update(Action::Resize(100, 30));
    let ids = |app: &App| support::shown_ids(app);
    assert_eq!(ids(&app), ["c", "b", "a"], "best first");
    // b is the second row in either order: the selection must move, not stay on it.
    act(&mut app, Action::MoveDown);
    act(&mut app, Action::ToggleSort);
    assert_eq!(ids(&app), ["a", "b", "c"], "newest first");
    assert_eq!(app.selected(), 0, "at the newest");
    act(&mut app, Action::MoveDown);
    act(&mut app, Action::ToggleSort);
    assert_eq!(app.selected(), 0, "at the best");
}
