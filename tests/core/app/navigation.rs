//! Moving about: opening and paging an article, walking the list and the article with
//! brackets, resizes that keep the reading place and the list where it was, the district
//! picker, help, clicks and quitting.

use kanbao::action::Action;
use kanbao::app::{Context, Focus, Mode};
use kanbao::layout::LineRole;

use super::{app, run, top_position};
use crate::support;

#[test]
fn opening_shows_the_article_and_marks_it_read() {
    let mut app = app();
    let first = app.view()[0];
    assert!(!app.is_read(first));
    app.update(Action::Open);
    assert_eq!(app.context(), Context::Reader);
    assert_eq!(app.reader().unwrap().article, first);
    assert!(app.is_read(first));
    let lines = app.reader().unwrap().lines();
    assert_eq!(lines[0].role, LineRole::Kicker);
    app.update(Action::Back);
    assert_eq!(app.focus(), Focus::List);
}

#[test]
fn space_turns_the_page_and_the_counter_follows() {
    let mut app = app();
    app.update(Action::Resize(40, 12));
    app.update(Action::Open);
    let rows = app.rows();
    let (page, pages) = app.reader().unwrap().page(rows);
    assert_eq!(page, 1);
    assert!(pages > 3);
    app.update(Action::NextPage);
    assert_eq!(app.reader().unwrap().scroll(), rows);
    assert_eq!(app.reader().unwrap().page(rows).0, 2);
    app.update(Action::LineDown);
    assert_eq!(app.reader().unwrap().scroll(), rows + 1);
    app.update(Action::PrevPage);
    app.update(Action::PrevPage);
    assert_eq!(app.reader().unwrap().scroll(), 0);
    app.update(Action::LastPage);
    assert_eq!(app.reader().unwrap().page(rows), (pages, pages));
    app.update(Action::FirstPage);
    assert_eq!(app.reader().unwrap().scroll(), 0);
}

#[test]
fn a_resize_keeps_the_reading_position() {
    let mut app = app();
    app.update(Action::Resize(40, 12));
    run(
        &mut app,
        &[Action::Open, Action::NextPage, Action::NextPage],
    );
    let (paragraph, byte) = top_position(&app);
    for (w, h) in [(120, 40), (63, 20), (40, 12), (1, 1), (200, 60)] {
        app.update(Action::Resize(w, h));
        let reader = app.reader().unwrap();
        let lines = reader.lines();
        let at = lines
            .iter()
            .position(|l| l.paragraph == Some(paragraph) && l.range.contains(&byte))
            .unwrap();
        // The line holding the place is on top, or on screen when the end of the
        // article is too near for it to be on top.
        let last_top = lines.len().saturating_sub(app.rows());
        assert_eq!(reader.scroll(), at.min(last_top), "at {w}x{h}");
    }
    app.update(Action::Resize(40, 12));
    assert_eq!(top_position(&app), (paragraph, byte));
}

#[test]
fn the_picker_selects_xicheng() {
    let mut app = app();
    app.update(Action::OpenPicker);
    let Mode::Picker(picker) = app.mode() else {
        panic!("picker open");
    };
    let labels: Vec<&str> = picker.items().iter().map(|(k, _)| k.label()).collect();
    assert_eq!(labels.last(), Some(&"未注明"));
    let xc = labels.iter().position(|l| *l == "西城区").unwrap();
    assert_eq!(picker.items()[xc].1, 2);
    for _ in 0..xc {
        app.update(Action::PickerDown);
    }
    app.update(Action::PickerToggle);
    // Nothing changes until Enter.
    assert_eq!(app.view().len(), 7);
    app.update(Action::PickerApply);
    assert_eq!(app.view().len(), 2);
    for &i in app.view() {
        assert_eq!(app.collection()[i].district.as_deref(), Some("西城区"));
    }
    // Esc cancels: toggling more and cancelling keeps 西城区 only.
    run(
        &mut app,
        &[
            Action::OpenPicker,
            Action::PickerToggle,
            Action::PickerCancel,
        ],
    );
    assert_eq!(app.view().len(), 2);
    app.update(Action::ClearFilters);
    assert_eq!(app.view().len(), 7);
}

#[test]
fn brackets_walk_the_list_from_the_reader() {
    let mut app = app();
    app.update(Action::Open);
    let first = app.reader().unwrap().article;
    app.update(Action::NextArticle);
    let second = app.reader().unwrap().article;
    assert_ne!(first, second);
    assert_eq!(second, app.view()[1]);
    app.update(Action::PrevArticle);
    assert_eq!(app.reader().unwrap().article, first);
    app.update(Action::PrevArticle);
    assert_eq!(app.reader().unwrap().article, first, "stays at the first");
}

#[test]
fn the_list_scrolls_to_keep_the_selection_in_view() {
    let mut app = app();
    app.update(Action::Resize(40, 6));
    app.update(Action::Bottom);
    assert_eq!(app.selected(), 6);
    assert!(app.list_top() > 0);
    app.update(Action::Top);
    assert_eq!(app.list_top(), 0);
}

