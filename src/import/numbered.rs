//! A numbered subheading inside an article's text, on a line of its own: `一、坚持服务职工`,
//! `（一）强化阵地建设`, `1．劳动合同`, `（2）送健康`, `①…`.
//!
//! Like a subheading after a marker (`subhead.rs`) it ends no sentence, and the reader would
//! join it to the paragraph under it. But a number also opens sentences (`一、二月份，…`) and
//! the items of a list, which the layout breaks like any text, and no word tells them apart,
//! so the page does. A numbered line is a subheading when:
//! - it stands where a paragraph starts: in the middle of a sentence the layout broke
//!   (`据统计，今年` / `一、二月份，…`) it goes on with it, so the reader asks nowhere else;
//! - after its number it reads as a heading: a short phrase, or two or three parted by commas,
//!   with no sentence punctuation or list (`、`, `；`), ending on a whole word (`lone.rs`);
//! - it heads text: the block under it opens a sentence, which, joined up to its end as the
//!   reader joins it, is body text longer than the line (the end of a sentence the layout broke off a list item, `热水和
//!   休息场所。`, is often shorter), or the block under it is a subheading of the next level
//!   (`三、…` / `（一）…`);
//! - it is one of a sequence: the next or the previous number in the same form stands the same
//!   way in the text around it (not past a byline), and so does every number of that run. A
//!   list whose items are sentences has an item that ends a sentence or runs on, and then none
//!   of its numbers is a subheading.

use super::byline::byline;
use super::shape::{ends_sentence, is_heading};
use super::{lone, subhead};

/// The forms a number takes; a sequence keeps one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// `一、`
    Han,
    /// `（一）`, `(一)`
    HanInBrackets,
    /// `1.`, `1．`, `1、`
    Arabic,
    /// `（1）`, `(1)`
    ArabicInBrackets,
    /// `①`
    Circled,
}

/// A line's number and what follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Number<'a> {
    form: Form,
    value: u32,
    rest: &'a str,
}

/// Chinese numerals of a number up to ninety-nine (`一`, `十二`, `二十三`).
const NUMERALS: &str = "一二三四五六七八九十";
/// What follows an Arabic number (`1.`, `1．`, `1、`).
const ARABIC_MARKS: &[char] = &['.', '．', '、'];
/// Marks a subheading holds none of after its number: a list, a clause.
const PAUSES: &[char] = &['、', '；', ';'];
/// The commas that may part a subheading into phrases.
const COMMAS: &[char] = &['，', ','];
/// Most phrases a subheading's commas make.
const MAX_PARTS: usize = 3;
/// Shortest and longest phrase, in characters.
const PART_CHARS: std::ops::RangeInclusive<usize> = 2..=20;
/// Most blocks the sentence under a line is read across.
const MAX_SENTENCE_BLOCKS: usize = 16;
/// Most blocks between two numbers of a sequence: the text of one section.
const MAX_GAP: usize = 48;
/// Most numbers of a run looked at on either side.
const MAX_RUN: usize = 24;

/// True when `line` opens with a number, as a subheading or a list item does (`一、`,
/// `（二）`, `3.`, `①`), and more follows it. A decimal (`1.5万名职工`) is no number of this
/// kind.
pub(super) fn numbered(line: &str) -> bool {
    number(line).is_some()
}

/// True when the block at `at`, where a paragraph starts, is a numbered subheading: it reads
/// as a heading after its number, heads the text under it, and stands in a sequence of
/// numbers of its form that all do.
pub(super) fn subheading(blocks: &[String], at: usize) -> bool {
    let Some(me) = standing(blocks, at) else {
        return false;
    };
    let mut others = 0;
    for down in [true, false] {
        let (mut from, mut value) = (at, me.value);
        for _ in 0..MAX_RUN {
            let wanted = match down {
                true => value + 1,
                false => value - 1,
            };
            if wanted == 0 {
                break;
            }
            let Some(next) = neighbour(blocks, from, me.form, wanted, down) else {
                break;
            };
            if standing(blocks, next).is_none() {
                return false;
            }
            (from, value, others) = (next, wanted, others + 1);
        }
    }
    others > 0
}

