package clause

import (
	"testing"

	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/synth"
)

// BenchmarkParsePairs parses one side of each pair BenchmarkDiffCommand
// (package cli) times: the synthetic convention of 1 MB and a step of the
// real bill, which is where Parse shows in a diff's profile.
func BenchmarkParsePairs(b *testing.B) {
	b.Run("synthetic", func(b *testing.B) {
		benchParse(b, synth.Base(1<<20, 1).Text)
	})
	b.Run("bill", func(b *testing.B) {
		old, _ := synth.Bill(corpus.Read(b, corpus.BillSteps), 0.05, 2)
		benchParse(b, old.Text)
	})
}

func benchParse(b *testing.B, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(text)
	}
}
