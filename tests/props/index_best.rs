//! The first rows of a ranked search from bounds (`kanbao search TERM | head`, session 29:
//! the segments share a floor, each counts its highest bounds first) over a folder of
//! several files, each of several segments: the same rows as the first of the whole
//! ranking, whatever `k`, the `date:` range, the ties at the floor and the thread timing.
//! And a pinyin letter beside words it cannot overlap, over letters written in every form.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use kanbao::collection::Collection;
use kanbao::index;
use kanbao::search::Query;
use pinyin::ToPinyin;
use proptest::prelude::*;
use support::{Results, admitted};
use tempfile::TempDir;

/// Builds the index of `path` under `root` and opens it.
fn indexed(root: &Path, path: &Path) -> index::Archive {
    let mut notes = Vec::new();
    index::update(root, path, &mut notes, &mut |_, _, _| {}).unwrap();
    let archive = index::open_in(root, path, &mut notes).expect("an indexed archive");
    assert!(notes.is_empty(), "{notes:?}");
    archive
}

/// The `k` first rows found from bounds (`search | head`): id, hits, title hits.
fn first_k(archive: &index::Archive, query: &Query, k: usize) -> Option<Results> {
    let best = archive.best_within(query, k).unwrap()?;
    let articles = archive.read_matches(&best).unwrap();
    Some(
        articles
            .into_iter()
            .zip(&best)
            .map(|(a, m)| (a.id, m.hits(), m.title_hits()))
            .collect(),
    )
}

/// A folder of five generated files (ids told apart by file): at least five segments,
/// whatever the cores, and days that tie across files.
struct Folder {
    _dir: TempDir,
    root: PathBuf,
    path: PathBuf,
    collection: Collection,
}

fn folder() -> &'static Folder {
    static FOLDER: OnceLock<Folder> = OnceLock::new();
    FOLDER.get_or_init(|| {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join("folder");
        std::fs::create_dir(&path).unwrap();
        for (n, seed) in [3u64, 5, 7, 11, 13].into_iter().enumerate() {
            let mut out = Vec::new();
            kanbao::archive::generate(45, seed, &mut out).unwrap();
            let out = String::from_utf8(out)
                .unwrap()
                .replace("\"id\":\"", &format!("\"id\":\"f{n}-"));
            std::fs::write(path.join(format!("{n}.jsonl")), out).unwrap();
        }
        let root = dir.path().join("cache");
        let mut notes = Vec::new();
        index::update(&root, &path, &mut notes, &mut |_, _, _| {}).unwrap();
        let collection = kanbao::load::load(Some(&path)).unwrap().0;
        Folder {
            _dir: dir,
            root,
            path,
            collection,
        }
    })
}

/// A piece of an article's text as a term: literal (`mode` 0), or typed in pinyin (1:
/// full, 2: initials, 3: mixed, 4: the last letter not yet typed).
fn term_from(
    collection: &Collection,
    (a, p, start, len, mode): (usize, usize, usize, usize, u8),
) -> String {
    let article = &collection[a % collection.len()];
    let fields: Vec<&String> = std::iter::once(&article.title)
        .chain(&article.paragraphs)
        .collect();
    let text: Vec<char> = fields[p % fields.len()].chars().collect();
    if text.is_empty() {
        return "工会服务".into();
    }
    let start = start % text.len();
    let piece: String = text[start..(start + 1 + len % 6).min(text.len())]
        .iter()
        .collect::<String>()
        .replace(['"', ' ', '\u{3000}', '“', '”', '|', '-', ':', '：'], "");
    if mode == 0 || piece.is_empty() {
        return piece;
    }
    let mut out = String::new();
    for (i, c) in piece.chars().enumerate() {
        let Some(py) = c.to_pinyin() else { break };
        let full = py.plain().replace('ü', "v");
        let full_here = match mode {
            1 | 4 => true,
            2 => false,
            _ => i % 2 == 0,
        };
        out.push_str(if full_here { &full } else { &full[..1] });
    }
    if mode == 4 && out.len() > 2 {
        out.pop();
    }
    if out.is_empty() { piece } else { out }
}

