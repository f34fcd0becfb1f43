//! Bylines (电头 and credit lines) and photo credits: where an article's text starts and who
//! wrote it, read from the form of the text, never from known names.
//!
//! A byline opens an article's first block, in one of three forms:
//! - a dateline (电头), with or without a credit in brackets after it: `本报讯`,
//!   `本报讯（记者 孙艳）`, `本报北京3月7日讯【首席记者 王佳】`, `新华社北京3月7日电（记者 张三）`;
//! - a credit in brackets opening the paragraph: `（本报记者 王佳）近日，…`;
//! - a block that is only a credit: `本报记者 王五`, `记者 张三 通讯员 李四`.
//!
//! A photo credit ends a caption, or stands alone after the text it credits:
//! `本报记者 宗晓畅 通讯员 刘淑珍 吕明 摄影报道`, `本报记者 周峰 摄`, `（记者 王佳 摄）`.
//!
//! Names are names only: a label (`本报记者`, `实习记者`, `实习生`, `通讯员`) says which list a
//! name goes to, and what someone did (`王佳/文`, `李想/摄`) is left out; both stay, as printed,
//! in the byline or the caption.
//!
//! A byline may follow a marker (`■本报评论员`, `□本报记者 王晓楠`, `□张华`: `marker.rs`), and a
//! commentator's post is one without a marker too (`本报评论员`: `commentator.rs`).

use super::{commentator, marker};

/// Longest dateline, in characters (`本报北京12月31日讯`, `新华社乌鲁木齐12月31日电`).
const MAX_DATELINE_CHARS: usize = 20;
/// Longest news agency's name before `社` (`新华社`, `中国新闻社`), in characters.
const MAX_AGENCY_CHARS: usize = 4;
/// Longest credit in brackets, in characters.
const MAX_CREDIT_CHARS: usize = 48;
/// Longest block that is only a credit, in characters.
const MAX_CREDIT_LINE_CHARS: usize = 40;
/// Shortest and longest name in a credit line, in characters (`王五`, `阿依古丽·买买提`).
const NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=10;
/// Longest qualifier before `记者` or `通讯员` (`本报`, `首席`, `实习`, `本报特约`).
pub(super) const MAX_QUALIFIER_CHARS: usize = 4;
/// Brackets that open and close a credit.
const OPENERS: &[char] = &['（', '(', '【', '[', '〔'];
const CLOSERS: &[char] = &['）', ')', '】', ']', '〕'];
/// Punctuation a credit never holds: it would be a sentence.
const SENTENCE_MARKS: &[char] = &['。', '！', '？', '；', '!', '?', ';'];
/// Marks that end a sentence, before a caption's credit.
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '…', '!', '?', '.'];
/// How a photo credit ends, longest first.
const CREDIT_ENDINGS: &[&str] = &["摄影报道", "摄影", "报道", "摄"];
/// The longest photo credit, in bytes (about 40 characters).
const MAX_CREDIT_BYTES: usize = 160;
/// Words of a credit that say what someone did, not who: `王佳/文`, `李想/摄`, `文/图`.
const TASK_WORDS: &[&str] = &["摄影报道", "摄影", "报道", "文图", "图文", "文", "图", "摄"];
/// The words a label ends with, and the list its names go to; `实习生` stands alone.
const LABELS: &[(&str, Role)] = &[
    ("记者", Role::Reporter),
    ("通讯员", Role::Correspondent),
    ("实习生", Role::Reporter),
];

/// Which list a name in a credit goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Reporter,
    Correspondent,
}

/// A byline split from the block it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Byline {
    /// The byline as printed: `本报讯（记者 孙艳）`.
    pub text: String,
    /// Reporters' names (记者, 实习记者, 实习生 …).
    pub reporters: Vec<String>,
    /// Correspondents' names (通讯员).
    pub correspondents: Vec<String>,
    /// The block's text after the byline and its spaces; empty when the block is only a
    /// byline.
    pub rest: String,
}

/// A photo credit at the end of a caption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Credit {
    /// Where the credit starts in the caption, in bytes.
    pub start: usize,
    /// Reporters' names.
    pub reporters: Vec<String>,
    /// Correspondents' names.
    pub correspondents: Vec<String>,
}

/// The byline opening `block`, in any of its forms (a commentator's post alone included).
pub(super) fn byline(block: &str) -> Option<Byline> {
    dateline(block)
        .or_else(|| bracketed(block))
        .or_else(|| credit_line(block))
        .or_else(|| marker::post(block))
        .or_else(|| commentator::post(block))
}

