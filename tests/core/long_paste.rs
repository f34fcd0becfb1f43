//! A long paragraph pasted into the search prompt (a hands-on test, session 32): 303
//! characters, over the 256 a query may hold. The prompt line said
//! `查询有 303 个字符，超过上限 256 个；请缩短`, cut off at 80 columns; it now says the limit
//! and what to do in the room it has. The header showed the paste itself beside
//! `查询无效，列表未变`, pushing the banner out: it names the search the list still answers.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::i18n::Lang;

/// 303 characters of newspaper text, as a paragraph pasted whole.
fn paragraph() -> String {
    let text = "近日，朝阳区劲松街道工会驿站里暖意融融。劲松街道总工会联合中国职工服务集团、中国职工发展基金会共同开展情暖新就业形态劳动者慰问活动，为寒风中奔忙的户外劳动者们送上暖心礼包。";
    let text: String = text.chars().cycle().take(303).collect();
    assert_eq!(text.chars().count(), 303);
    text
}

fn reader(lang: Lang, w: u16, h: u16) -> App {
    let mut app = support::bundled_app(Options {
        source: "builtin".into(),
        lang,
        ..Options::default()
    });
    app.update(Action::Resize(w, h));
    app
}

#[test]
fn the_refusal_of_a_long_paste_fits_the_prompt_line_and_says_what_to_do() {
    for (lang, said) in [
        (Lang::Zh, "查询超过 256 字：请取其中一段"),
        (Lang::En, "over 256 characters: search a part"),
    ] {
        for (w, h) in [(80, 24), (100, 30)] {
            let mut app = reader(lang, w, h);
            support::act(&mut app, Action::OpenSearch);
            support::act(&mut app, Action::SearchInput(paragraph()));
            let screen = support::screen(&app, w, h);
            let bar = screen.lines().last().unwrap();
            assert!(bar.trim_end().ends_with(said), "{lang:?} {w}: {bar}");
        }
    }
}

#[test]
fn the_header_keeps_the_banner_and_names_the_search_the_list_is() {
    for (w, h) in [(80, 24), (100, 30)] {
        let mut app = reader(Lang::Zh, w, h);
        support::act(&mut app, Action::OpenSearch);
        support::act(&mut app, Action::SearchInput(paragraph()));
        let screen = support::screen(&app, w, h);
        let header = screen.lines().next().unwrap();
        assert!(
            header.contains("深入学习贯彻党的二十大精神"),
            "{w}: {header}"
        );
        assert!(header.contains("查询无效，列表未变"), "{w}: {header}");
        assert!(!header.contains("近日"), "{w}: {header}");
        // Over a search in force, the header names it: the list is still its answer.
        let mut app = reader(Lang::Zh, w, h);
        support::act(&mut app, Action::OpenSearch);
        support::act(&mut app, Action::SearchInput("驿站".into()));
        let results = app.view().to_vec();
        support::act(&mut app, Action::SearchInput(paragraph()));
        assert_eq!(app.view(), results);
        let screen = support::screen(&app, w, h);
        let header = screen.lines().next().unwrap();
        assert!(
            header.contains("搜索：驿站  查询无效，列表未变"),
            "{w}: {header}"
        );
        assert!(header.contains("深入学习"), "{w}: {header}");
        // Fixed, the header names what is typed again.
        support::act(&mut app, Action::SearchClearToStart);
        support::act(&mut app, Action::SearchInput("工会".into()));
        let screen = support::screen(&app, w, h);
        let header = screen.lines().next().unwrap();
        assert!(
            header.contains("搜索：工会") && !header.contains("查询无效"),
            "{header}"
        );
    }
}

/// A paste of many words is refused as briefly: the count of terms is the command line's.
#[test]
fn the_refusal_of_too_many_terms_fits_the_prompt_line() {
    let many = (0..40)
        .map(|i| format!("工会{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    for (lang, said) in [
        (Lang::Zh, "查询超过 32 个词：请减少词数"),
        (Lang::En, "over 32 terms: use fewer"),
    ] {
        let mut app = reader(lang, 80, 24);
        support::act(&mut app, Action::OpenSearch);
        support::act(&mut app, Action::SearchInput(many.clone()));
        let screen = support::screen(&app, 80, 24);
        let bar = screen.lines().last().unwrap();
        assert!(bar.trim_end().ends_with(said), "{lang:?}: {bar}");
    }
}
