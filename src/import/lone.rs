//! A headline alone: one heading line with no byline under it, opening an article of its own
//! (a brief, a commentary with no kicker), told from the start of a paragraph that the
//! layout broke at a short line (`驿站建成后，职工们` / `纷纷前来歇脚。`).
//!
//! Both are short and end no sentence, so the line and the page around it must tell: a
//! headline pauses with a space, a colon, or a comma between short phrases that the text
//! under it takes up and the text above it did not (`在奋斗中，绽放青春`, not `驿站建成后，
//! 职工们` / `纷纷前来歇脚。`: `lone/comma.rs`), never with `、` or `；`; it ends on a whole
//! word, never one that needs more (`的`, `在`, `把`); it closes every quotation and bracket it opens; it is not a numbered
//! subheading of the article it is in (`一、`, `（二）`, `■`); it is more than a day or a
//! page (`2024年1月2日`); and the text under it opens a sentence, not with a mark that only
//! continues one (`，`, `”`).

use super::shape::{ends_sentence, is_body, is_heading};
use super::{author, label, numbered};

mod comma;

/// The page around a line alone: the blocks above it, and the paragraph under it.
pub(super) struct Around<'a> {
    /// The page's blocks before the line.
    pub above: &'a [String],
    /// The paragraph right under the line, joined across the layout's breaks.
    pub under: &'a str,
}

/// Words a sentence goes on after and a headline never ends with: a line ending with one
/// was cut by the layout. Only words that end almost no headline are listed, so a headline
/// ending with a word not listed here is still a headline.
const CONTINUING: &[char] = &[
    '的', '在', '和', '与', '及', '并', '把', '将', '对', '被', '从', '向', '由', '以', '于', '而',
    '或', '是',
];
/// Marks after which a line must go on: an opened quotation or bracket, a colon, a dash.
const OPENING: &[char] = &[
    '“', '‘', '（', '(', '《', '「', '『', '【', '［', '[', '：', ':', '—', '-', '·',
];
/// Marks a paragraph never opens with: text that opens with one continues a sentence.
const CONTINUING_MARKS: &[char] = &[
    '，', '、', '。', '；', '：', '”', '’', '）', ')', '》', '」', '』', '！', '？', '…', ',', '.',
    ';', ':', '!', '?', '】', '］', ']',
];
/// The pairs a headline closes when it opens them.
const PAIRS: &[(char, char)] = &[
    ('“', '”'),
    ('‘', '’'),
    ('《', '》'),
    ('（', '）'),
    ('(', ')'),
    ('「', '」'),
    ('『', '』'),
];
/// What a numbered or bulleted subheading inside an article opens with.
const BULLETS: &[char] = &[
    '■', '□', '●', '○', '◆', '◇', '▲', '△', '★', '☆', '◎', '▶', '►',
];

/// True when `block`, where a paragraph may start after an article, is a headline of its
/// own over the text `around` it, not the first part of a paragraph the layout broke.
pub(super) fn lone_heading(block: &str, around: &Around<'_>) -> bool {
    let block = block.trim();
    is_heading(block)
        && !ends_sentence(block)
        && !label::column_label(block)
        && comma::headline_pauses(block, around)
        && ends_whole(block)
        && !subheading(block)
        && super::masthead::parse(block).is_none()
        && opens_text(around.under)
}

/// True when `line` ends as a heading does: on a whole word, not one that needs more (`的`,
/// `在`) nor a mark after which a line must go on (`“`, `：`), and closing every quotation
/// and bracket it opens.
pub(super) fn ends_whole(line: &str) -> bool {
    !line.ends_with(CONTINUING) && !line.ends_with(OPENING) && balanced(line)
}

/// True when every pair `text` opens, it closes, in order.
fn balanced(text: &str) -> bool {
    PAIRS.iter().all(|&(open, close)| {
        let mut depth: usize = 0;
        for c in text.chars() {
            if c == open {
                depth += 1;
            } else if c == close {
                let Some(less) = depth.checked_sub(1) else {
                    return false;
                };
                depth = less;
            }
        }
        depth == 0
    })
}

/// True when `line` opens like a subheading inside an article: a bullet, or a number
/// (`一、`, `3.`, `（二）`: `numbered.rs`).
fn subheading(line: &str) -> bool {
    line.starts_with(BULLETS) || numbered::numbered(line)
}

/// True when `next` is text that opens a sentence: body text, not a credit alone, and not
/// opening with a mark that only continues a sentence.
pub(super) fn opens_text(next: &str) -> bool {
    let next = next.trim();
    is_body(next)
        && !next.starts_with(CONTINUING_MARKS)
        && author::credit(next).is_none_or(|c| c.start > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "近日，丰台区总工会举办健康讲座。";

    fn lone_heading(block: &str, next: &str) -> bool {
        super::lone_heading(
            block,
            &Around {
                above: &[],
                under: next,
            },
        )
    }

    #[test]
    fn headlines_alone() {
        for headline in [
            "丰台区总工会举办健康讲座",
            "加班费不能“打折”",
            "夏日送清凉 关爱暖人心",
            "密云区：冰雪运动进企业",
            "《劳动法》进工地",
            "职工书屋新添图书2000册",
        ] {
            assert!(lone_heading(headline, TEXT), "{headline}");
        }
    }

    #[test]
    fn the_start_of_a_broken_paragraph_is_not_a_headline() {
        for (line, next) in [
            ("驿站建成后，职工们", "纷纷前来歇脚。"),
            ("比赛吸引了全区各行业的", "800余名职工报名参加。"),
            ("大家都说“这里", "像家一样”。"),
            ("驿站负责人表示下一步将增设充电设备", "，方便骑手。"),
            (
                "京南物流基地是北京“四大物流基地”之一",
                "”，承载着物流业务。",
            ),
            ("一、完善服务设施", "驿站将延长开放时间。"),
            ("（二）办好实事", "驿站将延长开放时间。"),
            ("3. 办好实事", "驿站将延长开放时间。"),
            ("■ 办好实事", "驿站将延长开放时间。"),
            ("“太好了！”", "职工们说。"),
            ("【工会动态】", TEXT),
            (
                "丰台区总工会举办健康讲座",
                "本报讯 近日，丰台区总工会举办讲座。",
            ),
            ("丰台区总工会举办健康讲座", "（作者系本报评论员 张三）"),
            ("丰台区总工会举办健康讲座", "下一个标题"),
            ("驿站里有：", TEXT),
            ("2024年1月2日", "第二段。"),
        ] {
            assert!(!lone_heading(line, next), "{line} / {next}");
        }
    }
}
