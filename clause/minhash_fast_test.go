package clause

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The aligner's fast paths (accented letters read without the Unicode
// tables in wordHashes, sortHashes's buckets, byScore's field-by-field
// comparison) are held here to the plain rules they replaced, kept below as
// they were or taken from the standard library.

func plainWordHashes(buf []uint64, s string) []uint64 {
	const k = 0x9e3779b97f4a7c15
	var h, acc uint64
	n := 0
	in := false
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			i++
			w := wordByte[b]
			if w == 0 {
				if in {
					buf, in = append(buf, wordHash(h, acc, n)), false
				}
				continue
			}
			if !in {
				h, acc, n, in = fnvOffset, 0, 0, true
			}
			if n == 8 {
				h = (h ^ acc) * k
				acc, n = 0, 0
			}
			acc = acc<<8 | uint64(w)
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if in {
				buf, in = append(buf, wordHash(h, acc, n)), false
			}
			continue
		}
		if !in {
			h, acc, n, in = fnvOffset, 0, 0, true
		}
		h = (h^acc^uint64(n)<<59)*k ^ (uint64(unicode.ToLower(r)) | 1<<40)
		h *= k
		acc, n = 0, 0
	}
	if in {
		buf = append(buf, wordHash(h, acc, n))
	}
	return buf
}

func plainByScore(x, y cand) int {
	return cmp.Or(cmp.Compare(y.score, x.score), cmp.Compare(x.o, y.o), cmp.Compare(x.n, y.n))
}

func checkWordHashes(t *testing.T, s string) {
	t.Helper()
	if got, want := wordHashes(nil, s), plainWordHashes(nil, s); !slices.Equal(got, want) {
		t.Fatalf("wordHashes(%q) = %x, want %x", s, got, want)
	}
}

func TestWordHashesFastPath(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if utf8.ValidRune(r) {
			checkWordHashes(t, "a"+string(r)+"b "+string(r))
		}
	}
	for _, s := range []string{"\xc3", "a\xc3", "\xc3(", "é\xc3\xc3é", "\xc3\xa9\xa9", "ÀÉÎÕÜÞßàéîõüþÿ×÷", "Déjà‑vu, ÉTÉ 2025"} {
		checkWordHashes(t, s)
	}
	for _, arts := range corpusArticles(t) {
		for _, a := range arts {
			checkWordHashes(t, a)
		}
	}
	// Random strings of pieces that end, start and split words: long
	// words cross the eight-byte packing, invalid bytes and signs cut.
	pieces := []string{"a", "Z", "7", "abcdefgh", "ABCDEFGHIJ", " ", "  ", ",", "'", "-", "é", "É", "œ", "×", "\u00a0", "’", "\xc3", "\xff", "ß", "\t"}
	r := rand.New(rand.NewPCG(9, 10))
	for range 20000 {
		var b []byte
		for range r.IntN(12) {
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		checkWordHashes(t, string(b))
	}
}

func FuzzWordHashes(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[0] + s[1])
	}
	f.Fuzz(checkWordHashes)
}

func TestSortHashes(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var tmp []uint32
	check := func(what string, v []uint32) {
		t.Helper()
		want := slices.Sorted(slices.Values(v))
		tmp = sortHashes(v, tmp)
		if !slices.Equal(v, want) {
			t.Fatalf("%s: sortHashes of %d values is not sorted", what, len(v))
		}
	}
	for trial := range 2000 {
		v := make([]uint32, r.IntN(3000))
		mask := uint32(1)<<r.IntN(33) - 1 // few distinct values, or all
		for i := range v {
			v[i] = r.Uint32() & mask
		}
		check(fmt.Sprintf("trial %d", trial), v)
	}
	// Values crowded into one bucket, repeated and alternating: the
	// insertions must not go quadratic (the test would time out).
	v := make([]uint32, 1<<18)
	for i := range v {
		v[i] = 1<<31 + uint32(i%2)
	}
	check("two values", v)
	check("large", slices.Collect(func(yield func(uint32) bool) {
		for range 1 << 16 {
			if !yield(r.Uint32()) {
				return
			}
		}
	}))
	for _, arts := range corpusArticles(t) {
		for _, a := range arts {
			w := wordHashes(nil, a)
			check("corpus article", bigramsUnsorted(w, make([]uint32, len(w)+1)))
		}
	}
}

// plainIntersectCount is the merge intersectCount and intersectAtLeast
// read by blocks.
func plainIntersectCount(a, b []uint32) int { return len(intersection(a, b)) }

// TestDiceAtLeastHalf holds the similarity pass's early exit and the
// blocks of intersectAtLeast to the plain merge, on random lists and on
// pairs of corpus articles.
func TestDiceAtLeastHalf(t *testing.T) {
	if minSimilar != 0.5 {
		t.Fatalf("score relies on minSimilar being one half, not %v", minSimilar)
	}
	check := func(a, b []uint32) {
		t.Helper()
		common := plainIntersectCount(a, b)
		if got := intersectCount(a, b); got != common {
			t.Fatalf("intersectCount of lists of %d and %d = %d, want %d", len(a), len(b), got, common)
		}
		want, got := 2*float64(common)/float64(len(a)+len(b)), diceAtLeastHalf(a, b)
		if want >= 0.5 && got != want || want < 0.5 && got >= 0.5 {
			t.Fatalf("diceAtLeastHalf of lists of %d and %d = %v, dice %v", len(a), len(b), got, want)
		}
	}
	r := rand.New(rand.NewPCG(7, 8))
	for range 5000 {
		n := r.IntN(600)
		a, b := make([]uint32, n), make([]uint32, n/2+r.IntN(n+1))
		mask := uint32(r.IntN(1000))
		for i := range a {
			a[i] = r.Uint32N(mask + 1)
		}
		for i := range b {
			b[i] = r.Uint32N(mask + 1)
		}
		slices.Sort(a)
		slices.Sort(b)
		check(a, b)
	}
	var big [][]uint32
	for _, arts := range corpusArticles(t) {
		for _, a := range arts {
			big = append(big, bigramsOf(wordHashes(nil, a)))
		}
	}
	for i := range big {
		for j := max(0, i-20); j < i; j++ {
			check(big[i], big[j])
		}
	}
}

func TestByScore(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	scores := []float64{0, 1, 0.5, 2.75, 4.999, 6.02, 0.0000001}
	c := func() cand {
		return cand{o: int32(r.IntN(4)), n: int32(r.IntN(4)), sim: 1, score: scores[r.IntN(len(scores))] + float64(r.IntN(2))*r.Float64()}
	}
	for range 100000 {
		x, y := c(), c()
		if got, want := byScore(x, y), plainByScore(x, y); cmp.Compare(got, 0) != want {
			t.Fatalf("byScore(%v, %v) = %d, want the sign of %d", x, y, got, want)
		}
	}
}

func TestIsSpaceByte(t *testing.T) {
	for c := range 256 {
		want := c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
		if got := isSpaceByte(byte(c)); got != want {
			t.Errorf("isSpaceByte(%#x) = %v, want %v", c, got, want)
		}
	}
}
