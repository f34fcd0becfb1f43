//! The words of the reader's note editor (issue 14).

use super::Lang;

/// The editor's title: `审读意见：<title>`.
pub fn note_editor_title(lang: Lang, title: &str) -> String {
    match lang {
        Lang::Zh => format!("审读意见：{title}"),
        Lang::En => format!("Note: {title}"),
    }
}

/// `Esc` with changes: the question the editor's last row asks.
pub fn note_discard_question(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "放弃修改？y 或 Esc 放弃，其他键继续编辑",
        Lang::En => "Discard changes? y or Esc discards, any other key edits on",
    }
}

/// Text typed or pasted past the note's limit of `max` bytes was left out.
pub fn note_cut(lang: Lang, max: usize) -> String {
    let kib = max / 1024;
    match lang {
        Lang::Zh => format!("审读意见最长 {kib} KiB，超出的部分没有加入"),
        Lang::En => format!("a note holds at most {kib} KiB: the rest was left out"),
    }
}

/// The note was saved.
pub fn note_kept(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "审读意见已保存",
        Lang::En => "Note saved",
    }
}

/// An empty note was saved: the note is gone.
pub fn note_removed(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "审读意见已删除",
        Lang::En => "Note removed",
    }
}

/// Saved as it was.
pub fn note_same(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "审读意见未改动",
        Lang::En => "Note unchanged",
    }
}

/// Changes dropped after the question.
pub fn note_discarded(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "已放弃对审读意见的修改",
        Lang::En => "Changes to the note discarded",
    }
}

/// `a` with no article to write on.
pub fn note_no_article(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "没有可写审读意见的文章",
        Lang::En => "No article to write a note on",
    }
}

/// The list's mark of an article with a 审读意见 (note), under its other marks: `注`, or
/// `N` in English (the key `N` keeps only such articles).
pub fn note_mark(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "注",
        Lang::En => "N",
    }
}
