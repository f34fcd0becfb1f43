//! The importer on the bundled page and on pages it has never seen.

use kanbao::article::Kind;
use kanbao::import::{ImportOptions, import_page};
use kanbao::load::{self, BUNDLED_JSON, BUNDLED_PAGE};

fn no_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn bundled_json_is_what_the_importer_makes_of_the_raw_page() {
    let imported = import_page(BUNDLED_PAGE, &ImportOptions::default());
    assert!(imported.unplaced.is_empty(), "{:?}", imported.unplaced);
    let made = load::to_document_json(imported.banner.as_deref(), &imported.articles)
        .expect("the document serializes");
    assert!(
        made == BUNDLED_JSON,
        "data/articles.json is stale: run `cargo run -- import data/page.txt -o data/articles.json`"
    );
}

#[test]
fn seed_page_outline() {
    let out = import_page(BUNDLED_PAGE, &ImportOptions::default());
    assert_eq!(
        out.banner.as_deref(),
        Some("深入学习贯彻党的二十大精神 奋力开拓首都工会工作新局面")
    );
    let a = &out.articles;
    assert_eq!(a.len(), 7);
    assert_eq!(
        a[0].kicker.as_deref(),
        Some("协同发力解决货车司机群体“急难愁盼”问题")
    );
    assert_eq!(a[0].title, "大兴区天宫院街道“党工共建”办好暖“新”事");
    assert_eq!(a[0].byline.as_deref(), Some("本报讯（记者 孙艳）"));
    let districts: Vec<Option<&str>> = a.iter().map(|x| x.district.as_deref()).collect();
    assert_eq!(
        districts,
        [
            Some("大兴区"),
            Some("通州区"),
            Some("朝阳区"),
            Some("昌平区"),
            Some("西城区"),
            Some("西城区"),
            None
        ]
    );
    let reporters: Vec<String> = a.iter().map(|x| x.reporters.join(" ")).collect();
    assert_eq!(
        reporters,
        [
            "孙艳",
            "宗晓畅",
            "刘欣欣",
            "周美玉",
            "陈曦",
            "陈曦",
            "宗晓畅"
        ]
    );
    let photo = &a[6];
    assert_eq!(photo.kind, Kind::Photo);
    assert_eq!(photo.title, "亲子活动传承好家风");
    assert_eq!(photo.correspondents, ["刘淑珍", "吕明"]);
    assert!(photo.paragraphs[0].ends_with("本报记者 宗晓畅 通讯员 刘淑珍 吕明 摄影报道"));
    let ids: Vec<&str> = a.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, ["1", "2", "3", "4", "5", "6", "7"]);
}

#[test]
fn broken_lines_are_joined_with_nothing_between() {
    let out = import_page(BUNDLED_PAGE, &ImportOptions::default());
    let all: Vec<&String> = out.articles.iter().flat_map(|a| &a.paragraphs).collect();
    assert!(all.iter().any(|p| p.contains("全市物流业务量")));
    assert!(all.iter().any(|p| p.contains("工会工作人员向职工讲解")));
    assert!(
        all.iter()
            .all(|p| !p.starts_with("流业务量") && !p.starts_with("作人员"))
    );
}

/// Banner + each article's kicker, title, subtitle, byline and paragraphs, in order,
/// equal the page once whitespace is removed (docs/contract.md §1.2).
#[test]
fn every_character_of_the_page_is_kept_in_order() {
    let out = import_page(BUNDLED_PAGE, &ImportOptions::default());
    let mut rebuilt = out.banner.clone().unwrap_or_default();
    for a in &out.articles {
        for part in [&a.kicker, &Some(a.title.clone()), &a.subtitle, &a.byline]
            .into_iter()
            .flatten()
        {
            rebuilt.push_str(part);
        }
        for p in &a.paragraphs {
            rebuilt.push_str(p);
        }
    }
    assert_eq!(no_space(&rebuilt), no_space(BUNDLED_PAGE));
}

#[test]
fn id_prefix_makes_pages_load_together() {
    let out = import_page(
        BUNDLED_PAGE,
        &ImportOptions {
            id_prefix: "p3-".into(),
            ..ImportOptions::default()
        },
    );
    assert_eq!(out.articles[0].id, "p3-1");
    assert_eq!(out.articles[6].id, "p3-7");
}

