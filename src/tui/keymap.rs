//! The one key table. It maps keys to `Action`s for each context, and the same rows make
//! the `?` help, so the help can never drift from what the keys do.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

mod user;

use crate::action::Action;
use crate::app::Context;
use crate::i18n::{Lang, Msg};

pub use user::{UserBinding, key_of, set_user_bindings, user_hints};
use user::{add_user_rows, user_action, user_overrides};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Where {
    /// Everywhere, even while the prompt, picker or help is open (`Ctrl-C`).
    Always,
    /// In the list and in the reader (not while the prompt, picker or help is open).
    Anywhere,
    /// In one context.
    In(Context),
}

/// A key of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A key, with no modifier but Shift.
    Code(KeyCode),
    /// A letter with Control held (`Ctrl-C`), always lower case here.
    Ctrl(char),
    /// Any other key with Control held (`Ctrl-←`).
    CtrlKey(KeyCode),
    /// A key with Alt (Meta) held: `Alt-b`, `Alt-Backspace`.
    Alt(KeyCode),
    /// Any printable text (the prompt).
    Text,
}

/// One row: where, which key, what it does, and what the help says.
#[derive(Debug)]
pub struct Binding {
    /// Where it applies.
    pub place: Where,
    /// The key.
    pub key: Key,
    /// What it does (for `Key::Text`, the typed text fills `SearchInput`).
    pub action: Action,
    /// The help line.
    pub help: Msg,
}

const fn bind(place: Where, key: KeyCode, action: Action, help: Msg) -> Binding {
    Binding {
        place,
        key: Key::Code(key),
        action,
        help,
    }
}

const fn ctrl(place: Where, key: char, action: Action, help: Msg) -> Binding {
    Binding {
        place,
        key: Key::Ctrl(key),
        action,
        help,
    }
}

const fn with(place: Where, key: Key, action: Action, help: Msg) -> Binding {
    Binding {
        place,
        key,
        action,
        help,
    }
}

use Context::{Help as H, List as L, Picker as P, Reader as R, Search as S};
use KeyCode::{
    Backspace, Char as C, Delete, Down, End, Enter, Esc, F, Home, Insert, Left, PageDown, PageUp,
    Right, Tab, Up,
};
use Where::{Always as ALL, Anywhere as ANY, In};

