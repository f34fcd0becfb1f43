//! The reader while a slow search is still running (a hands-on test at a million articles,
//! session 30): the list shows the answers found so far (`Action::SearchPartial`), and what
//! the screen says and the keys do must hold for the partial list and for the whole answer
//! that follows it. The search is driven by hand: its request is taken from the app and its
//! answers are handed back as the searcher's thread would, so no test waits on a clock.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::{App, Focus, Mode, Options, PickerCounts};
use kanbao::article::Article;
use kanbao::collection::Collection;
use kanbao::i18n::Lang;
use kanbao::search::SearchHit;

/// Articles in the collection.
const ARTICLES: usize = 60;

/// A query of more terms than the app searches on its own thread: it is searched off it,
/// as every search of a large archive is, whatever the collection's size.
const SLOW: &str = "工会 驿站 司机 快递 服务 职工 街道 社区 劳动";

/// `ARTICLES` articles, a district each of three.
fn collection() -> Collection {
    let districts = ["朝阳区", "海淀区", "西城区"];
    let articles: Vec<Article> = (0..ARTICLES)
        .map(|i| Article {
            id: format!("a{i}"),
            title: format!("第{i}篇"),
            district: Some(districts[i % 3].to_string()),
            paragraphs: vec!["正文。".to_string()],
            ..Article::default()
        })
        .collect();
    Collection::from(articles)
}

/// The reader over [`collection`] at 80×24, one pane at a time.
fn app() -> App {
    let mut app = support::app_over(
        collection(),
        Options {
            source: "test".into(),
            ..Options::default()
        },
    );
    app.update(Action::Resize(80, 24));
    app
}

/// Types [`SLOW`] and keeps it: the app asks for the search and waits for its answers.
/// Returns the search's generation.
fn start_slow_search(app: &mut App) -> u64 {
    app.update(Action::ClearFilters);
    app.update(Action::OpenSearch);
    let request = app
        .update(Action::SearchInput(SLOW.into()))
        .search
        .expect("searched off the UI thread");
    app.update(Action::SearchAccept);
    assert!(app.is_searching());
    request.generation
}

/// The first `n` articles as a search's hits, best first.
fn hits(n: usize) -> Vec<SearchHit> {
    ranked(&(0..n).collect::<Vec<_>>())
}

/// The articles at `ranked` as a search's hits, in that order (best first).
fn ranked(ranked: &[usize]) -> Vec<SearchHit> {
    (ranked.iter())
        .map(|&index| SearchHit {
            index,
            hits: 1,
            title_hits: 0,
        })
        .collect()
}

/// The first `n` rows of a running search's answer arrive.
fn partial(app: &mut App, generation: u64, n: usize) {
    app.update(Action::SearchPartial {
        generation,
        hits: hits(n),
    });
}

/// The search ends with `n` rows.
fn finished(app: &mut App, generation: u64, n: usize) {
    app.update(Action::SearchFinished {
        generation,
        hits: hits(n),
        unread: None,
    });
}

/// The header's row and the status bar's row, as drawn.
fn header_and_footer(app: &App) -> (String, String) {
    let screen = support::screen(app, 80, 24);
    let rows: Vec<&str> = screen.lines().collect();
    (rows[0].trim().to_string(), rows[23].trim().to_string())
}

#[test]
fn the_header_and_the_status_bar_give_one_count_while_a_search_runs() {
    let mut app = app();
    let generation = start_slow_search(&mut app);
    let (header, _) = header_and_footer(&app);
    assert!(header.ends_with("…/60 篇"), "nothing found yet: {header}");
    partial(&mut app, generation, 5);
    assert!(app.is_partial());
    let (header, footer) = header_and_footer(&app);
    // The list is the five found so far: both say five, both say more may come.
    assert!(header.ends_with("5…/60 篇"), "{header}");
    assert!(footer.starts_with("1/5…"), "{footer}");
    partial(&mut app, generation, 12);
    let (header, footer) = header_and_footer(&app);
    assert!(header.ends_with("12…/60 篇"), "{header}");
    assert!(footer.starts_with("1/12…"), "{footer}");
    finished(&mut app, generation, 20);
    assert!(!app.is_partial());
    let (header, footer) = header_and_footer(&app);
    assert!(header.ends_with(" 20/60 篇"), "the final count: {header}");
    assert!(footer.starts_with("1/20 "), "{footer}");
}

