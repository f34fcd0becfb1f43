#!/usr/bin/env bash
# Two builds of kanbao side by side over the same indexed archives (issue 12: "compare side
# by side in one run"), with rg -c -F as the yardstick; results in BENCHMARKS.md.
# Usage: benches/compare.sh OLD NEW [WORKDIR]
#   OLD, NEW: kanbao binaries (copy target/release/kanbao aside before rebuilding);
#   WORKDIR: as benches/index.sh leaves it (a100k.jsonl and, with ONE_MILLION=1, m1/, both
#   indexed in WORKDIR/cache; default /tmp/kanbao-index-bench). Both builds must read the
#   same index format. R=runs (default 10); CACHE=another cache folder holding the indexes.
#   Needs hyperfine and ripgrep.
set -euo pipefail
A=$(realpath "$1")
B=$(realpath "$2")
W=${3:-/tmp/kanbao-index-bench}
export XDG_CACHE_HOME=${CACHE:-$W/cache}
cd "$W"
uptime
sets="a100k.jsonl"
[ -d m1 ] && sets="$sets m1"
N="hyperfine -N -i -w 2 -r ${R:-10} --style basic"
S="hyperfine -i -w 2 -r ${R:-10} --style basic"
# Only the names and the means (warnings, on stderr, left out).
n() { $N "$@" 2>&1 | grep -E "Benchmark|Time" || true; }
s() { $S "$@" 2>&1 | grep -E "Benchmark|Time" || true; }
for d in $sets; do
  n "rg -c -F 驿站 $d"
  n "$A --data $d districts" "$B --data $d districts"
  for q in 驿站 沙河工会服务站 gonghui; do
    n "$A --data $d search $q --count" "$B --data $d search $q --count"
  done
  # The first rows, best first, through a shell (hyperfine subtracts its start-up).
  for q in 驿站 沙河工会服务站 工会服务站 新就业形态 gonghui ghyz siji yizhan '"工会 驿站"'; do
    s "$A --data $d search '$q' | head -20" "$B --data $d search '$q' | head -20"
  done
done
uptime
