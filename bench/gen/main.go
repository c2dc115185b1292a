// Command gen writes two synthetic versions of a convention for the bench/
// scripts: gen -size BYTES -share 0.05 OLD NEW.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/avenant-dev/avenant/internal/synth"
)

func main() {
	size := flag.Int("size", 1<<20, "size of the base version in bytes")
	share := flag.Float64("share", 0.05, "share of articles edited in the new version")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: gen [-size BYTES] [-share F] OLD NEW")
		os.Exit(2)
	}
	base := synth.Base(*size, 1)
	edited := synth.Edit(base, *share, 2)
	for i, v := range []synth.Version{base, edited} {
		if err := os.WriteFile(flag.Arg(i), []byte(v.Text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
}