#[test]
fn g_while_a_search_runs_goes_to_its_last_article_not_the_last_found_so_far() {
    let mut app = app();
    let generation = start_slow_search(&mut app);
    // `G` before anything is found: the end of the answer to come.
    app.update(Action::Bottom);
    partial(&mut app, generation, 5);
    assert_eq!(app.selected(), 4, "the last row found so far");
    partial(&mut app, generation, 12);
    assert_eq!(app.selected(), 11, "still the last row as rows come");
    finished(&mut app, generation, 20);
    assert_eq!(app.selected(), 19, "the search's last article");
    // Eleven articles fit on the screen: the last is on its last row.
    assert_eq!(
        app.list_top() + 10,
        19,
        "in view, at the foot of the screen"
    );
    // `G` once some are listed does the same.
    let generation = start_slow_search(&mut app);
    partial(&mut app, generation, 5);
    assert_eq!(app.selected(), 0, "a new search starts at its best");
    app.update(Action::Bottom);
    assert_eq!(app.selected(), 4);
    partial(&mut app, generation, 12);
    finished(&mut app, generation, 20);
    assert_eq!(app.selected(), 19);
    // Once it has ended, `G` is just the last row: a later answer does not move it.
    app.update(Action::MoveUp);
    assert_eq!(app.selected(), 18);
}

#[test]
fn a_move_after_g_stops_following_the_end() {
    let mut app = app();
    let generation = start_slow_search(&mut app);
    partial(&mut app, generation, 5);
    app.update(Action::Bottom);
    app.update(Action::MoveUp);
    assert_eq!(app.selected(), 3);
    partial(&mut app, generation, 12);
    finished(&mut app, generation, 20);
    assert_eq!(app.view()[app.selected()], 3, "the user's article stays");
    // Any key, not only a move: `m` on the last row acts on that article and stays there.
    let generation = start_slow_search(&mut app);
    partial(&mut app, generation, 5);
    app.update(Action::Bottom);
    app.update(Action::ToggleBookmark);
    finished(&mut app, generation, 20);
    assert_eq!(app.view()[app.selected()], 4);
}

/// The open picker's `(district, count)` rows.
fn picker_counts(app: &App) -> Vec<(String, usize)> {
    let Mode::Picker(picker) = app.mode() else {
        panic!("the picker is not open: {:?}", app.mode())
    };
    (picker.items().iter())
        .map(|(key, n)| (key.label().to_string(), *n))
        .collect()
}

fn counts(chaoyang: usize, haidian: usize, xicheng: usize) -> Vec<(String, usize)> {
    vec![
        ("西城区".to_string(), xicheng),
        ("朝阳区".to_string(), chaoyang),
        ("海淀区".to_string(), haidian),
    ]
}

#[test]
fn the_picker_counts_the_search_and_follows_it_while_it_runs() {
    let mut app = app();
    app.update(Action::OpenPicker);
    assert_eq!(picker_counts(&app), counts(20, 20, 20), "the whole data");
    app.update(Action::PickerCancel);
    let generation = start_slow_search(&mut app);
    partial(&mut app, generation, 6);
    app.update(Action::OpenPicker);
    // Articles 0–5 of districts 朝阳 海淀 西城 in turn: what the list holds so far.
    assert_eq!(picker_counts(&app), counts(2, 2, 2));
    let title = |app: &App| match app.mode() {
        Mode::Picker(p) => (p.counts(), p.title(Lang::Zh)),
        _ => panic!("closed"),
    };
    assert_eq!(title(&app).0, PickerCounts::SoFar);
    assert!(title(&app).1.contains("搜索中"), "{}", title(&app).1);
    app.update(Action::PickerDown);
    partial(&mut app, generation, 9);
    assert_eq!(picker_counts(&app), counts(3, 3, 3), "as the answers come");
    finished(&mut app, generation, 20);
    assert_eq!(picker_counts(&app), counts(7, 7, 6), "the whole answer");
    assert_eq!(title(&app).0, PickerCounts::Listed);
    assert!(title(&app).1.contains("当前结果"), "{}", title(&app).1);
    // The cursor stayed where the user put it; a district chosen does not change the
    // counts of the others (each is what the list would hold with that one on).
    app.update(Action::PickerToggle);
    app.update(Action::PickerApply);
    assert_eq!(app.view().len(), 7, "朝阳区 of the twenty");
    app.update(Action::OpenPicker);
    assert_eq!(picker_counts(&app), counts(7, 7, 6));
}

/// The article open in the reader, the focus, and the selected article.
fn open_and_selected(app: &App) -> (Option<usize>, Focus, usize) {
    let open = app.reader().map(|r| r.article);
    (open, app.focus(), app.view()[app.selected()])
}

