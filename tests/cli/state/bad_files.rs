//! Files that are no good as the state file: damaged ones are moved aside with a warning
//! (at the start or on a save), anything that is not a state file (a folder, other JSON, a
//! device, a FIFO) is refused untouched, an oversized one unread, and read-only access
//! changes nothing.

use std::path::Path;
use std::process::Command;
use std::time::Duration;
use std::{fs, thread};

use kanbao::state::{Access, MAX_BYTES, NotState, StateError, StateStore, Warning};

use super::{SRC, names, open, state_path};

fn assert_moved_aside(content: &[u8], reason_contains: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    fs::write(&path, content).unwrap();
    let (mut store, warnings) = StateStore::open(Some(path.clone()));
    let [
        Warning::MovedAside {
            moved_to, reason, ..
        },
    ] = warnings.as_slice()
    else {
        panic!("expected one MovedAside, got {warnings:?}");
    };
    assert!(reason.contains(reason_contains), "{reason}");
    let name = moved_to.file_name().unwrap().to_string_lossy();
    assert!(name.starts_with("state.json.bad-"), "{name}");
    assert_eq!(fs::read(moved_to).unwrap(), content);
    let message = warnings[0].to_string();
    assert!(message.contains(&*path.to_string_lossy()), "{message}");
    assert!(message.contains(&*moved_to.to_string_lossy()), "{message}");
    assert!(!path.exists());

    // Reading goes on with empty state, and saving works.
    assert!(store.source(SRC).is_none() && store.saves());
    store.set_read(SRC, "1", true);
    store.save().unwrap();
    assert!(open(&path).is_read(SRC, "1"));
    assert_eq!(fs::read(moved_to).unwrap(), content);
}

#[test]
fn bad_json_is_moved_aside_with_a_warning() {
    assert_moved_aside(b"{\"version\": 1, \"sources\": {", "EOF");
}

#[test]
fn wrong_types_are_moved_aside_with_a_warning() {
    assert_moved_aside(
        br#"{"version":1,"sources":{"builtin":{"1":{"read":"yes"}}}}"#,
        "invalid type",
    );
}

#[test]
fn a_file_that_is_not_utf8_is_moved_aside_with_a_warning() {
    assert_moved_aside(b"{\"version\":1,\"sources\":{\"\xff\":{}}}", "UTF-8");
}

/// Opens `path` for the reader and expects a refusal that names it, leaving the folder as
/// it was (nothing moved, no lock file).
fn assert_refused(path: &Path, found: NotState) {
    let dir = path.parent().unwrap();
    let before = names(dir);
    let result = StateStore::open_with(Some(path.to_owned()), Access::ReadWrite);
    let Err(error) = result else {
        panic!("{} was opened as a state file", path.display());
    };
    assert!(
        matches!(&error, StateError::NotState { found: f, .. } if *f == found),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.contains(&*path.to_string_lossy()), "{message}");
    assert!(message.contains("--state"), "says what to do: {message}");
    assert_eq!(names(dir), before, "nothing moved or created");
}

#[test]
fn a_folder_in_place_of_the_file_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    fs::create_dir(&path).unwrap();
    assert_refused(&path, NotState::Folder);
    assert!(path.is_dir());
}

#[test]
fn other_json_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    // `--state articles.json`: the user's data, named by mistake.
    let articles = br#"{"articles":[{"id":"1","title":"x","paragraphs":["y"]}]}"#;
    for (name, content) in [
        ("articles.json", &articles[..]),
        ("package.json", br#"{"version":"1.0.0","name":"x"}"#),
        ("list.json", br#"[{"version":1,"sources":{}}]"#),
        ("cut.json", br#"{"articles":[{"id":"1","ti"#),
        ("empty.json", b""),
        ("notes.txt", "看报\n".as_bytes()),
    ] {
        let path = dir.path().join(name);
        fs::write(&path, content).unwrap();
        let found = if content.is_empty() {
            NotState::Empty
        } else {
            NotState::Content
        };
        assert_refused(&path, found);
        assert_eq!(fs::read(&path).unwrap(), content, "{name} unchanged");
    }
}

#[cfg(unix)]
#[test]
fn devices_and_fifos_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    // Through links, so that a kanbao that moved them would move the link, not the device.
    for device in ["/dev/null", "/dev/zero", "/dev/full"] {
        let link = dir.path().join(format!("{}.json", &device[5..]));
        std::os::unix::fs::symlink(device, &link).unwrap();
        assert_refused(&link, NotState::Device);
        assert_eq!(fs::read_link(&link).unwrap(), Path::new(device));
    }
    // A FIFO with no writer: opening it to read would wait for one for ever.
    let fifo = dir.path().join("pipe.json");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let (tx, rx) = std::sync::mpsc::channel();
    let open = fifo.clone();
    thread::spawn(move || {
        let result = StateStore::open_with(Some(open), Access::ReadWrite).map(drop);
        let _ = tx.send(result);
    });
    let result = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("opening a FIFO as the state file returned");
    assert!(
        matches!(
            result,
            Err(StateError::NotState {
                found: NotState::Fifo,
                ..
            })
        ),
        "{result:?}"
    );
    assert!(fifo.exists());
}

#[test]
fn a_file_over_the_limit_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    // It begins as a state file: only its size is wrong. Sparse: no disk space taken.
    let file = fs::File::create(&path).unwrap();
    std::io::Write::write_all(&mut &file, b"{\"version\":1,\"sources\":{").unwrap();
    file.set_len(MAX_BYTES + 1).unwrap();
    drop(file);
    let result = StateStore::open_with(Some(path.clone()), Access::ReadWrite).map(drop);
    let Err(error) = result else {
        panic!("a file over the limit was opened");
    };
    assert!(matches!(error, StateError::TooLarge { .. }), "{error:?}");
    assert!(error.to_string().contains(&*path.to_string_lossy()));
    assert_eq!(names(dir.path()), ["state.json"]);
    assert_eq!(fs::metadata(&path).unwrap().len(), MAX_BYTES + 1);
}

#[test]
fn read_only_access_never_moves_or_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let damaged = b"{\"version\": 1, \"sources\": {\"builtin\": {\"1\": {\"rea";
    fs::write(&path, damaged).unwrap();
    let (mut store, warnings) =
        StateStore::open_with(Some(path.clone()), Access::ReadOnly).unwrap();
    assert!(
        matches!(warnings.as_slice(), [Warning::Damaged { .. }]),
        "{warnings:?}"
    );
    assert!(warnings[0].to_string().contains("left as it is"));
    assert!(!store.saves());
    store.set_read(SRC, "1", true);
    store.save().unwrap();
    assert_eq!(fs::read(&path).unwrap(), damaged);
    assert_eq!(
        names(dir.path()),
        ["state.json"],
        "no lock file, nothing moved"
    );
}

#[test]
fn a_file_gone_bad_during_a_session_is_moved_aside_on_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let mut store = open(&path);
    store.set_read(SRC, "1", true);
    fs::write(&path, "{\"version\": 1, \"sources\": {\"gar").unwrap();
    store.save().unwrap();
    assert!(open(&path).is_read(SRC, "1"));
    let warnings = store.take_warnings();
    assert!(matches!(warnings.as_slice(), [Warning::MovedAside { .. }]));
    assert!(store.take_warnings().is_empty());
}
