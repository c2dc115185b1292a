package clause

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// checkPairDice holds pairDiceAtLeastHalf to Dice over the sorted
// bigrams: equal when that reaches one half, below one half otherwise.
func checkPairDice(t *testing.T, what string, a *aligner, o, n int) {
	t.Helper()
	got := a.pairDiceAtLeastHalf(o, n)
	sorted := func(f *features, i int) []uint32 { return slices.Sorted(slices.Values(f.big[i])) }
	want := dice(sorted(a.f[sOld], o), sorted(a.f[sNew], n))
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

// TestLineWords holds the cache of line hashes to wordHashes of the
// whole text, on corpus articles read twice over and on random texts
// whose lines repeat, end without a break or break within a word's
// neighbourhood.
func TestLineWords(t *testing.T) {
	c := newLineWords()
	check := func(s string) {
		t.Helper()
		if got, want := c.appendWords(nil, s), wordHashes(nil, s); !slices.Equal(got, want) {
			t.Fatalf("appendWords(%q) = %x, want %x", s, got, want)
		}
	}
	for range 2 {
		for _, arts := range corpusArticles(t) {
			for _, a := range arts {
				check(a)
			}
		}
	}
	r := rand.New(rand.NewPCG(15, 16))
	lines := []string{"", "\r", "a", strings.Join(words(1, 8), " "), strings.Join(words(2, 9), " ") + ",", "É" + strings.Join(words(3, 7), "-") + "é", "\xc3" + strings.Join(words(4, 8), " ") + "\xc3", "  " + strings.Join(words(6, 12), "  ")}
	for range 5000 {
		var b strings.Builder
		for k := range r.IntN(8) {
			if k > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(lines[r.IntN(len(lines))])
		}
		check(b.String())
	}
}

// TestBoundCommon checks that boundCommon never falls below the common
// count, on lists of few distinct values and on spread ones.
func TestBoundCommon(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	a := newAligner(nil, nil)
	for range 3000 {
		x, y := make([]uint32, r.IntN(500)), make([]uint32, r.IntN(500))
		mask := uint32(1)<<r.IntN(33) - 1
		for i := range x {
			x[i] = r.Uint32() & mask
		}
		for i := range y {
			y[i] = r.Uint32() & mask
		}
		want := plainIntersectCount(slices.Sorted(slices.Values(x)), slices.Sorted(slices.Values(y)))
		if got := a.boundCommon(x, y); got < want || got > min(len(x), len(y)) {
			t.Fatalf("boundCommon of lists of %d and %d = %d, common %d", len(x), len(y), got, want)
		}
	}
}

// TestPairSet holds pairSet to sorting and compacting, on grids and on
// lists.
func TestPairSet(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 20))
	pick := func(n, from int) []int {
		return slices.Sorted(slices.Values(r.Perm(from)[:n]))
	}
	for k := range 3000 {
		olds, news := pick(1+r.IntN(40), 100), pick(1+r.IntN(150), 300)
		if k%10 == 0 {
			olds, news = pick(1+r.IntN(2000), 3000), pick(1000+r.IntN(2000), 3000)
		}
		s := newPairSet(olds, news)
		var all []uint64
		for range r.IntN(20) {
			pairs := make([]uint64, r.IntN(200))
			for i := range pairs {
				pairs[i] = uint64(olds[r.IntN(len(olds))])<<32 | uint64(news[r.IntN(len(news))])
			}
			s.add(pairs)
			all = append(all, pairs...)
		}
		want := slices.Compact(slices.Sorted(slices.Values(all)))
		if got := s.sorted(); !slices.Equal(got, want) {
			t.Fatalf("pairSet over %d × %d (grid %v): %d pairs, want %d", len(olds), len(news), s.grid != nil, len(got), len(want))
		}
	}
}
