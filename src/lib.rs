//! kanbao (看报): an offline terminal reader for Chinese newspaper articles.
//!
//! Data flows one way: source → articles → (filter, search) → view → layout → frame.
//! Everything outside `tui` is terminal-free and tested directly.

pub mod action;
pub mod app;
pub mod archive;
pub mod article;
pub mod cli;
pub mod collection;
pub mod commands;
pub mod config;
pub mod date;
pub mod dispatch;
pub mod district;
pub mod error;
pub mod export;
pub mod filter;
pub mod i18n;
pub mod import;
pub mod index;
pub mod json;
pub mod keys;
pub mod layout;
pub mod library;
pub mod load;
pub mod opened;
pub mod review;
pub mod search;
pub mod settings;
pub mod state;
pub mod timeline;
pub mod tui;

/// How many threads run at once here (`std::thread::available_parallelism`, 1 when unknown),
/// asked once: std reads the cgroup's quota files on every call, which cost a short
/// command (`search 驿站 | head` at 100,000 articles, ~7 ms) about 4 % of its time.
pub fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from))
}
