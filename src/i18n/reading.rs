//! The words of what the reader shows beside the text (not keys): the paragraph numbers.

use super::Lang;

/// The help's row on the paragraph numbers, under the reader's keys (`?`): what the dim
/// number at a paragraph's head is, in the words of the report it matches.
pub fn paragraph_numbers_help(lang: Lang) -> (String, &'static str) {
    match lang {
        Lang::Zh => ("段首数字".to_owned(), "段号，同导出报告的【1】【2】…"),
        Lang::En => ("paragraph no.".to_owned(), "dim; a report's 【1】【2】…"),
    }
}
