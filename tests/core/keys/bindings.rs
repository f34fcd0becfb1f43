//! Which keys are bound where: Alt keys only in the prompt, Ctrl-L everywhere (a full
//! redraw, nothing else), and messages that name the keys the user bound.

use kanbao::action::Action;
use kanbao::app::{App, Context};
use kanbao::tui::keymap::action_for;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};

use super::{ALT, CTRL, NONE, bundled, drawn_at, key, many, press, sized, type_text};

#[test]
fn alt_keys_outside_the_prompt_do_nothing() {
    let mut app = bundled(80, 24);
    assert!(!press(&mut app, KeyCode::Char('f'), ALT));
    assert!(!press(&mut app, KeyCode::Char('q'), ALT));
    assert!(!app.should_quit());
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
    assert!(drawn_at(&app, "没有符合条件的文章（按 x 清除搜索）").is_some());
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