/// A page the importer has never seen: different names, a subtitle, correspondents,
/// a paragraph broken twice, two heading-level articles and a photo with no sentence end.
const OTHER_PAGE: &str = "\
扎实推进职工服务阵地建设 助力首都高质量发展

聚焦一线

海淀区职工之家焕新开放

——首批服务项目同步上线

本报讯（记者 王小明 李华 通讯员 赵六） 近日，海淀区中关村街道职工之家在

改造后重新开放，并联合朝阳

区相关单位开展活动。

职工们表示，这里“像家一样”。

密云区开展春季健步走

本报讯（通讯员 钱七） 3月，密云区总工会组织职工健步走，参与人数达1200余人。

丰收时节话丰年

秋收时节，职工们在田间体验劳动。本报记者 孙八 摄
";

#[test]
fn a_page_never_seen_imports_by_its_structure() {
    let out = import_page(OTHER_PAGE, &ImportOptions::default());
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(
        out.banner.as_deref(),
        Some("扎实推进职工服务阵地建设 助力首都高质量发展")
    );
    let a = &out.articles;
    assert_eq!(a.len(), 3);
    assert_eq!(a[0].kicker.as_deref(), Some("聚焦一线"));
    assert_eq!(a[0].title, "海淀区职工之家焕新开放");
    assert_eq!(a[0].subtitle.as_deref(), Some("——首批服务项目同步上线"));
    assert_eq!(a[0].reporters, ["王小明", "李华"]);
    assert_eq!(a[0].correspondents, ["赵六"]);
    assert_eq!(
        a[0].paragraphs,
        [
            "近日，海淀区中关村街道职工之家在改造后重新开放，并联合朝阳区相关单位开展活动。",
            "职工们表示，这里“像家一样”。"
        ]
    );
    assert_eq!(a[0].district.as_deref(), Some("海淀区"));
    assert_eq!(a[0].districts, ["海淀区", "朝阳区"]);
    assert_eq!(a[1].title, "密云区开展春季健步走");
    assert!(a[1].reporters.is_empty());
    assert_eq!(a[1].correspondents, ["钱七"]);
    assert_eq!(a[2].kind, Kind::Photo);
    assert_eq!(a[2].reporters, ["孙八"]);
    assert_eq!(a[2].district, None);
}

#[test]
fn text_that_fits_no_article_is_reported_not_dropped() {
    let page = "这是一段没有标题的正文。\n\n标题\n\n本报讯（记者 甲） 正文。\n";
    let out = import_page(page, &ImportOptions::default());
    assert_eq!(out.unplaced.len(), 1);
    assert_eq!(out.unplaced[0].block, 1);
    assert_eq!(out.articles.len(), 1);
}

/// A page of a paper never seen, with a masthead of the given first line.
fn page_with(masthead: &str) -> String {
    format!(
        "{masthead}\n\n\
         扎实推进职工服务阵地建设 助力首都高质量发展\n\n\
         海淀区职工之家焕新开放\n\n\
         本报讯（记者 王小明） 近日，职工之家重新开放。\n\n\
         密云区开展春季健步走\n\n\
         本报讯（通讯员 钱七） 3月，密云区总工会组织职工健步走。\n"
    )
}

#[test]
fn the_masthead_gives_every_article_its_day_and_page() {
    for (masthead, date, page) in [
        ("2024年3月8日 星期五", Some("2024-03-08"), None),
        ("第3版", None, Some(3)),
        ("03版", None, Some(3)),
        (
            "《劳动午报》(2024年03月08日 03版)",
            Some("2024-03-08"),
            Some(3),
        ),
        (
            "2024年12月1日　星期日　第十二版",
            Some("2024-12-01"),
            Some(12),
        ),
    ] {
        let out = import_page(&page_with(masthead), &ImportOptions::default());
        assert!(out.unplaced.is_empty(), "{masthead}: {:?}", out.unplaced);
        assert_eq!(
            out.masthead,
            [(1, masthead.trim().to_string())],
            "{masthead}"
        );
        assert_eq!(
            out.banner.as_deref(),
            Some("扎实推进职工服务阵地建设 助力首都高质量发展"),
            "{masthead}"
        );
        assert_eq!(out.articles.len(), 2, "{masthead}");
        for a in &out.articles {
            assert_eq!(a.date.as_deref(), date, "{masthead}");
            assert_eq!(a.page, page, "{masthead}");
        }
        let ids: Vec<&str> = out.articles.iter().map(|a| a.id.as_str()).collect();
        let want: Vec<String> = match (date, page) {
            (Some(d), Some(p)) => vec![format!("{d}-p{p}-1"), format!("{d}-p{p}-2")],
            (Some(d), None) => vec![format!("{d}-1"), format!("{d}-2")],
            (None, _) => vec!["1".into(), "2".into()],
        };
        assert_eq!(ids, want, "{masthead}");
    }
}

