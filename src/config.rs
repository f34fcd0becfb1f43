//! The config file: `$XDG_CONFIG_HOME/kanbao/config.toml` (the platform's config folder
//! elsewhere), or the file named by `--config` or `KANBAO_CONFIG`. It is read into a
//! [`Layer`] of settings; anything wrong is an error at its line and column saying what was
//! expected, and an unknown key or action names the known ones.
//!
//! ```toml
//! data = "~/news/archive"          # or a list: ["~/news/2024", "~/news/2025"]
//! lang = "en"
//! ambiguous_width = 2              # 1, 2 or "auto"
//! mouse = true
//! state = false                    # or a path
//! [colors]
//! title = "blue"
//! hit = { fg = "black", bg = "#ffd75f", bold = true }
//! [keys.list]
//! "x" = "quit"
//! "q" = "none"
//! ```

pub mod problem;
pub mod show;
pub mod template;
mod text;

use std::ffi::OsString;
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::error::{Error, Place, Result};
use crate::i18n::Lang;
use crate::settings::colors::{self, Color, StyleSpec};
use crate::settings::keys::{self, Chord, KeyBinding};
use crate::settings::{Ambiguous, ConfigSource, Layer, Origin, Settings, StatePlace};

pub use problem::{ConfigProblem, Expected};
pub use text::config_problem_text;

/// The environment variable naming the config file.
pub const ENV_CONFIG: &str = "KANBAO_CONFIG";

/// The largest config file read (a config file is a few lines; this stops a wrong path
/// to a big file from being read whole).
pub const MAX_BYTES: u64 = 1 << 20;

/// The keys of the top level.
pub const TOP_KEYS: &[&str] = &[
    "data",
    "lang",
    "ambiguous_width",
    "mouse",
    "state",
    "colors",
    "keys",
];

/// The default config file: `$XDG_CONFIG_HOME/kanbao/config.toml` when that variable holds
/// an absolute path, else the platform's config folder (on Linux `~/.config/kanbao`).
/// `None` when no home folder is known.
pub fn default_path() -> Option<PathBuf> {
    let xdg = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    let dir = match xdg {
        Some(dir) => dir.join("kanbao"),
        None => directories::ProjectDirs::from("", "", "kanbao")?
            .config_dir()
            .to_owned(),
    };
    Some(dir.join("config.toml"))
}

/// Which file to read: `--config` (`flag`), else `KANBAO_CONFIG` (`env`, when not empty),
/// else the default place.
pub fn locate(flag: Option<PathBuf>, env: Option<OsString>) -> ConfigSource {
    let (path, origin) = match (flag, env.filter(|v| !v.is_empty())) {
        (Some(path), _) => (Some(path), Origin::CommandLine),
        (None, Some(path)) => (Some(PathBuf::from(path)), Origin::Env(ENV_CONFIG)),
        (None, None) => (default_path(), Origin::Default),
    };
    ConfigSource {
        path,
        origin,
        loaded: false,
    }
}

/// Resolves the settings once: the command line's layer `cli`, the environment, and the
/// config file (named by `--config` as `flag`, or `KANBAO_CONFIG`, or at the default place).
pub fn settings(cli: Layer, flag: Option<PathBuf>) -> Result<Settings> {
    let mut source = locate(flag, std::env::var_os(ENV_CONFIG));
    let file = read(&mut source)?;
    let env = Layer::from_env(|name| std::env::var_os(name));
    Ok(Settings::resolve(cli, env, file, source))
}

/// Reads the file `source` names. A missing file at the default place is no file (an empty
/// layer); a file named by `--config` or `KANBAO_CONFIG` must be there.
pub fn read(source: &mut ConfigSource) -> Result<Layer> {
    let Some(path) = source.path.clone() else {
        return Ok(Layer::default());
    };
    let named_by = match source.origin {
        Origin::CommandLine => Some("--config"),
        Origin::Env(name) => Some(name),
        Origin::Default | Origin::File => None,
    };
    let unreadable = |e, folder| Error::ConfigFile {
        path: path.clone(),
        named_by,
        source: e,
        folder,
    };
    let text = match std::fs::metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && source.origin == Origin::Default => {
            return Ok(Layer::default());
        }
        Err(e) => return Err(unreadable(e, false)),
        Ok(meta) if meta.is_dir() => {
            let e = std::io::Error::from(std::io::ErrorKind::IsADirectory);
            return Err(unreadable(e, true));
        }
        // Read with a cap, not by the size the metadata gives: a device or a FIFO says 0.
        Ok(meta) => match crate::load::read_capped(&path, MAX_BYTES).map_err(|e| match e {
            Error::Io { source, .. } => unreadable(source, false),
            e => e,
        })? {
            Some(bytes) => bytes,
            None => {
                return Err(Error::TooLarge {
                    path,
                    size: meta.is_file().then_some(meta.len()),
                    limit: MAX_BYTES,
                });
            }
        },
    };
    let text = String::from_utf8(text).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let before = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        Error::NotUtf8 {
            place: at(&path, valid, &before),
        }
    })?;
    let layer = parse(&text, &path)?;
    source.loaded = true;
    Ok(layer)
}

