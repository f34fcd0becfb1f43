//! The masthead line of a page (报眉): `2024年3月8日 星期五`, `第3版`, `03版`,
//! `《劳动午报》(2024年03月08日 03版)`. Read from the text's own form, never from a known paper.

use super::{ImportOptions, Imported};
use crate::date::Date;

/// How many non-blank lines at the top of a page may be masthead lines.
pub const HEAD_LINES: usize = 4;
/// How many non-blank lines at the end of a page may be masthead lines.
pub const FOOT_LINES: usize = 2;
/// The longest paper name between `《》` a masthead may carry, in characters.
const MAX_PAPER_CHARS: usize = 20;
/// The highest page number read.
const MAX_PAGE: u32 = 999;

/// What one masthead line says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    /// The day it names, when it names one.
    pub date: Option<Result<Date, BadDay>>,
    /// The page (版) it names.
    pub page: Option<u32>,
    /// The paper's name between `《》`.
    pub paper: Option<String>,
}

/// A date in a masthead that is not a real calendar day (`2024年2月30日`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadDay {
    /// 1-based column (in characters) of the date in its line.
    pub column: usize,
    /// The date as written.
    pub text: String,
}

/// Reads `line` as a masthead: `None` unless the whole line is made of masthead parts (a
/// day, a weekday, a page, a paper's name in `《》`, brackets, spaces) and names a day or
/// a page.
pub fn parse(line: &str) -> Option<Line> {
    let chars: Vec<char> = line.chars().map(half_width).collect();
    let mut out = Line::default();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() || "()（）·|,，、-—[]【】".contains(c) {
            i += 1;
        } else if c == '《' {
            let len = chars[i + 1..].iter().position(|&c| c == '》')?;
            if len == 0 || len > MAX_PAPER_CHARS || out.paper.is_some() {
                return None;
            }
            out.paper = Some(chars[i + 1..i + 1 + len].iter().collect());
            i += len + 2;
        } else if c.is_ascii_digit() {
            let (year, after) = number(&chars, i)?;
            match chars.get(after) {
                Some('年') if after - i == 4 && out.date.is_none() => {
                    let (month, m_end) = number(&chars, after + 1)?;
                    (chars.get(m_end) == Some(&'月')).then_some(())?;
                    let (day, d_end) = number(&chars, m_end + 1)?;
                    (chars.get(d_end) == Some(&'日')).then_some(())?;
                    let day = u8::try_from(day)
                        .ok()
                        .zip(u8::try_from(month).ok())
                        .and_then(|(day, month)| Date::new(u16::try_from(year).ok()?, month, day));
                    out.date = Some(day.ok_or_else(|| BadDay {
                        column: i + 1,
                        text: line.chars().skip(i).take(d_end + 1 - i).collect(),
                    }));
                    i = d_end + 1;
                }
                Some('版') => {
                    out.page = Some(page_number(year, out.page)?);
                    i = after + 1;
                }
                _ => return None,
            }
        } else if c == '第' {
            let (n, after) = match number(&chars, i + 1) {
                Some(found) => found,
                None => chinese_number(&chars, i + 1)?,
            };
            (chars.get(after) == Some(&'版')).then_some(())?;
            out.page = Some(page_number(n, out.page)?);
            i = after + 1;
        } else if let Some(len) = weekday(&chars[i..]) {
            i += len;
        } else {
            return None;
        }
    }
    (out.date.is_some() || out.page.is_some()).then_some(out)
}

fn page_number(n: u32, before: Option<u32>) -> Option<u32> {
    (before.is_none() && (1..=MAX_PAGE).contains(&n)).then_some(n)
}

/// Full-width digits read as ASCII ones.
fn half_width(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        _ => c,
    }
}

