//! Where the reader's timeline (`T`) opens (session 31): on the period of the selected
//! article, where the user is, not on the busiest period; with the selected article
//! undated, on the newest period (the top of a list newest first).

use std::path::Path;

use kanbao::action::Action;
use kanbao::app::{App, Mode, Options};

use super::{archive, support};

fn reader(dir: &Path) -> App {
    let data = archive(dir);
    let (collection, _) = kanbao::load::load(Some(Path::new(&data))).unwrap();
    let opts = Options {
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(collection, opts);
    app.update(Action::Resize(80, 24));
    app
}

/// The period under the timeline's cursor once `T` opens it, then closes it.
fn opens_on(app: &mut App) -> String {
    app.update(Action::OpenTimeline);
    let Mode::Timeline(t) = app.mode() else {
        panic!("no timeline")
    };
    let period = t.periods[t.selected].period.clone();
    app.update(Action::PickerCancel);
    period
}

#[test]
fn the_timeline_opens_on_the_selected_articles_period() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(dir.path());
    // Newest first: f (2025-02), e (2024-10), d, c (2024-03), b, a, g (undated).
    assert_eq!(
        support::shown_ids(&app),
        ["f", "e", "d", "c", "b", "a", "g"]
    );
    assert_eq!(
        opens_on(&mut app),
        "2025-02",
        "the first article's, not the busiest"
    );
    app.update(Action::MoveDown);
    assert_eq!(opens_on(&mut app), "2024-10");
    app.update(Action::MoveDown);
    app.update(Action::MoveDown);
    assert_eq!(opens_on(&mut app), "2024-03");
    app.update(Action::Bottom);
    assert_eq!(app.selected(), 6, "g, undated");
    assert_eq!(opens_on(&mut app), "2025-02", "the newest period");
    // From the selected article's period, `k` goes back in time one period at a time.
    app.update(Action::Top);
    app.update(Action::OpenTimeline);
    for _ in 0..5 {
        app.update(Action::PickerUp);
    }
    let Mode::Timeline(t) = app.mode() else {
        panic!("no timeline")
    };
    assert_eq!(t.periods[t.selected].period, "2024-09");
}

#[test]
fn by_year_the_timeline_opens_on_the_selected_articles_year() {
    // Over three years the timeline counts by year.
    use kanbao::article::Article;
    use kanbao::collection::Collection;
    let article = |id: &str, date: &str| Article {
        id: id.into(),
        title: format!("第{id}篇"),
        date: Some(date.into()),
        paragraphs: vec!["正文。".into()],
        ..Article::default()
    };
    let collection = Collection::new(
        None,
        vec![
            article("new", "2024-05-01"),
            article("mid", "2021-01-01"),
            article("mid2", "2021-02-01"),
            article("old", "2019-01-01"),
        ],
    );
    let mut app = support::app_over(collection, Options::default());
    app.update(Action::Resize(80, 24));
    app.update(Action::Bottom);
    assert_eq!(opens_on(&mut app), "2019", "not the busiest, 2021");
}
