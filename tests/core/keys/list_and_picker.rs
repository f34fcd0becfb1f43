//! The list and the district picker by key: brackets move the list's selection side by side
//! only, q closes the picker as Esc does, a district with no articles can be unticked, and
//! the list draws a result's date before its snippet and wraps the message for none.

use kanbao::action::Action;
use kanbao::app::{Context, Focus, Mode, Options};
use kanbao::article::Article;
use kanbao::collection::Collection;
use kanbao::filter::DistrictFilter;
use ratatui::crossterm::event::KeyCode;

use super::{NONE, bundled, drawn_at, key, press, sized, type_text};
use crate::support;

#[test]
fn q_closes_the_district_picker_like_esc() {
    for from_reader in [false, true] {
        let mut app = bundled(80, 24);
        if from_reader {
            key(&mut app, 'l');
        }
        let context = app.context();
        key(&mut app, 'd');
        assert_eq!(app.context(), Context::Picker);
        // Toggle a district on, then q: the toggle is dropped, as with Esc.
        key(&mut app, ' ');
        key(&mut app, 'q');
        assert_eq!(app.context(), context, "back where d was pressed");
        assert!(!app.should_quit(), "q in the picker does not quit");
        assert!(app.filter().is_empty());
        assert_eq!(app.view().len(), 7);
    }
}

#[test]
fn side_by_side_brackets_in_the_list_move_the_selection_and_the_preview() {
    let mut app = bundled(120, 40);
    key(&mut app, ']');
    assert_eq!(app.selected(), 1);
    assert_eq!(app.focus(), Focus::List, "the list keeps the focus");
    assert_eq!(
        app.reader().unwrap().article,
        app.view()[1],
        "the preview follows"
    );
    assert!(!app.is_read(app.view()[1]), "a preview is not read");
    key(&mut app, '[');
    assert_eq!(app.selected(), 0);
    assert_eq!(app.status(), None);
    // At the ends, the reader's messages.
    key(&mut app, '[');
    assert_eq!(app.selected(), 0);
    assert_eq!(app.status(), Some("已是第一篇"));
    key(&mut app, 'G');
    key(&mut app, ']');
    assert_eq!(app.selected(), 6);
    assert_eq!(app.status(), Some("已是最后一篇"));
    // Any other key clears the message.
    key(&mut app, 'k');
    assert_eq!(app.status(), None);
    // An empty list: nothing to move to, nothing to say.
    key(&mut app, '/');
    type_text(&mut app, "没有这个词qqq");
    press(&mut app, KeyCode::Enter, NONE);
    assert!(app.view().is_empty());
    key(&mut app, ']');
    assert_eq!(app.status(), None);
}

#[test]
fn one_pane_at_a_time_brackets_in_the_list_do_nothing() {
    let mut app = bundled(80, 24);
    key(&mut app, ']');
    assert_eq!(app.selected(), 0);
    assert_eq!(app.status(), None);
    assert_eq!(app.context(), Context::List);
    // In the reader they still open the next article.
    key(&mut app, 'l');
    key(&mut app, ']');
    assert_eq!(app.reader().unwrap().article, app.view()[1]);
    assert!(app.is_read(app.view()[1]));
}

#[test]
fn a_district_with_no_articles_from_the_command_line_can_be_unticked() {
    // `kanbao --district haidian` on the bundled page, which has no 海淀区 article.
    let opts = Options {
        source: "test".into(),
        filter: DistrictFilter::parse(&["haidian"]).unwrap().into(),
        ..Options::default()
    };
    let mut app = support::bundled_app(opts);
    app.update(Action::Resize(80, 24));
    assert!(app.view().is_empty());
    key(&mut app, 'd');
    let Mode::Picker(picker) = app.mode() else {
        panic!("the picker is open")
    };
    let at = picker
        .items()
        .iter()
        .position(|(k, _)| k.label() == "海淀区")
        .expect("the chosen district is listed");
    assert_eq!(picker.items()[at].1, 0);
    for _ in 0..at {
        key(&mut app, 'j');
    }
    key(&mut app, ' ');
    press(&mut app, KeyCode::Enter, NONE);
    assert!(app.filter().is_empty());
    assert_eq!(app.view().len(), 7);
}

/// With a search on, each row's second line is a snippet around the first hit, after the
/// article's date when it has one (titles repeat from day to day in an archive).
#[test]
fn search_results_keep_the_date_before_the_snippet() {
    let articles = (1..=3)
        .map(|d| Article {
            id: format!("d{d}"),
            title: "各级工会“摆摊设点”促建会".to_string(),
            date: Some(format!("2024-05-0{d}")),
            paragraphs: vec!["活动现场，工作人员为职工讲解工会驿站的服务。".to_string()],
            ..Article::default()
        })
        .collect();
    let collection = Collection::new(None, articles);
    for (w, h) in [(80, 24), (40, 12)] {
        let mut app = sized(collection.clone(), w, h);
        key(&mut app, '/');
        type_text(&mut app, "驿站");
        press(&mut app, KeyCode::Enter, NONE);
        let (x, y) = drawn_at(&app, "2024-05-01 · ").expect("the date is on the row");
        let (sx, sy) = drawn_at(&app, "驿站的服务").expect("the snippet follows");
        assert_eq!(sy, y, "{w}x{h}: one line");
        assert!(sx > x, "{w}x{h}: after the date");
    }
}

/// When nothing matches, the list says so and how to get out (`c`), wrapped to the pane
/// rather than cut, side by side and in one pane.
#[test]
fn the_empty_list_message_is_wrapped_not_cut() {
    for (w, h) in [(120, 40), (40, 12), (80, 24)] {
        let mut app = bundled(w, h);
        key(&mut app, '/');
        type_text(&mut app, "没有这个词");
        press(&mut app, KeyCode::Enter, NONE);
        assert!(app.view().is_empty());
        assert!(drawn_at(&app, "没有符合条件的文章").is_some(), "{w}x{h}");
        assert!(
            drawn_at(&app, "索）").is_some(),
            "{w}x{h}: the end is shown"
        );
    }
}
