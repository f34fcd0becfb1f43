//! The words of the state file's warnings and errors, in Chinese and English.

use crate::i18n::{Lang, Msg};
use crate::state::{NotState, StateError, Unsaved, Warning, unsaved_text};

/// A warning about the state file (reading goes on), for stderr and the status bar.
pub fn warning_text(warning: &Warning, lang: Lang) -> String {
    match (warning, lang) {
        (
            Warning::MovedAside {
                path,
                moved_to,
                reason,
            },
            Lang::Zh,
        ) => format!(
            "无法读取状态文件 {}（{reason}）；已移到 {}，阅读记录从空开始",
            path.display(),
            moved_to.display()
        ),
        (
            Warning::MovedAside {
                path,
                moved_to,
                reason,
            },
            Lang::En,
        ) => format!(
            "state file {} could not be read ({reason}); moved it to {} and started with no \
             reading marks",
            path.display(),
            moved_to.display()
        ),
        (Warning::Unreadable { path, reason }, Lang::Zh) => format!(
            "无法读取状态文件 {}（{reason}）；本次的阅读记录不会保存",
            path.display()
        ),
        (Warning::Unreadable { path, reason }, Lang::En) => format!(
            "state file {} could not be read ({reason}); reading marks will not be saved this \
             session",
            path.display()
        ),
        (Warning::NewerVersion { path, version }, Lang::Zh) => format!(
            "状态文件 {} 是更新版本的 kanbao 写的（版本 {version}）；只读，改动不会保存",
            path.display()
        ),
        (Warning::NewerVersion { path, version }, Lang::En) => format!(
            "state file {} has version {version}, written by a newer kanbao; it is read only \
             and changes will not be saved",
            path.display()
        ),
        (Warning::NoDefaultPath, Lang::Zh) => {
            "找不到存放状态文件的文件夹（是否设置了 HOME？）；请用 --state PATH；阅读记录不会保存"
                .to_string()
        }
        (Warning::NoDefaultPath, Lang::En) => "no folder for the state file was found (is HOME \
                                                set?); use --state PATH; reading marks will not \
                                                be saved"
            .to_string(),
        (Warning::Damaged { path, reason }, Lang::Zh) => format!(
            "状态文件 {} 已损坏（{reason}）；未作改动，也没有从中读取阅读记录（阅读器下次启动时会把它移到一边）",
            path.display()
        ),
        (Warning::Damaged { path, reason }, Lang::En) => format!(
            "state file {} is damaged ({reason}); it was left as it is and no marks were read \
             from it (the reader moves it aside when it next starts)",
            path.display()
        ),
    }
}

/// Why saving the reading marks failed (the file on disk is the old one, whole); the
/// status bar puts [`Msg::SaveFailed`] before it.
pub fn state_error_text(error: &StateError, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match error {
        StateError::Io {
            action,
            path,
            source,
        } if zh => format!(
            "{} {}：{}",
            action_text(action, lang),
            path.display(),
            reason_text(source, lang)
        ),
        StateError::Io {
            action,
            path,
            source,
        } => format!("{action} {}: {}", path.display(), reason_text(source, lang)),
        StateError::Locked { lock } if zh => {
            format!("另一个 kanbao 占用着 {}；请稍后再试", lock.display())
        }
        StateError::Locked { lock } => {
            format!("another kanbao holds {}; try again later", lock.display())
        }
        StateError::NewerVersion { path, version } if zh => format!(
            "{} 已被更新版本的 kanbao 写过（版本 {version}），保持原样",
            path.display()
        ),
        StateError::NewerVersion { path, version } => format!(
            "{} now has version {version}, written by a newer kanbao; it is left as it is",
            path.display()
        ),
        StateError::Encode(e) => e.to_string(),
        StateError::NotState { path, found } if zh => format!(
            "{} 不是 kanbao 的状态文件（{}），kanbao 没有改动它；请用 --state 指定状态文件或一个新路径，\
             或用 --no-state",
            path.display(),
            match found {
                NotState::Folder => "是一个文件夹",
                NotState::Device => "是一个设备",
                NotState::Fifo => "是一个命名管道",
                NotState::Special => "是一个特殊文件",
                NotState::Empty => "是空文件",
                NotState::Content => "内容不是 kanbao 的阅读记录",
            }
        ),
        StateError::NotState { path, found } => format!(
            "{} is not a kanbao state file ({}); it was left as it is. Give --state a state \
             file or a new path, or use --no-state",
            path.display(),
            match found {
                NotState::Folder => "a folder",
                NotState::Device => "a device",
                NotState::Fifo => "a named pipe",
                NotState::Special => "a special file",
                NotState::Empty => "an empty file",
                NotState::Content => "its content is not kanbao's reading state",
            }
        ),
        StateError::Damaged { path, reason } if zh => format!(
            "状态文件 {} 已损坏（{reason}），kanbao 没有改动它，这次的改动也没有保存。\
             请修复这个文件（如从备份恢复）；或打开阅读器（kanbao），阅读器会把它移到一边、\
             从空的阅读记录开始；或用 --state 指定另一个状态文件",
            path.display()
        ),
        StateError::Damaged { path, reason } => format!(
            "state file {} is damaged ({reason}); it was left as it is and nothing was changed. \
             Repair the file (restore it from a backup), or open the reader (kanbao), which \
             moves it aside and starts with no reading marks, or give --state another state \
             file",
            path.display()
        ),
        StateError::TooLarge { path, limit } if zh => format!(
            "状态文件 {} 超过 kanbao 读取的上限 {limit} 字节，kanbao 没有读取或改动它；\
             请把它移走，或用 --state 指定另一个路径",
            path.display()
        ),
        StateError::TooLarge { path, limit } => format!(
            "state file {} is larger than the {limit} bytes kanbao reads; it was left as it \
             is. Move it away, or give --state another path",
            path.display()
        ),
    }
}

