//! The help box (`?`) is as wide as its longest line needs when the terminal has room, and
//! still fits a small terminal: at 120 columns it was 56 wide and cut
//! `Enter  加上输入的标签（或切换光标处的…`.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::{App, Context, Options};
use kanbao::i18n::Lang;
use kanbao::layout::{AmbiguousWidth, display_width};

fn help_open(lang: Lang, w: u16, h: u16) -> App {
    let mut app = support::bundled_app(Options {
        lang,
        ambiguous: AmbiguousWidth::Narrow,
        source: "builtin".to_string(),
        ..Options::default()
    });
    app.update(Action::Resize(w, h));
    app.update(Action::Help);
    app
}

/// Every page of the open help, as the screen shows it.
fn pages(app: &mut App, w: u16, h: u16) -> String {
    let mut out = String::new();
    loop {
        out.push_str(&support::screen(app, w, h));
        let before = support::help_scroll(app);
        app.update(Action::NextPage);
        if support::help_scroll(app) == before {
            return out;
        }
    }
}

#[test]
fn with_room_no_help_line_is_cut() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(120, 40), (160, 50)] {
            let mut app = help_open(lang, w, h);
            let lines = app.help_lines(Context::List);
            let shown = pages(&mut app, w, h);
            for (keys, what) in &lines {
                assert!(
                    shown.contains(what),
                    "{lang:?} {w}x{h}: {keys} {what} is cut:\n{shown}"
                );
            }
        }
    }
}

#[test]
fn the_box_grows_only_as_far_as_its_lines_need_and_fits_small_screens() {
    for lang in [Lang::Zh, Lang::En] {
        let wide = help_open(lang, 200, 50).help_box(Context::List).outer;
        assert!(wide.width < 200, "{lang:?}: {wide:?}");
        let needs = help_open(lang, 120, 40).help_box(Context::List).outer.width;
        assert_eq!(wide.width, needs, "{lang:?}: a wider screen, the same box");
        for (w, h) in [(40, 15), (80, 24), (40, 12), (24, 8)] {
            let app = help_open(lang, w, h);
            let outer = app.help_box(Context::List).outer;
            assert!(
                outer.x + outer.width <= w && outer.y + outer.height <= h,
                "{lang:?} {w}x{h}: {outer:?}"
            );
            let screen = support::screen(&app, w, h);
            for row in screen.lines() {
                assert!(
                    display_width(row, AmbiguousWidth::Narrow) <= usize::from(w),
                    "{row}"
                );
            }
        }
    }
}
