//! The words of the reader's mark filters (`B`, `U`, `N`), one name each, which the
//! header (`只看：已收藏 未读 有审读意见`) and a report's title (`审读报告：已收藏 · 有审读意见`)
//! share: an article with a note is "有审读意见" / "with a note" everywhere, as the help's
//! `N` line says it.

use super::Lang;

/// Only bookmarked articles.
pub fn only_bookmarked(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "已收藏",
        Lang::En => "bookmarked",
    }
}

/// Only unread articles.
pub fn only_unread(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "未读",
        Lang::En => "unread",
    }
}

/// Only articles with a note (审读意见).
pub fn with_note(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "有审读意见",
        Lang::En => "with a note",
    }
}