fn pick() -> impl Strategy<Value = (usize, usize, usize, usize, u8)> {
    (0..1000usize, 0..20usize, 0..400usize, 0..6usize, 0..5u8)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Over a folder of several files and segments, the first `k` rows found from bounds
    /// (any `k`, 0 and more than match too; a `date:` range or none; a long word, pinyin,
    /// a phrase with gaps, two words) are the first `k` of the in-memory engine's ranking,
    /// with its hits and title hits, every time they are asked.
    #[test]
    fn first_rows_of_many_segments_are_the_whole_rankings_first(
        first in pick(),
        second in proptest::option::of(pick()),
        gap in proptest::option::of(1..6usize),
        range in proptest::option::of((0..1000usize, 0..3u8)),
        k in prop_oneof![0..12usize, 12..80usize],
    ) {
        let f = folder();
        let c = &f.collection;
        let mut text = term_from(c, first);
        if let Some(at) = gap {
            let chars: Vec<char> = text.chars().collect();
            if chars.len() > 1 {
                let at = at % (chars.len() - 1) + 1;
                let (a, b): (String, String) = (chars[..at].iter().collect(), chars[at..].iter().collect());
                text = format!("\"{a} {b}\"");
            }
        }
        if let Some(second) = second {
            text = format!("{text} {}", term_from(c, (second.0, second.1, second.2, second.3, 0)));
        }
        if let Some((a, how)) = range {
            let day = c[a % c.len()].date.clone().unwrap_or_default();
            text = match how {
                0 => format!("{text} date:..{day}"),
                1 => format!("{text} date:{day}.."),
                _ => format!("{text} date:{day}"),
            };
        }
        let query = Query::parse(&text);
        prop_assume!(!query.terms().is_empty());
        let archive = {
            let mut notes = Vec::new();
            index::open_in(&f.root, &f.path, &mut notes).expect("an indexed archive")
        };
        let Some(got) = first_k(&archive, &query, k) else {
            return Ok(());
        };
        let expected = admitted(c, &query);
        prop_assert_eq!(&got[..], &expected[..k.min(expected.len())], "{} k={}", text, k);
        for _ in 0..3 {
            let again = first_k(&archive, &query, k);
            prop_assert_eq!(again.as_ref(), Some(&got), "{} k={}: again", text, k);
        }
        if let Some(rows) = archive.first_rows(&query, k).unwrap() {
            let places: Vec<u32> = rows.iter().map(|r| r.0).collect();
            let ids: Vec<String> = archive.articles(&places).unwrap().into_iter().map(|a| a.id).collect();
            let want: Vec<String> = got.iter().map(|r| r.0.clone()).collect();
            prop_assert_eq!(ids, want, "{} k={}: the reader's first screen", text, k);
        }
    }
}

/// One article as a JSON line.
fn line(id: &str, date: &str, title: &str, paragraphs: &[&str]) -> String {
    let article = serde_json::json!({
        "id": id, "date": date, "title": title, "paragraphs": paragraphs,
    });
    format!("{article}\n")
}

/// Many articles whose scores tie, in three files (newest in the last, which the search
/// threads take last): the first rows are decided by day, file and place among documents
/// whose bounds equal the floor the first segments raise. Under a `date:` range leaving
/// the newest out, the floor comes from the articles it keeps.
#[test]
fn ties_at_the_floor_are_kept_in_every_segment() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("folder");
    std::fs::create_dir(&path).unwrap();
    let term = "沙河工会服务站";
    for f in 0..3 {
        let mut out = String::new();
        for i in 0..40 {
            let twice = format!("{term}今天开放，{term}明天也开放。");
            let once = format!("本报讯 {term}今天开放。");
            let body = if i % 9 == 4 {
                twice.as_str()
            } else {
                once.as_str()
            };
            let title = if i % 13 == 6 {
                format!("{term}揭牌")
            } else {
                format!("第{i}篇")
            };
            let date = format!("2024-0{}-{:02}", f + 1, 1 + i % 20);
            out.push_str(&line(
                &format!("f{f}-{i}"),
                &date,
                &title,
                &[body, "其他内容。"],
            ));
        }
        std::fs::write(path.join(format!("{f}.jsonl")), out).unwrap();
    }
    let root = dir.path().join("cache");
    let archive = indexed(&root, &path);
    let collection = kanbao::load::load(Some(&path)).unwrap().0;
    for text in [
        term.to_string(),
        format!("{term} date:..2024-02-28"),
        format!("{term} date:2024-02-03..2024-03-05"),
        "shahegonghuifuwuzhan".to_string(),
        "shhghfwz date:..2024-02-10".to_string(),
        "\"沙河工会 服务站\"".to_string(),
    ] {
        let query = Query::parse(&text);
        let expected = admitted(&collection, &query);
        assert!(expected.len() > 30, "{text}");
        for k in [0, 1, 3, 5, 19, 20, 21, 40, 41, 119, 120, 200] {
            for _ in 0..4 {
                let got = first_k(&archive, &query, k).expect("counted from the index");
                assert_eq!(got[..], expected[..k.min(expected.len())], "{text} k={k}");
            }
        }
    }
}

