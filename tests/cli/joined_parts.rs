//! Two adjacent parts of a pinyin term asked as the bigrams that stand for them
//! (`src/index/open/joined.rs`): the same articles, hits and title hits as the archive read
//! whole. `yizhan` matches 驿站 (`yi|zhan`), 一张 (`yi|zhang` begun), 一中安 (`yi|zh|an`),
//! 医治寒 (`yi|z|han`) and the Latin word; a segment holds the bigrams of some of its
//! shapes and not others (which are then skipped). One paragraph holds enough `zh…` and
//! `n…` characters that the bigrams of `zh|n` are found by walking the dictionary, not by
//! looking up every pair, and they lead the walk (a missed bigram is a missed hit).
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use support::cli::Indexed;

/// Articles written by hand for the terms below.
fn lines() -> Vec<String> {
    let many = "中这张长找照正政之知只直值指至制治质重种周主住注转装状准桌站战展真证整志智致终钟众州竹助祝追";
    let n =
        "那哪拿南难男内能你年念鸟您宁牛农女暖弄努奴怒娘凝扭纽浓诺挪捏聂纳乃奶耐脑闹呢嫩泥逆腻碾";
    // Every character apart but one pair: 中那.
    let apart = |s: &str| s.chars().flat_map(|c| [c, '，']).collect::<String>();
    let mixed = format!("{}中那。{}", apart(many), apart(n));
    vec![
        r#"{"id":"j1","title":"驿站","date":"2024-03-01","paragraphs":["工会驿站，一张桌子。"]}"#.into(),
        r#"{"id":"j2","title":"一中安","date":"2024-03-02","paragraphs":["一中安好，医治寒症。"]}"#.into(),
        r#"{"id":"j3","title":"拼音","date":"2024-03-03","paragraphs":["yizhan 与驿站，治安。"]}"#.into(),
        r#"{"id":"j4","title":"无关","date":"2024-03-04","paragraphs":["没有要找的词。"]}"#.into(),
        format!(r#"{{"id":"j5","title":"许多字","date":"2024-03-05","paragraphs":["{mixed}"]}}"#),
        r#"{"id":"j6","title":"北京朝阳","kicker":"医治寒","date":"2024-03-06","paragraphs":["朝阳区，北京，一站安。"]}"#.into(),
        // `z…` then `n…` characters, none of them `zh…`: the letter pair `zn` stands in
        // two articles, the bigram of `zh|n` in one, so it leads the walk of `zhn`.
        r#"{"id":"j7","title":"在那里","date":"2024-03-07","paragraphs":["在那里，走你，最难。"]}"#.into(),
    ]
}

#[test]
fn joined_parts_through_the_index_count_as_the_archive_read_whole() {
    let archive = Indexed::of(&lines());
    let run = |indexed: bool, args: &[&str]| archive.run(indexed, args);
    for q in [
        "yizhan", "yizh", "yizha", "zhian", "zhn", "zhnian", "beijing", "chaoyang", "yzh",
    ] {
        for args in [vec!["search", "--count", q], vec!["search", q]] {
            assert_eq!(run(true, &args), run(false, &args), "{args:?}");
        }
    }
    // Not all empty: each way `yizhan` is cut finds its article, the title's hits first.
    let yizhan = run(true, &["search", "yizhan"]);
    let ids: Vec<&str> = yizhan
        .lines()
        .filter_map(|l| l.split('\t').next())
        .collect();
    assert_eq!(ids.len(), 4, "{yizhan}");
    for id in ["j1", "j2", "j3", "j6"] {
        assert!(ids.contains(&id), "{id} in {yizhan}");
    }
    let zhn = run(true, &["search", "--count", "zhn"]);
    assert_eq!(zhn.trim(), "1\t1");
}
