//! Bylines and subheadings of features and commentaries (session 34), on a page the
//! importer has never seen (`import_pages/features.txt`):
//! - a marker's credit that says what its reporter did (`□本报记者 王晓楠 文/摄`), and the
//!   same credit without a marker (`本报记者 张三 摄`), under the headline are the byline;
//!   before, the marker's form was the title (the headline above it the kicker), and the
//!   other the first paragraph;
//! - a commentator's post alone (`本报评论员`) under the headline is the byline; before, it
//!   was the title;
//! - a subheading after a marker (`■背景`, `□链接`, `■记者手记`) is a paragraph of its own;
//!   before, it was glued to the paragraph under it (`■背景近年来，…`).

use crate::kept;

use kanbao::article::{Article, Kind};
use kept::{assert_every_character_kept, import, titles};

fn reporters(a: &Article) -> Vec<&str> {
    a.reporters.iter().map(String::as_str).collect()
}

fn page() -> &'static str {
    include_str!("import_pages/features.txt")
}

/// Every article keeps its own headline; nothing is reported or dropped.
#[test]
fn every_article_keeps_its_headline() {
    let out = import(page());
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(out.banner.as_deref(), Some("职工风采 · 一线故事"));
    assert_eq!(
        titles(&out),
        [
            "地铁检修工的“夜班人生”",
            "外卖骑手有了“暖心驿站”",
            "焊花飞溅展绝技",
            "让新就业形态劳动者“有所依”",
        ]
    );
    for a in &out.articles {
        assert_eq!((&a.kicker, &a.subtitle), (&None, &None), "{}", a.title);
    }
    assert_every_character_kept(page(), &out);
}

/// `□本报记者 王晓楠 文/摄`, `■本报记者 李明 文/图` and `本报记者 张三 摄` under a headline are
/// bylines with their reporters; a credit for the photos alone heads a photo report.
#[test]
fn a_credit_with_what_its_reporter_did_is_the_byline() {
    let out = import(page());
    let a = &out.articles;
    let bylines: Vec<Option<&str>> = a.iter().map(|x| x.byline.as_deref()).collect();
    assert_eq!(
        bylines[..3],
        [
            Some("□本报记者 王晓楠 文/摄"),
            Some("■本报记者 李明 文/图"),
            Some("本报记者 张三 摄"),
        ]
    );
    assert_eq!(reporters(&a[0]), ["王晓楠"]);
    assert_eq!(a[0].kind, Kind::News);
    assert_eq!(reporters(&a[1]), ["李明"]);
    assert_eq!(a[1].district.as_deref(), Some("海淀区"));
    assert_eq!(reporters(&a[2]), ["张三"]);
    assert_eq!(a[2].kind, Kind::Photo);
    assert_eq!(
        a[2].paragraphs,
        [
            "10月12日，北京市职工职业技能大赛焊工决赛在顺义区举行，来自全市的60名选手同台竞技。",
            "选手们在规定时间内完成了板对接、管对接等项目，裁判组现场打分。",
        ]
    );
    assert_eq!(a[2].district.as_deref(), Some("顺义区"));
}

/// `本报评论员` alone under a commentary's headline is its byline, naming no one.
#[test]
fn a_commentators_post_alone_is_the_byline() {
    let out = import(page());
    let a = &out.articles[3];
    assert_eq!(a.byline.as_deref(), Some("本报评论员"));
    assert!(a.reporters.is_empty());
    assert_eq!(a.paragraphs.len(), 3);
    assert_eq!(a.paragraphs[0], "【工人论坛】");
    assert!(a.paragraphs[1].starts_with("新就业形态劳动者数量快速增长"));
}

/// `■背景`, `□链接` and `■记者手记` stand as paragraphs of their own inside their article,
/// and the paragraph the layout broke before `□链接` is still joined.
#[test]
fn a_subheading_after_a_marker_is_a_paragraph_of_its_own() {
    let out = import(page());
    let a = &out.articles;
    assert_eq!(
        a[0].paragraphs,
        [
            "【一线故事】",
            "凌晨零点，最后一班地铁驶入车辆段，北京地铁运营公司检修班组的12名职工开始了一夜的忙碌。",
            "班长马建军已经在这个岗位上干了十八年。他说，夜里多查一个螺丝，白天就多一分安全。",
            "■背景",
            "近年来，北京地铁运营里程不断增长，检修任务越来越重。市总工会把地铁检修班组纳入“最美一线职工”宣传范围，今年已有3个班组获评“工人先锋号”。",
            "□链接",
            "“工人先锋号”是全国总工会授予优秀班组的荣誉称号，每年评选一次。",
        ]
    );
    assert_eq!(
        a[1].paragraphs[2..],
        [
            "■记者手记",
            "驿站虽小，却把关怀送到了劳动者身边。期待这样的驿站越来越多。"
        ]
    );
}

/// A subheading stops a paragraph the layout broke before it, and a short paragraph that
/// opens with a marker and pauses with a comma is text, not a subheading.
#[test]
fn a_subheading_ends_the_paragraph_before_it() {
    let page = "西城区驿站开进社区\n\n本报讯（记者 李四）近日，西城区总工会在社区建成驿站，\n\n\
                ■链接\n\n驿站设有饮水机和药箱。\n\n\
                ■近日，朝阳区\n\n也建成了驿站。\n";
    let out = import(page);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(
        out.articles[0].paragraphs,
        [
            "近日，西城区总工会在社区建成驿站，",
            "■链接",
            "驿站设有饮水机和药箱。",
            "■近日，朝阳区也建成了驿站。",
        ]
    );
    assert_every_character_kept(page, &out);
}
