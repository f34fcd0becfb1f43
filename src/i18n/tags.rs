//! The words of the reader's tag picker (issue 14).

use super::Lang;

/// The picker's title: `标签：<title>`.
pub fn tags_title(lang: Lang, title: &str) -> String {
    match lang {
        Lang::Zh => format!("标签：{title}"),
        Lang::En => format!("Tags: {title}"),
    }
}

/// The input row's label before the typed text.
pub fn tags_new_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "新标签：",
        Lang::En => "New tag: ",
    }
}

/// No article to tag.
pub fn tags_no_article(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "没有可加标签的文章",
        Lang::En => "no article to tag",
    }
}

/// A mark refused on an article that could not be read (it stands in for it, with no id).
pub fn stand_in_unmarked(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "这篇文章无法读取，不能加书签、标为已读或未读、加标签或写审读意见",
        Lang::En => "this article cannot be read: it takes no bookmark, read mark, tag or note",
    }
}

/// A tag was put on.
pub fn tag_added(lang: Lang, tag: &str) -> String {
    match lang {
        Lang::Zh => format!("已加标签 {tag}"),
        Lang::En => format!("tag {tag} added"),
    }
}

/// A tag was taken off.
pub fn tag_removed(lang: Lang, tag: &str) -> String {
    match lang {
        Lang::Zh => format!("已去掉标签 {tag}"),
        Lang::En => format!("tag {tag} removed"),
    }
}
