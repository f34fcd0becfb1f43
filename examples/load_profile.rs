//! Where the time of a JSON Lines load goes, phase by phase, on one file.
//!
//! `cargo run --release --example load_profile -- /tmp/archive.jsonl`
//!
//! Each phase runs alone on one thread (best of 3), then the real loader runs with one
//! thread and with every core; MB/s are of the file's bytes. With a second argument N,
//! it only loads once with N threads, in a fresh process (for hyperfine).

use std::collections::HashSet;
use std::path::Path;
use std::time::{Duration, Instant};

use kanbao::article::Article;
use kanbao::load::{LoadOptions, load_with};

fn best<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..3 {
        drop(out.take());
        let start = Instant::now();
        let value = f();
        best = best.min(start.elapsed());
        out = Some(value);
    }
    (best, out.expect("ran at least once"))
}

fn report(name: &str, time: Duration, bytes: usize) {
    let mbps = bytes as f64 / 1e6 / time.as_secs_f64();
    println!(
        "{name:<44} {:>8.1} ms {mbps:>8.0} MB/s",
        time.as_secs_f64() * 1e3
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/tmp/archive.jsonl".into());
    let path = Path::new(&path);
    if let Some(threads) = std::env::args().nth(2) {
        let options = LoadOptions {
            threads: threads.parse()?,
            ..LoadOptions::default()
        };
        let start = Instant::now();
        let (collection, _) = load_with(Some(path), &options)?;
        let n = std::fs::metadata(path)?.len() as usize;
        report(
            &format!("load_with, {threads} thread(s)"),
            start.elapsed(),
            n,
        );
        // Like the binary: the OS takes the memory back at exit.
        std::mem::forget(collection);
        return Ok(());
    }
    let (t, bytes) = best(|| std::fs::read(path));
    let bytes = bytes?;
    let n = bytes.len();
    println!("{} ({:.1} MB)", path.display(), n as f64 / 1e6);
    report("read (std::fs::read, page cache)", t, n);
    let (t, text) = best(|| std::str::from_utf8(&bytes).map(str::len));
    text?;
    report("UTF-8 check (str::from_utf8)", t, n);
    let (t, text) = best(|| simdutf8::basic::from_utf8(&bytes).map(str::len));
    text?;
    report("UTF-8 check (simdutf8, what kanbao uses)", t, n);
    let text = std::str::from_utf8(&bytes)?;
    let (t, lines) = best(|| memchr::memchr_iter(b'\n', &bytes).count());
    report(&format!("find lines (memchr, {lines} lines)"), t, n);
    let (t, ok) = best(|| {
        text.lines()
            .filter(|l| serde_json::from_str::<serde::de::IgnoredAny>(l).is_ok())
            .count()
    });
    report(&format!("parse only, no values (IgnoredAny, {ok})"), t, n);
    let (t, articles) = best(|| {
        text.lines()
            .map(serde_json::from_str::<Article>)
            .collect::<Result<Vec<_>, _>>()
    });
    let articles = articles?;
    report("parse into owned Articles (serde_json)", t, n);
    let (t, unique) = best(|| {
        let mut ids = HashSet::with_capacity(articles.len());
        articles.iter().all(|a| ids.insert(a.id.clone()))
    });
    report(&format!("id set (HashSet<String>, unique: {unique})"), t, n);
    let mut articles = articles;
    let (t, ()) = best(|| {
        // As the archive is written (oldest first), so that every run sorts it all.
        articles.reverse();
        kanbao::load::newest_first(&mut articles);
    });
    report("newest day first (kanbao::load::newest_first)", t, n);
    let start = Instant::now();
    drop(articles);
    report("drop the articles", start.elapsed(), n);
    drop(bytes);
    for threads in [1, LoadOptions::default().threads] {
        let options = LoadOptions {
            threads,
            ..LoadOptions::default()
        };
        let (t, loaded) = best(|| load_with(Some(path), &options).map(|(c, _)| c.len()));
        loaded?;
        report(
            &format!("kanbao::load::load_with, {threads} thread(s)"),
            t,
            n,
        );
    }
    Ok(())
}
