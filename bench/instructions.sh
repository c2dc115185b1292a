#!/usr/bin/env bash
# Counts the instructions `avenant diff --format json` executes against
# `git diff --no-index --word-diff` on the pairs of bench/diff.sh, with
# valgrind (lackey). Unlike times, counts do not move with the machine's
# load, so that a change's cost shows on a shared machine too. Two counts
# for avenant, on one core (GOMAXPROCS=1: valgrind runs threads one at a
# time anyway): as run, and with the collector off, the program's own
# work, the same in every run to a few instructions (as run, the collector
# first runs at 16 MB, which the bench pairs do not reach: both agree).
# Time spent in the kernel (page faults, reads) is not counted: compare
# times with bench/diff.sh. Usage: bench/instructions.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind not found (apt-get install valgrind)"; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/avenant" ./cmd/avenant
# shellcheck source=bench/pairs.sh
. bench/pairs.sh
# count CMD...: the instructions CMD executes, in millions (diff's exit
# status 1, differences found, is no failure here).
count() {
  { valgrind --tool=lackey --basic-counts=yes "$@" 2>&1 >/dev/null || true; } |
    awk '/guest instrs:/ { gsub(",", "", $4); printf "%.1f", $4 / 1e6 }'
}
printf '%-10s %14s %14s %10s %8s\n' pair 'avenant M' 'GC off M' 'git M' ratio
for p in "${pairs[@]}"; do
  ext=md; [ "$p" = bill ] && ext=txt
  old="$tmp/$p-old.$ext" new="$tmp/$p-new.$ext"
  a=$(GOMAXPROCS=1 count "$tmp/avenant" diff --format json "$old" "$new")
  o=$(GOGC=off GOMAXPROCS=1 count "$tmp/avenant" diff --format json "$old" "$new")
  g=$(count git diff --no-index --word-diff "$old" "$new")
  awk -v p="$p" -v a="$a" -v o="$o" -v g="$g" 'BEGIN { printf "%-10s %14s %14s %10s %7.2f×\n", p, a, o, g, a / g }'
done
