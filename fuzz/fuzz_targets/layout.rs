//! The wrapper on any text at any width: no line wider than its width (a single cluster
//! wider than the width alone excepted), and the lines give back the sanitized text less
//! the spaces dropped at breaks and the indent.
#![no_main]
use kanbao::layout::{AmbiguousWidth, INDENT, WrapOptions, display_width, sanitize, wrap};
use libfuzzer_sys::fuzz_target;
use unicode_segmentation::UnicodeSegmentation;

fn no_space(s: &str) -> String {
    s.chars()
        .filter(|c| *c != ' ' && *c != '\u{3000}')
        .collect()
}

fuzz_target!(|input: (&str, u8, bool, bool)| {
    let (text, width, indent, wide) = input;
    let width = usize::from(width % 100) + 1;
    let ambiguous = if wide {
        AmbiguousWidth::Wide
    } else {
        AmbiguousWidth::Narrow
    };
    let lines = wrap(text, width, &WrapOptions { ambiguous, indent });
    let clean = sanitize(text);
    let mut joined = String::new();
    for (i, line) in lines.iter().enumerate() {
        // Only a paragraph's first line may carry the indent (not below 6 columns), and text
        // may hold U+3000 of its own: the range says what is text.
        let shown = &clean[line.range.clone()];
        let prefix = line
            .text
            .strip_suffix(shown)
            .expect("a line ends with its text");
        assert!(
            prefix.is_empty() || (i == 0 && indent && prefix == INDENT),
            "{prefix:?}"
        );
        let w = display_width(&line.text, ambiguous);
        assert!(
            w <= width || line.text.graphemes(true).count() == 1,
            "{:?} is {w} wide at {width}",
            line.text
        );
        joined.push_str(shown);
    }
    assert_eq!(no_space(&joined), no_space(&clean));
});
