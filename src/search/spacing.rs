//! A hint for a query that found nothing because a word mixes Han characters and Latin
//! letters (`工会yizhan`, `gonghui驿站`) or digits and letters (`24xiaoshi`). A Latin term
//! matches by pinyin only when it is all letters, and a term is one substring, so such a
//! word finds nothing, with no hint: users without an input method paste a word and type
//! the rest in pinyin. The search is not changed (a term is what was typed); when nothing
//! is found, the command line's stderr and the reader's empty list say how to write it,
//! with a space between the parts (`工会 yizhan`). One place for both: [`hint`].

use super::gaps::is_han;
use crate::i18n::{self, Lang};

/// What a character is, for where a word mixes scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Latin,
    Digit,
    Han,
    Other,
}

fn class(c: char) -> Class {
    match c {
        'a'..='z' | 'A'..='Z' | 'ａ'..='ｚ' | 'Ａ'..='Ｚ' => Class::Latin,
        '0'..='9' | '０'..='９' => Class::Digit,
        c if is_han(c) => Class::Han,
        _ => Class::Other,
    }
}

/// A query written with spaces where its words mix scripts (see [`spaced`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spaced {
    /// The query with the spaces put in.
    pub query: String,
    /// True when a space went between Han characters and letters; false when only
    /// between digits and letters (`24 xiaoshi`).
    pub han: bool,
}

/// `query` with a space between a run of two or more Latin letters and the Han characters
/// or digits beside it, in every plain word (not in quotes, not an operator's value, not
/// `-word` or `a|b`, whose meaning a space would change); `None` when no word mixes them.
/// A single letter stays (`A股`, `5G`, `B超` are words), as does anything else typed.
pub fn spaced(query: &str) -> Option<Spaced> {
    let mut out = String::with_capacity(query.len() + 8);
    let (mut quoted, mut changed, mut han) = (false, false, false);
    let mut rest = query;
    while !rest.is_empty() {
        let split = |c: char| c.is_whitespace() || c.is_control();
        let end = rest.find(|c: char| !split(c)).unwrap_or(rest.len());
        out.push_str(&rest[..end]);
        rest = &rest[end..];
        let end = rest.find(split).unwrap_or(rest.len());
        let (word, after) = rest.split_at(end);
        rest = after;
        let quotes = word.contains(['"', '＂', '“', '”']);
        if quoted || quotes || !plain(word) {
            for c in word.chars() {
                match c {
                    '"' | '＂' => quoted = !quoted,
                    '“' => quoted = true,
                    '”' => quoted = false,
                    _ => {}
                }
            }
            out.push_str(word);
            continue;
        }
        let (word, word_han) = split_word(word);
        changed |= word.contains(' ');
        han |= word_han;
        out.push_str(&word);
    }
    changed.then_some(Spaced { query: out, han })
}

/// Whether `word` is a plain term: not `-word`, an operator (`title:x`), a group (`a|b`)
/// or `OR`.
fn plain(word: &str) -> bool {
    !word.starts_with(['-', '－'])
        && !word.contains([':', '：', '|', '｜'])
        && word != "OR"
        && word != "ＯＲ"
}

/// `word` with a space at each border between a run of two or more Latin letters and Han
/// characters or digits; true when a border was with Han characters.
fn split_word(word: &str) -> (String, bool) {
    // Runs of one class, in order.
    let mut runs: Vec<(Class, &str)> = Vec::new();
    let mut start = 0;
    let mut last: Option<Class> = None;
    for (at, c) in word.char_indices() {
        let now = class(c);
        if last.is_some_and(|l| l != now) {
            runs.push((last.unwrap_or(Class::Other), &word[start..at]));
            start = at;
        }
        last = Some(now);
    }
    if let Some(l) = last {
        runs.push((l, &word[start..]));
    }
    let long_latin =
        |(class, text): (Class, &str)| class == Class::Latin && text.chars().nth(1).is_some();
    let other = |(class, _): (Class, &str)| class == Class::Han || class == Class::Digit;
    let mut out = String::with_capacity(word.len() + 4);
    let mut han = false;
    let mut before: Option<(Class, &str)> = None;
    for &run in &runs {
        if let Some(before) = before
            && ((long_latin(before) && other(run)) || (other(before) && long_latin(run)))
        {
            out.push(' ');
            han |= before.0 == Class::Han || run.0 == Class::Han;
        }
        out.push_str(run.1);
        before = Some(run);
    }
    (out, han)
}

/// What to say after "nothing found" for `query`, in `lang`, when a word of it mixes
/// scripts: `汉字和拼音之间加空格试试：工会 yizhan`. `None` otherwise.
pub fn hint(query: &str, lang: Lang) -> Option<String> {
    spaced(query).map(|s| i18n::spacing_hint(lang, &s.query, s.han))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spaced_query(q: &str) -> Option<String> {
        spaced(q).map(|s| s.query)
    }

    #[test]
    fn words_that_mix_han_and_pinyin_get_a_space() {
        assert_eq!(spaced_query("工会yizhan").as_deref(), Some("工会 yizhan"));
        assert_eq!(spaced_query("gonghui驿站").as_deref(), Some("gonghui 驿站"));
        assert_eq!(spaced_query("24xiaoshi").as_deref(), Some("24 xiaoshi"));
        assert_eq!(
            spaced_query("大兴 工会yizhan sijia").as_deref(),
            Some("大兴 工会 yizhan sijia")
        );
        assert_eq!(
            spaced_query("ｇｏｎｇｈｕｉ驿站").as_deref(),
            Some("ｇｏｎｇｈｕｉ 驿站")
        );
        assert_eq!(
            spaced_query("北京gonghui驿站").as_deref(),
            Some("北京 gonghui 驿站")
        );
        assert!(spaced("工会yizhan").unwrap().han);
        assert!(!spaced("24xiaoshi").unwrap().han);
    }

    #[test]
    fn other_queries_get_none() {
        for q in [
            "工会 yizhan",
            "gonghui",
            "工会驿站",
            "A股",
            "5G",
            "B超",
            "2024年",
            "\"工会yizhan\"",
            "\"工会 驿站yizhan\"",
            "“工会yizhan”",
            "title:工会yizhan",
            "-工会yizhan",
            "工会yizhan|驿站",
            "",
        ] {
            assert_eq!(spaced_query(q), None, "{q}");
        }
        // Words after a phrase are words again.
        assert_eq!(
            spaced_query("\"工会 驿站\" 24xiaoshi").as_deref(),
            Some("\"工会 驿站\" 24 xiaoshi")
        );
    }
}