/// A pinyin term of many shapes (`yizhan`: yi|zhan, yi|z|han, yi|zh|an …) whose first rows
/// come from the letter pair every shape starts on (`yz`): articles whose pair stands
/// often but that match less (一则 stands on `yz` and matches no shape), matches of
/// several shapes in one article (驿站, 一张, 一站, 衣者汉), and in the headings. The first
/// rows are the in-memory ranking's, at every `k`.
#[test]
fn many_shapes_are_bounded_by_the_pair_they_start_on() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("folder");
    std::fs::create_dir(&path).unwrap();
    for f in 0..2 {
        let mut out = String::new();
        for i in 0..60 {
            let mut body = "一则消息。".repeat(i % 7);
            body.push_str(&"驿站".repeat(i % 4));
            body.push_str(&"一张桌子，一站到底。".repeat(i % 3));
            if i % 11 == 3 {
                body.push_str("衣者汉服。");
            }
            let title = match i % 10 {
                2 => "工会驿站开放".to_string(),
                5 => "一则通知".to_string(),
                _ => format!("第{i}篇"),
            };
            let date = format!("2024-0{}-{:02}", f + 1, 1 + i % 25);
            out.push_str(&line(
                &format!("f{f}-{i}"),
                &date,
                &title,
                &[&body, "其他。"],
            ));
        }
        std::fs::write(path.join(format!("{f}.jsonl")), out).unwrap();
    }
    let root = dir.path().join("cache");
    let archive = indexed(&root, &path);
    let collection = kanbao::load::load(Some(&path)).unwrap().0;
    for text in [
        "yizhan",
        "yizh",
        "yiz",
        "yizhan date:2024-01-05..2024-02-10",
    ] {
        let query = Query::parse(text);
        let expected = admitted(&collection, &query);
        assert!(expected.len() > 40, "{text}");
        for k in [1, 2, 5, 10, 20, 33, 60, 200] {
            let got = first_k(&archive, &query, k).expect("counted from the index");
            assert_eq!(got[..], expected[..k.min(expected.len())], "{text} k={k}");
            // The reader's first screen comes from the same bounds, however dense the
            // shapes.
            let rows = archive
                .first_rows(&query, k)
                .unwrap()
                .expect("a first screen");
            let places: Vec<u32> = rows.iter().map(|r| r.0).collect();
            let ids: Vec<String> = archive
                .articles(&places)
                .unwrap()
                .into_iter()
                .map(|a| a.id)
                .collect();
            let want: Vec<String> = got.iter().map(|r| r.0.clone()).collect();
            assert_eq!(ids, want, "{text} k={k}: the reader's first screen");
        }
    }
}

/// Full pinyin of a long word (新就业形态劳动者: 1,536 ways to cut it, each syllable into
/// its letters too) is counted from the index, as the matcher counts it, with its
/// prefixes as typed: it was left to the matcher (17.6 s for `--count` at 1M).
#[test]
fn long_full_pinyin_is_counted_from_the_index() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("a.jsonl");
    let mut out = String::new();
    let bodies = [
        (
            "新就业形态劳动者",
            "新就业形态劳动者的权益。新就业形态劳动者。",
        ),
        ("标题", "新就业形态，劳动者；新就业 形态劳动者。"),
        ("心就夜行太老冬者", "信旧页型态牢动折，新就业形态劳动着。"),
        (
            "新就业形态劳动者之家",
            "xinjiuyexingtailaodongzhe 新就业形态劳动者。",
        ),
        ("其他", "没有。"),
    ];
    for (i, (title, body)) in bodies.iter().enumerate() {
        let date = format!("2024-06-{:02}", 1 + i);
        out.push_str(&line(&format!("b{i}"), &date, title, &[body, "另一段。"]));
    }
    std::fs::write(&file, out).unwrap();
    let root = dir.path().join("cache");
    let archive = indexed(&root, &file);
    let collection = kanbao::load::load(Some(&file)).unwrap().0;
    let word = "xinjiuyexingtailaodongzhe";
    for end in [word.len(), word.len() - 1, 18, 12] {
        let text = &word[..end];
        assert!(
            counted_like_memory(&archive, &collection, text),
            "{text}: counted from the index"
        );
    }
}

