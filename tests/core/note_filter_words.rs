//! One name for "only the articles with a note" in each language: the help's `N` line, the
//! header while `N` is on, a report's title and the help on `note:` all say "with a note"
//! in English (never "noted", which the header and the title said until session 32), and
//! 有审读意见 in Chinese, where the help names the operator `审读意见:` as the reader calls
//! a note.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::App;
use kanbao::export::title::Chosen;
use kanbao::i18n::Lang;
use kanbao::keys::{self, CONTEXTS};

/// The bundled page with a note on article 1 and `N` on, in `lang`, at 120×30.
fn noted_only(lang: Lang) -> App {
    let mut app = support::bundled_with_a_note(lang, 120, 30);
    app.update(Action::FilterNoted);
    app
}

/// The help's lines, every context's, as `key what`.
fn help(lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    for context in CONTEXTS {
        for (key, what) in keys::help_lines(context, lang, false, false) {
            lines.push(format!("{key} {what}"));
        }
    }
    lines
}

/// The report title of the list as `N` leaves it.
fn title(lang: Lang) -> String {
    Chosen {
        noted: true,
        ..Chosen::default()
    }
    .title(lang)
}

#[test]
fn english_says_with_a_note_everywhere() {
    let help = help(Lang::En);
    let n = help.iter().find(|l| l.starts_with("N ")).unwrap();
    assert!(n.contains("only with a note"), "{n}");
    let operator = help.iter().find(|l| l.starts_with("note:")).unwrap();
    assert!(operator.ends_with("empty: with a note"), "{operator}");

    let screen = support::screen(&noted_only(Lang::En), 120, 30);
    let header = screen.lines().next().unwrap();
    assert!(header.contains("only: with a note"), "{header}");

    assert_eq!(title(Lang::En), "Review report: with a note");
    let both = Chosen {
        bookmarked: true,
        unread: true,
        noted: true,
        ..Chosen::default()
    };
    assert_eq!(
        both.title(Lang::En),
        "Review report: bookmarked · unread · with a note"
    );

    let all = [help.join("\n"), screen, title(Lang::En)].join("\n");
    assert!(!all.contains("noted"), "{all}");
}

#[test]
fn chinese_says_shen_du_yi_jian_for_the_same_things() {
    let help = help(Lang::Zh);
    let n = help.iter().find(|l| l.starts_with("N ")).unwrap();
    assert!(n.contains("只看有审读意见的"), "{n}");
    // The operator is named as the reader names a note; 批注: still works as a search.
    let operator = help.iter().find(|l| l.starts_with("note:")).unwrap();
    assert!(operator.starts_with("note: 审读意见:"), "{operator}");
    assert!(operator.ends_with("空：有审读意见"), "{operator}");
    assert!(!help.join("\n").contains("批注"), "{help:?}");

    let screen = support::screen(&noted_only(Lang::Zh), 120, 30);
    let header = screen.lines().next().unwrap();
    assert!(header.contains("只看：有审读意见"), "{header}");
    assert_eq!(title(Lang::Zh), "审读报告：有审读意见");
}

#[test]
fn the_english_header_keeps_each_filter_apart() {
    let mut app = noted_only(Lang::En);
    app.update(Action::FilterBookmarked);
    app.update(Action::FilterUnread);
    let screen = support::screen(&app, 120, 30);
    let header = screen.lines().next().unwrap();
    assert!(
        header.contains("only: bookmarked, unread, with a note"),
        "{header}"
    );
}
