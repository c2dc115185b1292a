// Package goldenfile compares test output with a file under testdata/,
// the one way every package of avenant keeps its goldens: update rewrites
// the file, otherwise a difference fails the test and shows where the
// two first part.
//
// The one -update flag is the one github.com/charmbracelet/x/exp/golden
// declares: teatest imports that package, so the TUI's test binary has the
// flag whatever avenant does, and declaring it a second time would panic.
// Importing it here gives every test binary that same flag, and no package
// declares its own.
package goldenfile

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	_ "github.com/charmbracelet/x/exp/golden"
)

// Check compares got with the file at path; with -update it writes got
// there instead.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	check(t, path, got, Updating())
}

// Updating reports whether the test binary runs with -update.
func Updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func check(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it; review the change):\n%s", path, firstDifference(string(want), string(got)))
	}
}

// firstDifference shows the first line where want and got part, with the
// lines around it; control characters (a screen's colours) are escaped so
// that the message shows them rather than acting on the terminal.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	var b strings.Builder
	for k := max(0, i-2); k < i; k++ {
		fmt.Fprintf(&b, "  %s\n", printable(w[k]))
	}
	for k := i; k < len(w) && k < i+3; k++ {
		fmt.Fprintf(&b, "- %s\n", printable(w[k]))
	}
	for k := i; k < len(g) && k < i+3; k++ {
		fmt.Fprintf(&b, "+ %s\n", printable(g[k]))
	}
	return b.String()
}

func printable(line string) string {
	var b strings.Builder
	for _, r := range line {
		if unicode.IsControl(r) && r != '\t' {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
