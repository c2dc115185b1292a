package clause

import (
	"testing"

	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/synth"
	"github.com/avenant-dev/avenant/reader"
)

// BenchmarkCompareBill times Compare on the bench's real-text pair (the
// sixteen steps of bill pjl16-580 end to end, one paragraph in twenty
// edited: bench/diff.sh, BenchmarkDiffCommand/bill), parsed beforehand,
// and two of its parts: Align, and WordDiff over the texts of the clauses
// matched one to one whose text changed. Run it with GOMAXPROCS=1 and
// -cpuprofile to see where the time goes, Compare classifying clauses in
// parallel otherwise.
func BenchmarkCompareBill(b *testing.B) {
	ov, nv := synth.Bill(corpus.Read(b, corpus.BillSteps), 0.05, 2)
	var docs [2]*Document
	for k, v := range [2]synth.Version{ov, nv} {
		text, err := reader.Decode([]byte(v.Text))
		if err != nil {
			b.Fatal(err)
		}
		docs[k] = Parse(text)
	}
	old, new := docs[0], docs[1]
	b.Run("compare", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Compare(old, new, CompareOptions{})
		}
	})
	b.Run("align", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Align(old, new, AlignOptions{})
		}
	})
	var pairs [][2]string
	for _, m := range Align(old, new, AlignOptions{}) {
		if len(m.Old) == 1 && len(m.New) == 1 && old.Clauses[m.Old[0]].Text != new.Clauses[m.New[0]].Text {
			pairs = append(pairs, [2]string{old.Clauses[m.Old[0]].Text, new.Clauses[m.New[0]].Text})
		}
	}
	b.Run("worddiff", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range pairs {
				WordDiff(p[0], p[1])
			}
		}
	})
}
