// Package goldenfile compares test output with a file under testdata/,
// the one way every package of avenant keeps its goldens: update rewrites
// the file, otherwise a difference fails the test and shows where the
// two first part.
package goldenfile

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Check compares got with the file at path; with update set it writes got
// there instead. flag names the -update flag of the calling package, for
// the message.
func Check(t testing.TB, path string, got []byte, update bool, flag string) {
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
		t.Fatalf("%v (go test -%s creates it)", err, flag)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -%s rewrites it; review the change):\n%s", path, flag, firstDifference(string(want), string(got)))
	}
}

// firstDifference shows the first line where want and got part, with the
// lines around it.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	var b strings.Builder
	for k := max(0, i-2); k < i; k++ {
		fmt.Fprintf(&b, "  %s\n", w[k])
	}
	for k := i; k < len(w) && k < i+3; k++ {
		fmt.Fprintf(&b, "- %s\n", w[k])
	}
	for k := i; k < len(g) && k < i+3; k++ {
		fmt.Fprintf(&b, "+ %s\n", g[k])
	}
	return b.String()
}
