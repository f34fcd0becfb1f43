//! Text from the data made to print as text in Markdown: cleaned by the same
//! [`sanitize`](fn@crate::layout::sanitize) as every other output, then every character
//! CommonMark (and GitHub's tables and strikethrough) could read as markup is escaped with a
//! backslash.

/// ASCII punctuation that is markup somewhere in a line (emphasis, code, links, HTML,
/// entities, tables, strikethrough, headings, quotes, escapes).
const INLINE: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '~', '#', '!',
];

/// `text` as one line of Markdown that reads as `text`: sanitised first, as `show` and the
/// reader do (whole escape sequences removed, a line break made a space, a lone CR and other
/// controls made `�`), so that escaping cannot split a sequence and leave pieces of it;
/// then leading white space (an indented code block) goes, markup characters are escaped,
/// and a start that would open a block (a list item `-`, `+`, `1.`, `1)`, a setext
/// underline `=`) is escaped too.
pub fn line(text: &str) -> String {
    let clean = crate::layout::sanitize(text);
    let flat = clean.trim_start_matches([' ', '\t']);
    let mut out = String::with_capacity(flat.len() + 8);
    let digits = flat.chars().take_while(char::is_ascii_digit).count();
    let chars: Vec<char> = flat.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        // `1.` and `1)` open a list only when a space, a tab or the end follows.
        let list_mark = i == digits
            && digits > 0
            && matches!(c, '.' | ')')
            && chars.get(i + 1).is_none_or(|n| *n == ' ' || *n == '\t');
        let starts_block = (i == 0 && matches!(c, '-' | '+' | '=')) || list_mark;
        if INLINE.contains(&c) || starts_block {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(line("*重要* 通知"), "\\*重要\\* 通知");
        assert_eq!(line("# 不是标题"), "\\# 不是标题");
        assert_eq!(line("- 不是列表"), "\\- 不是列表");
        assert_eq!(line("2024. 年"), "2024\\. 年");
        assert_eq!(line("    代码"), "代码");
        assert_eq!(line("a\nb"), "a b");
        assert_eq!(line("3.5%"), "3.5%");
    }

    #[test]
    fn escape_sequences_go_whole_before_escaping() {
        // Escaping first turned `ESC [` into `ESC \[`, and the later sanitising removed only
        // `ESC \`, leaving `[31m` and the rest in the text.
        assert_eq!(line("标题\u{1b}[31m红色\u{1b}[0m"), "标题红色");
        assert_eq!(line("\u{1b}]0;PWNED\u{7}结束"), "结束");
        assert_eq!(line("\u{1b}P+q\u{1b}\\ DCS"), "DCS");
        assert_eq!(line("回车\r换行"), "回车\u{FFFD}换行");
        assert_eq!(line("a\r\nb\tc"), "a b c");
    }
}