/// The reader's sum of each term's hits from the index, by id, sorted.
fn summed(archive: &index::Archive, query: &Query) -> Option<Results> {
    let summed = archive.summed_places(query, &|| false).unwrap()?;
    let places: Vec<u32> = summed.iter().map(|c| c.0).collect();
    let mut got: Results = archive
        .articles(&places)
        .unwrap()
        .into_iter()
        .zip(&summed)
        .map(|(a, c)| (a.id, c.1 as usize, c.2 as usize))
        .collect();
    got.sort();
    Some(got)
}

/// Whether the index counts `query` from the postings, and if so that it gives the
/// in-memory engine's articles, hits and title hits (also its first rows, its count and
/// the reader's sum, which is the same when no match can overlap another). Where it does
/// not (the letter may take a character of a word), the reader's sum is the loaded
/// reader's (`Count::Sum`, each term's hits added).
fn counted_like_memory(archive: &index::Archive, collection: &Collection, text: &str) -> bool {
    let query = &Query::parse(text);
    let Some(found) = archive.matches_within(query).unwrap() else {
        let loaded = kanbao::search::SearchIndex::new(collection.as_slice());
        let hits = loaded.search_cancellable(query, &|| false).unwrap();
        let mut want: Results = hits
            .iter()
            .filter(|h| query.admits(&collection[h.index]))
            .map(|h| (collection[h.index].id.clone(), h.hits, h.title_hits))
            .collect();
        want.sort();
        if let Some(got) = summed(archive, query) {
            assert_eq!(got, want, "{text}: summed by the reader");
        }
        return false;
    };
    assert!(index::open::exact_ops(query), "{text}");
    let expected = admitted(collection, query);
    let mut sorted = expected.clone();
    sorted.sort();
    let articles = archive.read_matches(&found).unwrap();
    let mut got: Results = articles
        .into_iter()
        .zip(&found)
        .map(|(a, m)| (a.id, m.hits(), m.title_hits()))
        .collect();
    got.sort();
    assert_eq!(got, sorted, "{text}");
    for k in [1, 2, 5] {
        let first = first_k(archive, query, k).unwrap();
        assert_eq!(first[..], expected[..k.min(expected.len())], "{text} k={k}");
    }
    let hits: usize = expected.iter().map(|r| r.1).sum();
    assert_eq!(
        archive.count_within(query).unwrap(),
        Some((expected.len(), hits)),
        "{text}"
    );
    let got = summed(archive, query).expect("summed");
    assert_eq!(got, sorted, "{text}: summed by the reader");
    true
}

