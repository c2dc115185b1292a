#!/bin/sh
# Compare avenant with git on the same stores, by CPU time (user + system,
# the best of RUNS runs, bench/cputime), process start included:
#   - avenant version against git --version, built as go build does by
#     default and with CGO_ENABLED=0 (the static build README offers);
#   - avenant log and blame of one clause against git log and git blame of
#     its file, on the 4-version store of fixtures/ and on a store of 200
#     versions × 1,500 clauses;
#   - the cold rebuild of that store's index (go test -bench RebuildIndex);
# then the store's size loose, after avenant's repack and after git gc.
#
# usage: bench/store.sh [STORE]
# Default STORE: the cached benchmark store of 200 versions × 1,500 clauses
# (built by "go test -bench Log ./store" when missing).
set -eu
cd "$(dirname "$0")/.."
repo=$PWD
# shellcheck source=bench/stores.sh
. bench/stores.sh
big_store
store=${1:-$big}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/avenant" ./cmd/avenant
# Without cgo (net and os/user are linked) the binary is static: no
# dynamic loader, no libc to map and relocate at each start.
CGO_ENABLED=0 go build -o "$work/avenant-static" ./cmd/avenant
go build -o "$work/cputime" ./bench/cputime
bin=$work/avenant
runs=${RUNS:-20}

# cpu CMD...: the best CPU time of CMD over $runs runs, in milliseconds.
cpu() { "$work/cputime" -runs "$runs" -- "$@" | awk '{ print $2 }'; }

# row WHAT AVENANT GIT: one line, both CPU times and their ratio.
row() {
	awk -v w="$1" -v a="$2" -v g="$3" \
		'BEGIN { printf "%-36s %8.2f ms vs git %8.2f ms  ratio %5.2f\n", w, a, g, a / (g > 0 ? g : 1) }'
}

gitv=$(cpu git --version)
row "avenant version" "$(cpu "$bin" version)" "$gitv"
row "avenant version (CGO_ENABLED=0)" "$(cpu "$work/avenant-static" version)" "$gitv"

small=$work/small
fixtures_store "$bin" "$small"

# compare DIR CLAUSE WHAT: log and blame of CLAUSE in the store DIR.
compare() {
	cd "$1"
	"$bin" versions >/dev/null # the index, built once (the big store's)
	row "avenant log $2 ($3)" "$(cpu "$bin" log "$2")" "$(cpu git log --format=%H -- "clauses/$2.txt")"
	row "avenant blame $2 ($3)" "$(cpu "$bin" blame "$2")" "$(cpu git blame main -- "clauses/$2.txt")"
	cd "$repo"
}
compare "$small" art-10 "4 versions"
compare "$store" "${CLAUSE:-art-42}" "200 versions"

# The cold rebuild: the index read from the tags, commits and changes.json
# alone. In process (go test, wall time), and as the CPU a log costs more
# when it finds no index (the shell and rm included).
go test -run XXX -bench 'BenchmarkRebuildIndex$' -benchtime 20x ./store |
	awk '/^BenchmarkRebuildIndex/ { printf "%-36s %8.2f ms (wall, in process)\n", "cold index rebuild (200 versions)", $3 / 1e6 }'
cd "$store"
cold=$(cpu sh -c "rm -f .git/avenant/index; \"$bin\" log ${CLAUSE:-art-42} >/dev/null")
warm=$(cpu "$bin" log "${CLAUSE:-art-42}")
awk -v c="$cold" -v w="$warm" 'BEGIN { printf "%-36s %8.2f ms CPU (log: %.2f cold, %.2f warm)\n", "cold index rebuild (200 versions)", c - w, c, w }'
cd "$repo"

# Sizes, on copies so the cached store is left as it is: avenant's own
# repack (store.Repack) against git gc on the same content.
cp -r "$store" "$work/a"
cp -r "$store" "$work/g"
# kib DIR: loose plus packed object bytes, as git counts them (du would also
# count the empty fan-out directories).
kib() { git -C "$1" count-objects -v | awk '/^size:|^size-pack:/ { n += $2 } END { print n }'; }
echo "objects as written:           $(kib "$work/a") KiB"
go run ./bench/repack "$work/a"
(cd "$work/g" && git gc -q --aggressive --prune=now)
a=$(kib "$work/a")
g=$(kib "$work/g")
echo "objects after avenant repack: $a KiB"
echo "objects after git gc:         $g KiB"
awk -v a="$a" -v g="$g" 'BEGIN { printf "size ratio avenant/git gc:    %.2f\n", a / (g ? g : 1) }'
