package amend

import (
	"os"
	"regexp/syntax"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/fixtures"
	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/synth"
)

func TestFoldCase(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Est ainsi modifié", "EST AINSI MODIFIÉ"},
		// Runes a case-insensitive pattern takes for a letter fold as
		// the letter does: the long s, the Kelvin sign.
		{"ſupprimé", "SUPPRIMÉ"},
		{"\u212a", "K"},
		{"«\x01 0\x02»", "«\x01 0\x02»"},
		{"ÉTÉ", "ÉTÉ"},
	} {
		if got := foldCase(tc.in); got != tc.want {
			t.Errorf("foldCase(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// A prefilter read off a pattern lets through every text the pattern
// matches: the words are those of its literals that every match has.
func TestPrefilterOf(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want prefilter
	}{
		{`(?i)\bdu\s+code\b`, prefilter{{"DU"}, {"CODE"}}},
		{`(?i)(?:est|sont)\s+abrogée?s?`, prefilter{{"EST", "SONT"}, {"ABROGÉ"}}},
		{`a+b{2,}`, prefilter{{"A"}, {"B"}}},
		// A branch, an option or a repetition that may be empty fixes
		// no word.
		{`(?i)foo|\d+`, nil},
		{`x?y*z{0,3}`, nil},
	} {
		if got := prefilterFor(tc.src); !equalPrefilters(got, tc.want) {
			t.Errorf("prefilterFor(%q) = %q, want %q", tc.src, got, tc.want)
		}
	}
}

func equalPrefilters(a, b prefilter) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return false
		}
		for j := range a[i] {
			if a[i][j] != b[i][j] {
				return false
			}
		}
	}
	return true
}

// screenedTexts are the demo's texts, the avenant written as amendments
// among them, and the steps of a bill in the corpus.
func screenedTexts(t testing.TB) map[string]*clause.Document {
	docs := map[string]*clause.Document{}
	entries, err := fixtures.FS.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if b, err := fixtures.FS.ReadFile(e.Name()); err == nil && len(e.Name()) > 3 && e.Name()[len(e.Name())-3:] == ".md" {
			docs[e.Name()] = decodeDoc(t, b)
		}
	}
	if corpus.Optional(t) != "" {
		for _, path := range corpus.Files(t, corpus.BillSteps) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			docs[path] = decodeDoc(t, b)
		}
	}
	return docs
}

// Every screened pattern that matches an article's frame, as Amends and
// parse read it, is let through by its prefilter on that frame.
func TestPrefiltersLetMatchesThrough(t *testing.T) {
	matched := 0
	for name, doc := range screenedTexts(t) {
		for _, c := range unitsOf(doc) {
			frame, _, err := splitQuotes(c.Text)
			if err != nil {
				continue
			}
			for _, f := range []foldedText{foldText(frame), foldText(normalizeFrame(frame))} {
				for _, l := range screened() {
					if l.MatchString(f.text) {
						matched++
						if !l.admits(f) {
							t.Errorf("%s, %s: %s matches but its prefilter stops it", name, unitLabel(c), l)
						}
					}
				}
			}
		}
	}
	if matched == 0 {
		t.Fatal("no pattern matched any frame: the test proves nothing")
	}
}

// Amends classifies every pair of texts as it does with no prefilter:
// each step of a bill against the one before it (none amends it), and the
// demo's texts against the convention.
func TestAmendsSameUnscreened(t *testing.T) {
	docs := screenedTexts(t)
	var pairs [][2]*clause.Document
	conv := docs["05-convention-2024-06.md"]
	for _, d := range docs {
		pairs = append(pairs, [2]*clause.Document{d, conv})
	}
	if dir := corpus.Optional(t); dir != "" {
		steps := corpus.Files(t, corpus.BillSteps)
		for i := 1; i < len(steps); i++ {
			pairs = append(pairs, [2]*clause.Document{docs[steps[i]], docs[steps[i-1]]})
		}
	}
	want := make([]bool, len(pairs))
	withoutPrefilters(func() {
		for i, p := range pairs {
			want[i] = Amends(p[0], p[1])
		}
	})
	amending := 0
	for i, p := range pairs {
		if got := Amends(p[0], p[1]); got != want[i] {
			t.Errorf("pair %d: Amends = %v with the prefilters, %v without", i, got, want[i])
		}
		if want[i] {
			amending++
		}
	}
	if amending == 0 || amending == len(pairs) {
		t.Fatalf("%d of %d pairs amend: the test tells nothing apart", amending, len(pairs))
	}
}

