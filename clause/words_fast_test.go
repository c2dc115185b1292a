package clause

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// The word diff's fast paths (ASCII runs in wordEnd, a table for one-byte
// tokens in encodeTokens, stand-ins weighed once)
// are held here to the plain rules they replaced, kept below as they were.

func plainWordRunAt(s string, i int) int {
	for i < len(s) {
		r, sz := runeAt(s, i)
		if !isWordRune(r) {
			break
		}
		i += sz
	}
	return i
}

func plainWordEnd(s string, start int) int {
	seg := start
	j := start
	for j < len(s) {
		r, sz := runeAt(s, j)
		if isWordRune(r) {
			j += sz
			continue
		}
		if j+sz >= len(s) {
			break
		}
		next, _ := runeAt(s, j+sz)
		if isHyphenRune(r) && isWordRune(next) {
			j += sz
			seg = j
			continue
		}
		if frtext.IsApostrophe(r) && isWordRune(next) && !isDigitByte(next) {
			if isElidable(s[seg:j]) {
				return j + sz
			}
			j += sz
			continue
		}
		break
	}
	if j < len(s) && (s[start:j] == "n" || s[start:j] == "N") {
		if r, sz := runeAt(s, j); r == '°' || r == 'º' {
			return j + sz
		}
	}
	if j-start == 1 && j+1 < len(s) && s[j] == '.' && isCodePrefix(strings.ToLower(s[start:j])) && s[start] <= 'Z' {
		k := skipHSpace(s, j+1)
		if k < len(s) && isDigitByte(rune(s[k])) {
			return numberEnd(s, k)
		}
	}
	if isDigitByte(rune(s[j-1])) {
		return extendNumber(s, j, false)
	}
	return j
}

// plainEncode is encodeTokens with one map for every token.
func plainEncode(a, b []string) (ra, rb []rune, shared bool) {
	ids := map[string]rune{}
	next := rune(tokenRuneFirst)
	enc := func(toks []string) []rune {
		out := make([]rune, len(toks))
		for i, t := range toks {
			r, ok := ids[t]
			if !ok {
				if next < tokenRuneLimit {
					r = next
					next++
				} else {
					r = tokenRuneLimit
					shared = true
				}
				ids[t] = r
			}
			out[i] = r
		}
		return out
	}
	ra = enc(a)
	rb = enc(b)
	return ra, rb, shared
}

// checkFastPaths compares, on old and new, every fast path with its plain
// rule.
func checkFastPaths(t *testing.T, old, new string) {
	t.Helper()
	for _, s := range [2]string{old, new} {
		for i := range len(s) {
			if got, want := wordRunAt(s, i), plainWordRunAt(s, i); got != want {
				t.Fatalf("wordRunAt(%q, %d) = %d, want %d", s, i, got, want)
			}
			if r, _ := runeAt(s, i); !utf8.RuneStart(s[i]) || !isWordRune(r) || isDigitByte(r) {
				continue
			}
			if got, want := wordEnd(s, i), plainWordEnd(s, i); got != want {
				t.Fatalf("wordEnd(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
	for _, d := range [2]*differ{newDiffer(old, new), newWindowDiffer(old, new)} {
		if d == nil {
			continue
		}
		ra, rb, shared := d.encodeTokens()
		wa, wb, wshared := plainEncode(d.a, d.b)
		if !slices.Equal(ra, wa) || !slices.Equal(rb, wb) || shared != wshared {
			t.Fatalf("encodeTokens(%q, %q) = %v %v %v, want %v %v %v", old, new, ra, rb, shared, wa, wb, wshared)
		}
		_, wA := tokenSums(nil, nil, d.a, -1, -1)
		_, wB := tokenSums(nil, nil, d.b, -1, -1)
		if !slices.Equal(d.wA, wA) || !slices.Equal(d.wB, wB) {
			t.Fatalf("weights of %q, %q: %v %v, want %v %v", old, new, d.wA, d.wB, wA, wB)
		}
		d.release()
	}
}

func TestWordFastPaths(t *testing.T) {
	for _, s := range fuzzSeeds {
		checkFastPaths(t, s[0], s[1])
	}
	long := strings.Repeat("Le présent article s'applique au 1er janvier 2025, à 26,50 €.\n", 40)
	checkFastPaths(t, long, strings.Replace(long, "26,50 €", "30 €", 1))
	checkFastPaths(t, long, long[:len(long)/2]+"l'ajout\u00a0; "+long[len(long)/2:])
	defer func(l rune) { tokenRuneLimit = l }(tokenRuneLimit)
	tokenRuneLimit = tokenRuneFirst + 3
	checkFastPaths(t, "un, deux; trois. quatre cinq", "un; deux, trois quatre. six")
}

func TestWordFastPathsCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus")
	}
	for _, arts := range corpusArticles(t) {
		for k := 1; k < len(arts); k++ {
			checkFastPaths(t, arts[k-1], arts[k])
		}
	}
}

func FuzzWordFastPaths(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, old, new string) {
		checkFastPaths(t, old, new)
	})
}
