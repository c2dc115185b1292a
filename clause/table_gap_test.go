package clause

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/internal/corpus"
)

// hasGapRule is what labelFirstRow asked before HasGap.
func hasGapRule(s string) bool {
	return strings.IndexByte(s, '\t') >= 0 || strings.Contains(s, "  ")
}

// HasGap answers as the rule on random strings of spaces, tabs, letters and
// bytes one bit away from a space or a tab, of every length around the
// eight bytes it reads at a time, and on the corpus's lines.
func TestHasGapAsRule(t *testing.T) {
	pieces := []string{" ", " ", "\t", "a", "é", "\u00a0", "\x00", "!", "\x08", "\x29", "\xa0", "\x89", "0", "G  30 €"}
	r := rand.New(rand.NewPCG(15, 4))
	gaps := 0
	for range 50000 {
		var b strings.Builder
		for range r.IntN(24) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		got, want := HasGap(s), hasGapRule(s)
		if got != want {
			t.Fatalf("HasGap(%q) = %v, want %v", s, got, want)
		}
		if want {
			gaps++
		}
	}
	if gaps < 5000 || gaps > 45000 {
		t.Fatalf("%d of 50000 random strings with a gap: too few or too many to tell", gaps)
	}
	for _, path := range corpus.Texts(t) {
		for line := range strings.Lines(readCorpus(t, path)) {
			if got, want := HasGap(line), hasGapRule(line); got != want {
				t.Fatalf("%s: HasGap(%q) = %v, want %v", path, line, got, want)
			}
		}
	}
}

func FuzzHasGap(f *testing.F) {
	for _, s := range []string{"", " ", "  ", "a\tb", "1234567 ", "1234567  ", "12345678 9", "abcdefgh  ijklmnop"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := HasGap(s), hasGapRule(s); got != want {
			t.Fatalf("HasGap(%q) = %v, want %v", s, got, want)
		}
	})
}
