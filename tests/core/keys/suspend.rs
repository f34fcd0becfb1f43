//! `Ctrl-Z` suspends the reader from every mode, as `Ctrl-C` quits from every mode; the help
//! says so, and the config file binds and unbinds it as it does `Ctrl-C`.

use kanbao::action::Action;
use kanbao::app::Context;
use kanbao::i18n::{Lang, Msg};
use kanbao::keys::{CONTEXTS, help_lines, set_user_bindings};
use kanbao::settings::keys::{MODES, actions_in};
use kanbao::tui::keymap::{action_for, action_in};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};

use super::{CTRL, bundled, key};

fn ctrl_z() -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char('z'), CTRL))
}

#[test]
fn ctrl_z_suspends_from_every_mode() {
    for context in CONTEXTS {
        assert_eq!(
            action_for(context, &ctrl_z()),
            Some(Action::Suspend),
            "{context:?}"
        );
    }
    // In the tag picker every printable key is text; Ctrl-Z is not one.
    let mut app = bundled(80, 24);
    key(&mut app, '+');
    assert_eq!(app.context(), Context::Tags);
    assert_eq!(action_in(&app, &ctrl_z()), Some(Action::Suspend));
}

#[test]
fn the_help_lists_ctrl_z_with_the_keys_of_every_mode() {
    for lang in [Lang::Zh, Lang::En] {
        let lines = help_lines(Context::List, lang, false, false);
        let row = ("Ctrl-Z".to_string(), Msg::HelpSuspend.text(lang));
        assert!(lines.contains(&row), "{lang:?}: {lines:?}");
    }
}

/// As `quit` is, `suspend` is an action of every mode in the config file: `Ctrl-Z` can be
/// unbound (`"ctrl-z" = "none"`) or another key made to suspend, mode by mode.
#[test]
fn the_config_file_binds_suspend_as_it_binds_quit() {
    for (name, mode) in MODES {
        assert!(actions_in(*mode).contains(&"suspend"), "{name}");
    }
    let config = "[keys.list]\n\"ctrl-z\" = \"none\"\n\"f12\" = \"suspend\"\n";
    let layer = kanbao::config::parse(config, std::path::Path::new("c.toml")).unwrap();
    set_user_bindings(&layer.keys);
    let f12 = Event::Key(KeyEvent::new(
        KeyCode::F(12),
        ratatui::crossterm::event::KeyModifiers::NONE,
    ));
    assert_eq!(action_for(Context::List, &ctrl_z()), None);
    assert_eq!(action_for(Context::List, &f12), Some(Action::Suspend));
    assert_eq!(
        action_for(Context::Reader, &ctrl_z()),
        Some(Action::Suspend)
    );
    set_user_bindings(&[]);
}
