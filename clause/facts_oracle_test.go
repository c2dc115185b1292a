package clause

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
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
			if w == 1 || unicode.IsSpace(r) || frtext.Invisible(r) || frtext.Typography(r) != r {
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
	// ASCII runs that normalSpan passes over eight bytes at a time, and
	// what stops it: blanks side by side or at an edge, control and
	// non-ASCII bytes, the backquote.
	ascii := []string{"a", "abcdefg", "Z", "~", "\x7f", " ", " ", "  ", "\n", "\n\n", "`", "\t", "\x1f", "\x00", "\x80", "é"}
	for s := range synth.Strings(12, ascii, 24, 100000) {
		check(s)
		check("x" + s + "y")
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

// Classing words only lets extractors pass over words they would look up
// and find nothing in: the facts of a text are those read with every
// word taken as of every class, on the corpus's clause texts and random
// texts of the words each extractor looks for.
func TestWordClassesSkipNoFact(t *testing.T) {
	check := func(s string) {
		t.Helper()
		s = normalizeFactText(s)
		for _, subject := range []string{"", "G"} {
			got := extractNormalized(s, subject)
			all := &factTextKind{s: s, outline: wholeOf(s), words: tokenize(s)}
			all.held = ^wordClass(0)
			all.classes = make([]wordClass, len(all.words))
			for i := range all.classes {
				all.classes[i] = ^wordClass(0)
			}
			if want := all.extract(subject); !reflect.DeepEqual(got, want) {
				t.Fatalf("facts of %q, subject %q:\n%+v\nevery word of every class:\n%+v", s, subject, got, want)
			}
		}
	}
	for _, text := range corpus.Read(t, corpus.BillSteps, "raw/*/*.md") {
		for _, c := range Parse(decoded(t, text)).Clauses {
			check(c.Text)
		}
	}
	// Every classed word, and every word the extractors name in their
	// code, in the phrases they read.
	classed := []string{"est", "sont", "sera", "seront", "soit", "soient", "s'", "sauf", "ne", "n'", "aucun", "aucune",
		"article", "articles", "art", "annexe", "annexes"}
	for w := range factWordClasses().of {
		classed = append(classed, w)
	}
	slices.Sort(classed)
	classed = slices.Compact(classed)
	for _, w := range classed {
		for _, phrase := range []string{"%s", "Le médecin %s tenu de facturer", "le 1er %s 2025", "deux %s", "12 %s",
			"il ne %s pas", "l'%s 12 du code", "%s ne pas facturer", "%s engage à", "%s, pas", "aucun %s n'est", "%s-être"} {
			check(fmt.Sprintf(phrase, w))
			check(strings.ToUpper(fmt.Sprintf(phrase, w)))
		}
	}
	alphabet := []string{" ", " ", " ", "\n", "\n\n", ", ", ". ", "-", "'", "1er", "12", "2025", "pas", "tenu", "tenus", "de", "engage",
		"deux", "trente", "II", "du code", "facturer", "30 €", "G", "consultation", "Doit", "Article", "JANVIER", "Mois"}
	alphabet = append(alphabet, classed...)
	for s := range synth.Strings(9, alphabet, 16, 30000) {
		check(s)
	}
}

// sentenceBoundsRule is sentenceBounds as first written, byte by byte.
func sentenceBoundsRule(s string) []int {
	bounds := []int{0}
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == ';':
			bounds = append(bounds, i+1)
		case s[i] == '\n' && i+1 < len(s) && s[i+1] == '\n':
			bounds = append(bounds, i+2)
			i++
		case s[i] == '\n' && frtext.StartsListEntry(s[i+1:]):
			bounds = append(bounds, i+1)
		}
	}
	bounds = append(bounds, frtext.SentenceStarts(s)...)
	slices.Sort(bounds)
	return slices.Compact(bounds)
}

// sentenceBounds finds the bounds the rule does.
func TestSentenceBoundsIsTheRule(t *testing.T) {
	show := func(bounds func(string) []int) func(string) string {
		return func(s string) string { return fmt.Sprint(bounds(s)) }
	}
	sameAsRule(t, show(sentenceBounds), show(sentenceBoundsRule),
		[]string{"", ";", "\n", "\n\n", "\n\n\n", "a;\n- b", "a.\n\nB ; c\n1° d"},
		[]string{"a", " ", ";", "\n", "\n\n", "- ", "1° ", "a) ", ". ", "Le ", "art. ", "«"},
		func(line string) string { return line })
	for _, text := range corpus.Read(t, corpus.BillSteps, "raw/*/*.md") {
		s := normalizeFactText(decoded(t, text))
		if got, want := sentenceBounds(s), sentenceBoundsRule(s); !slices.Equal(got, want) {
			t.Fatalf("sentenceBounds of a corpus text differs from the rule")
		}
	}
}

