package clause

import (
	"syscall"
	"testing"

	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/synth"
	"github.com/avenant-dev/avenant/reader"
)

// factsCall is one call Compare makes to the fact extractor: the texts of
// a pair of clauses, the subject, the reference index and the word diff
// it hands over.
type factsCall struct {
	old, new, subject string
	refs              *refIndex
	hunks             []Hunk
}

// comparedFactsCalls returns the calls to compareDiffedFacts that Compare
// makes on two versions (modified clauses, and unchanged ones that may
// cite a moved article), with the word diffs it made.
func comparedFactsCalls(tb testing.TB, ov, nv synth.Version) []factsCall {
	var docs [2]*Document
	for k, v := range [2]synth.Version{ov, nv} {
		text, err := reader.Decode([]byte(v.Text))
		if err != nil {
			tb.Fatal(err)
		}
		docs[k] = Parse(text)
	}
	old, new := docs[0], docs[1]
	d := Compare(old, new, CompareOptions{})
	refs := buildRefIndex(old, new, Align(old, new, AlignOptions{}))
	var calls []factsCall
	for _, c := range d.Changes {
		if len(c.Old) == 0 || len(c.New) == 0 {
			continue
		}
		ot, nt := joinClauses(old, c.Old), joinClauses(new, c.New)
		oc, nc := &old.Clauses[c.Old[0]], &new.Clauses[c.New[0]]
		switch {
		case c.Kind == Unchanged && refs.citesAffected(nt):
			calls = append(calls, factsCall{ot, nt, factSubject(nc), refs, nil})
		case c.Kind == Modified && !(isTableRow(oc) && isTableRow(nc)):
			calls = append(calls, factsCall{ot, nt, factSubject(nc), refs, c.Hunks})
		}
	}
	return calls
}

// BenchmarkFactsCompared times the fact extraction of Compare alone, on
// the calls it makes for the bench's two pairs (BenchmarkDiffCommand):
// the real-text bill pair and the synthetic convention.
func BenchmarkFactsCompared(b *testing.B) {
	pairs := map[string]func() (synth.Version, synth.Version){
		"bill": func() (synth.Version, synth.Version) {
			return synth.Bill(corpus.Read(b, corpus.BillSteps), 0.05, 2)
		},
		"synthetic": func() (synth.Version, synth.Version) {
			base := synth.Base(1<<20, 1)
			return base, synth.Edit(base, 0.05, 2)
		},
	}
	for _, name := range []string{"bill", "synthetic"} {
		b.Run(name, func(b *testing.B) {
			ov, nv := pairs[name]()
			calls := comparedFactsCalls(b, ov, nv)
			size := 0
			for _, c := range calls {
				size += len(c.old) + len(c.new)
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			cpu := processCPU()
			for b.Loop() {
				for _, c := range calls {
					compareDiffedFacts(c.old, c.new, c.subject, c.refs, c.hunks)
				}
			}
			b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}

// processCPU is the CPU time the process has used so far, in nanoseconds:
// on a machine others load, it moves far less than wall time does.
func processCPU() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
