//! Hostile articles (escape sequences, C1 controls, bidi overrides, BEL, CR, tabs,
//! zero-width characters, emoji sequences, combining marks, a 3,000-character URL, a
//! 100,000-character paragraph, an empty photo report): every command shows their text and
//! never lets it drive the terminal, and nothing is wider than asked.

use std::process::Command;

use assert_cmd::cargo::cargo_bin;

const CORPUS: &str = "tests/hostile/articles.jsonl";

fn run(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(cargo_bin("kanbao"))
        .args(["--no-state", "--data", CORPUS])
        .args(args)
        .output()
        .expect("run kanbao");
    assert!(
        out.stderr.is_empty() || out.status.code() != Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("kanbao prints UTF-8");
    (out.status.code(), text)
}

/// A character that would make a terminal act rather than print. `allowed` are the
/// separators kanbao itself writes (newline, and tab between `list` columns).
fn obeyed(c: char, allowed: &[char]) -> bool {
    if allowed.contains(&c) {
        return false;
    }
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn assert_inert(text: &str, allowed: &[char], what: &str) {
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| obeyed(c, allowed)) {
        let from = (at.saturating_sub(30)..=at)
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(at);
        panic!(
            "{what}: {c:?} at byte {at} reaches the terminal: {:?}",
            &text[from..at]
        );
    }
}

fn ids() -> Vec<String> {
    std::fs::read_to_string(CORPUS)
        .expect("corpus")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("corpus line");
            v["id"].as_str().expect("id").to_string()
        })
        .collect()
}

#[test]
fn list_shows_every_hostile_article_inertly() {
    let (code, text) = run(&["list"]);
    assert_eq!(code, Some(0));
    assert_eq!(text.lines().count(), ids().len());
    assert_inert(&text, &['\n', '\t'], "list");
    let (_, json) = run(&["list", "--json"]);
    // JSON escapes controls itself (\u001b), which is inert text.
    assert_inert(&json, &['\n'], "list --json");
}

#[test]
fn show_at_many_widths_is_inert_and_never_too_wide() {
    for id in ids() {
        for width in [4usize, 5, 7, 13, 40, 80] {
            let (code, text) = run(&["show", &id, "--width", &width.to_string()]);
            assert_eq!(code, Some(0), "{id} at {width}");
            assert_inert(&text, &['\n'], &format!("show {id} --width {width}"));
            for line in text.lines() {
                // As a terminal without grapheme cluster mode draws it, each character on
                // its own (`👨‍👩‍👧` is 6 columns); a cluster wider than the line stands alone.
                let drawn: usize = line
                    .chars()
                    .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
                    .sum();
                let alone = unicode_segmentation::UnicodeSegmentation::graphemes(
                    line.trim_start_matches('\u{3000}'),
                    true,
                )
                .count()
                    == 1;
                assert!(
                    drawn <= width || alone,
                    "{id} at {width}: {line:?} is {drawn}"
                );
            }
        }
    }
}

#[test]
fn the_long_paragraph_and_url_keep_all_their_text() {
    let (_, text) = run(&["show", "h9", "--width", "13"]);
    let joined: String = text
        .lines()
        .skip(3)
        .collect::<String>()
        .replace('\u{3000}', "");
    assert_eq!(joined.matches("工会驿站").count(), 6666);
    let (_, text) = run(&["show", "h8", "--width", "40"]);
    let joined: String = text.lines().collect();
    assert_eq!(
        joined.matches('a').count(),
        3000 + "example".matches('a').count()
    );
}

#[test]
fn escape_sequences_are_removed_whole_not_left_as_garbage() {
    let (_, text) = run(&["show", "h1", "--width", "80"]);
    assert!(text.contains("标题红色"), "{text}");
    assert!(
        !text.contains("[31m") && !text.contains("owned") && !text.contains("[2J"),
        "{text}"
    );
    assert!(text.contains("正文清屏。"), "{text}");
}

#[test]
fn search_and_export_are_inert() {
    let (_, text) = run(&["search", "工会"]);
    assert_inert(&text, &['\n', '\t'], "search");
    for format in ["md", "txt"] {
        let (code, text) = run(&["export", "--format", format]);
        assert_eq!(code, Some(0));
        assert_inert(&text, &['\n'], &format!("export {format}"));
    }
}

#[test]
fn an_empty_photo_report_shows_its_headings() {
    let (code, text) = run(&["show", "h10", "--width", "20"]);
    assert_eq!(code, Some(0));
    assert!(text.starts_with("空的图片新闻\n"));
}

#[test]
fn show_prints_only_the_data_not_the_readers_no_text_note() {
    // The reader shows 「（本文无正文）」 under an article with no text; `show` is data
    // for scripts: the headings, the meta line and the blank line, and nothing made up.
    for lang in ["zh", "en"] {
        let (code, text) = run(&["--lang", lang, "show", "h10", "--width", "40"]);
        assert_eq!(code, Some(0));
        let meta = if lang == "zh" {
            "未注明 · 图片新闻 · id h10"
        } else {
            "not stated · photo · id h10"
        };
        assert_eq!(text, format!("空的图片新闻\n{meta}\n\n"), "{lang}");
        let (code, json) = run(&["--lang", lang, "show", "h10", "--json"]);
        assert_eq!(code, Some(0));
        assert!(
            !json.contains("本文无正文") && !json.contains("no text"),
            "{json}"
        );
    }
}

/// The Markdown export escaped `[` and `\` before sanitising, which split `ESC [ 31 m` into
/// `ESC \` (removed) and `[31m` (left in the text); the plain-text export sanitised the
/// report line by line, so a CRLF inside a paragraph left its CR as `�` and broke the
/// paragraph's line. Both now clean each field as `show` does.
#[test]
fn exports_clean_text_exactly_as_show() {
    let (code, md) = run(&["export", "--id", "h1", "h4"]);
    assert_eq!(code, Some(0));
    for garbage in [
        "[31m", "[0m", "owned", "[2J", "[H", "evil", "]8;;", "\\结束",
    ] {
        assert!(!md.contains(garbage), "{garbage:?} left in:\n{md}");
    }
    let lines: Vec<&str> = md.lines().collect();
    for want in [
        // The kicker, a plain line above the title (never a `>` quote: that is a note).
        "链接",
        "## 标题红色",
        "【1】正文清屏。",
        "【2】结束。",
        "## 响铃\u{FFFD}回车\u{FFFD}换行",
        "【2】回车\u{FFFD}覆盖 行。",
    ] {
        assert!(lines.contains(&want), "no line {want:?} in:\n{md}");
    }
    let (code, txt) = run(&["export", "--format", "txt", "--id", "h4"]);
    assert_eq!(code, Some(0));
    let lines: Vec<&str> = txt.lines().collect();
    assert!(
        lines.contains(&"\u{3000}\u{3000}【2】回车\u{FFFD}覆盖 行。"),
        "{txt}"
    );
}
