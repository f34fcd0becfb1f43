//! The words of the config file's errors (`crate::config::problem`), in Chinese and English.

use crate::config::problem::{COLOR_FORMS, ConfigProblem, Expected, KEY_FORMS};
use crate::i18n::Lang;

/// What is wrong in a config file (its place is said by [`crate::error::error_text`]).
pub fn config_problem_text(problem: &ConfigProblem, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let list = |known: &[&str]| known.join(", ");
    match problem {
        ConfigProblem::Syntax(message) if zh => format!("不是有效的 TOML：{message}"),
        ConfigProblem::Syntax(message) => format!("not valid TOML: {message}"),
        ConfigProblem::UnknownKey { table, key, known } => {
            let known = list(known);
            match (zh, table.is_empty()) {
                (true, true) => format!("没有 `{key}` 这一项；可用：{known}"),
                (true, false) => format!("[{table}] 中没有 `{key}` 这一项；可用：{known}"),
                (false, true) => format!("unknown key `{key}`; known keys: {known}"),
                (false, false) => format!("unknown key `{key}` in [{table}]; known keys: {known}"),
            }
        }
        ConfigProblem::BadValue { key, expected } if zh => {
            format!("`{key}` 应为{}", expected_text(*expected, lang))
        }
        ConfigProblem::BadValue { key, expected } => {
            format!("`{key}` should be {}", expected_text(*expected, lang))
        }
        ConfigProblem::BadKey { key } if zh => format!("`{key}` 不是按键；按键写作 {}", KEY_FORMS),
        ConfigProblem::BadKey { key } => {
            format!("`{key}` is not a key; keys are written {}", KEY_FORMS)
        }
        ConfigProblem::UnknownAction {
            mode,
            action,
            known,
        } if zh => format!(
            "[keys.{mode}] 中没有 `{action}` 这个动作；可用：{}",
            list(known)
        ),
        ConfigProblem::UnknownAction {
            mode,
            action,
            known,
        } => format!(
            "unknown action `{action}` in [keys.{mode}]; known actions: {}",
            list(known)
        ),
        ConfigProblem::TextKey { mode, key } if zh => format!(
            "`{key}` 不能在 [keys.{mode}] 中绑定：{}；请改用 ctrl-…、alt-…、方向键、tab、\
             shift-tab 或 f1…f12",
            typed_where(mode, lang)
        ),
        ConfigProblem::TextKey { mode, key } => format!(
            "`{key}` cannot be bound in [keys.{mode}]: {}; bind ctrl-…, alt-…, an arrow, \
             tab, shift-tab or f1…f12 instead",
            typed_where(mode, lang)
        ),
        ConfigProblem::CtrlCQuits { mode, key } if zh => format!(
            "[keys.{mode}] 中的 `{key}` 不能改：ctrl-c 在任何地方都是退出，保证总有办法离开；请删去这一行"
        ),
        ConfigProblem::CtrlCQuits { mode, key } => format!(
            "`{key}` in [keys.{mode}] cannot be changed: ctrl-c quits from everywhere, so that \
             there is always a way out; remove this line"
        ),
        ConfigProblem::KeyTwice {
            mode,
            key,
            line,
            column,
        } if zh => {
            format!("`{key}` 在 [keys.{mode}] 中绑定了两次（第一次在 {line}:{column}）；请删去一个")
        }
        ConfigProblem::KeyTwice {
            mode,
            key,
            line,
            column,
        } => format!(
            "`{key}` is bound twice in [keys.{mode}] (first at {line}:{column}); remove one"
        ),
    }
}

/// What a config value should have been, after 应为 / should be.
fn expected_text(expected: Expected, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match expected {
        Expected::Table if zh => "一个表（[…]）".into(),
        Expected::Table => "a table ([…])".into(),
        Expected::Bool if zh => " true 或 false".into(),
        Expected::Bool => "true or false".into(),
        Expected::Paths if zh => "一个路径，或路径的数组（[\"a\", \"b\"]）".into(),
        Expected::Paths => "a path, or an array of paths ([\"a\", \"b\"])".into(),
        Expected::PathOrFalse if zh => {
            "一个路径，或 false（不保存阅读状态），或 true（保存在默认位置）".into()
        }
        Expected::PathOrFalse => {
            "a path, or false to keep no reading state, or true for the default place".into()
        }
        Expected::Lang if zh => " \"zh\" 或 \"en\"".into(),
        Expected::Lang => "\"zh\" or \"en\"".into(),
        Expected::Ambiguous if zh => " 1、2 或 \"auto\"".into(),
        Expected::Ambiguous => "1, 2 or \"auto\"".into(),
        Expected::Style if zh => format!(
            "一个颜色，或含 fg、bg、bold、italic、underline、reverse 的表；颜色可写 {}",
            COLOR_FORMS
        ),
        Expected::Style => format!(
            "a colour, or a table of fg, bg, bold, italic, underline, reverse; colours are {}",
            COLOR_FORMS
        ),
        Expected::Color if zh => format!("一个颜色：{}", COLOR_FORMS),
        Expected::Color => format!("a colour: {}", COLOR_FORMS),
        Expected::Action if zh => "一个动作的名字（字符串）".into(),
        Expected::Action => "an action's name (a string)".into(),
    }
}

/// Why a printable key cannot be bound in `mode` (`keys::is_text`): it is text there.
fn typed_where(mode: &str, lang: Lang) -> &'static str {
    match (mode, lang) {
        ("tags", Lang::Zh) => {
            "标签选择里每个可打印的键都是输入的文字（标签可用拼音输入），这样的绑定不会起作用"
        }
        ("tags", Lang::En) => {
            "in the tag picker every printable key is text (a tag may be typed in pinyin), so \
             the binding would never act"
        }
        ("note", Lang::Zh) => {
            "审读意见编辑器里每个可打印的键（包括空格）都是输入的文字，绑定了它就打不出这个字"
        }
        ("note", Lang::En) => {
            "in the note editor every printable key (space too) is text, and binding one would \
             leave it impossible to type"
        }
        (_, Lang::Zh) => "搜索框里每个可打印的键（包括空格）都是输入的文字，绑定了它就打不出这个字",
        (_, Lang::En) => {
            "in the search prompt every printable key (space too) is text, and binding one \
             would leave it impossible to type"
        }
    }
}
