//! Review work in the reader (issue 14): mark filters pressed as keys, shown in the header,
//! cleared by `c`; the id in the meta line.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use crate::support;

use kanbao::app::{App, Options};
use kanbao::load::load_bundled;
use kanbao::state::StateStore;
use kanbao::tui::keymap::action_for;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// Presses a character key as a user types it (through the key table).
fn press(app: &mut App, c: char) {
    let event = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    let action = action_for(app.context(), &event).unwrap_or_else(|| panic!("no key {c}"));
    app.update(action);
}

/// The ids the list shows.
fn listed(app: &App) -> Vec<String> {
    app.view()
        .iter()
        .map(|&i| app.collection().get(i).unwrap().id.clone())
        .collect()
}

/// The screen as text, rows joined by newlines.
fn screen(app: &App) -> String {
    support::screen(app, 100, 30)
}

/// The bundled page with marks: 2 and 5 bookmarked, 1 and 2 read, a note on 3, tags on 4
/// (待核实) and 6 (待核实, 已审).
fn marked_app() -> App {
    let mut store = StateStore::disabled();
    let key = "test";
    store.set_bookmarked(key, "2", true);
    store.set_bookmarked(key, "5", true);
    store.set_read(key, "1", true);
    store.set_read(key, "2", true);
    store.set_note(key, "3", "核实日期");
    store.set_tag(key, "4", "待核实", true);
    store.set_tag(key, "6", "待核实", true);
    store.set_tag(key, "6", "已审", true);
    let opts = Options {
        source: key.into(),
        ..Options::default()
    };
    let mut app = App::new(load_bundled().unwrap(), store, Vec::new(), opts);
    app.update(kanbao::action::Action::Resize(100, 30));
    app
}

#[test]
fn mark_filters_keep_bookmarked_unread_noted_and_tagged_articles() {
    let mut app = marked_app();
    assert_eq!(listed(&app).len(), 7);
    press(&mut app, 'B');
    assert_eq!(listed(&app), ["2", "5"]);
    assert!(screen(&app).contains("只看：已收藏"), "{}", screen(&app));
    press(&mut app, 'U');
    assert_eq!(listed(&app), ["5"]);
    assert!(screen(&app).contains("只看：已收藏 未读"));
    press(&mut app, 'B');
    assert_eq!(listed(&app), ["3", "4", "5", "6", "7"]);
    press(&mut app, 'U');
    press(&mut app, 'N');
    assert_eq!(listed(&app), ["3"]);
    assert!(screen(&app).contains("只看：有审读意见"));
    press(&mut app, 'N');
    // # walks the tags in use (in order), then shows all again.
    press(&mut app, '#');
    assert_eq!(listed(&app), ["6"]);
    assert!(screen(&app).contains("#已审"), "{}", screen(&app));
    press(&mut app, '#');
    assert_eq!(listed(&app), ["4", "6"]);
    assert!(screen(&app).contains("#待核实"));
    press(&mut app, '#');
    assert_eq!(listed(&app).len(), 7);
    // c clears every filter, marks included.
    press(&mut app, 'B');
    press(&mut app, '#');
    assert!(
        listed(&app).is_empty(),
        "no bookmarked article is tagged 已审"
    );
    press(&mut app, 'c');
    assert_eq!(listed(&app).len(), 7);
    assert!(app.mark_filter().is_empty());
    assert!(!screen(&app).contains("只看"));
}

#[test]
fn the_reader_shows_the_id_in_the_meta_line() {
    let mut app = marked_app();
    press(&mut app, 'l');
    let screen = screen(&app);
    assert!(
        screen.contains("大兴区 · 记者 孙艳 · 新闻 · id 1"),
        "{screen}"
    );
}

