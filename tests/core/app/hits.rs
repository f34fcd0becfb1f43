//! A search's hits in the reader: `n` and `N` walk them (on from the screen, as in `less`)
//! and say when they wrap, searching from inside the reader goes to the first match, and
//! what is lit is what the search counts: the byline yes, the meta line no, nothing for a
//! blank or quote-only query.

use kanbao::action::Action;
use kanbao::app::{Context, Options};
use kanbao::article::Article;
use kanbao::collection::Collection;
use kanbao::i18n::Lang;
use kanbao::layout::LineRole;
use kanbao::load::load_bundled;

use super::{app, app_with_query, current_hit_line, run, type_search};
use crate::support;

#[test]
fn n_and_shift_n_walk_the_hits() {
    let mut app = app_with_query("驿站");
    app.update(Action::Open);
    let reader = app.reader().unwrap();
    let (_, total) = reader.hit_count();
    assert!(total >= 2);
    app.update(Action::NextMatch);
    assert_eq!(app.reader().unwrap().hit_count().0, Some(0));
    app.update(Action::NextMatch);
    assert_eq!(app.reader().unwrap().hit_count().0, Some(1));
    app.update(Action::PrevMatch);
    app.update(Action::PrevMatch);
    assert_eq!(
        app.reader().unwrap().hit_count().0,
        Some(total - 1),
        "wraps"
    );
    // The current hit is on screen.
    let reader = app.reader().unwrap();
    let lit: Vec<usize> = (0..reader.lines().len())
        .filter(|&l| reader.hits_on(l).any(|(_, current)| current))
        .collect();
    assert!(!lit.is_empty());
    assert!(lit[0] >= reader.scroll() && lit[0] < reader.scroll() + app.rows());
    let line = &reader.lines()[lit[0]];
    let (range, _) = reader.hits_on(lit[0]).find(|(_, c)| *c).unwrap();
    assert_eq!(&line.text[range], "驿站");
}

#[test]
fn the_reader_says_when_n_wraps_and_when_brackets_hit_an_end() {
    let mut app = app_with_query("驿站");
    app.update(Action::Open);
    let total = app.reader().unwrap().hit_count().1;
    for _ in 0..total {
        app.update(Action::NextMatch);
        assert_eq!(app.status(), None, "no message before the wrap");
    }
    app.update(Action::NextMatch);
    assert_eq!(app.status(), Some("已回到第一处"));
    app.update(Action::PrevMatch);
    assert_eq!(app.status(), Some("已回到最后一处"));
    app.update(Action::PrevArticle);
    assert_eq!(app.status(), Some("已是第一篇"));
    app.update(Action::Bottom);
    app.update(Action::NextArticle);
    app.update(Action::NextArticle);
    assert_eq!(app.status(), Some("已是最后一篇"));
}

#[test]
fn enter_in_the_prompt_goes_to_the_first_match_in_the_open_article() {
    // 40x12: Enter g /传记 Enter; the only 传记 is on page 6.
    let mut app = app();
    app.update(Action::Resize(40, 12));
    run(&mut app, &[Action::Open, Action::FirstPage]);
    let open = app.reader().unwrap().article;
    type_search(&mut app, "传记");
    app.update(Action::SearchAccept);
    assert_eq!(app.context(), Context::Reader);
    assert_eq!(app.reader().unwrap().article, open);
    let (count, total) = app.reader().unwrap().hit_count();
    assert_eq!((count, total), (Some(0), 1));
    let line = current_hit_line(&app).unwrap();
    let (scroll, rows) = (app.reader().unwrap().scroll(), app.rows());
    assert!(
        line >= scroll && line < scroll + rows,
        "the hit is on screen"
    );
    assert!(app.reader().unwrap().page(rows).0 > 1, "moved off page 1");
}

#[test]
fn enter_in_the_prompt_goes_to_the_first_match_below_the_top_or_wraps() {
    let mut app = app_with_query("工会");
    app.update(Action::Resize(40, 12));
    app.update(Action::Open);
    let rows = app.rows();
    let hits = app.reader().unwrap().hit_count().1;
    assert!(hits > 2);
    // From the middle: the first hit at or below the top line.
    run(&mut app, &[Action::NextPage, Action::NextPage]);
    let top = app.reader().unwrap().scroll();
    run(&mut app, &[Action::OpenSearch, Action::SearchAccept]);
    let line = current_hit_line(&app).unwrap();
    assert!(line >= top, "at or below the top line");
    let reader = app.reader().unwrap();
    assert!(line >= reader.scroll() && line < reader.scroll() + rows);
}

