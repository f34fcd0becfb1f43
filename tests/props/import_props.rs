//! Property tests: the importer never loses a character and never panics, whatever the page.

use kanbao::import::{ImportOptions, import_page};
use proptest::prelude::*;

fn no_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Pieces a newspaper page is made of, plus noise.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("协同发力解决问题".to_string()),
        Just("大兴区天宫院街道办好暖“新”事".to_string()),
        Just("本报讯（记者 孙艳） ".to_string()),
        Just("本报讯（记者 陈曦 通讯员 刘淑珍 吕明）".to_string()),
        Just("近日，西城区展览路街道总工会开展活动。".to_string()),
        Just("承载着全市物".to_string()),
        Just("流业务量的15%，货运司机群体集聚。".to_string()),
        Just("本报记者 宗晓畅 通讯员 刘淑珍 摄影报道".to_string()),
        Just("——副题".to_string()),
        Just("本报讯 ".to_string()),
        Just("本报记者 王五\n".to_string()),
        Just("（本报记者 王佳）".to_string()),
        Just("本报记者 周峰 摄".to_string()),
        Just("短评\n\n".to_string()),
        Just("谁来守护“最后一公里”？\n\n".to_string()),
        Just("【工会动态】\n\n".to_string()),
        Just("（作者系本报评论员 张三）".to_string()),
        Just("\n\n丰台区总工会举办健康讲座\n\n".to_string()),
        Just("\n\n".to_string()),
        Just("\n".to_string()),
        Just("\n\n\n".to_string()),
        Just(" ".to_string()),
        Just("2024年3月8日 星期五\n".to_string()),
        Just("\n第3版\n".to_string()),
        Just("《劳动午报》(2024年02月30日 03版)\n".to_string()),
        "[\\PC]{0,12}",
        "[本报讯（）记者通讯员摄影报道。，“”\\n a-z0-9]{0,16}",
    ]
}

fn page() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|parts| parts.concat())
}

/// The page without the lines the importer set aside as its masthead; those lines must be
/// the page's own, as they are.
fn without_masthead(page: &str) -> String {
    let out = import_page(page, &ImportOptions::default());
    let lines: Vec<&str> = page.lines().collect();
    for (n, text) in &out.masthead {
        assert_eq!(lines[n - 1].trim(), text);
    }
    let set_aside: Vec<usize> = out.masthead.iter().map(|(n, _)| *n).collect();
    let kept: Vec<&str> = (1..=lines.len())
        .filter(|n| !set_aside.contains(n))
        .map(|n| lines[n - 1])
        .collect();
    kept.join("\n")
}

fn rebuilt(page: &str) -> String {
    let out = import_page(page, &ImportOptions::default());
    let mut text = out.banner.clone().unwrap_or_default();
    // Each unplaced block goes where it was: after the articles before it.
    assert!(
        out.unplaced
            .windows(2)
            .all(|w| w[0].after <= w[1].after && w[0].block <= w[1].block)
    );
    let mut unplaced = out.unplaced.iter().peekable();
    for n in 0..out.articles.len() {
        while let Some(u) = unplaced.next_if(|u| u.after <= n) {
            text.push_str(&u.text);
        }
        // As the page printed it: a column label before the headings, an author's credit
        // after the paragraphs.
        text.extend(out.printed(n));
    }
    for u in unplaced {
        text.push_str(&u.text);
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn no_character_is_lost_or_reordered(page in page()) {
        prop_assert_eq!(no_space(&rebuilt(&page)), no_space(&without_masthead(&page)));
    }

    #[test]
    fn every_article_has_a_title_and_a_unique_id(page in page()) {
        let out = import_page(&page, &ImportOptions {
                id_prefix: "p-".into(),
                ..ImportOptions::default()
            });
        let mut ids = std::collections::HashSet::new();
        for a in &out.articles {
            prop_assert!(!a.title.trim().is_empty());
            prop_assert!(ids.insert(a.id.clone()));
            prop_assert!(a.id.starts_with("p-"));
            if let Some(d) = &a.district {
                prop_assert!(a.districts.contains(d));
            }
        }
    }

    /// With a day (from `--date` here), every article has it and the page, and ids are
    /// `<day>-p<page>-<n>` from 1 in page order.
    #[test]
    fn a_dated_page_gives_stable_ids(page in page()) {
        let date = kanbao::date::Date::new(2024, 3, 8);
        let out = import_page(&page, &ImportOptions { date, page: Some(3), ..ImportOptions::default() });
        prop_assert!(out.bad_day.is_none());
        for (n, a) in out.articles.iter().enumerate() {
            prop_assert_eq!(&a.id, &format!("2024-03-08-p3-{}", n + 1));
            prop_assert_eq!(a.date.as_deref(), Some("2024-03-08"));
            prop_assert_eq!(a.page, Some(3));
        }
    }
}

/// A page of many short lines with no sentence end must still import in linear time;
/// this finishes at once when the importer is linear and would take minutes if quadratic.
#[test]
fn long_runs_of_heading_like_blocks_stay_linear() {
    let page: String = (0..20_000).map(|i| format!("短行{i}\n\n")).collect();
    let out = import_page(&page, &ImportOptions::default());
    assert!(out.articles.is_empty());
    assert_eq!(
        no_space(&rebuilt(&page)),
        no_space(&without_masthead(&page))
    );
}
