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

# Sizes, on a copy so the cached store is left as it is.
tmp=$(mktemp -d)
cp -r "$store" "$tmp/s"
cd "$tmp/s"
echo "size as written:          $(du -sh .git | cut -f1)"
git repack -adq
echo "size after git repack -ad: $(du -sh .git | cut -f1)"
git gc -q --aggressive --prune=now
echo "size after git gc:        $(du -sh .git | cut -f1)"
rm -rf "$tmp" "$(dirname "$bin")"
