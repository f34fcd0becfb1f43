//! Frames of the reader asserted on their cells rather than snapshot: the header and the
//! status bar, the list and picker panes, styles and sizes. A module of the `snapshots`
//! module (`tests/core/snapshots.rs`), kept apart from its frame snapshots.

mod bars;
mod panes;
mod styles;
