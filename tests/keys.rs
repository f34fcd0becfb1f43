//! The reader driven by key presses, as a user types them: each key goes through the key
//! table (`keymap::action_for`) for the context the app is in, then to `App::update`.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

mod support;

use kanbao::action::Action;
use kanbao::app::Mode;
use kanbao::app::{App, Context, Focus, Options};
use kanbao::article::Article;
use kanbao::collection::Collection;
use kanbao::filter::DistrictFilter;
use kanbao::load::load_bundled;
use kanbao::tui::keymap::action_for;
use kanbao::tui::theme::Theme;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

/// Presses one key; returns whether the key table had an action for it.
fn press(app: &mut App, code: KeyCode, mods: KeyModifiers) -> bool {
    let event = Event::Key(KeyEvent::new(code, mods));
    match action_for(app.context(), &event) {
        Some(action) => {
            app.update(action);
            true
        }
        None => false,
    }
}

fn key(app: &mut App, c: char) {
    assert!(press(app, KeyCode::Char(c), NONE), "{c} is bound");
}

fn ctrl(app: &mut App, c: char) {
    assert!(press(app, KeyCode::Char(c), CTRL), "Ctrl-{c} is bound");
}

fn sized(collection: Collection, w: u16, h: u16) -> App {
    let opts = Options {
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(collection, opts);
    app.update(Action::Resize(w, h));
    app
}

/// `n` short articles.
fn many(n: usize) -> Collection {
    let articles: Vec<Article> = (0..n)
        .map(|i| Article {
            id: format!("a{i}"),
            title: format!("第{i}篇"),
            paragraphs: vec!["天宫院街道总工会相继建成2家24小时工会驿站。".to_string()],
            ..Article::default()
        })
        .collect();
    Collection::from(articles)
}

fn bundled(w: u16, h: u16) -> App {
    sized(load_bundled().unwrap(), w, h)
}

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
fn ctrl_u_in_the_prompt_still_erases_to_the_start() {
    let mut app = bundled(80, 24);
    key(&mut app, '/');
    for c in "gonghui".chars() {
        key(&mut app, c);
    }
    press(&mut app, KeyCode::Left, NONE);
    ctrl(&mut app, 'u');
    assert_eq!(app.query_text(), "i");
    assert_eq!(app.context(), Context::Search);
}

const ALT: KeyModifiers = KeyModifiers::ALT;

/// The prompt's cursor, as a byte offset into the query.
fn cursor(app: &App) -> usize {
    match app.mode() {
        kanbao::app::Mode::Search { cursor, .. } => *cursor,
        other => panic!("the prompt is not open: {other:?}"),
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, c);
    }
}

#[test]
fn ctrl_h_erases_like_backspace() {
    let mut app = bundled(80, 24);
    key(&mut app, '/');
    type_text(&mut app, "工会驿站");
    ctrl(&mut app, 'h');
    assert_eq!(app.query_text(), "工会驿");
    press(&mut app, KeyCode::Backspace, NONE);
    assert_eq!(app.query_text(), "工会");
    assert_eq!(app.context(), Context::Search, "Ctrl-H is not h (back)");
}

#[test]
fn delete_and_ctrl_k_erase_after_the_cursor() {
    let mut app = bundled(80, 24);
    key(&mut app, '/');
    type_text(&mut app, "工会驿站");
    press(&mut app, KeyCode::Home, NONE);
    press(&mut app, KeyCode::Right, NONE);
    assert!(press(&mut app, KeyCode::Delete, NONE));
    assert_eq!(app.query_text(), "工驿站");
    assert_eq!(cursor(&app), "工".len(), "Delete leaves the cursor");
    ctrl(&mut app, 'k');
    assert_eq!(app.query_text(), "工");
    assert_eq!(cursor(&app), "工".len());
    // At the end there is nothing after the cursor: both do nothing.
    press(&mut app, KeyCode::Delete, NONE);
    ctrl(&mut app, 'k');
    assert_eq!(app.query_text(), "工");
    assert_eq!(app.context(), Context::Search);
}

#[test]
fn alt_backspace_erases_a_word_like_ctrl_w() {
    let mut app = bundled(80, 24);
    key(&mut app, '/');
    type_text(&mut app, "gonghui 驿站  ");
    assert!(press(&mut app, KeyCode::Backspace, ALT));
    assert_eq!(app.query_text(), "gonghui ");
    assert!(press(&mut app, KeyCode::Backspace, ALT));
    assert_eq!(app.query_text(), "");
}

