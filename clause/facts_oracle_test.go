package clause

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/frtext"
	"github.com/avenant-dev/avenant/internal/synth"
)

// This file keeps the rules that faster code of the fact extractor
// replaced, and holds the code to them on corpus texts and random ones.

// factTextNormalRule is factTextNormal as it was first written: NFKC asked
// about every text holding a non-ASCII rune.
func factTextNormalRule(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c > ' ' && c < utf8.RuneSelf && c != '`':
		case c == ' ':
			if i == 0 || i+1 == len(s) || blankByte(s[i-1]) || blankByte(s[i+1]) {
				return false
			}
		case c == '\n':
			if i == 0 || i+1 == len(s) || s[i-1] == ' ' || s[i+1] == ' ' ||
				s[i-1] == '\n' && (i < 2 || blankByte(s[i-2])) {
				return false
			}
		case c < utf8.RuneSelf:
			return false
		default:
			r, w := utf8.DecodeRuneInString(s[i:])
			if w == 1 || unicode.IsSpace(r) || invisible(r) || frtext.Typography(r) != r {
				return false
			}
			ascii = false
			i += w - 1
		}
	}
	return ascii || norm.NFKC.IsNormalString(s)
}

// factTextNormal answers as the rule: on the corpus's clause texts, on
// every rune between letters, after a letter that composes and before a
// combining mark, and on random texts of runes that NFKC composes,
// reorders or maps.
func TestFactTextNormalIsTheRule(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := factTextNormal(s), factTextNormalRule(s); got != want {
			t.Fatalf("factTextNormal(%q) = %v, the rule says %v", s, got, want)
		}
	}
	for _, text := range corpus.Read(t, corpus.BillSteps, "raw/*/*.md") {
		for _, c := range Parse(decoded(t, text)).Clauses {
			check(c.Text)
		}
	}
	// Every rune of the Basic Multilingual Plane, one in five beyond.
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if r == utf8.RuneError || !utf8.ValidRune(r) || r > 0xffff && r%5 != 0 {
			continue
		}
		s := string(r)
		check("a" + s + "b")
		check("e" + s)
		check(s + "\u0301")
		check(s + "\u1161") // a Hangul vowel, which composes with a leading consonant
	}
	alphabet := []string{"a", "e", " ", "\n", "é", "e\u0301", "\u0301", "\u0327", "\u0323", "\u0307", "ᵉ", "ﬁ", "Å", "Å",
		"\u1100", "\u1161", "\u11a8", "가", "\u0b47", "\u0b3e", "\u00a0", "’", "«", "ǅ", "\u0344", "\u0958", "\xff", "\U0001d400"}
	for s := range synth.Strings(5, alphabet, 10, 100000) {
		check(s)
	}
	// Runes drawn from all of Unicode, each often.
	rng := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	for range 20000 {
		b.Reset()
		for range 1 + rng.IntN(6) {
			if rng.IntN(3) == 0 {
				b.WriteString("e")
			} else {
				b.WriteRune(rune(0x80 + rng.IntN(0x30000)))
			}
		}
		check(b.String())
	}
}

// BenchmarkFactTextNormal times the check on the clause texts of the
// bill's last step.
func BenchmarkFactTextNormal(b *testing.B) {
	steps := corpus.Read(b, corpus.BillSteps)
	var texts []string
	size := 0
	for _, c := range Parse(steps[len(steps)-1]).Clauses {
		texts = append(texts, c.Text)
		size += len(c.Text)
	}
	for _, f := range []struct {
		name string
		fn   func(string) bool
	}{{"scan", factTextNormal}, {"rule", factTextNormalRule}} {
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			for b.Loop() {
				for _, s := range texts {
					f.fn(s)
				}
			}
		})
	}
}
