//! Queries on the command line: a blank or quote-only one is refused, curly quotes are
//! searched for, the limits are usage errors, `search --count` sums the rows, and words
//! after the query are more terms.

use crate::kanbao;
use crate::support::cli::{json, stderr, stdout};

#[test]
fn a_blank_or_quote_only_query_is_a_usage_error() {
    for query in [
        "",
        " ",
        "\"",
        "\"\"",
        "\" \"",
        "“”",
        "\u{3000}",
        " \u{3000}\t",
    ] {
        for args in [&["search", query][..], &["list", "--query", query]] {
            let out = kanbao(args);
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            assert!(stdout(&out).is_empty(), "{args:?}");
            assert!(
                stderr(&out).contains("查询是空的"),
                "{args:?}: {}",
                stderr(&out)
            );
        }
    }
    let out = kanbao(&["--lang", "en", "search", ""]);
    assert!(stderr(&out).contains("the query is empty"));
}

#[test]
fn curly_quotes_can_be_searched_for() {
    // The bundled page quotes with “…”: article 1's title has two pairs.
    for query in ["“", "”", "\"“\"", "\"”\""] {
        let out = kanbao(&["search", query, "--json"]);
        assert_eq!(out.status.code(), Some(0), "{query}: {}", stderr(&out));
        let rows = json(&out);
        let rows = rows.as_array().expect("array");
        assert!(!rows.is_empty(), "{query}");
        assert!(rows.iter().all(|r| r["hits"].as_u64() > Some(0)), "{query}");
        assert_eq!(rows[0]["id"], "1", "{query}");
    }
    // A pair still makes a phrase.
    let out = kanbao(&["search", "“党工共建”", "--json"]);
    assert_eq!(json(&out)[0]["id"], "1");
}

#[test]
fn queries_over_the_limits_are_usage_errors() {
    // Distinct terms: a term typed again is the same term, counted once.
    let distinct = |word: &str, n: usize| (0..n).map(|i| format!("{word}{i}")).collect::<Vec<_>>();
    let many = distinct("gh", 33).join(" ");
    let out = kanbao(&["search", &many]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("查询有 33 个词，超过上限 32 个"),
        "{}",
        stderr(&out)
    );
    let long = "工".repeat(257);
    let out = kanbao(&["list", "--query", &long]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("查询有 257 个字符，超过上限 256 个"));
    let out = kanbao(&["--lang", "en", "search", &distinct("x", 40).join(" ")]);
    assert!(stderr(&out).contains("40 terms, more than the limit of 32"));
    // At the limit, a search runs (and finds nothing: exit 1, not the usage error 2).
    let out = kanbao(&["search", &distinct("工会", 32).join(" ")]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // The reader refuses such a query before it opens (a blank one opens it on everything,
    // which needs a terminal).
    let out = kanbao(&["--query", &long]);
    assert!(stderr(&out).contains("超过上限 256 个"), "{}", stderr(&out));
    let out = kanbao(&["--query", ""]);
    assert!(stderr(&out).contains("kanbao list"), "{}", stderr(&out));
}

/// `search --count` says how many articles match and how many hits they have: the rows and
/// the sum of the hits column of the same search, in text and in JSON; nothing found is 0
/// and exit status 1.
#[test]
fn search_count_is_the_rows_and_their_hits() {
    for query in ["工会", "驿站", "gh", "工会 -驿站"] {
        let rows = kanbao(&["--no-state", "search", query]);
        let rows = stdout(&rows);
        let articles = rows.lines().count();
        let hits: usize = rows
            .lines()
            .map(|l| l.split('\t').nth(1).unwrap().parse::<usize>().unwrap())
            .sum();
        let count = kanbao(&["--no-state", "search", query, "--count"]);
        assert!(count.status.success(), "{query}");
        assert_eq!(stdout(&count), format!("{articles}\t{hits}\n"), "{query}");
        let counted = json(&kanbao(&[
            "--no-state",
            "search",
            query,
            "--count",
            "--json",
        ]));
        assert_eq!(counted["articles"], articles, "{query}");
        assert_eq!(counted["hits"], hits, "{query}");
    }
    let none = kanbao(&["--no-state", "search", "没有这个词", "--count"]);
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(stdout(&none), "0\t0\n");
}

/// Words after the query are more terms, as `rg`'s users type them: `search 驿站 工会` is
/// `search "驿站 工会"` (it was refused as an unexpected argument); a `-term` after the first
/// needs the quotes or `--`, as clap's refusal says.
#[test]
fn words_after_the_query_are_more_terms() {
    let quoted = kanbao(&["search", "工会 职工", "--count"]);
    let apart = kanbao(&["search", "工会", "职工", "--count"]);
    assert!(quoted.status.success(), "{quoted:?}");
    assert_eq!(apart.status.code(), quoted.status.code());
    assert_eq!(apart.stdout, quoted.stdout);
    let rows = kanbao(&["search", "工会", "职工"]);
    assert_eq!(rows.stdout, kanbao(&["search", "工会 职工"]).stdout);
    let excluded = kanbao(&["search", "工会", "--", "-职工"]);
    assert_eq!(excluded.stdout, kanbao(&["search", "工会 -职工"]).stdout);
    let refused = kanbao(&["search", "工会", "-职工"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("-- -职"));
}