#[test]
fn enter_in_the_prompt_wraps_to_the_first_match_from_below_the_last() {
    let mut app = app();
    app.update(Action::Resize(40, 12));
    run(&mut app, &[Action::Open, Action::LastPage]);
    let top = app.reader().unwrap().scroll();
    type_search(&mut app, "传记");
    app.update(Action::SearchAccept);
    let line = current_hit_line(&app).unwrap();
    assert!(line < top, "the only hit is above the last page");
    assert_eq!(app.reader().unwrap().hit_count(), (Some(0), 1));
    let reader = app.reader().unwrap();
    assert!(line >= reader.scroll() && line < reader.scroll() + app.rows());
}

#[test]
fn n_without_a_search_says_how_to_search() {
    for (lang, no_search) in [
        (Lang::Zh, "没有搜索，按 / 搜索"),
        (Lang::En, "No search: press / to search"),
    ] {
        let opts = Options {
            lang,
            source: "builtin".into(),
            ..Options::default()
        };
        let mut app = support::bundled_app(opts);
        app.update(Action::Resize(80, 24));
        app.update(Action::Open);
        let scroll = app.reader().unwrap().scroll();
        for step in [Action::NextMatch, Action::PrevMatch] {
            app.update(step);
            assert_eq!(app.status(), Some(no_search), "{lang:?}");
            assert_eq!(app.reader().unwrap().scroll(), scroll, "nothing moved");
        }
        // With a search, n walks the hits and says nothing until it wraps.
        run(
            &mut app,
            &[
                Action::OpenSearch,
                Action::SearchInput("驿站".into()),
                Action::SearchAccept,
            ],
        );
        assert_eq!(app.context(), Context::Reader);
        app.update(Action::NextMatch);
        assert_eq!(app.status(), None, "{lang:?}");
        assert!(app.reader().unwrap().hit_count().0.is_some());
        // A search of conditions alone has nothing to walk, and says so (it said there was
        // no search until session 25).
        let only = match lang {
            Lang::Zh => "这次搜索只有条件，没有要找的词",
            _ => "this search has only conditions, no words to find",
        };
        run(
            &mut app,
            &[
                Action::OpenSearch,
                Action::SearchInput("kind:news".into()),
                Action::SearchAccept,
            ],
        );
        app.update(Action::NextMatch);
        assert_eq!(app.status(), Some(only), "{lang:?}");
    }
}

/// Search looks in the byline (docs/contract.md §5), so the reader shows it, dim, above the body: a
/// hit in it is highlighted and `n` goes to it. `kanbao show` keeps docs/contract.md §2's lines.
#[test]
fn a_hit_in_the_byline_is_shown_and_walked_to() {
    let mut app = app_with_query("本报讯");
    app.update(Action::Open);
    let reader = app.reader().unwrap();
    let byline: Vec<usize> = reader
        .lines()
        .iter()
        .enumerate()
        .filter(|(_, l)| l.role == LineRole::Byline)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(byline.len(), 1);
    let line = &reader.lines()[byline[0]];
    assert!(line.text.starts_with("本报讯（记者"), "{}", line.text);
    assert_eq!(reader.lines()[byline[0] - 1].role, LineRole::Blank);
    assert_eq!(reader.lines()[byline[0] + 1].role, LineRole::Body);
    assert_eq!(reader.hit_count().1, 1, "the byline's hit");
    app.update(Action::NextMatch);
    let reader = app.reader().unwrap();
    assert_eq!(reader.hit_count().0, Some(0));
    assert!(reader.hits_on(byline[0]).any(|(_, current)| current));
    // `show` lays out the same article without it.
    let article = &load_bundled().unwrap()[0];
    let shown = kanbao::layout::layout_article(article, 80, &Default::default());
    assert!(shown.iter().all(|l| l.role != LineRole::Byline));
}

