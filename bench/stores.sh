# Sourced by the bench scripts (sh or bash), from the module's root:
#   fixtures_store BIN DIR  imports the arbitration and the three answers
#                           of fixtures/ into a new store DIR with BIN
#                           (art-10 changed in all four; objects loose, as
#                           an import of so few leaves them);
#   big_store               the cached store of 200 versions × 1,500
#                           clauses (packed), built by `go test -bench Log
#                           ./store` when missing; its path in $big.
fixtures_store() {
	"$1" init -q "$2"
	(
		f=$PWD/fixtures
		cd "$2"
		"$1" import -q "$f/01-reglement-arbitral-2023.md" --party Arbitre --label RA-2023 --kind reglement-arbitral --date 2023-04-30
		"$1" import -q "$f/02-cnam-proposition-2024-02.md" --party CNAM --label CNAM-2024-02 --kind proposition --date 2024-02-08
		"$1" import -q "$f/03-mgfrance-contre-proposition-2024-03.md" --party "MG France" --label MGF-2024-03 --kind contre-proposition --date 2024-03-12
		"$1" import -q "$f/04-ufmls-contre-proposition-2024-03.md" --party UFML-S --label UFMLS-2024-03 --kind contre-proposition --date 2024-03-13 --base CNAM-2024-02
		"$1" versions >/dev/null # the index, built once
	)
}

big_store() {
	big=${TMPDIR:-/tmp}/avenant-bench-store-v1-200x1500
	if [ ! -d "$big/.git" ]; then
		go test -run XXX -bench 'BenchmarkLog$' -benchtime 1x ./store >/dev/null
	fi
}
