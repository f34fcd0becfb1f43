//! The state store on any bytes as its file. Never a panic, and:
//! - a read-only open changes nothing in the folder;
//! - a refused file (not a kanbao state file) is left as it was, with nothing added beside it;
//! - a file moved aside began as kanbao writes one (`{` first) and is kept whole;
//! - a file that opens whole is saved and read back to the same marks, and a change made
//!   then is saved with them;
//! - a newer kanbao's file is never written.
#![no_main]
use std::fs;
use std::path::Path;

use kanbao::state::{Access, Entry, StateError, StateStore, Warning};
use libfuzzer_sys::fuzz_target;

/// Names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Every mark of `store` under the source keys named in the file's JSON.
fn marks(store: &StateStore, keys: &[String]) -> Vec<(String, String, Entry)> {
    let mut all = Vec::new();
    for key in keys {
        if let Some(source) = store.source(key) {
            for (id, entry) in source.entries() {
                all.push((key.clone(), id.to_owned(), *entry));
            }
        }
    }
    all
}

fuzz_target!(|bytes: &[u8]| {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("state.json");
    fs::write(&path, bytes).expect("write");

    // Read-only: nothing written, moved or created, whatever the bytes.
    let read_only = StateStore::open_with(Some(path.clone()), Access::ReadOnly);
    if let Ok((mut store, _)) = read_only {
        assert!(!store.saves());
        store.set_read("k", "id", true);
        store.save().expect("a read-only store's save does nothing");
    }
    assert_eq!(names(dir.path()), ["state.json"]);
    assert_eq!(fs::read(&path).expect("read"), bytes);

    match StateStore::open_with(Some(path.clone()), Access::ReadWrite) {
        Err(e) => {
            assert!(
                matches!(e, StateError::NotState { .. } | StateError::TooLarge { .. }),
                "{e:?}"
            );
            assert_eq!(names(dir.path()), ["state.json"], "{e:?}");
            assert_eq!(fs::read(&path).expect("read"), bytes, "{e:?}");
        }
        Ok((mut store, warnings)) => match warnings.as_slice() {
            [Warning::MovedAside { moved_to, .. }] => {
                assert!(bytes.trim_ascii_start().starts_with(b"{"), "{bytes:?}");
                assert_eq!(fs::read(moved_to).expect("moved"), bytes);
                assert!(!path.exists());
                assert!(store.saves());
            }
            [Warning::NewerVersion { .. }] => {
                assert!(!store.saves());
                store.set_read("k", "id", true);
                store.save().expect("a newer file's store does not save");
                assert_eq!(fs::read(&path).expect("read"), bytes);
            }
            [] => {
                let json: serde_json::Value =
                    serde_json::from_slice(bytes).expect("opened, so JSON");
                assert_eq!(json["version"], 1, "{json}");
                let keys: Vec<String> = json["sources"]
                    .as_object()
                    .expect("opened, so sources is an object")
                    .keys()
                    .cloned()
                    .collect();
                let before = marks(&store, &keys);
                store.save().expect("save");
                let (reopened, warnings) =
                    StateStore::open_with(Some(path.clone()), Access::ReadOnly).expect("reopen");
                assert!(warnings.is_empty(), "{warnings:?}");
                assert_eq!(marks(&reopened, &keys), before);
                // A change is saved with everything that was there.
                let key = keys.first().cloned().unwrap_or_else(|| "k".to_owned());
                let read = !store.is_read(&key, "fuzz");
                store.set_read(&key, "fuzz", read);
                store.save().expect("save a change");
                let (again, _) =
                    StateStore::open_with(Some(path.clone()), Access::ReadOnly).expect("reopen");
                assert_eq!(again.is_read(&key, "fuzz"), read);
                let mut keys = keys;
                keys.push(key);
                keys.dedup();
                assert_eq!(marks(&again, &keys), marks(&store, &keys));
            }
            other => panic!("unexpected warnings {other:?}"),
        },
    }
});