#[test]
fn ctrl_arrows_and_alt_b_f_move_by_word() {
    let mut app = bundled(80, 24);
    key(&mut app, '/');
    let text = "gonghui  工会驿站 x";
    type_text(&mut app, text);
    let at = |s: &str| text.find(s).unwrap();
    // Back: over spaces, then one run of non-spaces (the Ctrl-W rule).
    assert!(press(&mut app, KeyCode::Left, CTRL));
    assert_eq!(cursor(&app), at("x"));
    assert!(press(&mut app, KeyCode::Char('b'), ALT));
    assert_eq!(cursor(&app), at("工"));
    press(&mut app, KeyCode::Left, CTRL);
    assert_eq!(cursor(&app), 0);
    press(&mut app, KeyCode::Left, CTRL);
    assert_eq!(cursor(&app), 0, "stops at the start");
    // Forward: over spaces, then one run of non-spaces, to the word's end.
    assert!(press(&mut app, KeyCode::Right, CTRL));
    assert_eq!(cursor(&app), at("  "));
    assert!(press(&mut app, KeyCode::Char('f'), ALT));
    assert_eq!(cursor(&app), at(" x"));
    press(&mut app, KeyCode::Right, CTRL);
    assert_eq!(cursor(&app), text.len());
    press(&mut app, KeyCode::Right, CTRL);
    assert_eq!(cursor(&app), text.len(), "stops at the end");
    // Typing goes in where the word moves left the cursor; the text is unchanged by moves.
    press(&mut app, KeyCode::Left, CTRL);
    press(&mut app, KeyCode::Left, CTRL);
    ctrl(&mut app, 'k');
    assert_eq!(app.query_text(), "gonghui  ");
}

#[test]
fn alt_keys_outside_the_prompt_do_nothing() {
    let mut app = bundled(80, 24);
    assert!(!press(&mut app, KeyCode::Char('f'), ALT));
    assert!(!press(&mut app, KeyCode::Char('q'), ALT));
    assert!(!app.should_quit());
}

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

