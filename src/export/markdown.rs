//! Text from the data made to print as text in Markdown: every character CommonMark (and
//! GitHub's tables and strikethrough) could read as markup is escaped with a backslash.

/// ASCII punctuation that is markup somewhere in a line (emphasis, code, links, HTML,
/// entities, tables, strikethrough, headings, quotes, escapes).
const INLINE: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '~', '#', '!',
];

/// `text` as one line of Markdown that reads as `text`: line breaks become spaces, leading
/// white space (an indented code block) goes, markup characters are escaped, and a start
/// that would open a block (a list item `-`, `+`, `1.`, `1)`, a setext underline `=`) is
/// escaped too.
pub fn line(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    let flat = flat.trim_start_matches([' ', '\t']);
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
}
