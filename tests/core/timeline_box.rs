//! The reader's timeline (`T`) lays its rows out as `kanbao timeline` prints them: the
//! period, the count right-aligned, a space, then the bar. It drew `2019 60523████…`, the
//! count run into the bar.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::Options;
use kanbao::article::Article;
use kanbao::collection::Collection;

/// 120 articles in 2024-01, 5 in 2024-02, none in 2024-03, 1 in 2024-04.
fn months() -> Collection {
    let days = [("2024-01-15", 120), ("2024-02-03", 5), ("2024-04-30", 1)];
    let articles: Vec<Article> = days
        .iter()
        .flat_map(|&(day, n)| std::iter::repeat_n(day, n))
        .enumerate()
        .map(|(i, day)| Article {
            id: format!("a{i}"),
            title: format!("第{i}篇"),
            date: Some(day.to_string()),
            paragraphs: vec!["正文。".to_string()],
            ..Article::default()
        })
        .collect();
    Collection::from(articles)
}

/// The screen's row showing `period` in the timeline, from the period on.
fn row(screen: &str, period: &str) -> String {
    let key = format!("│{period} ");
    let line = screen
        .lines()
        .find(|l| l.contains(&key))
        .unwrap_or_else(|| panic!("no {period} in:\n{screen}"));
    let at = line.find(&key).unwrap() + "│".len();
    line[at..].trim_end_matches([' ', '│']).to_string()
}

#[test]
fn a_row_is_period_right_aligned_count_space_bar() {
    for (w, h) in [(80, 24), (40, 12)] {
        let opts = Options {
            source: "test".into(),
            ..Options::default()
        };
        let mut app = support::app_over(months(), opts);
        app.update(Action::Resize(w, h));
        app.update(Action::OpenTimeline);
        let screen = support::screen(&app, w, h);
        for (period, head) in [
            ("2024-01", "2024-01 120 █"),
            ("2024-02", "2024-02   5 █"),
            ("2024-04", "2024-04   1 █"),
        ] {
            let shown = row(&screen, period);
            assert!(shown.starts_with(head), "{w}x{h}: {shown:?}\n{screen}");
            let bar = &shown[head.len() - "█".len()..];
            assert!(bar.chars().all(|c| c == '█'), "{w}x{h}: {shown:?}");
        }
        assert_eq!(row(&screen, "2024-03"), "2024-03   0", "{w}x{h}\n{screen}");
        // The busiest period's bar fills the rest of the box.
        let widest = row(&screen, "2024-01")
            .chars()
            .filter(|&c| c == '█')
            .count();
        assert!(widest > 10, "{w}x{h}: {widest}");
    }
}