#[test]
fn the_help_pages_with_ctrl_f_b_d_u() {
    let mut app = bundled(40, 12);
    key(&mut app, '?');
    let scroll = |app: &App| match app.mode() {
        Mode::Help { scroll, .. } => *scroll,
        _ => panic!("help is open"),
    };
    let lines = app.help_lines(Context::List).len();
    let page = app.geometry().help_page(lines);
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

#[test]
fn ctrl_l_asks_for_a_full_redraw_anywhere_and_changes_nothing_else() {
    let mut app = bundled(120, 30);
    assert!(!app.update(Action::Resize(120, 30)).repaint);
    // The list, the reader, the prompt, the picker and the help.
    let openers: [&dyn Fn(&mut App); 5] = [
        &|_| {},
        &|app| press(app, KeyCode::Enter, NONE).then_some(()).unwrap(),
        &|app| key(app, '/'),
        &|app| key(app, 'd'),
        &|app| key(app, '?'),
    ];
    let contexts = [
        Context::List,
        Context::Reader,
        Context::Search,
        Context::Picker,
        Context::Help,
    ];
    for (open, context) in openers.iter().zip(contexts) {
        let mut app = bundled(120, 30);
        open(&mut app);
        assert_eq!(app.context(), context);
        let (mode, selected, query) = (
            app.mode().clone(),
            app.selected(),
            app.query_text().to_string(),
        );
        let ctrl_l = Event::Key(KeyEvent::new(KeyCode::Char('l'), CTRL));
        let redraw = action_for(app.context(), &ctrl_l).expect("Ctrl-L is bound");
        assert!(app.update(redraw).repaint, "{context:?}");
        assert!(!app.update(Action::Resize(120, 30)).repaint, "asked once");
        assert_eq!(app.context(), context);
        assert_eq!(app.mode(), &mode);
        assert_eq!(
            (app.selected(), app.query_text()),
            (selected, query.as_str())
        );
    }
    // The help lists it once.
    let lines = app.help_lines(Context::List);
    assert_eq!(lines.iter().filter(|(k, _)| k == "Ctrl-L").count(), 1);
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

/// The cell where `text` is drawn on the screen (its first character), if it is.
fn drawn_at(app: &App, text: &str) -> Option<(u16, u16)> {
    let s = app.geometry().screen;
    let terminal = support::draw(app, &Theme::new(true, false), s.width, s.height);
    let buf = terminal.backend().buffer();
    let first = text.chars().next()?.to_string();
    (0..s.height)
        .flat_map(|y| (0..s.width).map(move |x| (x, y)))
        .find(|&(x, y)| {
            buf[(x, y)].symbol() == first.as_str() && {
                // A wide character's second cell is blank: read the row without those.
                let mut row = String::new();
                let mut at = x;
                while at < s.width {
                    let symbol = buf[(at, y)].symbol();
                    row.push_str(symbol);
                    at += u16::try_from(unicode_width::UnicodeWidthStr::width(symbol).max(1))
                        .unwrap();
                }
                row.starts_with(text)
            }
        })
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
        let g = app.geometry();
        let lines = app.help_lines(Context::List).len();
        let outer = app.help_box(Context::List).outer;
        let page = g.help_page(lines);
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
        // Outside the box (the header row) the wheel does nothing.
        wheel(&mut app, 0, 0, false);
        assert_eq!(
            support::help_scroll(&app),
            last.saturating_sub(2),
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

/// Whether the prompt holds the kept query selected.
fn prompt_selected(app: &App) -> bool {
    matches!(app.mode(), Mode::Search { selected: true, .. })
}

/// `/` with a search kept: the query is selected, as a browser's find bar selects the last
/// search, so typing starts a new search and a cursor key edits the old one.
#[test]
fn slash_over_a_kept_search_selects_it() {
    let mut app = bundled(80, 24);
    key(&mut app, '/');
    type_text(&mut app, "工会");
    press(&mut app, KeyCode::Enter, NONE);
    assert_eq!(app.query_text(), "工会");

    // Typing replaces it.
    key(&mut app, '/');
    assert!(prompt_selected(&app));
    type_text(&mut app, "驿站");
    assert_eq!(app.query_text(), "驿站");
    assert!(!prompt_selected(&app));
    assert_eq!(cursor(&app), "驿站".len());
    press(&mut app, KeyCode::Enter, NONE);

    // A cursor key keeps it for editing; as in a text field, `←` goes to the start of the
    // selection and `→` to its end.
    key(&mut app, '/');
    press(&mut app, KeyCode::Left, NONE);
    assert!(!prompt_selected(&app));
    assert_eq!(cursor(&app), 0);
    press(&mut app, KeyCode::Right, NONE);
    type_text(&mut app, "服务");
    assert_eq!(app.query_text(), "驿服务站");
    press(&mut app, KeyCode::Enter, NONE);
    key(&mut app, '/');
    press(&mut app, KeyCode::Right, NONE);
    assert_eq!(cursor(&app), "驿服务站".len());
    press(&mut app, KeyCode::Enter, NONE);

    // A deletion empties it; Esc then brings the kept search back.
    key(&mut app, '/');
    press(&mut app, KeyCode::Backspace, NONE);
    assert_eq!(app.query_text(), "");
    press(&mut app, KeyCode::Esc, NONE);
    assert_eq!(app.query_text(), "驿服务站");

    // Enter alone keeps it; a pasted text replaces it.
    key(&mut app, '/');
    press(&mut app, KeyCode::Enter, NONE);
    assert_eq!(app.query_text(), "驿服务站");
    key(&mut app, '/');
    app.update(Action::SearchInput("工会".into()));
    assert_eq!(app.query_text(), "工会");
}

/// The selected query is drawn in the selection's style, and no longer once edited.
#[test]
fn the_selected_query_is_drawn_selected() {
    let mut app = bundled(80, 24);
    key(&mut app, '/');
    type_text(&mut app, "工会");
    press(&mut app, KeyCode::Enter, NONE);
    key(&mut app, '/');
    let theme = Theme::new(true, false);
    let style_of_query = |app: &App| {
        let terminal = support::draw(app, &theme, 80, 24);
        let buffer = terminal.backend().buffer().clone();
        let row = 23;
        let x = (0..80)
            .find(|&x| buffer[(x, row)].symbol() == "工")
            .expect("the query is on the prompt line");
        buffer[(x, row)].style()
    };
    assert_eq!(style_of_query(&app).bg, theme.selected.bg);
    press(&mut app, KeyCode::End, NONE);
    assert_eq!(style_of_query(&app).bg, theme.status.bg);
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
            drawn_at(&app, "区）").is_some(),
            "{w}x{h}: the end is shown"
        );
    }
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

/// The prompt's line as drawn: the last row of the screen.
fn prompt_row(app: &App) -> String {
    let s = app.geometry().screen;
    let terminal = support::draw(app, &Theme::new(true, false), s.width, s.height);
    let buf = terminal.backend().buffer();
    let mut row = String::new();
    let mut x = 0;
    while x < s.width {
        let symbol = buf[(x, s.height - 1)].symbol();
        row.push_str(symbol);
        // A wide character's second cell is blank: read the row without those.
        x += u16::try_from(unicode_width::UnicodeWidthStr::width(symbol).max(1)).unwrap();
    }
    row
}

/// A megabyte pasted into the prompt (issue 16: 32,000 characters froze the reader 40 s, a
/// megabyte for good) is cut to the query's limit, and the prompt says so; typing on is
/// refused with the same message; erasing makes room again. Work, not time, is counted:
/// the prompt holds `MAX_QUERY_CHARS` characters, and every frame is drawn.
#[test]
fn a_megabyte_paste_is_cut_with_a_message() {
    use kanbao::app::MAX_QUERY_CHARS;
    let mut app = bundled(80, 24);
    key(&mut app, '/');
    let paste = "工会驿站 ".repeat(1 << 18);
    assert!(paste.len() > 1 << 20);
    let event = Event::Paste(paste);
    app.update(action_for(app.context(), &event).unwrap());
    assert_eq!(app.query_text().chars().count(), MAX_QUERY_CHARS);
    assert!(app.query_text().starts_with("工会驿站 工会"));
    let cut = "搜索词过长，只保留前 4096 个字符";
    assert_eq!(app.status(), Some(cut));
    let row = prompt_row(&app);
    assert!(row.starts_with("搜索：…"), "{row:?}");
    assert!(
        row.contains(cut),
        "the message shows on the prompt line: {row:?}"
    );
    // A key more: the line is full, and says so again.
    key(&mut app, 'x');
    assert_eq!(app.query_text().chars().count(), MAX_QUERY_CHARS);
    assert!(prompt_row(&app).contains(cut));
    // Room made, a key goes in; the message is gone.
    press(&mut app, KeyCode::Backspace, NONE);
    key(&mut app, 'x');
    assert_eq!(app.query_text().chars().count(), MAX_QUERY_CHARS);
    assert!(app.query_text().ends_with('x'));
    assert_eq!(app.status(), None);
    // At the start of the line the text after the cursor is cut with `…`.
    press(&mut app, KeyCode::Home, NONE);
    let row = prompt_row(&app);
    assert!(row.starts_with("搜索：工会驿站 工会驿站"), "{row:?}");
    assert!(row.trim_end().ends_with('…'), "{row:?}");
    // Esc still takes the prompt down and goes back to the list as it was.
    press(&mut app, KeyCode::Esc, NONE);
    assert_eq!(app.context(), Context::List);
    assert_eq!(app.query_text(), "");
}

/// A query the search refuses is not searched: the list stays as it was and the reason is
/// on the status bar, then on the prompt line, where `Enter` cannot keep it; typing over it
/// searches again. (Today the one refusal is a query over `MAX_QUERY_CHARS` characters from
/// the command line; the search core's own limits come through the same path,
/// `line_editor::check`.)
#[test]
fn a_refused_query_is_shown_on_the_prompt_line() {
    let opts = Options {
        source: "test".into(),
        query: "工会 ".repeat(1500),
        ..Options::default()
    };
    let mut app = support::bundled_app(opts);
    app.update(Action::Resize(80, 24));
    let why = "搜索词超过 4096 个字符，未搜索";
    assert_eq!(app.query_error(), Some(why));
    assert!(app.query().is_empty());
    assert_eq!(app.view().len(), app.collection().len());
    assert!(prompt_row(&app).contains(why), "{:?}", prompt_row(&app));
    key(&mut app, '/');
    let row = prompt_row(&app);
    assert!(row.starts_with("搜索："), "{row:?}");
    assert!(row.contains(why), "{row:?}");
    press(&mut app, KeyCode::Enter, NONE);
    assert_eq!(app.context(), Context::Search, "Enter does not keep it");
    type_text(&mut app, "驿站");
    assert_eq!(app.query_error(), None);
    assert_eq!(app.view().len(), 2);
    assert!(!prompt_row(&app).contains(why));
    press(&mut app, KeyCode::Enter, NONE);
    assert_eq!(app.context(), Context::List);
}

/// Messages that name a key name the key the user bound, not the table's default: the
/// empty list's way out and `n` with no search follow the config file.
#[test]
fn messages_name_the_users_keys() {
    let layer = kanbao::config::parse(
        "[keys.list]\n\"c\" = \"none\"\n\"esc\" = \"none\"\n\"x\" = \"clear_filters\"\n\
         [keys.reader]\n\"/\" = \"none\"\n\"s\" = \"open_search\"\n",
        std::path::Path::new("c.toml"),
    )
    .unwrap();
    kanbao::keys::set_user_bindings(&layer.keys);
    let mut app = sized(many(3), 60, 12);
    key(&mut app, '/');
    type_text(&mut app, "没有这个词");
    press(&mut app, KeyCode::Enter, NONE);
    assert!(app.view().is_empty());
    assert!(drawn_at(&app, "没有符合条件的文章（按 x 清除搜索和地区）").is_some());
    key(&mut app, 'x');
    press(&mut app, KeyCode::Enter, NONE);
    key(&mut app, 'n');
    assert_eq!(app.status(), Some("没有搜索，按 s 搜索"));
    kanbao::keys::set_user_bindings(&[]);
    let mut app = sized(many(3), 60, 12);
    press(&mut app, KeyCode::Enter, NONE);
    key(&mut app, 'n');
    assert_eq!(app.status(), Some("没有搜索，按 / 搜索"));
}