/// The key table.
pub static BINDINGS: &[Binding] = &[
    ctrl(ALL, 'c', Action::Quit, Msg::HelpQuit),
    ctrl(ALL, 'l', Action::Redraw, Msg::HelpRedraw),
    bind(ANY, C('?'), Action::Help, Msg::HelpHelp),
    bind(In(L), C('q'), Action::Quit, Msg::HelpQuit),
    bind(In(L), Tab, Action::ToggleFocus, Msg::HelpFocus),
    bind(In(L), C('j'), Action::MoveDown, Msg::HelpDown),
    bind(In(L), Down, Action::MoveDown, Msg::HelpDown),
    bind(In(L), C('k'), Action::MoveUp, Msg::HelpUp),
    bind(In(L), Up, Action::MoveUp, Msg::HelpUp),
    bind(In(L), C('g'), Action::Top, Msg::HelpTop),
    bind(In(L), Home, Action::Top, Msg::HelpTop),
    bind(In(L), C('G'), Action::Bottom, Msg::HelpBottom),
    bind(In(L), End, Action::Bottom, Msg::HelpBottom),
    // Side by side `Space`, `f` and `b` page the preview, as `less` pages what it shows;
    // the list pages on PgDn, PgUp, Ctrl-F and Ctrl-B (see `help_of`).
    bind(In(L), C(' '), Action::PreviewNextPage, Msg::HelpPreviewNext),
    bind(In(L), PageDown, Action::NextPage, Msg::HelpNextScreen),
    bind(In(L), C('f'), Action::PreviewNextPage, Msg::HelpPreviewNext),
    ctrl(In(L), 'f', Action::NextPage, Msg::HelpNextScreen),
    bind(In(L), C('b'), Action::PreviewPrevPage, Msg::HelpPreviewPrev),
    bind(In(L), PageUp, Action::PrevPage, Msg::HelpPrevScreen),
    ctrl(In(L), 'b', Action::PrevPage, Msg::HelpPrevScreen),
    ctrl(In(L), 'd', Action::HalfPageDown, Msg::HelpHalfScreenDown),
    ctrl(In(L), 'u', Action::HalfPageUp, Msg::HelpHalfScreenUp),
    bind(In(L), C(']'), Action::NextArticle, Msg::HelpNextArticle),
    bind(In(L), C('['), Action::PrevArticle, Msg::HelpPrevArticle),
    bind(In(L), Enter, Action::Open, Msg::HelpOpen),
    bind(In(L), C('l'), Action::Open, Msg::HelpOpen),
    bind(In(L), Right, Action::Open, Msg::HelpOpen),
    bind(In(L), C('/'), Action::OpenSearch, Msg::HelpSearch),
    bind(In(L), C('d'), Action::OpenPicker, Msg::HelpPicker),
    bind(In(L), C('c'), Action::ClearFilters, Msg::HelpClear),
    bind(In(L), Esc, Action::ClearFilters, Msg::HelpClear),
    bind(In(L), C('m'), Action::ToggleBookmark, Msg::HelpBookmark),
    bind(In(L), C('u'), Action::ToggleRead, Msg::HelpRead),
    bind(In(R), C('q'), Action::Back, Msg::HelpBack),
    bind(In(R), Tab, Action::ToggleFocus, Msg::HelpFocus),
    bind(In(R), Esc, Action::Back, Msg::HelpBack),
    bind(In(R), C('h'), Action::Back, Msg::HelpBack),
    bind(In(R), Left, Action::Back, Msg::HelpBack),
    bind(In(R), C(' '), Action::NextPage, Msg::HelpNextPage),
    bind(In(R), PageDown, Action::NextPage, Msg::HelpNextPage),
    bind(In(R), C('f'), Action::NextPage, Msg::HelpNextPage),
    ctrl(In(R), 'f', Action::NextPage, Msg::HelpNextPage),
    bind(In(R), C('b'), Action::PrevPage, Msg::HelpPrevPage),
    bind(In(R), PageUp, Action::PrevPage, Msg::HelpPrevPage),
    ctrl(In(R), 'b', Action::PrevPage, Msg::HelpPrevPage),
    ctrl(In(R), 'd', Action::HalfPageDown, Msg::HelpHalfPageDown),
    ctrl(In(R), 'u', Action::HalfPageUp, Msg::HelpHalfPageUp),
    bind(In(R), C('j'), Action::LineDown, Msg::HelpLineDown),
    bind(In(R), Down, Action::LineDown, Msg::HelpLineDown),
    bind(In(R), C('k'), Action::LineUp, Msg::HelpLineUp),
    bind(In(R), Up, Action::LineUp, Msg::HelpLineUp),
    bind(In(R), C('g'), Action::FirstPage, Msg::HelpFirstPage),
    bind(In(R), Home, Action::FirstPage, Msg::HelpFirstPage),
    bind(In(R), C('G'), Action::LastPage, Msg::HelpLastPage),
    bind(In(R), End, Action::LastPage, Msg::HelpLastPage),
    bind(In(R), C('n'), Action::NextMatch, Msg::HelpNextMatch),
    bind(In(R), C('N'), Action::PrevMatch, Msg::HelpPrevMatch),
    bind(In(R), C(']'), Action::NextArticle, Msg::HelpNextArticle),
    bind(In(R), C('['), Action::PrevArticle, Msg::HelpPrevArticle),
    bind(In(R), C('/'), Action::OpenSearch, Msg::HelpSearch),
    bind(In(R), C('d'), Action::OpenPicker, Msg::HelpPicker),
    bind(In(R), C('m'), Action::ToggleBookmark, Msg::HelpBookmark),
    bind(In(R), C('u'), Action::ToggleRead, Msg::HelpRead),
    Binding {
        place: In(S),
        key: Key::Text,
        action: Action::SearchInput(String::new()),
        help: Msg::HelpType,
    },
    bind(In(S), Backspace, Action::SearchBackspace, Msg::HelpErase),
    // Terminals set to `stty erase ^H` send Ctrl-H for Backspace.
    ctrl(In(S), 'h', Action::SearchBackspace, Msg::HelpErase),
    bind(In(S), Delete, Action::SearchDelete, Msg::HelpEraseNext),
    ctrl(In(S), 'w', Action::SearchDeleteWord, Msg::HelpEraseWord),
    with(
        In(S),
        Key::Alt(Backspace),
        Action::SearchDeleteWord,
        Msg::HelpEraseWord,
    ),
    ctrl(
        In(S),
        'u',
        Action::SearchClearToStart,
        Msg::HelpEraseToStart,
    ),
    ctrl(In(S), 'k', Action::SearchClearToEnd, Msg::HelpEraseToEnd),
    bind(In(S), Left, Action::SearchLeft, Msg::HelpCursorLeft),
    bind(In(S), Right, Action::SearchRight, Msg::HelpCursorRight),
    with(
        In(S),
        Key::CtrlKey(Left),
        Action::SearchWordLeft,
        Msg::HelpWordLeft,
    ),
    with(
        In(S),
        Key::Alt(C('b')),
        Action::SearchWordLeft,
        Msg::HelpWordLeft,
    ),
    with(
        In(S),
        Key::CtrlKey(Right),
        Action::SearchWordRight,
        Msg::HelpWordRight,
    ),
    with(
        In(S),
        Key::Alt(C('f')),
        Action::SearchWordRight,
        Msg::HelpWordRight,
    ),
    ctrl(In(S), 'a', Action::SearchHome, Msg::HelpCursorHome),
    bind(In(S), Home, Action::SearchHome, Msg::HelpCursorHome),
    ctrl(In(S), 'e', Action::SearchEnd, Msg::HelpCursorEnd),
    bind(In(S), End, Action::SearchEnd, Msg::HelpCursorEnd),
    bind(In(S), Enter, Action::SearchAccept, Msg::HelpAccept),
    bind(In(S), Esc, Action::SearchCancel, Msg::HelpCancel),
    bind(In(P), C('j'), Action::PickerDown, Msg::HelpDown),
    bind(In(P), Down, Action::PickerDown, Msg::HelpDown),
    bind(In(P), C('k'), Action::PickerUp, Msg::HelpUp),
    bind(In(P), Up, Action::PickerUp, Msg::HelpUp),
    bind(In(P), C(' '), Action::PickerToggle, Msg::HelpToggle),
    bind(In(P), C('g'), Action::Top, Msg::HelpTop),
    bind(In(P), Home, Action::Top, Msg::HelpTop),
    bind(In(P), C('G'), Action::Bottom, Msg::HelpBottom),
    bind(In(P), End, Action::Bottom, Msg::HelpBottom),
    bind(In(P), PageDown, Action::NextPage, Msg::HelpNextScreen),
    ctrl(In(P), 'f', Action::NextPage, Msg::HelpNextScreen),
    bind(In(P), PageUp, Action::PrevPage, Msg::HelpPrevScreen),
    ctrl(In(P), 'b', Action::PrevPage, Msg::HelpPrevScreen),
    ctrl(In(P), 'd', Action::HalfPageDown, Msg::HelpHalfScreenDown),
    ctrl(In(P), 'u', Action::HalfPageUp, Msg::HelpHalfScreenUp),
    bind(In(P), Enter, Action::PickerApply, Msg::HelpApply),
    bind(In(P), Esc, Action::PickerCancel, Msg::HelpCancel),
    bind(In(P), C('q'), Action::PickerCancel, Msg::HelpCancel),
    bind(In(H), C('j'), Action::LineDown, Msg::HelpLineDown),
    bind(In(H), Down, Action::LineDown, Msg::HelpLineDown),
    bind(In(H), C('k'), Action::LineUp, Msg::HelpLineUp),
    bind(In(H), Up, Action::LineUp, Msg::HelpLineUp),
    bind(In(H), C(' '), Action::NextPage, Msg::HelpNextPage),
    bind(In(H), PageDown, Action::NextPage, Msg::HelpNextPage),
    bind(In(H), C('f'), Action::NextPage, Msg::HelpNextPage),
    ctrl(In(H), 'f', Action::NextPage, Msg::HelpNextPage),
    bind(In(H), C('b'), Action::PrevPage, Msg::HelpPrevPage),
    bind(In(H), PageUp, Action::PrevPage, Msg::HelpPrevPage),
    ctrl(In(H), 'b', Action::PrevPage, Msg::HelpPrevPage),
    ctrl(In(H), 'd', Action::HalfPageDown, Msg::HelpHalfPageDown),
    ctrl(In(H), 'u', Action::HalfPageUp, Msg::HelpHalfPageUp),
    bind(In(H), C('g'), Action::FirstPage, Msg::HelpTop),
    bind(In(H), Home, Action::FirstPage, Msg::HelpTop),
    bind(In(H), C('G'), Action::LastPage, Msg::HelpBottom),
    bind(In(H), End, Action::LastPage, Msg::HelpBottom),
    bind(In(H), C('q'), Action::Help, Msg::HelpClose),
    bind(In(H), Esc, Action::Help, Msg::HelpClose),
    bind(In(H), C('?'), Action::Help, Msg::HelpClose),
];