/// `本报讯`, `本报北京3月7日讯`, `新华社北京3月7日电`, then maybe a credit in brackets.
fn dateline(block: &str) -> Option<Byline> {
    let end = dateline_end(block)?;
    let spaced = block[end..].trim_start();
    let (text_end, (reporters, correspondents)) = match bracket(spaced) {
        Some((inside, len)) => (block.len() - spaced.len() + len, names(inside)),
        None => (end, (Vec::new(), Vec::new())),
    };
    Some(Byline {
        text: block[..text_end].to_string(),
        reporters,
        correspondents,
        rest: block[text_end..].trim_start().to_string(),
    })
}

/// Where a dateline at the start of `block` ends: `本报` or an agency (`新华社`), then a
/// place and a day made of letters and digits, then `讯` or `电`. It is followed by a space,
/// a bracket or nothing, or, glued to the text, when it is `本报讯` or ends with a day
/// (`本报北京3月7日讯近日…`), so that a sentence (`本报近日从通讯员处获悉`, `本报电视栏目…`)
/// is never one.
fn dateline_end(block: &str) -> Option<usize> {
    let source = if block.starts_with("本报") {
        "本报".len()
    } else {
        let (at, _) = block
            .char_indices()
            .take(MAX_AGENCY_CHARS + 1)
            .find(|&(_, c)| c == '社')?;
        if at == 0 || !block[..at].chars().all(char::is_alphabetic) {
            return None;
        }
        at + '社'.len_utf8()
    };
    let (at, mark) = block[source..]
        .char_indices()
        .take(MAX_DATELINE_CHARS)
        .find(|&(_, c)| c == '讯' || c == '电' || !c.is_alphanumeric())?;
    if mark != '讯' && mark != '电' {
        return None;
    }
    let place = &block[source..source + at];
    let end = source + at + mark.len_utf8();
    if place.contains("记者") || block[..end].ends_with("通讯") {
        return None;
    }
    let after = block[end..].chars().next();
    let apart = after.is_none_or(|c| c.is_whitespace() || OPENERS.contains(&c));
    (apart || (mark == '讯' && place.is_empty()) || place.ends_with('日')).then_some(end)
}

/// A credit in brackets at the start of `text`: what is inside, and the bytes the brackets
/// take.
fn bracket(text: &str) -> Option<(&str, usize)> {
    let open = text.chars().next().filter(|c| OPENERS.contains(c))?;
    let start = open.len_utf8();
    let (close, closer) = text[start..]
        .char_indices()
        .take(MAX_CREDIT_CHARS)
        .find(|(_, c)| CLOSERS.contains(c))?;
    let inside = &text[start..start + close];
    (!inside.contains(SENTENCE_MARKS)).then_some((inside, start + close + closer.len_utf8()))
}

/// `（本报记者 王佳）近日，…`: a credit in brackets that opens with a label. Standing alone,
/// it must read as a credit line (so `（记者手记）` is not one), and one that ends like a
/// photo credit (`（记者 王佳 摄）`) is a photo credit instead.
fn bracketed(block: &str) -> Option<Byline> {
    let (inside, len) = bracket(block)?;
    let first = inside.split(is_separator).find(|t| !t.is_empty())?;
    label(first)?;
    let rest = block[len..].trim_start();
    if rest.is_empty() && credit_line(inside).is_none() {
        return None;
    }
    let (reporters, correspondents) = names(inside);
    if reporters.is_empty() && correspondents.is_empty() {
        return None;
    }
    Some(Byline {
        text: block[..len].to_string(),
        reporters,
        correspondents,
        rest: rest.to_string(),
    })
}

/// A block that is only a credit: `本报记者 王五`. Its first word is a label on its own, and
/// every other word a label, a name or a task word, so that a heading (`记者探访冬奥场馆`)
/// is never one; one that ends like a photo credit (`本报记者 周峰 摄`) is a photo credit.
pub(super) fn credit_line(block: &str) -> Option<Byline> {
    let line = block.trim();
    if line.chars().count() > MAX_CREDIT_LINE_CHARS
        || line.contains(SENTENCE_MARKS)
        || credit_ending(line).is_some()
    {
        return None;
    }
    let mut words = line.split(is_separator).filter(|w| !w.is_empty());
    if !whole_label(words.next()?) {
        return None;
    }
    let name = |w: &str| {
        NAME_CHARS.contains(&w.chars().count())
            && w.chars().all(|c| c.is_alphabetic() || "·•".contains(c))
    };
    if !words.all(|w| whole_label(w) || name(w) || TASK_WORDS.contains(&w)) {
        return None;
    }
    let (reporters, correspondents) = names(line);
    if reporters.is_empty() && correspondents.is_empty() {
        return None;
    }
    Some(Byline {
        text: line.to_string(),
        reporters,
        correspondents,
        rest: String::new(),
    })
}

