//! `Ctrl-Z` and SIGTSTP, as in `less` and `vim`: kanbao gives the terminal back as the
//! shell had it ([`super::terminal::give_back`]: the screen left, raw mode off) and stops
//! its process group, so that the shell's job control sees the job stopped; when `fg` (or
//! any SIGCONT) continues it, it takes the terminal again as it had it
//! ([`super::terminal::take_again`]) and a screen that was up is drawn whole, at the
//! terminal's size, which may have changed meanwhile. The key is read where keys are read:
//! the indexing screen (`tui::indexing`) and the reader, the question asked at quit
//! included; one typed while the terminal is probed comes to the reader with the keys
//! typed ahead. The signals are caught by one watcher ([`hold`]) from the moment kanbao
//! first takes the terminal, and acted on between two frames of a screen, between the
//! probes, or at once where nothing draws: at any moment kanbao has the terminal, a stop
//! gives it back first, and none is lost between two screens.
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
mod stops;

#[cfg(unix)]
pub use stops::{Held, hold, hold_waking};
#[cfg(unix)]
pub use unix::{continued, suspend};

/// Suspends the reader (`Ctrl-Z`): never, where there is no job control.
#[cfg(not(unix))]
pub fn suspend() -> bool {
    false
}

/// SIGTSTP and SIGCONT, which there are not: nothing to act on.
#[cfg(not(unix))]
pub struct Held;

/// Nothing to hold.
#[cfg(not(unix))]
pub fn hold() -> Held {
    Held
}

#[cfg(not(unix))]
impl Held {
    /// Nothing came: the screen need not be drawn whole.
    pub fn act(&mut self) -> bool {
        false
    }
}

#[cfg(unix)]
mod unix {
    use std::sync::atomic::{AtomicBool, Ordering};

    use rustix::process::Signal;

    use crate::tui::{probe, terminal};

    /// Set by a stop of kanbao's own once it has taken the terminal again, so that the
    /// SIGCONT that continued it does not take it a second time.
    static TAKEN_BACK: AtomicBool = AtomicBool::new(false);

    /// How many ancestors [`job_control`] looks at, at most.
    const MAX_ANCESTORS: usize = 64;

    /// `Ctrl-Z` or SIGTSTP, on the thread that acts on it: gives the terminal back, stops
    /// the process group until it is continued, and takes the terminal again as it was;
    /// the caller then has the whole screen drawn, if one is up. False, and nothing done,
    /// where no shell could continue it.
    pub fn suspend() -> bool {
        if !job_control() {
            return false;
        }
        let graphemes = probe::grapheme_mode_on();
        let taken = terminal::give_back();
        // The whole group, as the terminal's own Ctrl-Z would: a script that runs kanbao
        // stops with it, and the shell waiting for the script sees its job stopped. The
        // signal goes to this thread first (the process's first), which stops before the
        // call returns.
        let stopped = rustix::process::kill_current_process_group(Signal::STOP).is_ok();
        // Here once continued.
        TAKEN_BACK.store(stopped, Ordering::SeqCst);
        let _ = terminal::take_again(taken, graphemes);
        stopped
    }

    /// SIGCONT, on the thread that acts on it: takes the terminal again as kanbao holds it,
    /// unless [`suspend`] did. Stopped some other way (SIGSTOP), kanbao did not give the
    /// terminal back, and the shell may have set it as it likes meanwhile. The caller then
    /// has the whole screen drawn, if one is up, in either case.
    pub fn continued() {
        if !TAKEN_BACK.swap(false, Ordering::SeqCst) {
            let _ = terminal::take_again(terminal::taken(), probe::grapheme_mode_on());
        }
    }

    /// True when a shell with job control can continue the reader once it stops: its
    /// process group has a parent in the session outside the group (it is not orphaned).
    /// Ancestors in the group (a script that runs kanbao) are passed over, as far as the
    /// system tells each one's parent (Linux); elsewhere only the parent counts.
    #[cfg(target_os = "linux")]
    fn job_control() -> bool {
        let read = |pid: &str| {
            let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            Process::from_stat(&text)
        };
        read("self")
            .is_some_and(|me| has_job_control(me, |pid| read(&pid.to_string()), MAX_ANCESTORS))
    }

