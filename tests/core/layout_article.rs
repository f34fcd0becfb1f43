//! An article laid out as `show` prints it, and the reader's place kept across a resize.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use kanbao::article::{Article, Kind};
use kanbao::i18n::Lang;
use kanbao::layout::{
    AmbiguousWidth, LaidLine, LayoutOptions, LineRole, display_width, layout_article,
    line_for_position, position_of_line, sanitize,
};

fn daxing() -> Article {
    Article {
        id: "1".into(),
        kicker: Some("协同发力解决货车司机群体“急难愁盼”问题".into()),
        title: "大兴区天宫院街道“党工共建”办好暖“新”事".into(),
        district: Some("大兴区".into()),
        reporters: vec!["孙艳".into()],
        paragraphs: vec![
            "在大兴区天宫院街道，具有生物医药基地和京南物流基地两大园区。".into(),
            "京南物流基地是北京“四大物流基地”之一，承载着全市物流业务量的15%，货运司机群体集聚。"
                .into(),
            "".into(),
            "覆盖货车司机140人。".into(),
        ],
        ..Article::default()
    }
}

fn texts(lines: &[LaidLine]) -> Vec<&str> {
    lines.iter().map(|l| l.text.as_str()).collect()
}

#[test]
fn show_layout_is_headings_meta_blank_then_indented_paragraphs() {
    let lines = layout_article(&daxing(), 40, &LayoutOptions::default());
    assert_eq!(
        texts(&lines),
        [
            "协同发力解决货车司机群体“急难愁盼”问题",
            "大兴区天宫院街道“党工共建”办好暖“新”事",
            "大兴区 · 记者 孙艳 · 新闻 · id 1",
            "",
            "\u{3000}\u{3000}在大兴区天宫院街道，具有生物医药基地",
            "和京南物流基地两大园区。",
            "\u{3000}\u{3000}京南物流基地是北京“四大物流基地”之",
            "一，承载着全市物流业务量的15%，货运司机",
            "群体集聚。",
            "\u{3000}\u{3000}覆盖货车司机140人。",
        ]
    );
    let roles: Vec<_> = lines.iter().map(|l| l.role).collect();
    assert_eq!(
        roles[..4],
        [
            LineRole::Kicker,
            LineRole::Title,
            LineRole::Meta,
            LineRole::Blank
        ]
    );
    let paragraphs: Vec<_> = lines.iter().map(|l| l.paragraph).collect();
    assert_eq!(
        paragraphs[4..],
        [Some(0), Some(0), Some(1), Some(1), Some(1), Some(3)]
    );
}

#[test]
fn meta_line_names_unstated_district_correspondents_and_photo_kind() {
    let article = Article {
        title: "图片".into(),
        kind: Kind::Photo,
        reporters: vec!["宗晓畅".into()],
        correspondents: vec!["刘淑珍".into(), "吕明".into()],
        ..Article::default()
    };
    let lines = layout_article(&article, 80, &LayoutOptions::default());
    assert_eq!(
        lines[1].text,
        "未注明 · 记者 宗晓畅 · 通讯员 刘淑珍 吕明 · 图片新闻"
    );
    let en = LayoutOptions {
        lang: Lang::En,
        ..LayoutOptions::default()
    };
    let lines = layout_article(&article, 80, &en);
    assert_eq!(
        lines[1].text,
        "not stated · Reporter 宗晓畅 · Correspondent 刘淑珍 吕明 · photo"
    );
}

#[test]
fn long_meta_line_wraps_and_no_line_starts_with_the_separator() {
    let lines = layout_article(&daxing(), 12, &LayoutOptions::default());
    let meta: Vec<_> = lines.iter().filter(|l| l.role == LineRole::Meta).collect();
    assert!(meta.len() > 1);
    assert!(meta.iter().all(|l| !l.text.starts_with('·')));
}

#[test]
fn no_meta_line_ends_with_the_separator_and_each_shows_its_range() {
    let mut a = daxing();
    a.date = Some("2019-01-01".into());
    a.page = Some(1);
    a.id = "2019-01-01-p1-1".into();
    let whole = kanbao::layout::meta_line(&a, Lang::Zh);
    for width in 8..=whole.len() {
        let lines = layout_article(&a, width, &LayoutOptions::default());
        let meta: Vec<_> = lines.iter().filter(|l| l.role == LineRole::Meta).collect();
        for l in &meta {
            assert!(!l.text.ends_with('·'), "{width}: {:?}", texts(&lines));
            assert_eq!(l.text, whole[l.range.clone()], "{width}");
        }
        // Nothing but the separators and the spaces at the breaks is left out.
        let shown: String = meta.iter().map(|l| l.text.replace(' ', "")).collect();
        assert_eq!(shown.replace('·', ""), whole.replace([' ', '·'], ""));
    }
    // An article's own middle dot (a name) is kept at a break.
    a.reporters = vec!["阿卜杜·".into(), "孙艳".into()];
    let lines = layout_article(&a, 14, &LayoutOptions::default());
    let meta: String = lines
        .iter()
        .filter(|l| l.role == LineRole::Meta)
        .map(|l| l.text.as_str())
        .collect();
    assert!(meta.contains("阿卜杜·"), "{meta}");
}