#[test]
fn y_copies_the_open_article_and_capital_y_its_citation() {
    let mut app = marked_app();
    press(&mut app, 'l');
    press(&mut app, 'y');
    let text = app.take_clipboard().unwrap();
    assert!(text.starts_with("协同发力解决货车司机群体“急难愁盼”问题\n大兴区天宫院街道“党工共建”办好暖“新”事\n\n记者 孙艳 · id 1\n\n本报讯"), "{text}");
    // Paragraphs, not the screen's lines: no line break inside a paragraph.
    let collection = load_bundled().unwrap();
    let first = &collection.by_id("1").unwrap().paragraphs[1];
    assert!(text.contains(&format!("\n\n{first}")), "{text}");
    assert!(app.take_clipboard().is_none(), "taken once");
    let status = app.status().unwrap().to_owned();
    assert!(
        status.starts_with(&format!("已复制全文（{} 字）", text.chars().count())),
        "{status}"
    );
    press(&mut app, 'Y');
    assert_eq!(
        app.take_clipboard().unwrap(),
        "大兴区天宫院街道“党工共建”办好暖“新”事\n记者 孙艳 · id 1"
    );
    assert!(app.status().unwrap().starts_with("已复制引文"));
}

#[test]
fn an_article_over_the_safe_size_is_cut_and_says_so() {
    let long = kanbao::article::Article {
        id: "long".into(),
        title: "长文".into(),
        paragraphs: vec!["字".repeat(40_000)],
        ..kanbao::article::Article::default()
    };
    let mut app = support::app_over(
        kanbao::collection::Collection::from(vec![long]),
        Options::default(),
    );
    app.update(kanbao::action::Action::Resize(80, 24));
    press(&mut app, 'y');
    let text = app.take_clipboard().unwrap();
    assert!(text.len() <= kanbao::app::MAX_COPY_BYTES);
    assert!(text.len() > kanbao::app::MAX_COPY_BYTES - 4);
    let status = app.status().unwrap();
    assert!(status.contains("超出终端剪贴板的安全上限"), "{status}");
    assert!(
        status.contains(&format!("只复制了前 {} 字", text.chars().count())),
        "{status}"
    );
}

/// Standard base64, as OSC 52 carries the text.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn the_reader_sends_the_copy_to_the_terminal_with_osc_52() {
    let mut t = support::Term::start(&["--no-state"], 100, 30);
    t.wait_text("7 篇");
    t.send("\r");
    t.wait_text("id 1");
    t.send("Y");
    t.wait_text("已复制引文");
    let want = format!(
        "\x1b]52;c;{}\x1b\\",
        base64("大兴区天宫院街道“党工共建”办好暖“新”事\n记者 孙艳 · id 1".as_bytes())
    );
    let raw = String::from_utf8_lossy(&t.raw).into_owned();
    let bel = want.replace("\x1b\\", "\x07");
    assert!(
        raw.contains(&want) || raw.contains(&bel),
        "no OSC 52 sequence in the output"
    );
    t.send("q");
    t.send("q");
    t.expect_restored();
}

#[test]
fn a_note_shows_dim_under_its_article_and_marks_it_in_the_list() {
    use kanbao::layout::LineRole;
    let mut app = marked_app();
    // The list: 注 under the marks of article 3 only.
    let list = screen(&app);
    let rows: Vec<&str> = list
        .lines()
        .filter(|l| l.trim_start().starts_with('注'))
        .collect();
    assert_eq!(rows.len(), 1, "{list}");
    // Open article 3 (the third in the list): the note is its last lines, as notes.
    press(&mut app, 'j');
    press(&mut app, 'j');
    press(&mut app, 'l');
    let reader = app.reader().unwrap();
    assert_eq!(reader.note(), Some("核实日期"));
    let last: Vec<(&str, LineRole)> = reader.lines()[reader.lines().len() - 3..]
        .iter()
        .map(|l| (l.text.as_str(), l.role))
        .collect();
    assert_eq!(
        last,
        [
            ("", LineRole::Note),
            ("审读意见：", LineRole::Note),
            ("核实日期", LineRole::Note)
        ]
    );
    // Never mixed into the text's search: the note's words find no article.
    press_any(&mut app, 'q');
    for c in "/核实日期\r".chars() {
        press_any(&mut app, c);
    }
    assert_eq!(app.query_text(), "核实日期");
    assert!(app.view().is_empty(), "{:?}", listed(&app));
}

