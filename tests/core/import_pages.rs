//! The importer on realistic pages it has never seen (tests/core/import_pages/): every way an
//! article starts, every byline form, names only, and nothing merged into the wrong article.

use kanbao::article::{Article, Kind};
use kanbao::import::{ImportOptions, Imported, import_page};

fn import(page: &str) -> Imported {
    import_page(page, &ImportOptions::default())
}

fn no_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Masthead, banner, articles (each as the page printed it: [`Imported::printed`]) and
/// unplaced blocks, in page order, equal the page once whitespace is removed.
fn assert_every_character_kept(page: &str, out: &Imported) {
    let mut rebuilt: String = out.masthead.iter().map(|(_, l)| l.as_str()).collect();
    rebuilt.push_str(out.banner.as_deref().unwrap_or_default());
    let mut unplaced = out.unplaced.iter().peekable();
    for n in 0..out.articles.len() {
        while let Some(u) = unplaced.next_if(|u| u.after <= n) {
            rebuilt.push_str(&u.text);
        }
        rebuilt.extend(out.printed(n));
    }
    rebuilt.extend(unplaced.map(|u| u.text.as_str()));
    assert_eq!(no_space(&rebuilt), no_space(page));
}

fn titles(out: &Imported) -> Vec<&str> {
    out.articles.iter().map(|a| a.title.as_str()).collect()
}

fn names(a: &Article) -> (Vec<&str>, Vec<&str>) {
    (
        a.reporters.iter().map(String::as_str).collect(),
        a.correspondents.iter().map(String::as_str).collect(),
    )
}

/// A bare `本报讯` after a headline starts a new article: before, the headline and the
/// byline were glued into the article above (`丰台区总工会举办健康讲座本报讯 近日，…`) and its
/// district added to that article.
#[test]
fn a_bare_dateline_starts_a_new_article_with_its_headline() {
    let page = include_str!("import_pages/merge.txt");
    let out = import(page);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(
        titles(&out),
        ["西城区驿站开进社区", "丰台区总工会举办健康讲座"]
    );
    let (first, second) = (&out.articles[0], &out.articles[1]);
    assert_eq!(first.paragraphs, ["近日，西城区总工会在社区建成驿站。"]);
    assert_eq!(first.districts, ["西城区"]);
    assert_eq!(second.byline.as_deref(), Some("本报讯"));
    assert_eq!(second.paragraphs, ["近日，丰台区总工会举办健康讲座。"]);
    assert!(second.reporters.is_empty());
    assert_eq!(second.district.as_deref(), Some("丰台区"));
    assert_every_character_kept(page, &out);
}

/// A tester's page: a column label, intern reporters, a bare 本报讯, a commentary (`短评`)
/// with no byline and its author's credit at the end, and a photo credit on its own after an
/// article.
#[test]
fn a_commentary_is_an_article_of_its_own_and_nothing_is_merged() {
    let page = include_str!("import_pages/commentary.txt");
    let out = import(page);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(out.banner.as_deref(), Some("职工之家 · 基层风采"));
    let a = &out.articles;
    assert_eq!(
        titles(&out)[1..],
        [
            "丰台区总工会举办女职工健康讲座",
            "让服务更有“温度”",
            "密云区：冰雪运动进企业"
        ]
    );
    // The column label is the first paragraph, not the kicker (session 32).
    assert_eq!(a[0].kicker.as_deref(), Some("海淀区学院路街道"));
    assert_eq!(a[0].title, "“小修小补”服务进楼宇");
    assert_eq!(names(&a[0]), (vec!["王佳", "李想"], vec![]));
    assert_eq!(a[0].districts, ["海淀区"]);
    assert_eq!(a[0].paragraphs.len(), 4);
    assert_eq!(a[0].paragraphs[0], "【一线故事】");
    assert!(a[0].paragraphs[3].ends_with("下一步将把服务延伸至周末和夜间。"));
    assert_eq!(a[1].byline.as_deref(), Some("本报讯"));
    assert_eq!(a[1].paragraphs.len(), 2);
    assert_eq!(a[1].districts, ["丰台区"]);
    assert_eq!(a[2].kicker.as_deref(), Some("短评"));
    // The author's credit at the end is the byline (session 32).
    assert_eq!(a[2].byline.as_deref(), Some("（作者系本报评论员　赵明）"));
    assert_eq!(names(&a[2]), (vec!["赵明"], vec![]));
    assert_eq!(a[2].paragraphs.len(), 1);
    assert!(a[2].paragraphs[0].starts_with("工会服务贵在细"));
    assert!(a[2].paragraphs[0].ends_with("恰恰是职工最需要的。"));
    assert_eq!(names(&a[3]), (vec!["周峰"], vec!["孙丽丽"]));
    assert_eq!(
        a[3].paragraphs.last().map(String::as_str),
        Some("本报记者 周峰 摄")
    );
    assert_every_character_kept(page, &out);
}