/// The number of the block at `at` when the block reads as a subheading and heads the text
/// under it.
fn standing(blocks: &[String], at: usize) -> Option<Number<'_>> {
    let line = blocks.get(at)?.trim();
    let number = reads_as_heading(line)?;
    let under = blocks.get(at + 1)?;
    let next_level = reads_as_heading(under).is_some_and(|n| n.form != number.form);
    let heads = next_level || {
        let sentence = sentence(blocks, at + 1);
        lone::opens_text(&sentence) && sentence.chars().count() > line.chars().count()
    };
    heads.then_some(number)
}

/// The number of `line` when after it comes a heading's phrase.
fn reads_as_heading(line: &str) -> Option<Number<'_>> {
    let line = line.trim();
    let number = number(line)?;
    let parts: Vec<&str> = number.rest.split(COMMAS).map(str::trim).collect();
    let shaped = is_heading(line)
        && !ends_sentence(line)
        && !number.rest.contains(PAUSES)
        && parts.len() <= MAX_PARTS
        && parts
            .iter()
            .all(|p| PART_CHARS.contains(&p.chars().count()))
        && lone::ends_whole(line);
    shaped.then_some(number)
}

/// The sentence that opens at `at`: its blocks joined up to the one that ends it, as the
/// reader joins them, at most [`MAX_SENTENCE_BLOCKS`], never into a byline or a subheading
/// after a marker.
fn sentence(blocks: &[String], at: usize) -> String {
    let mut text = String::new();
    for (n, block) in blocks[at..].iter().take(MAX_SENTENCE_BLOCKS).enumerate() {
        if n > 0 && (byline(block).is_some() || subhead::subheading(block)) {
            break;
        }
        text.push_str(block.trim());
        if ends_sentence(block) {
            break;
        }
    }
    text
}

/// The nearest block from `from` (down the page or up it) numbered in `form` where a
/// paragraph starts, when its number is `value`; none past a byline, which starts another
/// article, or more than [`MAX_GAP`] blocks away.
fn neighbour(blocks: &[String], from: usize, form: Form, value: u32, down: bool) -> Option<usize> {
    for step in 1..=MAX_GAP {
        let at = match down {
            true => from + step,
            false => from.checked_sub(step)?,
        };
        let block = blocks.get(at)?;
        if byline(block).is_some() {
            return None;
        }
        match number(block.trim()) {
            Some(n) if n.form == form && opens_paragraph(blocks, at) => {
                return (n.value == value).then_some(at);
            }
            _ => {}
        }
    }
    None
}

/// True when a paragraph may start at `at`: the block above ends a sentence, or is a
/// byline, or a numbered heading (a subheading of the level above).
fn opens_paragraph(blocks: &[String], at: usize) -> bool {
    let Some(above) = at.checked_sub(1).and_then(|a| blocks.get(a)) else {
        return true;
    };
    ends_sentence(above) || byline(above).is_some() || reads_as_heading(above).is_some()
}

/// The number `line` opens with, in which form, and the text after it (not empty).
fn number(line: &str) -> Option<Number<'_>> {
    let (form, value, rest) = if let Some(inner) = line.strip_prefix(['（', '(']) {
        let close = inner.find(['）', ')'])?;
        let (digits, rest) = (&inner[..close], &inner[close..]);
        let rest = rest.strip_prefix(['）', ')'])?;
        match (han(digits), arabic(digits)) {
            (Some(v), _) => (Form::HanInBrackets, v, rest),
            (_, Some(v)) => (Form::ArabicInBrackets, v, rest),
            _ => return None,
        }
    } else if let Some(c) = line.chars().next().filter(|c| ('①'..='⑳').contains(c)) {
        let value = u32::from(c) - u32::from('①') + 1;
        (Form::Circled, value, &line[c.len_utf8()..])
    } else {
        let end = line.find(|c: char| !NUMERALS.contains(c) && digit(c).is_none())?;
        let (digits, rest) = line.split_at(end);
        if let (Some(v), Some(rest)) = (han(digits), rest.strip_prefix('、')) {
            (Form::Han, v, rest)
        } else {
            let v = arabic(digits)?;
            let rest = rest.strip_prefix(ARABIC_MARKS)?;
            // `1.5万`: a decimal, not a number and its mark.
            if rest.starts_with(|c: char| digit(c).is_some()) {
                return None;
            }
            (Form::Arabic, v, rest)
        }
    };
    let rest = rest.trim_start();
    (!rest.is_empty()).then_some(Number { form, value, rest })
}

