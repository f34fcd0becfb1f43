//! `kanbao show --width N` prints what it printed before the reader numbered its
//! paragraphs (tests/core/paragraph_numbers.rs): the numbers are the reader's, drawn over the
//! indent, not the layout's text, so `show`'s lines still open with the two ideographic
//! spaces (docs/contract.md §2 `show`). The snapshots were taken before the numbers came.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use serde_json::json;

/// Fourteen paragraphs, two of which show nothing, one opening with a number.
fn long_article() -> serde_json::Value {
    json!({
        "id": "long",
        "title": "劲松街道总工会情暖新就业形态劳动者",
        "district": "朝阳区",
        "byline": "本报讯（记者 刘欣欣）",
        "paragraphs": [
            "近日，朝阳区劲松街道工会驿站里暖意融融。",
            "劲松街道总工会联合中国职工服务集团、中国职工发展基金会共同开展情暖新就业形态劳动者慰问活动。",
            "活动中，领导一行依次致辞，向户外劳动者送上祝福和感谢，并发放“暖心礼包”。",
            "",
            "“温暖不止今日，服务四季常伴。”劲松街道总工会相关负责人表示。",
            "目前，工会驿站已成为户外劳动者们的“温暖港湾”。",
            "驿站内配备了微波炉、饮水机、急救箱、充电设备等设施。",
            "为户外劳动者提供免费的休息场所、热水供应、饭菜加热、手机充电等服务。",
            " \u{3000}",
            "2024年，街道工会共服务新就业形态劳动者5500余人次。",
            "京南物流基地是北京“四大物流基地”之一，承载着全市物流业务量的15%。",
            "服务新就业形态劳动者5500余人次。",
            "下一步，街道总工会将继续做好服务。",
            "让劳动者感受到工会组织的温暖。",
        ],
    })
}

#[test]
fn show_prints_no_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let doc = json!({"schema": 1, "articles": [long_article()]});
    let data = dir.path().join("long.json");
    std::fs::write(&data, doc.to_string()).unwrap();
    let data = data.display().to_string();
    let cases: [(&[&str], &str); 5] = [
        (&["show", "1", "--width", "40"], "bundled_1_w40"),
        (&["show", "3", "--width", "80"], "bundled_3_w80"),
        (
            &["--data", &data, "show", "long", "--width", "40"],
            "long_w40",
        ),
        (
            &["--data", &data, "show", "long", "--width", "5"],
            "long_w5",
        ),
        (
            &["--data", &data, "show", "long", "--json", "--width", "30"],
            "long_json_w30",
        ),
    ];
    for (args, name) in cases {
        let out = support::cli::kanbao_in(dir.path())
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(!text.contains("【"), "{text}");
        insta::assert_snapshot!(name, text);
    }
}
