//! Paging by key: the list by a screen of items, the reader, the help and the picker by
//! pages and half pages, staying in range; side by side, Space and b page the preview as
//! in `less`.

use kanbao::app::{App, Context, Focus, Mode};
use kanbao::article::Article;
use kanbao::collection::Collection;
use kanbao::tui::theme::Theme;
use ratatui::crossterm::event::KeyCode;

use super::{NONE, bundled, ctrl, key, many, press, sized};
use crate::support;

#[test]
fn the_list_pages_by_a_screen_of_items() {
    for (w, h) in [(80, 24), (120, 40), (40, 12)] {
        let mut app = sized(many(1000), w, h);
        let items = app.geometry().list_items();
        assert!(items > 2, "{w}x{h}");
        // PageDown and Ctrl-F, and with no preview beside the list Space and f: one screen
        // down; the selection keeps its row. (Side by side Space and f page the preview.)
        let side = app.geometry().side_by_side;
        key(&mut app, 'j');
        press(&mut app, KeyCode::PageDown, NONE);
        assert_eq!(app.selected(), 1 + items, "{w}x{h}");
        assert_eq!(app.list_top(), items);
        if side {
            press(&mut app, KeyCode::PageDown, NONE);
            ctrl(&mut app, 'f');
            press(&mut app, KeyCode::PageDown, NONE);
        } else {
            key(&mut app, ' ');
            key(&mut app, 'f');
            ctrl(&mut app, 'f');
        }
        assert_eq!(app.selected(), 1 + 4 * items);
        assert_eq!(app.list_top(), 4 * items);
        // PageUp and Ctrl-B, and with no preview b: one screen up.
        if side {
            press(&mut app, KeyCode::PageUp, NONE);
        } else {
            key(&mut app, 'b');
        }
        press(&mut app, KeyCode::PageUp, NONE);
        ctrl(&mut app, 'b');
        assert_eq!(app.selected(), 1 + items);
        assert_eq!(app.list_top(), items);
        // Ctrl-D / Ctrl-U: half a screen.
        ctrl(&mut app, 'd');
        assert_eq!(app.selected(), 1 + items + items / 2);
        ctrl(&mut app, 'u');
        ctrl(&mut app, 'u');
        assert_eq!(app.selected(), 1 + items - items / 2);
        assert_eq!(app.context(), Context::List, "paging opens nothing");
        // The ends stop it: the last screen is full, the selection on the last article.
        for _ in 0..1000 {
            press(&mut app, KeyCode::PageDown, NONE);
        }
        assert_eq!(app.selected(), 999);
        assert_eq!(app.list_top(), 1000 - items);
        for _ in 0..1000 {
            press(&mut app, KeyCode::PageUp, NONE);
        }
        assert_eq!((app.selected(), app.list_top()), (0, 0));
    }
}

#[test]
fn list_paging_a_short_list_or_a_tiny_screen_stays_in_range() {
    let mut app = bundled(80, 24);
    key(&mut app, ' ');
    assert_eq!((app.selected(), app.list_top()), (6, 0), "all 7 fit");
    ctrl(&mut app, 'u');
    assert!(app.selected() < 6);
    for (w, h) in [(1, 1), (40, 3), (100, 5)] {
        let mut app = sized(many(50), w, h);
        for _ in 0..60 {
            ctrl(&mut app, 'd');
        }
        assert_eq!(app.selected(), 49, "{w}x{h}");
        ctrl(&mut app, 'b');
        assert!(app.selected() < 49);
    }
}

#[test]
fn side_by_side_paging_the_list_moves_the_preview() {
    let mut app = sized(many(1000), 120, 40);
    press(&mut app, KeyCode::PageDown, NONE);
    let items = app.geometry().list_items();
    assert_eq!(app.focus(), Focus::List);
    assert_eq!(app.reader().unwrap().article, app.view()[items]);
}

#[test]
fn the_reader_pages_with_ctrl_f_b_and_half_pages_with_ctrl_d_u() {
    let mut app = bundled(40, 12);
    key(&mut app, 'l');
    assert_eq!(app.context(), Context::Reader);
    let rows = app.rows();
    let scroll = |app: &App| app.reader().unwrap().scroll();
    ctrl(&mut app, 'f');
    assert_eq!(scroll(&app), rows);
    ctrl(&mut app, 'd');
    assert_eq!(scroll(&app), rows + rows / 2);
    ctrl(&mut app, 'u');
    assert_eq!(scroll(&app), rows);
    ctrl(&mut app, 'b');
    assert_eq!(scroll(&app), 0);
    assert_eq!(app.context(), Context::Reader);
    // Ctrl-U in the reader is not u (read/unread) and does not leave it.
    assert!(app.is_read(app.view()[0]));
}

