//! The importer on three more pages it has never seen (tests/core/import_pages/briefs.txt,
//! opinion.txt, photos.txt), each checked article by article, whole: a headline alone with
//! no byline after an article (a brief, a commentary), column labels (`【工会动态】`,
//! `［图片新闻］`) above the headings, and authors' credits at the end
//! (`（作者系本报评论员 张三）`, `（作者单位：…）`), among broken paragraphs that must stay joined.

use kanbao::article::{Article, Kind};
use kanbao::import::{ImportOptions, Imported, import_page};

fn import(page: &str) -> Imported {
    import_page(page, &ImportOptions::default())
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_string()).collect()
}

/// A news article with `title`, `byline` and `paragraphs`; the rest is set by the caller.
fn article(title: &str, byline: Option<&str>, paragraphs: &[&str]) -> Article {
    Article {
        title: title.into(),
        byline: byline.map(Into::into),
        paragraphs: strings(paragraphs),
        ..Article::default()
    }
}

/// `district` as the primary and only district.
fn only(district: &str) -> (Option<String>, Vec<String>) {
    (Some(district.into()), vec![district.into()])
}

/// Gives each of `articles` the page's day and number and its id (`<day>-p<page>-<n>`).
fn dated(mut articles: Vec<Article>, day: &str, page: u32) -> Vec<Article> {
    for (n, a) in articles.iter_mut().enumerate() {
        a.id = format!("{day}-p{page}-{}", n + 1);
        a.date = Some(day.into());
        a.page = Some(page);
    }
    articles
}

fn no_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Masthead, banner, and each article's text in the order the page printed it
/// ([`Imported::printed`]) equal the page once whitespace is removed.
fn assert_every_character_kept(page: &str, out: &Imported) {
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    let mut rebuilt: String = out.masthead.iter().map(|(_, l)| l.as_str()).collect();
    rebuilt.push_str(out.banner.as_deref().unwrap_or_default());
    for n in 0..out.articles.len() {
        rebuilt.extend(out.printed(n));
    }
    assert_eq!(no_space(&rebuilt), no_space(page));
}

/// Briefs under a column label: the label is the first article's first paragraph, not its
/// kicker; the two briefs that have a headline and no byline are articles of their own, not
/// text of the article before; paragraphs broken at a short line stay whole.
#[test]
fn a_page_of_briefs_under_a_column_label() {
    let page = include_str!("import_pages/briefs.txt");
    let out = import(page);
    assert_eq!(out.banner.as_deref(), Some("基层工会 服务职工"));
    assert_eq!(out.paper.as_deref(), Some("劳动午报"));
    let mut first = article(
        "顺义区总工会为一线职工送清凉",
        Some("本报讯（记者 刘洋）"),
        &[
            "【工会动态】",
            "5月13日，顺义区总工会走进空港物流园区，为高温下坚守岗位的200余名一线职工送去防暑降温用品。",
            "活动现场，工会工作人员还向职工讲解了高温津贴等政策，提醒大家合理安排作息。",
        ],
    );
    first.reporters = strings(&["刘洋"]);
    (first.district, first.districts) = only("顺义区");
    let mut second = article(
        "怀柔区职工书屋新添图书2000册",
        None,
        &[
            "近日，怀柔区总工会为辖区15家职工书屋配送新书2000册，涵盖文学、历史、科普等类别。",
            "职工书屋负责人表示，新书一到，前来借阅的职工明显多了。",
        ],
    );
    (second.district, second.districts) = only("怀柔区");
    let mut third = article(
        "平谷区举办职工乒乓球比赛",
        None,
        &[
            "5月11日，平谷区总工会举办职工乒乓球比赛。",
            "比赛吸引了全区各行业的120名选手参加，历时两天。",
            "赛场上“拼搏进取”的氛围十分浓厚。",
        ],
    );
    (third.district, third.districts) = only("平谷区");
    assert_eq!(
        out.articles,
        dated(vec![first, second, third], "2024-05-14", 4)
    );
    assert_every_character_kept(page, &out);
}

