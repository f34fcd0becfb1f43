//! The words of `kanbao index` and of notes about the index, in Chinese and English.

use crate::i18n::Lang;
use crate::index::open::Unread;

/// A note about the search index (`kanbao index`, or an indexed command), for stderr.
pub fn index_note(note: &crate::index::Note, lang: Lang) -> String {
    use crate::index::Note;
    match (note, lang) {
        (Note::Rebuilt { path, reason }, Lang::Zh) => {
            format!("{} 的索引已损坏（{reason}），正在重建", path.display())
        }
        (Note::Rebuilt { path, reason }, Lang::En) => format!(
            "the index of {} was damaged ({reason}); building it again",
            path.display()
        ),
        (Note::Unusable { reason }, Lang::Zh) => {
            format!("索引不可用（{reason}），改为读取整个归档")
        }
        (Note::Unusable { reason }, Lang::En) => {
            format!("the index cannot be used ({reason}); reading the whole archive instead")
        }
    }
}

/// Said on stderr before `kanbao index` waits for another kanbao that is building the
/// index of the data file `path` (its index is then up to date, and not built again).
pub fn index_waiting(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("另一个 kanbao 正在建立 {path} 的索引，等它完成……"),
        Lang::En => format!("waiting for another kanbao that is indexing {path}…"),
    }
}

/// One line of `kanbao index` progress: file `n` of `files`, articles, MB read, MB/s.
pub fn index_progress(
    lang: Lang,
    (n, files): (usize, usize),
    articles: u64,
    mb: f64,
    mb_per_s: f64,
) -> String {
    match lang {
        Lang::Zh => format!("索引 文件 {n}/{files}  {articles} 篇  {mb:.1} MB  {mb_per_s:.1} MB/s"),
        Lang::En => format!(
            "indexing file {n}/{files}  {}  {mb:.1} MB  {mb_per_s:.1} MB/s",
            crate::i18n::articles(lang, articles)
        ),
    }
}

/// The last line of `kanbao index`.
pub fn index_done(lang: Lang, report: &crate::index::Report, seconds: f64) -> String {
    let mb = report.bytes as f64 / 1e6;
    match lang {
        Lang::Zh => format!(
            "索引完成：{} 个文件（新建 {} 个），{} 篇，{mb:.1} MB，用时 {seconds:.1} 秒",
            report.files, report.built, report.articles
        ),
        Lang::En => format!(
            "index ready: {} file{} ({} built now), {}, {mb:.1} MB, {seconds:.1} s",
            report.files,
            if report.files == 1 { "" } else { "s" },
            report.built,
            crate::i18n::articles(lang, report.articles)
        ),
    }
}

/// The title and text of an article of an indexed archive that could not be read.
pub fn unreadable(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::Zh => format!("（无法读取这篇文章：{reason}；可运行 kanbao index 重建索引）"),
        Lang::En => format!("(this article cannot be read: {reason}; try kanbao index)"),
    }
}

/// The title and text of an article of an indexed archive that could not be read, from
/// why: the index failed ([`unreadable`]), or its JSON changed since it was indexed (the
/// error, which names its place in the file and says what to do).
pub fn unread(lang: Lang, why: &Unread) -> String {
    match (lang, why) {
        (_, Unread::Failed(reason)) => unreadable(lang, reason),
        (Lang::Zh, Unread::Changed(_)) => format!("（无法读取这篇文章：{}）", reason(lang, why)),
        (Lang::En, Unread::Changed(_)) => {
            format!("(this article cannot be read: {})", reason(lang, why))
        }
    }
}

/// Said when a search of the reader could not read `n` of the articles it had to check,
/// the first for `why`: they are among its results, unchecked.
pub fn unread_in_search(lang: Lang, n: usize, why: &Unread) -> String {
    let reason = reason(lang, why);
    match lang {
        Lang::Zh => format!("{n} 篇文章无法读取，未经核对列入结果：{reason}"),
        Lang::En => {
            format!("{n} article(s) could not be read and are listed unchecked: {reason}")
        }
    }
}

/// Said when the reader could not read its index (`reason`) for a search, a filter, a
/// count, a day or a place: what it shows may be missing articles, not because there are
/// none. Said once, in the status bar (see `crate::library::Library::take_trouble`).
pub fn index_unread(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::Zh => {
            format!("无法读取索引（{reason}），显示的内容可能不全；可运行 kanbao index 重建索引")
        }
        Lang::En => format!(
            "the index cannot be read ({reason}); what is shown may be incomplete; try kanbao index"
        ),
    }
}

/// Why an article could not be read, and what to do.
fn reason(lang: Lang, why: &Unread) -> String {
    match (lang, why) {
        (_, Unread::Changed(e)) => crate::error::error_text(e, lang),
        (Lang::Zh, Unread::Failed(reason)) => format!("{reason}；可运行 kanbao index 重建索引"),
        (Lang::En, Unread::Failed(reason)) => format!("{reason}; try kanbao index"),
    }
}

/// Said before an archive is indexed on its first use.
pub fn first_index(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("首次打开 {path}，正在建立索引（只需一次；--no-index 可跳过）"),
        Lang::En => format!("indexing {path} on first use (once only; --no-index skips it)"),
    }
}

/// The indexing screen's last line: how to leave it.
pub fn leave_hint(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "q、Esc 或 Ctrl-C 离开（索引下次再建）",
        Lang::En => "q, Esc or Ctrl-C to leave (indexing starts again next time)",
    }
}

/// Said when the user left the indexing screen.
pub fn left_indexing(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "索引未完成，下次打开时重新建立（加 --no-index 可不建索引直接读取）",
        Lang::En => "indexing stopped; it starts again next time (--no-index reads without it)",
    }
}
