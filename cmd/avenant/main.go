// Command avenant versions and diffs negotiated convention texts clause by
// clause. See the README for usage.
package main

import (
	"os"

	"github.com/avenant-dev/avenant/cli"
	"github.com/avenant-dev/avenant/internal/heap"
)

func main() {
	heap.DeferFirstCollection()
	os.Exit(cli.Run(os.Args[1:], cli.System()))
}
