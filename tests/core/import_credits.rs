//! Credits the importer reads since session 33: a supplier's credit at the end of an article
//! (`（朝阳区总工会供稿）`) and a byline printed after a marker at its start (`■本报评论员`,
//! `□本报记者 王晓楠`, `□张华`). Before, the marker's byline was taken for a heading (a
//! subtitle, or the title itself), the supplier's credit for a heading that glued the next
//! article into the one before, or left in the text.

use crate::kept;

use kanbao::article::Article;
use kept::{assert_every_character_kept, import, titles};

fn bylines(articles: &[Article]) -> Vec<Option<&str>> {
    articles.iter().map(|a| a.byline.as_deref()).collect()
}

fn reporters(a: &Article) -> Vec<&str> {
    a.reporters.iter().map(String::as_str).collect()
}

/// A page of a union paper with both kinds of credit: each article keeps its own headings,
/// byline and text, and nothing is merged into the article before.
#[test]
fn markers_and_suppliers_credits_are_bylines() {
    let page = include_str!("import_pages/credits.txt");
    let out = import(page);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(
        titles(&out),
        [
            "朝阳区总工会开展“送法进工地”活动",
            "金秋助学 温暖同行",
            "为劳动者撑起“安全伞”",
            "“老班长”的三十年",
            "职工书屋里的“读书会”",
            "海淀区举办职工羽毛球赛",
            "丰台区职工篮球赛开赛",
        ]
    );
    let a = &out.articles;
    assert_eq!(
        bylines(a),
        [
            Some("本报讯（记者 李静）"),
            Some("（朝阳区总工会供稿）"),
            Some("■本报评论员"),
            Some("□本报记者 王晓楠"),
            Some("□张华"),
            Some("本报讯"),
            None,
        ]
    );
    let subtitles: Vec<Option<&str>> = a.iter().map(|x| x.subtitle.as_deref()).collect();
    assert!(subtitles.iter().all(Option::is_none), "{subtitles:?}");
    // A supplier's credit with no byline above is the byline, and no longer text.
    assert_eq!(
        a[1].paragraphs,
        [
            "近日，朝阳区总工会启动2024年金秋助学活动，对困难职工家庭的子女给予每人3000元至5000元不等的助学金。",
            "截至目前，已有86名学生通过审核。",
        ]
    );
    assert!(reporters(&a[1]).is_empty());
    // The commentator's byline names no one; the column label is still the first paragraph.
    assert!(reporters(&a[2]).is_empty());
    assert_eq!(a[2].paragraphs.len(), 3);
    assert_eq!(a[2].paragraphs[0], "【工人论坛】");
    assert!(a[2].paragraphs[1].starts_with("高温天气里"));
    assert_eq!(a[3].kicker.as_deref(), Some("一线故事"));
    assert_eq!(reporters(&a[3]), ["王晓楠"]);
    assert!(a[3].paragraphs[0].starts_with("清晨六点"));
    assert!(a[3].paragraphs[0].ends_with("从未发生过一起责任事故。"));
    assert_eq!(a[4].kicker, None);
    assert_eq!(reporters(&a[4]), ["张华"]);
    assert_eq!(a[4].district.as_deref(), Some("石景山区"));
    // Under a byline a supplier's credit stays where it was printed, at the end.
    assert!(a[4].paragraphs[1].ends_with("（石景山区总工会 供稿）"));
    assert_eq!(
        a[5].paragraphs.last().map(String::as_str),
        Some("（海淀区总工会供稿）")
    );
    // The credit on its own line is not a heading of the brief after it.
    assert_eq!(a[6].kicker, None);
    assert_eq!(a[6].district.as_deref(), Some("丰台区"));
    assert_every_character_kept(page, &out);
}

/// A supplier's credit that names a correspondent gives their name, as a byline would.
#[test]
fn a_suppliers_credit_gives_the_names_it_labels() {
    let page = "口号\n\n工会新闻\n\n西城区驿站开进社区\n\n本报讯（记者 李四）近日，西城区总工会建成驿站。\n\n\
                延庆区职工冰雪季启动\n\n近日，延庆区总工会启动职工冰雪季活动。（通讯员 王芳 供稿）\n";
    let out = import(page);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(titles(&out), ["西城区驿站开进社区", "延庆区职工冰雪季启动"]);
    let a = &out.articles[1];
    assert_eq!(a.byline.as_deref(), Some("（通讯员 王芳 供稿）"));
    assert_eq!(a.correspondents, ["王芳"]);
    assert_eq!(a.paragraphs, ["近日，延庆区总工会启动职工冰雪季活动。"]);
    assert_every_character_kept(page, &out);
}

/// Inside an article a marker opens a subheading, not a byline: `■背景` after a sentence
/// stays in the article's text (how a subheading is kept is not settled here).
#[test]
fn a_marker_inside_the_text_is_not_a_byline() {
    let page = "口号\n\n工会新闻\n\n西城区驿站开进社区\n\n本报讯（记者 李四）近日，西城区总工会建成驿站。\n\n\
                ■背景\n\n驿站是工会服务户外劳动者的阵地。\n";
    let out = import(page);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(titles(&out), ["西城区驿站开进社区"]);
    assert_eq!(out.articles[0].reporters, ["李四"]);
    assert_eq!(
        out.articles[0].byline.as_deref(),
        Some("本报讯（记者 李四）")
    );
    let text = out.articles[0].paragraphs.concat();
    assert!(text.contains("■背景"), "{text}");
    assert!(text.ends_with("驿站是工会服务户外劳动者的阵地。"), "{text}");
}
