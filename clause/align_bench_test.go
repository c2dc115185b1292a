package clause

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// genPair builds two versions of a large convention, deterministically:
// titles of about a hundred articles of ~200 words each. The new version
// edits a share editRate of the articles (about 5% of their words), drops
// 1%, inserts 1% and moves 0.5% elsewhere, then renumbers every article,
// so that most numbers shift. truth[j] is the old index that new clause j
// comes from, or -1 for an inserted one.
func genPair(nClauses int, editRate float64, seed uint64) (old, new *Document, truth []int) {
	r := rand.New(rand.NewPCG(seed, 99))
	text := func() []string {
		w := make([]string, 180+r.IntN(40))
		for i := range w {
			w[i] = vocabulary[r.IntN(len(vocabulary))]
		}
		return w
	}
	type art struct {
		words  []string
		origin int
	}
	old = &Document{}
	var titles [][]art
	for len(old.Clauses) < nClauses {
		if len(old.Clauses)%100 == 0 {
			t := len(titles) + 1
			old.Clauses = append(old.Clauses, Clause{
				ID: "titre-" + strconv.Itoa(t), Kind: KindTitle, Number: strconv.Itoa(t), Key: NumberKey(KindTitle, strconv.Itoa(t)),
				Heading: "Titre " + strconv.Itoa(t) + " - " + strings.Join(text()[:3], " "), Parent: -1,
			})
			titles = append(titles, nil)
			continue
		}
		w := text()
		titles[len(titles)-1] = append(titles[len(titles)-1], art{w, len(old.Clauses)})
		old.Clauses = append(old.Clauses, Clause{Kind: KindArticle, Text: strings.Join(w, " ")})
	}
	// Number the old articles and set their parents.
	num, parent := 0, -1
	for i := range old.Clauses {
		c := &old.Clauses[i]
		if c.Kind == KindTitle {
			parent = i
			continue
		}
		num++
		c.Number = strconv.Itoa(num)
		c.Key, c.Heading, c.ID, c.Parent, c.Depth = NumberKey(KindArticle, c.Number), "Article "+c.Number, "art-"+c.Number, parent, 1
	}

	edit := func(w []string) []string {
		out := make([]string, 0, len(w)+10)
		for _, x := range w {
			switch p := r.Float64(); {
			case p < 0.02: // deleted
			case p < 0.04:
				out = append(out, vocabulary[r.IntN(len(vocabulary))])
			case p < 0.05:
				out = append(out, x, vocabulary[r.IntN(len(vocabulary))])
			default:
				out = append(out, x)
			}
		}
		return out
	}
	var moved []art
	for ti, arts := range titles {
		var out []art
		for _, a := range arts {
			switch p := r.Float64(); {
			case p < 0.01:
				continue
			case p < 0.02:
				out = append(out, art{text(), -1})
			case p < 0.025:
				moved = append(moved, a)
				continue
			}
			if r.Float64() < editRate {
				a.words = edit(a.words)
			}
			out = append(out, a)
		}
		// Moved articles land a few titles further on.
		if ti%7 == 6 {
			out = append(out, moved...)
			moved = nil
		}
		titles[ti] = out
	}
	titles[len(titles)-1] = append(titles[len(titles)-1], moved...)

	new = &Document{}
	num = 0
	for ti, arts := range titles {
		t := strconv.Itoa(ti + 1)
		tc := old.Clauses[0]
		for _, c := range old.Clauses {
			if c.Kind == KindTitle && c.Number == t {
				tc = c
			}
		}
		parent := len(new.Clauses)
		new.Clauses = append(new.Clauses, tc)
		truth = append(truth, indexOfTitle(old, t))
		for _, a := range arts {
			num++
			n := strconv.Itoa(num)
			new.Clauses = append(new.Clauses, Clause{
				ID: "art-" + n, Kind: KindArticle, Number: n, Key: NumberKey(KindArticle, n),
				Heading: "Article " + n, Text: strings.Join(a.words, " "), Parent: parent, Depth: 1,
			})
			truth = append(truth, a.origin)
		}
	}
	return old, new, truth
}

func indexOfTitle(d *Document, number string) int {
	for i, c := range d.Clauses {
		if c.Kind == KindTitle && c.Number == number {
			return i
		}
	}
	return -1
}

// TestAlignGenerated checks the aligner against the known history of a
// generated pair: every surviving article is found again despite the
// renumbering, and nothing inserted is taken for an old article.
func TestAlignGenerated(t *testing.T) {
	for _, rate := range []float64{0.05, 1} {
		old, new, truth := genPair(2000, rate, 7)
		ms := Align(old, new, AlignOptions{})
		if err := checkAlignment(old, new, ms, true); err != nil {
			t.Fatal(err)
		}
		got := make([]int, len(new.Clauses))
		for _, m := range ms {
			for _, j := range m.New {
				got[j] = -1
				if len(m.Old) == 1 && len(m.New) == 1 {
					got[j] = m.Old[0]
				}
			}
		}
		wrong := 0
		for j, want := range truth {
			if got[j] != want {
				wrong++
				if wrong <= 5 {
					t.Errorf("edit rate %v: new clause %d (%s) matched old %d, want %d", rate, j, new.Clauses[j].ID, got[j], want)
				}
			}
		}
		if wrong > 0 {
			t.Errorf("edit rate %v: %d of %d new clauses misaligned", rate, wrong, len(truth))
		}
	}
}

// BenchmarkAlign aligns two versions of 5,000 clauses of ~200 words; the
// target is well under 300 ms an operation. "edited-5pct" edits 5% of the
// articles, "all-edited" every one of them (the worst case for the
// similarity pass: nothing is identical).
func BenchmarkAlign(b *testing.B) {
	for _, bc := range []struct {
		name string
		rate float64
	}{{"edited-5pct", 0.05}, {"all-edited", 1}} {
		old, new, _ := genPair(5000, bc.rate, 42)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Align(old, new, AlignOptions{})
			}
		})
	}
}
