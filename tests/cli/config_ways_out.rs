//! The config file, from a hands-on test (session 32):
//! - it could unbind both `q` and `Ctrl-C` (`[keys.list] "q" = "none" "ctrl-c" = "none"`),
//!   leaving no way to quit: `ctrl-c` quits from everywhere and a file that binds it to
//!   anything else is refused at its line and column, saying why;
//! - `kanbao config --default` named the key modes `list、reader、search、picker、help`,
//!   without `note` and `tags`;
//! - a `data` path it sets that is not there was named without saying that the config file
//!   set it: the error now gives the file, line and column that did.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use crate::support;

use std::path::Path;
use std::process::Output;

use support::cli::{kanbao_in, stderr, stdout};

/// `kanbao --config DIR/config.toml args…` with `text` as the config file, and nothing of
/// the user's.
fn with_config(dir: &Path, text: &str, args: &[&str]) -> Output {
    let config = dir.join("config.toml");
    std::fs::write(&config, text).unwrap();
    kanbao_in(dir)
        .arg("--config")
        .arg(&config)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_config_file_cannot_take_ctrl_c_away() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    for (text, place, key, mode) in [
        (
            "[keys.list]\n\"q\" = \"none\"\n\"ctrl-c\" = \"none\"\n",
            ":3:1",
            "ctrl-c",
            "list",
        ),
        (
            "[keys.reader]\n\"Ctrl-C\" = \"help\"\n",
            ":2:1",
            "Ctrl-C",
            "reader",
        ),
        (
            "[keys.note]\n\"ctrl-c\" = \"none\"\n",
            ":2:1",
            "ctrl-c",
            "note",
        ),
    ] {
        let out = with_config(dir.path(), text, &["list"]);
        assert_eq!(out.status.code(), Some(2), "{text}");
        let want = format!(
            "kanbao: {}{place}：配置文件有误：[keys.{mode}] 中的 `{key}` 不能改：ctrl-c 在任何地方都是退出，保证总有办法离开；请删去这一行\n",
            config.display()
        );
        assert_eq!(stderr(&out), want, "{text}");
    }
    let out = with_config(
        dir.path(),
        "[keys.list]\n\"ctrl-c\" = \"none\"\n",
        &["list", "--lang", "en"],
    );
    assert!(
        stderr(&out).contains(
            "config.toml:2:1: in the config file: `ctrl-c` in [keys.list] cannot be changed: \
             ctrl-c quits from everywhere, so that there is always a way out; remove this line"
        ),
        "{}",
        stderr(&out)
    );
    // Bound to what it does anyway, it is no change, and `q` may go.
    let out = with_config(
        dir.path(),
        "[keys.list]\n\"q\" = \"none\"\n\"ctrl-c\" = \"quit\"\n",
        &["list"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn the_default_config_names_every_key_mode() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, line) in [
        (
            "zh",
            "# 按键，按模式分（list、reader、search、picker、help、note、tags）：\"键\" = \"动作\"。",
        ),
        (
            "en",
            "# Keys, per mode (list, reader, search, picker, help, note, tags):",
        ),
    ] {
        let out = with_config(dir.path(), "", &["config", "--default", "--lang", lang]);
        assert_eq!(out.status.code(), Some(0));
        let text = stdout(&out);
        assert!(text.lines().any(|l| l == line), "{text}");
        // Every mode named there has its line of actions.
        for mode in ["note", "tags"] {
            assert!(text.contains(&format!("#   {mode}: ")), "{text}");
        }
    }
}

#[test]
fn a_missing_data_path_names_the_config_line_that_set_it() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let missing = dir.path().join("archive");
    let text = format!("lang = \"zh\"\ndata = \"{}\"\n", missing.display());
    for args in [&["list"][..], &["search", "工会"], &["show", "1"]] {
        let out = with_config(dir.path(), &text, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr(&out),
            format!(
                "kanbao: {}:2:8：配置文件的 data 设了这个路径：{}：找不到该文件或文件夹\n",
                config.display(),
                missing.display()
            ),
            "{args:?}"
        );
    }
    // The second path of a list, in English.
    let text = format!(
        "data = [\"{}\", \"{}\"]\n",
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data/articles.json")
            .display(),
        missing.display()
    );
    let out = with_config(dir.path(), &text, &["list", "--lang", "en"]);
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "kanbao: {}:1:{}: set by the config file's data: {}: ",
            config.display(),
            text.find(", \"").unwrap() + 3,
            missing.display()
        )),
        "{err}"
    );
    // The same path from --data is the command line's: no config file is named.
    let out = with_config(
        dir.path(),
        "",
        &["--data", missing.to_str().unwrap(), "list"],
    );
    assert_eq!(
        stderr(&out),
        format!("kanbao: {}：找不到该文件或文件夹\n", missing.display())
    );
}

/// `state = true`, which the refusal of a note in a reader with `state = false` says to
/// write, is the default place.
#[test]
fn state_true_is_the_default_place() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "state = true\n").unwrap();
    let out = support::cli::kanbao_as(
        "config-ways-out",
        &["--config", config.to_str().unwrap(), "config"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let state = stdout(&out)
        .lines()
        .find(|l| l.starts_with("state = "))
        .unwrap()
        .to_owned();
    assert!(state.contains("kanbao/state.json"), "{state}");
    assert!(state.ends_with("# 来自配置文件"), "{state}");
    std::fs::write(&config, "state = 1\n").unwrap();
    let out = support::cli::kanbao_as(
        "config-ways-out",
        &["--config", config.to_str().unwrap(), "config"],
    );
    assert!(
        stderr(&out).contains("或 true（保存在默认位置）"),
        "{}",
        stderr(&out)
    );
}