/// Presses a key in whatever context the app is in, `\r` as Enter.
fn press_any(app: &mut App, c: char) {
    let code = if c == '\r' {
        KeyCode::Enter
    } else {
        KeyCode::Char(c)
    };
    let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    if let Some(action) = action_for(app.context(), &event) {
        app.update(action);
    }
}

/// An app over the bundled page with its state in `path`.
fn app_with_state(path: &std::path::Path, restore: bool) -> App {
    let (store, warnings) = StateStore::open(Some(path.to_owned()));
    assert!(warnings.is_empty(), "{warnings:?}");
    let opts = Options {
        source: "test".into(),
        restore,
        ..Options::default()
    };
    let mut app = App::new(load_bundled().unwrap(), store, Vec::new(), opts);
    app.update(kanbao::action::Action::Resize(100, 30));
    app
}

/// The id of the selected article.
fn selected_id(app: &App) -> String {
    app.selected_article().unwrap().id.clone()
}

#[test]
fn the_list_place_search_and_filters_come_back_on_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut app = app_with_state(&path, true);
    press(&mut app, 'u'); // 1 read: U then keeps the other six
    press(&mut app, 'U');
    for c in "/工会\r".chars() {
        press_any(&mut app, c);
    }
    press(&mut app, 'j');
    let (query, shown, selected) = (app.query_text().to_owned(), listed(&app), selected_id(&app));
    assert_eq!(query, "工会");
    assert!(!shown.contains(&"1".to_owned()), "{shown:?}");
    press(&mut app, 'q');
    assert!(app.should_quit());
    app.save_now().unwrap();
    drop(app);
    let again = app_with_state(&path, true);
    assert_eq!(again.query_text(), "工会");
    assert!(again.mark_filter().unread);
    assert_eq!(listed(&again), shown);
    assert_eq!(selected_id(&again), selected);
    assert!(screen(&again).contains("只看：未读"));
    // --fresh (restore off): the whole list.
    let fresh = app_with_state(&path, false);
    assert_eq!(fresh.query_text(), "");
    assert!(fresh.mark_filter().is_empty());
    assert_eq!(listed(&fresh).len(), 7);
}

#[test]
fn the_reader_restores_the_search_unless_fresh() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let state = state.to_str().unwrap();
    let mut t = support::Term::start(&["--state", state], 100, 30);
    t.wait_text("7 篇");
    t.send("/驿站\r");
    t.wait_text("搜索：驿站");
    t.send("q");
    t.expect_restored();
    let mut t = support::Term::start(&["--state", state], 100, 30);
    t.wait_text("搜索：驿站");
    t.send("q");
    t.expect_restored();
    let mut t = support::Term::start(&["--state", state, "--fresh"], 100, 30);
    t.wait_text("7 篇");
    assert!(!t.contents().contains("搜索：驿站"), "{}", t.contents());
    t.send("q");
    t.expect_restored();
}

/// Ctrl-C, as a terminal sends it.
fn ctrl_c(app: &mut App) {
    let event = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    let action = action_for(app.context(), &event).unwrap();
    app.update(action);
}

