//! Numbered subheadings inside an article (`一、坚持服务职工`, `（一）强化阵地建设`, `1．劳动合同`),
//! on a page the importer has never seen (`import_pages/numbered.txt`): before, each was
//! glued to the paragraph under it (`一、坚持服务职工上半年，…`), and a subheading with a
//! subheading of the next level under it (`三、…` / `（一）…` / text) was read as a kicker
//! and a title, opening an article of its own. A sentence that only opens with a number
//! (`一、二月份，…` going on from `据统计，今年`) and the items of a numbered list the layout
//! broke (`1.完善驿站设施，…` / `和休息座椅，…`) stay text.

use crate::kept;

use kept::{assert_every_character_kept, import, titles};

fn page() -> &'static str {
    include_str!("import_pages/numbered.txt")
}

/// The page's three articles, nothing reported, nothing dropped.
#[test]
fn numbered_subheadings_open_no_article() {
    let out = import(page());
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(
        titles(&out),
        [
            "朝阳区总工会召开十三届五次全委会议",
            "西城区出台关爱户外劳动者十项措施",
            "职工维权，这些知识要知道",
        ]
    );
    assert_every_character_kept(page(), &out);
}

/// `一、`, `（一）` and `二、` on lines of their own are paragraphs of their own, two levels
/// stacked included; the sentence the layout broke before `一、二月份` goes on into it.
#[test]
fn a_numbered_subheading_is_a_paragraph_of_its_own() {
    let out = import(page());
    assert_eq!(
        out.articles[0].paragraphs,
        [
            "9月10日，朝阳区总工会召开十三届五次全委（扩大）会议，总结上半年工作，部署下一阶段任务。",
            "一、坚持服务职工",
            "上半年，区总工会围绕职工急难愁盼问题，开展走访慰问、法律援助、心理关爱等服务，惠及职工8万余人次。据统计，今年一、二月份，全区职工服务中心共接待来访职工3200余人次，较去年同期增长一成。",
            "（一）强化阵地建设",
            "全区新建职工之家26家、工会驿站18家，户外劳动者驿站实现街乡全覆盖。",
            "（二）办好暖心实事",
            "区总工会为一线职工免费体检1.2万人次，为困难职工家庭送去助学金。",
            "二、深化产业工人队伍建设改革",
            "区总工会举办职工技能大赛12场，参赛职工4000余人，58人获评区级技术能手。",
            "三、推动新就业形态劳动者入会",
            "（一）摆摊设点促建会",
            "各街乡工会在商圈、园区设点宣传，上半年新发展快递员、外卖骑手会员6200余人。",
            "（二）暖心服务聚人心",
            "区总工会为新入会的劳动者送上意外伤害保险。会议号召，全区各级工会要锚定目标，确保全年任务圆满完成。",
        ]
    );
    assert_eq!(out.articles[0].districts, ["朝阳区"]);
}

/// The items of a numbered list that are sentences the layout broke stay whole paragraphs.
#[test]
fn a_numbered_list_of_sentences_stays_text() {
    let out = import(page());
    assert_eq!(
        out.articles[1].paragraphs,
        [
            "近日，西城区总工会出台关爱户外劳动者十项措施，首批三项已落地。",
            "1.完善驿站设施，在现有工会驿站增设充电柜和休息座椅，方便户外劳动者歇脚。",
            "2.延长开放时间，为夜间作业的环卫工人提供热水和休息场所。",
            "3.开展法律服务，每月组织律师进驿站答疑。",
            "西城区总工会相关负责人表示，其余措施将在年内落实到位。",
        ]
    );
}

/// `1．劳动合同`, `2．加班工资`, `3．带薪年休假`: short numbered lines over the text they head.
#[test]
fn arabic_numbered_subheadings() {
    let out = import(page());
    assert_eq!(
        out.articles[2].paragraphs[1..],
        [
            "1．劳动合同",
            "用人单位应当自用工之日起一个月内与劳动者订立书面劳动合同。",
            "2．加班工资",
            "用人单位安排劳动者延长工作时间的，应当支付不低于工资150%的工资报酬。",
            "3．带薪年休假",
            "职工连续工作一年以上的，享受带薪年休假。",
        ]
    );
}

/// A paragraph that opens with a number and no sequence of numbered lines around it
/// (`一、二月份，…`) is a paragraph the layout broke, and stays joined; a numbered sequence
/// of short lines over their text beside it is read as subheadings.
#[test]
fn a_number_with_no_sequence_opens_a_sentence() {
    let page = "东城区总工会走访慰问一线职工\n\n\
                本报讯（记者 孙艳）近日，东城区总工会走访慰问一线职工。\n\n\
                一、二月份，全区各级工会\n\n\
                共走访慰问一线职工1.5万人次，发放慰问品3万余份。\n\n\
                （1）送温暖\n\n区总工会为环卫工人送去棉衣和手套。\n\n\
                （2）送健康\n\n区总工会组织医生为职工义诊。\n";
    let out = import(page);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(
        out.articles[0].paragraphs,
        [
            "近日，东城区总工会走访慰问一线职工。",
            "一、二月份，全区各级工会共走访慰问一线职工1.5万人次，发放慰问品3万余份。",
            "（1）送温暖",
            "区总工会为环卫工人送去棉衣和手套。",
            "（2）送健康",
            "区总工会组织医生为职工义诊。",
        ]
    );
    assert_every_character_kept(page, &out);
}