/// What separates the words of a credit: spaces (ideographic too), `、`, commas, slashes.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || "、，,/／|".contains(c)
}

/// The length in bytes of the label `word` opens with, when it opens with one: `记者`, and
/// a short qualifier before it (`本报记者`, `首席记者`, `实习记者`), `通讯员`, `实习生`.
fn label(word: &str) -> Option<usize> {
    role(word).map(|(_, len)| len)
}

/// True when `word` is a label and nothing else: `本报记者`, `通讯员`, `实习生`.
pub(super) fn whole_label(word: &str) -> bool {
    label(word).is_some_and(|len| len == word.len())
}

fn role(word: &str) -> Option<(Role, usize)> {
    LABELS.iter().find_map(|&(label, role)| {
        let at = word.find(label)?;
        let qualifier = &word[..at];
        (qualifier.chars().count() <= MAX_QUALIFIER_CHARS
            && qualifier.chars().all(char::is_alphabetic))
        .then_some((role, at + label.len()))
    })
}

/// Reads `记者 A B 通讯员 C` into reporters and correspondents: names only, without the
/// labels (`实习记者`) or what each did (`王佳/文`, `李想/摄`). Names before any label are not
/// read: the credit does not say who they are.
pub(super) fn names(credit: &str) -> (Vec<String>, Vec<String>) {
    let mut current = None;
    let (mut reporters, mut correspondents) = (Vec::new(), Vec::new());
    for word in credit.split(is_separator) {
        let mut word = word.trim();
        // A label may be glued to the name: `记者孙艳`.
        if let Some((found, len)) = role(word) {
            current = Some(found);
            word = &word[len..];
        }
        if word.is_empty() || TASK_WORDS.contains(&word) {
            continue;
        }
        match current {
            Some(Role::Reporter) => reporters.push(word.to_string()),
            Some(Role::Correspondent) => correspondents.push(word.to_string()),
            None => {}
        }
    }
    (reporters, correspondents)
}

/// `text` without the photo credit's ending (`摄影报道`, `摄`), when it has one.
fn credit_ending(text: &str) -> Option<&str> {
    CREDIT_ENDINGS.iter().find_map(|e| text.strip_suffix(e))
}

/// A photo credit at the end of a caption: `本报记者 宗晓畅 通讯员 刘淑珍 摄影报道`, `本报记者
/// 周峰 摄`, `（记者 王佳 摄）`, with the names it gives.
pub(super) fn photo_credit(caption: &str) -> Option<Credit> {
    let caption = caption.trim_end();
    // A credit is a few names long; looking only at the end keeps joining linear.
    let mut window = caption.len().saturating_sub(MAX_CREDIT_BYTES);
    while !caption.is_char_boundary(window) {
        window += 1;
    }
    let tail_start = caption[window..].rfind(SENTENCE_ENDS).map_or(window, |at| {
        window
            + at
            + caption[window + at..]
                .chars()
                .next()
                .map_or(0, char::len_utf8)
    });
    let tail = caption[tail_start..].trim_end_matches(CLOSERS).trim_end();
    let body = credit_ending(tail)?;
    let label_at = LABELS
        .iter()
        .filter_map(|(label, _)| body.find(label))
        .min()?;
    // The credit starts with the word the label is in (`本报记者`).
    let start = body[..label_at]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_separator(c) || OPENERS.contains(&c))
        .map_or(0, |(at, c)| at + c.len_utf8());
    let (reporters, correspondents) = names(&body[start..]);
    if reporters.is_empty() && correspondents.is_empty() {
        return None;
    }
    Some(Credit {
        start: tail_start + start,
        reporters,
        correspondents,
    })
}