/// Commentaries: column labels, headlines with no byline, and the authors' credits at the
/// end, on a line of their own or after the last sentence, with a name or without one.
#[test]
fn a_page_of_commentaries_with_their_authors_credits() {
    let page = include_str!("import_pages/opinion.txt");
    let out = import(page);
    assert_eq!(out.banner.as_deref(), Some("工人论坛 言之有理"));
    let mut first = article(
        "让“歇脚地”更暖心",
        Some("（作者系本报评论员 张三）"),
        &[
            "【工人论坛】",
            "户外劳动者驿站建成十年，已成为城市里一道温暖的风景。",
            "驿站不只是一个喝水歇脚的地方，更是一份看得见的关怀。",
        ],
    );
    first.reporters = strings(&["张三"]);
    let second = article(
        "新就业形态劳动者也要有“家”",
        Some("（作者系北京市总工会干部）"),
        &[
            "【职工之声】",
            "外卖骑手、快递小哥奔波在大街小巷，他们的权益保障牵动人心。工会组织主动“破圈”，把服务送到他们身边。",
        ],
    );
    // The author's unit names a district; the article does not: it has none.
    let third = article(
        "加班费不能“打折”",
        Some("（作者单位：北京市西城区法律援助中心）"),
        &[
            "近日，有职工反映单位以调休代替节假日加班费。按照劳动法规定，法定节假日安排劳动者工作的，应当支付不低于工资百分之三百的工资报酬。",
        ],
    );
    assert_eq!(
        out.articles,
        dated(vec![first, second, third], "2024-06-03", 5)
    );
    assert_every_character_kept(page, &out);
}

/// A photo report under `［图片新闻］`, a news story broken twice, a feature with a kicker and
/// a byline on its own line, and a brief with no byline that ends with its author's unit.
#[test]
fn a_page_of_photos_features_and_briefs() {
    let page = include_str!("import_pages/photos.txt");
    let out = import(page);
    assert_eq!(out.banner.as_deref(), Some("劳动者风采"));
    let mut photo = article(
        "高温下的坚守",
        None,
        &[
            "［图片新闻］",
            "7月8日，在朝阳区一处建筑工地，工人们顶着烈日绑扎钢筋。本报记者 李明 摄",
        ],
    );
    photo.kind = Kind::Photo;
    photo.reporters = strings(&["李明"]);
    (photo.district, photo.districts) = only("朝阳区");
    let mut contest = article(
        "通州区举办职工技能大赛",
        Some("本报讯（记者 王芳 通讯员 赵强）"),
        &[
            "7月5日，通州区第十届职工技能大赛开幕，共设置电工、焊工、叉车司机等12个比赛项目。",
            "大赛吸引了全区各行业的800余名职工报名参加。",
        ],
    );
    contest.reporters = strings(&["王芳"]);
    contest.correspondents = strings(&["赵强"]);
    (contest.district, contest.districts) = only("通州区");
    let mut feature = article(
        "延庆区一名老电工的三十年",
        Some("本报记者 陈静"),
        &[
            "凌晨四点，延庆区供电所的老电工刘师傅已经出门巡线了。",
            "三十年来，他走遍了辖区的每一根电线杆。",
            "“干一行就要爱一行。”刘师傅说。",
        ],
    );
    feature.kicker = Some("匠心筑梦".into());
    feature.reporters = strings(&["陈静"]);
    (feature.district, feature.districts) = only("延庆区");
    let mut brief = article(
        "夏日送清凉 关爱暖人心",
        Some("（作者单位：石景山区总工会）"),
        &["近日，石景山区总工会开展“夏送清凉”活动，走访慰问一线职工3000余人次。"],
    );
    (brief.district, brief.districts) = only("石景山区");
    assert_eq!(
        out.articles,
        dated(vec![photo, contest, feature, brief], "2024-07-09", 8)
    );
    assert_every_character_kept(page, &out);
}

fn titles(out: &Imported) -> Vec<&str> {
    out.articles.iter().map(|a| a.title.as_str()).collect()
}

/// Before, the headline was glued to its first paragraph and both were added to the
/// article before (`丰台区总工会举办健康讲座近日，丰台区…`), with its district.
#[test]
fn a_headline_alone_after_an_article_opens_one() {
    let page = "西城区驿站开进社区\n\n本报讯（记者 李四）近日，西城区总工会建成驿站。\n\n\
                丰台区总工会举办健康讲座\n\n近日，丰台区总工会举办健康讲座。\n\n\
                讲座结束后，专家还为职工进行了一对一咨询。\n\n\
                朝阳区开展春季招聘\n\n本报讯（记者 张三）近日，朝阳区总工会开展春季招聘会。\n";
    let out = import(page);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(
        titles(&out),
        [
            "西城区驿站开进社区",
            "丰台区总工会举办健康讲座",
            "朝阳区开展春季招聘"
        ]
    );
    let a = &out.articles;
    assert_eq!(a[0].paragraphs, ["近日，西城区总工会建成驿站。"]);
    assert_eq!(a[0].districts, ["西城区"]);
    assert_eq!(a[1].byline, None);
    assert_eq!(
        a[1].paragraphs,
        [
            "近日，丰台区总工会举办健康讲座。",
            "讲座结束后，专家还为职工进行了一对一咨询。"
        ]
    );
    assert_eq!(a[1].district.as_deref(), Some("丰台区"));
    assert_eq!(a[2].reporters, ["张三"]);
}

