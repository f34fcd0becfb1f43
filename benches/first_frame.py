#!/usr/bin/env python3
"""Whole-process time from starting the reader to its first frame (issue 12).

Usage: benches/first_frame.py KANBAO TOTAL [ARGS...]  (e.g. target/release/kanbao 1000000
--data /tmp/kb/m1). Starts the reader in a pseudo-terminal of 120x40, answers the terminal
probe (DA1), and times until the header's article count (`TOTAL 篇`) has been written; then
quits with `q`. Prints each run's milliseconds and the median of RUNS (env, default 5).
"""
import fcntl, os, pty, select, statistics, struct, sys, termios, time

def one(argv, marker):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    start = time.monotonic()
    seen, found = b"", None
    while found is None and time.monotonic() - start < 120:
        ready, _, _ = select.select([fd], [], [], 1.0)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        seen += chunk
        if b"\x1b[c" in chunk:
            os.write(fd, b"\x1b[?62;22c")
        if marker in seen:
            found = (time.monotonic() - start) * 1000
    os.write(fd, b"q")
    end = time.monotonic()
    while time.monotonic() - end < 30:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    os.close(fd)
    return found

def main():
    binary, total, *args = sys.argv[1:]
    marker = f"{total} 篇".encode()
    runs = int(os.environ.get("RUNS", "5"))
    times = [one([binary, "--no-state", "--ambiguous-width", "1", *args], marker) for _ in range(runs)]
    print("runs (ms):", " ".join(f"{t:.0f}" if t else "none" for t in times))
    ok = [t for t in times if t]
    if ok:
        print(f"median {statistics.median(ok):.0f} ms")

main()
