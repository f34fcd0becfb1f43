//! The search prompt's line editor: a query of at most [`MAX_QUERY_CHARS`] characters and
//! a cursor, edited like a shell's line. Each edit costs what it changes (the text after the
//! cursor moves over, nothing is measured or copied whole), so a long query stays as quick
//! to edit as a short one; text typed or pasted past the limit is cut, and the caller says so.

use unicode_segmentation::UnicodeSegmentation;

use crate::action::Action;
use crate::i18n::{self, Lang};
use crate::search::{Query, QueryError};

/// The longest query the prompt holds, in characters. A search never needs more (a
/// paragraph is a few hundred); a paste past it is cut, with a message.
pub const MAX_QUERY_CHARS: usize = 4096;

/// What an action did to the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Not a line-editing action: nothing changed.
    Ignored,
    /// The cursor moved (or stayed); the text is as it was.
    Moved,
    /// The text changed; `cut` when text to insert was cut at [`MAX_QUERY_CHARS`].
    Changed {
        /// Part of the inserted text was left out to keep the line within the limit.
        cut: bool,
    },
    /// Nothing was inserted: the line is full.
    Full,
}

/// Applies a prompt action to `text` with its cursor (a byte offset on a grapheme boundary):
/// the cursor moves by grapheme, `Ctrl-W` deletes back over spaces and then one run of
/// non-spaces (a run of Chinese with no spaces is one word), `Ctrl-U` everything before the
/// cursor. Control characters typed or pasted (line breaks, tabs) become spaces.
pub fn apply(text: &mut String, cursor: &mut usize, action: &Action) -> Edit {
    *cursor = floor_boundary(text, *cursor);
    let at = *cursor;
    let (head, tail) = text.split_at(at);
    match action {
        Action::SearchInput(input) => {
            let (insert, cut) = fit(input, MAX_QUERY_CHARS.saturating_sub(chars(text)));
            if insert.is_empty() {
                return if cut { Edit::Full } else { Edit::Moved };
            }
            text.insert_str(at, &insert);
            *cursor = at + insert.len();
            return Edit::Changed { cut };
        }
        Action::SearchBackspace => {
            let start = prev(head);
            return remove(text, cursor, start..at);
        }
        Action::SearchClearToStart => return remove(text, cursor, 0..at),
        Action::SearchDeleteWord => {
            let start = word_start(head);
            return remove(text, cursor, start..at);
        }
        Action::SearchDelete => {
            let end = at + next(tail);
            return remove(text, cursor, at..end);
        }
        Action::SearchClearToEnd => {
            let changed = at < text.len();
            text.truncate(at);
            return if changed {
                Edit::Changed { cut: false }
            } else {
                Edit::Moved
            };
        }
        Action::SearchWordLeft => *cursor = word_start(head),
        Action::SearchWordRight => {
            let rest = tail
                .trim_start_matches(' ')
                .trim_start_matches(|c| c != ' ');
            *cursor = text.len() - rest.len();
        }
        Action::SearchHome => *cursor = 0,
        Action::SearchEnd => *cursor = text.len(),
        Action::SearchLeft => *cursor = prev(head),
        Action::SearchRight => *cursor = at + next(tail),
        _ => return Edit::Ignored,
    }
    Edit::Moved
}

/// The query the search runs for `text`, or why it is refused, as the prompt line shows it.
///
/// This is where every refusal of a query goes through: a query longer than the prompt
/// holds ([`MAX_QUERY_CHARS`], from the command line), or over the search core's limits on
/// terms and length (`search::MAX_TERMS`, `search::MAX_QUERY_CHARS`). The reader shows the
/// reason on the prompt line (and the status bar) while the list stays as it was.
pub fn check(text: &str, lang: Lang) -> Result<Query, String> {
    if text.chars().nth(MAX_QUERY_CHARS).is_some() {
        return Err(i18n::query_too_long(lang, MAX_QUERY_CHARS));
    }
    // An operator whose value is not typed yet (`date:`, as the date key opens the prompt),
    // or a date still being typed (`date:202`, `date:2024-0`), is no error while typing:
    // what is before it is searched. `Enter` cannot keep it (see [`check_kept`]).
    let trimmed = text.trim_end();
    let (before, last) = trimmed
        .rsplit_once(char::is_whitespace)
        .unwrap_or(("", trimmed));
    let unfinished =
        (last.ends_with([':', '：']) || date_being_typed(last)) && Query::try_parse(last).is_err();
    refusal(if unfinished { before } else { text }, lang)
}

/// Whether `term` is a `date:` operator whose value may be the start of a date
/// ([`crate::date::may_become_range`]), so a refusal of it is only a date not typed whole.
fn date_being_typed(term: &str) -> bool {
    ["date:", "date：", "日期:", "日期："]
        .iter()
        .find_map(|op| term.strip_prefix(op))
        .is_some_and(crate::date::may_become_range)
}