/// The photo credit `block` is made of, when it holds nothing else (`本报记者 周峰 摄`).
pub(super) fn credit_only(block: &str) -> Option<Credit> {
    photo_credit(block).filter(|c| {
        block[..c.start]
            .trim()
            .trim_start_matches(OPENERS)
            .trim()
            .is_empty()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(block: &str) -> Option<(String, Vec<String>, Vec<String>, String)> {
        byline(block).map(|b| (b.text, b.reporters, b.correspondents, b.rest))
    }

    #[test]
    fn byline_with_several_names_and_correspondents() {
        let b = byline("本报讯（记者 陈曦 王伟 通讯员 李四） 近日，").unwrap();
        assert_eq!(b.text, "本报讯（记者 陈曦 王伟 通讯员 李四）");
        assert_eq!(b.reporters, ["陈曦", "王伟"]);
        assert_eq!(b.correspondents, ["李四"]);
        assert_eq!(b.rest, "近日，");
    }

    #[test]
    fn the_forms_of_a_dateline() {
        let none: Vec<String> = Vec::new();
        assert_eq!(
            parts("本报讯 近日，丰台区总工会举办健康讲座。"),
            Some((
                "本报讯".into(),
                none.clone(),
                none.clone(),
                "近日，丰台区总工会举办健康讲座。".into()
            ))
        );
        assert_eq!(
            byline("本报讯近日，开展活动。").unwrap().rest,
            "近日，开展活动。"
        );
        let b = byline("本报北京3月7日讯（记者 张三）近日").unwrap();
        assert_eq!(
            (b.text.as_str(), b.rest.as_str()),
            ("本报北京3月7日讯（记者 张三）", "近日")
        );
        let b = byline("新华社北京3月7日电 （记者 李四）3月7日").unwrap();
        assert_eq!(b.text, "新华社北京3月7日电 （记者 李四）");
        assert_eq!(b.reporters, ["李四"]);
        let b = byline("本报讯【首席记者 王佳】近日").unwrap();
        assert_eq!(
            (b.text.as_str(), b.reporters.clone()),
            ("本报讯【首席记者 王佳】", vec!["王佳".to_string()])
        );
        assert_eq!(byline("本报讯（记者 王佳）").unwrap().rest, "");
    }

    #[test]
    fn sentences_are_not_datelines() {
        for block in [
            "本报近日从通讯员处获悉，活动很成功。",
            "本报记者近日走访了社区。",
            "本报接到读者来电反映，小区停水。",
            "合作社今年用电量增加。",
            "本报，讯息。",
        ] {
            assert_eq!(byline(block), None, "{block}");
        }
    }

    #[test]
    fn a_credit_in_brackets_or_alone_is_a_byline() {
        let b = byline("（本报记者 王佳）近日，西城区总工会建成驿站。").unwrap();
        assert_eq!(b.text, "（本报记者 王佳）");
        assert_eq!(b.reporters, ["王佳"]);
        assert_eq!(b.rest, "近日，西城区总工会建成驿站。");
        let b = byline("本报记者 王五").unwrap();
        assert_eq!((b.text.as_str(), b.rest.as_str()), ("本报记者 王五", ""));
        assert_eq!(b.reporters, ["王五"]);
        let b = byline("记者 张三 通讯员 李四").unwrap();
        assert_eq!(
            (b.reporters, b.correspondents),
            (vec!["张三".to_string()], vec!["李四".to_string()])
        );
        for not in [
            "记者探访冬奥场馆",
            "本报记者 周峰 摄",
            "（记者 王佳 摄）",
            "（图为活动现场）",
            "（记者手记）",
            "本报电视栏目今晚开播。",
            "记者 走访了辖区内的三个社区。",
            "东城区入会侧记",
        ] {
            assert_eq!(byline(not), None, "{not}");
        }
    }

    #[test]
    fn names_are_names_only() {
        let names_of = |block: &str| {
            let b = byline(block).unwrap();
            (b.reporters, b.correspondents)
        };
        let (r, c) = names_of("本报讯（记者　王佳　实习记者 李想）３月１１日");
        assert_eq!(
            (r, c),
            (vec!["王佳".to_string(), "李想".to_string()], vec![])
        );
        let (r, _) = names_of("本报讯（记者 王佳 实习生 李想）近日");
        assert_eq!(r, ["王佳", "李想"]);
        let (r, c) = names_of("本报讯（记者 王佳/文 通讯员 李想/摄）近日");
        assert_eq!((r, c), (vec!["王佳".to_string()], vec!["李想".to_string()]));
        let (r, c) = names_of("本报讯（记者孙艳 本报通讯员赵六、钱七）近日");
        assert_eq!(r, ["孙艳"]);
        assert_eq!(c, ["赵六", "钱七"]);
    }

    #[test]
    fn photo_credits_at_the_end_or_alone() {
        let c = photo_credit("活动。本报记者 宗晓畅 通讯员 刘淑珍 吕明 摄影报道").unwrap();
        assert_eq!(c.reporters, ["宗晓畅"]);
        assert_eq!(c.correspondents, ["刘淑珍", "吕明"]);
        assert_eq!(c.start, "活动。".len());
        assert!(photo_credit("活动很好。").is_none());
        assert!(credit_only("活动。本报记者 宗晓畅 摄").is_none());
        assert_eq!(credit_only("本报记者 周峰 摄").unwrap().reporters, ["周峰"]);
        let c = credit_only("（记者 王佳 通讯员 李想 摄）").unwrap();
        assert_eq!(
            (c.reporters, c.correspondents),
            (vec!["王佳".to_string()], vec!["李想".to_string()])
        );
    }
}