// withoutPrefilters runs f with every screened pattern's prefilter off.
func withoutPrefilters(f func()) {
	screening()
	saved := map[*lazyRegexp][]wordSet{}
	for _, l := range screened() {
		saved[l], l.clauses = l.clauses, nil
	}
	defer func() {
		for l, c := range saved {
			l.clauses = c
		}
	}()
	f()
}

// BenchmarkAmends asks whether the largest step of a bill amends the one
// before it, as diff does of every pair: no article of a bill amends its
// previous reading, and the prefilters keep the expressions off them.
func BenchmarkAmends(b *testing.B) {
	steps := corpus.Files(b, corpus.BillSteps)
	var old, new *clause.Document
	for i := 1; i < len(steps); i++ {
		o, n := readDoc(b, steps[i-1]), readDoc(b, steps[i])
		if new == nil || len(n.Clauses) > len(new.Clauses) {
			old, new = o, n
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if Amends(new, old) {
			b.Fatal("a step of the bill reads as amending the one before it")
		}
	}
}

func readDoc(tb testing.TB, path string) *clause.Document {
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return decodeDoc(tb, b)
}

// aimedElsewhere runs elsewhere only around the words its matches end
// with: it must answer as the expression on the whole frame does, on
// crafted cases, on random strings of the words and spaces that matter
// and on the frame of every clause of the bills, a text cited ("au sens
// du code de la santé publique") aside.
func TestAimedElsewhere(t *testing.T) {
	whole := func(s string) bool {
		for _, m := range elsewhere.FindAllStringIndex(s, -1) {
			if !citedAt(s, m[0]) {
				return true
			}
		}
		return false
	}
	check := func(s string) {
		t.Helper()
		if got, want := aimedElsewhere(s), whole(s); got != want {
			t.Fatalf("aimedElsewhere(%q) = %v, the expression gives %v", s, got, want)
		}
	}
	for _, s := range []string{
		"L'article L. 52-4 du code électoral est ainsi modifié :",
		"L'article 3 DU CODE de la santé publique est abrogé.",
		"Le 2° de l'article 5 de la présente loi est supprimé.",
		"Le 2° de l'article 5 de la\npresente loi est supprimé.",
		"Le codex du codeur est modifié.",
		"L'article 12 est ainsi modifié : après le mot « code », il est inséré « civil ».",
		"Au I de l'article 4, les mots « loi » sont remplacés.",
		"",
		"du code", "dudu code", "xdu code", "(du code)", "du \n\t code", "du codex", "codecode du code",
		"de la présente loi", "De  la\tPRÉSENTE\n loi,", "xde la présente loi", "de la présente loix", "emploi de la présente loi",
		"du\u00a0code", "de la présente\u00a0loi", "du code\xff", "\xffdu code", "du loi code",
		"L'article 4 de la Constitution est complété", "de la constitution", "de l'ordonnance n° 58-1100", "de l’arrêté du 13 novembre",
		"du décret n° 2010-1", "du DÉCRET du 4", "de la loi organique n° 2001-692", "de la loi du 1er", "de la loi organique du 1er", "de la loi relative",
		"À l'article 3, le mot « X », au sens du code de la santé publique, est supprimé.", "en application du code, du code",
	} {
		check(s)
	}
	alphabet := []string{"du", "DU", "de", "la", "présente", "PRÉSENTE", "code", "CODE", "loi", "Loi", " ", "\n", "\t", "\u00a0", "x", "(", "é", "\xff", "\xc3", "’", "\f",
		"Constitution", "constitution", "ordonnance", "décret", "DÉCRET", "arrêté", "l'", "l’", "organique", "n°", "1", "cret", "arr"}
	for s := range synth.Strings(21, alphabet, 12, 50000) {
		check(s)
	}
	if corpus.Optional(t) == "" {
		return
	}
	for _, path := range corpus.Files(t, "raw/lafabrique/*/steps/*.txt") {
		for _, c := range readDoc(t, path).Clauses {
			if frame, _, err := splitQuotes(c.Text); err == nil {
				check(frame)
			}
		}
	}
}

// leadIn runs on the last words of a frame only: it must answer as on
// the whole frame, on the longest lead-ins, random strings of their words
// and the normalised frame of every clause and point of the demo's texts
// and of the bills.
func TestLeadInOnLastWords(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := leadIn.matches(foldText(s)), leadIn.MatchString(s); got != want {
			t.Fatalf("leadIn on the last words of %q: %v, on the whole: %v", s, got, want)
		}
	}
	for _, s := range []string{
		"", ":", "L'article 3 sont apportées les modifications suivantes :", "L'article 3 est ainsi modifiée comme suit .",
		"xsont apportées les modifications suivantes : .", "est modifié : :", "Les articles 3 et 4 sont modifiés ainsi :",
	} {
		check(s)
	}
	alphabet := []string{"est", "sont", "ainsi", "modifié", "MODIFIÉES", "comme", "suit", "apportée", "apportées", "les",
		"modifications", "suivantes", ":", ".", " ", " ", " ", "\n", "x", "\u00a0", "é"}
	for s := range synth.Strings(27, alphabet, 16, 50000) {
		check(s)
	}
	for _, text := range demoAndCorpus(t, "raw/lafabrique/*/steps/*.txt") {
		for _, c := range decodeDoc(t, []byte(text)).Clauses {
			frame, _, err := splitQuotes(c.Text)
			if err != nil {
				continue
			}
			check(normalizeFrame(frame))
			for line := range strings.Lines(frame) {
				check(normalizeFrame(line))
			}
		}
	}
}

