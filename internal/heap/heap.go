// Package heap tunes the Go runtime's memory for avenant's processes, which
// live tens of milliseconds, keep a few megabytes live and allocate some
// ten times their input. What costs there is the collector passing over the
// same small live heap again and again, and the kernel's page faults on a
// fresh heap, not the memory held.
package heap

import (
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

// userPace reports whether the user set GOGC, which is then left alone.
func userPace() bool {
	_, set := os.LookupEnv("GOGC")
	return set
}

// armed counts the deferrals: a deferral's cleanup restores the default
// pace only while it is the latest one (Expect collects at once and
// defers anew).
var armed atomic.Int64

// DeferFirstCollection lets the heap reach 16 MB before the collector
// first runs (GOGC=400 over Go's 4 MB start), then sets Go's default pace
// (GOGC=100) for the rest of the run. A command keeps a few megabytes
// live: at the default pace a diff of the bench pairs collected five times
// over the same live heap, 15 % of its instructions, more than the page
// faults the larger heap costs (valgrind: bill pair 302 M → 262 M
// instructions, synthetic 248 M → 208 M; 1,100 more faults, 6 MB more peak
// RSS; CPU 66–70 ms against 69–77 ms and 49–52 against 56–64,
// bench/diff.sh and bench/instructions.sh, December 2026). A large text
// pays Go's default pace after the first collection, as before: its peak
// memory stays twice its live heap. A GOGC set by the user is left alone.
func DeferFirstCollection() {
	deferFirstCollection(16 << 20)
}

// heapMinimum is the heap at which Go first collects at GOGC=100.
const heapMinimum = 4 << 20

// deferFirstCollection lets the heap reach goal bytes (rounded up to a
// multiple of heapMinimum) before the collector first runs.
func deferFirstCollection(goal int) {
	if userPace() {
		return
	}
	debug.SetGCPercent((goal + heapMinimum - 1) / heapMinimum * 100)
	gen := armed.Add(1)
	// The cleanup runs once a collection has found its object
	// unreachable, which it is from the start.
	runtime.AddCleanup(new([2]*int), func(gen int64) {
		if armed.Load() == gen {
			debug.SetGCPercent(100)
		}
	}, gen)
}

// largeInput is the input, in bytes, from which a heap on huge pages pays
// for the collection that laying it out takes.
const largeInput = 256 << 10

var expectOnce sync.Once

// Expect tells the runtime that the command is about to read and compare
// inputBytes of text. From largeInput on, where the system allows it, the
// heap the command will use is laid out at once on huge pages: one page
// fault per 2 MB instead of one per 4 KB. The first collection then waits
// for that heap to fill. The first call of a process decides.
func Expect(inputBytes int64) {
	if inputBytes < largeInput || userPace() {
		return
	}
	expectOnce.Do(func() {
		// A diff allocates some ten times its input (the bench pairs: 9
		// and 12 times); with a margin.
		n := int(min(max(inputBytes*16, 16<<20), 64<<20))
		if hugePages(n) {
			deferFirstCollection(n)
		}
	})
}
