#!/usr/bin/env bash
# The reader over an indexed archive (issue 12; results in BENCHMARKS.md): the whole process
# to its first frame in a pseudo-terminal, then in one process the time from a query's last
# key to its results drawn, the first answers of a slow search, and the heap after them.
# Usage: benches/reader.sh [WORKDIR]  (default /tmp/kanbao-index-bench, as benches/index.sh
# leaves it: a100k.jsonl and, with ONE_MILLION=1, m1/, both indexed in WORKDIR/cache).
set -euo pipefail
W=${1:-/tmp/kanbao-index-bench}
cargo build --release --bin kanbao --example reader_search
K=$PWD/target/release/kanbao
S=$PWD/target/release/examples/reader_search
export XDG_CACHE_HOME=$W/cache
uptime
python3 benches/first_frame.py "$K" 100000 --data "$W/a100k.jsonl"
RUNS=3 python3 benches/first_frame.py "$K" 100000 --no-index --data "$W/a100k.jsonl"
RUNS=5 "$S" "$W/a100k.jsonl" 驿站 沙河工会服务站 晨曦兴拓 "工会 司机" gonghui ghyz
if [ "${ONE_MILLION:-0}" = 1 ]; then
  python3 benches/first_frame.py "$K" 1000000 --data "$W/m1"
  RUNS=5 "$S" "$W/m1" 驿站 沙河工会服务站 晨曦兴拓 "工会 司机"
  RUNS=2 "$S" "$W/m1" ghyz
fi
uptime
