#!/usr/bin/env bash
# Counts the instructions `avenant diff --format json` executes against
# `git diff --no-index --word-diff` on the pairs of bench/diff.sh, with
# valgrind (lackey); then those of `avenant version`, `log` and `blame`
# against git's, on the stores of bench/store.sh. Unlike times, counts do not move with the machine's
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
digits=1
# Valgrind cannot run the rdtscp by which Go's runtime times a contended
# lock of its own (its monitor thread against the program's, which a loaded
# machine makes likelier): the program died on SIGILL, its count cut short
# (10.8 M for a diff of 226 M). Go is told not to use the instruction (in
# the counted command only: the go command warns of the name it does not
# know).
# count CMD...: the instructions CMD executes, in millions, to $digits
# decimals (diff's exit status 1, differences found, is no failure here).
count() {
  { GODEBUG=cpu.rdtscp=off valgrind --tool=lackey --basic-counts=yes "$@" 2>&1 >/dev/null || true; } |
    awk -v d="$digits" '/guest instrs:/ { gsub(",", "", $4); printf "%.*f", d, $4 / 1e6 }'
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

# The start, which is nearly all of a log or a blame on a small store: the
# same counts for `avenant version` against `git --version`, and for log
# and blame of one clause against git log and git blame of its file, on the
# fixtures' 4 versions (objects loose) and the 200 versions (packed).
# shellcheck source=bench/stores.sh
. bench/stores.sh
fixtures_store "$tmp/avenant" "$tmp/small"
big_store
(cd "$big" && "$tmp/avenant" versions >/dev/null) # its index, if stale
digits=2
row() { awk -v w="$1" -v a="$2" -v g="$3" 'BEGIN { printf "%-26s %10s %10s %7.2f×\n", w, a, g, a / g }'; }
printf '\n%-26s %10s %10s %8s\n' command 'avenant M' 'git M' ratio
row version "$(GOMAXPROCS=1 count "$tmp/avenant" version)" "$(count git --version)"
for s in "$tmp/small art-10 4" "$big art-42 200"; do
  read -r dir clause n <<<"$s"
  cd "$dir"
  row "log $clause ($n versions)" "$(GOMAXPROCS=1 count "$tmp/avenant" log "$clause")" "$(count git log --format=%H -- "clauses/$clause.txt")"
  row "blame $clause ($n versions)" "$(GOMAXPROCS=1 count "$tmp/avenant" blame "$clause")" "$(count git blame main -- "clauses/$clause.txt")"
  cd - >/dev/null
done
