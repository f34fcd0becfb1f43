//! The query parser's unit tests.

use super::*;

fn texts(q: &str) -> Vec<String> {
    Query::parse(q)
        .terms()
        .iter()
        .map(|t| t.text().to_string())
        .collect()
}

#[test]
fn splits_on_ascii_and_full_width_spaces() {
    assert_eq!(texts(" 工会\u{3000}驿站  司机 "), ["工会", "驿站", "司机"]);
}

#[test]
fn quotes_keep_phrases() {
    assert_eq!(texts("\"绿色 出行\" 北京"), ["绿色 出行", "北京"]);
    assert_eq!(texts("“绿色 出行”北京"), ["绿色 出行", "北京"]);
    assert_eq!(texts("a\"b c"), ["a", "b c"]);
}

#[test]
fn empty_and_blank_queries_are_empty() {
    assert!(Query::parse("").is_empty());
    assert!(Query::parse(" \u{3000}\"\" “”\t").is_empty());
}

#[test]
fn quoted_terms_are_literal() {
    let q = Query::parse("\"gonghui\" gonghui");
    assert!(!q.terms()[0].is_pinyin());
    assert!(q.terms()[1].is_pinyin());
}

#[test]
fn unpaired_curly_quotes_are_ordinary_characters() {
    assert_eq!(texts("“"), ["“"]);
    assert_eq!(texts("”"), ["”"]);
    assert_eq!(texts("“北京 工会"), ["“北京", "工会"]);
    assert_eq!(texts("北京” “工会"), ["北京”", "“工会"]);
    assert_eq!(texts("“a” “b"), ["a", "“b"]);
    // Inside ASCII quotes curly ones are text, and the reverse.
    assert_eq!(texts("\"“\""), ["“"]);
    assert_eq!(texts("\"”\""), ["”"]);
    assert_eq!(texts("“a\"b”"), ["a\"b"]);
    assert!(!Query::parse("“").terms()[0].is_pinyin());
}

