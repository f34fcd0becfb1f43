//! Makes the pinyin table at build time (`$OUT_DIR/pinyin_table.rs`): the reading set of
//! every Han character of the Basic Multilingual Plane, from the `pinyin` crate. Made at
//! run time it cost every process that searches by pinyin 4–7 ms before its first result.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use pinyin::ToPinyinMulti;

/// A toneless reading as the matcher spells it: ASCII letters, ü as `v`, ê as `e`,
/// anything else dropped.
fn ascii_reading(plain: &str) -> String {
    plain
        .chars()
        .filter_map(|c| match c {
            'ü' => Some('v'),
            'ê' => Some('e'),
            c if c.is_ascii_alphabetic() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    // The programs are linked at a fixed address on Linux, not as position-independent
    // executables: a PIE applies ~40,000 relocations (a megabyte of tables) before `main`,
    // about half a millisecond of every command.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
    let mut ids = vec![0u16; 0x1_0000];
    // Set 0 is the empty set: no reading.
    let mut sets: Vec<Vec<String>> = vec![Vec::new()];
    let mut interned: HashMap<Vec<String>, u16> = HashMap::new();
    for (cp, slot) in ids.iter_mut().enumerate() {
        let Some(multi) = char::from_u32(cp as u32).and_then(|c| c.to_pinyin_multi()) else {
            continue;
        };
        let mut readings: Vec<String> = Vec::new();
        for reading in multi {
            let plain = ascii_reading(reading.plain());
            if !plain.is_empty() && !readings.contains(&plain) {
                readings.push(plain);
            }
        }
        if readings.is_empty() {
            continue;
        }
        readings.sort();
        let next = u16::try_from(sets.len())?;
        *slot = *interned.entry(readings.clone()).or_insert_with(|| {
            sets.push(readings);
            next
        });
    }
    let syllables: BTreeSet<&String> = sets.iter().flatten().collect();

    let mut out = String::new();
    out.push_str("/// Reading-set id of each BMP code point; 0 means no reading.\n");
    out.push_str("pub(super) static IDS: [u16; 0x1_0000] = [");
    for id in &ids {
        write!(out, "{id},")?;
    }
    out.push_str("];\n");
    out.push_str("/// Reading sets by id: each character's distinct toneless readings, sorted.\n");
    writeln!(
        out,
        "pub(super) static SETS: [&[&[u8]]; {}] = [",
        sets.len()
    )?;
    for set in &sets {
        out.push_str("&[");
        for r in set {
            write!(out, "b\"{r}\",")?;
        }
        out.push_str("],");
    }
    out.push_str("];\n");
    out.push_str("/// Every distinct reading, sorted.\n");
    writeln!(
        out,
        "pub(super) static SYLLABLES: [&[u8]; {}] = [",
        syllables.len()
    )?;
    for r in &syllables {
        write!(out, "b\"{r}\",")?;
    }
    out.push_str("];\n");
    let path = std::path::Path::new(&std::env::var("OUT_DIR")?).join("pinyin_table.rs");
    std::fs::write(path, out)?;
    Ok(())
}
