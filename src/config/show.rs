//! `kanbao config`: the config file's path and the settings in force, each with where it
//! came from, written as a config file would write them.

use std::fmt::Write;

use crate::config::template::quote;
use crate::i18n::{Lang, Msg};
use crate::settings::keys::{action_name, mode_name};
use crate::settings::{Ambiguous, Origin, Settings, StatePlace};

/// Where a setting came from, in words.
fn origin_text(origin: Origin, lang: Lang) -> String {
    match origin {
        Origin::Default => Msg::OriginDefault.text(lang).to_string(),
        Origin::File => Msg::OriginFile.text(lang).to_string(),
        Origin::Env(name) => format!("{} {name}", Msg::OriginEnv.text(lang)),
        Origin::CommandLine => Msg::OriginCommandLine.text(lang).to_string(),
    }
}

/// The text `kanbao config` prints.
pub fn describe(settings: &Settings, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut out = String::new();
    let config = &settings.config;
    let path = config
        .path
        .as_ref()
        .map_or_else(|| "-".to_string(), |p| p.display().to_string());
    let mut about = match config.origin {
        Origin::Default => Msg::ConfigDefaultPlace.text(lang).to_string(),
        origin => origin_text(origin, lang),
    };
    if !config.loaded {
        about.push_str(if zh { "；" } else { "; " });
        about.push_str(Msg::ConfigMissing.text(lang));
    }
    let (colon, open, close) = if zh {
        ("：", "（", "）")
    } else {
        (": ", " (", ")")
    };
    let _ = writeln!(
        out,
        "# {}{colon}{path}{open}{about}{close}",
        Msg::ConfigFile.text(lang)
    );
    let mut line = |key: &str, value: String, origin: Origin, note: Option<&str>| {
        let mut why = origin_text(origin, lang);
        if let Some(note) = note {
            why = format!("{why}{colon}{note}");
        }
        let _ = writeln!(out, "{key} = {value}  # {why}");
    };
    let data = &settings.data;
    let paths: Vec<String> = data
        .value
        .iter()
        .map(|p| quote(&p.display().to_string()))
        .collect();
    let bundled = data.value.is_empty().then(|| Msg::DataBundled.text(lang));
    line(
        "data",
        format!("[{}]", paths.join(", ")),
        data.origin,
        bundled,
    );
    let lang_value = match settings.lang.value {
        Lang::Zh => "\"zh\"",
        Lang::En => "\"en\"",
    };
    line("lang", lang_value.into(), settings.lang.origin, None);
    let ambiguous = match settings.ambiguous_width.value {
        Ambiguous::One => "1",
        Ambiguous::Two => "2",
        Ambiguous::Auto => "\"auto\"",
    };
    line(
        "ambiguous_width",
        ambiguous.into(),
        settings.ambiguous_width.origin,
        None,
    );
    line(
        "mouse",
        settings.mouse.value.to_string(),
        settings.mouse.origin,
        None,
    );
    let state = match &settings.state.value {
        StatePlace::Off => "false".to_string(),
        StatePlace::File(path) => quote(&path.display().to_string()),
        StatePlace::Default => crate::state::default_path()
            .map_or_else(|| "false".into(), |p| quote(&p.display().to_string())),
    };
    line("state", state, settings.state.origin, None);
    let from_file = origin_text(Origin::File, lang);
    if !settings.colors.is_empty() {
        out.push_str("\n[colors]\n");
        for (role, spec) in &settings.colors {
            let _ = writeln!(out, "{role} = {spec}  # {from_file}");
        }
    }
    let mut mode = None;
    for binding in &settings.keys {
        if mode != Some(binding.mode) {
            mode = Some(binding.mode);
            let _ = writeln!(out, "\n[keys.{}]", mode_name(binding.mode));
        }
        let action = binding
            .action
            .as_ref()
            .and_then(action_name)
            .unwrap_or("none");
        let key = quote(&binding.chord.to_string());
        let _ = writeln!(out, "{key} = \"{action}\"  # {from_file}");
    }
    out
}
