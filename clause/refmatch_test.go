package clause

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/synth"
)

// refNumPatternRule is one article number as the expression read it:
// "12", "1er", "28.1", "28-1", "2 bis", "L. 162-5", "R4127-1", "R*423-1",
// "premier".
const refNumPatternRule = `(?:(?:[LRDA]\.?\*?\s?)?\d+(?:er)?(?:[.-]\d+)*(?:\s(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)\b)?|premier)`

// refReRule and refNumReRule are the expressions that read a reference
// before matchRef: the keyword and the list of numbers, then each number
// of the list.
var (
	refReRule    = regexp.MustCompile(`^((?i:articles?|art\.))\s(?:n°\s?)?(` + refNumPatternRule + `(?:(?:\s?,\s|\s(?:et|à|ou)\s)` + refNumPatternRule + `)*)`)
	refNumReRule = regexp.MustCompile(refNumPatternRule)
)

// checkMatchRef holds matchRef to the expressions on window w.
func checkMatchRef(t *testing.T, w string) {
	t.Helper()
	got, ok := matchRef(w)
	m := refReRule.FindStringSubmatchIndex(w)
	if ok != (m != nil) {
		t.Fatalf("matchRef(%q) found %v, the expression %v", w, ok, m)
	}
	if m == nil {
		return
	}
	var nums [][2]int
	for _, n := range refNumReRule.FindAllStringIndex(w[m[4]:m[5]], -1) {
		nums = append(nums, [2]int{n[0], n[1]})
	}
	if !slices.Equal(got.m, m) || !slices.Equal(got.nums, nums) {
		t.Fatalf("matchRef(%q) = %v %v, the expressions %v %v", w, got.m, got.nums, m, nums)
	}
}

// matchRef reads as the expressions did: from every letter a of the
// corpus's clause texts, and on random texts of the pieces a reference is
// made of, and those that stop one.
func TestMatchRefIsTheRule(t *testing.T) {
	for _, text := range corpus.Read(t, corpus.BillSteps, "raw/*/*.md") {
		for _, c := range Parse(decoded(t, text)).Clauses {
			s := normalizeFactText(c.Text)
			for i := range len(s) {
				if s[i]|0x20 == 'a' {
					checkMatchRef(t, factWindow(s, i, refMatchWidth))
				}
			}
		}
	}
	pieces := []string{"article", "Articles", "ARTICLES", "art.", "Art", "articleſ", "articleſs", " ", "\t", "\n", "n°", "n", "°",
		"12", "1", "1er", "er", "L", "L.", "R*", "D.*", "A", " . ", ".", "-", "*", ",", " , ", " et ", " à ", " ou ", "et", "ou",
		" bis", "bis", " ter", "ter", " decies", "quinquies", "x", "_", "é", "premier", "Premier", "(", ";"}
	for s := range synth.Strings(21, pieces, 14, 300000) {
		checkMatchRef(t, "article "+s)
		checkMatchRef(t, s)
	}
	checkMatchRef(t, "article 12 "+strings.Repeat("et 3 ", 100))
}

// The new text of a clause takes over the old one's matches of
// subdivisionRe (subdivisionMatch): its references are those it reads
// alone, on the corpus's texts that cite parts of articles, each against
// itself edited at random around the parts.
func TestSubdivisionsTakenOverAreRead(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	snippets := []string{"", " ", "2°", "au I du ", "a) ", "du II ", "de l'article 3 ", "premier alinéa ", "b", "\n"}
	check := func(old, new string) {
		t.Helper()
		o, got, want := pieceText(old, nil), pieceText(new, nil), pieceText(new, nil)
		o.cut()
		o.references()
		got.cutLike(o)
		want.cut()
		if g, w := got.references(), want.references(); !reflect.DeepEqual(g, w) {
			t.Fatalf("references of %q after %q:\n%+v\nalone:\n%+v", new, old, g, w)
		}
		o.release()
		got.release()
		want.release()
	}
	n := 0
	for _, text := range corpus.Read(t, corpus.BillSteps, "raw/*/*.md") {
		for _, c := range Parse(decoded(t, text)).Clauses {
			s := normalizeFactText(c.Text)
			if !strings.Contains(s, " de l'article") {
				continue
			}
			n++
			check(s, s)
			for range 3 {
				check(s, editAtRandom(rng, s, snippets))
			}
		}
	}
	if n == 0 {
		t.Skip("no corpus text cites a part of an article")
	}
}
