//! The reader's input: the terminal's bytes read on a thread of their own and parsed by
//! [`parse::Parser`] (not crossterm's, which waits for a paste's end without limit: see
//! there), and SIGWINCH (and a return from a suspension, `tui::suspend`, whose signals it
//! holds while it reads) as [`Event::Resize`]. [`Input::poll`] and [`Input::read`] are used as
//! crossterm's `event::poll` and `event::read` were.
//!
//! Once [`Input::start`] has run, every read of the terminal must go through it: a thread
//! reads the terminal for it, so crossterm's `event::read` would get only what that thread
//! left, in pieces.

mod lone;
mod mouse;
pub mod parse;
mod sequence;

use std::io;
use std::time::Duration;

use ratatui::crossterm::event::Event;

#[cfg(unix)]
pub use unix::Input;

#[cfg(not(unix))]
pub use other::Input;

/// Keys typed before the reader started, which the terminal probes read with their
/// answers: the reader takes them first, so nothing typed while an archive opens is lost.
#[derive(Debug, Default)]
pub struct TypedAhead {
    /// Events read before the probes: the keys typed on the indexing screen.
    pub first: Vec<Event>,
    /// Bytes read by the grapheme-cluster probe ([`crate::tui::probe::typed_ahead`]).
    pub bytes: Vec<u8>,
    /// Events crossterm read during the ambiguous-width probe.
    pub events: Vec<Event>,
}

/// What the reading threads send.
#[cfg_attr(not(unix), allow(dead_code))]
enum Chunk {
    /// Bytes from the terminal.
    Bytes(Vec<u8>),
    /// The terminal was resized.
    Resize,
    /// SIGTSTP or SIGCONT came: act on what the reader holds (`tui::suspend::Held`).
    Stops,
    /// The terminal cannot be read any more.
    Closed(io::Error),
}

