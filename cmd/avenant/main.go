// Command avenant versions and diffs negotiated convention texts clause by
// clause. See the README for usage.
package main

import (
	"os"
	"runtime"
	"runtime/debug"

	"github.com/avenant-dev/avenant/cli"
)

func main() {
	deferFirstCollection()
	os.Exit(cli.Run(os.Args[1:], cli.System()))
}

// deferFirstCollection lets the heap reach 16 MB before the collector
// first runs (GOGC=400 over Go's 4 MB start), then sets Go's default pace
// (GOGC=100) for the rest of the run. A command lives for tens of
// milliseconds and keeps a few megabytes live: at the default pace a diff
// of the bench pairs collected five times over the same live heap, 15 %
// of its instructions, more than the page faults the larger heap costs
// (valgrind: bill pair 302 M → 262 M instructions, synthetic 248 M → 208 M;
// 1,100 more faults, 6 MB more peak RSS; CPU 66–70 ms against 69–77 ms
// and 49–52 against 56–64, bench/diff.sh and bench/instructions.sh,
// December 2026). A large text pays Go's default pace after the first
// collection, as before: its peak memory stays twice its live heap.
// A GOGC set by the user is left alone.
func deferFirstCollection() {
	if _, set := os.LookupEnv("GOGC"); set {
		return
	}
	debug.SetGCPercent(400)
	// The cleanup runs once the first collection has found its object
	// unreachable, which it is from the start.
	runtime.AddCleanup(new([2]*int), func(int) { debug.SetGCPercent(100) }, 0)
}
