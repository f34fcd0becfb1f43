//! The config file and the settings, as a user meets them: `kanbao config`, its template,
//! `KANBAO_DATA`, `--config`, and a config file's data, keys and colours in the reader.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use crate::support;

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;

const ARTICLES: &str = r#"{"schema":1,"articles":[
{"id":"a1","title":"配置文件里的文章","kind":"news","district":null,"paragraphs":["第一段。"]},
{"id":"a2","title":"第二篇配置文章","kind":"news","district":"西城区","paragraphs":["第二段。"]}]}"#;

const MORE: &str = r#"{"schema":1,"articles":[
{"id":"b1","title":"另一个文件的文章","kind":"news","paragraphs":["第三段。"]}]}"#;

/// A home for one test: its own config folder (`XDG_CONFIG_HOME`) and state folder.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let home = Home {
            dir: tempfile::tempdir().unwrap(),
        };
        std::fs::create_dir_all(home.config_dir()).unwrap();
        home.write("a.json", ARTICLES);
        home.write("b.json", MORE);
        home
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }

    fn config_dir(&self) -> std::path::PathBuf {
        self.dir.path().join("xdg").join("kanbao")
    }

    fn config_path(&self) -> String {
        self.config_dir().join("config.toml").display().to_string()
    }

    fn write(&self, name: &str, text: &str) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    }

    /// Writes the config file at the default place.
    fn config(&self, text: &str) {
        std::fs::write(self.config_path(), text).unwrap();
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("kanbao").unwrap();
        cmd.args(args)
            .current_dir(self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("xdg"))
            .env("XDG_STATE_HOME", self.dir.path().join("state"))
            .env_remove("KANBAO_DATA")
            .env_remove("KANBAO_CONFIG");
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().unwrap()
    }
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// The ids `list` prints, in order.
fn ids(out: &Output) -> Vec<String> {
    assert!(out.status.success(), "{}", stderr(out));
    stdout(out)
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect()
}