/// A short line that starts a paragraph the layout broke is not a headline: it pauses with a
/// comma, ends on a word that needs more (`的`), leaves a quotation open, or is followed by
/// text that opens with a mark; a numbered subheading (`一、`) stays in its article; and a
/// line that ends a sentence (`“太好了！”`) is text.
#[test]
fn a_paragraph_broken_at_a_short_line_stays_whole() {
    let page = "西城区驿站开进社区\n\n本报讯（记者 李四）近日，西城区总工会建成驿站。\n\n\
                驿站建成后，职工们\n\n纷纷前来歇脚。\n\n\
                驿站里配有热水器和药箱等常用的\n\n物品。\n\n\
                大家都说“这里\n\n像家一样”。\n\n\
                驿站负责人表示下一步将增设充电设备\n\n，方便骑手。\n\n\
                一、完善服务设施\n\n驿站将延长开放时间。\n\n\
                “太好了！”\n\n职工们说。\n";
    let out = import(page);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(titles(&out), ["西城区驿站开进社区"]);
    assert_eq!(
        out.articles[0].paragraphs,
        [
            "近日，西城区总工会建成驿站。",
            "驿站建成后，职工们纷纷前来歇脚。",
            "驿站里配有热水器和药箱等常用的物品。",
            "大家都说“这里像家一样”。",
            "驿站负责人表示下一步将增设充电设备，方便骑手。",
            "一、完善服务设施驿站将延长开放时间。",
            "“太好了！”",
            "职工们说。",
        ]
    );
}

/// Before, `【工会动态】` was the kicker (and a title, when it was the only line above the
/// byline but one), and a label opening a page was its banner.
#[test]
fn a_column_label_is_neither_kicker_nor_title_nor_banner() {
    let page = "【工会动态】\n\n海淀区职工之家焕新开放\n\n本报讯（记者 王佳）近日，海淀区职工之家重新开放。\n\n\
                [基层风采]\n\n聚焦一线\n\n密云区开展春季健步走\n\n——千名职工踏青\n\n\
                本报讯（通讯员 钱七）3月，密云区总工会组织职工健步走。\n";
    let out = import(page);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    assert_eq!(out.banner, None);
    let a = &out.articles;
    assert_eq!(
        titles(&out),
        ["海淀区职工之家焕新开放", "密云区开展春季健步走"]
    );
    assert_eq!(a[0].kicker, None);
    assert_eq!(
        a[0].paragraphs,
        ["【工会动态】", "近日，海淀区职工之家重新开放。"]
    );
    assert_eq!(a[1].kicker.as_deref(), Some("聚焦一线"));
    assert_eq!(a[1].subtitle.as_deref(), Some("——千名职工踏青"));
    assert_eq!(a[1].paragraphs[0], "[基层风采]");
    assert_eq!(a[1].correspondents, ["钱七"]);
}

/// An author's credit at the end is the byline of an article that has none, with the
/// author's name as its reporter; under a byline it stays where it is, its name read.
#[test]
fn an_authors_credit_at_the_end_is_read() {
    let page = "口号\n\n短评\n\n让服务更有“温度”\n\n工会服务贵在细、贵在实。（作者系本报评论员　赵明）\n\n\
                东城区驿站开放\n\n本报讯 近日，东城区驿站开放。（作者系东城区总工会干部 钱程）\n";
    let out = import(page);
    assert!(out.unplaced.is_empty(), "{:?}", out.unplaced);
    let a = &out.articles;
    assert_eq!(titles(&out), ["让服务更有“温度”", "东城区驿站开放"]);
    assert_eq!(a[0].byline.as_deref(), Some("（作者系本报评论员　赵明）"));
    assert_eq!(a[0].reporters, ["赵明"]);
    assert_eq!(a[0].paragraphs, ["工会服务贵在细、贵在实。"]);
    assert_eq!(a[1].byline.as_deref(), Some("本报讯"));
    assert_eq!(a[1].reporters, ["钱程"]);
    assert_eq!(
        a[1].paragraphs,
        ["近日，东城区驿站开放。（作者系东城区总工会干部 钱程）"]
    );
}
