//! Full-width operators (session 31): text pasted from a Chinese input method's full-width
//! mode writes `｜` `－` `＂` `：` and `ＯＲ` for `|` `-` `"` `:` and `OR`. Each means what
//! its ASCII form means, wherever that has a meaning, on the command line and in the
//! reader's prompt alike (one parser); a hands-on tester got 0 results with no hint.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::Options;
use kanbao::search::Query;
use support::cli::{json, stderr};

fn kanbao(args: &[&str]) -> std::process::Output {
    support::cli::kanbao_as("wide-ops", args)
}

/// Each query as typed in ASCII and as pasted in full width.
const PAIRS: [(&str, &str); 9] = [
    ("kuaidi|yizhan", "kuaidi｜yizhan"),
    ("kuaidi | yizhan", "kuaidi ｜ yizhan"),
    ("-daxing yizhan", "－daxing yizhan"),
    ("\"gonghui yizhan\"", "＂gonghui yizhan＂"),
    ("-\"gonghui yizhan\" 工会", "－＂gonghui yizhan＂ 工会"),
    ("title:kuaidi", "title：kuaidi"),
    ("快递 OR 驿站", "快递 ＯＲ 驿站"),
    ("district:大兴|西城 工会", "district：大兴｜西城 工会"),
    ("\"驿站", "＂驿站"),
];

#[test]
fn full_width_operators_search_as_their_ascii_forms_on_the_command_line() {
    for (ascii, wide) in PAIRS {
        let run = |q: &str| kanbao(&["search", "--json", "--", q]);
        let (a, w) = (run(ascii), run(wide));
        assert_eq!(a.status.code(), Some(0), "{ascii}: {}", stderr(&a));
        assert_eq!(w.status.code(), Some(0), "{wide}: {}", stderr(&w));
        let ids = |v: serde_json::Value| -> Vec<(String, u64)> {
            v.as_array()
                .unwrap()
                .iter()
                .map(|r| (r["id"].to_string(), r["hits"].as_u64().unwrap()))
                .collect()
        };
        assert_eq!(ids(json(&w)), ids(json(&a)), "{wide} vs {ascii}");
    }
}

#[test]
fn a_full_width_excluded_alternative_is_refused_as_the_ascii_one() {
    for (ascii, wide) in [
        ("驿站|-快递", "驿站｜－快递"),
        ("-快递 OR 驿站", "－快递 ＯＲ 驿站"),
    ] {
        let (a, w) = (
            kanbao(&["search", "--", ascii]),
            kanbao(&["search", "--", wide]),
        );
        assert_eq!(a.status.code(), Some(2), "{ascii}");
        assert_eq!(w.status.code(), Some(2), "{wide}: {}", stderr(&w));
        assert!(stderr(&w).contains("快递"), "{}", stderr(&w));
    }
    // `－kind:photo` is a negated operator, as `-kind:photo` is.
    let out = kanbao(&["search", "--", "－kind:photo"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn full_width_operators_are_one_parser_for_the_prompt_too() {
    for (ascii, wide) in PAIRS {
        let shown = |typed: &str| {
            let mut app = support::bundled_app(Options::default());
            support::act(&mut app, Action::Resize(100, 30));
            support::act(&mut app, Action::OpenSearch);
            support::act(&mut app, Action::SearchInput(typed.into()));
            assert_eq!(app.query_error(), None, "{typed}");
            support::act(&mut app, Action::SearchAccept);
            support::shown_ids(&app)
        };
        let expected = shown(ascii);
        assert!(!expected.is_empty(), "{ascii}");
        assert_eq!(shown(wide), expected, "{wide} vs {ascii}");
    }
}

#[test]
fn full_width_marks_inside_a_term_stay_ordinary_characters() {
    // Only where the ASCII form is an operator: `１－２月` is a term, as `1-2月` is, and a
    // full-width mark inside quotes is text, as an ASCII one is.
    let q = Query::try_parse("１－２月 \"a｜b\"").unwrap();
    let folded: Vec<&str> = q.terms().iter().map(|t| t.folded()).collect();
    assert_eq!(folded, ["1-2月", "a|b"]);
    assert!(q.ops().exclude.is_empty() && q.ops().any.is_empty());
    // `＂` opens a phrase that a `"` closes, as `"` would.
    let q = Query::try_parse("＂工会 驿站\"").unwrap();
    assert_eq!(q.terms().len(), 1, "{:?}", q.terms());
}

#[test]
fn the_date_key_leaves_a_full_width_quoted_phrase_as_it_was() {
    // The date key takes the search's `date:` out: one inside a phrase opened by `＂` is
    // part of the phrase, as inside `"…"`.
    let opts = Options {
        query: "＂会议 date:2021＂".into(),
        ..Options::default()
    };
    let mut app = support::bundled_app(opts);
    support::act(&mut app, Action::Resize(100, 30));
    support::act(&mut app, Action::OpenDatePrompt);
    assert_eq!(app.query_text(), "＂会议 date:2021＂ date:");
}