/// A pinyin letter beside words it cannot overlap (session 29, `counter::apart`), over
/// letters written in every form the matcher takes: upper case, full width, inside Latin
/// words and digits, right beside the word, in the headings; with `title:`, `date:`,
/// `-term` and `OR` beside it; ü as v and u; characters without a reading (outside the
/// BMP) in the word. Where a character of a word is one the letter takes, or a word holds
/// the letter, it is left to the matcher.
#[test]
fn a_letter_beside_words_is_counted_like_the_matcher_in_every_form() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("a.jsonl");
    let mut out = String::new();
    let bodies = [
        ("北京G北京 gps GPS Ｇ ｇ 5G北京。", "北京ＧＰＳ"),
        ("北京北京北京，G。", "北京g"),
        (
            "驿站 Gg 𠀀京 北京 旅游 绿色 女 Ｘ x xi 北京x。",
            "Gonghui 北京",
        ),
        ("北京 绿色 u v U V 女 驿站 5g 5Ｇ。", "标题"),
        (
            "北京 工会 司机 快递 k g 各 Ｇ 驿站 蜗牛 w W。",
            "北京 各 Ｇ",
        ),
        ("𠀀京 北京 ü lü 绿 nv。", "𠀀京"),
    ];
    for (i, (body, title)) in bodies.iter().enumerate() {
        let date = format!("2024-05-{:02}", 1 + i);
        out.push_str(&line(
            &format!("a{i}"),
            &date,
            title,
            &[body, "北京又一段。"],
        ));
    }
    std::fs::write(&file, out).unwrap();
    let root = dir.path().join("cache");
    let archive = indexed(&root, &file);
    let collection = kanbao::load::load(Some(&file)).unwrap().0;
    for (text, apart) in [
        ("北京 g", true),
        ("g 北京", true),
        ("北京 G", true),
        ("北京 Ｇ", true),
        ("Ｇ 北京", true),
        ("北京 p", true),
        ("北京 x", true),
        ("驿站 x", true),
        ("北京 title:g", true),
        ("title:北京 g", true),
        ("title:g 北京", true),
        ("北京 g date:..2024-05-03", true),
        ("北京 g -旅游", true),
        ("北京 g 工会|司机", true),
        ("北京 g 司机 OR 快递", true),
        ("北京 u", true),
        ("北京 v", true),
        ("绿色 u", true),
        ("女 v", true),
        ("女 u", true),
        ("\"x\" g", true),
        ("\"北 京\" g", true),
        ("\"北京 又\" x", true),
        ("北京 w", true),
        ("蜗牛 g", true),
        ("𠀀京 g", true),
        ("北京 j", false),
        ("北京 b", false),
        ("5g g", false),
        ("\"g\" g", false),
        ("绿色 l", false),
        ("女 n", false),
        ("\"北京 又\" y", false),
        ("北京 g x", false),
    ] {
        let query = Query::parse(text);
        assert!(
            !admitted(&collection, &query).is_empty(),
            "{text}: no match"
        );
        assert_eq!(
            counted_like_memory(&archive, &collection, text),
            apart,
            "{text}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A pinyin letter (any, typed in upper case or full width too) beside words and
    /// phrases with gaps of the folder's articles, a `title:` or a `date:` among them:
    /// where the index counts it (no character of the others is one the letter takes), the
    /// in-memory engine's articles, hits, title hits, first rows and count, and the
    /// reader's sum; where it does not, neither does the reader's sum.
    #[test]
    fn a_letter_beside_random_words_is_counted_like_the_matcher(
        letter in proptest::char::range('a', 'z'),
        form in 0..3u8,
        at in 0..3usize,
        words in proptest::collection::vec((pick(), proptest::option::of(1..6usize)), 1..3),
        title in proptest::option::of(0..3usize),
        day in proptest::option::of(0..1000usize),
    ) {
        let f = folder();
        let c = &f.collection;
        let mut terms: Vec<String> = words
            .iter()
            .map(|&((a, p, start, len, _), gap)| {
                let word = term_from(c, (a, p, start, len, 0));
                let chars: Vec<char> = word.chars().collect();
                match gap {
                    Some(g) if chars.len() > 1 => {
                        let g = g % (chars.len() - 1) + 1;
                        let (x, y): (String, String) = (chars[..g].iter().collect(), chars[g..].iter().collect());
                        format!("\"{x} {y}\"")
                    }
                    _ => word,
                }
            })
            .filter(|w| !w.is_empty())
            .collect();
        let typed = match form {
            0 => letter.to_string(),
            1 => letter.to_ascii_uppercase().to_string(),
            _ => char::from_u32(letter as u32 - 'a' as u32 + 'ａ' as u32).unwrap().to_string(),
        };
        terms.insert(at.min(terms.len()), typed);
        if let Some(t) = title {
            let t = t % terms.len();
            terms[t] = format!("title:{}", terms[t]);
        }
        let mut text = terms.join(" ");
        if let Some(d) = day {
            text = format!("{text} date:..{}", c[d % c.len()].date.clone().unwrap_or_default());
        }
        let query = Query::parse(&text);
        let one = query.terms().iter().filter(|t| t.folded() == letter.to_string()).count();
        prop_assume!(one == 1 && query.terms().len() > 1);
        let archive = {
            let mut notes = Vec::new();
            index::open_in(&f.root, &f.path, &mut notes).expect("an indexed archive")
        };
        counted_like_memory(&archive, c, &text);
    }
}
