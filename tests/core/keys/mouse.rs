//! The mouse (`--mouse`): the wheel scrolls the pane or box under the pointer, a click on a
//! picker row moves its cursor there and toggles it, clicks elsewhere do nothing, and no
//! cell of a tiny screen makes it panic.

use kanbao::app::{App, Context, Focus, Mode};
use kanbao::tui::keymap::action_for;
use ratatui::crossterm::event::{Event, KeyCode, MouseButton, MouseEvent, MouseEventKind};

use super::{NONE, bundled, drawn_at, key, press, sized};
use crate::support;

/// Turns the mouse wheel one notch with the pointer at (`x`, `y`).
fn wheel(app: &mut App, x: u16, y: u16, down: bool) {
    let kind = if down {
        MouseEventKind::ScrollDown
    } else {
        MouseEventKind::ScrollUp
    };
    let event = Event::Mouse(MouseEvent {
        kind,
        column: x,
        row: y,
        modifiers: NONE,
    });
    if let Some(action) = action_for(app.context(), &event) {
        app.update(action);
    }
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    // Side by side, the list focused: the wheel over the reader scrolls the preview and
    // leaves the selection (and so the previewed article) and the focus alone.
    let mut app = bundled(120, 30);
    let g = app.geometry();
    assert!(g.side_by_side);
    let previewed = app.reader().unwrap().article;
    let (rx, ry) = (g.reader.x + 5, g.reader.y + 5);
    wheel(&mut app, rx, ry, true);
    assert_eq!(app.selected(), 0);
    assert_eq!(app.focus(), Focus::List);
    assert_eq!(app.reader().unwrap().article, previewed);
    assert_eq!(app.reader().unwrap().scroll(), 3);
    wheel(&mut app, rx, ry, false);
    assert_eq!(app.reader().unwrap().scroll(), 0);
    // Over the list it moves the selection, and the preview follows.
    wheel(&mut app, g.list.x + 2, g.list.y + 1, true);
    assert_eq!(app.selected(), 1);
    assert_ne!(app.reader().unwrap().article, previewed);
    // With the reader focused, the wheel over the list still moves the list.
    key(&mut app, 'k');
    press(&mut app, KeyCode::Tab, NONE);
    assert_eq!(app.context(), Context::Reader);
    wheel(&mut app, g.list.x + 2, g.list.y + 1, true);
    assert_eq!(app.selected(), 1);
    // On the header, the status bar or the separator, nothing happens.
    let before = (app.selected(), app.reader().unwrap().scroll());
    for (x, y) in [(5, 0), (5, 29), (g.separator.x, 5)] {
        wheel(&mut app, x, y, true);
    }
    assert_eq!((app.selected(), app.reader().unwrap().scroll()), before);

    // One pane at a time: the wheel acts on the pane shown.
    let mut app = bundled(80, 24);
    wheel(&mut app, 10, 5, true);
    assert_eq!(app.selected(), 1);
    wheel(&mut app, 10, 5, false);
    assert_eq!(app.selected(), 0);
    key(&mut app, 'l');
    wheel(&mut app, 10, 5, true);
    assert_eq!(app.selected(), 0);
    assert_eq!(app.reader().unwrap().scroll(), 3);
}

/// A left click at (`x`, `y`), as the terminal reports it with `--mouse`.
fn click(app: &mut App, x: u16, y: u16) {
    let event = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x,
        row: y,
        modifiers: NONE,
    });
    if let Some(action) = action_for(app.context(), &event) {
        app.update(action);
    }
}

fn picker(app: &App) -> &kanbao::app::Picker {
    match app.mode() {
        Mode::Picker(p) => p,
        _ => panic!("the picker is open"),
    }
}

fn position_of(app: &App, district: &str) -> usize {
    picker(app)
        .items()
        .iter()
        .position(|(k, _)| k.label() == district)
        .unwrap()
}

fn is_on(app: &App, district: &str) -> bool {
    let p = picker(app);
    p.chosen()
        .contains(&p.items()[position_of(app, district)].0)
}

#[test]
fn a_click_on_a_picker_row_moves_the_cursor_there_and_toggles_it() {
    for (w, h) in [(120, 40), (40, 12)] {
        let mut app = bundled(w, h);
        key(&mut app, 'd');
        let tongzhou = position_of(&app, "通州区");
        assert_ne!(picker(&app).cursor(), tongzhou);
        // Anywhere on the row: the tick box, the name, the count.
        let (x, y) = drawn_at(&app, "[ ] 通州区").expect("the row is drawn");
        click(&mut app, x + 5, y);
        assert_eq!(picker(&app).cursor(), tongzhou, "{w}x{h}");
        assert!(
            is_on(&app, "通州区"),
            "{w}x{h}: a click toggles, as Space does"
        );
        click(&mut app, x, y);
        assert!(!is_on(&app, "通州区"), "{w}x{h}: and again");
        let (x, y) = drawn_at(&app, "[ ] 大兴区").unwrap();
        let (x, y) = (x + 6, y);
        click(&mut app, x, y);
        assert_eq!(picker(&app).cursor(), position_of(&app, "大兴区"));
        let layout = app.picker_layout().unwrap();
        // The title, the hint, the frame and everything outside the box: nothing happens,
        // and the picker stays open.
        let before = app.mode().clone();
        let outer = layout.overlay.outer;
        let misses = [
            (layout.rows.x, layout.rows.y - 1),
            (layout.rows.x, layout.rows.y + layout.rows.height),
            (outer.x, layout.rows.y),
            (outer.x + outer.width - 1, layout.rows.y),
            (outer.x.saturating_sub(1), layout.rows.y),
            (0, 0),
            (0, h - 1),
            (w - 1, h - 1),
        ];
        for (x, y) in misses {
            click(&mut app, x, y);
            assert_eq!(app.mode(), &before, "{w}x{h}: a click at ({x}, {y})");
        }
        // Enter applies what the clicks chose.
        press(&mut app, KeyCode::Enter, NONE);
        assert_eq!(app.context(), Context::List);
        assert_eq!(app.view().len(), 1, "{w}x{h}: 大兴区 only");
    }
}

