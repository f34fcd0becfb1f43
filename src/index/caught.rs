//! tantivy panics on some damaged index files instead of returning an error (stored fields
//! written over: "Corrupted data. Invalid VInt"). A read the reader's own thread makes of
//! them runs through [`catching`]: the panic becomes `None`, the row says it cannot be
//! read, and the reader goes on. The terminal's panic hook asks [`panic_is_caught`], so
//! that such a panic neither restores the terminal nor prints over the screen.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};

thread_local! {
    static CATCHING: Cell<bool> = const { Cell::new(false) };
}

/// `read()`, or `None` when it panics.
pub fn catching<T>(read: impl FnOnce() -> T) -> Option<T> {
    let before = CATCHING.replace(true);
    let out = catch_unwind(AssertUnwindSafe(read)).ok();
    CATCHING.set(before);
    out
}

/// Whether a panic on this thread now is one [`catching`] catches.
pub fn panic_is_caught() -> bool {
    CATCHING.get()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_caught_and_said_to_be_while_it_runs() {
        assert!(!panic_is_caught());
        assert_eq!(catching(panic_is_caught), Some(true));
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let out: Option<()> = catching(|| panic!("damaged"));
        std::panic::set_hook(hook);
        assert_eq!(out, None);
        assert!(!panic_is_caught(), "only while it runs");
    }
}