#[cfg(unix)]
mod unix {
    use std::fs::File;
    use std::io::{IsTerminal, Read};
    use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, TryRecvError, sync_channel};
    use std::time::Instant;

    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    use ratatui::crossterm::terminal;

    use super::parse::Parser;
    use super::*;
    use crate::tui::suspend::{self, Held};

    /// How many reads may wait for the reader before the reading thread waits in turn:
    /// what the terminal sends beyond that stays in the terminal's own buffer.
    const QUEUE: usize = 16;

    /// The terminal's events, read on a thread of their own.
    pub struct Input {
        parser: Parser,
        chunks: Receiver<Chunk>,
        /// When the last byte came: what is pending is given up after quiet input.
        last_byte: Instant,
        closed: Option<io::Error>,
        /// SIGTSTP and SIGCONT, held for the reader from its start to its end.
        stops: Option<Held>,
    }

    impl Input {
        /// Starts reading the terminal (standard input if it is one, else `/dev/tty`) and
        /// holding SIGTSTP and SIGCONT and watching for SIGWINCH; what was typed `ahead`
        /// comes first.
        pub fn start(ahead: TypedAhead) -> io::Result<Input> {
            let tty: Box<dyn Read + Send> = if io::stdin().is_terminal() {
                Box::new(io::stdin())
            } else {
                Box::new(File::open("/dev/tty")?)
            };
            let (mut input, send) = Input::over(tty)?;
            input.type_ahead(ahead);
            let stops = send.clone();
            // Blocks while the queue is full; ends when the reader is gone.
            input.stops = Some(suspend::hold_waking(move || {
                let _ = stops.send(Chunk::Stops);
            }));
            watch_resizes(send);
            Ok(input)
        }

        /// Puts what was typed `ahead` before anything read from now on.
        pub(super) fn type_ahead(&mut self, ahead: TypedAhead) {
            for event in ahead.first {
                self.parser.push(event);
            }
            if !ahead.bytes.is_empty() {
                self.parser.feed(&ahead.bytes);
                self.parser.end_of_input();
            }
            for event in ahead.events {
                self.parser.push(event);
            }
        }

        /// Reads `tty` on a thread; returns the sender for other sources of events.
        pub(super) fn over(
            mut tty: Box<dyn Read + Send>,
        ) -> io::Result<(Input, SyncSender<Chunk>)> {
            let (send, chunks) = sync_channel(QUEUE);
            let bytes = send.clone();
            std::thread::Builder::new()
                .name("input".into())
                .spawn(move || read_loop(&mut tty, &bytes))?;
            let input = Input {
                parser: Parser::default(),
                chunks,
                last_byte: Instant::now(),
                closed: None,
                stops: None,
            };
            Ok((input, send))
        }

        /// True when an event other than a resize can be read at once.
        pub fn key_at_hand(&mut self) -> io::Result<bool> {
            self.poll(Duration::ZERO)?;
            Ok(self
                .parser
                .queued()
                .next()
                .is_some_and(|e| !matches!(e, Event::Resize(..))))
        }

        /// True when a `Ctrl-C` has come and waits to be read: the loop quits at once even
        /// where it leaves other keys waiting (for a kept search's answer).
        pub fn ctrl_c_waiting(&mut self) -> io::Result<bool> {
            self.poll(Duration::ZERO)?;
            Ok(self.parser.queued().any(|e| {
                matches!(e, Event::Key(k) if k.code == KeyCode::Char('c')
                    && k.modifiers.contains(KeyModifiers::CONTROL))
            }))
        }

        /// True when an event can be read at once, waiting up to `timeout` for one.
        pub fn poll(&mut self, timeout: Duration) -> io::Result<bool> {
            let deadline = Instant::now() + timeout;
            loop {
                if self.parser.has_event() {
                    return Ok(true);
                }
                // Sticky: once the terminal is gone, every later poll says so (a caller that
                // looked and went on must not then wait for ever).
                if let Some(e) = &self.closed {
                    return Err(io::Error::new(e.kind(), e.to_string()));
                }
                if self.drain() {
                    continue;
                }
                let now = Instant::now();
                let expiry = self.parser.waiting().quiet().map(|q| self.last_byte + q);
                if expiry.is_some_and(|at| at <= now) {
                    self.parser.expire();
                    continue;
                }
                if now >= deadline {
                    return Ok(false);
                }
                let until = expiry.map_or(deadline, |at| at.min(deadline));
                match self.chunks.recv_timeout(until - now) {
                    Ok(chunk) => {
                        self.take(chunk);
                        // More may have come with it: read it before the end of input.
                        self.drain();
                        self.parser.end_of_input();
                    }
                    Err(RecvTimeoutError::Timeout) => {}
                    Err(RecvTimeoutError::Disconnected) => self.closed = Some(gone()),
                }
            }
        }

        /// The next event, waiting as long as it takes.
        pub fn read(&mut self) -> io::Result<Event> {
            loop {
                if self.poll(Duration::from_secs(3600))?
                    && let Some(event) = self.parser.next_event()
                {
                    return Ok(event);
                }
            }
        }

        /// Reads every chunk at hand, then tells the parser that is the end of what is at
        /// hand; false when there was none.
        fn drain(&mut self) -> bool {
            let mut got = false;
            loop {
                match self.chunks.try_recv() {
                    Ok(chunk) => {
                        got = true;
                        self.take(chunk);
                    }
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => {
                        self.closed.get_or_insert_with(gone);
                        break;
                    }
                }
            }
            if got {
                self.parser.end_of_input();
            }
            got
        }

        /// Queues a resize to the terminal's size: the loop draws the whole screen.
        fn resized(&mut self) {
            if let Ok((w, h)) = terminal::size() {
                self.parser.push(Event::Resize(w, h));
            }
        }

        fn take(&mut self, chunk: Chunk) {
            match chunk {
                Chunk::Bytes(bytes) => {
                    self.last_byte = Instant::now();
                    self.parser.feed(&bytes);
                }
                Chunk::Resize => self.resized(),
                // Here, on the loop's thread between two frames, as `Ctrl-Z` is: no frame
                // can be drawn on the shell's screen. Back from the shell, the whole screen
                // is drawn again at the terminal's size, which may have changed meanwhile
                // (its SIGWINCH went to the shell).
                Chunk::Stops => {
                    if self.stops.as_mut().is_some_and(Held::act) {
                        self.resized();
                    }
                }
                Chunk::Closed(e) => self.closed = Some(e),
            }
        }
    }

    fn gone() -> io::Error {
        io::Error::new(io::ErrorKind::UnexpectedEof, "the terminal closed")
    }

    /// Reads the terminal until it closes or the reader is gone.
    fn read_loop(tty: &mut dyn Read, send: &SyncSender<Chunk>) {
        let mut buf = vec![0u8; 16 * 1024];
        loop {
            let chunk = match tty.read(&mut buf) {
                Ok(0) => Chunk::Closed(gone()),
                Ok(n) => Chunk::Bytes(buf[..n].to_vec()),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => Chunk::Closed(e),
            };
            let last = matches!(chunk, Chunk::Closed(_));
            if send.send(chunk).is_err() || last {
                return;
            }
        }
    }

    /// Sends [`Chunk::Resize`] on every SIGWINCH.
    fn watch_resizes(send: SyncSender<Chunk>) {
        use signal_hook::consts::SIGWINCH;
        use signal_hook::iterator::Signals;
        let Ok(mut signals) = Signals::new([SIGWINCH]) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("resize".into())
            .spawn(move || {
                for _ in signals.forever() {
                    if send.send(Chunk::Resize).is_err() {
                        return;
                    }
                }
            });
    }
}