/// A page of every byline form: `【首席记者 …】`, a dated dateline with `/文` and `/摄`,
/// `本报记者 …` on its own line, `（本报记者 …）`, `实习生`, a bare `本报讯` with its credit at the
/// end, a commentary, and a photo report whose credit is a block of its own.
#[test]
fn every_byline_form_opens_an_article_with_the_names_only() {
    let page = include_str!("import_pages/wide.txt");
    let out = import(page);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(out.banner.as_deref(), Some("工会服务 暖心相伴"));
    assert_eq!(
        titles(&out),
        [
            "外卖小哥有了“歇脚地”",
            "社区工会驿站建成开放",
            "“我们终于有了自己的家”",
            "海淀区职工书屋上新",
            "石景山区开展职工技能比武",
            "丰台区总工会举办健康讲座",
            "技能比武比出新风",
            "春风里的志愿服务",
        ]
    );
    let a = &out.articles;
    let bylines: Vec<Option<&str>> = a.iter().map(|x| x.byline.as_deref()).collect();
    assert_eq!(
        bylines,
        [
            Some("本报讯【首席记者 王佳】"),
            Some("本报北京4月1日讯（记者 赵磊/文 通讯员 钱程/摄）"),
            Some("本报记者 孙悦"),
            Some("（本报记者 周敏）"),
            Some("本报讯（记者　吴桐　实习生 郑好）"),
            Some("本报讯"),
            None,
            None,
        ]
    );
    let all: Vec<(Vec<&str>, Vec<&str>)> = a.iter().map(names).collect();
    assert_eq!(
        all,
        [
            (vec!["王佳"], vec![]),
            (vec!["赵磊"], vec!["钱程"]),
            (vec!["孙悦"], vec![]),
            (vec!["周敏"], vec![]),
            (vec!["吴桐", "郑好"], vec![]),
            (vec!["孙立"], vec![]),
            (vec![], vec![]),
            (vec!["冯晨"], vec![]),
        ]
    );
    let districts: Vec<Option<&str>> = a.iter().map(|x| x.district.as_deref()).collect();
    assert_eq!(
        districts,
        [
            Some("朝阳区"),
            Some("西城区"),
            Some("东城区"),
            Some("海淀区"),
            Some("石景山区"),
            Some("丰台区"),
            None,
            Some("门头沟区"),
        ]
    );
    assert_eq!(a[0].paragraphs.len(), 2);
    assert_eq!(
        a[0].paragraphs[0],
        "近日，朝阳区总工会走访辖区外卖站点，了解骑手的难处。"
    );
    assert_eq!(
        a[2].subtitle.as_deref(),
        Some("——东城区新就业形态劳动者入会侧记")
    );
    assert_eq!(
        a[2].paragraphs,
        [
            "３月５日下午，东城区总工会举办集中入会仪式，200余名快递员、外卖骑手加入工会。",
            "“入了会，心里踏实了。”快递员小李说。"
        ]
    );
    assert_eq!(
        a[3].paragraphs,
        ["近日，海淀区总工会为20家职工书屋配送新书。"]
    );
    assert_eq!(
        a[5].paragraphs.last().map(String::as_str),
        Some("（记者 孙立）")
    );
    assert_eq!(a[6].kicker.as_deref(), Some("短评"));
    assert_eq!(a[7].kind, Kind::Photo);
    assert_eq!(
        a[7].paragraphs,
        [
            "门头沟区职工志愿者走进社区，为居民义务理发、维修家电。",
            "本报记者 冯晨 摄"
        ]
    );
    assert!(
        a.iter()
            .all(|x| x.date.as_deref() == Some("2024-04-02") && x.page == Some(6))
    );
    assert_every_character_kept(page, &out);
}

/// A byline with no headline above it has no title: it and its text are reported where
/// they are, never added to the article before.
#[test]
fn a_byline_without_a_headline_is_reported_not_merged() {
    let page = "口号\n\n西城区驿站开进社区\n\n本报讯（记者 李四）近日，西城区总工会建成驿站。\n\n\
                本报讯（记者 张三）近日，朝阳区总工会开展春季招聘会。\n\n招聘会持续到周末。\n\n\
                丰台区举办讲座\n\n本报讯 近日，丰台区总工会举办讲座。\n";
    let out = import(page);
    assert_eq!(titles(&out), ["西城区驿站开进社区", "丰台区举办讲座"]);
    assert_eq!(out.articles[0].paragraphs, ["近日，西城区总工会建成驿站。"]);
    assert_eq!(out.articles[0].districts, ["西城区"]);
    assert_eq!(out.unplaced.len(), 1);
    let u = &out.unplaced[0];
    assert_eq!((u.block, u.after), (4, 1));
    assert_eq!(
        u.text,
        "本报讯（记者 张三）近日，朝阳区总工会开展春季招聘会。\n招聘会持续到周末。"
    );
    assert_every_character_kept(page, &out);
}

