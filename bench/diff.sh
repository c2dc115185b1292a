#!/usr/bin/env bash
# Times `avenant diff` against `git diff --no-index --word-diff` on the same
# pair of synthetic 1 MB versions (5 % of the articles edited) and prints the
# ratio. Usage: bench/diff.sh [SIZE_BYTES] [SHARE] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1048576}
share=${2:-0.05}
runs=${3:-10}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/avenant" ./cmd/avenant
go run ./bench/gen -size "$size" -share "$share" "$tmp/old.md" "$tmp/new.md"

# best_ms CMD... runs CMD $runs times and prints the fastest wall time in ms.
best_ms() {
  local best=999999999 t0 t1 ms
  for _ in $(seq "$runs"); do
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 ))
    (( ms < best )) && best=$ms
  done
  echo "$best"
}

a=$(best_ms "$tmp/avenant" diff --format json "$tmp/old.md" "$tmp/new.md")
g=$(best_ms git diff --no-index --word-diff "$tmp/old.md" "$tmp/new.md")
printf 'input: 2 × %s bytes, %s of articles edited, best of %s runs\n' "$(wc -c <"$tmp/old.md")" "$share" "$runs"
printf 'avenant diff                    %6d ms\n' "$a"
printf 'git diff --no-index --word-diff %6d ms\n' "$g"
awk -v a="$a" -v g="$g" 'BEGIN { if (g > 0) printf "ratio avenant / git             %6.2f\n", a / g }'
if command -v /usr/bin/time >/dev/null; then
  /usr/bin/time -f 'avenant peak memory            %M KiB' "$tmp/avenant" diff "$tmp/old.md" "$tmp/new.md" 2>&1 >/dev/null | grep -v 'exited with' || true
fi
