package clause

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/synth"
	"github.com/avenant-dev/avenant/reader"
)

// plainScore verifies every candidate pair of matchSimilar before any is
// accepted: the rule pickLazily is held to.
func (a *aligner) plainScore(pairs []uint64) []cand {
	fo, fn := a.f[sOld], a.f[sNew]
	cs := make([]cand, 0, len(pairs))
	for _, p := range pairs {
		o, n := int(p>>32), int(uint32(p))
		d := diceAtLeastHalf(fo.bigrams(o), fn.bigrams(n))
		if d < minSimilar {
			continue
		}
		s := a.verified(d, []int{o}, []int{n})
		score := s + 0.01*a.positionScore(o, n)
		ko, kn := fo.d.Clauses[o].Key, fn.d.Clauses[n].Key
		switch {
		case ko != "" && ko == kn:
			score += keyBonus
		case ko != "" && kn != "" && s < minRenumbered:
			continue
		}
		if a.parentOK(o, n) {
			score += parentBonus
		}
		cs = append(cs, cand{o: int32(o), n: int32(n), sim: s, score: score})
	}
	return cs
}

// plainAlign is Align with every candidate of matchSimilar scored before
// the greedy pick.
func plainAlign(old, new *Document, opts AlignOptions) []match {
	a := newAligner(old, new)
	a.pickSimilar = func(pairs []uint64) int { return a.greedy(a.plainScore(pairs), minSimilar) }
	return a.align(opts)
}

// oraclePairs are the document pairs the aligner's fast rules are checked
// on: the bench's bill pair, generated conventions, consecutive corpus
// versions and random small documents.
func oraclePairs(t *testing.T) (names []string, olds, news []*Document) {
	add := func(name string, o, n *Document) {
		names, olds, news = append(names, name), append(olds, o), append(news, n)
	}
	ov, nv := synth.Bill(corpus.Read(t, corpus.BillSteps), 0.05, 2)
	var bill [2]*Document
	for k, v := range [2]synth.Version{ov, nv} {
		text, err := reader.Decode([]byte(v.Text))
		if err != nil {
			t.Fatal(err)
		}
		bill[k] = Parse(text)
	}
	add("bill", bill[0], bill[1])
	for seed := range uint64(3) {
		for _, rate := range []float64{0.05, 1} {
			o, n, _ := genPair(600, rate, seed)
			add(fmt.Sprintf("generated %d %v", seed, rate), o, n)
		}
	}
	for _, glob := range []string{"raw/lafabrique/*/steps/*.txt", "raw/legi_casf_rsa/*.md", "raw/rcm_1998/*.md"} {
		files := corpus.Files(t, glob)
		for i := 0; i+1 < len(files); i++ {
			if filepath.Dir(files[i]) != filepath.Dir(files[i+1]) {
				continue
			}
			add(files[i]+"→"+filepath.Base(files[i+1]), Parse(readCorpus(t, files[i])), Parse(readCorpus(t, files[i+1])))
		}
	}
	r := rand.New(rand.NewPCG(11, 12))
	for k := range 300 {
		o := nearDoc(r, nil)
		add(fmt.Sprintf("near %d", k), o, nearDoc(r, o))
	}
	for k := range 300 {
		o := randomDoc(r, r.IntN(40))
		n := mutate(r, o)
		if k%4 == 0 {
			n = randomDoc(r, r.IntN(40))
		}
		add(fmt.Sprintf("random %d", k), o, n)
	}
	return names, olds, news
}

// nearDoc builds a document whose articles are all variants of a few
// texts, so that most pairs of clauses are similar, to various degrees:
// the candidates of matchSimilar compete. With from, it derives a new
// version of from's articles, edited, dropped, shuffled and renumbered in
// part.
func nearDoc(r *rand.Rand, from *Document) *Document {
	edit := func(w []string, k int) string {
		w = slices.Clone(w)
		for range k {
			w[r.IntN(len(w))] = vocabulary[r.IntN(len(vocabulary))]
		}
		return strings.Join(w, " ")
	}
	d := &Document{Clauses: []Clause{{Kind: KindTitle, Number: "1", Key: NumberKey(KindTitle, "1"), Heading: "Titre 1", Parent: -1}}}
	art := func(text string) {
		c := Clause{Kind: KindArticle, Text: text, Parent: 0, Depth: 1}
		if r.IntN(5) > 0 {
			c.Number = strconv.Itoa(r.IntN(12))
			c.Key, c.Heading = NumberKey(KindArticle, c.Number), "Article "+c.Number
		}
		if r.IntN(3) == 0 {
			c.Parent, c.Depth = -1, 0
		}
		d.Clauses = append(d.Clauses, c)
	}
	if from == nil {
		bases := make([][]string, 1+r.IntN(4))
		for i := range bases {
			bases[i] = words(r.Uint64(), 10+r.IntN(40))
		}
		for range 5 + r.IntN(30) {
			b := bases[r.IntN(len(bases))]
			art(edit(b, r.IntN(len(b)/2+1)))
		}
		return d
	}
	for _, c := range from.Clauses[1:] {
		if r.IntN(8) == 0 {
			continue
		}
		w := strings.Fields(c.Text)
		art(edit(w, r.IntN(len(w)/3+1)))
		if r.IntN(3) > 0 {
			last := &d.Clauses[len(d.Clauses)-1]
			last.Number, last.Key, last.Heading = c.Number, c.Key, c.Heading
		}
	}
	arts := d.Clauses[1:]
	r.Shuffle(len(arts), func(i, j int) {
		if r.IntN(3) == 0 {
			arts[i], arts[j] = arts[j], arts[i]
		}
	})
	return d
}

// TestPickLazily holds the lazy verification of matchSimilar to scoring
// every candidate first.
func TestPickLazily(t *testing.T) {
	names, olds, news := oraclePairs(t)
	for k := range names {
		got, want := Align(olds[k], news[k], AlignOptions{}), plainAlign(olds[k], news[k], AlignOptions{})
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: lazy and plain alignments differ", names[k])
		}
	}
}