/// A hands-on test at a million articles (120×40): `Enter` on the best answer so far, and
/// the next answer, whose best is another article, took the reader and the focus from it.
/// Opening an article, as any key, is the user's own: the list stops following its best.
#[test]
fn an_article_opened_while_a_search_runs_stays_open_as_the_answers_come() {
    for (width, height) in [(120, 40), (80, 24)] {
        let mut app = app();
        app.update(Action::Resize(width, height));
        let generation = start_slow_search(&mut app);
        partial(&mut app, generation, 5);
        assert_eq!(app.view()[app.selected()], 0, "the best so far");
        app.update(Action::Open);
        assert_eq!(open_and_selected(&app), (Some(0), Focus::Reader, 0));
        // Re-ranked: another best, article 0 third; then the whole answer, 0 second.
        let answer = ranked(&[7, 3, 0, 1, 2, 4]);
        app.update(Action::SearchPartial {
            generation,
            hits: answer,
        });
        let at = (width, height);
        assert_eq!(
            open_and_selected(&app),
            (Some(0), Focus::Reader, 0),
            "{at:?}"
        );
        assert_eq!(
            app.selected(),
            2,
            "{at:?}: the selection follows the open article"
        );
        app.update(Action::SearchFinished {
            generation,
            hits: ranked(&[9, 0, 7, 3, 1, 2, 4]),
            unread: None,
        });
        assert_eq!(
            open_and_selected(&app),
            (Some(0), Focus::Reader, 0),
            "{at:?}"
        );
        assert_eq!(app.selected(), 1, "{at:?}");
    }
    // Any other key on the best row too: `m` bookmarks it, and it stays selected.
    let mut app = app();
    let generation = start_slow_search(&mut app);
    partial(&mut app, generation, 5);
    app.update(Action::ToggleBookmark);
    app.update(Action::SearchPartial {
        generation,
        hits: ranked(&[7, 3, 0]),
    });
    assert_eq!(app.view()[app.selected()], 0);
}

/// The status bar's first field, as drawn at 80×24.
fn place(app: &App) -> String {
    let (_, footer) = header_and_footer(app);
    footer
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string()
}

/// Whether the list's first title is drawn dim (with colours, at 80×24).
fn first_title_dim(app: &App) -> bool {
    let theme = kanbao::tui::theme::Theme::new(true, false);
    let terminal = support::draw(app, &theme, 80, 24);
    let buffer = terminal.backend().buffer();
    // The header's row, then the first item: its title (`第0篇`, `第1篇`…) after the marks.
    let x = (0..80).find(|&x| buffer[(x, 1)].symbol() == "第");
    let cell = &buffer[(x.expect("a title on the list's first row"), 1)];
    cell.modifier.contains(ratatui::style::Modifier::DIM)
}

/// A hands-on test at a million articles: before a slow search's first answer, the list
/// still held the previous query's rows and the status bar their count (`1/617749`),
/// beside the header's `…/1000000 篇`. Until the first answer the place is `…`, as the
/// header's count is, and the previous rows are drawn dim.
#[test]
fn before_its_first_answer_a_search_shows_the_previous_rows_as_previous() {
    let mut app = app();
    assert_eq!(place(&app), "1/60");
    assert!(!first_title_dim(&app));
    let generation = start_slow_search(&mut app);
    assert_eq!(app.view().len(), 60, "the previous answer, still listed");
    assert_eq!(place(&app), "…", "not the previous answer's place");
    assert!(first_title_dim(&app), "the previous rows are dim");
    partial(&mut app, generation, 5);
    assert_eq!(place(&app), "1/5…");
    assert!(!first_title_dim(&app), "the search's own rows");
    finished(&mut app, generation, 20);
    assert_eq!(place(&app), "1/20");
    // In the reader, the place of its article in the previous list is not given either.
    app.update(Action::Open);
    assert_eq!(place(&app), "1/20");
    let generation = start_slow_search(&mut app);
    let (_, footer) = header_and_footer(&app);
    assert!(footer.starts_with("…  第"), "{footer}");
    finished(&mut app, generation, 20);
    assert_eq!(place(&app), "1/20");
    // While the prompt is open the list follows the typing: not dimmed at every key.
    app.update(Action::Back);
    app.update(Action::OpenSearch);
    app.update(Action::SearchInput(format!("{SLOW} 工人")));
    assert!(app.shows_previous_answer());
    assert!(!first_title_dim(&app));
}

/// A hands-on test: after a search that found nothing, side by side, the bar still offered
/// `空格 预览翻页`, with no preview to page.
#[test]
fn an_empty_list_offers_no_key_that_acts_on_an_article() {
    let mut app = app();
    app.update(Action::Resize(120, 40));
    let bar = |app: &App| {
        support::screen(app, 120, 40)
            .lines()
            .last()
            .unwrap()
            .to_string()
    };
    assert!(bar(&app).contains("空格 预览翻页"), "{}", bar(&app));
    let generation = start_slow_search(&mut app);
    finished(&mut app, generation, 0);
    assert!(app.view().is_empty());
    let bar = bar(&app);
    assert!(!bar.contains("预览"), "{bar}");
    assert!(bar.contains("/ 搜索"), "what can act still shows: {bar}");
}
