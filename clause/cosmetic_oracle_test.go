package clause

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// The cosmetic rules' faster scans are held here to the plain forms they
// replaced, kept below as they were: the same output on crafted cases,
// random strings of the characters that matter, every corpus line and
// fuzzed input.

func plainSameBullets(s string) string {
	if !strings.ContainsAny(s, bulletRunes) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for line := range strings.Lines(s) {
		body := strings.TrimLeftFunc(line, isSpaceRune)
		r, size := utf8.DecodeRuneInString(body)
		if strings.ContainsRune(bulletRunes, r) && size < len(body) && isSpaceRune(rune(body[size])) {
			b.WriteString(line[:len(line)-len(body)])
			b.WriteByte('-')
			b.WriteString(body[size:])
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}

func plainCanonicalNumbers(s string) string {
	if !strings.ContainsAny(s, "0123456789") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	isDigit := func(i int) bool { return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9' }
	for i := 0; i < len(s); i++ {
		c := s[i]
		// A group separator: a digit before, exactly three digits after
		// and no fourth, in a number that does not start with a dot.
		if (c == '.' || c == ' ') && isDigit(i-1) && isDigit(i+1) && isDigit(i+2) && isDigit(i+3) && !isDigit(i+4) &&
			(i+4 >= len(s) || s[i+4] != '.' || !isDigit(i+5)) {
			continue
		}
		if c == ',' && isDigit(i-1) && isDigit(i+1) {
			j := i + 1
			for isDigit(j) {
				j++
			}
			frac := strings.TrimRight(s[i+1:j], "0")
			if frac != "" {
				b.WriteByte(',')
				b.WriteString(frac)
			}
			i = j - 1
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func plainCanonicalNumero(s string) string {
	var b strings.Builder
	done := 0 // s[:done] is in b
	for i := 0; i < len(s); i++ {
		n := plainNumeroAt(s, i)
		if n == 0 {
			continue
		}
		if b.Cap() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[done:i])
		b.WriteString("n°")
		done = i + n
		if done+1 < len(s) && s[done] == ' ' && isDigit(s[done+1]) {
			done++
		}
		i = done - 1
	}
	if b.Cap() == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

func plainNumeroAt(s string, i int) int {
	if s[i] != 'n' && s[i] != 'N' {
		return 0
	}
	if i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return 0
		}
	}
	switch {
	case strings.HasPrefix(s[i+1:], "°"):
		return 1 + len("°")
	case strings.HasPrefix(s[i+1:], "º"):
		return 1 + len("º")
	case i+1 < len(s) && (s[i+1] == 'o' || s[i+1] == 'O') && frtext.WordEnds(s, i+2):
		return 2
	}
	return 0
}

func TestSameBulletsIsPlain(t *testing.T) {
	sameAsRule(t, sameBullets, plainSameBullets,
		[]string{"", "•", "• a", "  • a\n", "a\n\u00a0▪ b\n* c", "x • y", "\n\n◦\tz", "‣\n", "⁃ a\n\xff• b", "a\n  \n• b"},
		[]string{"•", "*", "·", "▪", "◦", "‣", "⁃", " ", "\u00a0", "\t", "\n", "a", "-", "\xff", "\xe2\x80"},
		func(line string) string { return line })
}

func TestCanonicalNumbersIsPlain(t *testing.T) {
	sameAsRule(t, canonicalNumbers, plainCanonicalNumbers,
		[]string{"", "1", "26,50", "26,5", "3,00", "1.234,56", "1 234 567", "1.2345", "1.234.5", ",5", "5,", "a,00b", "0,0,0"},
		[]string{"0", "1", "5", "00", ",", ".", " ", "a", "-", "é"},
		func(line string) string { return line })
}

func TestCanonicalNumeroIsPlain(t *testing.T) {
	sameAsRule(t, canonicalNumero, plainCanonicalNumero,
		[]string{"", "n", "n°", "N° 12", "nº 3", "no 4", "No", "non", "uno 5", "én° 6", "1n° 7", "n°12", "\xffno 8", "n° x"},
		[]string{"n", "N", "o", "O", "°", "º", " ", "1", "a", "é", "\xff"},
		func(line string) string { return line })
}

func FuzzCosmeticScans(f *testing.F) {
	for _, s := range []string{"• a\n  ▪ b", "1 234,50 €", "n° 12 et no 3", "a\n\n* b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range []struct {
			name        string
			scan, plain func(string) string
		}{
			{"sameBullets", sameBullets, plainSameBullets},
			{"canonicalNumbers", canonicalNumbers, plainCanonicalNumbers},
			{"canonicalNumero", canonicalNumero, plainCanonicalNumero},
		} {
			if got, want := c.scan(s), c.plain(s); got != want {
				t.Fatalf("%s(%q) = %q, plain %q", c.name, s, got, want)
			}
		}
	})
}

func plainPlainASCII(c byte) bool {
	switch c {
	case '"', '-', ';', ':', '!', '?', '%', '`':
		return false
	}
	return c > ' ' && c < 0x7f
}

func TestPlainASCIIIsTheSwitch(t *testing.T) {
	for c := range 256 {
		if got, want := plainASCII(byte(c)), plainPlainASCII(byte(c)); got != want {
			t.Errorf("plainASCII(%#x) = %v, want %v", c, got, want)
		}
	}
}

func plainCommonPrefixLen(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

func plainCommonSuffixLen(a, b string) int {
	n := min(len(a), len(b))
	for i := 1; i <= n; i++ {
		if a[len(a)-i] != b[len(b)-i] {
			return i - 1
		}
	}
	return n
}

// The common ends, compared by blocks, are those compared byte by byte,
// wherever the first difference falls in or between blocks.
func TestCommonEndsArePlain(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	base := strings.Repeat("abcdefghij", 40)
	for range 5000 {
		a := base[:rng.IntN(len(base)+1)]
		b := a
		if len(b) > 0 && rng.IntN(4) > 0 {
			i := rng.IntN(len(b))
			b = b[:i] + "#" + b[i+1:]
		}
		if rng.IntN(2) == 0 {
			b += base[:rng.IntN(100)]
		}
		if rng.IntN(2) == 0 {
			b = base[:rng.IntN(100)] + b
		}
		for _, p := range [][2]string{{a, b}, {b, a}} {
			if got, want := commonPrefixLen(p[0], p[1]), plainCommonPrefixLen(p[0], p[1]); got != want {
				t.Fatalf("commonPrefixLen(%q, %q) = %d, want %d", p[0], p[1], got, want)
			}
			if got, want := commonSuffixLen(p[0], p[1]), plainCommonSuffixLen(p[0], p[1]); got != want {
				t.Fatalf("commonSuffixLen(%q, %q) = %d, want %d", p[0], p[1], got, want)
			}
		}
	}
}

func FuzzCommonEnds(f *testing.F) {
	f.Add(strings.Repeat("a", 130), strings.Repeat("a", 70)+"b"+strings.Repeat("a", 59))
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := commonPrefixLen(a, b), plainCommonPrefixLen(a, b); got != want {
			t.Fatalf("commonPrefixLen(%q, %q) = %d, want %d", a, b, got, want)
		}
		if got, want := commonSuffixLen(a, b), plainCommonSuffixLen(a, b); got != want {
			t.Fatalf("commonSuffixLen(%q, %q) = %d, want %d", a, b, got, want)
		}
	})
}

// keptCounts lists how many times s holds each character that Canonical
// keeps (keptByCanonical).
func keptCounts(s string) string {
	var n [utf8.RuneSelf]int
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < utf8.RuneSelf && keptByCanonical[c] {
			n[c]++
		}
	}
	return fmt.Sprint(n)
}

