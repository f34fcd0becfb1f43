//! The user's bindings (the config file's `[keys.<mode>]`), laid over the key table: a key
//! the user bound in a context does what they said there, and the help shows it first on
//! the row of its action; the table's other keys stay as they are.

use std::cell::RefCell;

use super::{BINDINGS, Binding, Context, Key, KeyName, Where, key_label, only_side_by_side};
use crate::action::Action;
use crate::i18n::{Lang, Msg};
use crate::settings::{Chord, KeyBinding};

/// A binding from the config file: in `context`, `key` does `action` (`None`: nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserBinding {
    /// Where it applies.
    pub context: Context,
    /// The key.
    pub key: Key,
    /// What it does; `None` unbinds the key.
    pub action: Option<Action>,
}

thread_local! {
    /// Set once by the reader before it starts, on its own thread (tests set their own).
    static USER: RefCell<Vec<UserBinding>> = const { RefCell::new(Vec::new()) };
}

/// Lays the config file's bindings over the table for this thread (the reader's): from
/// now on [`action_for`], [`help_rows`] and [`help_lines`] take them into account.
///
/// [`action_for`]: crate::keys::action_for
/// [`help_rows`]: crate::keys::help_rows
/// [`help_lines`]: crate::keys::help_lines
pub fn set_user_bindings(bindings: &[KeyBinding]) {
    let user = bindings
        .iter()
        .map(|b| UserBinding {
            context: b.mode,
            key: key_of(b.chord),
            action: b.action.clone(),
        })
        .collect();
    USER.with(|u| *u.borrow_mut() = user);
}

fn with_user<R>(f: impl FnOnce(&[UserBinding]) -> R) -> R {
    USER.with(|u| f(&u.borrow()))
}

/// The table's key for a config file's.
pub fn key_of(chord: Chord) -> Key {
    match (chord.ctrl, chord.alt, chord.key) {
        (true, _, KeyName::Char(c)) => Key::Ctrl(c.to_ascii_lowercase()),
        (true, _, key) => Key::CtrlKey(key),
        (false, true, key) => Key::Alt(key),
        (false, false, key) => Key::Code(key),
    }
}

/// What the user bound `pressed` to in `context`: `Some(None)` for a key unbound.
pub(super) fn user_action(context: Context, pressed: Key) -> Option<Option<Action>> {
    with_user(|user| {
        user.iter()
            .find(|u| u.context == context && u.key == pressed)
            .map(|u| u.action.clone())
    })
}

/// True when the user bound a table row's key in every context the row applies in.
pub(super) fn user_overrides(b: &Binding) -> bool {
    with_user(|user| {
        b.place
            .contexts()
            .iter()
            .all(|c| user.iter().any(|u| u.context == *c && u.key == b.key))
    })
}

/// The help line of `action` in `context`: that of the table's first row for it there.
fn help_of(context: Context, action: &Action) -> Option<Msg> {
    BINDINGS
        .iter()
        .find(|b| b.place.covers(context) && b.action == *action)
        .map(|b| b.help)
}

/// Adds the user's keys of `place` to the help rows, first on the row of their action.
pub(super) fn add_user_rows(
    rows: &mut Vec<(Msg, Vec<String>)>,
    place: Where,
    lang: Lang,
    wide: bool,
) {
    let Where::In(context) = place else {
        return;
    };
    with_user(|user| {
        // How many of the user's keys each row has got so far: they go first, in file order.
        let mut firsts: Vec<(Msg, usize)> = Vec::new();
        for u in user.iter().filter(|u| u.context == context) {
            let Some(action) = &u.action else { continue };
            let Some(help) = help_of(context, action) else {
                continue;
            };
            let row = Binding {
                place,
                key: u.key,
                action: action.clone(),
                help,
            };
            if !wide && only_side_by_side(&row) {
                continue;
            }
            let label = key_label(u.key, lang);
            let at = match firsts.iter_mut().find(|(m, _)| *m == help) {
                Some((_, n)) => {
                    *n += 1;
                    *n - 1
                }
                None => {
                    firsts.push((help, 1));
                    0
                }
            };
            match rows.iter_mut().find(|(m, _)| *m == help) {
                Some((_, keys)) => keys.insert(at, label),
                None => rows.push((help, vec![label])),
            }
        }
    });
}

