// Command gen writes two versions of a text for the bench/ scripts:
//
//	gen -size BYTES -share 0.05 OLD NEW   synthetic convention (internal/synth)
//	gen -bill DIR -share 0.05 OLD NEW     the steps of a real bill, DIR/*.txt
//	                                      in name order, end to end (synth.Bill)
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/avenant-dev/avenant/internal/synth"
)

func main() {
	size := flag.Int("size", 1<<20, "size of the base version in bytes")
	share := flag.Float64("share", 0.05, "share of articles (paragraphs with -bill) edited in the new version")
	bill := flag.String("bill", "", "directory of a bill's step texts (*.txt): build the real-text pair from them")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: gen [-size BYTES | -bill DIR] [-share F] OLD NEW")
		os.Exit(2)
	}
	var old, edited synth.Version
	if *bill != "" {
		steps, err := readSteps(*bill)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(2)
		}
		old, edited = synth.Bill(steps, *share, 2)
	} else {
		old = synth.Base(*size, 1)
		edited = synth.Edit(old, *share, 2)
	}
	for i, v := range []synth.Version{old, edited} {
		if err := os.WriteFile(flag.Arg(i), []byte(v.Text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
}

// readSteps returns the texts of dir/*.txt in name order, which is the
// procedure order of La Fabrique de la Loi's step files.
func readSteps(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no step texts (*.txt)", dir)
	}
	steps := make([]string, len(files))
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		steps[i] = string(b)
	}
	return steps, nil
}
