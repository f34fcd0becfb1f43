//! A pinyin term of two syllables counted from bigram frequencies through the index
//! (`src/index/open/paired.rs`): the same articles, hits and title hits as the archive
//! read whole, where the term's other shapes match beside it, overlap it (洗 reads both
//! `xi` and `xian`: in 洗安 `xian` matches 洗 alone and 洗安 as `xi|an`, and the matcher
//! takes one), or match Latin text, and where it stands in the headings.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use support::cli::Indexed;

/// Articles written by hand for the terms below.
fn lines() -> Vec<&'static str> {
    vec![
        r#"{"id":"p1","title":"西安工会","date":"2024-03-01","paragraphs":["西安的工会，公会与工会。"]}"#,
        r#"{"id":"p2","title":"洗安","date":"2024-03-02","paragraphs":["洗安洗安，先到西安。"]}"#,
        r#"{"id":"p3","title":"先进","date":"2024-03-03","paragraphs":["先进个人，显然。"]}"#,
        r#"{"id":"p4","title":"拼音","date":"2024-03-04","paragraphs":["xian gonghui siji，司机工会。"]}"#,
        r#"{"id":"p5","title":"无关","date":"2024-03-05","paragraphs":["没有要找的词。"]}"#,
        r#"{"id":"p6","title":"司机司机","kicker":"工会","date":"2024-03-06","paragraphs":["私家司机和四级工会。"]}"#,
    ]
}

#[test]
fn two_syllables_through_the_index_count_as_the_archive_read_whole() {
    let archive = Indexed::of(&lines());
    let run = |indexed: bool, args: &[&str]| archive.run(indexed, args);
    for q in ["xian", "xia", "gonghui", "gongh", "siji", "xian gonghui"] {
        for args in [vec!["search", "--count", q], vec!["search", q]] {
            assert_eq!(run(true, &args), run(false, &args), "{args:?}");
        }
    }
    // Not all empty: 洗安 holds one hit of `xian` a time (the overlap taken once), and the
    // ranking put the title's hits first.
    let xian = run(true, &["search", "--count", "xian"]);
    assert!(xian.starts_with("4\t"), "{xian}");
    let gonghui = run(true, &["search", "gonghui"]);
    assert!(gonghui.starts_with("p1\t4\t"), "{gonghui}");
}