#[test]
fn article_text_is_sanitized_everywhere() {
    let article = Article {
        title: "标题\x1b]0;pwned\x07".into(),
        district: Some("大兴区\x1b[2J".into()),
        paragraphs: vec!["正文\x07".into()],
        ..Article::default()
    };
    let lines = layout_article(&article, 40, &LayoutOptions::default());
    assert_eq!(
        texts(&lines),
        ["标题", "大兴区 · 新闻", "", "\u{3000}\u{3000}正文\u{FFFD}"]
    );
    assert!(lines.iter().all(|l| !l.text.chars().any(char::is_control)));
}

#[test]
fn body_ranges_index_the_sanitized_paragraph() {
    let article = daxing();
    let lines = layout_article(&article, 20, &LayoutOptions::default());
    for line in lines.iter().filter(|l| l.role == LineRole::Body) {
        let p = line.paragraph.expect("body lines name their paragraph");
        let clean = sanitize(&article.paragraphs[p]);
        assert!(line.text.ends_with(&clean[line.range.clone()]));
    }
}

#[test]
fn no_line_is_wider_than_the_width_even_at_four_columns() {
    let lines = layout_article(&daxing(), 4, &LayoutOptions::default());
    assert!(
        lines
            .iter()
            .all(|l| display_width(&l.text, AmbiguousWidth::Narrow) <= 4)
    );
}

#[test]
fn reading_position_survives_a_resize() {
    let article = daxing();
    let wide = layout_article(&article, 60, &LayoutOptions::default());
    let narrow = layout_article(&article, 14, &LayoutOptions::default());
    for (i, line) in narrow
        .iter()
        .enumerate()
        .filter(|(_, l)| l.role == LineRole::Body)
    {
        let (p, byte) = position_of_line(&narrow, i);
        assert_eq!((Some(p), byte), (line.paragraph, line.range.start));
        let j = line_for_position(&wide, p, byte);
        if (p, byte) == (0, 0) {
            assert_eq!(j, 0, "the start of the body keeps the headings in view");
            continue;
        }
        let shown = &wide[j];
        assert_eq!(shown.paragraph, Some(p));
        assert!(shown.range.start <= byte && byte <= shown.range.end);
        // and back: the narrow line that holds the wide line's start is at or before i
        let (p2, b2) = position_of_line(&wide, j);
        assert!(line_for_position(&narrow, p2, b2) <= i);
    }
}

#[test]
fn the_top_of_the_article_stays_at_the_top() {
    let lines = layout_article(&daxing(), 30, &LayoutOptions::default());
    assert_eq!(position_of_line(&lines, 0), (0, 0));
    assert_eq!(line_for_position(&lines, 0, 0), 0);
    assert_eq!(
        position_of_line(&lines, 999),
        position_of_line(&lines, lines.len() - 1)
    );
    assert_eq!(line_for_position(&lines, 99, 0), lines.len() - 1);
    assert_eq!(line_for_position(&[], 3, 4), 0);
    assert_eq!(position_of_line(&[], 3), (0, 0));
}

#[test]
fn an_empty_field_leaves_no_dangling_separator_in_the_meta_line() {
    // `"date": ""` (or one of spaces, or of control characters only), and an empty name.
    for date in ["", "   ", "\u{200b}"] {
        let article = Article {
            id: "e".into(),
            title: "标题".into(),
            date: Some(date.into()),
            reporters: vec![String::new()],
            ..Article::default()
        };
        let meta = kanbao::layout::meta_line(&article, Lang::Zh);
        assert_eq!(meta, "未注明 · 新闻 · id e", "{date:?}");
        let paged = Article {
            page: Some(3),
            ..article
        };
        let meta = kanbao::layout::meta_line(&paged, Lang::Zh);
        assert_eq!(meta, "未注明 · 新闻 · 第3版 · id e", "{date:?}");
    }
    assert_eq!(kanbao::layout::join_meta(["甲", "", " ", "乙"]), "甲 · 乙");
}

