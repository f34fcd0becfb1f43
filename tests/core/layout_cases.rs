//! The twenty wrapping cases T01–T20 and the edge cases E1–E4 of `research/cjk_layout.md` §8,
//! with their expected lines, and a few sentences of the bundled page at several widths.

use kanbao::layout::{AmbiguousWidth, Clusters, WrapOptions, display_width, wrap};
use unicode_segmentation::UnicodeSegmentation;

const S1: &str =
    "京南物流基地是北京“四大物流基地”之一，承载着全市物流业务量的15%，货运司机群体集聚。";
const S2: &str = "先后开展“夏送清凉”“冬送温暖”“节日送祝福”等丰富多彩的暖“新”活动70余场，服务新就业形态劳动者5500余人次。";

fn wrap_with(text: &str, width: usize, ambiguous: AmbiguousWidth) -> Vec<String> {
    let opts = WrapOptions {
        ambiguous,
        ..WrapOptions::default()
    };
    let lines: Vec<String> = wrap(text, width, &opts)
        .into_iter()
        .map(|l| l.text)
        .collect();
    for line in &lines {
        // The one exception to the width: a single cluster wider than the line (width 1).
        let single = line.graphemes(true).count() == 1;
        assert!(
            single || display_width(line, ambiguous) <= width,
            "{line:?} is wider than {width}"
        );
    }
    lines
}

fn narrow(text: &str, width: usize) -> Vec<String> {
    wrap_with(text, width, AmbiguousWidth::Narrow)
}

fn wide(text: &str, width: usize) -> Vec<String> {
    wrap_with(text, width, AmbiguousWidth::Wide)
}

fn widths(lines: &[String], ambiguous: AmbiguousWidth) -> Vec<usize> {
    lines.iter().map(|l| display_width(l, ambiguous)).collect()
}

#[test]
fn t01_opening_quote_breaks_from_the_han_before_it() {
    let lines = narrow(S1, 20);
    assert_eq!(
        lines,
        [
            "京南物流基地是北京",
            "“四大物流基地”之一，",
            "承载着全市物流业务量",
            "的15%，货运司机群体",
            "集聚。"
        ]
    );
    assert_eq!(widths(&lines, AmbiguousWidth::Narrow), [18, 20, 20, 19, 6]);
}

#[test]
fn t02_comma_is_pushed_down_with_its_number_at_an_odd_width() {
    let lines = narrow(S1, 11);
    assert_eq!(
        lines,
        [
            "京南物流基",
            "地是北京“四",
            "大物流基地”",
            "之一，承载",
            "着全市物流",
            "业务量的",
            "15%，货运司",
            "机群体集",
            "聚。"
        ]
    );
    assert_eq!(
        widths(&lines, AmbiguousWidth::Narrow),
        [10, 11, 11, 10, 10, 8, 11, 8, 4]
    );
}

#[test]
fn t03_wide_ambiguous_quotes_take_two_columns() {
    let lines = wide(S1, 20);
    assert_eq!(
        lines,
        [
            "京南物流基地是北京",
            "“四大物流基地”之",
            "一，承载着全市物流业",
            "务量的15%，货运司机",
            "群体集聚。"
        ]
    );
    assert_eq!(widths(&lines, AmbiguousWidth::Wide), [18, 18, 20, 19, 10]);
}

#[test]
fn t04_quote_pairs_stay_glued_at_width_10() {
    let lines = narrow(S2, 10);
    assert_eq!(
        lines,
        [
            "先后开展",
            "“夏送清",
            "凉”“冬送温",
            "暖”“节日送",
            "祝福”等丰",
            "富多彩的暖",
            "“新”活动70",
            "余场，服务",
            "新就业形态",
            "劳动者5500",
            "余人次。"
        ]
    );
    assert_eq!(
        widths(&lines, AmbiguousWidth::Narrow),
        [8, 7, 10, 10, 9, 10, 10, 10, 10, 10, 8]
    );
}