/// The place of byte `offset` of `text` in `path`: 1-based line, and column in characters.
fn at(path: &Path, offset: usize, text: &str) -> Place {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Place::at(path, line, before[line_start..].chars().count() + 1)
}

/// Parses a config file's text; `path` is for the places in errors and for the folder
/// relative data paths are taken from.
pub fn parse(text: &str, path: &Path) -> Result<Layer> {
    let fail = |span: Range<usize>, problem| {
        let problem = match problem {
            // The first binding's place travels as a byte offset until here, where the
            // text is at hand to turn it into a line and column.
            ConfigProblem::KeyTwice {
                mode, key, line, ..
            } => {
                let first = at(path, line, text);
                ConfigProblem::KeyTwice {
                    mode,
                    key,
                    line: first.line.unwrap_or(1),
                    column: first.column.unwrap_or(1),
                }
            }
            other => other,
        };
        Error::Config {
            place: at(path, span.start, text),
            problem: Box::new(problem),
            more: Vec::new(),
        }
    };
    let table = DeTable::parse(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let mut message = e.message().trim().to_string();
        // "duplicate key" says which by its place; the key itself says it at once.
        if let Some(what) = text.get(span.clone())
            && !what.is_empty()
            && what.len() <= 40
            && !what.contains('\n')
        {
            message = format!("{message}: {what}");
        }
        fail(span, ConfigProblem::Syntax(message))
    })?;
    let mut parser = Parser {
        base: path.parent().unwrap_or(Path::new("")),
        layer: Layer::default(),
        data_at: Vec::new(),
        errors: Vec::new(),
    };
    parser.top(table.get_ref());
    // Every mistake at once, in the file's order: a user fixing a file by hand should not
    // have to run kanbao once per mistake.
    let mut errors = std::mem::take(&mut parser.errors);
    errors.sort_by_key(|(span, _)| span.start);
    let mut errors = errors.into_iter().map(|(span, p)| fail(span, p));
    if let Some(first) = errors.next() {
        return Err(first.with_more_config_errors(errors.collect()));
    }
    let mut layer = parser.layer;
    layer.data_places = parser
        .data_at
        .into_iter()
        .map(|offset| at(path, offset, text))
        .collect();
    Ok(layer)
}

type Fail = (Range<usize>, ConfigProblem);

/// A table's entries in the order the file has them.
fn entries<'a, 'i>(
    table: &'a DeTable<'i>,
) -> Vec<(
    &'a Spanned<std::borrow::Cow<'i, str>>,
    &'a Spanned<DeValue<'i>>,
)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    entries
}

fn unknown(table: &str, key: &Spanned<std::borrow::Cow<'_, str>>, known: &[&'static str]) -> Fail {
    (
        key.span(),
        ConfigProblem::UnknownKey {
            table: table.to_string(),
            key: key.get_ref().to_string(),
            known: known.to_vec(),
        },
    )
}

fn bad(key: &str, value: &Spanned<DeValue<'_>>, expected: Expected) -> Fail {
    (
        value.span(),
        ConfigProblem::BadValue {
            key: key.to_string(),
            expected,
        },
    )
}

struct Parser<'p> {
    base: &'p Path,
    layer: Layer,
    /// Where each data path is written (byte offsets), for an error about it.
    data_at: Vec<usize>,
    /// What the file says that kanbao does not take, each with its place; the entries
    /// after a bad one are still read.
    errors: Vec<Fail>,
}