/// `kanbao show ID --width W` over a one-line JSON Lines file holding `line`.
fn show(line: &str, id: &str, width: usize) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.jsonl");
    std::fs::write(&path, format!("{line}\n")).unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("kanbao"))
        .args(["--data", path.to_str().unwrap(), "--no-state", "show", id])
        .args(["--width", &width.to_string()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn show_lays_emoji_sequences_out_as_a_terminal_draws_them() {
    // A pipe has no terminal to ask: the sum of the parts, as tmux and xterm draw them
    // (`👨‍👩‍👧` is 6 columns), so no printed line runs past the width.
    let family = "👨\u{200d}👩\u{200d}👧";
    let line = format!(
        r#"{{"id": "e1", "title": "一家{family}合影", "paragraphs": ["{}"]}}"#,
        format!("北京{family}一家人在天安门🇨🇳前合影。").repeat(6)
    );
    for width in [20, 33, 40] {
        let lines = show(&line, "e1", width);
        assert!(lines.iter().any(|l| l.contains(family)), "{lines:?}");
        for l in &lines {
            let parts: usize = l
                .chars()
                .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
                .sum();
            assert!(parts <= width, "{width}: {l:?} is {parts} columns");
        }
    }
}

#[test]
fn show_leaves_no_dangling_separator_for_an_empty_date() {
    let line = r#"{"id": "d1", "title": "标题", "district": "大兴区", "date": "", "paragraphs": ["正文。"]}"#;
    let lines = show(line, "d1", 40);
    assert_eq!(lines[1], "大兴区 · 新闻 · id d1", "{lines:?}");
}

/// At 60 columns the meta line ended `… 第6版 · id` and the id went to the next line alone:
/// a label now stays with its value (`id` with the id, `记者` with the first name).
#[test]
fn a_label_is_never_the_last_word_of_a_meta_line() {
    let article = Article {
        id: "2019-01-01-p6-6".into(),
        title: "展览路街道总工会开展快递行业职工沟通会".into(),
        reporters: vec!["陆涛桂".into(), "曾然".into()],
        date: Some("2019-01-01".into()),
        page: Some(6),
        paragraphs: vec!["连日来。".into()],
        ..Article::default()
    };
    let meta = |width| -> Vec<String> {
        layout_article(&article, width, &LayoutOptions::default())
            .into_iter()
            .filter(|l| l.role == LineRole::Meta)
            .map(|l| l.text)
            .collect()
    };
    assert_eq!(
        meta(60),
        [
            "未注明 · 记者 陆涛桂 曾然 · 新闻 · 2019-01-01 第6版",
            "id 2019-01-01-p6-6"
        ]
    );
    for width in 10..=80 {
        let lines = meta(width);
        for line in &lines {
            assert!(
                !line.ends_with(" id") && line != "id" && !line.ends_with("记者"),
                "{width}: {lines:?}"
            );
        }
        if width >= 18 {
            assert!(
                lines.iter().any(|l| l.ends_with("id 2019-01-01-p6-6")),
                "{width}: {lines:?}"
            );
        }
    }
}

/// A hands-on test saw `诸葛孔` / `明` and `第3` / `版` on two lines of the meta line: every
/// name, the date and the page stay whole on one line whenever the line can hold them.
#[test]
fn no_name_date_or_page_is_cut_across_meta_lines() {
    let article = Article {
        id: "2024-03-08-p3-2".into(),
        title: "标题".into(),
        district: Some("西城区".into()),
        reporters: vec!["王佳".into(), "诸葛孔明".into(), "欧阳修远".into()],
        correspondents: vec!["司马相如".into()],
        date: Some("2024-03-08".into()),
        page: Some(3),
        paragraphs: vec!["正文。".into()],
        ..Article::default()
    };
    let whole = [
        "诸葛孔明",
        "欧阳修远",
        "司马相如",
        "2024-03-08",
        "第3版",
        "记者 王佳",
    ];
    // From 15 columns, the widest glued piece (`通讯员 司马相如`) fits a line.
    for width in 15..=80 {
        let lines: Vec<String> = layout_article(&article, width, &LayoutOptions::default())
            .into_iter()
            .filter(|l| l.role == LineRole::Meta)
            .map(|l| l.text)
            .collect();
        for piece in whole {
            assert!(
                lines.iter().any(|l| l.contains(piece)),
                "{width}: {piece} cut in {lines:?}"
            );
        }
    }
}
