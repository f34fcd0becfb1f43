//! Faults in the data as a user meets them on the command line (issue 16): devices, pipes
//! and FIFOs read once and within a bound; a long line loaded in linear time; a BOM, a
//! top-level array, an extensionless JSON Lines file, a file cut inside a character; ids
//! that could not be shown as they are; long values in messages; every problem of a file
//! reported by `check`.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::cargo_bin;

/// Held by every test here: the timing test measures alone, not against the others.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn alone() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Far longer than any of these commands takes on a loaded machine (loading the 64 MiB
/// line took over 60 s in the debug build while the whole suite ran beside four other
/// builds at load 11); a hang is killed and fails.
const LIMIT: Duration = Duration::from_secs(300);

/// Runs `kanbao args…` with `stdin` fed to it, killing it after `limit`. Memory is limited
/// to 4 GB of address space, so an unbounded read fails instead of swamping the machine.
fn run_with(args: &[&str], stdin: Option<Vec<u8>>, limit: Duration) -> Output {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 4000000 2>/dev/null; exec \"$0\" \"$@\"")
        .arg(cargo_bin("kanbao"))
        .arg("--no-state")
        .args(args)
        .env("NO_COLOR", "1")
        .env("XDG_CACHE_HOME", cache())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        });
    }
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out_pipe.read_to_end(&mut v);
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err_pipe.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("kanbao {args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

/// The cache folder the archives' indexes go to: cargo's folder for tests' files, not the
/// user's cache (a 64 MiB file is indexed; until session 27 each run left its index in
/// `~/.cache/kanbao`).
fn cache() -> std::path::PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("load_faults_cache")
}

