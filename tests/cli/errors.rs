//! Usage errors and exit codes (2 for a mistake, 1 when nothing is found), said in Chinese
//! by default and in English with `--lang en`.

use crate::support::cli::stderr;
use crate::{kanbao, write};

#[test]
fn unknown_district_is_an_error_listing_the_known_ones() {
    let out = kanbao(&["list", "--district", "浦东"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("浦东") && err.contains("西城区") && err.contains("延庆区"),
        "{err}"
    );
}

/// Typed in pinyin with no input method, the start of two districts' pinyin names neither:
/// the message says which two, not all sixteen (a hands-on test, session 35: `cha` listed
/// every district and did not say why `cha` was not one).
#[test]
fn the_start_of_several_districts_says_which() {
    let out = kanbao(&["list", "--district", "cha"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "kanbao: “cha”是不止一个区的拼音开头：朝阳区 (chaoyang, cy)、昌平区 (changping, cp)；\
         请多打几个字母，或用缩写\n"
    );
    let out = kanbao(&["--lang", "en", "export", "--district", "D"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "kanbao: `D` starts the pinyin of more than one district: 东城区 (dongcheng, dc), \
         大兴区 (daxing, dx); type more letters, or the initials\n"
    );
    // A name that starts none still lists them all.
    let err = stderr(&kanbao(&["list", "--district", "pudong"]));
    assert!(err.contains("东城区") && err.contains("延庆区"), "{err}");
}

/// The query operator `district:` (in `search`, `list --query`, `export --query`) names the
/// districts a start several share, as `--district` does, in the same words (a hands-on test,
/// session 36: `district:cha` listed every form the operator takes); in a group of districts,
/// the one that names none.
#[test]
fn the_district_operator_names_the_districts_a_start_could_mean() {
    let zh = "kanbao: district:“cha”是不止一个区的拼音开头：朝阳区 (chaoyang, cy)、\
              昌平区 (changping, cp)；请多打几个字母，或用缩写\n";
    for args in [
        &["search", "district:cha"][..],
        &["list", "--query", "工会 district:cha"],
        &["export", "--query", "区:海淀|cha"],
    ] {
        let out = kanbao(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out), zh, "{args:?}");
    }
    let out = kanbao(&["--lang", "en", "search", "district:xc|SH"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "kanbao: district:`SH` starts the pinyin of more than one district: \
         石景山区 (shijingshan, sjs), 顺义区 (shunyi, sy); type more letters, or the initials\n"
    );
    // A value that starts none still gets the forms the operator takes.
    let err = stderr(&kanbao(&["search", "district:pudong"]));
    assert!(err.contains("可写：西城, 西城区, xicheng, xc"), "{err}");
}

#[test]
fn unknown_id_exits_2() {
    let out = kanbao(&["show", "99"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("99"));
}

#[test]
fn show_width_below_4_is_a_usage_error() {
    let out = kanbao(&["show", "1", "--width", "3"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn search_with_no_hit_exits_1() {
    let out = kanbao(&["search", "不存在的词语"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn reader_without_a_terminal_suggests_list() {
    let out = kanbao(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("kanbao list"));
}

/// The command line speaks the reader's language: Chinese by default, English with
/// `--lang en`; paths, lines and columns are the same in both.
#[test]
fn errors_are_in_chinese_by_default_and_english_with_lang_en() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = r#"{"id":"a","title":"一","paragraphs":[]}"#;
    let path = write(dir.path(), "dup.jsonl", format!("{a}\n{a}\n").as_bytes());
    let zh = stderr(&kanbao(&["check", &path]));
    assert_eq!(
        zh,
        format!(
            "kanbao: {path}:2:1（id `a`）：文章 id `a` 重复，首次出现在 {path}:1:1（id `a`）\n"
        )
    );
    let en = stderr(&kanbao(&["--lang", "en", "check", &path]));
    assert_eq!(
        en,
        format!(
            "kanbao: {path}:2:1 (id `a`): duplicate article id `a`, first used at {path}:1:1 (id `a`)\n"
        )
    );
    let out = kanbao(&["list", "--district", "浦东"]);
    assert!(
        stderr(&out).starts_with("kanbao: 没有“浦东”这个区；可用：东城区"),
        "{}",
        stderr(&out)
    );
    let out = kanbao(&["--lang", "en", "list", "--district", "浦东"]);
    assert!(
        stderr(&out).starts_with("kanbao: unknown district `浦东`"),
        "{}",
        stderr(&out)
    );
    let out = kanbao(&["show", "1", "--width", "3"]);
    assert!(stderr(&out).contains("太窄"), "{}", stderr(&out));
    let out = kanbao(&["show", "no-such-id"]);
    assert!(
        stderr(&out).contains("没有 id 为 `no-such-id` 的文章"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn nothing_matched_is_said_on_stderr_with_the_conditions() {
    // The bundled page has no article from Haidian.
    let cases: [(&[&str], &str); 5] = [
        (&["list", "--district", "haidian"], "区 haidian"),
        (&["list", "--district", "haidian", "--json"], "区 haidian"),
        (
            &["list", "--query", "驿站", "--district", "tz"],
            "搜索“驿站”",
        ),
        (&["search", "zzzqqq"], "搜索“zzzqqq”"),
        (&["export", "--district", "hd"], "区 hd"),
    ];
    for (args, condition) in cases {
        let out = kanbao(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.starts_with("kanbao: 没有符合条件的文章"),
            "{args:?}: {err}"
        );
        assert!(err.contains(condition), "{args:?}: {err}");
    }
    let out = kanbao(&["--lang", "en", "search", "zzzqqq", "--district", "hd"]);
    let err = stderr(&out);
    assert!(
        err.contains("no article matches: district hd; search \"zzzqqq\""),
        "{err}"
    );
}
