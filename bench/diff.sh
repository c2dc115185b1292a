#!/usr/bin/env bash
# Times `avenant diff --format json` against `git diff --no-index --word-diff`
# on two pairs, in one run so that the ratios share the machine's load:
#   synthetic  two 1 MB versions of a generated convention, 5 % of the
#              articles edited (internal/synth);
#   bill       the sixteen steps of a real bill end to end, numbered apart,
#              one paragraph in twenty edited (synth.Bill over
#              ../shared/corpus/raw/lafabrique/pjl16-580; skipped without
#              the corpus).
# For each: best wall time and best CPU time (user + system) of RUNS runs,
# peak RSS, the fewest page faults, the bytes one diff allocates (BenchmarkDiffCommand, in
# process), and the ratios to git. Usage: bench/diff.sh [RUNS]
# With BASE set to another avenant binary (an earlier build), that one is
# timed too, in the same run, for a before/after on the same load.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/avenant" ./cmd/avenant
go build -o "$tmp/cputime" ./bench/cputime
# shellcheck source=bench/pairs.sh
. bench/pairs.sh

# Bytes allocated by one diff of each pair, whole command in process.
declare -A alloc
while read -r name bop; do alloc[$name]=$bop; done < <(
  go test ./cli -run '^$' -bench 'BenchmarkDiffCommand' -benchmem -benchtime 3x |
    awk '/^BenchmarkDiffCommand\// { split($1, n, "[/-]"); for (i = 1; i <= NF; i++) if ($(i+1) == "B/op") print n[2], $i }')

printf 'best of %s runs; CPU = user + system\n' "$runs"
printf '%-10s %-8s %10s %10s %9s %7s %9s\n' pair tool 'wall ms' 'CPU ms' 'RSS KiB' faults 'alloc MB'
for p in "${pairs[@]}"; do
  ext=md; [ "$p" = bill ] && ext=txt
  old="$tmp/$p-old.$ext" new="$tmp/$p-new.$ext"
  read -r aw ac ar af < <("$tmp/cputime" -runs "$runs" -- "$tmp/avenant" diff --format json "$old" "$new")
  read -r gw gc gr gf < <("$tmp/cputime" -runs "$runs" -- git diff --no-index --word-diff "$old" "$new")
  if [ -n "${BASE:-}" ]; then
    read -r bw bc br bf < <("$tmp/cputime" -runs "$runs" -- "$BASE" diff --format json "$old" "$new")
  fi
  printf '%-10s %-8s %10s %10s %9s %7s %9.1f\n' "$p" avenant "$aw" "$ac" "$ar" "$af" "$(awk -v b="${alloc[$p]:-0}" 'BEGIN { print b / 1e6 }')"
  if [ -n "${BASE:-}" ]; then
    printf '%-10s %-8s %10s %10s %9s %7s %9s\n' "$p" base "$bw" "$bc" "$br" "$bf" -
  fi
  printf '%-10s %-8s %10s %10s %9s %7s %9s\n' "$p" git "$gw" "$gc" "$gr" "$gf" -
  awk -v p="$p" -v s="$(wc -c <"$old")" -v aw="$aw" -v gw="$gw" -v ac="$ac" -v gc="$gc" \
    'BEGIN { printf "%-10s 2 × %d bytes: avenant / git  wall %.2f×  CPU %.2f×\n", p, s, aw / gw, ac / gc }'
  if [ -n "${BASE:-}" ]; then
    awk -v p="$p" -v bc="$bc" -v ac="$ac" -v gc="$gc" \
      'BEGIN { printf "%-10s base / git CPU %.2f×; avenant / base CPU %.2f×\n", p, bc / gc, ac / bc }'
  fi
done