#[test]
fn t05_quote_pairs_and_numbers_at_width_23() {
    let lines = narrow(S2, 23);
    assert_eq!(
        lines,
        [
            "先后开展“夏送清凉”“冬送",
            "温暖”“节日送祝福”等丰富",
            "多彩的暖“新”活动70余",
            "场，服务新就业形态劳动",
            "者5500余人次。"
        ]
    );
    assert_eq!(widths(&lines, AmbiguousWidth::Narrow), [23, 23, 20, 22, 14]);
}

#[test]
fn t06_digit_run_is_never_split() {
    assert_eq!(
        narrow("服务新就业形态劳动者5500余人次。", 22),
        ["服务新就业形态劳动者", "5500余人次。"]
    );
}

#[test]
fn t07_number_percent_and_comma_move_as_one_unit() {
    assert_eq!(
        narrow("物流业务量的15%，货运司机群体集聚。", 15),
        ["物流业务量的", "15%，货运司机群", "体集聚。"]
    );
}

#[test]
fn t08_stop_and_closing_quote_push_out_the_han_before_them() {
    assert_eq!(
        narrow("他问：“你好吗？”我答：“很好！”", 10),
        ["他问：“你", "好吗？”我", "答：“很", "好！”"]
    );
}

#[test]
fn t09_ellipsis_is_never_split_and_never_starts_a_line() {
    assert_eq!(
        narrow("他说：“我们……再等等吧。”", 12),
        ["他说：“我", "们……再等等", "吧。”"]
    );
}

#[test]
fn t10_two_em_dash_is_never_split_but_may_start_a_line() {
    assert_eq!(
        narrow("这不是结束——而是新的开始。", 11),
        ["这不是结束", "——而是新的", "开始。"]
    );
}

#[test]
fn t11_opening_bracket_never_ends_a_line() {
    assert_eq!(
        narrow("据新华社报道（记者张三）京南物流基地", 14),
        ["据新华社报道", "（记者张三）京", "南物流基地"]
    );
}

#[test]
fn t12_closing_book_title_mark_never_starts_a_line() {
    assert_eq!(
        narrow("他在《人民日报》发表文章", 14),
        ["他在《人民日", "报》发表文章"]
    );
}

#[test]
fn t13_interpunct_never_starts_a_line() {
    assert_eq!(
        narrow("微软创始人比尔·盖茨访问中国", 14),
        ["微软创始人比", "尔·盖茨访问中", "国"]
    );
}

#[test]
fn t14_wave_dash_never_starts_a_line() {
    assert_eq!(
        narrow("全程北京～上海约4小时", 9),
        ["全程北", "京～上海", "约4小时"]
    );
}

#[test]
fn t15_latin_acronyms_and_percentages_stay_whole() {
    assert_eq!(
        narrow("今年第三季度GDP同比增长5.2%，CPI上涨0.4%。", 16),
        ["今年第三季度GDP", "同比增长5.2%，", "CPI上涨0.4%。"]
    );
}

#[test]
fn t16_latin_word_stays_whole_and_the_space_at_the_break_is_dropped() {
    assert_eq!(
        narrow("苹果公司发布iPhone 15，在华销量下降。", 14),
        ["苹果公司发布", "iPhone 15，在", "华销量下降。"]
    );
}

#[test]
fn t17_overlong_url_is_cut_at_graphemes_only_where_needed() {
    let lines = narrow("详见https://example.com/news/2024", 10);
    assert_eq!(lines, ["详见", "https://", "example.co", "m/", "news/2024"]);
    assert_eq!(widths(&lines, AmbiguousWidth::Narrow), [4, 8, 10, 2, 9]);
}