#[test]
fn try_parse_refuses_blank_long_and_many_term_queries() {
    for blank in ["", " ", "\"", "\"\"", "\" \"", "“”", "\u{3000}", "\u{200B}"] {
        assert_eq!(
            Query::try_parse(blank).err(),
            Some(QueryError::Empty),
            "{blank:?}"
        );
    }
    let many = (0..=MAX_TERMS)
        .map(|i| format!("a{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        Query::try_parse(&many).err(),
        Some(QueryError::TooManyTerms {
            terms: MAX_TERMS + 1
        })
    );
    let long = "工".repeat(MAX_QUERY_CHARS + 1);
    assert_eq!(
        Query::try_parse(&long).err(),
        Some(QueryError::TooLong {
            chars: MAX_QUERY_CHARS + 1
        })
    );
    let most = (0..MAX_TERMS)
        .map(|i| format!("t{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        Query::try_parse(&most).map(|q| q.terms().len()),
        Ok(MAX_TERMS)
    );
    assert!(Query::try_parse(&"工".repeat(MAX_QUERY_CHARS)).is_ok());
}

#[test]
fn parse_keeps_within_the_limits() {
    let many = (0..12_500)
        .map(|i| format!("t{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(Query::parse(&many).terms().len(), MAX_TERMS);
    let long = "工".repeat(1 << 20);
    let q = Query::parse(&long);
    assert_eq!(q.terms()[0].text().chars().count(), MAX_QUERY_CHARS);
}

#[test]
fn a_lone_dash_just_typed_at_the_end_is_nothing_yet() {
    // While typing `记者:沈 -驿站`, the `-` alone did search for `-` (nothing found).
    assert!(Query::parse("驿站 -").ops().exclude.is_empty());
    assert_eq!(texts("驿站 -"), ["驿站"]);
    assert!(Query::parse("-").is_blank());
    // Before a quoted phrase it excludes it; elsewhere, and when the query is run, it is
    // the character itself.
    assert_eq!(Query::parse("驿站 -\"工会\"").ops().exclude.len(), 1);
    assert_eq!(texts("- 驿站"), ["-", "驿站"]);
    let run = Query::try_parse("驿站 -").unwrap();
    assert_eq!(run.terms().len(), 2);
}

#[test]
fn a_left_out_term_is_no_alternative_of_an_or_group() {
    // Each of these meant three different things before (nothing left out, the letters
    // `OR` searched for, `-快递` as text): now one refusal naming the term.
    for (q, term) in [
        ("-快递|驿站", "-快递"),
        ("-快递 OR 驿站", "-快递"),
        ("-快递  |  驿站", "-快递"),
        ("驿站|-快递", "-快递"),
        ("驿站 OR -快递", "-快递"),
        ("驿站 | -快递", "-快递"),
        ("-\"快递\"|驿站", "-\"快递\""),
        ("驿站 OR -\"快递\"", "-\"快递\""),
    ] {
        assert_eq!(
            Query::try_parse(q).err(),
            Some(QueryError::NegatedAlternative { term: term.into() }),
            "{q}"
        );
    }
    // On its own, beside a group, or as quoted text: as before.
    for q in [
        "驿站 -快递",
        "驿站|司机 -快递",
        "-快递 驿站|司机",
        "-快递 \"OR\"",
        "a-b|c",
    ] {
        assert!(Query::try_parse(q).is_ok(), "{q}");
    }
    assert_eq!(Query::parse("驿站|司机 -快递").ops().exclude.len(), 1);
}

#[test]
fn full_width_letters_in_quotes_are_pinyin_syllables_too() {
    // A Chinese input method in full-width mode types ｇｈ ｙｚ.
    for q in ["\"ｇｈ ｙｚ\"", "\"gh ｙｚ\"", "\"ＧＨ yz\""] {
        let query = Query::parse(q);
        let [term] = query.terms() else {
            panic!("{q}: one term")
        };
        assert!(term.is_pinyin(), "{q}");
        assert_eq!(term.folded(), "ghyz", "{q}");
    }
}

#[test]
fn a_quoted_title_or_reporter_value_is_literal_as_any_quoted_term() {
    let pinyin = |q: &str| Query::parse(q).ops().titles[0].is_pinyin();
    assert!(pinyin("title:gh") && !pinyin("title:\"gh\""));
    assert!(
        pinyin("title:\"gong hui\""),
        "syllables with a space: pinyin"
    );
    let reporter = |q: &str| Query::parse(q).ops().reporters[0].is_pinyin();
    assert!(reporter("reporter:sy") && !reporter("reporter:\"sy\""));
}

#[test]
fn a_term_typed_again_is_searched_once() {
    // The same matches pooled twice add no hit: searching them again only cost time (32 ×
    // `zh` took 10 s over 100,000 articles).
    assert_eq!(texts("zh ZH 工会 工会 zh"), ["zh", "工会"]);
    // The limit counts distinct terms: forty of one word is one term.
    assert_eq!(
        Query::try_parse(&vec!["zh"; 40].join(" ")).map(|q| q.terms().len()),
        Ok(1)
    );
    let forty: Vec<String> = (0..40).map(|i| format!("t{}", i % 33)).collect();
    assert_eq!(Query::parse(&forty.join(" ")).terms().len(), MAX_TERMS);
    // Quoted, a term is literal: another term than the one that may match by pinyin.
    assert_eq!(texts("mall \"mall\" mall").len(), 2);
    let q = Query::parse("驿站 -站 -站 title:工会 title:工会");
    assert_eq!((q.ops().exclude.len(), q.ops().titles.len()), (1, 1));
    let text = "工会驿站，zh 驿站";
    assert_eq!(
        crate::search::find_matches(text, &Query::parse("驿站 驿站 驿站")),
        crate::search::find_matches(text, &Query::parse("驿站"))
    );
}
