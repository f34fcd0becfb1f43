//! The tests that drive kanbao's library in this process: the reader's `App` by actions and
//! keys, frames drawn on ratatui's `TestBackend` (insta keeps the snapshots in `snapshots/`),
//! the importer, the layout, the index and the state store read through the library. One
//! test binary (each binary is one more link of the whole library), a module per topic;
//! docs/architecture.md §6 says which group a new test file joins and how.

#[path = "../support/mod.rs"]
mod support;

/// What `import_commas` and `import_credits` share: one module, loaded once.
#[path = "import_pages/kept.rs"]
mod kept;

mod ambiguous;
mod app;
mod archive;
mod article_pages;
mod empty_list_hints;
mod empty_list_marks;
mod export_app;
mod help_box;
mod import;
mod import_commas;
mod import_credits;
mod import_features;
mod import_more;
mod import_numbered;
mod import_pages;
mod import_wraps;
mod index_overlapping;
mod index_unreadable;
mod index_unreadable_rows;
mod keys;
mod layout_article;
mod layout_cases;
mod long_paste;
mod mixed_script_hint;
mod no_state_marks;
mod note_app;
mod note_filter_words;
mod note_query;
mod odd_fields;
mod paragraph_numbers;
mod preview_pending;
mod prompt_refusals;
mod prompt_ux;
mod reader_end;
mod reader_index;
mod reader_partial;
mod reader_place;
mod reader_restart_line;
mod report_title;
mod review_app;
mod review_words;
mod snapshots;
mod tag_picker_keys;
mod tag_picker_narrows;
mod tags_app;
mod timeline_box;