/// The action for a terminal event in `context`, if any.
pub fn action_for(context: Context, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => action_for_key(context, key),
        Event::Paste(text) => Some(Action::SearchInput(text.clone())),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::ScrollDown(mouse.column, mouse.row)),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp(mouse.column, mouse.row)),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(mouse.column, mouse.row)),
            _ => None,
        },
        _ => None,
    }
}

fn action_for_key(context: Context, key: &KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let mods = key.modifiers - KeyModifiers::SHIFT;
    let pressed = if mods == KeyModifiers::CONTROL {
        match key.code {
            C(c) => Key::Ctrl(c.to_ascii_lowercase()),
            code => Key::CtrlKey(code),
        }
    } else if mods == KeyModifiers::ALT {
        Key::Alt(key.code)
    } else if mods.is_empty() {
        Key::Code(key.code)
    } else {
        return None;
    };
    if let Some(action) = user_action(context, pressed) {
        return action;
    }
    for b in BINDINGS {
        let applies = match b.place {
            Where::Always => true,
            Where::Anywhere => matches!(context, Context::List | Context::Reader),
            Where::In(c) => c == context,
        };
        if !applies {
            continue;
        }
        match (b.key, pressed) {
            (Key::Text, Key::Code(C(c))) => return Some(Action::SearchInput(c.to_string())),
            (k, p) if k == p => return Some(b.action.clone()),
            _ => {}
        }
    }
    None
}

