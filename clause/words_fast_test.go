package clause

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"
	"github.com/avenant-dev/avenant/internal/synth"
)

// The word diff's fast paths (ASCII runs in wordEnd, a table for one-byte
// tokens in encode, stand-ins weighed once, lines encoded once)
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
			if got, want := tokenEnd(s, i), runeTokenEnd(s, i); got != want {
				t.Fatalf("tokenEnd(%q, %d) = %d, want %d", s, i, got, want)
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
		from, to := 0, len(old)
		if d.headStandIn {
			from = d.a.off[1]
		}
		if d.tailStandIn {
			to = d.a.off[len(d.a.r)-1]
		}
		a := plainWindowTokens(old, from, to)
		b := plainWindowTokens(new, from, len(new)-(len(old)-to))
		if ta, tb := sideTokens(&d.a), sideTokens(&d.b); !slices.Equal(ta, a) || !slices.Equal(tb, b) {
			t.Fatalf("tokens of %q, %q: %q %q, want %q %q", old, new, ta, tb, a, b)
		}
		ra, rb, wshared := plainEncode(a, b)
		if !slices.Equal(d.a.r, ra) || !slices.Equal(d.b.r, rb) || d.shared != wshared {
			t.Fatalf("runes of %q, %q: %v %v %v, want %v %v %v", old, new, d.a.r, d.b.r, d.shared, ra, rb, wshared)
		}
		if d.headStandIn || d.tailStandIn {
			// The window's diff is the whole texts' (touchedEdge aside).
			w := newDiffer(old, new)
			if got, want := d.run(), w.run(); !d.touchedEdge && !slices.Equal(got, want) {
				t.Fatalf("diff of %q, %q on a window: %v, on the whole texts: %v", old, new, got, want)
			}
			w.release()
		}
		// A stand-in's weight never counts (see standIn).
		ga, gb := d.standInsUnweighed(d.a.w), d.standInsUnweighed(d.b.w)
		wa, wb := d.standInsUnweighed(plainWeights(a)), d.standInsUnweighed(plainWeights(b))
		if !slices.Equal(ga, wa) || !slices.Equal(gb, wb) {
			t.Fatalf("weights of %q, %q: %v %v, want %v %v", old, new, ga, gb, wa, wb)
		}
		d.release()
	}
}

// plainWindowTokens is s[:from] as one token, the tokens of s[from:to]
// cut from the whole text, and s[to:] as one token; the outer ones only
// when not empty.
func plainWindowTokens(s string, from, to int) []string {
	var toks []string
	if from > 0 {
		toks = append(toks, s[:from])
	}
	toks = appendTokens(toks, s[:to], from)
	if to < len(s) {
		toks = append(toks, s[to:])
	}
	return toks
}

// plainWeights is the prefix sums of the token weights: a run of
// whitespace weighs 1, anything else its number of runes.
func plainWeights(toks []string) []int {
	w := []int{0}
	for _, t := range toks {
		n := utf8.RuneCountInString(t)
		if r, _ := utf8.DecodeRuneInString(t); unicode.IsSpace(r) {
			n = 1
		}
		w = append(w, w[len(w)-1]+n)
	}
	return w
}

// standInsUnweighed turns prefix sums of weights into the weight of each
// token, 0 for the stand-ins.
func (d *differ) standInsUnweighed(sums []int) []int {
	w := make([]int, len(sums)-1)
	for k := range w {
		w[k] = sums[k+1] - sums[k]
	}
	if d.headStandIn {
		w[0] = 0
	}
	if d.tailStandIn {
		w[len(w)-1] = 0
	}
	return w
}

func sideTokens(t *tokenSide) []string {
	var out []string
	for k := range t.r {
		out = append(out, t.tok(k))
	}
	return out
}

func TestWordFastPaths(t *testing.T) {
	for _, s := range fuzzSeeds {
		checkFastPaths(t, s[0], s[1])
	}
	long := strings.Repeat("Le présent article s'applique au 1er janvier 2025, à 26,50 €.\n", 40)
	checkFastPaths(t, long, strings.Replace(long, "26,50 €", "30 €", 1))
	checkFastPaths(t, long, long[:len(long)/2]+"l'ajout\u00a0; "+long[len(long)/2:])
	// Windows with stand-ins of every kind: white space only, one word,
	// the same text at both ends.
	for _, s := range []string{long, " \n\n  " + long + "fin", "\n" + long + "\n\n" + long} {
		for _, at := range []int{len(s) / 3, len(s) / 2, len(s) - 300} {
			checkFastPaths(t, s, s[:at]+"\nmot "+s[at:])
			checkFastPaths(t, s, s[:at]+s[at+5:])
		}
	}
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

// TestMayExtendNumberIsTheTests holds the quick test of the word after a
// number to the tests it spares: no word it turns away is a unit, a
// Latin suffix or a month.
func TestMayExtendNumberIsTheTests(t *testing.T) {
	check := func(w string) {
		t.Helper()
		if !mayExtendNumber(w) && (isUnitWord(w) || isLatinSuffix(w) || isMonth(w)) {
			t.Fatalf("mayExtendNumber(%q) = false, yet it extends a number", w)
		}
	}
	for _, w := range []string{"", "F", "FF", "EUR", "€", "Euros", "CENTIME", "bis", "TER", "Quinquies", "quinquieſ", "ſexies",
		"DÉCEMBRE", "Février", "fevrier", "AOUT", "août", "mai", "du", "de", "jours", "K", "septembreS"} {
		check(w)
	}
	// Every word the tests name, in random case, some s written ſ.
	r := rand.New(rand.NewPCG(3, 4))
	for _, u := range []string{"f", "ff", "eur", "euros", "euro", "francs", "franc", "centimes", "centime", "bis", "ter", "quater",
		"quinquies", "sexies", "septies", "octies", "nonies", "novies", "decies", "janvier", "février", "mars", "avril", "mai",
		"juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "fevrier", "aout", "decembre"} {
		for range 40 {
			var b strings.Builder
			for _, c := range u {
				switch {
				case c == 's' && r.IntN(3) == 0:
					b.WriteRune('ſ')
				case r.IntN(2) == 0:
					b.WriteRune(unicode.ToUpper(c))
				default:
					b.WriteRune(c)
				}
			}
			check(b.String())
		}
	}
	for w := range synth.Strings(3, []string{"s", "S", "ſ", "e", "é", "É", "x", "i", "b", "a", "o", "û", "t", "r", "f", "u"}, 9, 30000) {
		check(w)
	}
	for _, arts := range corpusArticles(t) {
		for _, a := range arts {
			for _, w := range strings.FieldsFunc(a, func(r rune) bool { return !isWordRune(r) }) {
				check(w)
			}
		}
	}
}