#[test]
fn t18_emoji_sequences_and_combining_marks_are_single_units() {
    let text = "科学家👩\u{200d}🔬在cafe\u{301}和北极熊🐻\u{200d}❄\u{fe0f}合影";
    // As a terminal without grapheme cluster mode draws them: each emoji of a sequence at
    // its own width (`👩‍🔬` = 4, `🐻‍❄️` = 3), never split.
    let lines = narrow(text, 8);
    assert_eq!(
        lines,
        [
            "科学家",
            "👩\u{200d}🔬在",
            "cafe\u{301}和北",
            "极熊🐻\u{200d}❄\u{fe0f}",
            "合影"
        ]
    );
    assert_eq!(widths(&lines, AmbiguousWidth::Narrow), [6, 6, 8, 7, 4]);
    // In grapheme cluster mode (DEC 2027) each sequence is one 2-column glyph.
    let whole = WrapOptions {
        clusters: Clusters::Whole,
        ..WrapOptions::default()
    };
    let lines: Vec<String> = wrap(text, 8, &whole).into_iter().map(|l| l.text).collect();
    assert_eq!(
        lines,
        [
            "科学家👩\u{200d}🔬",
            "在cafe\u{301}和",
            "北极熊🐻\u{200d}❄\u{fe0f}",
            "合影"
        ]
    );
    let measured: Vec<usize> = lines
        .iter()
        .map(|l| display_width(l, whole.widths()))
        .collect();
    assert_eq!(measured, [8, 8, 8, 4]);
}

#[test]
fn t19_ideographic_space_indent_in_the_text_is_kept() {
    assert_eq!(
        narrow("\u{3000}\u{3000}京南物流基地是北京四大物流基地之一。", 16),
        [
            "\u{3000}\u{3000}京南物流基地",
            "是北京四大物流基",
            "地之一。"
        ]
    );
}

/// §8 expects `["前言 正文红色结束"]` (17 columns): its reference wrapper *removed* BEL.
/// docs/contract.md §4 and the layout brief say BEL, like every control other than TAB and newlines,
/// becomes a visible placeholder, so the line ends with `�` and is 18 columns wide.
#[test]
fn t20_tab_becomes_a_space_escapes_vanish_and_bel_shows_as_a_placeholder() {
    let lines = narrow("前言\t正文\x1b[31m红色\x1b[0m结束\x07", 30);
    assert_eq!(lines, ["前言 正文红色结束\u{FFFD}"]);
    assert_eq!(widths(&lines, AmbiguousWidth::Narrow), [18]);
}

#[test]
fn e1_a_cluster_wider_than_the_line_gets_its_own_line() {
    assert_eq!(narrow("中文abc", 1), ["中", "文", "a", "b", "c"]);
}

#[test]
fn e2_full_stop_pushes_out_the_han_before_it() {
    assert_eq!(
        narrow("一二三四五六七八九。十", 18),
        ["一二三四五六七八", "九。十"]
    );
}

#[test]
fn e3_a_wide_cluster_at_the_edge_moves_down() {
    assert_eq!(narrow("a中中", 4), ["a中", "中"]);
}

#[test]
fn e4_wide_ambiguous_quotes_with_a_full_stop() {
    assert_eq!(
        wide("京南物流基地是北京“四大物流基地”之一。", 20),
        ["京南物流基地是北京", "“四大物流基地”之", "一。"]
    );
}

// Sentences of the bundled page (`seeds/000_db602475a9d3400d.txt`), at the widths a field
// laptop, a split screen and `show --width` produce. Paragraph lines open with the indent.

const BYLINE_PARAGRAPH: &str = "本报讯（记者 孙艳） 在大兴区天宫院街道，具有生物医药基地和京南物流基地两大园区，以及龙湖天街和凯德MALL两个大型商业综合体，交通运输行业新就业形态劳动者群体较为集中。";
const QUOTES: &str = "近年来，在北京市总工会、大兴区总工会的大力支持下，天宫院街道总工会深入贯彻落实全国总工会“新双15工程”和北京市总工会“1234”工作格局要求，坚持“党工共建”，聚焦组织覆盖、凝聚引领、办好实事。";
const BRACKETS: &str = "永顺镇总工会联合该镇司法所、北京银行，前往中体盛世（北京）国际体育管理有限公司下属门店开展职工沟通会。";
const BOOK_TITLES: &str = "并发放《入会宝典》《新就业形态劳动者权益保障知识问答》等宣传材料。";
const SPACE_IN_QUOTES: &str =
    "邀请“绿色出行 畅通北京”交通宣讲团面向新就业形态劳动者群体开展专题宣讲。";