impl Parser<'_> {
    /// Reads every top-level entry, keeping each mistake in [`Parser::errors`].
    fn top(&mut self, table: &DeTable<'_>) {
        for (key, value) in entries(table) {
            if let Err(fail) = self.entry(key, value) {
                self.errors.push(fail);
            }
        }
    }

    fn entry(
        &mut self,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        value: &Spanned<DeValue<'_>>,
    ) -> std::result::Result<(), Fail> {
        {
            let name = key.get_ref().as_ref();
            let v = value.get_ref();
            match name {
                "data" => {
                    let (paths, at) = self.paths(value)?;
                    self.layer.data = Some(paths);
                    self.data_at = at;
                }
                "lang" => {
                    self.layer.lang = Some(match v.as_str() {
                        Some("zh") => Lang::Zh,
                        Some("en") => Lang::En,
                        _ => return Err(bad(name, value, Expected::Lang)),
                    });
                }
                "ambiguous_width" => {
                    let integer = match v {
                        DeValue::Integer(i) => Some(i.as_str()),
                        _ => None,
                    };
                    self.layer.ambiguous_width = Some(match (v.as_str(), integer) {
                        (Some("1"), _) | (_, Some("1")) => Ambiguous::One,
                        (Some("2"), _) | (_, Some("2")) => Ambiguous::Two,
                        (Some("auto"), _) => Ambiguous::Auto,
                        _ => return Err(bad(name, value, Expected::Ambiguous)),
                    });
                }
                "mouse" => {
                    let on = v
                        .as_bool()
                        .ok_or_else(|| bad(name, value, Expected::Bool))?;
                    self.layer.mouse = Some(on);
                }
                "state" => {
                    self.layer.state = Some(match v {
                        DeValue::Boolean(false) => StatePlace::Off,
                        // The default place, as with no `state` at all: what undoes
                        // `state = false` when the refusal of a note says to.
                        DeValue::Boolean(true) => StatePlace::Default,
                        DeValue::String(s) if !s.is_empty() => StatePlace::File(self.path(s)),
                        _ => return Err(bad(name, value, Expected::PathOrFalse)),
                    });
                }
                "colors" => {
                    let table = v
                        .as_table()
                        .ok_or_else(|| bad(name, value, Expected::Table))?;
                    self.colors(table)?;
                }
                "keys" => {
                    let table = v
                        .as_table()
                        .ok_or_else(|| bad(name, value, Expected::Table))?;
                    self.keys(table)?;
                }
                _ => return Err(unknown("", key, TOP_KEYS)),
            }
        }
        Ok(())
    }

    /// A path as the file wrote it: `~/` is the home folder, a relative path is taken from
    /// the config file's folder.
    fn path(&self, text: &str) -> PathBuf {
        let home = || directories::BaseDirs::new().map(|d| d.home_dir().to_owned());
        if let (Some(rest), Some(home)) = (text.strip_prefix("~/"), home()) {
            return home.join(rest);
        }
        if text == "~"
            && let Some(home) = home()
        {
            return home;
        }
        self.base.join(text)
    }

    /// The data's paths, each with the byte offset where the file writes it.
    fn paths(
        &self,
        value: &Spanned<DeValue<'_>>,
    ) -> std::result::Result<(Vec<PathBuf>, Vec<usize>), Fail> {
        match value.get_ref() {
            DeValue::String(s) if !s.is_empty() => {
                Ok((vec![self.path(s)], vec![value.span().start]))
            }
            DeValue::Array(items) => items
                .iter()
                .map(|item| match item.get_ref() {
                    DeValue::String(s) if !s.is_empty() => Ok((self.path(s), item.span().start)),
                    _ => Err(bad("data", item, Expected::Paths)),
                })
                .collect::<std::result::Result<Vec<_>, _>>()
                .map(|pairs| pairs.into_iter().unzip()),
            _ => Err(bad("data", value, Expected::Paths)),
        }
    }

    fn colors(&mut self, table: &DeTable<'_>) -> std::result::Result<(), Fail> {
        for (key, value) in entries(table) {
            match role_style(key, value) {
                Ok(role) => self.layer.colors.push(role),
                Err(fail) => self.errors.push(fail),
            }
        }
        Ok(())
    }

    fn keys(&mut self, table: &DeTable<'_>) -> std::result::Result<(), Fail> {
        let modes: Vec<&'static str> = keys::MODES.iter().map(|(n, _)| *n).collect();
        for (key, value) in entries(table) {
            let Some(&(mode_name, mode)) = keys::MODES
                .iter()
                .find(|(n, _)| *n == key.get_ref().as_ref())
            else {
                self.errors.push(unknown("keys", key, &modes));
                continue;
            };
            let name = format!("keys.{mode_name}");
            let Some(bindings) = value.get_ref().as_table() else {
                self.errors.push(bad(&name, value, Expected::Table));
                continue;
            };
            let mut seen: Vec<(Chord, Range<usize>)> = Vec::new();
            for (key, action) in entries(bindings) {
                if let Err(fail) = self.binding((mode_name, mode), key, action, &mut seen) {
                    self.errors.push(fail);
                }
            }
        }
        Ok(())
    }

    /// One binding of `[keys.MODE]`, checked against those `seen` before it in the mode.
    fn binding(
        &mut self,
        (mode_name, mode): (&'static str, crate::keys::Context),
        key: &Spanned<std::borrow::Cow<'_, str>>,
        action: &Spanned<DeValue<'_>>,
        seen: &mut Vec<(Chord, Range<usize>)>,
    ) -> std::result::Result<(), Fail> {
        let name = format!("keys.{mode_name}");
        {
            let written = key.get_ref().as_ref();
            let chord = Chord::parse(written).ok_or_else(|| {
                (
                    key.span(),
                    ConfigProblem::BadKey {
                        key: written.to_string(),
                    },
                )
            })?;
            if crate::keys::is_text(mode, crate::keys::key_of(chord)) {
                let problem = ConfigProblem::TextKey {
                    mode: mode_name,
                    key: written.to_string(),
                };
                return Err((key.span(), problem));
            }
            if let Some((_, first)) = seen.iter().find(|(c, _)| *c == chord) {
                let problem = ConfigProblem::KeyTwice {
                    mode: mode_name,
                    key: written.to_string(),
                    line: first.start,
                    column: 0,
                };
                return Err((key.span(), problem));
            }
            seen.push((chord, key.span()));
            let action_name = action
                .get_ref()
                .as_str()
                .ok_or_else(|| bad(&format!("{name}.{written}"), action, Expected::Action))?;
            if chord == keys::CTRL_C {
                if action_name == "quit" {
                    // What it does anyway.
                    return Ok(());
                }
                let problem = ConfigProblem::CtrlCQuits {
                    mode: mode_name,
                    key: written.to_string(),
                };
                return Err((key.span(), problem));
            }
            let known = keys::actions_in(mode);
            let action = if action_name == keys::NONE {
                None
            } else if known.contains(&action_name) {
                keys::action_named(action_name).cloned()
            } else {
                let mut known = known.to_vec();
                known.push(keys::NONE);
                return Err((
                    action.span(),
                    ConfigProblem::UnknownAction {
                        mode: mode_name,
                        action: action_name.to_string(),
                        known,
                    },
                ));
            };
            self.layer.keys.push(KeyBinding {
                mode,
                chord,
                action,
            });
        }
        Ok(())
    }
}

