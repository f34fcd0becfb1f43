use super::*;

fn one(key: &str, id: &str, entry: Entry) -> Sources {
    let mut s = Sources::new();
    *s.entry(key.into()).or_default().entry_mut(id) = entry;
    s
}

fn at<T>(value: T, at: u64) -> Option<Stamped<T>> {
    Some(Stamped { value, at })
}

#[test]
fn newer_field_wins_either_side() {
    let disk = one(
        "a",
        "1",
        Entry {
            read: at(true, 5),
            ..Entry::default()
        },
    );
    let older = one(
        "a",
        "1",
        Entry {
            read: at(false, 3),
            ..Entry::default()
        },
    );
    assert!(merge(disk.clone(), &older)["a"].is_read("1"));
    let newer = one(
        "a",
        "1",
        Entry {
            read: at(false, 7),
            ..Entry::default()
        },
    );
    assert!(!merge(disk, &newer)["a"].is_read("1"));
}

#[test]
fn tie_goes_to_local() {
    let disk = one(
        "a",
        "1",
        Entry {
            read: at(false, 5),
            ..Entry::default()
        },
    );
    let local = one(
        "a",
        "1",
        Entry {
            read: at(true, 5),
            ..Entry::default()
        },
    );
    assert!(merge(disk, &local)["a"].is_read("1"));
}

#[test]
fn a_newer_read_mark_keeps_an_older_note_and_tags() {
    let mut tags = BTreeMap::new();
    tags.insert("待核实".to_owned(), Stamped { value: true, at: 4 });
    let disk = one(
        "a",
        "1",
        Entry {
            note: at("审读意见".to_owned(), 4),
            tags,
            ..Entry::default()
        },
    );
    let mut tags = BTreeMap::new();
    tags.insert("已审".to_owned(), Stamped { value: true, at: 2 });
    let local = one(
        "a",
        "1",
        Entry {
            read: at(true, 9),
            tags,
            ..Entry::default()
        },
    );
    let merged = merge(disk, &local);
    let entry = merged["a"].entry("1").unwrap();
    assert!(entry.is_read());
    assert_eq!(entry.note(), Some("审读意见"));
    assert_eq!(entry.tags().collect::<Vec<_>>(), ["已审", "待核实"]);
}

#[test]
fn entries_on_one_side_are_kept() {
    let e = Entry {
        read: at(true, 1),
        ..Entry::default()
    };
    let merged = merge(one("a", "1", e.clone()), &one("b", "2", e));
    assert!(merged["a"].is_read("1"));
    assert!(merged["b"].is_read("2"));
}

#[test]
fn set_stamps_only_a_change() {
    let mut field = None;
    assert!(!set(&mut field, false, 10));
    assert!(field.is_none());
    assert!(set(&mut field, true, 10));
    assert!(!set(&mut field, true, 20));
    assert_eq!(field.as_ref().unwrap().at, 10);
    assert!(set(&mut field, false, 5));
    assert_eq!(field.unwrap().at, 11);
}

#[test]
fn v1_migrates_every_field_with_its_stamp() {
    let text = r#"{"sources":{"/data/a.json":{"1":{"read":true,"bookmarked":true,
        "position":{"paragraph":2,"offset":6},"updated":77},"2":{"read":false,"updated":3}}}}"#;
    let old: StateFileV1 = serde_json::from_str(text).unwrap();
    let sources = migrate_v1(old);
    let source = &sources["/data/a.json"];
    assert_eq!(source.path(), Some("/data/a.json"));
    let e = source.entry("1").unwrap();
    assert!(e.is_read() && e.is_bookmarked());
    assert_eq!(
        e.position(),
        Some(Position {
            paragraph: 2,
            offset: 6,
            ..Position::default()
        })
    );
    assert_eq!(e.updated(), 77);
    assert!(!source.is_read("2"));
}

fn sources() -> impl proptest::strategy::Strategy<Value = Sources> {
    use proptest::prelude::*;
    let field = || proptest::option::of((any::<bool>(), 0u64..4));
    let entry = (
        field(),
        field(),
        proptest::option::of(("[xy]{0,1}", 0u64..4)),
        field(),
    )
        .prop_map(|(read, bookmarked, note, tag)| {
            let stamped = |f: Option<(bool, u64)>| f.map(|(value, at)| Stamped { value, at });
            let mut tags = BTreeMap::new();
            if let Some(t) = stamped(tag) {
                tags.insert("t".to_owned(), t);
            }
            Entry {
                read: stamped(read),
                bookmarked: stamped(bookmarked),
                position: None,
                note: note.map(|(value, at)| Stamped { value, at }),
                tags,
            }
        });
    let source =
        proptest::collection::btree_map("[ab]", entry, 0..3).prop_map(|entries| SourceState {
            path: None,
            entries,
            session: None,
        });
    proptest::collection::btree_map("[xy]", source, 0..3)
}

proptest::proptest! {
    #[test]
    fn merge_keeps_every_field_at_its_newest(disk in sources(), local in sources()) {
        let merged = merge(disk.clone(), &local);
        for side in [&disk, &local] {
            for (key, source) in side {
                for (id, entry) in &source.entries {
                    let kept = &merged[key].entries[id];
                    let newer = |a: &Option<Stamped<bool>>, b: &Option<Stamped<bool>>| {
                        a.as_ref().is_none_or(|a| b.as_ref().is_some_and(|b| b.at >= a.at))
                    };
                    proptest::prop_assert!(newer(&entry.read, &kept.read));
                    proptest::prop_assert!(newer(&entry.bookmarked, &kept.bookmarked));
                    proptest::prop_assert!(newer(&entry.tags.get("t").cloned(), &kept.tags.get("t").cloned()));
                    proptest::prop_assert!(entry.note.as_ref().is_none_or(|n| kept.note.as_ref().is_some_and(|k| k.at >= n.at)));
                }
            }
        }
        proptest::prop_assert_eq!(merge(merged.clone(), &local), merged);
    }
}

#[test]
fn stamp_never_goes_back() {
    assert_eq!(stamp(10, 20), 20);
    assert_eq!(stamp(20, 10), 21);
    assert_eq!(stamp(u64::MAX, 0), u64::MAX);
}

#[test]
fn the_newer_session_wins_and_a_tie_goes_to_local() {
    let with = |query: &str, at: u64| {
        let mut s = Sources::new();
        s.entry("k".into()).or_default().session = Some(Stamped {
            value: Session {
                query: query.into(),
                ..Session::default()
            },
            at,
        });
        s
    };
    let query = |s: &Sources| s["k"].session.as_ref().unwrap().value.query.clone();
    assert_eq!(query(&merge(with("disk", 5), &with("local", 3))), "disk");
    assert_eq!(query(&merge(with("disk", 5), &with("local", 7))), "local");
    assert_eq!(query(&merge(with("disk", 5), &with("local", 5))), "local");
    assert_eq!(query(&merge(Sources::new(), &with("local", 1))), "local");
    assert_eq!(query(&merge(with("disk", 1), &Sources::new())), "disk");
}
