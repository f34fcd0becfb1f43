//! A headline in parts: `工会驿站，让户外劳动者有了“家”`, `技能比武，赛出“工匠范儿”`, told
//! from the opening clause of a sentence the layout broke (`今年以来，月坛街道已建成` /
//! `工会驿站12家。`, `比赛结束后，获奖选手` / `将被推荐参加比赛。`).
//!
//! A headline may pause with a comma between short parts; a sentence pauses after an
//! opening clause that sets its time, place or source (`近日，`, `7月15日，`, `活动中，`,
//! `据介绍，`, `驿站建成后，`), and it lists with `、` and `；`. So a line with a comma reads
//! as a headline when it has two or three parts, each a few characters long, none empty,
//! and the first is not such an opening clause.

/// Marks a headline never holds: a list or a clause of a sentence.
const SENTENCE_PAUSES: &[char] = &['、', '；', ';'];
/// The commas that may part a headline.
const COMMAS: &[char] = &['，', ','];
/// Most parts a headline's commas make (`练技能，比技能，展风采`).
const MAX_PARTS: usize = 3;
/// Shortest and longest part, in characters: a headline's parts are short phrases.
const PART_CHARS: std::ops::RangeInclusive<usize> = 2..=16;
/// Words an opening clause of a sentence starts with: a time (`近日`, `今年`), a source
/// (`据`, `记者`), a link to what came before (`此外`, `同时`) or a condition (`随着`, `在`).
const OPENING_WORDS: &[&str] = &[
    "近日",
    "日前",
    "目前",
    "近期",
    "近年",
    "今年",
    "去年",
    "当天",
    "当日",
    "当晚",
    "次日",
    "随后",
    "此外",
    "同时",
    "其中",
    "另外",
    "如今",
    "此前",
    "此后",
    "之后",
    "截至",
    "据",
    "记者",
    "为此",
    "对此",
    "随着",
    "通过",
    "为了",
    "经过",
    "按照",
    "根据",
    "由于",
    "因为",
    "如果",
    "虽然",
    "尽管",
    "但",
    "然而",
    "而且",
    "因此",
    "所以",
    "其实",
    "现在",
    "下一步",
    "接下来",
    "首先",
    "其次",
    "最后",
    "与此同时",
    "不仅",
    "除了",
    "对于",
    "针对",
    "在",
    "当",
    "自",
];
/// Words an opening clause of a sentence ends with: a time (`…后`, `…时`, `…以来`, `7月15日`),
/// a place in an event (`活动中`, `会上`, `驿站里`), or a source (`…表示`, `据介绍`).
const OPENING_ENDS: &[&str] = &[
    "后", "时", "中", "前", "来", "期间", "之际", "日", "年", "月", "上", "下", "里", "说", "表示",
    "介绍", "认为", "指出", "获悉", "了解", "显示", "看", "而言", "方面",
];

/// True when the pauses in `line` are a headline's: it has none, or commas that part it into
/// a few short phrases, the first of which does not open a sentence (a time, a place in an
/// event, a source); a list (`、`) or a clause (`；`) is a sentence's.
pub(super) fn headline_pauses(line: &str) -> bool {
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
        && !opens_a_sentence(parts[0])
}

/// True when `clause` reads as the opening clause of a sentence, not a headline's phrase.
fn opens_a_sentence(clause: &str) -> bool {
    OPENING_WORDS.iter().any(|w| clause.starts_with(w))
        || OPENING_ENDS.iter().any(|w| clause.ends_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_may_pause_with_a_comma() {
        for line in [
            "工会驿站，让户外劳动者有了“家”",
            "技能比武，赛出“工匠范儿”",
            "退休不褪色，余热映初心",
            "练技能，比技能，展风采",
            "守护“小哥”, 工会在行动",
            "丰台区总工会举办健康讲座",
        ] {
            assert!(headline_pauses(line), "{line}");
        }
    }

    #[test]
    fn the_pauses_of_a_sentence_are_not_a_headlines() {
        for line in [
            "驿站建成后，职工们",
            "今年以来，月坛街道已建成",
            "比赛结束后，获奖选手",
            "近日，朝阳区总工会",
            "7月15日，通州区总工会举办",
            "活动中，工会工作人员",
            "据介绍，该驿站",
            "在大兴区天宫院街道，具有",
            "驿站负责人表示，下一步",
            "冰箱、微波炉",
            "一是完善设施；二是",
            "驿站，",
            "一，二，三，四",
            "工会驿站，让户外劳动者在炎炎夏日里有了一个可以歇脚的家",
        ] {
            assert!(!headline_pauses(line), "{line}");
        }
    }
}