#[test]
fn ctrl_c_in_the_prompt_keeps_the_accepted_search_not_the_one_typed() {
    for typed in ["驿站", "date:2025-13", "date:"] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let mut app = app_with_state(&path, true);
        for c in "/工会\r".chars() {
            press_any(&mut app, c);
        }
        let shown = listed(&app);
        press_any(&mut app, '/');
        for c in typed.chars() {
            press_any(&mut app, c);
        }
        assert_eq!(app.query_text(), typed);
        ctrl_c(&mut app);
        assert!(app.should_quit());
        app.save_now().unwrap();
        drop(app);
        // What Esc would have left: the search before the prompt opened.
        let again = app_with_state(&path, true);
        assert_eq!(again.query_text(), "工会", "{typed}");
        assert_eq!(again.query_error(), None, "{typed}");
        assert_eq!(listed(&again), shown, "{typed}");
        let screen = screen(&again);
        let header = screen.lines().next().unwrap();
        assert!(header.contains("搜索：工会"), "{typed}: {screen}");
        assert!(!header.contains(typed), "{typed}: {screen}");
        assert!(!screen.contains("查询无效"), "{typed}: {screen}");
    }
}

#[test]
fn a_kept_search_that_does_not_parse_is_dropped_and_said_to_be() {
    for kept in [
        "date:2025-13",
        "工会 date:2025-13",
        "reporter:",
        "-kind:photo",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        // An old or hand-edited state file.
        let (mut store, _) = StateStore::open(Some(path.clone()));
        let session = kanbao::state::Session {
            query: kept.into(),
            ..Default::default()
        };
        store.set_session("test", session);
        store.save().unwrap();
        drop(store);
        let app = app_with_state(&path, true);
        assert_eq!(app.query_text(), "", "{kept}");
        assert_eq!(app.query_error(), None, "{kept}");
        assert_eq!(listed(&app).len(), 7, "{kept}");
        let status = app.status().unwrap_or_default().to_owned();
        assert!(status.contains(kept), "{kept}: {status}");
        assert!(status.contains("上次的搜索"), "{kept}: {status}");
        let screen = screen(&app);
        assert!(!screen.contains("查询无效"), "{kept}: {screen}");
    }
}

#[test]
fn a_kept_district_that_is_none_is_dropped_and_said_to_be() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    // A hand-edited state file: one district of the filter is not a district.
    let (mut store, _) = StateStore::open(Some(path.clone()));
    let session = kanbao::state::Session {
        districts: vec!["火星区".into(), "西城区".into()],
        ..Default::default()
    };
    store.set_session("test", session);
    store.save().unwrap();
    drop(store);
    let before = std::fs::read(&path).unwrap();
    let mut app = app_with_state(&path, true);
    // The other district is kept.
    let xicheng: Vec<String> = load_bundled()
        .unwrap()
        .iter()
        .filter(|a| a.district.as_deref() == Some("西城区"))
        .map(|a| a.id.clone())
        .collect();
    assert!(!xicheng.is_empty());
    assert_eq!(listed(&app), xicheng);
    let status = app.status().unwrap_or_default().to_owned();
    assert!(status.contains("火星区"), "{status}");
    assert!(status.contains("上次的地区筛选"), "{status}");
    let screen = screen(&app);
    assert!(
        screen.lines().next().unwrap().contains("西城区"),
        "{screen}"
    );
    let status_line = screen.lines().last().unwrap();
    assert!(status_line.contains("火星区 不是地区"), "{screen}");
    // Nothing is written for it: the file is as it was until the user changes something.
    app.save_now().unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn ctrl_c_in_the_prompt_of_the_real_reader_keeps_no_unaccepted_search() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let state = state.to_str().unwrap();
    for typed in ["驿站", "date:2025-13"] {
        let mut t = support::Term::start(&["--state", state], 100, 30);
        t.wait_text("7 篇");
        t.send(&format!("/{typed}"));
        t.wait_text(&format!("搜索：{typed}"));
        t.send("\x03");
        t.expect_restored();
        let mut t = support::Term::start(&["--state", state], 100, 30);
        t.wait_for("the header", |s| {
            s.lines().next().is_some_and(|h| h.contains(" 篇"))
        });
        let screen = t.contents();
        let header = screen.lines().next().unwrap_or_default().to_owned();
        assert!(!header.contains("搜索："), "{typed}: {screen}");
        assert!(!screen.contains("查询无效"), "{typed}: {screen}");
        t.send("q");
        t.expect_restored();
    }
}
