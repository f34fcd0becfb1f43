//! The words of notes and tags, in Chinese and English (each message's two languages on one
//! line, beside what they describe, so that `i18n` stays a leaf).

use super::{MAX_NOTE_BYTES, MAX_TAG_CHARS, ReviewError};
use crate::error::shown;
use crate::i18n::Lang;
use crate::state::Off;

/// The words of a [`ReviewError`].
pub fn review_error_text(error: &ReviewError, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match error {
        ReviewError::NoState(Off::Flag) if zh => "--no-state 不保存阅读状态，审读意见和标签无处保存：去掉 --no-state，或用 --state PATH 指定状态文件".to_owned(),
        ReviewError::NoState(Off::Flag) => "--no-state keeps no reading state, so a note or tag has nowhere to go: drop --no-state, or give --state PATH".to_owned(),
        ReviewError::NoState(Off::Config) if zh => "配置文件里 state = false，不保存阅读状态，审读意见和标签无处保存：改为 state = true，或用 --state PATH 指定状态文件".to_owned(),
        ReviewError::NoState(Off::Config) => "the config file says state = false, keeping no reading state, so a note or tag has nowhere to go: set state = true, or give --state PATH".to_owned(),
        ReviewError::StateReadOnly if zh => "状态文件不能写入（原因见上面的提示），审读意见和标签没有保存".to_owned(),
        ReviewError::StateReadOnly => "the state file cannot be written (see the warning above); the note or tag was not saved".to_owned(),
        ReviewError::BadTag { given } if zh => format!("标签 `{}` 无效：写作 +标签（加上）或 -标签（去掉），标签不能为空、不含空白和控制字符、最多 {MAX_TAG_CHARS} 个字，例如 kanbao tag 3 +待核实 -已审", shown(given)),
        ReviewError::BadTag { given } => format!("bad tag `{}`: write +tag to add or -tag to remove; a tag is not blank, has no white space or control characters and at most {MAX_TAG_CHARS} characters, e.g. kanbao tag 3 +待核实 -已审", shown(given)),
        ReviewError::NoteTooLong { bytes } if zh => format!("审读意见太长（{bytes} 字节，最多 {MAX_NOTE_BYTES}）：请缩短后再保存"),
        ReviewError::NoteTooLong { bytes } => format!("the note is too long ({bytes} bytes, at most {MAX_NOTE_BYTES}): shorten it and save again"),
        ReviewError::Editor { program, reason } if zh => format!("编辑器 `{}` 没有正常结束（{reason}），审读意见未改动；可用 EDITOR 或 VISUAL 指定编辑器", shown(program)),
        ReviewError::Editor { program, reason } => format!("the editor `{}` did not end well ({reason}); the note is unchanged. Set EDITOR or VISUAL to choose one", shown(program)),
    }
}

/// Said on stderr when a note was saved.
pub fn note_saved(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Zh => format!("已保存文章 {} 的审读意见", shown(id)),
        Lang::En => format!("note on article {} saved", shown(id)),
    }
}

/// Said on stderr when a note was cleared.
pub fn note_cleared(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Zh => format!("已清除文章 {} 的审读意见", shown(id)),
        Lang::En => format!("note on article {} cleared", shown(id)),
    }
}

/// Said on stderr when the editor left the note as it was.
pub fn note_unchanged(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Zh => format!("文章 {} 的审读意见没有改动", shown(id)),
        Lang::En => format!("note on article {} unchanged", shown(id)),
    }
}

/// Said on stderr when an article has no note (exit status 1).
pub fn no_note(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "文章 {} 没有审读意见；用 kanbao note {} 文字 写一条",
            shown(id),
            shown(id)
        ),
        Lang::En => format!(
            "article {} has no note; kanbao note {} TEXT writes one",
            shown(id),
            shown(id)
        ),
    }
}

/// Said on stderr when an article has no tags (exit status 1).
pub fn no_tags(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "文章 {} 没有标签；用 kanbao tag {} +标签 加上",
            shown(id),
            shown(id)
        ),
        Lang::En => format!(
            "article {} has no tags; kanbao tag {} +TAG adds one",
            shown(id),
            shown(id)
        ),
    }
}
