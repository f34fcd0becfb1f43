//! `kanbao config --default`: a config file with every line commented out, so that saved as
//! the config file it loads and changes nothing; each commented line, uncommented, holds
//! the default (or an example, where there is no default to write). The words of this
//! document are kept here, in both languages, rather than line by line in `i18n`.

use std::fmt::Write;
use std::path::Path;

use crate::i18n::Lang;
use crate::settings::colors;
use crate::settings::keys;

/// The template, its comments in `lang`; `path` is where it would be read from.
pub fn template(lang: Lang, path: Option<&Path>) -> String {
    let zh = lang == Lang::Zh;
    let t = |zh_text: &'static str, en_text: &'static str| if zh { zh_text } else { en_text };
    let mut out = String::new();
    out.push_str(t("# kanbao 的配置文件", "# kanbao's config file"));
    if let Some(path) = path {
        let _ = write!(
            out,
            "{}{}",
            t("，保存为：\n#   ", ", to be saved as:\n#   "),
            path.display()
        );
    }
    out.push('\n');
    out.push_str(t(
        "# 每一行都已注释掉，原样保存不会改变任何设置；去掉行首的 # 即启用该行。\n\
         # 命令行优先于环境变量（KANBAO_DATA），环境变量优先于本文件。\n",
        "# Every line is commented out: saved as it is, it changes nothing. Remove a\n\
         # line's leading # to use it. The command line wins over the environment\n\
         # (KANBAO_DATA), which wins over this file.\n",
    ));
    out.push_str(t(
        "\n# 未给 --data 时读取的文章：一个 JSON 或 JSON Lines 文件，或一个文件夹；\n\
         # 多个时写成数组。相对路径从本文件所在的文件夹算起，~/ 指主目录。\n\
         # 不写则读内置的一版。\n",
        "\n# The articles read when no --data is given: a JSON or JSON Lines file, or a\n\
         # folder; several in an array. A relative path is taken from this file's folder;\n\
         # ~/ is the home folder. Without it, the bundled page is read.\n",
    ));
    out.push_str("# data = \"~/news\"\n# data = [\"~/news/2024\", \"~/news/2025\"]\n");
    out.push_str(t(
        "\n# 界面语言：\"zh\" 或 \"en\"。\n",
        "\n# Interface language: \"zh\" or \"en\".\n",
    ));
    out.push_str("# lang = \"zh\"\n");
    out.push_str(t(
        "\n# 东亚“宽度不定”字符（“ ” … — ·）占几列：1、2，或 \"auto\"（启动时询问终端）。\n",
        "\n# Columns taken by East Asian Ambiguous characters (“ ” … — ·): 1, 2, or\n\
         # \"auto\" (ask the terminal at start).\n",
    ));
    out.push_str("# ambiguous_width = 1\n");
    out.push_str(t(
        "\n# 让鼠标滚轮滚动、点击选择（此时终端自己的选取要按住 Shift）。\n",
        "\n# Let the mouse wheel scroll and clicks select (the terminal's own selection\n\
         # then needs Shift).\n",
    ));
    out.push_str("# mouse = false\n");
    out.push_str(t(
        "\n# 阅读状态（收藏、已读、审读意见、标签）保存在哪里：一个路径；true 为默认位置；\n\
         # false 不保存（阅读器这时不收审读意见、标签和收藏，免得退出时丢失）。\n",
        "\n# Where the reading state (bookmarks, read marks, notes, tags) is kept: a path;\n\
         # true for the default place; false to keep none (the reader then takes no note,\n\
         # tag or bookmark, which would be lost on quit).\n",
    ));
    match crate::state::default_path() {
        Some(state) => {
            let _ = writeln!(out, "# state = {}", quote(&state.display().to_string()));
        }
        None => out.push_str("# state = \"~/kanbao-state.json\"\n"),
    }
    out.push_str(t(
        "\n# 各处的颜色：一个颜色（文字的），或含 fg、bg、bold、italic、underline、reverse\n\
         # 的表。颜色可写名字、#rrggbb 或 0–255。以下是默认值（body 为终端自己的颜色）。\n\
         # number 是阅读时的段落编号，不设时随 meta。\n\
         # 设置了 NO_COLOR 时，这里写的颜色仍然生效。\n",
        "\n# Colours of the theme's roles: a colour (the text's), or a table of fg, bg,\n\
         # bold, italic, underline, reverse. A colour is a name, #rrggbb or 0–255. These\n\
         # are the defaults (body is the terminal's own; number, the reader's paragraph\n\
         # numbers, follows meta unless set). Colours set here apply even with NO_COLOR\n\
         # set.\n",
    ));
    out.push_str("# [colors]\n");
    for (role, spec) in colors::DEFAULTS {
        let _ = writeln!(out, "# {role} = {spec}");
    }
    let _ = writeln!(
        out,
        "# {}",
        t("可用的名字：", "Names: ").to_owned() + &colors::NAMED.join(" ")
    );
    // The modes are named from the table the config file is read with, so none is left
    // out when a mode is added.
    let modes: Vec<&str> = keys::MODES.iter().map(|(name, _)| *name).collect();
    out.push_str(t("\n# 按键，按模式分（", "\n# Keys, per mode ("));
    out.push_str(&modes.join(t("、", ", ")));
    out.push_str(t(
        "）：\"键\" = \"动作\"。\n\
         # 这里绑定的键取代它在该模式下原来的作用，其他键不变；\"none\" 让一个键不起作用；\n\
         # ctrl-c 总是退出，不能改。\n\
         # 键写作 j、G、?、space、enter、esc、tab、shift-tab、backspace、delete、up、down、\n\
         # left、right、home、end、pageup、pagedown、f1…f12、ctrl-d、alt-b。搜索框（search）、\n\
         # 审读意见（note）和标签选择（tags）里可打印的键都是输入的文字，不能绑定（可绑定\n\
         # ctrl-…、方向键、f1…f12）。例如：\n",
        "):\n# \"key\" = \"action\". A key bound here replaces what it did in that mode; the\n\
         # other keys keep theirs; \"none\" makes a key do nothing; ctrl-c always quits\n\
         # and cannot be bound. Keys are written j, G, ?, space, enter, esc, tab, shift-tab,\n\
         # backspace, delete, up, down, left, right, home, end, pageup, pagedown, f1…f12,\n\
         # ctrl-d, alt-b. In search (the prompt), note (the note editor) and tags (the tag\n\
         # picker) every printable key is text and cannot be bound (ctrl-…, arrows, f1…f12\n\
         # can). For example:\n",
    ));
    out.push_str("# [keys.list]\n# \"x\" = \"quit\"\n# \"J\" = \"move_down\"\n");
    out.push_str(t("# 各模式可用的动作：\n", "# The actions of each mode:\n"));
    for (name, mode) in keys::MODES {
        let _ = writeln!(out, "#   {name}: {}", keys::actions_in(*mode).join(" "));
    }
    out
}

