//! What the messages and the help say about dates, now that every date typed is read one
//! way (session 31): `kanbao import --date`'s error lists the forms of a day `--since`
//! takes, in the words `--since`'s error lists them (one text, not two copies), and that
//! error no longer offers a range, which `--since` refuses; the help says that `t` edits the
//! date filter (the search's `date:`) and that `T`'s `Enter` sets it.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use crate::support;

use std::process::Output;

use kanbao::app::Context;
use kanbao::i18n::Lang;
use kanbao::keys;
use support::cli::{kanbao_in, stderr};

/// The bundled page as its raw text (the importer's input).
const PAGE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/page.txt");

/// The ways of writing 8 March 2024 that `--since` and `import --date` take alike.
const DAYS: [&str; 5] = [
    "2024-03-08",
    "2024-3-8",
    "2024/3/8",
    "2024年3月8日",
    "20240308",
];

fn run(args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    kanbao_in(dir.path()).args(args).output().unwrap()
}

/// The forms an error lists: what follows `marker`, up to `until` or the end of the line.
fn forms<'a>(err: &'a str, marker: &str, until: &str) -> &'a str {
    let start = err
        .find(marker)
        .unwrap_or_else(|| panic!("{marker:?} in {err}"))
        + marker.len();
    let rest = err[start..].lines().next().unwrap();
    rest.split(until).next().unwrap().trim()
}

#[test]
fn import_date_lists_the_day_forms_since_lists() {
    for (lang, marker, until) in [("zh", "可写：", "（"), ("en", "accepted forms: ", " (")] {
        let date = run(&["--lang", lang, "import", PAGE, "--date", "2024-02-30"]);
        assert_eq!(date.status.code(), Some(2));
        let date_err = stderr(&date);
        assert!(date_err.contains("2024-02-30"), "{date_err}");
        let date_forms = forms(&date_err, marker, until);
        for day in DAYS {
            assert!(date_forms.contains(day), "{day} in {date_err}");
        }
        assert!(!date_err.contains("YYYY-MM-DD"), "{date_err}");

        let since = run(&["--lang", lang, "list", "--since", "2024-13"]);
        assert_eq!(since.status.code(), Some(2));
        let since_err = stderr(&since);
        let since_forms = forms(&since_err, marker, until);
        // A year, a month, then the same days in the same words.
        assert_eq!(
            since_forms,
            format!("2024, 2024-03, {date_forms}"),
            "{since_err}"
        );
    }
}

#[test]
fn since_offers_no_range_it_would_refuse() {
    let out = run(&["--lang", "en", "list", "--since", "2024-01..2024-03"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        !forms(&err, "accepted forms: ", " (").contains(".."),
        "{err}"
    );
}

/// The help's line for `key` in the list, in `lang`.
fn help_of(key: &str, lang: Lang) -> String {
    keys::help_lines(Context::List, lang, false, false)
        .into_iter()
        .find(|(keys, _)| keys.split(' ').any(|k| k == key))
        .map(|(_, what)| what.to_owned())
        .unwrap_or_else(|| panic!("no help line for {key}"))
}

#[test]
fn the_help_says_t_edits_the_date_filter_and_t_sets_it() {
    let t = help_of("t", Lang::En);
    assert!(t.contains("edit") && t.contains("date:"), "{t}");
    let timeline = help_of("T", Lang::En);
    assert!(
        timeline.contains("Enter") && timeline.contains("date:"),
        "{timeline}"
    );
    let t = help_of("t", Lang::Zh);
    assert!(t.contains("修改日期筛选") && t.contains("date:"), "{t}");
    let timeline = help_of("T", Lang::Zh);
    assert!(
        timeline.contains("Enter") && timeline.contains("日期筛选"),
        "{timeline}"
    );
    // The reader's `t` is the same line.
    let in_reader = keys::help_lines(Context::Reader, Lang::En, false, false);
    assert!(
        in_reader
            .iter()
            .any(|(k, what)| k == "t" && what.contains("edit the date filter")),
        "{in_reader:?}"
    );
}
