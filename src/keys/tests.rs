//! Tests of the key table, the help and the hints.

use super::*;
use Context::{Help as H, List as L, Picker as P, Reader as R, Search as S};
use KeyName::{Char as C, Esc, PageDown, PageUp, Tab};
use Where::{Always as ALL, Anywhere as ANY, In};

fn key(code: KeyName) -> Key {
    Key::Code(code)
}

#[test]
fn the_prompt_takes_every_printable_key() {
    for c in ['q', '?', 'd', '/', ' '] {
        assert_eq!(
            action_for(Context::Search, key(C(c))),
            Some(Action::SearchInput(c.to_string()))
        );
    }
}

#[test]
fn ctrl_c_quits_anywhere() {
    let ctrl_c = Key::Ctrl('c');
    for ctx in [L, R, S, P, H] {
        assert_eq!(action_for(ctx, ctrl_c), Some(Action::Quit));
    }
}

#[test]
fn q_quits_the_list_but_leaves_the_reader() {
    assert_eq!(action_for(L, key(C('q'))), Some(Action::Quit));
    assert_eq!(action_for(R, key(C('q'))), Some(Action::Back));
}

#[test]
fn help_joins_keys_of_one_action() {
    let rows = help_rows(In(R), Lang::En, false);
    assert!(rows.contains(&("q Esc h ←".to_string(), "back to the list")));
}

#[test]
fn help_scrolls_and_closes_with_q_esc_and_question_mark_only() {
    assert_eq!(action_for(H, key(C('j'))), Some(Action::LineDown));
    assert_eq!(action_for(H, key(C(' '))), Some(Action::NextPage));
    assert_eq!(action_for(H, key(C('G'))), Some(Action::LastPage));
    for c in [C('q'), Esc, C('?')] {
        assert_eq!(action_for(H, key(c)), Some(Action::Help));
    }
    assert_eq!(action_for(H, key(C('x'))), None);
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
    let ctrl = Key::Ctrl;
    for ctx in [L, R] {
        // In the list `Space`, `f` and `b` page the preview side by side (the app
        // pages the list with them when there is none).
        let (next, prev) = if ctx == L {
            (Action::PreviewNextPage, Action::PreviewPrevPage)
        } else {
            (Action::NextPage, Action::PrevPage)
        };
        for e in [key(C(' ')), key(C('f'))] {
            assert_eq!(action_for(ctx, e), Some(next.clone()), "{ctx:?}");
        }
        assert_eq!(action_for(ctx, key(C('b'))), Some(prev), "{ctx:?}");
        for e in [key(PageDown), ctrl('f')] {
            assert_eq!(action_for(ctx, e), Some(Action::NextPage), "{ctx:?}");
        }
        for e in [key(PageUp), ctrl('b')] {
            assert_eq!(action_for(ctx, e), Some(Action::PrevPage), "{ctx:?}");
        }
        assert_eq!(action_for(ctx, ctrl('d')), Some(Action::HalfPageDown));
        assert_eq!(action_for(ctx, ctrl('u')), Some(Action::HalfPageUp));
    }
    assert_eq!(action_for(S, ctrl('u')), Some(Action::SearchClearToStart));
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
        assert_eq!(action_for(ctx, tab_key), Some(Action::ToggleFocus));
    }
}

#[test]
fn ctrl_c_ctrl_l_ctrl_z_and_question_mark_share_one_anywhere_section() {
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
        assert_eq!(keys, ["?", "Ctrl-C", "Ctrl-L", "Ctrl-Z"], "{lang:?}");
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

/// The bar shows the table's keys; no hint is typed by hand.
#[test]
fn hints_come_from_the_table() {
    assert_eq!(
        hints(Hint::List, Lang::Zh),
        "? 帮助  / 搜索  d 地区  q 退出"
    );
    assert_eq!(
        hints(Hint::List, Lang::En),
        "? help  / search  d district  q quit"
    );
    assert_eq!(
        hints(Hint::ListSideBySide, Lang::Zh),
        "空格 预览翻页  ? 帮助  / 搜索  d 地区  q 退出"
    );
    assert_eq!(hints(Hint::ListEmpty, Lang::Zh), "? 帮助  / 搜索  q 退出");
    assert_eq!(hints(Hint::Reader, Lang::Zh), "空格 翻页  ] 下一篇  q 返回");
    assert_eq!(
        hints(Hint::ReaderSearching, Lang::En),
        "Space page  n next hit  q back"
    );
    assert_eq!(hints(Hint::Prompt, Lang::Zh), "Enter 确定  Esc 取消");
    assert_eq!(
        hints(Hint::Picker, Lang::En),
        "j k move  Space toggle  Enter apply  Esc cancel"
    );
    // The timeline applies a period as it is chosen: no `Space 选择` (a hands-on test).
    assert_eq!(
        hints(Hint::Timeline, Lang::Zh),
        "j k 移动  Enter 应用  Esc 取消"
    );
    assert_eq!(hints(Hint::Help, Lang::Zh), "j k 空格 滚动  q 关闭");
    assert_eq!(
        hints(Hint::Note, Lang::Zh),
        "Ctrl-D 保存  Enter 换行  Esc 取消"
    );
}

/// Every hint names an action its context binds (else it would silently vanish).
#[test]
fn every_hint_has_a_key() {
    for hint in [
        Hint::List,
        Hint::ListSideBySide,
        Hint::ListEmpty,
        Hint::ListEmptyMarks,
        Hint::Reader,
        Hint::ReaderSearching,
        Hint::Prompt,
        Hint::Picker,
        Hint::Timeline,
        Hint::Help,
        Hint::Note,
        Hint::Tags,
    ] {
        let shown = hints(hint, Lang::En);
        let expected = match hint {
            Hint::ListSideBySide => 5,
            Hint::List | Hint::ListEmptyMarks | Hint::Picker | Hint::Tags => 4,
            Hint::Reader | Hint::ReaderSearching | Hint::Note | Hint::Timeline => 3,
            Hint::ListEmpty => 3,
            Hint::Prompt | Hint::Help => 2,
        };
        assert_eq!(shown.split("  ").count(), expected, "{hint:?}: {shown}");
    }
}