/// The ASCII number at `at` (at most 4 digits) and where it ends.
fn number(chars: &[char], at: usize) -> Option<(u32, usize)> {
    let len = chars[at.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if len == 0 || len > 4 {
        return None;
    }
    let n = chars[at..at + len]
        .iter()
        .fold(0, |n, c| n * 10 + c.to_digit(10).unwrap_or(0));
    Some((n, at + len))
}

/// A Chinese number from 一 to 九十九 at `at` (`三`, `十二`, `二十`, `二十四`) and where it ends.
fn chinese_number(chars: &[char], at: usize) -> Option<(u32, usize)> {
    let digit =
        |c: Option<&char>| c.and_then(|c| "一二三四五六七八九".chars().position(|d| d == *c));
    let mut i = at;
    let mut n = 0;
    if let Some(d) = digit(chars.get(i)) {
        n = d as u32 + 1;
        i += 1;
    }
    if chars.get(i) == Some(&'十') {
        n = if i == at { 10 } else { n * 10 };
        i += 1;
        if let Some(d) = digit(chars.get(i)) {
            n += d as u32 + 1;
            i += 1;
        }
    }
    (i > at && (i - at == 1 || chars[at..i].contains(&'十'))).then_some((n, i))
}

/// The length of a weekday at the start of `chars`: `星期五`, `周五`, `星期日`.
fn weekday(chars: &[char]) -> Option<usize> {
    let is_day = |c: Option<&char>| c.is_some_and(|c| "一二三四五六日天".contains(*c));
    match chars {
        ['星', '期', ..] if is_day(chars.get(2)) => Some(3),
        ['周', ..] if is_day(chars.get(1)) => Some(2),
        _ => None,
    }
}

/// Sets the masthead lines of `page` aside into `out`; the rest of the text, with a blank
/// line in place of each masthead line.
pub(super) fn set_aside(page: &str, options: &ImportOptions, out: &mut Imported) -> String {
    let filled: Vec<usize> = page
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, _)| n)
        .collect();
    let head = filled.get(HEAD_LINES).copied().unwrap_or(usize::MAX);
    let foot = filled
        .len()
        .checked_sub(FOOT_LINES + 1)
        .map_or(0, |i| filled[i] + 1);
    let (mut date, mut page_no) = (None, None);
    let mut rest = String::with_capacity(page.len());
    for (n, line) in page.lines().enumerate() {
        let found = (n < head || n >= foot).then(|| parse(line)).flatten();
        let Some(found) = found else {
            rest.push_str(line);
            rest.push('\n');
            continue;
        };
        rest.push('\n');
        out.masthead.push((n + 1, line.trim().to_string()));
        match found.date {
            Some(Ok(day)) => date = date.or(Some(day)),
            Some(Err(bad)) if out.bad_day.is_none() => out.bad_day = Some((n + 1, bad)),
            _ => {}
        }
        page_no = page_no.or(found.page);
        out.paper = out.paper.take().or(found.paper);
    }
    out.date = options.date.or(date);
    out.page = options.page.or(page_no);
    if options.date.is_some() {
        out.bad_day = None;
    }
    rest
}

/// The 0-based line on which each of the [`super::blocks`](fn@super::blocks) of `page` starts.
pub(super) fn block_starts(page: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut in_block = false;
    for (n, line) in page.lines().enumerate() {
        let blank = line.trim().is_empty();
        if !blank && !in_block {
            starts.push(n);
        }
        in_block = !blank;
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: u16, m: u8, d: u8) -> Option<Result<Date, BadDay>> {
        Some(Ok(Date::new(y, m, d).unwrap()))
    }

    #[test]
    fn the_forms_of_a_masthead() {
        let l = parse("2024年3月8日 星期五").unwrap();
        assert_eq!((l.date, l.page), (day(2024, 3, 8), None));
        assert_eq!(parse("第3版").unwrap().page, Some(3));
        assert_eq!(parse("03版").unwrap().page, Some(3));
        assert_eq!(parse("第十二版").unwrap().page, Some(12));
        let l = parse("《劳动午报》(2024年03月08日 03版)").unwrap();
        assert_eq!(l.date, day(2024, 3, 8));
        assert_eq!(l.page, Some(3));
        assert_eq!(l.paper.as_deref(), Some("劳动午报"));
        let l = parse("  ２０２４年３月８日　周五　第３版  ").unwrap();
        assert_eq!((l.date, l.page), (day(2024, 3, 8), Some(3)));
    }

    #[test]
    fn text_that_is_not_a_masthead() {
        for line in [
            "2024年3月8日，本报记者走访了天宫院街道。",
            "《劳动午报》",
            "星期五",
            "第3版 责任编辑 张三",
            "3月8日",
            "第0版",
            "",
        ] {
            assert_eq!(parse(line), None, "{line}");
        }
    }

    #[test]
    fn a_day_that_does_not_exist_is_named() {
        let l = parse("《劳动午报》 2024年2月30日 星期五").unwrap();
        assert_eq!(
            l.date,
            Some(Err(BadDay {
                column: 8,
                text: "2024年2月30日".into()
            }))
        );
        assert!(matches!(parse("2023年2月29日").unwrap().date, Some(Err(_))));
        assert_eq!(parse("2024年2月29日").unwrap().date, day(2024, 2, 29));
    }
}
