//! SIGTSTP and SIGCONT, caught by one watcher from the moment kanbao first takes the
//! terminal ([`hold`]) to the end of the process, and acted on by whoever can at that
//! moment: a screen that draws or a probe that reads the terminal acts between two of its
//! steps (it holds them, [`Held`]), and where nothing draws or reads, the watcher acts on
//! its own thread, at once. A stop thus never comes between a frame and the terminal, nor
//! between a probe's request and its answer (which the shell would read), and none is lost
//! in the moment between two screens: a holder that lets go acts on what it held, under the
//! same lock that hands the watcher its signals.
//!
//! Once caught, SIGTSTP stays caught (its default action cannot be put back, see
//! [`super`]), which is why one watcher serves the whole run: before it, each screen caught
//! SIGTSTP for itself, and in between the signal reached no one (lost, or, before the first
//! screen caught it, a stop with the terminal left raw).

use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};

use signal_hook::consts::{SIGCONT, SIGTSTP};
use signal_hook::iterator::Signals;

/// A signal the watcher caught.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Caught {
    Stop,
    Continue,
}

/// What tells a holder that signals wait for it.
type Wake = Arc<dyn Fn() + Send + Sync>;

/// Who acts on a signal when it comes.
enum Route {
    /// The watcher, on its own thread: nothing draws or reads the terminal.
    Here,
    /// The holder of a [`Held`], which is woken (if it asked to be) and acts on the queue.
    Held {
        queue: Vec<Caught>,
        wake: Option<Wake>,
    },
}

/// Where the watcher sends what it catches. Held by the watcher while it acts itself, so
/// that no holder takes the terminal in the middle of a stop.
static ROUTE: Mutex<Route> = Mutex::new(Route::Here);

/// Whether the watcher runs (started once, by the first [`hold`]).
static WATCHER: OnceLock<bool> = OnceLock::new();

fn route() -> MutexGuard<'static, Route> {
    ROUTE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Starts the watcher, once; where SIGTSTP cannot be caught, everything is as before.
fn watch() {
    WATCHER.get_or_init(|| {
        let Ok(mut signals) = Signals::new([SIGTSTP, SIGCONT]) else {
            return false;
        };
        std::thread::Builder::new()
            .name("stops".into())
            .spawn(move || {
                for signal in signals.forever() {
                    deliver(if signal == SIGTSTP {
                        Caught::Stop
                    } else {
                        Caught::Continue
                    });
                }
            })
            .is_ok()
    });
}

/// On the watcher's thread: `caught` to its holder, or acted on here.
fn deliver(caught: Caught) {
    let mut route = route();
    match &mut *route {
        // The lock kept while the stop lasts: a holder waits for the terminal to be taken
        // again before it uses it.
        Route::Here => {
            act(caught);
        }
        Route::Held { queue, wake } => {
            queue.push(caught);
            let wake = wake.clone();
            // Not waited on under the lock: the holder may be letting go meanwhile.
            drop(route);
            if let Some(wake) = wake {
                wake();
            }
        }
    }
}

/// Acts on `caught` on this thread: true when the screen, if one is up, must be drawn whole.
fn act(caught: Caught) -> bool {
    match caught {
        Caught::Stop => super::suspend(),
        Caught::Continue => {
            super::continued();
            true
        }
    }
}

/// SIGTSTP and SIGCONT held for a screen, a probe or the reader's input, which acts on
/// them between two of its steps ([`Held::act`]); dropped, it acts on what is left (with
/// the terminal as it then is) and the watcher acts again by itself.
#[must_use = "the signals are held until this is dropped"]
pub struct Held {
    /// The route before, put back when this is dropped.
    previous: Option<Route>,
}

/// Holds SIGTSTP and SIGCONT from now until the returned [`Held`] is dropped; the caller
/// acts on them with [`Held::act`]. Starts the watcher the first time: call it before the
/// terminal is taken. Waits while the watcher acts on a stop itself.
pub fn hold() -> Held {
    held(None)
}

/// [`hold`], calling `wake` (on the watcher's thread) each time a signal is held, for a
/// holder that waits for something else meanwhile (the reader's input).
pub fn hold_waking(wake: impl Fn() + Send + Sync + 'static) -> Held {
    held(Some(Arc::new(wake)))
}

fn held(wake: Option<Wake>) -> Held {
    watch();
    let fresh = Route::Held {
        queue: Vec::new(),
        wake,
    };
    Held {
        previous: Some(std::mem::replace(&mut *route(), fresh)),
    }
}

/// What was held since it was last taken.
fn take_held() -> Vec<Caught> {
    match &mut *route() {
        Route::Held { queue, .. } => std::mem::take(queue),
        Route::Here => Vec::new(),
    }
}

impl Held {
    /// Acts, on the caller's thread, on each SIGTSTP and SIGCONT held since the last call:
    /// true when the screen must be drawn whole (kanbao was stopped and goes on).
    pub fn act(&mut self) -> bool {
        let mut whole = false;
        for caught in take_held() {
            whole |= act(caught);
        }
        whole
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        loop {
            let mut route = route();
            let queue = match &mut *route {
                Route::Held { queue, .. } => std::mem::take(queue),
                Route::Here => Vec::new(),
            };
            // Let go only with nothing held, under the lock the watcher delivers under: a
            // signal is either acted on here or reaches the route put back.
            if queue.is_empty() {
                *route = self.previous.take().unwrap_or(Route::Here);
                return;
            }
            drop(route);
            for caught in queue {
                act(caught);
            }
        }
    }
}
