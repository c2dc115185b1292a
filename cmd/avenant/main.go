// Command avenant versions and diffs negotiated convention texts clause by
// clause. See the README for usage.
package main

import (
	"os"

	"github.com/avenant-dev/avenant/cli"
)

// The collector keeps Go's default pace (GOGC=100). A diff lives a few
// hundred milliseconds, so a higher GOGC looks cheaper, but every page a
// larger heap touches for the first time is a page fault, and faults cost
// more than the collections saved: on the bench pairs, GOGC=400 took 6,700
// faults and 270-310 ms of CPU for the bill pair where the default takes
// 4,900 and 230-260 ms, with 25 % more peak memory (bench/diff.sh, perf
// stat, December 2026).
func main() {
	os.Exit(cli.Run(os.Args[1:], cli.System()))
}