#[cfg(not(unix))]
mod other {
    use ratatui::crossterm::event;

    use super::*;

    /// The terminal's events, through crossterm, after those typed ahead.
    pub struct Input {
        ahead: std::collections::VecDeque<Event>,
    }

    impl Input {
        /// Reads through crossterm; what was typed `ahead` (taken from crossterm's queue by
        /// the width probe) comes first.
        pub fn start(ahead: TypedAhead) -> io::Result<Input> {
            Ok(Input {
                ahead: ahead.first.into_iter().chain(ahead.events).collect(),
            })
        }

        /// True when an event can be read at once, waiting up to `timeout` for one.
        pub fn poll(&mut self, timeout: Duration) -> io::Result<bool> {
            if !self.ahead.is_empty() {
                return Ok(true);
            }
            event::poll(timeout)
        }

        /// The next event.
        pub fn read(&mut self) -> io::Result<Event> {
            match self.ahead.pop_front() {
                Some(event) => Ok(event),
                None => event::read(),
            }
        }

        /// crossterm cannot look ahead: events are taken one a frame.
        pub fn key_at_hand(&mut self) -> io::Result<bool> {
            Ok(false)
        }

        /// crossterm cannot look ahead: a `Ctrl-C` is read in its turn.
        pub fn ctrl_c_waiting(&mut self) -> io::Result<bool> {
            Ok(false)
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn reads_keys_then_says_the_terminal_closed() {
        let bytes = std::io::Cursor::new(b"a\x1b[200~xy\x03".to_vec());
        let (mut input, _send) = Input::over(Box::new(bytes)).unwrap();
        assert!(input.poll(Duration::from_secs(10)).unwrap());
        // Ctrl-C is seen while other keys wait before it.
        assert!(input.ctrl_c_waiting().unwrap());
        let key = |c, m| Event::Key(KeyEvent::new(KeyCode::Char(c), m));
        assert_eq!(input.read().unwrap(), key('a', KeyModifiers::NONE));
        assert_eq!(input.read().unwrap(), Event::Paste("xy".into()));
        assert_eq!(input.read().unwrap(), key('c', KeyModifiers::CONTROL));
        assert!(!input.ctrl_c_waiting().unwrap_or(false));
        let end = input.read().unwrap_err();
        assert_eq!(end.kind(), io::ErrorKind::UnexpectedEof);
    }
}