#[test]
fn the_help_pages_with_ctrl_f_b_d_u() {
    let mut app = bundled(40, 12);
    key(&mut app, '?');
    let scroll = |app: &App| match app.mode() {
        Mode::Help { scroll, .. } => *scroll,
        _ => panic!("help is open"),
    };
    let lines = app.help_rows(Context::List).len();
    let page = app.help_page(Context::List);
    assert!(page >= 2 && lines > 3 * page);
    ctrl(&mut app, 'f');
    assert_eq!(scroll(&app), page);
    ctrl(&mut app, 'd');
    assert_eq!(scroll(&app), page + page / 2);
    ctrl(&mut app, 'u');
    assert_eq!(scroll(&app), page);
    ctrl(&mut app, 'b');
    assert_eq!(scroll(&app), 0);
}

#[test]
fn the_picker_jumps_and_pages_and_space_still_toggles() {
    let mut app = sized(support::every_district(), 80, 12);
    key(&mut app, 'd');
    let cursor = |app: &App| match app.mode() {
        Mode::Picker(p) => p.cursor(),
        _ => panic!("the picker is open"),
    };
    let page = app.picker_layout().unwrap().visible;
    assert!(page > 1 && page < 17);
    key(&mut app, 'G');
    assert_eq!(cursor(&app), 16);
    key(&mut app, 'g');
    assert_eq!(cursor(&app), 0);
    press(&mut app, KeyCode::End, NONE);
    assert_eq!(cursor(&app), 16);
    press(&mut app, KeyCode::Home, NONE);
    assert_eq!(cursor(&app), 0);
    press(&mut app, KeyCode::PageDown, NONE);
    assert_eq!(cursor(&app), page);
    press(&mut app, KeyCode::PageUp, NONE);
    assert_eq!(cursor(&app), 0);
    ctrl(&mut app, 'd');
    assert_eq!(cursor(&app), page / 2);
    ctrl(&mut app, 'u');
    assert_eq!(cursor(&app), 0);
    for _ in 0..5 {
        press(&mut app, KeyCode::PageDown, NONE);
    }
    assert_eq!(cursor(&app), 16, "paging stops at the last");
    // Space toggles, as before.
    key(&mut app, ' ');
    press(&mut app, KeyCode::Enter, NONE);
    assert_eq!(app.view().len(), 1);
}

/// One long article, and a second, so that a page of the preview is less than the text.
fn long_articles() -> Collection {
    let articles: Vec<Article> = (0..40)
        .map(|i| Article {
            id: format!("l{i}"),
            title: format!("第{i}篇"),
            paragraphs: vec![
                "天宫院街道总工会相继建成2家24小时工会驿站。".repeat(30);
                20
            ],
            ..Article::default()
        })
        .collect();
    Collection::from(articles)
}

#[test]
fn side_by_side_space_and_b_page_the_preview_as_in_less() {
    let mut app = sized(long_articles(), 120, 40);
    assert!(app.geometry().side_by_side);
    let rows = app.rows();
    let scroll = |app: &App| app.reader().unwrap().scroll();
    key(&mut app, ' ');
    assert_eq!(scroll(&app), rows, "Space turns the preview's page");
    key(&mut app, 'f');
    assert_eq!(scroll(&app), 2 * rows);
    key(&mut app, 'b');
    assert_eq!(scroll(&app), rows);
    // The list keeps the focus and its selection; the preview stays unread.
    assert_eq!(app.focus(), Focus::List);
    assert_eq!((app.selected(), app.list_top()), (0, 0));
    assert!(!app.is_read(app.view()[0]));
    // The list still pages on PgDn, Ctrl-F, PgUp and Ctrl-B.
    press(&mut app, KeyCode::PageDown, NONE);
    let items = app.geometry().list_items();
    assert_eq!(app.selected(), items);
    ctrl(&mut app, 'b');
    assert_eq!(app.selected(), 0);
    // The bar and the help say what Space does.
    let theme = Theme::new(true, false);
    let terminal = support::draw(&app, &theme, 120, 40);
    let screen = format!("{}", terminal.backend());
    let bar = screen.lines().last().unwrap();
    assert!(bar.contains("空格 预览翻页"), "{bar}");
    let help = app.help_lines(Context::List);
    assert!(
        help.iter()
            .any(|(k, what)| k == "空格 f" && *what == "预览下一页"),
        "{help:?}"
    );
    assert!(
        help.iter()
            .any(|(k, what)| k == "PgDn Ctrl-F" && *what == "下一屏"),
        "{help:?}"
    );
    // Without a preview beside the list, Space pages the list, and the help says so.
    let mut narrow = sized(long_articles(), 80, 24);
    key(&mut narrow, ' ');
    assert_eq!(narrow.selected(), narrow.geometry().list_items());
    assert!(narrow.reader().is_none() || narrow.context() == Context::List);
    let help = narrow.help_lines(Context::List);
    assert!(
        help.iter()
            .any(|(k, what)| k == "空格 PgDn f Ctrl-F" && *what == "下一屏"),
        "{help:?}"
    );
}
