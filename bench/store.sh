#!/bin/sh
# Compare avenant log/blame with git log/blame on the same store, and the
# store's size loose, after git repack -ad and after git gc.
#
# usage: bench/store.sh [STORE]
# Default STORE: the cached benchmark store of 200 versions × 1,500 clauses
# (built by "go test -bench Log ./store" when missing).
set -eu
cd "$(dirname "$0")/.."
store=${1:-${TMPDIR:-/tmp}/avenant-bench-store-v1-200x1500}
if [ ! -d "$store/.git" ]; then
	go test -run XXX -bench BenchmarkLog -benchtime 1x ./store >/dev/null
fi
bin=$(mktemp -d)/avenant
go build -o "$bin" ./cmd/avenant
clause=${CLAUSE:-art-42}
runs=${RUNS:-10}

# ms CMD...: mean wall time of CMD over $runs runs, in milliseconds.
ms() {
	start=$(date +%s%N)
	i=0
	while [ $i -lt "$runs" ]; do
		"$@" >/dev/null
		i=$((i + 1))
	done
	end=$(date +%s%N)
	echo $(((end - start) / runs / 1000000))
}

cd "$store"
"$bin" versions >/dev/null # build the index once
al=$(ms "$bin" log "$clause")
gl=$(ms git log --format=%H -- "clauses/$clause.txt")
ab=$(ms "$bin" blame "$clause")
gb=$(ms git blame main -- "clauses/$clause.txt")
printf '%-28s %6s ms\n' "avenant log $clause" "$al" "git log -- clauses/$clause.txt" "$gl" \
	"avenant blame $clause" "$ab" "git blame clauses/$clause.txt" "$gb"
awk -v a="$al" -v g="$gl" 'BEGIN { printf "log ratio avenant/git:   %.2f\n", a / (g ? g : 1) }'
awk -v a="$ab" -v g="$gb" 'BEGIN { printf "blame ratio avenant/git: %.2f\n", a / (g ? g : 1) }'

# Sizes, on copies so the cached store is left as it is: avenant's own
# repack (store.Repack) against git gc on the same content.
tmp=$(mktemp -d)
cp -r "$store" "$tmp/a"
cp -r "$store" "$tmp/g"
# kib DIR: loose plus packed object bytes, as git counts them (du would also
# count the empty fan-out directories).
kib() { git -C "$1" count-objects -v | awk '/^size:|^size-pack:/ { n += $2 } END { print n }'; }
echo "objects as written:         $(kib "$tmp/a") KiB"
(cd "$OLDPWD" && go run ./bench/repack "$tmp/a")
(cd "$tmp/g" && git gc -q --aggressive --prune=now)
a=$(kib "$tmp/a")
g=$(kib "$tmp/g")
echo "objects after avenant repack: $a KiB"
echo "objects after git gc:         $g KiB"
awk -v a="$a" -v g="$g" 'BEGIN { printf "size ratio avenant/git gc:  %.2f\n", a / (g ? g : 1) }'
rm -rf "$tmp" "$(dirname "$bin")"
