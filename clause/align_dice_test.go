package clause

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// checkPairDice holds pairDiceAtLeastHalf to Dice over the sorted
// bigrams: equal when that reaches one half, below one half otherwise.
func checkPairDice(t *testing.T, what string, a *aligner, o, n int) {
	t.Helper()
	bo, bn := a.f[sOld].bigrams(o), a.f[sNew].bigrams(n)
	want, got := dice(bo, bn), a.pairDiceAtLeastHalf(o, n)
	if want >= 0.5 && got != want || want < 0.5 && got >= 0.5 {
		t.Fatalf("%s: pairDiceAtLeastHalf(%d, %d) = %v, dice %v", what, o, n, got, want)
	}
}

// TestPairDiceAtLeastHalf checks the common ends' shortcut on the clause
// pairs of the oracle documents that share a number or stand near one
// another, and on texts edited in one place, repeated phrases included.
func TestPairDiceAtLeastHalf(t *testing.T) {
	names, olds, news := oraclePairs(t)
	for k := range names {
		a := newAligner(olds[k], news[k])
		for o := range a.f[sOld].class {
			for _, n := range []int{o - 1, o, o + 1, len(a.f[sNew].class) - 1 - o} {
				if n >= 0 && n < len(a.f[sNew].class) {
					checkPairDice(t, names[k], a, o, n)
				}
			}
		}
	}
	r := rand.New(rand.NewPCG(13, 14))
	phrase := strings.Join(words(5, 6), " ")
	for trial := range 3000 {
		w := words(r.Uint64(), 1+r.IntN(200))
		for i := range w {
			if r.IntN(6) == 0 {
				w[i] = phrase
			}
		}
		old := strings.Join(w, " ")
		// One stretch replaced, dropped or added, anywhere.
		i := r.IntN(len(w) + 1)
		j := min(len(w), i+r.IntN(20))
		ins := words(r.Uint64(), r.IntN(20))
		if r.IntN(3) == 0 {
			ins = append(ins, phrase)
		}
		nw := append(append(append([]string{}, w[:i]...), ins...), w[j:]...)
		od := &Document{Clauses: []Clause{{Kind: KindArticle, Text: old, Parent: -1}}}
		nd := &Document{Clauses: []Clause{{Kind: KindArticle, Text: strings.Join(nw, " "), Parent: -1}}}
		checkPairDice(t, "trial "+strings.Repeat("I", trial%3), newAligner(od, nd), 0, 0)
	}
}