/// The user's bindings in `context`, in file order.
pub(super) fn user_bindings_in(context: Context) -> Vec<UserBinding> {
    with_user(|user| {
        user.iter()
            .filter(|u| u.context == context)
            .cloned()
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse;
    use crate::keys::{Hint, action_for, help_lines, help_rows, hints};
    use crate::settings::keys::{MODES, action_name, actions_in};
    use Context::{List as L, Reader as R};
    use KeyName::{Char as C, F};

    fn key(code: KeyName) -> Key {
        Key::Code(code)
    }

    fn bind(toml: &str) {
        let layer = parse(toml, std::path::Path::new("c.toml")).unwrap();
        set_user_bindings(&layer.keys);
    }

    /// The config file offers in each mode the actions the table binds there, no more.
    #[test]
    fn the_config_files_actions_are_the_tables() {
        for (name, mode) in MODES {
            let mut table: Vec<&str> = BINDINGS
                .iter()
                .filter(|b| b.place.covers(*mode))
                .filter_map(|b| action_name(&b.action))
                .collect();
            table.sort_unstable();
            table.dedup();
            let mut offered = actions_in(*mode).to_vec();
            offered.sort_unstable();
            assert_eq!(offered, table, "{name}");
        }
    }

    #[test]
    fn a_user_binding_overrides_and_extends_the_table() {
        bind(
            "[keys.list]\n\"x\" = \"quit\"\n\"q\" = \"open\"\n\"?\" = \"none\"\n\
             [keys.reader]\n\"ctrl-n\" = \"next_article\"\n\"f5\" = \"help\"\n",
        );
        assert_eq!(action_for(L, key(C('x'))), Some(Action::Quit));
        assert_eq!(action_for(L, key(C('q'))), Some(Action::Open));
        assert_eq!(action_for(L, key(C('?'))), None);
        // Elsewhere the table still holds.
        assert_eq!(action_for(R, key(C('q'))), Some(Action::Back));
        assert_eq!(action_for(R, key(C('?'))), Some(Action::Help));
        assert_eq!(action_for(R, key(C('x'))), None);
        let ctrl_n = Key::Ctrl('n');
        assert_eq!(action_for(R, ctrl_n), Some(Action::NextArticle));
        assert_eq!(action_for(R, key(F(5))), Some(Action::Help));
        // Keys the user did not bind keep theirs.
        assert_eq!(action_for(L, key(C('j'))), Some(Action::MoveDown));
        set_user_bindings(&[]);
        assert_eq!(action_for(L, key(C('q'))), Some(Action::Quit));
    }

    #[test]
    fn help_shows_the_users_keys_first_and_not_the_keys_they_took() {
        bind("[keys.list]\n\"x\" = \"quit\"\n\"q\" = \"open\"\n\"J\" = \"move_down\"\n");
        let rows = help_rows(Where::In(L), Lang::En, false);
        assert!(rows.contains(&("x".to_string(), "quit")), "{rows:?}");
        assert!(rows.contains(&("q Enter l →".to_string(), "open")));
        assert!(rows.contains(&("J j ↓".to_string(), "down")));
        bind("[keys.reader]\n\"ctrl-h\" = \"help\"\n");
        let lines = help_lines(R, Lang::En, false, false);
        let at = lines
            .iter()
            .position(|(k, _)| k == "Ctrl-H")
            .expect("the user's key in help");
        assert_eq!(lines[at].1, Msg::HelpHelp.text(Lang::En));
        set_user_bindings(&[]);
    }

    #[test]
    fn the_status_bar_hints_show_the_users_keys() {
        let list = hints(Hint::List, Lang::Zh);
        bind("[keys.list]\n\"j\" = \"move_up\"\n");
        assert_eq!(hints(Hint::List, Lang::Zh), list);
        bind(
            "[keys.list]\n\"x\" = \"quit\"\n\"q\" = \"none\"\n\"F\" = \"open_picker\"\n\"d\" = \"none\"\n",
        );
        assert_eq!(
            hints(Hint::List, Lang::Zh),
            "? 帮助  / 搜索  F 地区  x 退出"
        );
        // Taken with nothing in its place: the action's next key, else no hint.
        bind("[keys.reader]\n\"q\" = \"quit\"\n\"]\" = \"none\"\n");
        assert_eq!(hints(Hint::Reader, Lang::En), "Space page  Esc back");
        bind(
            "[keys.picker]\n\"j\" = \"none\"\n\"space\" = \"picker_apply\"\n\"t\" = \"picker_toggle\"\n",
        );
        assert_eq!(
            hints(Hint::Picker, Lang::En),
            "↓ k move  t toggle  Enter apply  Esc cancel"
        );
        set_user_bindings(&[]);
    }

    #[test]
    fn unbinding_a_key_of_every_context_hides_it_from_help() {
        let all = MODES
            .iter()
            .map(|(m, _)| format!("[keys.{m}]\n\"ctrl-l\" = \"none\"\n"))
            .collect::<String>();
        bind(&all);
        let lines = help_lines(L, Lang::En, false, false);
        assert!(!lines.iter().any(|(k, _)| k.contains("Ctrl-L")));
        bind("[keys.list]\n\"ctrl-l\" = \"none\"\n");
        let lines = help_lines(L, Lang::En, false, false);
        assert!(lines.iter().any(|(k, _)| k.contains("Ctrl-L")));
        set_user_bindings(&[]);
    }
}
