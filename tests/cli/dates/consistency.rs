//! One reading of dates for every date typed (session 31): `import --date`, `--since`,
//! `--until` and `date:` take the same forms, and a range whose end comes before its start
//! is the same usage error (exit 2) wherever it is typed.

use super::{archive, kanbao};
use crate::support::cli::{json, kanbao_in, stderr};

/// The bundled page as its raw text (the importer's input).
const PAGE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/page.txt");

#[test]
fn import_date_takes_a_day_as_since_takes_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    for day in [
        "2024-3-9",
        "2024/3/9",
        "2024.03.09",
        "2024年3月9日",
        "20240309",
        "２０２４-３-９",
    ] {
        let out = kanbao(&["import", PAGE, "--date", day]);
        assert_eq!(out.status.code(), Some(0), "{day}: {}", stderr(&out));
        assert_eq!(json(&out)["articles"][0]["date"], "2024-03-09", "{day}");
        // The same text is a day to `--since` and `--until`.
        let since = kanbao(&["--no-index", "--data", &data, "list", "--since", day]);
        assert_eq!(since.status.code(), Some(0), "{day}: {}", stderr(&since));
    }
    // What is no single day is refused with the forms it takes; a month is no day.
    for bad in ["2024-03", "2024-3-32", "2024-02-30", "3/9"] {
        let out = kanbao(&["import", PAGE, "--date", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(
            stderr(&out).contains(kanbao::date::DAY_FORMS),
            "{bad}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_reversed_range_is_a_usage_error_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let data = archive(dir.path());
    let base = ["--no-index", "--data", data.as_str()];
    for command in [
        vec!["list"],
        vec!["search", "工会"],
        vec!["districts"],
        vec!["timeline"],
        vec!["export"],
    ] {
        let mut args = base.to_vec();
        args.extend(&command);
        args.extend(["--since", "2024", "--until", "2023"]);
        let out = kanbao(&args);
        assert_eq!(out.status.code(), Some(2), "{command:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("--since") && err.contains("--until"), "{err}");
        // The query's `date:` is refused the same way, and says why in the same words.
        let mut args = base.to_vec();
        args.extend(&command);
        if command.len() == 1 && command[0] != "districts" {
            args.extend(["--query", "date:2024..2023"]);
        } else if command[0] == "search" {
            args.push("date:2024..2023");
        } else {
            continue;
        }
        let out = kanbao(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("颠倒"), "{}", stderr(&out));
        assert!(err.contains("颠倒"), "{err}");
    }
    // A range of one day, or of a month whose days the other end cuts, is no reversal.
    let out = kanbao(&[
        "--no-index",
        "--data",
        &data,
        "list",
        "--since",
        "2024-03-08",
        "--until",
        "2024-03",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // The reader refuses it before it opens, as the commands do.
    let out = kanbao_in(dir.path())
        .args([
            "--no-index",
            "--data",
            &data,
            "--since",
            "2024",
            "--until",
            "2023",
        ])
        .env("TERM", "xterm")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("颠倒"), "{}", stderr(&out));
    // In English too.
    let out = kanbao(&["--lang", "en", "list", "--since", "2024", "--until", "2023"]);
    assert!(stderr(&out).contains("reversed"), "{}", stderr(&out));
}