/// Words that look like bylines in body text stay body text.
#[test]
fn sentences_that_open_like_bylines_stay_in_their_article() {
    let page = "口号\n\n西城区驿站开进社区\n\n本报讯（记者 李四）近日，西城区总工会建成驿站。\n\n\
                本报近日从通讯员处获悉，驿站每天接待职工50余人次。\n\n\
                本报记者近日再次走访驿站。\n";
    let out = import(page);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(out.articles.len(), 1);
    assert_eq!(out.articles[0].paragraphs.len(), 3);
    assert_eq!(out.articles[0].reporters, ["李四"]);
}

/// A headline may ask or exclaim: before, `…“最后一公里”？` and `…开进社区！` were taken for
/// body text, and their articles were lost (this page gave no article at all).
#[test]
fn a_headline_ending_in_a_question_or_exclamation_mark_opens_its_article() {
    let page = include_str!("import_pages/questions.txt");
    let out = import(page);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(out.banner.as_deref(), Some("团结奋进新征程"));
    assert_eq!(
        titles(&out),
        [
            "谁来守护外卖小哥的“最后一公里”？",
            "暖心驿站开进社区！",
            "“我们终于有了自己的家”"
        ]
    );
    let a = &out.articles;
    assert_eq!(names(&a[0]), (vec!["张三"], vec![]));
    assert_eq!(a[0].paragraphs, ["近日，朝阳区总工会走访外卖站点。"]);
    assert_eq!(a[1].districts, ["西城区"]);
    assert_eq!(a[2].byline.as_deref(), Some("本报记者 王五"));
    assert_eq!(
        a[2].paragraphs,
        ["３月５日，东城区总工会举办集中入会仪式。"]
    );
    assert_every_character_kept(page, &out);
}

/// A short exclamation in the text is still text: it opens nothing without a byline after it.
#[test]
fn an_exclamation_in_the_text_stays_in_its_article() {
    let page = "口号\n\n西城区驿站开进社区\n\n本报讯（记者 李四）近日，西城区总工会建成驿站。\n\n\
                “太好了！”\n\n职工们围着驿站的热水器说。\n";
    let out = import(page);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(titles(&out), ["西城区驿站开进社区"]);
    assert_eq!(
        out.articles[0].paragraphs[1..],
        ["“太好了！”", "职工们围着驿站的热水器说。"]
    );
}

/// A page saved with a byte order mark (Windows Notepad) still has its masthead: before, the
/// banner was `\u{feff}2024年3月8日 …` and the day, the page and the ids were lost.
#[test]
fn a_byte_order_mark_does_not_hide_the_masthead() {
    let page = include_str!("import_pages/bom.txt");
    assert!(page.starts_with('\u{feff}'));
    let out = import(page);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(out.masthead, [(1, "2024年3月8日 星期五 第3版".to_string())]);
    assert_eq!(out.banner.as_deref(), Some("团结奋进新征程"));
    let ids: Vec<&str> = out.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["2024-03-08-p3-1", "2024-03-08-p3-2"]);
    assert_every_character_kept(&page['\u{feff}'.len_utf8()..], &out);
}

/// Each unplaced block knows the line and column where it starts in the page (masthead
/// lines and indentation included) and why it could not be placed.
#[test]
fn an_unplaced_block_knows_its_place_and_why() {
    use kanbao::import::Why;
    let page = "2024年3月8日 第3版\n\n  谁来守护外卖小哥\n\n近日，朝阳区总工会走访外卖站点。\n\n\
                西城区驿站开进社区\n\n本报讯（记者 李四）近日，西城区总工会建成驿站。\n\n\
                本报记者 张三\n\n近日，朝阳区总工会开展春季招聘会。\n\n招聘会持续到周末。\n\n丰台区举办讲座\n\n\
                本报讯 近日，丰台区总工会举办讲座。\n";
    let out = import(page);
    let found: Vec<(usize, usize, usize, Why, usize)> = out
        .unplaced
        .iter()
        .map(|u| (u.block, u.line, u.column, u.why, u.after))
        .collect();
    assert_eq!(
        found,
        [(2, 3, 3, Why::NoByline, 0), (6, 11, 1, Why::NoHeadline, 1)]
    );
    assert_eq!(
        out.unplaced[1].text,
        "本报记者 张三近日，朝阳区总工会开展春季招聘会。\n招聘会持续到周末。"
    );
    assert_eq!(titles(&out), ["西城区驿站开进社区", "丰台区举办讲座"]);
}