/// A failed save for the status bar: the reason first, then what was being done to which
/// file, so that a narrow bar cuts the path and not the reason.
pub fn save_failed_status(error: &StateError, lang: Lang) -> String {
    let prefix = Msg::SaveFailed.text(lang);
    match error {
        StateError::Io {
            action,
            path,
            source,
        } if lang == Lang::Zh => format!(
            "{prefix}{}（{} {}）",
            reason_text(source, lang),
            action_text(action, lang),
            path.display()
        ),
        StateError::Io {
            action,
            path,
            source,
        } => format!(
            "{prefix}{} ({action} {})",
            reason_text(source, lang),
            path.display()
        ),
        other => format!("{prefix}{}", state_error_text(other, lang)),
    }
}

/// The question the reader asks when the user quits and the marks could not be saved: what
/// is not saved (`1 条审读意见、1 个收藏未保存`), the `keys` that answer it
/// (`keys::quit_hints`), then the reason, so a narrow bar cuts the reason and not the
/// choice.
pub fn quit_unsaved(error: &StateError, unsaved: &Unsaved, keys: &str, lang: Lang) -> String {
    let reason = match error {
        StateError::Io { source, .. } => reason_text(source, lang),
        other => state_error_text(other, lang),
    };
    let what = unsaved_text(unsaved, lang);
    match (lang, what) {
        (Lang::Zh, Some(what)) => format!("{what}未保存 — {keys} — {reason}"),
        (Lang::Zh, None) => format!("阅读记录未保存 — {keys} — {reason}"),
        (Lang::En, Some(what)) => format!("{what} not saved — {keys} — {reason}"),
        (Lang::En, None) => format!("Reading marks not saved — {keys} — {reason}"),
    }
}

/// After the reader quit without its marks (or a signal ended it): the failed save
/// (`error_text`, as [`Error::State`](crate::error::Error::State) says it) and what was not
/// saved.
pub fn unsaved_at_exit(error_text: &str, unsaved: &Unsaved, lang: Lang) -> String {
    match (lang, unsaved_text(unsaved, lang)) {
        (Lang::Zh, Some(what)) => format!("{error_text}；本次的阅读记录没有保存：{what}"),
        (Lang::Zh, None) => format!("{error_text}；本次的阅读记录没有保存"),
        (Lang::En, Some(what)) => {
            format!("{error_text}; this session's reading marks were not saved: {what}")
        }
        (Lang::En, None) => format!("{error_text}; this session's reading marks were not saved"),
    }
}

/// What kanbao was doing to a state file (the actions `disk.rs` and `save.rs` name), in
/// `lang`: a Chinese message held an English fragment (`open the lock file`).
fn action_text(action: &'static str, lang: Lang) -> &'static str {
    if lang == Lang::En {
        return action;
    }
    match action {
        "create a temporary file in" => "在其中新建临时文件",
        "create the folder" => "新建文件夹",
        "follow the link" => "读取链接",
        "lock" => "锁定",
        "move aside" => "移到一边",
        "open the lock file" => "打开锁文件",
        "read" => "读取",
        "replace" => "替换",
        "save" => "保存",
        "sync the folder" => "同步文件夹",
        "write" => "写入",
        other => other,
    }
}

/// The system's reason, short and in `lang` for the common ones, so that a narrow status
/// bar shows it whole (`Permission denied (os error 13)` was cut to `Perm…`).
fn reason_text(source: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind;
    let (zh, en) = match source.kind() {
        ErrorKind::PermissionDenied => ("没有权限", "permission denied"),
        ErrorKind::NotFound => ("找不到", "not found"),
        ErrorKind::StorageFull => ("磁盘已满", "no space left on the disk"),
        ErrorKind::ReadOnlyFilesystem => ("文件系统只读", "read-only file system"),
        _ => return source.to_string(),
    };
    match lang {
        Lang::Zh => zh.to_owned(),
        Lang::En => en.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn denied() -> StateError {
        StateError::Io {
            action: "open the lock file",
            path: PathBuf::from("/ro/s.json.lock"),
            source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        }
    }

    #[test]
    fn a_failed_file_operation_is_said_in_the_users_language() {
        let e = denied();
        assert_eq!(
            state_error_text(&e, Lang::Zh),
            "打开锁文件 /ro/s.json.lock：没有权限"
        );
        assert_eq!(
            state_error_text(&e, Lang::En),
            "open the lock file /ro/s.json.lock: permission denied"
        );
        // The reason first and short, so a 60-column bar keeps it.
        let status = save_failed_status(&e, Lang::Zh);
        assert!(
            status.starts_with("保存阅读记录失败：没有权限（打开锁文件 "),
            "{status}"
        );
        let none = Unsaved::default();
        assert!(quit_unsaved(&e, &none, "r 重试", Lang::Zh).ends_with("— 没有权限"));
        let one = Unsaved {
            notes: 1,
            bookmarks: 2,
            ..Unsaved::default()
        };
        assert_eq!(
            quit_unsaved(&e, &one, "r 重试", Lang::Zh),
            "1 条审读意见、2 个收藏未保存 — r 重试 — 没有权限"
        );
        assert_eq!(
            quit_unsaved(&e, &one, "r retry", Lang::En),
            "1 note, 2 bookmarks not saved — r retry — permission denied"
        );
        // A reason kanbao has no words for is the system's.
        let other = StateError::Io {
            action: "write",
            path: PathBuf::from("s.json"),
            source: std::io::Error::other("odd"),
        };
        assert_eq!(state_error_text(&other, Lang::Zh), "写入 s.json：odd");
    }
}
