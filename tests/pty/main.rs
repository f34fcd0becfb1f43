//! The real binary in a pseudo-terminal (`support::pty`, `rexpect` + `vt100`): keys in, the
//! screen read back; resize storms, signals, `Ctrl-Z` and the terminal restored however the
//! reader ends. One test binary, a module per topic; docs/architecture.md §6 says which
//! group a new test file joins and how.

#[path = "../support/mod.rs"]
mod support;

mod e2e;
mod e2e_hostile;
mod escape_e2e;
mod escape_prefix_e2e;
mod less_fzf_keys_e2e;
mod note_e2e;
mod reader_index_e2e;
mod state_faults;
mod state_reload_e2e;
mod state_reload_filter_e2e;
mod suspend_e2e;
mod suspend_indexing_e2e;
mod suspend_places_e2e;
mod suspend_start_e2e;
mod terminals;
