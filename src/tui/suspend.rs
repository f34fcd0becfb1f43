//! `Ctrl-Z` and SIGTSTP, as in `less` and `vim`: the reader gives the terminal back as the
//! shell had it ([`super::terminal::restore`]) and stops its process group, so that the
//! shell's job control sees the job stopped; when `fg` (or any SIGCONT) continues it, it
//! takes the terminal again ([`super::terminal::enter_again`]) and the loop draws the whole
//! screen, at the terminal's size, which may have changed meanwhile. Both run on the loop's
//! thread, between two frames: the key through the key table, the signals as the reader's
//! input (`tui::input`) reads them.
//!
//! A stop that no shell can end would last for ever. Where kanbao's process group has no
//! parent outside it in its session (an orphaned group: `ssh host kanbao`, a tmux window
//! that runs kanbao itself, `setsid kanbao`), the kernel ignores the terminal's stop
//! signals, and kanbao does not stop either: `Ctrl-Z` says why, a SIGTSTP is ignored.
//! Whatever key the config file binds to `suspend`, this is all it does.
//!
//! It stops with SIGSTOP: SIGTSTP is caught, to give the terminal back first, and its
//! default action cannot be put back without `sigaction`, which `unsafe_code = "forbid"`
//! rules out. Shells list the job as stopped by a signal (bash: `Stopped (signal)`) and
//! `fg` and `bg` it as any other.

#[cfg(unix)]
pub use unix::{continued, suspend};

/// Suspends the reader (`Ctrl-Z`): never, where there is no job control.
#[cfg(not(unix))]
pub fn suspend() -> bool {
    false
}

#[cfg(unix)]
mod unix {
    use std::sync::atomic::{AtomicBool, Ordering};

    use rustix::process::{Pid, Signal, getpgid, getpgrp, getppid, getsid};

    use crate::tui::{probe, terminal};

    /// Set by a stop of kanbao's own once it has taken the terminal again, so that the
    /// SIGCONT that continued it does not take it a second time.
    static TAKEN_BACK: AtomicBool = AtomicBool::new(false);

    /// How many ancestors [`job_control`] looks at, at most.
    const MAX_ANCESTORS: usize = 64;

    /// `Ctrl-Z` or SIGTSTP, on the loop's thread: gives the terminal back, stops the process
    /// group until it is continued, and takes the terminal again; the caller then has the
    /// whole screen drawn. False, and nothing done, where no shell could continue it.
    pub fn suspend() -> bool {
        if !job_control() {
            return false;
        }
        let graphemes = probe::grapheme_mode_on();
        terminal::restore();
        // The whole group, as the terminal's own Ctrl-Z would: a script that runs kanbao
        // stops with it, and the shell waiting for the script sees its job stopped. The
        // signal goes to this thread first (the process's first), which stops before the
        // call returns.
        let stopped = rustix::process::kill_current_process_group(Signal::STOP).is_ok();
        // Here once continued.
        TAKEN_BACK.store(stopped, Ordering::SeqCst);
        let _ = terminal::enter_again(graphemes);
        stopped
    }

    /// SIGCONT, on the loop's thread: takes the terminal again, unless [`suspend`] did.
    /// Stopped some other way (SIGSTOP), the reader did not give the terminal back, and
    /// the shell may have set it as it likes meanwhile. The caller then has the whole
    /// screen drawn, in either case.
    pub fn continued() {
        if !TAKEN_BACK.swap(false, Ordering::SeqCst) {
            let _ = terminal::enter_again(probe::grapheme_mode_on());
        }
    }

    /// True when a shell with job control can continue the reader once it stops: its
    /// process group has a parent in the session outside the group (it is not orphaned).
    /// Ancestors in the group (a script that runs kanbao) are passed over, as far as the
    /// system tells each one's parent (Linux); elsewhere only the parent counts.
    fn job_control() -> bool {
        let group = getpgrp();
        let Ok(session) = getsid(None) else {
            return false;
        };
        let mut next = getppid();
        for _ in 0..MAX_ANCESTORS {
            let Some(pid) = next else {
                return false;
            };
            match (getpgid(Some(pid)), getsid(Some(pid))) {
                (Ok(g), Ok(s)) if s == session => {
                    if g != group {
                        return true;
                    }
                }
                _ => return false,
            }
            next = parent_of(pid);
        }
        false
    }

    /// The parent of `pid`, from `/proc/PID/stat` (`pid (name) state ppid …`, the name
    /// possibly holding spaces and parentheses).
    #[cfg(target_os = "linux")]
    fn parent_of(pid: Pid) -> Option<Pid> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", pid.as_raw_nonzero())).ok()?;
        let (_, rest) = stat.rsplit_once(')')?;
        Pid::from_raw(rest.split_whitespace().nth(1)?.parse().ok()?)
    }

    #[cfg(not(target_os = "linux"))]
    fn parent_of(_pid: Pid) -> Option<Pid> {
        None
    }
}