// nextFactWordRule is nextFactWord as first written, a byte's class read
// by comparisons.
func nextFactWordRule(s string, i int) (start, end int, cased bool) {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiWordByte(c) {
				break
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if isFactWordRune(r) {
			break
		}
		i += w
	}
	start = i
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiWordByte(c) {
				break
			}
			cased = cased || 'A' <= c && c <= 'Z'
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if !isFactWordRune(r) {
			break
		}
		cased = cased || unicode.ToLower(r) != r
		i += w
	}
	return start, i, cased
}

// nextFactWord cuts the words the rule does, from every byte of the
// corpus's lines and of random texts.
func TestNextFactWordIsTheRule(t *testing.T) {
	show := func(next func(string, int) (int, int, bool)) func(string) string {
		return func(s string) string {
			var b strings.Builder
			for i := range len(s) + 1 {
				start, end, cased := next(s, i)
				fmt.Fprint(&b, start, end, cased, ";")
			}
			return b.String()
		}
	}
	sameAsRule(t, show(nextFactWord), show(nextFactWordRule),
		[]string{"", "a", "É", "\xff", "l'État", "e\u0301", "ǅ"},
		[]string{"a", "Z", "0", " ", "'", "-", "é", "É", "ǅ", "\u0301", "\u00a0", "’", "\xff", "\xc3", "€", "\U0001d400", "ß"},
		func(line string) string { return line })
}

// normalizeFactTexts gives what normalizeFactText gives of each text, on
// corpus clause texts edited at random and on random texts edited at
// random (blanks, runes of several bytes and runes NFKC composes around
// the edits), and the ends the two share when it says it knows them.
func TestNormalizeFactTextsIsEachText(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	snippets := []string{"", " ", "  ", "\n", "\n\n", "\n\n\n", "a", "é", "è", "\u0301", "ᵉ", "\u00a0", "’", "\xff", "\xc3", "-", "x y"}
	edit := func(s string) string { return editAtRandom(rng, s, snippets) }
	check := func(old, new string) {
		t.Helper()
		on, nn, same, known := normalizeFactTexts(old, new)
		if wo, wn := normalizeFactText(old), normalizeFactText(new); on != wo || nn != wn {
			t.Fatalf("normalizeFactTexts(%q, %q) = %q, %q; each alone gives %q, %q", old, new, on, nn, wo, wn)
		}
		if known && same != sharedEnds(on, nn) {
			t.Fatalf("normalizeFactTexts(%q, %q): ends %v, the texts share %v", old, new, same, sharedEnds(on, nn))
		}
	}
	for _, text := range corpus.Read(t, corpus.BillSteps, "raw/*/*.md") {
		for _, c := range Parse(decoded(t, text)).Clauses {
			check(c.Text, edit(c.Text))
		}
	}
	alphabet := []string{"a", "b", " ", "\n", "é", "è", "e\u0301", "\u0301", "ᵉ", "\u00a0", "’", "ǅ", "가", "\u1161"}
	for s := range synth.Strings(8, alphabet, 12, 100000) {
		check(s, edit(s))
	}
}

// appendFactWordsRule is appendFactWords as first written, a string
// allocated for each word strings.ToLower changes.
func appendFactWordsRule(ws []factWord, s string) []factWord {
	for start, end, cased := nextFactWord(s, 0); start < len(s); start, end, cased = nextFactWord(s, end) {
		low := s[start:end]
		if cased {
			low = strings.ToLower(low)
		}
		if end < len(s) && s[end] == '\'' && elisions[low] {
			end++
			low = s[start:end]
			if cased {
				low = strings.ToLower(low)
			}
		}
		ws = append(ws, factWord{s: s[start:end], low: low, start: start, end: end})
	}
	return ws
}

// appendFactWords cuts and lower-cases the words the rule does.
func TestAppendFactWordsIsTheRule(t *testing.T) {
	show := func(cut func([]factWord, string) []factWord) func(string) string {
		return func(s string) string { return fmt.Sprintf("%+v", cut(nil, s)) }
	}
	sameAsRule(t, show(appendFactWords), show(appendFactWordsRule),
		[]string{"", "L'État", "QU'IL", "D’", "\xff", "İ", "ǅA", "Ⱥb", "e\u0301"},
		[]string{"a", "Z", "L", "QU", "'", " ", "-", "é", "É", "ǅ", "İ", "Ⱥ", "ẞ", "\u0301", "\u00a0", "\xff", "\xc3", "Σ", "1"},
		func(line string) string { return line })
}

// editAtRandom returns s with one to three stretches of up to three bytes
// replaced by snippets, as a revision changes a text in a few places.
func editAtRandom(rng *rand.Rand, s string, snippets []string) string {
	for range 1 + rng.IntN(3) {
		at := rng.IntN(len(s) + 1)
		end := min(len(s), at+rng.IntN(4))
		s = s[:at] + snippets[rng.IntN(len(snippets))] + s[end:]
	}
	return s
}

