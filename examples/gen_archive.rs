//! Writes a deterministic archive of generated articles as schema-1 JSON Lines.
//!
//! `cargo run --release --example gen_archive -- --articles 100000 --seed 1 -o /tmp/archive.jsonl`

use std::io::{BufWriter, Write};
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!("usage: gen_archive [--articles N] [--seed S] [-o OUT.jsonl]   (stdout without -o)");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut articles = 100_000usize;
    let mut seed = 1u64;
    let mut output: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        let ok = match (arg.as_str(), value) {
            ("--articles" | "-n", Some(v)) => v.parse().map(|n| articles = n).is_ok(),
            ("--seed", Some(v)) => v.parse().map(|s| seed = s).is_ok(),
            ("-o" | "--output", Some(v)) => {
                output = Some(v);
                true
            }
            _ => false,
        };
        if !ok {
            return usage();
        }
    }
    let result = match &output {
        Some(path) => std::fs::File::create(path).and_then(|file| {
            let mut out = BufWriter::with_capacity(1 << 20, file);
            let bytes = kanbao::archive::generate(articles, seed, &mut out)?;
            out.flush()?;
            Ok(bytes)
        }),
        None => {
            let mut out = BufWriter::new(std::io::stdout().lock());
            kanbao::archive::generate(articles, seed, &mut out)
                .and_then(|b| out.flush().map(|()| b))
        }
    };
    match result {
        Ok(bytes) => {
            eprintln!(
                "gen_archive: {articles} articles, {bytes} bytes ({:.1} MB), seed {seed}",
                bytes as f64 / 1e6
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_archive: {e}");
            ExitCode::from(1)
        }
    }
}