/// A key's name as the help shows it.
pub fn key_label(key: Key, lang: Lang) -> String {
    match key {
        Key::Text => Msg::KeyText.text(lang).to_string(),
        Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        Key::CtrlKey(code) => format!("Ctrl-{}", key_label(Key::Code(code), lang)),
        Key::Alt(code) => format!("Alt-{}", key_label(Key::Code(code), lang)),
        Key::Code(code) => match code {
            C(' ') => Msg::KeySpace.text(lang).to_string(),
            C(c) => c.to_string(),
            Enter => "Enter".into(),
            Esc => "Esc".into(),
            Tab => "Tab".into(),
            Backspace => "Backspace".into(),
            Delete => "Delete".into(),
            Up => "↑".into(),
            Down => "↓".into(),
            Left => "←".into(),
            Right => "→".into(),
            Home => "Home".into(),
            End => "End".into(),
            PageUp => "PgUp".into(),
            PageDown => "PgDn".into(),
            Insert => "Insert".into(),
            F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        },
    }
}

/// True for a binding that does something only while list and reader are side by side:
/// `Tab`, and `]` `[` in the list (they move the selection the preview follows).
pub fn only_side_by_side(b: &Binding) -> bool {
    b.action == Action::ToggleFocus
        || (b.place == Where::In(L)
            && matches!(b.action, Action::NextArticle | Action::PrevArticle))
}

/// What the help says a binding does: with no preview beside the list, the keys that page
/// it page the list.
fn help_of(b: &Binding, side_by_side: bool) -> Msg {
    match b.action {
        Action::PreviewNextPage if !side_by_side => Msg::HelpNextScreen,
        Action::PreviewPrevPage if !side_by_side => Msg::HelpPrevScreen,
        _ => b.help,
    }
}

/// The help for one place: `(keys, what they do)`, keys of the same action joined. Keys
/// that work only [side by side](only_side_by_side) are left out unless `side_by_side`.
pub fn help_rows(place: Where, lang: Lang, side_by_side: bool) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(Msg, Vec<String>)> = Vec::new();
    let shown = |b: &&Binding| b.place == place && (side_by_side || !only_side_by_side(b));
    for b in BINDINGS.iter().filter(shown) {
        // A key the user took leaves its row in place for the user's keys (see below).
        let label = (!user_overrides(b)).then(|| key_label(b.key, lang));
        let help = help_of(b, side_by_side);
        match rows.iter_mut().find(|(m, _)| *m == help) {
            Some((_, keys)) => keys.extend(label),
            None => rows.push((help, label.into_iter().collect())),
        }
    }
    add_user_rows(&mut rows, place, lang, side_by_side);
    rows.retain(|(_, keys)| !keys.is_empty());
    rows.into_iter()
        .map(|(m, keys)| (keys.join(" "), m.text(lang)))
        .collect()
}