/// The value of Chinese numerals up to ninety-nine: `三`, `十`, `十二`, `二十`, `二十三`.
fn han(text: &str) -> Option<u32> {
    let units = |c: char| NUMERALS.find(c).map(|i| i / '一'.len_utf8() + 1);
    let values: Vec<usize> = text.chars().map(units).collect::<Option<_>>()?;
    let value = match values[..] {
        [u] => u,
        [10, u] if u < 10 => 10 + u,
        [t, 10] if t < 10 && t > 1 => t * 10,
        [t, 10, u] if t < 10 && t > 1 && u < 10 => t * 10 + u,
        _ => return None,
    };
    u32::try_from(value).ok()
}

/// The value of one to three Arabic digits, half- or full-width.
fn arabic(text: &str) -> Option<u32> {
    let count = text.chars().count();
    if !(1..=3).contains(&count) {
        return None;
    }
    text.chars().try_fold(0, |v, c| Some(v * 10 + digit(c)?))
}

/// The value of an Arabic digit, half- or full-width (`３`).
fn digit(c: char) -> Option<u32> {
    c.to_digit(10).or_else(|| {
        ('０'..='９')
            .contains(&c)
            .then(|| u32::from(c) - u32::from('０'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str) -> Option<(Form, u32, &str)> {
        number(line).map(|n| (n.form, n.value, n.rest))
    }

    #[test]
    fn the_forms_of_a_number() {
        assert_eq!(
            read("一、坚持服务职工"),
            Some((Form::Han, 1, "坚持服务职工"))
        );
        assert_eq!(read("二十三、其他"), Some((Form::Han, 23, "其他")));
        assert_eq!(read("十二、其他"), Some((Form::Han, 12, "其他")));
        assert_eq!(
            read("（一）强化阵地建设"),
            Some((Form::HanInBrackets, 1, "强化阵地建设"))
        );
        assert_eq!(
            read("(2)送健康"),
            Some((Form::ArabicInBrackets, 2, "送健康"))
        );
        assert_eq!(read("1．劳动合同"), Some((Form::Arabic, 1, "劳动合同")));
        assert_eq!(read("12. 加班工资"), Some((Form::Arabic, 12, "加班工资")));
        assert_eq!(
            read("３、带薪年休假"),
            Some((Form::Arabic, 3, "带薪年休假"))
        );
        assert_eq!(read("②送清凉"), Some((Form::Circled, 2, "送清凉")));
    }

    #[test]
    fn what_opens_with_no_number() {
        for line in [
            "1.5万名职工参加技能大赛",
            "2024年职工技能大赛",
            "一是完善设施",
            "十一月，区总工会",
            "（记者 张三）",
            "（一）",
            "一、",
            "一十、其他",
            "1234. 其他",
            "五四青年节前夕",
        ] {
            assert_eq!(read(line), None, "{line}");
        }
    }

    fn page(blocks: &[&str]) -> Vec<String> {
        blocks.iter().map(|b| (*b).to_string()).collect()
    }

    #[test]
    fn a_sequence_of_numbered_lines_over_text() {
        let blocks = page(&[
            "一、坚持服务职工",
            "上半年，区总工会走访慰问职工8万余人次。",
            "二、深化产业工人队伍建设改革",
            "区总工会举办职工技能大赛12场，",
            "58人获评区级技术能手。",
        ]);
        assert!(subheading(&blocks, 0));
        assert!(subheading(&blocks, 2));
        assert!(!subheading(&blocks, 1));
    }

    #[test]
    fn a_number_alone_or_a_list_of_sentences_is_text() {
        let alone = page(&["一、二月份，全区各级工会", "共走访慰问一线职工1.5万人次。"]);
        assert!(!subheading(&alone, 0));
        let sentences = page(&[
            "1.完善驿站设施，增设充电柜",
            "和休息座椅，方便户外劳动者歇脚。",
            "2.开展法律服务，每月组织律师进驿站答疑。",
        ]);
        assert!(!subheading(&sentences, 0));
        let tails = page(&[
            "1.完善驿站设施，在现有驿站增设充电柜",
            "和座椅。",
            "2.延长开放时间，为环卫工人提供",
            "热水。",
        ]);
        assert!(!subheading(&tails, 0));
        assert!(!subheading(&tails, 2));
        let across = page(&[
            "一、坚持服务职工",
            "上半年，区总工会走访慰问职工8万余人次。",
            "本报讯（记者 赵文）近日，丰台区总工会举办讲座。",
            "二、深化产业工人队伍建设改革",
            "区总工会举办职工技能大赛12场。",
        ]);
        assert!(!subheading(&across, 0));
    }
}
