//! One set of settings, resolved once at start from three layers: the command line wins over
//! the environment, which wins over the config file (see `crate::config`), which wins over
//! the defaults. Each setting remembers where it came from, for `kanbao config`.
//! No terminal here: colours and keys are kept as the config file names them.

pub mod colors;
pub mod keys;

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::i18n::Lang;
use crate::state;

pub use colors::{Color, StyleSpec};
pub use keys::{Chord, KeyBinding, KeyName};

/// The environment variable naming the data (a path, or several joined as in `PATH`).
pub const ENV_DATA: &str = "KANBAO_DATA";

/// Where a setting's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Nobody set it.
    Default,
    /// The config file.
    File,
    /// This environment variable.
    Env(&'static str),
    /// A command-line option.
    CommandLine,
}

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    /// The value.
    pub value: T,
    /// Its origin.
    pub origin: Origin,
}

/// Columns taken by East Asian Ambiguous characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Ambiguous {
    /// One column (most terminals).
    #[default]
    One,
    /// Two columns.
    Two,
    /// Ask the terminal once at start; one column when it does not answer.
    Auto,
}

/// Where the reading state is kept.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum StatePlace {
    /// The default file (`state::default_path`).
    #[default]
    Default,
    /// This file.
    File(PathBuf),
    /// Nowhere: keep no reading state.
    Off,
}

/// What one layer (command line, environment or config file) says; `None` says nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layer {
    /// The data: files or folders read together; empty means the bundled page.
    pub data: Option<Vec<PathBuf>>,
    /// The interface language.
    pub lang: Option<Lang>,
    /// The width of ambiguous characters.
    pub ambiguous_width: Option<Ambiguous>,
    /// Whether the reader captures the mouse.
    pub mouse: Option<bool>,
    /// Where the reading state is kept.
    pub state: Option<StatePlace>,
    /// Styles for the theme's roles ([`colors::ROLES`]), in the file's order.
    pub colors: Vec<(&'static str, StyleSpec)>,
    /// Key bindings over the default table, in the file's order.
    pub keys: Vec<KeyBinding>,
    /// Where the config file writes each of `data`'s paths (empty from other layers): an
    /// error about a path names the line that set it.
    pub data_places: Vec<crate::error::Place>,
}

impl Layer {
    /// What the environment says, read through `var` (`std::env::var_os` in the binary):
    /// [`ENV_DATA`], split as `PATH` is. An empty variable says nothing.
    pub fn from_env(var: impl Fn(&str) -> Option<OsString>) -> Layer {
        let data = var(ENV_DATA).filter(|v| !v.is_empty()).map(|v| {
            std::env::split_paths(&v)
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        Layer {
            data,
            ..Layer::default()
        }
    }
}

/// Which config file was looked for, and whether it was there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigSource {
    /// Its path; `None` when no home folder is known and none was named.
    pub path: Option<PathBuf>,
    /// Who named it: `--config`, `KANBAO_CONFIG`, or the default place.
    pub origin: Origin,
    /// Whether it was found and read.
    pub loaded: bool,
}

/// Every setting, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The config file.
    pub config: ConfigSource,
    /// The data; empty means the bundled page.
    pub data: Setting<Vec<PathBuf>>,
    /// The interface language.
    pub lang: Setting<Lang>,
    /// The width of ambiguous characters.
    pub ambiguous_width: Setting<Ambiguous>,
    /// Whether the reader captures the mouse.
    pub mouse: Setting<bool>,
    /// Where the reading state is kept.
    pub state: Setting<StatePlace>,
    /// Styles for the theme's roles, from the config file.
    pub colors: Vec<(&'static str, StyleSpec)>,
    /// Key bindings over the default table, from the config file.
    pub keys: Vec<KeyBinding>,
    /// Where the config file writes each of the data's paths, when the data came from it
    /// (else empty; see [`Settings::blame_config`]).
    pub data_places: Vec<crate::error::Place>,
}

/// The first of the layers to say something, with its origin, else the default.
fn pick<T: Default>(layers: [(Option<T>, Origin); 3]) -> Setting<T> {
    layers
        .into_iter()
        .find_map(|(value, origin)| value.map(|value| Setting { value, origin }))
        .unwrap_or_else(|| Setting {
            value: T::default(),
            origin: Origin::Default,
        })
}

impl Settings {
    /// Resolves the layers: `cli` over `env` over `file`, over the defaults.
    pub fn resolve(cli: Layer, env: Layer, file: Layer, config: ConfigSource) -> Settings {
        use Origin::{CommandLine, Env, File};
        let env_data = Env(ENV_DATA);
        let data = pick([
            (cli.data, CommandLine),
            (env.data, env_data),
            (file.data, File),
        ]);
        let data_places = if data.origin == File {
            file.data_places
        } else {
            Vec::new()
        };
        Settings {
            config,
            data,
            data_places,
            lang: pick([
                (cli.lang, CommandLine),
                (env.lang, env_data),
                (file.lang, File),
            ]),
            ambiguous_width: pick([
                (cli.ambiguous_width, CommandLine),
                (env.ambiguous_width, env_data),
                (file.ambiguous_width, File),
            ]),
            mouse: pick([
                (cli.mouse, CommandLine),
                (env.mouse, env_data),
                (file.mouse, File),
            ]),
            state: pick([
                (cli.state, CommandLine),
                (env.state, env_data),
                (file.state, File),
            ]),
            colors: file.colors,
            keys: file.keys,
        }
    }