/// The whole help opened `from` a context: a section per place, the keys of `from` first,
/// each section a heading line (empty keys) followed by its rows. Keys of the list and
/// the reader (`?`) and keys of every context (`Ctrl-C`, `Ctrl-L`) share one section,
/// 任何地方 / Anywhere: two near-synonymous headings would only puzzle. With the `mouse`
/// captured, a last section says what the wheel and a click do.
pub fn help_lines(
    from: Context,
    lang: Lang,
    side_by_side: bool,
    mouse: bool,
) -> Vec<(String, &'static str)> {
    let mut places = vec![Where::In(from), Where::Anywhere];
    for c in [L, R, S, P, H] {
        if c != from {
            places.push(Where::In(c));
        }
    }
    let mut lines = Vec::new();
    for place in places {
        let mut rows = help_rows(place, lang, side_by_side);
        if place == Where::Anywhere {
            rows.extend(help_rows(Where::Always, lang, side_by_side));
        }
        if rows.is_empty() {
            continue;
        }
        lines.push((String::new(), section(place).text(lang)));
        lines.extend(rows);
    }
    lines.extend(crate::i18n::query_help(lang));
    if mouse {
        lines.push((String::new(), Msg::CtxMouse.text(lang)));
        lines.push((Msg::KeyWheel.text(lang).into(), Msg::HelpWheel.text(lang)));
        lines.push((Msg::KeyClick.text(lang).into(), Msg::HelpClick.text(lang)));
    }
    lines
}

