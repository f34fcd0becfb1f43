//! Dates in a multi-year archive (issue 13) as a user meets them on the command line:
//! validated dates, date filters, date order and the timeline. The tests are in modules by
//! topic; the runner and the archives they share are here.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

mod command_line;
mod consistency;
mod indexed;
mod one_filter;
mod reader;
mod timeline;
mod timeline_cursor;
mod undated;

use std::path::Path;

use serde_json::Value;

use support::cli::json;

fn kanbao(args: &[&str]) -> std::process::Output {
    support::cli::kanbao_as("dates", args)
}

fn ids(out: &std::process::Output) -> Vec<String> {
    json(out)
        .as_array()
        .expect("array")
        .iter()
        .map(|a| a["id"].as_str().expect("id").to_string())
        .collect()
}

fn article(id: &str, date: Option<&str>, title: &str, district: &str) -> String {
    let mut v = serde_json::json!({"id": id, "title": title, "district": district,
        "paragraphs": [format!("{title}的正文。")]});
    if let Some(date) = date {
        v["date"] = Value::from(date);
    }
    v.to_string()
}

/// A small archive over three years, one JSON Lines file.
fn archive(dir: &Path) -> String {
    let lines = [
        article("a", Some("2023-12-31"), "工会驿站开放", "西城区"),
        article("b", Some("2024-01-15"), "工会驿站冬季", "东城区"),
        article("c", Some("2024-03-08"), "妇女节工会活动", "西城区"),
        article("d", Some("2024-03-31"), "工会驿站春季", "朝阳区"),
        article("e", Some("2024-10-01"), "国庆驿站", "西城区"),
        article("f", Some("2025-02-01"), "新春工会驿站", "海淀区"),
        article("g", None, "无日期的工会文章", "西城区"),
    ];
    let path = dir.join("archive.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").expect("write");
    path.display().to_string()
}
