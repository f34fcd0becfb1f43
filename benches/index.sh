#!/usr/bin/env bash
# Whole-process figures of the persistent index (issue 12; results in BENCHMARKS.md).
# Usage: benches/index.sh [WORKDIR]   (default /tmp/kanbao-index-bench)
# Needs hyperfine and ripgrep (apt-get install -y hyperfine ripgrep). Makes a 100k-article
# file and, with ONE_MILLION=1, a folder of ten such files (ids prefixed per file), builds
# their indexes in WORKDIR/cache, then times kanbao through the index, kanbao --no-index
# and rg -c -F side by side in one run.
set -euo pipefail
W=${1:-/tmp/kanbao-index-bench}
mkdir -p "$W"
cargo build --release --bin kanbao --example gen_archive
K=$PWD/target/release/kanbao
G=$PWD/target/release/examples/gen_archive
export XDG_CACHE_HOME=$W/cache
cd "$W"
[ -f a100k.jsonl ] || "$G" --articles 100000 --seed 1 -o a100k.jsonl
/usr/bin/time -v "$K" index a100k.jsonl 2>&1 | grep -E 'index|索引|Elapsed|Maximum resident'
uptime
run() {
  local D=$1
  hyperfine -N -i -w 1 -r 5 \
    "rg -c -F 沙河工会服务站 $D" \
    "$K --data $D search 沙河工会服务站" \
    "sh -c '$K --data $D search 沙河工会服务站 | head -20'" \
    "$K --no-index --data $D search 沙河工会服务站" \
    "rg -c -F 驿站 $D" \
    "$K --data $D search 驿站" \
    "sh -c '$K --data $D search 驿站 | head -20'" \
    "$K --data $D search 驿站 --count" \
    "sh -c '$K --data $D search \"工会 司机\" | head -20'" \
    "sh -c '$K --data $D search ghyz | head -20'" \
    "$K --data $D search ghyz --count" \
    "sh -c '$K --data $D search gonghui | head -20'" \
    "$K --data $D search 邮政编码无此词" \
    "sh -c '$K --data $D list | head'" \
    "$K --data $D show $2" \
    "$K --data $D districts"
}
run a100k.jsonl 2019-01-01-p1-1
if [ "${ONE_MILLION:-0}" = 1 ]; then
  mkdir -p m1
  for i in 0 1 2 3 4 5 6 7 8 9; do
    [ -f m1/part$i.jsonl ] || "$G" --articles 100000 --seed $((i+1)) \
      | sed "s/^{\"id\":\"/{\"id\":\"f$i-/" > m1/part$i.jsonl
  done
  /usr/bin/time -v "$K" index m1 2>&1 | grep -E 'index|索引|Elapsed|Maximum resident'
  run m1 f0-2019-01-01-p1-1
fi
uptime
du -sh "$XDG_CACHE_HOME"/kanbao/index/*