// cutLike cuts the words that cut does, with their classes, on corpus
// clause texts and random texts, each against itself edited at random:
// at the edges of an edit, an elision, a multi-byte rune or a word run
// on from or into the shared bytes.
func TestCutLikeIsCut(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	snippets := []string{"", " ", "'", "l'", "L", "É", "é", "\u0301", "est", "mois", "Article", "a b", "\n\n", "-", "\xc3"}
	check := func(old, new string) {
		t.Helper()
		o, want, got := pieceText(old, nil), pieceText(new, nil), pieceText(new, nil)
		o.cut()
		want.cut()
		got.cutLike(o)
		if !slices.Equal(got.words, want.words) || !slices.Equal(got.classes, want.classes) || got.held != want.held {
			t.Fatalf("cutLike(%q) after %q:\n%+v %v %v\ncut:\n%+v %v %v", new, old, got.words, got.classes, got.held,
				want.words, want.classes, want.held)
		}
		o.release()
		want.release()
		got.release()
	}
	for _, text := range corpus.Read(t, corpus.BillSteps, "raw/*/*.md") {
		for _, c := range Parse(decoded(t, text)).Clauses {
			s := normalizeFactText(c.Text)
			check(s, editAtRandom(rng, s, snippets))
		}
	}
	alphabet := []string{"a", "L", " ", "'", "l'", "qu'", "é", "É", "\u0301", "\xc3", "mois", "est", "\n", "1"}
	for s := range synth.Strings(10, alphabet, 12, 50000) {
		check(s, editAtRandom(rng, s, snippets))
		check(editAtRandom(rng, s, snippets), s)
	}
}

// sentenceBoundsLike finds the bounds sentenceBounds does, on corpus
// clause texts and random texts, each against itself edited at random,
// normalised or not: paragraph breaks, line ends, list markers, full
// stops and blanks at the edges of the edits.
func TestSentenceBoundsLikeIsSentenceBounds(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	snippets := []string{"", " ", "\n", "\n\n", "\n\n\n", ". ", ".", ";", "- ", "1° ", "a) ", "II. ", "Le", "art. ", "«", "é", "\u00a0"}
	check := func(old, new string) {
		t.Helper()
		if got, want := sentenceBoundsLike(new, old, sentenceBounds(old)), sentenceBounds(new); !slices.Equal(got, want) {
			t.Fatalf("sentenceBoundsLike(%q) after %q = %v, sentenceBounds gives %v", new, old, got, want)
		}
	}
	for _, text := range corpus.Read(t, corpus.BillSteps, "raw/*/*.md") {
		for _, c := range Parse(decoded(t, text)).Clauses {
			s := normalizeFactText(c.Text)
			check(s, normalizeFactText(editAtRandom(rng, s, snippets)))
			check(s, editAtRandom(rng, s, snippets))
		}
	}
	alphabet := []string{"a", "Le", " ", "\n", "\n\n", ". ", ";", ":", "- ", "1° ", "2. ", "a) ", "IV. ", "art. ", "«", "\u00a0", "…"}
	for s := range synth.Strings(11, alphabet, 14, 50000) {
		e := editAtRandom(rng, s, snippets)
		check(s, e)
		check(e, s)
		check(normalizeFactText(s), normalizeFactText(e))
	}
}

// normalSpanRule is normalSpan as first written, byte by byte.
func normalSpanRule(s string, i, end int) (ok, alone bool) {
	alone = true
	for ; i < end; i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, w := utf8.DecodeRuneInString(s[i:])
			k := normalRune(r, w)
			if k == runeFolded {
				return false, false
			}
			alone = alone && k != runeInContext
			i += w - 1
			continue
		}
		if c != ' ' && c != '\n' {
			if !visibleASCII(rune(c)) {
				return false, false
			}
			continue
		}
		// A blank: at neither end of s, beside no space; a space beside
		// no line end; a line end after another only after a word.
		if i == 0 || i+1 == len(s) || s[i-1] == ' ' || s[i+1] == ' ' ||
			c == ' ' && (s[i-1] == '\n' || s[i+1] == '\n') ||
			c == '\n' && s[i-1] == '\n' && (i < 2 || s[i-2] == ' ' || s[i-2] == '\n') {
			return false, false
		}
	}
	return true, alone
}

// normalSpan answers as the rule on every span of random texts of
// blanks, visible ASCII and runes that NFKC keeps, composes or maps.
func TestNormalSpanIsTheRule(t *testing.T) {
	alphabet := []string{"a", "b", " ", " ", "  ", "\n", "\n\n", "\n\n\n", " \n", "`", "\t", "é", "\u0301", "ᵉ", "\u00a0", "\xff"}
	for s := range synth.Strings(13, alphabet, 10, 20000) {
		for i := 0; i <= len(s); i++ {
			if i < len(s) && !utf8.RuneStart(s[i]) {
				continue
			}
			for end := i; end <= len(s); end++ {
				gotOK, gotAlone := normalSpan(s, i, end)
				wantOK, wantAlone := normalSpanRule(s, i, end)
				if gotOK != wantOK || gotAlone != wantAlone {
					t.Fatalf("normalSpan(%q, %d, %d) = %v, %v; the rule says %v, %v", s, i, end, gotOK, gotAlone, wantOK, wantAlone)
				}
			}
		}
	}
}
