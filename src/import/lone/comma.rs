//! A headline in parts: `在奋斗中，绽放青春`, `工会驿站，让户外劳动者有了“家”`, told from the
//! opening clause of a paragraph the layout broke (`天宫院街道总工会，职工们` / `都亲切地称它为
//! “职工之家”。`) by the page around the line, not by the words it opens with.
//!
//! Both are short, pause with a comma and end no sentence. A headline's commas part it into
//! two or three short phrases and it holds no list (`、`) or clause (`；`): a line of another
//! shape is text. Then the page decides:
//! - a byline under the line (`本报讯`, `□本报记者 王晓楠 文/摄`) makes it a headline before
//!   this rule is asked (`start.rs`);
//! - over text, a headline names what the text under it tells, and that is new on the page:
//!   the paragraph under it (joined across the layout's breaks: the lead of a brief may be
//!   broken before it names what the headline names) takes up one of its words (two letters
//!   in a row: `奋斗`, `驿站`) that the text above it, the article before, did not use;
//! - the opening clause of a broken paragraph belongs to the article above, and the block
//!   under it goes on with the sentence in words of its own: the words they share, if any,
//!   were used above already (`职工`).

use super::Around;

/// Marks a headline never holds: a list or a clause of a sentence.
const SENTENCE_PAUSES: &[char] = &['、', '；', ';'];
/// The commas that may part a headline.
const COMMAS: &[char] = &['，', ','];
/// Most parts a headline's commas make (`练技能，比技能，展风采`).
const MAX_PARTS: usize = 3;
/// Shortest and longest part, in characters: a headline's parts are short phrases.
const PART_CHARS: std::ops::RangeInclusive<usize> = 2..=16;
/// Most blocks above the line whose words are looked at: the article it would close.
const MAX_ABOVE_BLOCKS: usize = 8;
/// Most bytes of each block looked at (the end of a block above, the start of the block
/// under): enough for a paragraph, and asking stays linear in the page.
const MAX_SCAN_BYTES: usize = 4096;

/// True when the pauses in `line` are a headline's: it has none, or commas that part it into
/// a few short phrases, and the paragraph under it takes up one of its words that the blocks
/// above did not use.
pub(super) fn headline_pauses(line: &str, around: &Around<'_>) -> bool {
    if line.contains(SENTENCE_PAUSES) {
        return false;
    }
    if !line.contains(COMMAS) {
        return true;
    }
    let parts: Vec<&str> = line.split(COMMAS).map(str::trim).collect();
    parts.len() <= MAX_PARTS
        && parts
            .iter()
            .all(|p| PART_CHARS.contains(&p.chars().count()))
        && takes_up_a_new_word(line, around)
}

/// True when the paragraph under `line` holds one of its words that none of the blocks above
/// holds.
fn takes_up_a_new_word(line: &str, around: &Around<'_>) -> bool {
    let under = head(around.under);
    let above = &around.above[around.above.len().saturating_sub(MAX_ABOVE_BLOCKS)..];
    words(line).iter().any(|word| {
        under.contains(word.as_str()) && !above.iter().any(|b| tail(b).contains(word.as_str()))
    })
}

/// The words of `line` as pairs of letters in a row (`在奋`, `奋斗`, `斗中`): a word of the
/// language is found among them without knowing any.
fn words(line: &str) -> Vec<String> {
    let letters: Vec<char> = line.chars().collect();
    letters
        .windows(2)
        .filter(|pair| pair.iter().all(|c| c.is_alphabetic()))
        .map(|pair| pair.iter().collect())
        .collect()
}

/// The first [`MAX_SCAN_BYTES`] of `text`, on a character's boundary.
fn head(text: &str) -> &str {
    let mut end = text.len().min(MAX_SCAN_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The last [`MAX_SCAN_BYTES`] of `text`, on a character's boundary.
fn tail(text: &str) -> &str {
    let mut start = text.len().saturating_sub(MAX_SCAN_BYTES);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pauses(line: &str, above: &[&str], under: &str) -> bool {
        let above: Vec<String> = above.iter().map(|b| (*b).to_string()).collect();
        headline_pauses(
            line,
            &Around {
                above: &above,
                under,
            },
        )
    }

    const ABOVE: &[&str] = &[
        "本报讯（记者 赵文）7月16日，丰台区总工会来到辖区快递网点，为120余名快递员送去防暑用品。",
    ];

    #[test]
    fn a_headline_whose_words_the_text_under_it_takes_up() {
        for (line, under) in [
            (
                "工会驿站，让户外劳动者有了“家”",
                "走进位于西城区月坛街道的工会驿站，冰箱一应俱全。",
            ),
            (
                "技能比武，赛出“工匠范儿”",
                "7月15日，通州区总工会举办职工技能大赛。",
            ),
            (
                "在奋斗中，绽放青春",
                "10名青年职工代表讲述了在岗位上奋斗的故事。",
            ),
            (
                "练技能，比技能，展风采",
                "7月15日，通州区总工会举办职工技能大赛。",
            ),
            (
                "守护“小哥”, 工会在行动",
                "为快递小哥送清凉，全市工会在行动。",
            ),
            ("丰台区总工会举办健康讲座", "第二段。"),
        ] {
            assert!(pauses(line, ABOVE, under), "{line}");
        }
    }

    #[test]
    fn the_opening_clause_of_a_broken_paragraph() {
        for (line, under) in [
            ("天宫院街道总工会，职工们", "都亲切地称它为“娘家”。"),
            ("驿站建成后，职工们", "纷纷前来歇脚。"),
            ("今年以来，月坛街道已建成", "工会驿站12家。"),
            // The word they share was used above: the line goes on with the article.
            (
                "网点负责人说，快递员",
                "都很喜欢这些防暑用品，不少快递员当场就用上了。",
            ),
            ("冰箱、微波炉", "一应俱全。"),
            ("一是完善设施；二是", "延长开放时间。"),
            ("驿站，", "驿站很暖心。"),
            ("一，二，三，四", "一二三四。"),
            (
                "工会驿站，让户外劳动者在炎炎夏日里有了一个可以歇脚的家",
                "工会驿站很暖心。",
            ),
        ] {
            assert!(!pauses(line, ABOVE, under), "{line}");
        }
    }

    /// A word the block under shares with the line is no headline's when the article above
    /// used it: `职工` is everywhere in a union paper's text.
    #[test]
    fn a_word_the_article_above_used_is_not_new() {
        let line = "天宫院街道总工会，职工们";
        let under = "都亲切地称它为“职工之家”。";
        let above = ["本报讯（记者 刘洋）近日，大兴区天宫院街道职工服务中心正式启用。"];
        assert!(!pauses(line, &above, under));
        assert!(pauses(line, &[], under));
    }

    #[test]
    fn only_the_ends_of_long_blocks_are_read() {
        let long = format!("{}奋斗。", "驿站".repeat(MAX_SCAN_BYTES));
        assert!(!pauses("在奋斗中，绽放青春", &[], &long));
        assert!(!pauses("在奋斗中，绽放青春", &[&long], "奋斗的故事。"));
        let early = format!("奋斗。{}", "驿站。".repeat(MAX_SCAN_BYTES));
        assert!(pauses("在奋斗中，绽放青春", &[&early], "奋斗的故事。"));
    }
}
