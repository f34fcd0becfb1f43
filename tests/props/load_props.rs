//! Property tests of the loader: a JSON Lines file broken on any line reports that line,
//! whatever block size or thread count parses it; a whole file loads as a line-by-line parse.

use std::io::Write;

use kanbao::error::Error;
use kanbao::load::{LoadOptions, load_with};
use proptest::prelude::*;

fn article_line(i: usize, title: &str) -> String {
    let article = serde_json::json!({
        "id": format!("a{i}"),
        "title": title,
        "paragraphs": [format!("第{i}段，{title}。")],
    });
    article.to_string()
}

fn write_file(lines: &[String]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.jsonl");
    let mut file = std::fs::File::create(&path).expect("create");
    for line in lines {
        writeln!(file, "{line}").expect("write");
    }
    (dir, path)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_broken_line_is_reported_at_its_line(
        titles in prop::collection::vec("[工会驿站a-z“”，][工会驿站a-z “”，]{0,11}", 1..60),
        broken in any::<prop::sample::Index>(),
        cut in any::<prop::sample::Index>(),
        block_bytes in 16usize..2048,
        threads in 1usize..4,
    ) {
        let mut lines: Vec<String> =
            titles.iter().enumerate().map(|(i, t)| article_line(i, t)).collect();
        let k = broken.index(lines.len());
        // Cut the line somewhere inside: it can no longer be a whole JSON object.
        let chars: Vec<char> = lines[k].chars().collect();
        let at = 1 + cut.index(chars.len() - 1);
        lines[k] = chars[..at].iter().collect();
        let (_dir, path) = write_file(&lines);
        let options = LoadOptions { threads, block_bytes };
        match load_with(Some(&path), &options) {
            Err(Error::Syntax { place, .. }) => {
                prop_assert_eq!(place.line, Some(k + 1));
                let column = place.column.unwrap_or(0);
                prop_assert!(column >= 1 && column <= at + 1, "column {} of {}", column, at);
            }
            other => prop_assert!(false, "expected a syntax error at line {}, got {:?}", k + 1, other.map(|(c, _)| c.len())),
        }
    }

    #[test]
    fn a_good_file_loads_in_order_whatever_the_blocks(
        titles in prop::collection::vec("[工会驿站a-z]{1,8}", 1..80),
        block_bytes in 16usize..4096,
        threads in 1usize..4,
    ) {
        let lines: Vec<String> =
            titles.iter().enumerate().map(|(i, t)| article_line(i, t)).collect();
        let (_dir, path) = write_file(&lines);
        let (collection, _) = load_with(Some(&path), &LoadOptions { threads, block_bytes })
            .expect("a good file loads");
        let ids: Vec<String> = collection.iter().map(|a| a.id.clone()).collect();
        let expected: Vec<String> = (0..titles.len()).map(|i| format!("a{i}")).collect();
        prop_assert_eq!(ids, expected);
    }
}