    /// `error`, saying that its path came from the config file (the file, line and column
    /// that set it) when it is about one of the data's paths and the data came from there;
    /// else `error` as it is.
    pub fn blame_config(&self, error: crate::error::Error) -> crate::error::Error {
        let crate::error::Error::Io { path, .. } = &error else {
            return error;
        };
        let set_at = self.data.value.iter().position(|p| p == path);
        match set_at.and_then(|i| self.data_places.get(i)) {
            Some(place) => crate::error::Error::FromConfig {
                place: place.clone(),
                setting: "data",
                error: Box::new(error),
            },
            None => error,
        }
    }

    /// Who turned the reading state off, for the words that refuse what it cannot keep:
    /// the config file's `state = false`, else `--no-state`.
    pub fn state_off(&self) -> state::Off {
        match self.state.origin {
            Origin::File => state::Off::Config,
            _ => state::Off::Flag,
        }
    }

    /// The data as one optional path, for what reads one source (`None`: the bundled page).
    pub fn first_data(&self) -> Option<&Path> {
        self.data.value.first().map(PathBuf::as_path)
    }

    /// The identity of the data in the state store (name, fingerprint of `ids`, path as a
    /// hint); see `state::StateStore::resolve_source` for the key it is kept under.
    pub fn source_id<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> state::SourceId {
        state::SourceId::of(&self.data.value, ids)
    }

    /// The data's key in the state store: as `state::source_key` for one path (so the
    /// state kept with `--data` carries over), the keys of several joined by newlines.
    pub fn source_key(&self) -> String {
        match self.data.value.as_slice() {
            [] => state::source_key(None),
            paths => paths
                .iter()
                .map(|p| state::source_key(Some(p)))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source() -> ConfigSource {
        ConfigSource {
            path: None,
            origin: Origin::Default,
            loaded: false,
        }
    }

    fn layer(data: &str, lang: Lang) -> Layer {
        Layer {
            data: Some(vec![PathBuf::from(data)]),
            lang: Some(lang),
            ..Layer::default()
        }
    }

    #[test]
    fn the_command_line_wins_over_the_environment_over_the_file() {
        let s = Settings::resolve(
            layer("cli", Lang::En),
            layer("env", Lang::Zh),
            layer("file", Lang::Zh),
            source(),
        );
        assert_eq!(s.data.value, [PathBuf::from("cli")]);
        assert_eq!(s.data.origin, Origin::CommandLine);
        let s = Settings::resolve(
            Layer::default(),
            layer("env", Lang::En),
            layer("file", Lang::Zh),
            source(),
        );
        assert_eq!(s.data.value, [PathBuf::from("env")]);
        assert_eq!(s.data.origin, Origin::Env(ENV_DATA));
        assert_eq!(s.lang.value, Lang::En);
        let file = Layer {
            mouse: Some(true),
            ..layer("file", Lang::En)
        };
        let s = Settings::resolve(Layer::default(), Layer::default(), file, source());
        assert_eq!(s.data.value, [PathBuf::from("file")]);
        assert_eq!((s.lang.value, s.lang.origin), (Lang::En, Origin::File));
        assert_eq!((s.mouse.value, s.mouse.origin), (true, Origin::File));
        assert_eq!(s.ambiguous_width.value, Ambiguous::One);
        assert_eq!(s.ambiguous_width.origin, Origin::Default);
        assert_eq!(s.state.value, StatePlace::Default);
    }

    #[test]
    fn nothing_said_anywhere_gives_the_defaults() {
        let s = Settings::resolve(
            Layer::default(),
            Layer::default(),
            Layer::default(),
            source(),
        );
        assert!(s.data.value.is_empty());
        assert_eq!(s.first_data(), None);
        assert_eq!(s.source_key(), state::BUILTIN);
        assert_eq!(s.lang.value, Lang::Zh);
        assert!(!s.mouse.value);
    }

    #[test]
    fn kanbao_data_is_split_as_path_is() {
        let var = |value: &'static str| {
            move |name: &str| (name == ENV_DATA).then(|| OsString::from(value))
        };
        let joined = std::env::join_paths(["/a/one.json", "/b/two"]).unwrap();
        let joined = joined.to_str().unwrap().to_owned();
        let leaked: &'static str = Box::leak(joined.into_boxed_str());
        assert_eq!(
            Layer::from_env(var(leaked)).data,
            Some(vec![PathBuf::from("/a/one.json"), PathBuf::from("/b/two")])
        );
        assert_eq!(Layer::from_env(var("")).data, None);
        assert_eq!(Layer::from_env(|_| None).data, None);
    }
}
