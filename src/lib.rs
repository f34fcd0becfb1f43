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
pub mod review;
pub mod search;
pub mod settings;
pub mod state;
pub mod timeline;
pub mod tui;