fn section(place: Where) -> Msg {
    match place {
        Where::Always | Where::Anywhere => Msg::CtxAnywhere,
        Where::In(R) => Msg::CtxReader,
        Where::In(S) => Msg::CtxSearch,
        Where::In(P) => Msg::CtxPicker,
        Where::In(H) => Msg::CtxHelp,
        Where::In(L) => Msg::CtxList,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn the_prompt_takes_every_printable_key() {
        for c in ['q', '?', 'd', '/', ' '] {
            assert_eq!(
                action_for(Context::Search, &key(C(c))),
                Some(Action::SearchInput(c.to_string()))
            );
        }
    }

    #[test]
    fn ctrl_c_quits_anywhere() {
        let ctrl_c = Event::Key(KeyEvent::new(C('c'), KeyModifiers::CONTROL));
        for ctx in [L, R, S, P, H] {
            assert_eq!(action_for(ctx, &ctrl_c), Some(Action::Quit));
        }
    }

    #[test]
    fn q_quits_the_list_but_leaves_the_reader() {
        assert_eq!(action_for(L, &key(C('q'))), Some(Action::Quit));
        assert_eq!(action_for(R, &key(C('q'))), Some(Action::Back));
    }

    #[test]
    fn help_joins_keys_of_one_action() {
        let rows = help_rows(In(R), Lang::En, false);
        assert!(rows.contains(&("q Esc h ←".to_string(), "back to the list")));
    }

    #[test]
    fn help_scrolls_and_closes_with_q_esc_and_question_mark_only() {
        assert_eq!(action_for(H, &key(C('j'))), Some(Action::LineDown));
        assert_eq!(action_for(H, &key(C(' '))), Some(Action::NextPage));
        assert_eq!(action_for(H, &key(C('G'))), Some(Action::LastPage));
        for c in [C('q'), Esc, C('?')] {
            assert_eq!(action_for(H, &key(c)), Some(Action::Help));
        }
        assert_eq!(action_for(H, &key(C('x'))), None);
    }

    /// No key means two things in one context (the first row would silently win).
    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for ctx in [L, R, S, P, H] {
            let applies = |b: &&Binding| match b.place {
                Where::Always => true,
                Where::Anywhere => matches!(ctx, L | R),
                Where::In(c) => c == ctx,
            };
            let keys: Vec<Key> = BINDINGS.iter().filter(applies).map(|b| b.key).collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[..i].contains(k), "{k:?} twice in {ctx:?}");
            }
        }
    }

    #[test]
    fn page_keys_page_the_list_and_the_reader() {
        let ctrl = |c| Event::Key(KeyEvent::new(C(c), KeyModifiers::CONTROL));
        for ctx in [L, R] {
            // In the list `Space`, `f` and `b` page the preview side by side (the app
            // pages the list with them when there is none).
            let (next, prev) = if ctx == L {
                (Action::PreviewNextPage, Action::PreviewPrevPage)
            } else {
                (Action::NextPage, Action::PrevPage)
            };
            for e in [key(C(' ')), key(C('f'))] {
                assert_eq!(action_for(ctx, &e), Some(next.clone()), "{ctx:?}");
            }
            assert_eq!(action_for(ctx, &key(C('b'))), Some(prev), "{ctx:?}");
            for e in [key(PageDown), ctrl('f')] {
                assert_eq!(action_for(ctx, &e), Some(Action::NextPage), "{ctx:?}");
            }
            for e in [key(PageUp), ctrl('b')] {
                assert_eq!(action_for(ctx, &e), Some(Action::PrevPage), "{ctx:?}");
            }
            assert_eq!(action_for(ctx, &ctrl('d')), Some(Action::HalfPageDown));
            assert_eq!(action_for(ctx, &ctrl('u')), Some(Action::HalfPageUp));
        }
        assert_eq!(action_for(S, &ctrl('u')), Some(Action::SearchClearToStart));
    }

    #[test]
    fn help_names_ctrl_and_alt_keys() {
        let rows = help_rows(In(S), Lang::En, false);
        assert!(rows.contains(&("Ctrl-← Alt-b".to_string(), "cursor a word left")));
        assert!(rows.contains(&("Ctrl-W Alt-Backspace".to_string(), "erase the word before")));
        assert!(rows.contains(&("Backspace Ctrl-H".to_string(), "erase one character")));
    }

    #[test]
    fn help_lists_brackets_in_the_list_only_side_by_side() {
        let list = |wide| help_rows(In(L), Lang::En, wide);
        assert!(!list(false).iter().any(|(k, _)| k == "]"));
        assert!(list(true).contains(&("]".to_string(), "next article")));
        assert!(help_rows(In(R), Lang::En, false).contains(&("]".to_string(), "next article")));
    }

    #[test]
    fn tab_is_listed_under_the_list_and_the_reader_not_anywhere() {
        let tab = |place| {
            help_rows(place, Lang::Zh, true)
                .iter()
                .any(|(k, _)| k == "Tab")
        };
        assert!(tab(In(L)) && tab(In(R)));
        assert!(!tab(ANY) && !tab(ALL) && !tab(In(S)) && !tab(In(P)) && !tab(In(H)));
        let narrow = |place| {
            help_rows(place, Lang::Zh, false)
                .iter()
                .any(|(k, _)| k == "Tab")
        };
        assert!(!narrow(In(L)) && !narrow(In(R)));
        let tab_key = key(Tab);
        for ctx in [L, R] {
            assert_eq!(action_for(ctx, &tab_key), Some(Action::ToggleFocus));
        }
    }

    #[test]
    fn ctrl_c_ctrl_l_and_question_mark_share_one_anywhere_section() {
        for lang in [Lang::Zh, Lang::En] {
            let lines = help_lines(L, lang, false, false);
            let headings: Vec<&str> = lines
                .iter()
                .filter(|(k, _)| k.is_empty())
                .map(|(_, h)| *h)
                .collect();
            let anywhere = Msg::CtxAnywhere.text(lang);
            assert_eq!(headings.iter().filter(|h| **h == anywhere).count(), 1);
            let at = lines.iter().position(|(_, h)| *h == anywhere).unwrap();
            let keys: Vec<&str> = lines[at + 1..]
                .iter()
                .take_while(|(k, _)| !k.is_empty())
                .map(|(k, _)| k.as_str())
                .collect();
            assert_eq!(keys, ["?", "Ctrl-C", "Ctrl-L"], "{lang:?}");
        }
    }

    #[test]
    fn help_lists_ctrl_c_and_tab_only_side_by_side() {
        let narrow = help_lines(L, Lang::En, false, false);
        assert!(narrow.contains(&("Ctrl-C".to_string(), "quit")));
        assert!(!narrow.iter().any(|(k, _)| k == "Tab"));
        let wide = help_lines(L, Lang::En, true, false);
        assert!(wide.iter().any(|(k, _)| k == "Tab"));
    }

    #[test]
    fn help_says_what_the_mouse_does_only_when_it_is_captured() {
        for lang in [Lang::Zh, Lang::En] {
            let without = help_lines(L, lang, false, false);
            let with = help_lines(L, lang, false, true);
            let wheel = Msg::KeyWheel.text(lang);
            assert!(!without.iter().any(|(k, _)| k == wheel));
            assert_eq!(with.len(), without.len() + 3);
            assert_eq!(
                with[without.len()],
                (String::new(), Msg::CtxMouse.text(lang))
            );
            assert!(with.iter().any(|(k, _)| k == wheel));
            assert!(with.iter().any(|(k, _)| k == Msg::KeyClick.text(lang)));
        }
    }
}
