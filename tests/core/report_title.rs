//! The report's title names every condition that chose its articles — the dates as a
//! range, the districts, the tags, the marks and the search — in one order, the same for
//! `kanbao export` (Markdown and plain text) and the reader's `E`.

#![allow(
    clippy::unwrap_used,
    reason = "a test should panic at the first surprise"
)]

use crate::support;

use std::path::{Path, PathBuf};
use std::process::Output;

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::article::Article;
use kanbao::collection::Collection;
use kanbao::date::DateRange;
use kanbao::filter::{DistrictFilter, Filter};
use kanbao::state::StateStore;
use serde_json::json;

fn kanbao(dir: &Path, args: &[&str]) -> Output {
    support::cli::kanbao_in(dir)
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1733443200")
        .output()
        .unwrap()
}

/// Four articles: two in 西城区 in March 2024, one in 西城区 in April, one in 大兴区.
fn articles() -> Vec<Article> {
    let article = |id: &str, district: &str, date: &str, text: &str| Article {
        id: id.into(),
        title: format!("{district}{id}"),
        district: Some(district.into()),
        date: Some(date.into()),
        paragraphs: vec![text.into()],
        ..Article::default()
    };
    vec![
        article("a1", "西城区", "2024-03-05", "职工沟通会。"),
        article("a2", "西城区", "2024-03-20", "楼宇讲解。"),
        article("a3", "西城区", "2024-04-02", "职工沟通会。"),
        article("a4", "大兴区", "2024-03-05", "职工沟通会。"),
    ]
}

fn data(dir: &Path) -> String {
    let path = dir.join("paper.json");
    let doc = json!({ "schema": 1, "articles": articles() });
    std::fs::write(&path, doc.to_string()).unwrap();
    path.display().to_string()
}

fn first_line(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    support::cli::stdout(out).lines().next().unwrap().to_owned()
}

#[test]
fn the_cli_title_names_the_dates_as_a_range() {
    let dir = tempfile::tempdir().unwrap();
    let data = data(dir.path());
    let month = [
        "--data", &data, "export", "--since", "2024-03", "--until", "2024-03",
    ];
    let out = kanbao(dir.path(), &[&month[..], &["--district", "xc"]].concat());
    assert_eq!(
        first_line(&out),
        "# 审读报告：2024-03-01 至 2024-03-31 · 西城区"
    );
    assert!(support::cli::stdout(&out).contains("共 2 篇"));
    let out = kanbao(dir.path(), &[&month[..], &["--format", "txt"]].concat());
    assert_eq!(first_line(&out), "审读报告：2024-03-01 至 2024-03-31");
    let since = kanbao(
        dir.path(),
        &["--data", &data, "export", "--since", "2024-03-20"],
    );
    assert_eq!(first_line(&since), "# 审读报告：2024-03-20 起");
    let until = kanbao(
        dir.path(),
        &["--data", &data, "export", "--until", "2024-03"],
    );
    assert_eq!(first_line(&until), "# 审读报告：截至 2024-03-31");
    let en = kanbao(
        dir.path(),
        &[
            "--lang",
            "en",
            "--data",
            &data,
            "export",
            "--since",
            "2024-03-05",
            "--until",
            "2024-03-05",
        ],
    );
    assert_eq!(first_line(&en), "# Review report: 2024-03-05");
}

/// The same conditions, given on the command line and set in the reader, make the same
/// title, every condition named in the same order.
#[test]
fn the_cli_and_the_reader_name_the_same_choice_alike() {
    let dir = tempfile::tempdir().unwrap();
    let data = data(dir.path());
    for id in ["a1", "a3"] {
        let out = kanbao(dir.path(), &["--data", &data, "tag", id, "+待核实"]);
        assert!(out.status.success());
    }
    let cli = kanbao(
        dir.path(),
        &[
            "--data",
            &data,
            "export",
            "--query",
            "沟通",
            "--tag",
            "待核实",
            "--district",
            "西城区",
            "--since",
            "2024-03",
            "--until",
            "2024-03",
        ],
    );
    let title = "# 审读报告：2024-03-01 至 2024-03-31 · 西城区 · 标签 待核实 · 搜索“沟通”";
    assert_eq!(first_line(&cli), title);
    // The dates written in the search name the same range, not search words.
    let in_query = kanbao(
        dir.path(),
        &[
            "--data",
            &data,
            "export",
            "--query",
            "沟通 date:2024-03",
            "--tag",
            "待核实",
            "--district",
            "西城区",
        ],
    );
    assert_eq!(first_line(&in_query), title);

    let key = "test";
    let mut store = StateStore::disabled();
    store.set_tag(key, "a1", "待核实", true);
    store.set_tag(key, "a3", "待核实", true);
    let reports = tempfile::tempdir().unwrap();
    let opts = Options {
        source: key.into(),
        report_dir: Some(reports.path().to_path_buf()),
        data: vec![PathBuf::from(&data)],
        filter: Filter {
            dates: DateRange::parse("2024-03").unwrap(),
            ..Filter::from(DistrictFilter::parse(&["西城区"]).unwrap())
        },
        ..Options::default()
    };
    let mut app = App::new(Collection::from(articles()), store, Vec::new(), opts);
    app.update(Action::Resize(100, 30));
    app.update(Action::FilterTag);
    support::act(&mut app, Action::OpenSearch);
    support::act(&mut app, Action::SearchInput("沟通".into()));
    support::act(&mut app, Action::SearchAccept);
    assert_eq!(support::shown_ids(&app), ["a1"]);
    app.update(Action::ExportList);
    let written = support::file_names(reports.path());
    assert_eq!(written.len(), 1, "{:?}", app.status());
    let report = std::fs::read_to_string(reports.path().join(&written[0])).unwrap();
    assert_eq!(report.lines().next().unwrap(), title, "{report}");
}
