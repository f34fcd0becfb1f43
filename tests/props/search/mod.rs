//! Search behaviour (docs/contract.md §5), on fixtures built from the bundled page's sentences plus forms
//! the page lacks (`１５％`, `ＡＰＰ`). The tests are in modules by topic; the fixtures they
//! share are here.
//!
//! proptest keeps a module's failing seeds in `tests/proptest-regressions/search/<module>.txt`
//! (see `tests/props/main.rs`).

mod matching;
mod naive_reference;
mod scans_agree;
mod snippets;

use kanbao::article::Article;
use kanbao::search::{Query, SearchIndex};

fn article(id: &str, kicker: Option<&str>, title: &str, paragraphs: &[&str]) -> Article {
    Article {
        id: id.to_string(),
        title: title.to_string(),
        kicker: kicker.map(str::to_string),
        byline: Some("本报讯（记者 孙艳）".to_string()),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        ..Article::default()
    }
}

/// Five articles: four from the page, one with full-width forms.
fn fixtures() -> Vec<Article> {
    vec![
        article(
            "1",
            Some("协同发力解决货车司机群体“急难愁盼”问题"),
            "大兴区天宫院街道“党工共建”办好暖“新”事",
            &[
                "在大兴区天宫院街道，具有生物医药基地和京南物流基地两大园区，以及龙湖天街和凯德MALL两个大型商业综合体，交通运输行业新就业形态劳动者群体较为集中。",
                "京南物流基地是北京“四大物流基地”之一，承载着全市物流业务量的15%，货运司机群体集聚。",
                "结合货车司机等新就业形态劳动者实际需求，天宫院街道总工会相继建成2家24小时工会驿站、1家延时工会驿站，提供自助售卖、淋浴休憩、教育宣传、优惠司机套餐等多项服务。",
                "邀请“绿色出行 畅通北京”交通宣讲团面向新就业形态劳动者群体开展专题宣讲。",
            ],
        ),
        article(
            "2",
            None,
            "通州区各级工会“摆摊设点”促建会",
            &[
                "近日，通州区多个街道、乡镇总工会积极开展职工沟通会，以进一步推进工会基层组织建设。",
                "通运街道总工会走进北京德泽口腔医院开展职工沟通会。工会工作人员现场为参会人员讲解医保二次报销等工会服务项目。",
            ],
        ),
        article(
            "3",
            None,
            "展览路街道总工会开展快递行业职工沟通会",
            &[
                "近日，西城区展览路街道总工会走进辖区内的中通快递站点，开展了一场快递行业职工沟通会。",
                "活动中，该街道总工会还邀请了北京银行工作人员，为新入会的快递员办理了工会会员互助服务卡。",
            ],
        ),
        article(
            "4",
            None,
            "职工服务ＡＰＰ上线",
            &["使用率约占１５％，会计人员可在ＡＰＰ中查询。"],
        ),
        article(
            "5",
            None,
            "沙河地区总工会暖心服务获企业赞扬",
            &["锦旗是我们继续前行的动力，我们将持续提升工会服务质量。"],
        ),
    ]
}

/// Ids of the articles matching `q`, in ranked order.
fn ids(q: &str) -> Vec<String> {
    let articles = fixtures();
    let index = SearchIndex::new(&articles);
    index
        .search(&Query::parse(q))
        .iter()
        .map(|h| articles[h.index].id.clone())
        .collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}
