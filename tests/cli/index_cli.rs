//! `kanbao index` and the indexed commands, as a user meets them: same output as the
//! in-memory path (`--no-index`), progress on stderr, a damaged index rebuilt with a warning.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

fn kanbao(cache: &Path) -> Command {
    let mut cmd = Command::cargo_bin("kanbao").unwrap();
    cmd.env("XDG_CACHE_HOME", cache).env_remove("HOME");
    cmd
}

fn stdout(cache: &Path, args: &[&str]) -> String {
    let out = kanbao(cache).args(args).output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// A generated archive of `n` articles in a fresh folder: the folder (kept alive by the
/// caller), the cache folder in it (not made), and the data file's path.
fn archive(n: usize, seed: u64) -> (TempDir, std::path::PathBuf, String) {
    let dir = TempDir::new().unwrap();
    let cache = dir.path().join("cache");
    let data = dir.path().join("a.jsonl");
    let mut bytes = Vec::new();
    kanbao::archive::generate(n, seed, &mut bytes).unwrap();
    std::fs::write(&data, bytes).unwrap();
    (dir, cache, data.to_str().unwrap().to_string())
}

#[test]
fn indexed_commands_print_what_the_in_memory_path_prints() {
    let (dir, cache, data) = archive(120, 4);
    let data = data.as_str();
    let out = kanbao(&cache).args(["index", data]).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("120 篇"), "{err}");
    assert!(err.contains("MB/s"), "{err}");
    assert!(
        cache.join("kanbao/index").is_dir(),
        "the index lives in the cache"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "nothing is written next to the data"
    );
    let id = stdout(&cache, &["--no-index", "--data", data, "list"])
        .split('\t')
        .next()
        .unwrap()
        .to_string();
    for args in [
        // One literal term: ranked from the index and streamed (`Archive::ranked`).
        vec!["search", "工会"],
        vec!["search", "服务站"],
        // Counted from the postings (one literal term) and from the candidates (pinyin).
        vec!["search", "工会", "--count"],
        vec!["search", "服务站", "--count", "--json"],
        vec!["search", "gonghui", "--count"],
        // Not counted by the index: checked a block at a time, then streamed or counted.
        vec!["search", "gonghui"],
        vec!["search", "ghyz", "--count", "--json"],
        vec!["search", "站"],
        vec!["search", "工会 -驿站"],
        vec!["search", "title:工会 驿站"],
        vec!["search", "gonghui", "--district", "xc"],
        vec!["search", "gonghui fw", "--json"],
        vec!["search", "\"工会 \""],
        // Written a chunk at a time in any order and as JSON: the same bytes.
        vec!["search", "工会", "--json"],
        vec!["search", "工会", "--sort", "date"],
        vec!["search", "gonghui 服务", "--sort", "date", "--json"],
        vec!["search", "title:工会", "--count"],
        vec!["search", "title:工会 gonghui", "--json"],
        vec!["search", "district:xc 工会", "--sort", "date"],
        vec!["search", "district:xc", "--count"],
        vec!["list"],
        vec!["list", "--json"],
        vec!["list", "--json", "--since", "2019-01-03"],
        vec!["list", "--json", "--district", "xc"],
        vec!["list", "--query", "ghyz"],
        vec!["list", "--query", "title:工会 district:xc", "--json"],
        vec!["districts"],
        vec!["show", &id, "--width", "30"],
    ] {
        let mut indexed = vec!["--data", data];
        indexed.extend(&args);
        let mut whole = vec!["--no-index", "--data", data];
        whole.extend(&args);
        let a = stdout(&cache, &indexed);
        assert!(!a.is_empty(), "{args:?}");
        assert_eq!(a, stdout(&cache, &whole), "{args:?}");
    }
}