#[test]
fn a_page_without_a_masthead_takes_the_options() {
    let page = page_with("");
    let out = import_page(&page, &ImportOptions::default());
    assert!(out.masthead.is_empty());
    assert!(
        out.articles
            .iter()
            .all(|a| a.date.is_none() && a.page.is_none())
    );
    let out = import_page(
        &page,
        &ImportOptions {
            date: kanbao::date::Date::new(2024, 3, 8),
            page: Some(5),
            ..ImportOptions::default()
        },
    );
    assert_eq!(out.articles[1].id, "2024-03-08-p5-2");
    assert_eq!(out.articles[1].date.as_deref(), Some("2024-03-08"));
}

#[test]
fn the_options_win_over_the_masthead() {
    let out = import_page(
        &page_with("《劳动午报》(2024年03月08日 03版)"),
        &ImportOptions {
            date: kanbao::date::Date::new(2024, 3, 9),
            ..ImportOptions::default()
        },
    );
    assert_eq!(out.articles[0].id, "2024-03-09-p3-1");
    assert_eq!(out.paper.as_deref(), Some("劳动午报"));
}

#[test]
fn a_masthead_day_that_does_not_exist_is_reported_with_its_line() {
    let page = format!("\n{}", page_with("《劳动午报》 2024年2月30日 星期五"));
    let out = import_page(&page, &ImportOptions::default());
    let (line, bad) = out.bad_day.expect("reported");
    assert_eq!(
        (line, bad.column, bad.text.as_str()),
        (2, 8, "2024年2月30日")
    );
    // Kept, not lost, and no day made up.
    assert_eq!(out.masthead[0].1, "《劳动午报》 2024年2月30日 星期五");
    assert!(out.articles.iter().all(|a| a.date.is_none()));
}

#[test]
fn a_masthead_at_the_foot_is_read_and_a_date_in_the_body_is_not() {
    let page = format!(
        "{}\n2024年1月2日\n\n第二段。\n\n2024年3月8日 第3版\n",
        page_with("")
    );
    let out = import_page(&page, &ImportOptions::default());
    assert_eq!(out.masthead.len(), 1);
    assert_eq!(out.articles[0].date.as_deref(), Some("2024-03-08"));
    // The day inside the text (line 7 of 13) stays in the article.
    let last = out.articles.last().expect("articles");
    assert!(
        last.paragraphs.iter().any(|p| p.contains("2024年1月2日")),
        "{last:?}"
    );
}

/// Masthead + banner + articles equal the page once whitespace is removed.
#[test]
fn no_masthead_text_is_lost() {
    let page = page_with("《劳动午报》(2024年03月08日 03版)");
    let out = import_page(&page, &ImportOptions::default());
    let mut rebuilt: String = out.masthead.iter().map(|(_, l)| l.as_str()).collect();
    rebuilt.push_str(out.banner.as_deref().unwrap_or_default());
    for a in &out.articles {
        rebuilt.push_str(&a.title);
        rebuilt.push_str(a.byline.as_deref().unwrap_or_default());
        rebuilt.extend(a.paragraphs.iter().map(String::as_str));
    }
    assert_eq!(no_space(&rebuilt), no_space(&page));
}

#[test]
fn unplaced_blocks_keep_their_number_in_the_page_with_a_masthead() {
    let page =
        "2024年3月8日 星期五\n\n第3版\n\n孤立的一段话。\n\n标题\n\n本报讯（记者 甲） 正文。\n";
    let out = import_page(page, &ImportOptions::default());
    assert_eq!(out.unplaced.len(), 1);
    assert_eq!(out.unplaced[0].block, 3);
    let page = "2024年3月8日 星期五\n第3版\n孤立的一段话。\n\n标题\n\n本报讯（记者 甲） 正文。\n";
    let out = import_page(page, &ImportOptions::default());
    assert_eq!(out.unplaced[0].block, 1);
}