fn run(args: &[&str]) -> Output {
    run_with(args, None, LIMIT)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

fn line(id: &str, title: &str) -> String {
    serde_json::json!({"id": id, "title": title, "paragraphs": ["正文。"]}).to_string()
}

fn lines(n: usize) -> String {
    (1..=n)
        .map(|i| line(&format!("a{i}"), "标题") + "\n")
        .collect()
}

// ---- 1. Bounded reads: devices, FIFOs, pipes ----

#[test]
fn devices_as_data_are_refused_without_reading_them_whole() {
    let _alone = alone();
    let dir = tempfile::tempdir().unwrap();
    let linked = dir.path().join("zero.jsonl");
    std::os::unix::fs::symlink("/dev/zero", &linked).unwrap();
    let linked = linked.display().to_string();
    for device in ["/dev/zero", "/dev/urandom", "/dev/full", linked.as_str()] {
        let out = run(&["--data", device, "list"]);
        assert_eq!(out.status.code(), Some(2), "{device}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.starts_with("kanbao: ") && err.contains(device), "{err}");
        assert!(err.len() < 1000, "{device}: {} bytes on stderr", err.len());
    }
}

#[test]
fn import_of_a_device_is_refused_at_a_size_limit() {
    let _alone = alone();
    for device in ["/dev/zero", "/dev/urandom"] {
        let out = run(&["import", device]);
        assert_eq!(out.status.code(), Some(2), "{device}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(device) && err.contains("字节"), "{err}");
        assert!(out.stdout.is_empty());
    }
}

/// A FIFO without an extension is read once, as a stream, its format told by content.
#[test]
fn a_fifo_is_read_once_as_a_stream() {
    let _alone = alone();
    let dir = tempfile::tempdir().unwrap();
    for (name, body) in [
        ("lines", lines(3)),
        (
            "doc",
            format!(
                "{{\"schema\": 1,\n \"articles\": [{}]}}\n",
                line("d1", "文档")
            ),
        ),
    ] {
        let fifo = dir.path().join(name);
        let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        let writer_path = fifo.clone();
        // Blocks until kanbao opens the FIFO; never joined, so a kanbao that never opens
        // it fails the test by its own limit rather than hanging it.
        std::thread::spawn(move || {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .open(writer_path)
                .unwrap();
            let _ = f.write_all(body.as_bytes());
        });
        let out = run_with(
            &["--data", &fifo.display().to_string(), "list"],
            None,
            Duration::from_secs(30),
        );
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        let n = if name == "lines" { 3 } else { 1 };
        assert_eq!(stdout(&out).lines().count(), n, "{}", stdout(&out));
    }
}

#[test]
fn standard_input_and_process_substitution_load() {
    let _alone = alone();
    let out = run_with(
        &["--data", "/dev/stdin", "list"],
        Some(lines(2).into_bytes()),
        LIMIT,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("a1\t"), "{}", stdout(&out));
    // `--data <(cat x)` in bash: a /dev/fd path to a pipe.
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "x.jsonl", lines(2).as_bytes());
    let bash = Command::new("bash")
        .arg("-c")
        .arg("\"$0\" --no-state --data <(cat \"$1\") list")
        .arg(cargo_bin("kanbao"))
        .arg(&file)
        .output();
    if let Ok(out) = bash {
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(stdout(&out).lines().count(), 2);
    }
}

/// A stream that never ends a value is refused where it stops being JSON, not read for
/// ever (the size limit of a stream is tested on the block reader, in `load::lines`).
#[test]
fn a_stream_that_never_ends_a_value_is_refused() {
    let _alone = alone();
    // `{` then NUL bytes for ever, from a FIFO with no extension: NUL is not JSON.
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("endless");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let writer_path = fifo.clone();
    std::thread::spawn(move || {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(writer_path)
            .unwrap();
        let _ = f.write_all(b"{");
        let zeros = vec![0u8; 1 << 16];
        // Ends when kanbao closes its end (a broken pipe).
        while f.write_all(&zeros).is_ok() {}
    });
    let out = run_with(
        &["--data", &fifo.display().to_string(), "list"],
        None,
        Duration::from_secs(30),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains(":1:"), "{}", stderr(&out));
}

// ---- 2. Linear time in the length of a line ----

fn long_line_file(dir: &Path, name: &str, bytes: usize) -> String {
    let unit = "工会驿站服务新就业形态劳动者。";
    let paragraph = unit.repeat(bytes / unit.len());
    let text = serde_json::json!({"id": name, "title": "长", "paragraphs": [paragraph]});
    write(dir, name, format!("{text}\n{}", line("b", "短")).as_bytes())
}

/// The processor time (user + system) `kanbao --data PATH list` takes, as bash's `times`
/// reports it for its children. Processor time, not wall time: on a busy machine a process
/// waits for a processor longer the longer it runs, which says nothing of the loader.
fn cpu_of_list(path: &str) -> Duration {
    let out = Command::new("bash")
        .arg("-c")
        .arg("\"$0\" --no-state --data \"$1\" list > /dev/null || exit 9; times")
        .arg(cargo_bin("kanbao"))
        .arg(path)
        .env("XDG_CACHE_HOME", cache())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    // `times`: the shell's own user and system time, then its children's: `0m0.013s 0m0.004s`.
    let children = stdout(&out).lines().last().unwrap_or_default().to_string();
    children
        .split_whitespace()
        .map(|t| {
            let (m, s) = t.trim_end_matches('s').split_once('m').unwrap();
            Duration::from_secs_f64(m.parse::<f64>().unwrap() * 60.0 + s.parse::<f64>().unwrap())
        })
        .sum()
}

/// Issue 16 asks for this ratio: a 64 MiB line against an 8 MiB line, at most 10× the time
/// (a linear loader takes about 8×; the quadratic one took 60×). The least of five runs
/// each, taken in turns.
#[test]
fn a_long_line_loads_in_time_linear_in_its_length() {
    let dir = tempfile::tempdir().unwrap();
    let small = long_line_file(dir.path(), "small.jsonl", 8 << 20);
    let big = long_line_file(dir.path(), "big.jsonl", 64 << 20);
    // Both load, with their two articles.
    for path in [&small, &big] {
        let out = run(&["--data", path, "list"]);
        assert_eq!(stdout(&out).lines().count(), 2, "{}", stderr(&out));
    }
    let (mut small_time, mut big_time) = (Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        small_time = small_time.min(cpu_of_list(&small));
        big_time = big_time.min(cpu_of_list(&big));
    }
    let ratio = big_time.as_secs_f64() / small_time.as_secs_f64().max(0.001);
    assert!(
        ratio <= 10.0,
        "64 MiB: {big_time:?}, 8 MiB: {small_time:?}, ratio {ratio:.1}"
    );
}

// ---- 3. BOM, top-level shapes, format by content, truncation ----

#[test]
fn a_byte_order_mark_is_skipped() {
    let _alone = alone();
    let dir = tempfile::tempdir().unwrap();
    let doc = format!(
        "\u{feff}{{\"schema\":1,\"articles\":[{}]}}",
        line("1", "一")
    );
    for (name, body) in [
        ("bom.json", doc.clone()),
        ("bom.jsonl", format!("\u{feff}{}", lines(2))),
        ("bom", format!("\u{feff}{}", lines(2))),
        ("bomdoc", doc),
    ] {
        let path = write(dir.path(), name, body.as_bytes());
        let out = run(&["--data", &path, "list"]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
    }
}

#[test]
fn a_top_level_array_says_what_is_expected() {
    let _alone = alone();
    let dir = tempfile::tempdir().unwrap();
    let articles = format!("[{}]", line("1", "一"));
    let tuple = format!("[1, \"banner\", [{}]]", line("1", "一"));
    for (name, body) in [
        ("a.json", &articles),
        ("t.json", &tuple),
        ("a", &articles),
        ("t", &tuple),
    ] {
        let path = write(dir.path(), name, body.as_bytes());
        let out = run(&["--data", &path, "list"]);
        assert_eq!(out.status.code(), Some(2), "{name} was accepted");
        let err = stderr(&out);
        assert!(
            err.contains(&format!("{path}:1:1")) && err.contains("数组"),
            "{err}"
        );
        assert!(
            err.contains("\"schema\": 1") && err.contains("JSON Lines"),
            "{err}"
        );
    }
    // A line of a JSON Lines file that is an array is not read as an article either.
    let body = format!("{}\n[\"2\", \"二\", null]\n", line("1", "一"));
    let path = write(dir.path(), "l.jsonl", body.as_bytes());
    let out = run(&["--data", &path, "list"]);
    assert_eq!(out.status.code(), Some(2), "an array line was accepted");
    assert!(
        stderr(&out).contains(&format!("{path}:2:1")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn json_lines_without_an_extension_are_told_by_content() {
    let _alone = alone();
    let dir = tempfile::tempdir().unwrap();
    // A first line of 2 MiB, and one 200 levels deep in a field kanbao ignores.
    let long = serde_json::json!({"id": "1", "title": "长", "paragraphs": ["字".repeat(700_000)]});
    let deep = format!(
        "{{\"id\":\"1\",\"title\":\"深\",\"paragraphs\":[],\"x\":{}1{}}}",
        "[".repeat(100),
        "]".repeat(100)
    );
    for (name, first) in [("long", long.to_string()), ("deep", deep)] {
        let body = format!("{first}\n{}\n", line("2", "二"));
        let path = write(dir.path(), name, body.as_bytes());
        let out = run(&["--data", &path, "list"]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        assert_eq!(stdout(&out).lines().count(), 2);
    }
}

#[test]
fn a_file_cut_inside_a_character_is_called_cut_not_misencoded() {
    let _alone = alone();
    let dir = tempfile::tempdir().unwrap();
    let whole = format!("{}\n{}", line("1", "一"), line("2", "工会驿站"));
    let bytes = whole.as_bytes();
    // Cut inside 驿 (3 bytes): the last line ends with two bytes of it.
    let at = whole.find('驿').unwrap() + 2;
    for name in ["cut.jsonl", "cut.json", "cut"] {
        let path = write(dir.path(), name, &bytes[..at]);
        let out = run(&["--data", &path, "list"]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = stderr(&out);
        assert!(err.contains("截断") && !err.contains("不是 UTF-8"), "{err}");
        assert!(err.contains(&format!("{path}:2:")), "{err}");
    }
    // A wrong encoding is still called that.
    let path = write(
        dir.path(),
        "gbk.jsonl",
        b"{\"id\":\"1\",\"title\":\"\xb1\xb1\"}\n",
    );
    let out = run(&["--data", &path, "list"]);
    assert!(stderr(&out).contains("UTF-8"), "{}", stderr(&out));
}

// ---- 4. Ids, long values, districts, blank titles ----

#[test]
fn ids_must_be_non_empty_and_visible() {
    let _alone = alone();
    let dir = tempfile::tempdir().unwrap();
    for (n, id) in ["", "a\nb", "a\tb", "x\u{1b}[31m", "a\u{200b}b"]
        .iter()
        .enumerate()
    {
        let body = format!("{}\n{}\n", line("ok", "好"), line(id, "标题"));
        let path = write(dir.path(), &format!("{n}.jsonl"), body.as_bytes());
        let out = run(&["--data", &path, "list"]);
        assert_eq!(out.status.code(), Some(2), "{id:?} was accepted");
        let err = stderr(&out);
        assert!(err.contains(&format!("{path}:2:2")), "{id:?}: {err}");
        assert!(err.contains("id"), "{err}");
        // In a document, the article is named by its number.
        let doc = format!(
            "{{\"schema\":1,\"articles\":[{},\n{}]}}",
            line("ok", "好"),
            line(id, "标题")
        );
        let path = write(dir.path(), &format!("{n}.json"), doc.as_bytes());
        let out = run(&["--data", &path, "list"]);
        assert_eq!(out.status.code(), Some(2), "{id:?} was accepted");
        assert!(stderr(&out).contains("第 2 篇"), "{}", stderr(&out));
    }
}

#[test]
fn long_values_are_cut_in_messages() {
    let _alone = alone();
    let dir = tempfile::tempdir().unwrap();
    let long = "长".repeat(1 << 18);
    let dup = format!("{}\n{}\n", line(&long, "一"), line(&long, "二"));
    let kind = serde_json::json!({"id": "1", "title": "一", "paragraphs": [], "kind": long});
    let district =
        serde_json::json!({"id": "1", "title": "一", "paragraphs": [], "district": long});
    for (name, body) in [
        ("dup.jsonl", dup),
        ("kind.jsonl", kind.to_string()),
        ("district.jsonl", district.to_string()),
    ] {
        let path = write(dir.path(), name, body.as_bytes());
        let out = run(&["--data", &path, "list"]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = stderr(&out);
        assert!(
            err.len() < 1000 && err.contains('…'),
            "{name}: {} bytes",
            err.len()
        );
    }
}

#[test]
fn a_control_character_in_a_district_is_shown_in_the_message() {
    let _alone = alone();
    let dir = tempfile::tempdir().unwrap();
    let body =
        serde_json::json!({"id": "1", "title": "一", "paragraphs": [], "district": "西城区\u{1b}"});
    let path = write(dir.path(), "d.jsonl", body.to_string().as_bytes());
    let out = run(&["--data", &path, "list"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    // Not "`西城区` is not one of the 16": the character that is wrong is shown.
    assert!(
        !err.contains("`西城区`") && err.contains("`西城区\\u{1b}`"),
        "{err}"
    );
}

/// A title that shows nothing is stood in for by (无标题) in the reader (README); blanks,
/// an empty title, zero-width characters and a lone escape are all treated so (a title of
/// " " was refused while a zero-width one was accepted).
#[test]
fn titles_that_show_nothing_are_all_treated_alike() {
    let _alone = alone();
    let dir = tempfile::tempdir().unwrap();
    let titles = [
        "",
        " ",
        "\u{3000}",
        "\u{200b}",
        "\u{200b}\u{feff} ",
        "\u{1b}",
    ];
    let body: String = titles
        .iter()
        .enumerate()
        .map(|(n, title)| line(&format!("t{n}"), title) + "\n")
        .collect();
    let path = write(dir.path(), "blank.jsonl", body.as_bytes());
    let out = run(&["--data", &path, "list", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), titles.len());
    let out = run(&["check", &path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

// ---- 5. check reports every problem ----

#[test]
fn check_reports_every_problem_of_a_file() {
    let _alone = alone();
    let dir = tempfile::tempdir().unwrap();
    let body = [
        line("1", "一"),
        "{\"id\":\"2\",".to_string(),
        line("3", "三"),
        line("", "四"),
        line("5", "五"),
        line("1", "重复"),
        line("7", "七"),
    ]
    .join("\n");
    let path = write(dir.path(), "many.jsonl", body.as_bytes());
    let out = run(&["check", &path]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    for at in [":2:", ":4:", ":6:"] {
        assert!(err.contains(&format!("{path}{at}")), "{at}: {err}");
    }
    assert!(err.contains("3 处问题"), "{err}");
    assert!(stdout(&out).is_empty());
}

#[test]
fn check_lists_up_to_a_limit_and_counts_the_rest() {
    let _alone = alone();
    let dir = tempfile::tempdir().unwrap();
    let body: String = (1..=250).map(|i| format!("{{\"id\":\"{i}\"\n")).collect();
    let path = write(dir.path(), "bad.jsonl", body.as_bytes());
    let out = run(&["check", &path]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains(&format!("{path}:100:")), "{err}");
    assert!(!err.contains(&format!("{path}:101:")), "{err}");
    assert!(err.contains("150"), "{err}");
    // A document's articles are all checked too.
    let doc = format!(
        "{{\"schema\":1,\"articles\":[{},\n{},\n{}]}}",
        line("", "一"),
        line("2", "二"),
        line("", "三")
    );
    let path = write(dir.path(), "doc.json", doc.as_bytes());
    let err = stderr(&run(&["check", &path]));
    assert!(err.contains("第 1 篇") && err.contains("第 3 篇"), "{err}");
}

#[test]
fn check_says_ok_in_the_users_language_with_the_name_made_safe() {
    let _alone = alone();
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "x\u{1b}]0;PWN\u{7}.jsonl", lines(2).as_bytes());
    let out = run(&["check", &path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
    assert!(text.contains("2 篇"), "{text}");
    let out = run(&["--lang", "en", "check", &path]);
    assert!(stdout(&out).contains("2 articles"), "{}", stdout(&out));
}

/// The property the lines loader had with one error, kept with several: what `check`
/// reports first is what loading reports.
#[test]
fn check_and_load_agree_on_the_first_problem() {
    let _alone = alone();
    let dir = tempfile::tempdir().unwrap();
    let body = format!("{}\n{{\n{}\n", line("1", "一"), line("1", "一"));
    let path = write(dir.path(), "two.jsonl", body.as_bytes());
    let load = stderr(&run(&["--data", &path, "list"]));
    let check = stderr(&run(&["check", &path]));
    let first = load.trim_start_matches("kanbao: ").trim_end();
    assert!(check.contains(first), "{load}\n{check}");
}