#[test]
fn a_damaged_index_is_rebuilt_with_a_warning() {
    let (_dir, cache, data) = archive(30, 6);
    let data = data.as_str();
    kanbao(&cache).args(["index", data]).assert().success();
    let root = cache.join("kanbao/index");
    // The index's folder (its build lock, `<folder>.lock`, stands beside it).
    let folder = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.is_dir())
        .unwrap();
    std::fs::write(folder.join("meta.json"), "scribbled").unwrap();
    let out = kanbao(&cache)
        .args(["--data", data, "search", "工会"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("索引已损坏"), "{err}");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        stdout(&cache, &["--no-index", "--data", data, "search", "工会"])
    );
    let out = kanbao(&cache)
        .args(["--data", data, "search", "工会"])
        .output()
        .unwrap();
    assert!(out.stderr.is_empty(), "rebuilt once");
}

#[test]
fn a_large_archive_is_indexed_on_first_use_and_a_small_one_is_not() {
    let (_dir, cache, data) = archive(80, 6);
    let data = data.as_str();
    let memory = stdout(&cache, &["--no-index", "--data", data, "search", "工会"]);
    // Below the size (the default, 64 MiB): read whole, nothing written to the cache.
    let small = kanbao(&cache)
        .args(["--data", data, "search", "工会"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(small.stdout).unwrap(), memory);
    assert!(
        !cache.join("kanbao/index").exists(),
        "no index for a small archive"
    );
    // At the size: the first command builds the index with its progress, then answers.
    let first = kanbao(&cache)
        .env("KANBAO_AUTO_INDEX", "1000")
        .args(["--data", data, "search", "工会"])
        .output()
        .unwrap();
    let err = String::from_utf8(first.stderr).unwrap();
    assert!(err.contains("正在建立索引"), "{err}");
    assert!(err.contains("80 篇"), "progress: {err}");
    assert_eq!(String::from_utf8(first.stdout).unwrap(), memory);
    assert!(cache.join("kanbao/index").is_dir());
    // The next one opens it and says nothing.
    let next = kanbao(&cache)
        .env("KANBAO_AUTO_INDEX", "1000")
        .args(["--data", data, "search", "工会"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(next.stderr).unwrap(), "");
    assert_eq!(String::from_utf8(next.stdout).unwrap(), memory);
}

#[test]
fn a_cache_that_cannot_be_written_falls_back_to_reading_the_archive_whole() {
    let dir = TempDir::new().unwrap();
    // The cache folder is a file: nothing can be created under it.
    let cache = dir.path().join("cache");
    std::fs::write(&cache, b"not a folder").unwrap();
    let data = dir.path().join("a.jsonl");
    let mut bytes = Vec::new();
    kanbao::archive::generate(40, 6, &mut bytes).unwrap();
    std::fs::write(&data, bytes).unwrap();
    let data = data.to_str().unwrap();
    let out = kanbao(&cache)
        .env("KANBAO_AUTO_INDEX", "1")
        .args(["--data", data, "search", "工会"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("改为读取整个归档"), "{err}");
    let memory = stdout(
        &dir.path().join("other"),
        &["--no-index", "--data", data, "search", "工会"],
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), memory);
}

#[test]
fn export_through_the_index_writes_what_the_loaded_archive_writes() {
    let dir = TempDir::new().unwrap();
    let cache = dir.path().join("cache");
    let state = dir.path().join("state");
    let folder = dir.path().join("archive");
    std::fs::create_dir(&folder).unwrap();
    for (name, seed, prefix) in [("a.jsonl", 4, ""), ("b.jsonl", 8, "b-")] {
        let mut bytes = Vec::new();
        kanbao::archive::generate(70, seed, &mut bytes).unwrap();
        let text = String::from_utf8(bytes)
            .unwrap()
            .replace("\"id\":\"", &format!("\"id\":\"{prefix}"));
        std::fs::write(folder.join(name), text).unwrap();
    }
    // A schema-1 page whose newspaper's name is given once, for the whole page.
    let page = r#"{"schema":1,"source":"劳动午报","articles":[{"id":"p-1","title":"工会驿站开门","date":"2019-01-09","paragraphs":["工会驿站今天开门。"]}]}"#;
    std::fs::write(folder.join("c.json"), page).unwrap();
    let data = folder.to_str().unwrap();
    let run = |args: &[&str]| {
        let out = kanbao(&cache)
            .env("XDG_STATE_HOME", &state)
            .env("SOURCE_DATE_EPOCH", "1700000000")
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.code().unwrap_or(9) <= 1, "{args:?}: {out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    kanbao(&cache).args(["index", data]).assert().success();
    let ids: Vec<String> = run(&["--no-index", "--data", data, "list"])
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect();
    run(&["--data", data, "tag", &ids[3], "+待核实"]);
    run(&["--data", data, "tag", &ids[40], "+待核实"]);
    run(&["--data", data, "note", &ids[40], "核对日期"]);
    for args in [
        vec!["export"],
        vec!["export", "--id", &ids[9], "--id", &ids[2], "--id", "p-1"],
        vec![
            "export",
            "--query",
            "驿站",
            "--since",
            "2019-01-05",
            "--until",
            "2019-01-10",
        ],
        vec!["export", "--tag", "待核实", "--notes"],
        vec!["export", "--district", "朝阳区", "--format", "txt"],
        vec![
            "export", "--query", "工会", "--format", "json", "--order", "date",
        ],
        vec![
            "export",
            "--query",
            "gonghui fw",
            "--id",
            &ids[0],
            "--id",
            &ids[1],
        ],
    ] {
        let mut indexed = vec!["--data", data];
        indexed.extend(&args);
        let mut whole = vec!["--no-index", "--data", data];
        whole.extend(&args);
        let through = run(&indexed);
        assert_eq!(through, run(&whole), "{args:?}");
        assert!(!through.is_empty(), "{args:?}");
    }
    let one = run(&["--data", data, "export", "--id", "p-1"]);
    assert!(
        one.contains("劳动午报"),
        "the page's newspaper is cited: {one}"
    );
}

/// `kanbao search 工会 | head -1` through the index: the first row is the in-memory path's
/// first row, and once the reader has closed the pipe the search ends quietly (no error, no
/// ranking of the rest finished first: `index::run` watches the pipe while it ranks).
#[test]
fn a_search_whose_reader_leaves_after_the_first_rows_ends_quietly() {
    let (_dir, cache, data) = archive(3000, 6);
    let data = data.as_str();
    kanbao(&cache).args(["index", data]).assert().success();
    for args in [&["search", "工会"][..], &["list", "--query", "工会"]] {
        leaves_after_the_first_row(&cache, data, args);
    }
}

/// `kanbao --data DATA ARGS` whose reader reads one row and leaves: that row is the first
/// of `--no-index`, and the process ends quietly (exit 0, nothing on stderr).
fn leaves_after_the_first_row(cache: &Path, data: &str, args: &[&str]) {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let mut whole = vec!["--no-index", "--data", data];
    whole.extend(args);
    let memory = stdout(cache, &whole);
    let bin = assert_cmd::cargo::cargo_bin("kanbao");
    let mut child = std::process::Command::new(bin)
        .env("XDG_CACHE_HOME", cache)
        .env_remove("HOME")
        .args(["--data", data])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is gone: stdout's read end closed.
    assert_eq!(
        first,
        memory.lines().next().unwrap().to_string() + "\n",
        "{args:?}"
    );
    // Bounded: a search that never ended would be killed here and fail.
    let mut waited = 0;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(waited < 6000, "{args:?} did not end after its reader left");
        std::thread::sleep(std::time::Duration::from_millis(10));
        waited += 1;
    };
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert!(status.success(), "{args:?}: {status:?}");
    assert!(err.is_empty(), "{args:?}: {err}");
}

/// `list --query` and `timeline --query` over more candidates than are read at a time
/// (4,096): best first over the whole archive, as `search` ranks and as the in-memory path
/// lists them. Until session 25 each block was ranked on its own. All of these come from the
/// index alone now (a pinyin exclusion since session 25, a phrase with gaps since 26).
#[test]
fn list_query_ranks_the_whole_archive_as_search_does() {
    let (_dir, cache, data) = archive(5_000, 6);
    let data = data.as_str();
    assert!(
        kanbao(&cache)
            .args(["index", data])
            .output()
            .unwrap()
            .status
            .success()
    );
    for query in [
        "驿站",
        "驿站 -siji",
        "\"工会 驿站\"",
        "kind:photo",
        "reporter:王",
    ] {
        for command in ["list", "timeline"] {
            let indexed = stdout(&cache, &["--data", data, command, "--query", query]);
            let whole = stdout(
                &cache,
                &["--no-index", "--data", data, command, "--query", query],
            );
            assert!(indexed.lines().count() > 3, "{command} {query}: {indexed}");
            assert_eq!(indexed, whole, "{command} {query}");
        }
    }
}

/// The index is built of exactly the articles the loader keeps: an article it refuses (an
/// empty id, an id with a character that does not show) fails `kanbao index` as it fails
/// loading, with the same message; until session 25 the index took them and the indexed
/// path showed them (an id holding U+200B printed as if it had none).
#[test]
fn the_index_refuses_what_loading_refuses() {
    let dir = TempDir::new().unwrap();
    let cache = dir.path().join("cache");
    for (name, id) in [("empty.jsonl", ""), ("hidden.jsonl", "x\u{200b}y")] {
        let data = dir.path().join(name);
        let line = serde_json::json!({"id": id, "title": "标题", "paragraphs": ["正文"]});
        std::fs::write(&data, format!("{line}\n")).unwrap();
        let data = data.to_str().unwrap();
        let loaded = kanbao(&cache)
            .args(["--no-index", "--data", data, "list"])
            .output()
            .unwrap();
        let indexed = kanbao(&cache).args(["index", data]).output().unwrap();
        assert_eq!(loaded.status.code(), Some(2), "{name}");
        assert_eq!(indexed.status.code(), Some(2), "{name}");
        let said = String::from_utf8(indexed.stderr).unwrap();
        assert_eq!(said, String::from_utf8(loaded.stderr).unwrap(), "{name}");
        assert!(said.contains(&format!("{name}:1:")), "{said}");
        // Nothing indexed: the list is the loader's error again.
        let listed = kanbao(&cache)
            .args(["--data", data, "list"])
            .output()
            .unwrap();
        assert_eq!(listed.status.code(), Some(2), "{name}");
        assert!(listed.stdout.is_empty(), "{name}");
    }
}

/// Through the index, the loader's warning about dates that are not real days is given as
/// reading the archive whole gives it (it was not, until session 25), and the rows agree.
#[test]
fn dates_that_are_no_day_are_warned_of_through_the_index_too() {
    let dir = TempDir::new().unwrap();
    let cache = dir.path().join("cache");
    let data = dir.path().join("a.jsonl");
    let lines: Vec<String> = [
        ("a", "2024-02-30"),
        ("b", "2024-03-01"),
        ("c", "昨天"),
        ("d", ""),
    ]
    .iter()
    .map(|(id, date)| {
        serde_json::json!({"id": id, "title": "标题", "date": date, "paragraphs": ["正文"]})
            .to_string()
    })
    .collect();
    std::fs::write(&data, lines.join("\n") + "\n").unwrap();
    let data = data.to_str().unwrap();
    kanbao(&cache).args(["index", data]).assert().success();
    let whole = kanbao(&cache)
        .args(["--no-index", "--data", data, "list"])
        .output()
        .unwrap();
    let indexed = kanbao(&cache)
        .args(["--data", data, "list"])
        .output()
        .unwrap();
    let said = String::from_utf8(indexed.stderr).unwrap();
    assert!(said.contains("2 篇文章的日期不是真实的"), "{said}");
    assert_eq!(said, String::from_utf8(whole.stderr).unwrap());
    assert_eq!(indexed.stdout, whole.stdout);
}

/// `kanbao index /dev/zero` read it to no end (7.5 GB in five seconds): a device or a pipe
/// is refused at once, with what to do instead, and no index is made.
#[cfg(unix)]
#[test]
fn a_device_or_a_pipe_is_refused_at_once() {
    let dir = TempDir::new().unwrap();
    let cache = dir.path().join("cache");
    let fifo = dir.path().join("pipe.jsonl");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for path in [Path::new("/dev/zero"), fifo.as_path()] {
        let out = kanbao(&cache)
            .args(["index", path.to_str().unwrap()])
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{}: {err}", path.display());
        assert!(
            err.contains("不是普通文件") && err.contains("--data"),
            "{err}"
        );
    }
    assert!(!cache.join("kanbao/index").exists());
}
