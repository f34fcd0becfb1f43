//! A data file changed in place after it was indexed, where the index's fingerprint (size,
//! modification time, the first and last 64 KiB) does not see it: article `a200`'s `:`
//! after `"title"` becomes `=`, so its JSON no longer parses where the index found it.

use std::path::{Path, PathBuf};
use std::process::Output;

use kanbao::index;

/// The place of the changed byte in the file: line 201 (article `a200`), column 21.
pub const PLACE: &str = "201:21";

/// Writes `dir/a.jsonl` (400 long articles, `a200` titled 独特词, far from both ends of
/// the file), indexes it under the cache `root`, then changes `a200` in place, the
/// file's size and modification time kept. The file's path.
pub fn indexed_then_changed(dir: &Path, root: &Path) -> PathBuf {
    let file = dir.join("a.jsonl");
    let lines: Vec<String> = (0..400)
        .map(|i| {
            let title = if i == 200 { "独特词" } else { "普通" };
            let text = "这是一段很长的正文。".repeat(30);
            format!(r#"{{"id":"a{i}","title":"{title}","paragraphs":["{text}"]}}"#)
        })
        .collect();
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    index::update(root, &file, &mut Vec::new(), &mut |_, _, _| {}).unwrap();
    // The middle article's `:` after "title" becomes `=`: same size, same time.
    let mut bytes = std::fs::read(&file).unwrap();
    assert!(
        bytes.len() > 3 * (64 << 10),
        "the change must be outside the ends hashed"
    );
    let key = br#"{"id":"a200","title":"#;
    let at = bytes.windows(key.len()).position(|w| w == key).unwrap();
    bytes[at + key.len() - 1] = b'=';
    let mtime = std::fs::metadata(&file).unwrap().modified().unwrap();
    std::fs::write(&file, &bytes).unwrap();
    let f = std::fs::File::options().write(true).open(&file).unwrap();
    f.set_modified(mtime).unwrap();
    drop(f);
    file
}

/// The cache root of the index that `kanbao_in(dir)` reads ([`super::cli::kanbao_in`]).
pub fn cli_root(dir: &Path) -> PathBuf {
    dir.join("xdg-cache").join("kanbao").join("index")
}

/// What the loader says of the changed article in `file`, read whole: its place (line and
/// character column) and serde_json's message.
pub fn loader_says(file: &Path) -> String {
    format!("{}:{PLACE}：JSON 有误：expected `:`", file.display())
}

/// Checks that `out`, of `kanbao args` through the index, failed saying what the loader
/// says of the changed article in `file` ([`loader_says`]), and what to do.
pub fn names_the_place(out: &Output, file: &Path, args: &[&str]) {
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {said}");
    let place = format!("kanbao: {}；", loader_says(file));
    assert!(said.starts_with(&place), "{args:?}: {said}");
    assert!(said.contains("建立索引之后改过了"), "{args:?}: {said}");
    let again = format!("kanbao index {}", file.display());
    assert!(said.contains(&again), "{args:?}: {said}");
    assert!(said.contains("--no-index"), "{args:?}: {said}");
}
