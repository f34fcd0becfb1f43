//! The search prompt's keys: erasing and moving by character and by word as in a shell,
//! `/` selecting a kept search, and what the prompt line shows of a megabyte paste or of a
//! refused query.

use kanbao::action::Action;
use kanbao::app::{App, Context, Mode, Options};
use kanbao::tui::keymap::action_for;
use kanbao::tui::theme::Theme;
use ratatui::crossterm::event::{Event, KeyCode};

use super::{ALT, CTRL, NONE, bundled, ctrl, key, press, type_text};
use crate::support;

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

/// The prompt's cursor, as a byte offset into the query.
fn cursor(app: &App) -> usize {
    match app.mode() {
        kanbao::app::Mode::Search { cursor, .. } => *cursor,
        other => panic!("the prompt is not open: {other:?}"),
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
    // Before the refusal, which now fits whole (session 32): it ended in `…` itself.
    let refusal = "查询超过 256 字：请取其中一段";
    assert!(row.trim_end().ends_with(refusal), "{row:?}");
    let text = row.trim_end().trim_end_matches(refusal).trim_end();
    assert!(text.ends_with('…'), "{row:?}");
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
