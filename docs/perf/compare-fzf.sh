#!/bin/bash
# compare-fzf.sh: roledex search against fzf --filter over the same lines,
# as whole processes, in interleaved rounds (the machine's speed wanders
# over minutes; interleaving puts both through the same moments).
#
#   docs/perf/compare-fzf.sh DIR QUERY [ROUNDS]
#
# DIR holds roledex (the binary), onet/ (the O*NET catalog folder) and
# onet-lines.txt (the lines it searches), as docs/performance.md makes
# them. Each round runs each command 10 times after 2 warm-ups; the
# figure is the median of all runs. roledex's parse cache lives in
# DIR/cache and is warmed first.
set -euo pipefail
dir=$1 q=$2 rounds=${3:-6}
cd "$dir"
export XDG_CACHE_HOME=$dir/cache
./roledex --catalog onet search x >/dev/null
sleep 3 # files written within 2 s of the cache are parsed again
./roledex --catalog onet search x >/dev/null
out=$(mktemp -d)
for i in $(seq "$rounds"); do
  hyperfine -N -w 2 -r 10 --export-json "$out/roledex-$i.json" "./roledex --catalog onet search '$q'" >/dev/null
  hyperfine -w 2 -r 10 --export-json "$out/fzf-$i.json" "fzf --filter '$q' < onet-lines.txt" >/dev/null
done
python3 - "$out" "$rounds" "$q" <<'PY'
import json, statistics, sys
out, rounds, q = sys.argv[1], int(sys.argv[2]), sys.argv[3]
med = {}
for name in ("roledex", "fzf"):
    times = []
    for i in range(1, rounds + 1):
        times += json.load(open(f"{out}/{name}-{i}.json"))["results"][0]["times"]
    med[name] = statistics.median(times) * 1000
    print(f"{name:8} {q!r}: median {med[name]:.1f} ms of {len(times)} runs")
print(f"ratio roledex/fzf: {med['roledex'] / med['fzf']:.2f}")
PY
rm -rf "$out"
