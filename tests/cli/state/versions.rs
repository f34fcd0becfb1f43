//! State files of other versions: version 1 migrates without loss, and a newer version is
//! read but never overwritten, found at the start or written meanwhile.

use std::fs;

use kanbao::state::{BUILTIN, Position, StateError, StateStore, Warning};

use super::{SRC, open, state_path};

/// A state file exactly as kanbao wrote it before notes and tags (version 1: one stamp per
/// entry, sources keyed by the data's canonical path).
const V1_FILE: &str = r#"{
  "version": 1,
  "sources": {
    "/media/usb/archive.jsonl": {
      "a-1": {
        "read": true,
        "bookmarked": true,
        "position": {
          "paragraph": 2,
          "offset": 15
        },
        "updated": 1764900000123
      },
      "a-2": {
        "read": false,
        "bookmarked": true,
        "updated": 1764900000456
      }
    },
    "builtin": {
      "3": {
        "read": true,
        "bookmarked": false,
        "position": {
          "paragraph": 0,
          "offset": 3
        },
        "updated": 1764800000000
      }
    }
  }
}"#;

#[test]
fn a_version_1_file_migrates_without_loss() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    fs::write(&path, V1_FILE).unwrap();
    let mut store = open(&path);
    let old = "/media/usb/archive.jsonl";
    let check = |store: &StateStore, key: &str| {
        assert!(store.is_read(key, "a-1") && store.is_bookmarked(key, "a-1"));
        assert_eq!(
            store.position(key, "a-1"),
            Some(Position {
                paragraph: 2,
                offset: 15,
                ..Position::default()
            })
        );
        assert!(!store.is_read(key, "a-2") && store.is_bookmarked(key, "a-2"));
        assert_eq!(store.position(key, "a-2"), None);
        assert_eq!(
            store.entry(key, "a-1").unwrap().updated(),
            1_764_900_000_123
        );
    };
    check(&store, old);
    assert!(store.is_read(BUILTIN, "3"));
    // The data opened again at its old path finds its marks under its new key.
    let source = kanbao::state::SourceId {
        name: "archive.jsonl".into(),
        fingerprint: "0123456789abcdef".into(),
        path: Some(old.into()),
    };
    let key = store.resolve_source(&source);
    assert_eq!(key, "archive.jsonl#0123456789abcdef");
    check(&store, &key);
    // A note on a migrated entry keeps its other fields; the save writes version 2.
    store.set_note(&key, "a-2", "待核实：日期");
    store.save().unwrap();
    let again = open(&path);
    check(&again, &key);
    check(&again, old);
    assert_eq!(again.note(&key, "a-2"), Some("待核实：日期"));
    assert_eq!(again.position(BUILTIN, "3").map(|p| p.offset), Some(3));
    let json: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(json["version"], 2);
    assert_eq!(json["sources"][&key]["path"], old);
}

#[test]
fn a_newer_version_is_read_but_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let newer = br#"{"version":3,"sources":{"builtin":{"entries":{"1":{"read":{"v":true,"at":1}}}}},"more":[]}"#;
    fs::write(&path, newer).unwrap();
    let (mut store, warnings) = StateStore::open(Some(path.clone()));
    assert!(matches!(
        warnings.as_slice(),
        [Warning::NewerVersion { version: 3, .. }]
    ));
    assert!(warnings[0].to_string().contains("newer kanbao"));
    assert!(store.is_read(BUILTIN, "1"));
    assert!(!store.saves());
    store.set_read(BUILTIN, "2", true);
    assert!(!store.dirty());
    store.save().unwrap();
    assert_eq!(fs::read(&path).unwrap(), newer);
}

#[test]
fn a_newer_version_written_meanwhile_stops_saving_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_path(&dir);
    let mut store = open(&path);
    store.set_read(SRC, "1", true);
    let newer = br#"{"version":3,"sources":{}}"#;
    fs::write(&path, newer).unwrap();
    let result = store.save();
    assert!(
        matches!(result, Err(StateError::NewerVersion { version: 3, .. })),
        "{result:?}"
    );
    assert!(!store.saves() && !store.dirty());
    store.set_read(SRC, "2", true);
    store.save_if_dirty().unwrap();
    store.save().unwrap();
    assert_eq!(fs::read(&path).unwrap(), newer);
}