/// The query `Enter` keeps for `text` (or a kept session brings back), or why it is
/// refused: as [`check`], but an operator with no value (`date:`, `工会 title:`) is
/// refused, as the command line's [`Query::try_parse`] refuses it.
pub fn check_kept(text: &str, lang: Lang) -> Result<Query, String> {
    if text.chars().nth(MAX_QUERY_CHARS).is_some() {
        return Err(i18n::query_too_long(lang, MAX_QUERY_CHARS));
    }
    refusal(text, lang)
}

/// The query for `text` as the search core parses it, or why the core refuses it (in
/// words that fit the prompt line, [`crate::search::query_error_brief`]).
fn refusal(text: &str, lang: Lang) -> Result<Query, String> {
    // The search core's limits on terms and length; a blank query is no refusal here (the
    // reader shows every article).
    match Query::try_parse(text) {
        Err(
            e @ (QueryError::TooLong { .. }
            | QueryError::TooManyTerms { .. }
            | QueryError::BadValue { .. }
            | QueryError::Negated { .. }
            | QueryError::NegatedAlternative { .. }),
        ) => Err(crate::search::query_error_brief(&e, lang)),
        _ => Ok(Query::parse(text)),
    }
}

/// Removes `range` from `text`, leaving the cursor at its start.
fn remove(text: &mut String, cursor: &mut usize, range: std::ops::Range<usize>) -> Edit {
    *cursor = range.start;
    if range.is_empty() {
        return Edit::Moved;
    }
    text.replace_range(range, "");
    Edit::Changed { cut: false }
}

/// At most `room` characters of `input`, control characters made spaces; true when some
/// were left out. Reads no further into `input` than it keeps.
fn fit(input: &str, room: usize) -> (String, bool) {
    let mut out = String::with_capacity(input.len().min(room.saturating_mul(4)));
    for (taken, c) in input.chars().enumerate() {
        if taken == room {
            return (out, true);
        }
        out.push(if c.is_control() { ' ' } else { c });
    }
    (out, false)
}

/// The number of characters in `text`: the line is at most [`MAX_QUERY_CHARS`] long, so
/// counting is bounded.
fn chars(text: &str) -> usize {
    text.chars().count()
}

/// The start of the grapheme before the end of `s`.
pub(super) fn prev(s: &str) -> usize {
    s.graphemes(true)
        .next_back()
        .map_or(0, |g| s.len() - g.len())
}

/// The length of the grapheme at the start of `s`.
pub(super) fn next(s: &str) -> usize {
    s.graphemes(true).next().map_or(0, str::len)
}

/// The `Ctrl-W` rule: back over spaces, then over one run of non-spaces.
fn word_start(head: &str) -> usize {
    head.trim_end_matches(' ')
        .trim_end_matches(|c| c != ' ')
        .len()
}

/// `at`, moved back to a character boundary of `text` (and into it).
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, cursor: usize, action: Action) -> (String, usize, Edit) {
        let (mut text, mut cursor) = (text.to_string(), cursor);
        let edit = apply(&mut text, &mut cursor, &action);
        (text, cursor, edit)
    }

    #[test]
    fn edits_by_grapheme_and_by_word() {
        let s = "朝阳 工会e\u{301}";
        assert_eq!(
            run(s, s.len(), Action::SearchBackspace),
            (
                "朝阳 工会".into(),
                "朝阳 工会".len(),
                Edit::Changed { cut: false }
            )
        );
        assert_eq!(run(s, s.len(), Action::SearchDeleteWord).0, "朝阳 ");
        assert_eq!(run(s, 0, Action::SearchDelete).0, "阳 工会e\u{301}");
        assert_eq!(run(s, 0, Action::SearchWordRight).1, "朝阳".len());
        assert_eq!(run(s, 0, Action::SearchBackspace).2, Edit::Moved);
        assert_eq!(run(s, 3, Action::OpenPicker).2, Edit::Ignored);
    }

    #[test]
    fn input_is_cut_at_the_limit_and_controls_become_spaces() {
        let (text, cursor, edit) = run("ab", 1, Action::SearchInput("x\ty\n".into()));
        assert_eq!(
            (text.as_str(), cursor, edit),
            ("ax y b", 5, Edit::Changed { cut: false })
        );
        let big = "字".repeat(MAX_QUERY_CHARS * 3);
        let (text, cursor, edit) = run("ab", 2, Action::SearchInput(big));
        assert_eq!(text.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(cursor, text.len());
        assert_eq!(edit, Edit::Changed { cut: true });
        // Full: more typing is left out, and said to be.
        let (again, _, edit) = run(&text, 0, Action::SearchInput("z".into()));
        assert_eq!((again == text, edit), (true, Edit::Full));
    }
}
