//! The status line when `Ctrl-Z` cannot suspend the reader.

use super::Lang;

/// `Ctrl-Z` where no shell with job control could bring the reader back (`ssh host kanbao`,
/// a tmux window that runs kanbao itself): a stop would last for ever, so the reader goes on.
pub fn not_suspended(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "不能挂起：这里没有能用 fg 恢复它的 shell（作业控制）",
        Lang::En => "cannot suspend: no shell with job control here to resume it with fg",
    }
}
