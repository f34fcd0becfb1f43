//! `Esc` (and `c`) in the list clear the search, the districts and the mark filters. With
//! none of them set, `Esc` said 已清除搜索和筛选 all the same (a hands-on test, session 36):
//! it now says nothing, as `less` says nothing for a key with nothing to do, and says it
//! cleared only when it did.

use kanbao::app::Context;
use ratatui::crossterm::event::KeyCode;

use super::{NONE, bundled, drawn_at, key, press, type_text};

const CLEARED: &str = "已清除搜索和筛选";

fn esc(app: &mut kanbao::app::App) {
    assert!(press(app, KeyCode::Esc, NONE));
}

#[test]
fn esc_with_nothing_to_clear_says_nothing() {
    let mut app = bundled(80, 24);
    esc(&mut app);
    assert_eq!(app.context(), Context::List);
    assert_eq!(app.status(), None);
    assert_eq!(drawn_at(&app, CLEARED), None, "the bar claims nothing");
    // `c` is the same key.
    key(&mut app, 'c');
    assert_eq!(app.status(), None);
    assert_eq!(app.view().len(), 7);
}

#[test]
fn esc_says_it_cleared_what_was_set() {
    // A kept search, a district, a mark filter: each alone is something to clear.
    for set in ["search", "district", "marks"] {
        let mut app = bundled(80, 24);
        match set {
            "search" => {
                key(&mut app, '/');
                type_text(&mut app, "gonghui");
                assert!(press(&mut app, KeyCode::Enter, NONE));
            }
            "district" => {
                key(&mut app, 'd');
                key(&mut app, ' ');
                assert!(press(&mut app, KeyCode::Enter, NONE));
            }
            _ => key(&mut app, 'U'),
        }
        assert_eq!(app.context(), Context::List, "{set}");
        esc(&mut app);
        assert!(
            drawn_at(&app, CLEARED).is_some(),
            "{set}: {:?}",
            app.status()
        );
        assert_eq!(app.view().len(), 7, "{set}: all listed again");
        // And again, with nothing left: nothing said.
        esc(&mut app);
        assert_eq!(app.status(), None, "{set}");
    }
}
