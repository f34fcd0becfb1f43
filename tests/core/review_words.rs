//! One word for a reviewer's note: the reader's help, footers, editor, header and article
//! say 审读意见, as `kanbao note` and the docs do, never 批注 (left only as a search
//! operator's other name, `批注:`); in English the list's note mark is translated and a
//! count of one is `1 article`.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::{App, Context, Options};
use kanbao::article::Article;
use kanbao::collection::Collection;
use kanbao::i18n::Lang;
use kanbao::keys::{self, CONTEXTS};

/// The bundled page, article 1 with a note, `lang`, at 100×30.
fn app_in(lang: Lang) -> App {
    support::bundled_with_a_note(lang, 100, 30)
}

#[test]
fn the_reader_says_shen_du_yi_jian_as_the_commands_do() {
    let mut said: Vec<String> = Vec::new();
    for context in CONTEXTS {
        for (key, what) in keys::help_lines(context, Lang::Zh, false, false) {
            said.push(format!("{key} {what}"));
        }
    }
    let mut app = app_in(Lang::Zh);
    said.push(support::screen(&app, 100, 30));
    app.update(Action::FilterNoted);
    let header = support::screen(&app, 100, 30);
    assert!(header.contains("只看：有审读意见"), "{header}");
    said.push(header);
    app.update(Action::FilterNoted);
    app.update(Action::Open);
    app.update(Action::LastPage);
    let reader = support::screen(&app, 100, 30);
    assert!(reader.contains("审读意见："), "{reader}");
    said.push(reader);
    app.update(Action::EditNote);
    assert_eq!(app.context(), Context::Note);
    let editor = support::screen(&app, 100, 30);
    assert!(editor.contains("审读意见："), "{editor}");
    said.push(editor);
    app.update(Action::NoteSave);
    said.push(app.status().unwrap_or_default().to_owned());
    let all = said.join("\n");
    assert!(all.contains("写审读意见"), "{all}");
    assert!(all.contains("审读意见编辑"), "{all}");
    // Only the search operator's other name is left, in the help on queries.
    let left: Vec<&str> = all.lines().filter(|l| l.contains("批注")).collect();
    assert!(
        left.iter()
            .all(|l| l.contains("批注:") && !l.contains("有批注")),
        "{left:?}"
    );
}

#[test]
fn english_translates_the_note_mark_and_counts_one_article() {
    let app = app_in(Lang::En);
    let screen = support::screen(&app, 100, 30);
    assert!(!screen.contains('注'), "{screen}");
    let rows: Vec<&str> = screen.lines().collect();
    // The row under the title of article 1 (the one with a note) starts with the mark.
    let row_of = |id: &str| {
        let article = app.collection().by_id(id).unwrap();
        let start: String = article.title.chars().take(6).collect();
        rows.iter().position(|r| r.contains(&start)).unwrap()
    };
    let under = rows[row_of("1") + 1].trim_start();
    assert!(under.starts_with("N "), "{under:?}");
    let other = rows[row_of("2") + 1].trim_start();
    assert!(!other.starts_with("N "), "{other:?}");
    assert!(screen.contains("7 articles"), "{screen}");

    let one = Article {
        id: "a1".into(),
        title: "一篇".into(),
        paragraphs: vec!["正文。".into()],
        ..Article::default()
    };
    let opts = Options {
        lang: Lang::En,
        ..Options::default()
    };
    let mut app = support::app_over(Collection::from(vec![one]), opts);
    app.update(Action::Resize(100, 30));
    let screen = support::screen(&app, 100, 30);
    assert!(screen.contains("1 article"), "{screen}");
    assert!(!screen.contains("1 articles"), "{screen}");
}
