//! Article → laid-out lines: the one layout used by `kanbao show` and by the reader.
//!
//! Pure text in, lines out; no terminal. The parts, in the order text flows through them:
//! - [`sanitize`](mod@sanitize): escape sequences removed, controls made visible;
//! - [`width`]: columns per grapheme cluster, as ratatui draws them;
//! - `breaks`: UAX #14 break opportunities tailored for Chinese (clreq);
//! - [`wrap`](mod@wrap): greedy first-fit lines that never exceed the width;
//! - [`article`](mod@article): headings, meta line and indented paragraphs of one article;
//! - [`page`]: page count and page turns over the lines.
//!
//! The rules and their sources are in `research/cjk_layout.md`.

pub mod article;
mod breaks;
mod fit;
pub mod page;
pub mod sanitize;
pub mod width;
pub mod wrap;

pub use article::{
    LaidLine, LayoutOptions, LineRole, join_meta, layout_article, line_for_position, meta_line,
    paragraph_numbers, position_of_line, shows_text,
};
pub use breaks::{is_no_end, is_no_start};
pub use fit::fit_message;
pub use page::Pages;
pub use sanitize::{PLACEHOLDER, sanitize, sanitize_lines};
pub use width::{AmbiguousWidth, Clusters, Widths, cluster_width, cut_to_width, display_width};
pub use wrap::{INDENT, WrapOptions, WrappedLine, wrap, wrap_glued};