/// A screen made tiny and big again shows the list from where it was, not scrolled down
/// to the selection; a move after the resizes scrolls from where the list is then.
#[test]
fn a_resize_storm_leaves_the_list_where_it_was() {
    let mut app = app();
    app.update(Action::Resize(40, 12));
    app.update(Action::MoveDown);
    app.update(Action::MoveDown);
    assert_eq!((app.selected(), app.list_top()), (2, 0));
    for (w, h) in [(1, 1), (10, 3), (2, 2), (40, 12)] {
        app.update(Action::Resize(w, h));
    }
    assert_eq!((app.selected(), app.list_top()), (2, 0));
    // Smaller: scrolled as little as it takes to keep the selection in view.
    app.update(Action::Resize(40, 6));
    let small = app.geometry().list_items();
    assert_eq!(app.list_top(), 3 - small);
    app.update(Action::MoveDown);
    assert_eq!((app.selected(), app.list_top()), (3, 4 - small));
    // Bigger again: from where the list was then, as far up as it takes to fill the screen.
    app.update(Action::Resize(40, 12));
    let items = app.geometry().list_items();
    assert_eq!((app.selected(), app.list_top()), (3, 7 - items));
}

#[test]
fn help_scrolls_like_a_pager_and_closes_with_q_esc_or_question_mark() {
    let mut app = app();
    app.update(Action::Help);
    assert_eq!(app.context(), Context::Help);
    let lines = app.help_rows(Context::List).len();
    let page = app.help_page(Context::List);
    assert!(lines > page, "80x24 cannot show all {lines} rows at once");
    // Keys that do not scroll or close leave help as it is.
    app.update(Action::MoveDown);
    assert_eq!(app.context(), Context::Help);
    assert_eq!(app.selected(), 0);
    app.update(Action::LineDown);
    assert_eq!(support::help_scroll(&app), 1);
    app.update(Action::LineUp);
    app.update(Action::LineUp);
    assert_eq!(support::help_scroll(&app), 0, "stops at the top");
    app.update(Action::NextPage);
    assert_eq!(support::help_scroll(&app), page.min(lines - page));
    app.update(Action::LastPage);
    assert_eq!(
        support::help_scroll(&app),
        lines - page,
        "the last line at the bottom"
    );
    app.update(Action::NextPage);
    assert_eq!(
        support::help_scroll(&app),
        lines - page,
        "stops at the bottom"
    );
    app.update(Action::PrevPage);
    assert_eq!(support::help_scroll(&app), lines - 2 * page);
    app.update(Action::FirstPage);
    assert_eq!(support::help_scroll(&app), 0);
    // q, Esc and ? all map to Action::Help in the help's key table.
    app.update(Action::Help);
    assert_eq!(app.context(), Context::List);
    assert_eq!(app.selected(), 0, "the keys only scrolled and closed help");
}

#[test]
fn every_help_line_can_be_scrolled_into_view() {
    let mut app = app();
    app.update(Action::Resize(80, 24));
    app.update(Action::Help);
    let lines = app.help_lines(Context::List);
    let texts: Vec<&str> = lines.iter().map(|(_, what)| *what).collect();
    for needed in ["上一篇", "按地区筛选", "删除一个字", "应用", "关闭帮助"] {
        assert!(texts.contains(&needed), "{needed} in help");
    }
    assert!(
        lines
            .iter()
            .any(|(k, what)| k == "Ctrl-C" && *what == "退出")
    );
    app.update(Action::LastPage);
    let page = app.help_page(Context::List);
    let rows = app.help_rows(Context::List).len();
    assert_eq!(support::help_scroll(&app) + page, rows);
}

#[test]
fn quit_works_from_the_prompt() {
    let mut app = app();
    run(&mut app, &[Action::OpenSearch, Action::Quit]);
    assert!(app.should_quit());
}

#[test]
fn a_click_selects_and_a_second_click_opens() {
    let mut app = app();
    let g = app.geometry();
    app.update(Action::Click(g.list.x + 3, g.list.y + 2));
    assert_eq!(app.selected(), 1);
    app.update(Action::Click(g.list.x + 3, g.list.y + 3));
    assert_eq!(app.context(), Context::Reader);
}

#[test]
fn after_a_resize_the_list_is_not_left_scrolled_past_its_start() {
    // At 80x24 select article 3, open it, resize to 1x1, 20x6 and back, leave the reader.
    let mut app = app();
    run(
        &mut app,
        &[
            Action::MoveDown,
            Action::MoveDown,
            Action::Open,
            Action::Resize(1, 1),
            Action::Resize(20, 6),
            Action::Resize(80, 24),
            Action::Back,
        ],
    );
    assert_eq!(app.selected(), 2);
    assert_eq!(app.list_top(), 0, "all 7 articles fit at 80x24");
    // Where not all fit, the view scrolls only as far as the selection needs and never
    // leaves empty rows below the last article.
    app.update(Action::Resize(40, 8));
    let items = app.geometry().list_items();
    app.update(Action::Bottom);
    assert_eq!(app.list_top(), 7 - items);
    app.update(Action::Resize(40, 12));
    let items = app.geometry().list_items();
    assert_eq!(app.list_top(), 7 - items);
    assert!(app.selected() >= app.list_top() && app.selected() < app.list_top() + items);
}
