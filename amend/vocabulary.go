package amend

import (
	"slices"
	"strings"
	"sync"
)

// screened are the patterns behind prefilters: those Amends tries on
// every article of every text diff compares.
func screened() []*lazyRegexp {
	all := []*lazyRegexp{amendingWords, ownWords, leadIn, renumberForm, locArticles, locRows, locAnnex, locPreamble}
	for _, f := range opForms {
		all = append(all, f.re)
	}
	return all
}

// A wordSet marks the words of the vocabulary, one bit each.
type wordSet []uint64

func (w wordSet) add(k int) { w[k/64] |= 1 << (k % 64) }

// meets reports whether found holds one of the clause's words.
func (w wordSet) meets(found wordSet) bool {
	for i, bits := range w {
		if bits&found[i] != 0 {
			return true
		}
	}
	return false
}

// vocabulary is every word of the screened patterns' prefilters, indexed
// for one pass over a text: the words of one byte by that byte, the
// longer ones by their first two bytes, with a bit per two bytes that
// start some word so that most places of a text are passed over at the
// cost of one test.
type vocabulary struct {
	words   []string
	singles []int
	pairs   map[uint16][]int
	starts  [1 << 16 / 64]uint64
}

// screening builds the vocabulary and gives each screened pattern its
// clauses as word sets, the first time a text is screened.
var screening = sync.OnceValue(func() *vocabulary {
	v := &vocabulary{pairs: map[uint16][]int{}}
	index := map[string]int{}
	patterns := screened()
	prefilters := make([]prefilter, len(patterns))
	for i, l := range patterns {
		prefilters[i] = prefilterFor(l.String())
		for _, c := range prefilters[i] {
			for _, w := range c {
				if _, ok := index[w]; !ok {
					index[w] = len(v.words)
					v.words = append(v.words, w)
				}
			}
		}
	}
	for k, w := range v.words {
		if len(w) == 1 {
			v.singles = append(v.singles, k)
			continue
		}
		pair := uint16(w[0])<<8 | uint16(w[1])
		v.pairs[pair] = append(v.pairs[pair], k)
		v.starts[pair/64] |= 1 << (pair % 64)
	}
	for i, l := range patterns {
		l.clauses = nil
		for _, c := range prefilters[i] {
			set := v.newSet()
			for _, w := range c {
				set.add(index[w])
			}
			l.clauses = append(l.clauses, set)
		}
		// The clause a text fails most often is tried first.
		slices.SortStableFunc(l.clauses, func(a, b wordSet) int { return count(a) - count(b) })
	}
	return v
})

func (v *vocabulary) newSet() wordSet { return make(wordSet, (len(v.words)+63)/64) }

func count(w wordSet) int {
	n := 0
	for _, bits := range w {
		for ; bits != 0; bits &= bits - 1 {
			n++
		}
	}
	return n
}

// find returns the words of the vocabulary that folded holds.
func (v *vocabulary) find(folded string) wordSet {
	found := v.newSet()
	var bytes [256]bool
	for i := 0; i < len(folded); i++ {
		bytes[folded[i]] = true
		if i+1 == len(folded) {
			break
		}
		pair := uint16(folded[i])<<8 | uint16(folded[i+1])
		if v.starts[pair/64]&(1<<(pair%64)) == 0 {
			continue
		}
		for _, k := range v.pairs[pair] {
			if strings.HasPrefix(folded[i:], v.words[k]) {
				found.add(k)
			}
		}
	}
	for _, k := range v.singles {
		if bytes[v.words[k][0]] {
			found.add(k)
		}
	}
	return found
}