// normalizeFrame, one pass, does what its statement does: marks replaced,
// then the fields joined by one space.
func TestNormalizeFrameIsTheRule(t *testing.T) {
	marks := strings.NewReplacer("’", "'", "ʼ", "'", "\u00a0", " ", "\u202f", " ")
	rule := func(s string) string { return strings.Join(strings.Fields(marks.Replace(s)), " ") }
	check := func(s string) {
		t.Helper()
		if got, want := normalizeFrame(s), rule(s); got != want {
			t.Fatalf("normalizeFrame(%q) = %q, the rule gives %q", s, got, want)
		}
	}
	for _, s := range []string{"", "  ", " a  b ", "l’article\u00a0L.\u202f12", "\xffa b\xff", "a\u2028b\u0085c", "ʼ"} {
		check(s)
	}
	alphabet := []string{"a", "é", " ", "\n", "\t", "\u00a0", "\u202f", "\u2009", "’", "ʼ", "'", "\xff", "\xe2\x80", "\u0085"}
	for s := range synth.Strings(5, alphabet, 12, 20000) {
		check(s)
	}
}

// Every screened pattern has the same prefilter parsed with its case flag
// as without it, as prefilterFor parses it.
func TestPrefilterIgnoresCase(t *testing.T) {
	for _, l := range screened() {
		src := l.String()
		tree, err := syntax.Parse(src, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := prefilterFor(src), prefilterOf(tree); !equalPrefilters(got, want) {
			t.Errorf("%.60s: prefilter %q without the case flag, %q with it", src, got, want)
		}
	}
}

// BenchmarkAmendsSynthetic asks it of the 1 MB synthetic convention
// against its edited version, the pair diff's bench compares: a text with
// no instruction, whose articles all name an article.
func BenchmarkAmendsSynthetic(b *testing.B) {
	base := synth.Base(1<<20, 1)
	old := clause.Parse(base.Text)
	new := clause.Parse(synth.Edit(base, 0.05, 2).Text)
	b.SetBytes(int64(len(base.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if Amends(new, old) {
			b.Fatal("the synthetic convention reads as amending its previous version")
		}
	}
}

// BenchmarkAmendsBillPair asks it of the real-text pair diff's bench
// compares: the sixteen steps of a bill end to end, numbered apart,
// against the same with one paragraph in twenty edited.
func BenchmarkAmendsBillPair(b *testing.B) {
	oldV, newV := synth.Bill(corpus.Read(b, corpus.BillSteps), 0.05, 2)
	old, new := decodeDoc(b, []byte(oldV.Text)), decodeDoc(b, []byte(newV.Text))
	b.SetBytes(int64(len(newV.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if Amends(new, old) {
			b.Fatal("the bill pair reads as amending")
		}
	}
}
