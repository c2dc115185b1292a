package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestLandedMeanwhile: two imports started together, dated in order
// (A 2024-02-01, B 2024-03-01), B taking the lock first. A then answered
// the version dated before it and was stored beside B, B's text left off
// A's line, or in the other race B answered A: which of the two depended
// on which process won the lock. A is now refused, nothing written, and
// run again it is the back-fill it would be after B. An import that lands
// meanwhile dated before A, and an import with --base, are not held back.
func TestLandedMeanwhile(t *testing.T) {
	text := func(n int) string { return killText(n) + fmt.Sprintf("Version %d.\n", n) }
	for _, c := range []struct {
		name, otherDate, base string
		refused               bool
	}{
		{"later", "2024-03-01", "", true},
		{"earlier", "2024-01-15", "", false},
		{"same day", "2024-02-01", "", false},
		{"base given", "2024-03-01", "V0", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newStore(t)
			mustImport(t, s, text(0), "CNAM", "V0", "2024-01-01")
			whileWaiting = func() {
				whileWaiting = func() {} // the other import waits for no one
				other, err := Open(s.Dir)
				if err != nil {
					t.Fatal(err)
				}
				mustImport(t, other, text(2), "SYND", "B", c.otherDate)
			}
			defer func() { whileWaiting = func() {} }()
			_, err := s.Import(parseMD(text(1)), ImportOptions{Party: "MGF", Label: "A", Date: "2024-02-01", Base: c.base})
			whileWaiting = func() {}
			if got := errors.Is(err, errLandedMeanwhile); got != c.refused {
				t.Fatalf("refused: %v, want %v (%v)", got, c.refused, err)
			}
			if !c.refused {
				return
			}
			if !strings.Contains(err.Error(), "A (2024-02-01): another import or a pull stored a later version while this one waited for the store: B (2024-03-01)") {
				t.Errorf("message: %v", err)
			}
			s, _ = Open(s.Dir)
			vs, _ := s.Versions()
			if labels := strings.Join(labelsOf(t, s), " "); labels != "V0 B" {
				t.Errorf("after the refusal: %s", labels)
			}
			if _, err := s.Resolve("A"); err == nil {
				t.Error("A written")
			}
			// Run again, it is a back-fill beside B, answering V0.
			r := mustImport(t, s, text(1), "MGF", "A", "2024-02-01")
			if r.Version.Parent != vs[0].Commit {
				t.Errorf("run again, A answers %s", r.Version.Parent)
			}
		})
	}
}

// TestLockRaceDated starts imports at once, each process its own date:
// whatever the order they take the lock in, the versions stored make one
// line in date order, each answering the one dated before it, and every
// import that did not succeed was refused as overtaken, leaving nothing.
func TestLockRaceDated(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	s := newStore(t)
	const n = 6
	ok := raceImports(t, s.Dir, n, func(i int) string { return fmt.Sprintf("2024-01-%02d", i+1) })
	if len(ok) == 0 {
		t.Fatal("no import succeeded")
	}
	checkRefsAgree(t, s.Dir, ok)
	s, _ = Open(s.Dir)
	vs, _ := s.Versions()
	for i := range vs {
		want := ""
		if i > 0 {
			want = vs[i-1].Commit
		}
		if vs[i].Parent != want {
			t.Errorf("%s (%s) answers %s, not the version dated before it", vs[i].Label, vs[i].Date, vs[i].Parent)
		}
	}
	if !slices.IsSortedFunc(vs, func(a, b Version) int { return strings.Compare(a.Date, b.Date) }) {
		t.Errorf("versions out of date order: %s", labelsOf(t, s))
	}
}