/// One entry of `[colors]`: its role and style.
fn role_style(
    key: &Spanned<std::borrow::Cow<'_, str>>,
    value: &Spanned<DeValue<'_>>,
) -> std::result::Result<(&'static str, StyleSpec), Fail> {
    let Some(&role) = colors::ROLES.iter().find(|r| **r == key.get_ref().as_ref()) else {
        return Err(unknown("colors", key, colors::ROLES));
    };
    let name = format!("colors.{role}");
    let spec = match value.get_ref() {
        DeValue::String(_) | DeValue::Integer(_) => StyleSpec {
            fg: Some(color(&name, value)?),
            ..StyleSpec::default()
        },
        DeValue::Table(parts) => style(&name, parts)?,
        _ => return Err(bad(&name, value, Expected::Style)),
    };
    Ok((role, spec))
}

fn color(name: &str, value: &Spanned<DeValue<'_>>) -> std::result::Result<Color, Fail> {
    let parsed = match value.get_ref() {
        DeValue::String(s) => Color::parse(s),
        DeValue::Integer(i) if i.radix() == 10 => Color::parse(i.as_str()),
        _ => None,
    };
    parsed.ok_or_else(|| bad(name, value, Expected::Color))
}

fn style(name: &str, parts: &DeTable<'_>) -> std::result::Result<StyleSpec, Fail> {
    let mut spec = StyleSpec::default();
    for (key, value) in entries(parts) {
        let part = key.get_ref().as_ref();
        let full = format!("{name}.{part}");
        let flag = || {
            value
                .get_ref()
                .as_bool()
                .ok_or_else(|| bad(&full, value, Expected::Bool))
        };
        match part {
            "fg" => spec.fg = Some(color(&full, value)?),
            "bg" => spec.bg = Some(color(&full, value)?),
            "bold" => spec.bold = Some(flag()?),
            "italic" => spec.italic = Some(flag()?),
            "underline" => spec.underline = Some(flag()?),
            "reverse" => spec.reverse = Some(flag()?),
            _ => return Err(unknown(name, key, colors::STYLE_PARTS)),
        }
    }
    Ok(spec)
}

#[cfg(test)]
mod tests;
