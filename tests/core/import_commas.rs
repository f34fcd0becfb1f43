//! A headline alone that pauses with a comma (`工会驿站，让户外劳动者有了“家”`) opens an
//! article of its own (session 33): before, any comma made the line text, and the headline
//! was glued to the paragraph under it in the article before. Short sentences with commas
//! and the opening clause of a sentence the layout broke stay text.

use crate::kept;

use kept::{assert_every_character_kept, import, titles};

/// A page of briefs whose headlines have commas, after an article with a byline.
#[test]
fn a_headline_with_a_comma_opens_an_article() {
    let page = include_str!("import_pages/commas.txt");
    let out = import(page);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(
        titles(&out),
        [
            "丰台区总工会为快递小哥送清凉",
            "工会驿站，让户外劳动者有了“家”",
            "技能比武，赛出“工匠范儿”",
            "退休不褪色，余热映初心",
        ]
    );
    let a = &out.articles;
    assert_eq!(
        a[0].paragraphs,
        ["7月16日，丰台区总工会来到辖区快递网点，为120余名快递员送去防暑用品。"]
    );
    assert_eq!(a[1].byline, None);
    assert_eq!(
        a[1].paragraphs,
        [
            "走进位于西城区月坛街道的工会驿站，冰箱、微波炉、饮水机一应俱全。",
            "小小驿站，大大温暖。",
            "“夏天跑累了，就进来歇一歇。”外卖骑手小王说，驿站的工作人员很热情，感觉就像回到了家。",
            "今年以来，月坛街道已建成工会驿站12家，服务户外劳动者3万余人次。",
        ]
    );
    assert_eq!(a[1].district.as_deref(), Some("西城区"));
    assert_eq!(
        a[2].paragraphs[1..],
        [
            "比赛结束后，获奖选手将被推荐参加全市职工技能大赛。",
            "以赛促学，以学促干。",
        ]
    );
    assert_eq!(a[2].district.as_deref(), Some("通州区"));
    assert_eq!(a[3].paragraphs.len(), 2);
    assert_eq!(a[3].district.as_deref(), Some("东城区"));
    assert_every_character_kept(page, &out);
}

/// The other way: after an article, short sentences with commas that end in `。`, and a
/// paragraph whose opening clause the layout broke off (`驿站建成后，职工们` / `纷纷…`), are
/// its text, not headlines.
#[test]
fn sentences_with_commas_stay_in_their_article() {
    let page = "《劳动午报》（2024年7月18日　第2版）\n\n\
                丰台区总工会为快递小哥送清凉\n\n\
                本报讯（记者 赵文）7月16日，丰台区总工会来到辖区快递网点，为快递员送去防暑用品。\n\n\
                小小驿站，大大温暖。\n\n\
                驿站建成后，职工们\n\n纷纷前来歇脚，有的喝水，有的给手机充电。\n\n\
                活动中，工会工作人员\n\n为快递员讲解了高温津贴政策。\n\n\
                据介绍，该网点\n\n共有快递员40余名。\n\n\
                以赛促学，以学促干。\n";
    let out = import(page);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(titles(&out), ["丰台区总工会为快递小哥送清凉"]);
    assert_eq!(
        out.articles[0].paragraphs[1..],
        [
            "小小驿站，大大温暖。",
            "驿站建成后，职工们纷纷前来歇脚，有的喝水，有的给手机充电。",
            "活动中，工会工作人员为快递员讲解了高温津贴政策。",
            "据介绍，该网点共有快递员40余名。",
            "以赛促学，以学促干。",
        ]
    );
    assert_every_character_kept(page, &out);
}

/// A comma headline over a lead paragraph the layout broke before the text takes up its
/// words (`书香润心，阅读致远` / `近日，…大家` / `纷纷分享了各自的阅读心得。…`) opens an article
/// (session 35): the text under a line is the paragraph the reader joins, not the layout's
/// first piece of it. Before, the headline was glued into the article above. A paragraph's
/// opening clause the layout broke off (`分享会结束后，职工们`) stays text.
#[test]
fn a_headline_over_a_broken_lead_opens_an_article() {
    let page = include_str!("import_pages/leads.txt");
    let out = import(page);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(
        titles(&out),
        [
            "海淀区总工会为一线职工送图书",
            "书香润心，阅读致远",
            "匠心筑梦，技能报国",
        ]
    );
    let a = &out.articles;
    assert_eq!(a[0].paragraphs.len(), 1);
    assert_eq!(
        a[1].paragraphs,
        [
            "近日，西城区总工会在展览路街道职工之家举办分享会，来自机关、企业和新就业形态群体的20余名职工代表参加，大家纷纷分享了各自的阅读心得。活动现场还设置了图书漂流角。",
            "分享会结束后，职工们还在留言墙上写下了自己的读书感悟。",
        ]
    );
    assert_eq!(a[1].district.as_deref(), Some("西城区"));
    assert_eq!(a[2].district.as_deref(), Some("丰台区"));
    assert_eq!(
        a[2].paragraphs,
        [
            "4月23日，丰台区总工会举办“劳动者港湾”开放日活动，邀请区级技术能手走进企业，与青年职工面对面交流，讲述自己苦练技能的故事。"
        ]
    );
    assert_every_character_kept(page, &out);
}