    #[cfg(not(target_os = "linux"))]
    fn job_control() -> bool {
        use rustix::process::{getpgid, getpgrp, getppid, getsid};
        let (Some(parent), Ok(session)) = (getppid(), getsid(None)) else {
            return false;
        };
        let group = getpgrp();
        matches!(
            (getpgid(Some(parent)), getsid(Some(parent))),
            (Ok(g), Ok(s)) if s == session && g != group
        )
    }

    /// A process as `/proc/PID/stat` tells it. A group or session whose leader lives
    /// outside kanbao's pid namespace (a container, a CI sandbox) reads as 0.
    #[derive(Clone, Copy, Debug, PartialEq)]
    pub(super) struct Process {
        pub parent: i32,
        pub group: i32,
        pub session: i32,
    }

    impl Process {
        /// From `pid (name) state ppid pgrp session …`, the name possibly holding spaces
        /// and parentheses.
        pub(super) fn from_stat(stat: &str) -> Option<Process> {
            let (_, rest) = stat.rsplit_once(')')?;
            let mut fields = rest.split_whitespace().skip(1).map(str::parse::<i32>);
            Some(Process {
                parent: fields.next()?.ok()?,
                group: fields.next()?.ok()?,
                session: fields.next()?.ok()?,
            })
        }
    }

    /// Whether `me` has an ancestor, within `max` steps, in its session but outside its
    /// group, passing over ancestors in its group; `lookup` tells a pid's process. Where
    /// a session or group cannot be known (0, or the lookup fails), the answer is no: a
    /// stop nothing could end is worse than a `Ctrl-Z` refused.
    pub(super) fn has_job_control(
        me: Process,
        lookup: impl Fn(i32) -> Option<Process>,
        max: usize,
    ) -> bool {
        if me.session <= 0 || me.group <= 0 {
            return false;
        }
        let mut next = me.parent;
        for _ in 0..max {
            if next <= 0 {
                return false;
            }
            let Some(p) = lookup(next) else {
                return false;
            };
            if p.session != me.session || p.group <= 0 {
                return false;
            }
            if p.group != me.group {
                return true;
            }
            next = p.parent;
        }
        false
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::unix::{Process, has_job_control};

    fn p(parent: i32, group: i32, session: i32) -> Process {
        Process {
            parent,
            group,
            session,
        }
    }

    /// pid → process, for a made-up process tree.
    fn tree(procs: &[(i32, Process)]) -> impl Fn(i32) -> Option<Process> + '_ {
        move |pid| procs.iter().find(|(p, _)| *p == pid).map(|(_, q)| *q)
    }

    #[test]
    fn a_stat_line_gives_parent_group_and_session() {
        let line = "4242 (a (odd) name) S 4000 4242 3900 34817 4242 4194304 0 0";
        assert_eq!(Process::from_stat(line), Some(p(4000, 4242, 3900)));
        assert_eq!(Process::from_stat("4242 (cut"), None);
        assert_eq!(Process::from_stat("4242 (x) S 1"), None);
    }

    #[test]
    fn a_shell_in_the_session_outside_the_group_can_continue_it() {
        // kanbao 50 (group 50) ← script 40 (group 50) ← shell 30 (group 30), session 30.
        let procs = [(40, p(30, 50, 30)), (30, p(1, 30, 30))];
        assert!(has_job_control(p(40, 50, 30), tree(&procs), 64));
        // The walk stops at its bound.
        assert!(!has_job_control(p(40, 50, 30), tree(&procs), 1));
    }

    #[test]
    fn a_session_leader_or_an_unknown_session_has_none() {
        // kanbao leads its own session; its parent is in another (setsid, ssh, tmux).
        let procs = [(30, p(1, 30, 30))];
        assert!(!has_job_control(p(30, 50, 50), tree(&procs), 64));
        // Leaders outside the pid namespace read as 0: neither compares equal.
        let procs = [(30, p(0, 0, 0))];
        assert!(!has_job_control(p(30, 50, 0), tree(&procs), 64));
        assert!(!has_job_control(p(30, 0, 50), tree(&procs), 64));
        let procs = [(30, p(0, 0, 50))];
        assert!(!has_job_control(p(30, 50, 50), tree(&procs), 64));
        // A parent that cannot be read, or none.
        assert!(!has_job_control(p(30, 50, 50), |_| None, 64));
        assert!(!has_job_control(p(0, 50, 50), tree(&procs), 64));
    }
}
