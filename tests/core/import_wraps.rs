//! A line alone that pauses with a comma, told by the page around it (session 34), on a page
//! the importer has never seen (`import_pages/wraps.txt`): before, word lists decided, so a
//! headline whose first part opens like a sentence's clause (`在奋斗中，绽放青春`) was glued to
//! the text under it in the article before, and the opening clause of a paragraph the layout
//! broke (`天宫院街道总工会，职工们` / `都亲切地称它为…`) was read as a headline.

use crate::kept;

use kept::{assert_every_character_kept, import, titles};

fn page() -> &'static str {
    include_str!("import_pages/wraps.txt")
}

/// A headline is told by what follows it: a byline (`本报讯`, `□本报记者 … 文/摄`), or text
/// that takes up its words where the text above did not.
#[test]
fn a_headline_with_a_comma_is_told_by_what_follows_it() {
    let out = import(page());
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(
        titles(&out),
        [
            "大兴区天宫院街道职工服务中心启用",
            "在奋斗中，绽放青春",
            "在岗位上，争当先锋",
            "匠心传承，薪火相传",
        ]
    );
    let a = &out.articles;
    assert_eq!(a[1].byline, None);
    assert_eq!(
        a[1].paragraphs,
        [
            "五四青年节前夕，朝阳区总工会举办青年职工座谈会，10名青年职工代表讲述了在岗位上奋斗的故事。",
            "座谈会上，95后快递员小李说，“能为城市运转出一份力，我很自豪。”",
        ]
    );
    assert_eq!(a[1].district.as_deref(), Some("朝阳区"));
    assert_eq!(a[2].byline.as_deref(), Some("本报讯（记者 孙艳）"));
    assert_eq!(a[2].district.as_deref(), Some("东城区"));
    assert_eq!(a[3].byline.as_deref(), Some("□本报记者 王晓楠 文/摄"));
    assert_eq!(a[3].reporters, ["王晓楠"]);
    assert_eq!(a[3].district.as_deref(), Some("房山区"));
    assert_every_character_kept(page(), &out);
}

/// A paragraph's opening clause the layout broke off stays text when the block under it goes
/// on with words of its own: it continues the sentence.
#[test]
fn a_wrapped_paragraph_start_is_not_a_headline() {
    let out = import(page());
    let a = &out.articles;
    assert_eq!(
        a[0].paragraphs[1..],
        [
            "天宫院街道总工会，职工们都亲切地称它为“职工之家”。",
            "今年以来，中心已接待职工5000余人次。",
        ]
    );
    assert_eq!(
        a[3].paragraphs,
        [
            "在房山区一家机械加工厂，62岁的高级技师赵师傅正手把手地教徒弟操作数控机床。",
            "从业四十年，赵师傅带出了28名徒弟，其中5人获评“北京大工匠”。",
        ]
    );
}

/// The other way round on a smaller page: a comma headline whose text takes up a word the
/// page above never used opens an article, while a line whose words were all used above,
/// or that the text under it does not take up, stays in its article.
#[test]
fn the_words_a_line_shares_decide() {
    let page = "东城区总工会举办职工运动会\n\n\
                本报讯（记者 赵文）近日，东城区总工会在地坛体育馆举办职工运动会。\n\n\
                比赛间隙，参赛职工\n\n和职工家属一起合影留念。\n\n\
                会后，东城区总工会\n\n还为获奖选手颁发了奖品。\n\n\
                书香润心，阅读致远\n\n\
                4月23日，西城区总工会举办职工阅读分享会，20余名职工分享了阅读心得。\n";
    let out = import(page);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(
        titles(&out),
        ["东城区总工会举办职工运动会", "书香润心，阅读致远"]
    );
    assert_eq!(
        out.articles[0].paragraphs[1..],
        [
            "比赛间隙，参赛职工和职工家属一起合影留念。",
            "会后，东城区总工会还为获奖选手颁发了奖品。",
        ]
    );
    assert_every_character_kept(page, &out);
}
