package clause_test

import (
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/synth"
)

// BenchmarkDiff1MB parses and compares two 1 MB versions in which 5 % of
// the articles changed: the target is under 300 ms and 200 MB.
func BenchmarkDiff1MB(b *testing.B) {
	base := synth.Base(1<<20, 1)
	edited := synth.Edit(base, 0.05, 2)
	b.SetBytes(int64(len(base.Text) + len(edited.Text)))
	b.ReportAllocs()
	for b.Loop() {
		d := clause.Compare(clause.Parse(base.Text), clause.Parse(edited.Text), clause.CompareOptions{})
		if !d.Differs() {
			b.Fatal("no difference found")
		}
	}
}
