//! The question asked when the user quits and the reading marks could not be saved: which
//! key answers what, and the hint that says so (no message types these keys by hand).

use super::{Key, KeyName, key_label};
use crate::i18n::{Lang, Msg};

/// An answer to the question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuitAnswer {
    /// Try to save again, and quit if it works.
    Retry,
    /// Quit without the marks (kanbao then says so on stderr and exits non-zero).
    QuitAnyway,
    /// Go back to reading.
    Back,
}

/// The keys that answer, the first of each answer named in the hint. `Ctrl-C` quits anyway,
/// as it quits everywhere.
const ANSWERS: &[(Key, QuitAnswer)] = &[
    (Key::Code(KeyName::Char('r')), QuitAnswer::Retry),
    (Key::Code(KeyName::Char('R')), QuitAnswer::Retry),
    (Key::Code(KeyName::Char('q')), QuitAnswer::QuitAnyway),
    (Key::Code(KeyName::Char('Q')), QuitAnswer::QuitAnyway),
    (Key::Ctrl('c'), QuitAnswer::QuitAnyway),
    (Key::Code(KeyName::Esc), QuitAnswer::Back),
];

/// The answer `pressed` gives; other keys give none (the question stays).
pub fn quit_answer(pressed: Key) -> Option<QuitAnswer> {
    ANSWERS.iter().find(|(k, _)| *k == pressed).map(|(_, a)| *a)
}

/// `r 重试  q 仍然退出  Esc 返回`: the first key of each answer, and what it does.
pub fn quit_hints(lang: Lang) -> String {
    [
        (QuitAnswer::Retry, Msg::HintRetry),
        (QuitAnswer::QuitAnyway, Msg::HintQuitAnyway),
        (QuitAnswer::Back, Msg::HintBack),
    ]
    .iter()
    .filter_map(|(answer, label)| {
        let (key, _) = ANSWERS.iter().find(|(_, a)| a == answer)?;
        Some(format!("{} {}", key_label(*key, lang), label.text(lang)))
    })
    .collect::<Vec<_>>()
    .join("  ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hint_names_the_keys_that_answer() {
        assert_eq!(quit_hints(Lang::Zh), "r 重试  q 仍然退出  Esc 返回");
        assert_eq!(quit_hints(Lang::En), "r retry  q quit anyway  Esc back");
        assert_eq!(
            quit_answer(Key::Code(KeyName::Char('R'))),
            Some(QuitAnswer::Retry)
        );
        assert_eq!(quit_answer(Key::Ctrl('c')), Some(QuitAnswer::QuitAnyway));
        assert_eq!(quit_answer(Key::Code(KeyName::Esc)), Some(QuitAnswer::Back));
        assert_eq!(quit_answer(Key::Code(KeyName::Char('x'))), None);
    }
}