#[test]
fn the_wheel_over_the_picker_moves_its_cursor_and_scrolls_it() {
    for (w, h) in [(120, 40), (40, 12)] {
        // 17 districts: at 40x12 they do not all fit and the box scrolls.
        let mut app = sized(support::every_district(), w, h);
        key(&mut app, 'd');
        let layout = app.picker_layout().unwrap();
        let inside = (layout.rows.x + 1, layout.rows.y + 1);
        // Outside the box the wheel does nothing (at 40x12 the box fills the screen).
        let outer = layout.overlay.outer;
        assert_eq!(outer.contains(0, 0), h == 12);
        wheel(&mut app, 0, 0, true);
        assert_eq!(picker(&app).cursor(), usize::from(h == 12), "{w}x{h}");
        wheel(&mut app, 0, 0, false);
        for n in 1..=20 {
            wheel(&mut app, inside.0, inside.1, true);
            assert_eq!(picker(&app).cursor(), n.min(16), "{w}x{h}");
        }
        let layout = app.picker_layout().unwrap();
        assert_eq!(
            layout.first,
            17 - layout.visible,
            "{w}x{h}: the end in view"
        );
        if h == 12 {
            assert!(layout.visible < 17);
        }
        // Back up by the wheel: the box scrolls only once the cursor reaches its top.
        let first = layout.first;
        for _ in 0..layout.visible - 1 {
            wheel(&mut app, inside.0, inside.1, false);
        }
        assert_eq!(app.picker_layout().unwrap().first, first, "{w}x{h}");
        wheel(&mut app, inside.0, inside.1, false);
        assert_eq!(
            app.picker_layout().unwrap().first,
            first.saturating_sub(1),
            "{w}x{h}"
        );
        // A click on a row after scrolling picks the district drawn there, and the box
        // does not move under the pointer.
        let layout = app.picker_layout().unwrap();
        let shown = layout.first + layout.visible - 1;
        let name = picker(&app).items()[shown].0.label().to_string();
        let (x, y) = drawn_at(&app, &format!("[ ] {name}")).unwrap();
        assert_eq!(y, layout.rows.y + layout.rows.height - 1);
        click(&mut app, x, y);
        assert_eq!(picker(&app).cursor(), shown, "{w}x{h}: {name}");
        assert!(is_on(&app, &name));
        assert_eq!(app.picker_layout().unwrap().first, layout.first);
        let (x, y) = (layout.rows.x, layout.rows.y);
        click(&mut app, x, y);
        assert_eq!(picker(&app).cursor(), layout.first, "{w}x{h}: the top row");
        assert_eq!(app.picker_layout().unwrap().first, layout.first);
    }
}

#[test]
fn the_wheel_scrolls_the_help_like_j_and_k_and_a_click_does_nothing() {
    for (w, h) in [(120, 40), (40, 12)] {
        let mut app = bundled(w, h);
        key(&mut app, '?');
        let lines = app.help_rows(Context::List).len();
        let outer = app.help_box(Context::List).outer;
        let page = app.help_page(Context::List);
        let last = lines.saturating_sub(page);
        let (x, y) = (outer.x + outer.width / 2, outer.y + outer.height / 2);
        for n in 1..=last + 2 {
            wheel(&mut app, x, y, true);
            assert_eq!(support::help_scroll(&app), n.min(last), "{w}x{h}");
        }
        key(&mut app, 'k');
        wheel(&mut app, x, y, false);
        assert_eq!(
            support::help_scroll(&app),
            last.saturating_sub(2),
            "{w}x{h}: k and the wheel"
        );
        // Outside the box (the header row) the wheel does nothing; at 40x12 the help
        // fills the screen, and there is no outside.
        assert_eq!(outer.contains(0, 0), w < 60, "{w}x{h}: {outer:?}");
        wheel(&mut app, 0, 0, false);
        let outside = if w < 60 { 3 } else { 2 };
        assert_eq!(
            support::help_scroll(&app),
            last.saturating_sub(outside),
            "{w}x{h}"
        );
        // A click, in the box or out, changes nothing and leaves the help open.
        let before = app.mode().clone();
        for (cx, cy) in [(x, y), (outer.x, outer.y), (0, 0), (w - 1, h - 1)] {
            click(&mut app, cx, cy);
            assert_eq!(app.mode(), &before, "{w}x{h}: a click at ({cx}, {cy})");
        }
        key(&mut app, 'q');
        assert_eq!(app.context(), Context::List);
    }
}

#[test]
fn clicks_and_the_wheel_on_every_cell_of_tiny_screens_do_not_panic() {
    for w in 1..=14 {
        for h in 1..=7 {
            for open in ['d', '?'] {
                let mut app = sized(support::every_district(), w, h);
                key(&mut app, open);
                for y in 0..h + 1 {
                    for x in 0..w + 1 {
                        wheel(&mut app, x, y, true);
                        click(&mut app, x, y);
                        wheel(&mut app, x, y, false);
                        assert_ne!(app.context(), Context::List, "{w}x{h} {open}");
                    }
                }
                drawn_at(&app, "x");
            }
        }
    }
    // At 1x1 the picker has no rows to click.
    let mut app = sized(support::every_district(), 1, 1);
    key(&mut app, 'd');
    click(&mut app, 0, 0);
    assert!(picker(&app).chosen().is_empty());
}