/// Issue 16: a blank or quote-only query shows every article, and nothing is highlighted,
/// whether it comes from `--query` or the prompt.
#[test]
fn a_blank_or_quote_only_query_shows_every_article_without_highlight() {
    for query in ["", " ", "\"", "\"\"", "\" \"", "“”", "\u{3000}"] {
        let mut started = app_with_query(query);
        assert!(started.query().is_empty(), "{query:?}");
        assert_eq!(started.view().len(), 7, "{query:?}");
        started.update(Action::Open);
        assert_eq!(started.reader().unwrap().hit_count().1, 0, "{query:?}");
        let mut app = app();
        run(
            &mut app,
            &[Action::OpenSearch, Action::SearchInput(query.into())],
        );
        assert_eq!(app.view().len(), 7, "{query:?}");
        app.update(Action::SearchAccept);
        assert_eq!(app.view().len(), 7, "{query:?}");
        assert_eq!(app.status(), None, "{query:?}");
    }
}

/// Issue 16: a lone curly quote is searched for as a character, and highlighted.
#[test]
fn a_lone_curly_quote_is_searched_for() {
    for query in ["“", "”"] {
        let mut app = app_with_query(query);
        assert!(!app.query().is_empty(), "{query}");
        app.update(Action::Open);
        // Article 1's title quotes twice, its text many times.
        assert!(app.reader().unwrap().hit_count().1 > 2, "{query}");
    }
}

/// The meta line (district · reporters · kind) is the reader's summary, not searched text:
/// `n` walks only the hits the search counts. A hands-on test (session 26) saw 匹配 1/2 for
/// `"记者 白兰"`, the first on the meta line, where `kanbao search` counts one hit (in the
/// byline).
#[test]
fn n_walks_the_hits_the_search_counts_not_the_meta_line() {
    let article = Article {
        id: "a1".into(),
        title: "工会暖心服务".into(),
        reporters: vec!["白兰玲".into()],
        byline: Some("本报讯（记者 白兰玲）".into()),
        paragraphs: vec!["职工休息。".into()],
        ..Article::default()
    };
    let collection = Collection::from(vec![article]);
    let query = kanbao::search::Query::parse("\"记者 白兰\"");
    let counted = kanbao::search::search_articles(collection.as_slice(), &query, 0..1);
    assert_eq!(counted.len(), 1);
    let opts = Options {
        query: "\"记者 白兰\"".into(),
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(collection, opts);
    app.update(Action::Resize(80, 24));
    app.update(Action::Open);
    let reader = app.reader().unwrap();
    let meta = reader.lines().iter().position(|l| l.role == LineRole::Meta);
    let meta = meta.expect("a meta line");
    assert!(
        reader.lines()[meta].text.contains("白兰玲"),
        "the meta line names her"
    );
    assert_eq!(reader.hit_count().1, counted[0].hits);
    assert_eq!(
        reader.hits_on(meta).count(),
        0,
        "nothing lit on the meta line"
    );
}

/// As in `less`, `n` goes on from the screen once the current hit has been scrolled away
/// (a hands-on test, session 27: after `G`, `n` jumped back to the second hit on page 1).
#[test]
fn n_after_scrolling_goes_on_from_the_screen_as_in_less() {
    let paragraphs: Vec<String> = (0..40)
        .map(|i| format!("第{i}段：工会驿站为户外劳动者提供休息的地方。"))
        .collect();
    let article = Article {
        id: "a1".into(),
        title: "驿站".into(),
        paragraphs,
        ..Article::default()
    };
    let opts = Options {
        query: "驿站".into(),
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(Collection::from(vec![article]), opts);
    app.update(Action::Resize(80, 24));
    app.update(Action::Open);
    app.update(Action::NextMatch);
    let (first, total) = app.reader().unwrap().hit_count();
    assert!(total > 30, "{total} hits");
    let first = first.expect("a current hit");
    app.update(Action::LastPage);
    let bottom = app.reader().unwrap().scroll();
    assert!(bottom > 0, "the article is longer than a screen");
    app.update(Action::NextMatch);
    let reader = app.reader().unwrap();
    let now = reader.hit_count().0.expect("a current hit");
    assert!(
        now > first + 1,
        "from the screen, not the hit after {first}: {now}"
    );
    assert_eq!(
        reader.scroll(),
        bottom,
        "the hit was on screen: nothing moved"
    );
    // Back at the top, `N` goes back from the screen too: to the last hit on it.
    app.update(Action::FirstPage);
    app.update(Action::PrevMatch);
    let reader = app.reader().unwrap();
    assert_eq!(reader.scroll(), 0, "a hit on the first screen");
    assert!(reader.hit_count().0.expect("a current hit") < now);
}