#[test]
fn config_prints_the_file_and_where_each_setting_came_from() {
    let home = Home::new();
    home.config("lang = \"en\"\nmouse = true\n[colors]\ntitle = \"blue\"\n");
    let out = home.run(&["config"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with(&format!(
            "# config file: {} (default place)\n",
            home.config_path()
        )),
        "{text}"
    );
    assert!(
        text.contains("lang = \"en\"  # from the config file\n"),
        "{text}"
    );
    assert!(
        text.contains("mouse = true  # from the config file\n"),
        "{text}"
    );
    assert!(text.contains("ambiguous_width = 1  # default\n"), "{text}");
    assert!(
        text.contains("data = []  # default: the bundled page\n"),
        "{text}"
    );
    assert!(text.contains("\n[colors]\ntitle = \"blue\"  # from the config file\n"));
    // The command line wins, and the words follow the language in force.
    let text = stdout(&home.run(&["config", "--lang", "zh", "--ambiguous-width", "2"]));
    assert!(text.contains("lang = \"zh\"  # 来自命令行\n"), "{text}");
    assert!(
        text.contains("ambiguous_width = 2  # 来自命令行\n"),
        "{text}"
    );
    assert!(text.contains("mouse = true  # 来自配置文件\n"), "{text}");
    // --no-mouse turns off what the file turned on.
    let text = stdout(&home.run(&["--no-mouse", "config"]));
    assert!(
        text.contains("mouse = false  # from the command line\n"),
        "{text}"
    );
}

#[test]
fn config_without_a_file_says_it_is_not_there() {
    let home = Home::new();
    let text = stdout(&home.run(&["config"]));
    assert!(
        text.starts_with(&format!(
            "# 配置文件：{}（默认位置；不存在）\n",
            home.config_path()
        )),
        "{text}"
    );
    assert!(text.contains("lang = \"zh\"  # 默认\n"), "{text}");
}

/// The template, saved as the config file, loads and changes nothing: `config` reports
/// the same settings and `list` the same articles.
#[test]
fn the_default_template_saved_as_the_config_changes_nothing() {
    for lang in ["zh", "en"] {
        let home = Home::new();
        let before = stdout(&home.run(&["config", "--lang", lang]));
        let list_before = stdout(&home.run(&["list"]));
        let template = home.run(&["config", "--default", "--lang", lang]);
        assert!(template.status.success());
        let template = stdout(&template);
        assert!(template.contains(&home.config_path()), "{template}");
        home.config(&template);
        let after = stdout(&home.run(&["config", "--lang", lang]));
        let rest = |t: &str| t.lines().skip(1).collect::<Vec<_>>().join("\n");
        assert_eq!(rest(&after), rest(&before));
        assert!(!after.lines().next().unwrap().contains("不存在"));
        assert_eq!(stdout(&home.run(&["list"])), list_before);
    }
}

#[test]
fn kanbao_data_sets_the_data_and_the_command_line_wins() {
    let home = Home::new();
    let a = home.path("a.json");
    let b = home.path("b.json");
    let with_env = |value: &str, args: &[&str]| {
        let mut cmd = home.cmd(args);
        cmd.env("KANBAO_DATA", value);
        cmd.output().unwrap()
    };
    assert_eq!(ids(&with_env(&a, &["list"])), ["a1", "a2"]);
    // Several, joined as PATH is.
    let both = std::env::join_paths([&a, &b]).unwrap();
    let both = both.to_str().unwrap();
    assert_eq!(ids(&with_env(both, &["list"])), ["a1", "a2", "b1"]);
    // --data wins over KANBAO_DATA, which wins over the config file.
    assert_eq!(ids(&with_env(&a, &["--data", &b, "list"])), ["b1"]);
    home.config(&format!("data = {b:?}\n"));
    assert_eq!(ids(&with_env(&a, &["list"])), ["a1", "a2"]);
    let text = stdout(&with_env(&a, &["config", "--lang", "en"]));
    assert!(
        text.contains(&format!(
            "data = [{a:?}]  # from the environment: KANBAO_DATA"
        )),
        "{text}"
    );
}

#[test]
fn config_flag_and_kanbao_config_name_a_file_with_data() {
    let home = Home::new();
    // Relative data paths are taken from the config file's folder.
    let config = home.write("mine.toml", "data = [\"a.json\", \"b.json\"]\n");
    let out = home
        .cmd(&["--config", &config, "list"])
        .current_dir("/")
        .output()
        .unwrap();
    assert_eq!(ids(&out), ["a1", "a2", "b1"]);
    let only_b = home.write("only_b.toml", "data = \"b.json\"\n");
    let mut cmd = home.cmd(&["list"]);
    cmd.env("KANBAO_CONFIG", &only_b);
    assert_eq!(ids(&cmd.output().unwrap()), ["b1"]);
    // --config wins over KANBAO_CONFIG.
    let mut cmd = home.cmd(&["--config", &config, "list"]);
    cmd.env("KANBAO_CONFIG", &only_b);
    assert_eq!(ids(&cmd.output().unwrap()), ["a1", "a2", "b1"]);
    // The file's data goes to every command.
    let out = home.run(&["--config", &config, "show", "b1", "--width", "30"]);
    assert!(stdout(&out).contains("另一个文件的文章"));
}

#[test]
fn a_named_config_file_must_be_there() {
    let home = Home::new();
    let out = home.run(&["--config", "nowhere.toml", "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "kanbao: nowhere.toml：读不了配置文件（由 --config 指定）：找不到该文件；\
         kanbao config --default > 文件 可写出一份带注释的配置\n",
    );
    // A folder is said to be one, not "Is a directory (os error 21)"; the environment
    // variable that named it is said too, and in English.
    let folder = home.path("");
    let mut cmd = home.cmd(&["--lang", "en", "list"]);
    cmd.env("KANBAO_CONFIG", &folder);
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!(
            "kanbao: {folder}: cannot read the config file (named by KANBAO_CONFIG): it is a \
             folder; name a .toml file\n"
        ),
    );
}

#[test]
fn a_bad_config_file_is_an_error_at_its_line_and_column() {
    let home = Home::new();
    home.config("lang = \"en\"\n[keys.list]\n\"x\" = \"quitt\"\n");
    let out = home.run(&["list"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let place = format!("kanbao: {}:3:7：配置文件有误：", home.config_path());
    assert!(err.starts_with(&place), "{err}");
    assert!(
        err.contains("[keys.list] 中没有 `quitt` 这个动作；可用：quit, help"),
        "{err}"
    );
    home.config("mouse = yes\n");
    let err = stderr(&home.run(&["list", "--lang", "en"]));
    assert!(
        err.contains("config.toml:1:9: in the config file: not valid TOML"),
        "{err}"
    );
    home.config("[keys.reader]\n\"ctrl-d\" = \"back\"\n\"Ctrl-D\" = \"quit\"\n");
    let err = stderr(&home.run(&["list", "--lang", "en"]));
    assert!(
        err.contains("config.toml:3:1: in the config file: `Ctrl-D` is bound twice in [keys.reader] (first at 2:1); remove one"),
        "{err}"
    );
    // The template, wanted to mend the file, is printed all the same.
    let out = home.run(&["config", "--default"]);
    assert!(out.status.success());
    assert!(stdout(&out).starts_with("# kanbao 的配置文件"));
}

/// `[colors] number`, the reader's paragraph numbers, is a role as the others are:
/// `kanbao config` shows it, and a colour that is none is an error at its line and column
/// that names the forms a colour takes.
#[test]
fn the_number_role_is_shown_and_checked_as_the_others_are() {
    let home = Home::new();
    home.config("[colors]\nnumber = { fg = \"green\", bold = true }\n");
    let out = home.run(&["config", "--lang", "en"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(
            "\n[colors]\nnumber = { fg = \"green\", bold = true }  # from the config file\n"
        ),
        "{text}"
    );
    home.config("[colors]\nnumber = \"greem\"\n");
    let out = home.run(&["list", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let place = format!("kanbao: {}:2:10: in the config file: ", home.config_path());
    assert!(err.starts_with(&place), "{err}");
    assert!(
        err.contains("colors.number") && err.contains("#rrggbb"),
        "{err}"
    );
    // The template lists it with the others.
    let template = stdout(&home.run(&["config", "--default", "--lang", "en"]));
    assert!(
        template.contains("\n# number = \"darkgray\"\n"),
        "{template}"
    );
}

/// The reader with a config file: its data, a rebound key and a colour, and `?` shows
/// the key.
#[cfg(unix)]
#[test]
fn the_reader_takes_the_config_files_data_keys_and_colours() {
    let home = Home::new();
    let config = home.write(
        "reader.toml",
        "data = \"a.json\"\nstate = false\n\
         [colors]\nstatus = { fg = \"black\", bg = \"green\" }\n\
         [keys.list]\n\"x\" = \"quit\"\n\"q\" = \"none\"\n\
         [keys.reader]\n\"ctrl-b\" = \"back\"\n",
    );
    // Tall enough that the help's list section and the next fit on its first screen.
    let mut t = support::Term::start(&["--config", &config], 80, 32);
    t.wait_text("配置文件里的文章");
    t.wait_text("2 篇");
    // The colour: the status bar (the last row) on green.
    let bg = t.parser.screen().cell(31, 0).unwrap().bgcolor();
    assert_eq!(bg, vt100::Color::Idx(2));
    // The status bar's hints name the user's key for quitting, not the key it took.
    t.wait_text("x 退出");
    assert!(!t.contents().contains("q 退出"), "{}", t.contents());
    // The help lists the user's keys first on their action's row, and not the key they took.
    t.send("?");
    // The list's section fills the first page at 80x24; its last row shown is `t`.
    t.wait_text("修改日期筛选");
    let help = t.contents();
    // The list's section: its first row was `q 退出`, and is now the user's `x`.
    let rows: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.contains("│列表"))
        .skip(1)
        .take(2)
        .collect();
    let inside = rows[0].split('│').nth(1).unwrap_or_default();
    let first: Vec<&str> = inside.split_whitespace().collect();
    assert_eq!(first, ["x", "退出"], "{help}");
    let list_keys: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.contains("│列表"))
        .skip(1)
        .take_while(|l| !l.contains("│任何地方") && !l.contains("滚动"))
        .filter_map(|l| l.split('│').nth(1))
        .flat_map(str::split_whitespace)
        .collect();
    assert!(!list_keys.contains(&"q"), "{help}");
    t.send("q");
    t.wait_for("help closed", |s| !s.contains("修改日期筛选"));
    // `q` does nothing in the list now; Enter opens, Ctrl-B goes back, `x` quits.
    t.send("q");
    t.send("\r");
    t.wait_text("第一段。");
    t.send("\x02");
    t.wait_for("back to the list", |s| !s.contains("第一段。"));
    t.send("x");
    t.expect_restored();
}

#[test]
fn settings_do_not_leak_between_homes() {
    // A config file in one home is not read in another.
    let home = Home::new();
    home.config("lang = \"en\"\n");
    let other = Home::new();
    let text = stdout(&other.run(&["config"]));
    assert!(text.contains("lang = \"zh\"  # 默认"), "{text}");
    assert!(Path::new(&home.config_path()).exists());
}

/// The README's example config file is one kanbao reads.
#[test]
fn the_readmes_example_config_loads() {
    let readme = include_str!("../../README.md");
    let start = readme.find("## Config").unwrap();
    let block = &readme[start..];
    let block = &block[block.find("```toml\n").unwrap() + 8..];
    let block = &block[..block.find("```").unwrap()];
    let home = Home::new();
    let path = home.write("readme.toml", block);
    let out = home.run(&["--config", &path, "config", "--lang", "en"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("\"ctrl-n\" = \"next_article\""), "{text}");
    assert!(
        text.contains("ambiguous_width = \"auto\"  # from the config file"),
        "{text}"
    );
}

/// A device named as the config file is read up to the cap, never for ever: `/dev/zero`
/// reports a size of 0, so a read by the size the metadata gives would not stop.
#[test]
fn a_device_as_the_config_file_is_refused_at_the_cap() {
    let home = Home::new();
    let out = home
        .cmd(&["--config", "/dev/zero", "list"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("/dev/zero"), "{}", stderr(&out));
}