/// `text` as a TOML basic string.
pub fn quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse;

    #[test]
    fn the_template_loads_and_changes_nothing() {
        for lang in [Lang::Zh, Lang::En] {
            let text = template(lang, Some(Path::new("/x/config.toml")));
            let layer = parse(&text, Path::new("/x/config.toml")).unwrap();
            assert_eq!(layer, crate::settings::Layer::default());
        }
    }

    /// Uncommented, each setting line holds the default.
    #[test]
    fn the_templates_lines_uncommented_hold_the_defaults() {
        let text = template(Lang::En, None);
        let lines: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("# "))
            .filter(|l| {
                ["lang =", "ambiguous_width =", "mouse =", "[colors]"]
                    .iter()
                    .any(|k| l.starts_with(k))
                    || colors::ROLES
                        .iter()
                        .any(|r| l.starts_with(&format!("{r} =")))
            })
            .collect();
        let layer = parse(&lines.join("\n"), Path::new("c.toml")).unwrap();
        assert_eq!(layer.lang, Some(Lang::Zh));
        assert_eq!(layer.mouse, Some(false));
        assert_eq!(layer.ambiguous_width, Some(crate::settings::Ambiguous::One));
        assert_eq!(layer.colors, colors::DEFAULTS.to_vec());
    }

    /// The comment on `[keys.<mode>]` names every mode a binding can be made in, and so
    /// every context the reader has: it said `list、reader、search、picker、help` long after
    /// `note` and `tags` came (a hands-on test, session 32).
    #[test]
    fn the_keys_comment_names_every_mode() {
        for context in crate::keys::CONTEXTS {
            assert!(
                keys::MODES.iter().any(|(_, c)| *c == context),
                "{context:?} has no [keys.<mode>] name"
            );
        }
        for (lang, open, close, sep) in [
            (Lang::Zh, "按模式分（", "）", "、"),
            (Lang::En, "per mode (", ")", ", "),
        ] {
            let text = template(lang, None);
            let line = text.lines().find(|l| l.contains(open)).unwrap();
            let named = &line[line.find(open).unwrap() + open.len()..];
            let named: Vec<&str> = named[..named.find(close).unwrap()].split(sep).collect();
            let modes: Vec<&str> = keys::MODES.iter().map(|(n, _)| *n).collect();
            assert_eq!(named, modes, "{line}");
        }
    }

    #[test]
    fn quoting_escapes_what_toml_needs() {
        assert_eq!(quote(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(quote("a\nb"), r#""a\u000Ab""#);
    }
}