// TestCanonicalKeepsItsLetters holds every rule of Canonical to what
// countsTellApart assumes of them: outside a line holding a parenthesis,
// Canonical keeps each character of keptByCanonical that the text holds
// in NFC, and makes no more of them.
func TestCanonicalKeepsItsLetters(t *testing.T) {
	sameAsRule(t, func(s string) string { return keptCounts(Canonical(s)) },
		func(s string) string { return keptCounts(norm.NFC.String(s)) },
		[]string{"", "no 12", "N° 3", "26,50 €", "1 234,00", "L. O. 135", "II. - texte", "règlement", "É", "e\u0301", "…", "• a\n* b", "\xffo", "n\u0301o"},
		[]string{"n", "o", "N", "O", "°", "º", "0", "1", "5", ",", ".", " ", "\u00a0", "L", "R", "D", "-", "–", "e", "\u0301", "è", "É",
			"\n", "•", "*", "…", "\xff", "a", "«", "»", "'", "’", "\u00ad", ")", "%", "€"},
		func(line string) string {
			if strings.Contains(line, "(") {
				return ""
			}
			return line
		})
}

// checkCountsTellApart fails when countsTellApart tells apart two texts
// that are cosmetically equal; it reports whether it told them apart.
func checkCountsTellApart(t *testing.T, old, new string) bool {
	t.Helper()
	apart := countsTellApart(old, new, WordDiff(old, new))
	if apart && Canonical(old) == Canonical(new) {
		t.Fatalf("countsTellApart(%q, %q), whose canonical forms are equal", old, new)
	}
	return apart
}

// TestCountsTellApartIsSound edits corpus articles at random with words,
// digits and the characters the cosmetic rules fold, and checks that no
// pair countsTellApart tells apart is cosmetically equal.
func TestCountsTellApartIsSound(t *testing.T) {
	snippets := []string{"mot", "2", "0", "no ", "n°", "N° ", "1 234", ",50", ",00", "L. ", "é", "è", "É", "E", "e\u0301", "\u0301",
		" ", "\u00a0", "\n", "(Supprimé)\n", "III. - (Supprimé)\n", "« ", "’", "-", "–", "…", "...", "• ", "\u00ad", "\xff", "ces", "les"}
	r := rand.New(rand.NewPCG(15, 15))
	apart, pairs := 0, 0
	for _, arts := range slices.Repeat(corpusArticles(t), 4) {
		for _, a := range arts {
			if len(a) > 3000 {
				continue
			}
			new := a
			for range 1 + r.IntN(3) {
				at := r.IntN(len(new) + 1)
				for at < len(new) && !utf8.RuneStart(new[at]) {
					at++
				}
				end := at + r.IntN(3)
				for end < len(new) && !utf8.RuneStart(new[end]) {
					end++
				}
				new = new[:at] + snippets[r.IntN(len(snippets))] + new[min(end, len(new)):]
			}
			if new == a {
				continue
			}
			pairs++
			if checkCountsTellApart(t, a, new) {
				apart++
			}
		}
	}
	if pairs == 0 || apart < pairs/4 || apart == pairs {
		t.Errorf("countsTellApart told %d of %d edited articles apart: the trials test one outcome only", apart, pairs)
	}
}

func FuzzCountsTellApart(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[0], s[1])
	}
	f.Add("no 12 et le mot", "n° 12 et le mot")
	f.Add("II. - (Supprimé)\nla", "II. - a (Supprimé)\nla")
	f.Add("te\u0301", "tée")
	f.Fuzz(func(t *testing.T, old, new string) {
		checkCountsTellApart(t, old, new)
	})
}
