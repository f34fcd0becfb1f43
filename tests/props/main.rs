//! Property tests (proptest) and the index and search engines against naive references on
//! generated archives. One test binary, a module per topic; docs/architecture.md §6 says
//! which group a new test file joins and how.
//!
//! proptest keeps a module's failing seeds in `tests/proptest-regressions/<path>.txt`: it
//! walks up from the module's file to this `main.rs` and names the file after the path from
//! here (`index/indexed_terms.rs` → `index/indexed_terms.txt`), beside `tests/`
//! (`FileFailurePersistence::SourceParallel`). Every group's modules share that folder, so a
//! module with property tests needs a path no other group's module has.

#[path = "../support/mod.rs"]
mod support;

mod gapped;
mod import_props;
mod index;
mod index_best;
mod layout_props;
mod load_props;
mod search;
