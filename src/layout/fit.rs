//! Messages cut to the room the status bar has.

use crate::layout::{AmbiguousWidth, cut_to_width, display_width};

/// A status message cut to `room` columns. One that names an article in 《》 (see
/// [`crate::i18n::about`]) keeps its closing 》: the title inside is cut instead, with `…`. Others are
/// cut at the end, with `…`.
pub fn fit_message(message: &str, room: usize, amb: AmbiguousWidth) -> String {
    if display_width(message, amb) <= room {
        return message.to_string();
    }
    if let Some(inner) = message.strip_suffix('》')
        && let Some(open) = inner.rfind('《')
    {
        let (head, title) = inner.split_at(open + '《'.len_utf8());
        let fixed = display_width(head, amb) + display_width("》", amb);
        // Room for at least `…` (two columns when ambiguous characters are wide).
        if room >= fixed + 2 {
            return format!("{head}{}》", cut_to_width(title, room - fixed, amb));
        }
    }
    cut_to_width(message, room, amb)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Msg};

    #[test]
    fn a_cut_message_keeps_the_closing_bracket() {
        let n = AmbiguousWidth::Narrow;
        let msg = crate::i18n::about(Lang::Zh, Msg::Unbookmarked, "大兴区天宫院街道“党工共建”");
        assert_eq!(fit_message(&msg, 80, n), msg);
        let cut = fit_message(&msg, 24, n);
        assert_eq!(cut, "已取消收藏《大兴区天…》");
        assert!(display_width(&cut, n) <= 24);
        for room in 0..40 {
            for amb in [n, AmbiguousWidth::Wide] {
                let cut = fit_message(&msg, room, amb);
                assert!(display_width(&cut, amb) <= room.max(2), "{room}: {cut}");
                if room >= 16 {
                    assert!(cut.ends_with('》'), "{room}: {cut}");
                }
            }
        }
        // English names the title last: cut at the end.
        let en = crate::i18n::about(Lang::En, Msg::Unbookmarked, "A long title of an article");
        assert_eq!(fit_message(&en, 24, n), "Bookmark removed: A lon…");
    }
}