fn indented(text: &str, width: usize) -> Vec<String> {
    let opts = WrapOptions {
        indent: true,
        ..WrapOptions::default()
    };
    wrap(text, width, &opts)
        .into_iter()
        .map(|l| l.text)
        .collect()
}

#[test]
fn seed_book_titles_at_width_4_keep_marks_with_their_titles() {
    // Too narrow for the indent, which would leave no room for a character beside it.
    assert_eq!(
        indented(BOOK_TITLES, 4),
        [
            "并发", "放", "《入", "会宝", "典》", "《新", "就业", "形态", "劳动", "者权", "益保",
            "障知", "识问", "答》", "等宣", "传材", "料。"
        ]
    );
}

#[test]
fn seed_quotes_at_width_7_keep_numbers_inside_their_quotes() {
    assert_eq!(
        narrow(QUOTES, 7),
        [
            "近年",
            "来，在",
            "北京市",
            "总工",
            "会、大",
            "兴区总",
            "工会的",
            "大力支",
            "持下，",
            "天宫院",
            "街道总",
            "工会深",
            "入贯彻",
            "落实全",
            "国总工",
            "会“新双",
            "15工程”",
            "和北京",
            "市总工",
            "会",
            "“1234”",
            "工作格",
            "局要",
            "求，坚",
            "持“党工",
            "共建”，",
            "聚焦组",
            "织覆",
            "盖、凝",
            "聚引",
            "领、办",
            "好实",
            "事。"
        ]
    );
}

#[test]
fn seed_byline_paragraph_at_width_9_with_indent() {
    assert_eq!(
        indented(BYLINE_PARAGRAPH, 9),
        [
            "\u{3000}\u{3000}本报",
            "讯（记者",
            "孙艳） 在",
            "大兴区天",
            "宫院街",
            "道，具有",
            "生物医药",
            "基地和京",
            "南物流基",
            "地两大园",
            "区，以及",
            "龙湖天街",
            "和凯德",
            "MALL两个",
            "大型商业",
            "综合体，",
            "交通运输",
            "行业新就",
            "业形态劳",
            "动者群体",
            "较为集",
            "中。"
        ]
    );
}

#[test]
fn seed_space_inside_quotes_at_width_13_with_indent() {
    assert_eq!(
        indented(SPACE_IN_QUOTES, 13),
        [
            "\u{3000}\u{3000}邀请“绿色",
            "出行 畅通北",
            "京”交通宣讲团",
            "面向新就业形",
            "态劳动者群体",
            "开展专题宣",
            "讲。"
        ]
    );
}

#[test]
fn seed_byline_paragraph_at_width_20_keeps_mall_whole() {
    assert_eq!(
        narrow(BYLINE_PARAGRAPH, 20),
        [
            "本报讯（记者 孙艳）",
            "在大兴区天宫院街道，",
            "具有生物医药基地和京",
            "南物流基地两大园区，",
            "以及龙湖天街和凯德",
            "MALL两个大型商业综合",
            "体，交通运输行业新就",
            "业形态劳动者群体较为",
            "集中。"
        ]
    );
}

#[test]
fn seed_brackets_at_width_31() {
    assert_eq!(
        narrow(BRACKETS, 31),
        [
            "永顺镇总工会联合该镇司法所、北",
            "京银行，前往中体盛世（北京）国",
            "际体育管理有限公司下属门店开展",
            "职工沟通会。"
        ]
    );
}

#[test]
fn seed_quotes_at_width_80_with_indent() {
    assert_eq!(
        indented(QUOTES, 80),
        [
            "\u{3000}\u{3000}近年来，在北京市总工会、大兴区总工会的大力支持下，天宫院街道总工会深入贯彻落",
            "实全国总工会“新双15工程”和北京市总工会“1234”工作格局要求，坚持“党工共建”，聚焦组",
            "织覆盖、凝聚引领、办好实事。"
        ]
    );
}
