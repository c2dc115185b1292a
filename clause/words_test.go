package clause

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/goldenfile"
	"github.com/avenant-dev/avenant/internal/synth"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", []string{}},
		{"words and spaces", "Le  médecin\ttraitant\n", []string{"Le", "  ", "médecin", "\t", "traitant", "\n"}},
		{"amount euro", "à 26,50 €.", []string{"à", " ", "26,50 €", "."}},
		{"amount nbsp", "à 26,50\u00a0€", []string{"à", " ", "26,50\u00a0€"}},
		{"amount narrow nbsp", "26,50\u202f€", []string{"26,50\u202f€"}},
		{"amount glued", "26,50€", []string{"26,50€"}},
		{"thousands", "soit 1 234,56 € par an", []string{"soit", " ", "1 234,56 €", " ", "par", " ", "an"}},
		{"thousands nbsp", "1\u00a0234\u00a0567 euros", []string{"1\u00a0234\u00a0567 euros"}},
		{"francs", "fixé à 27,50 F, soit", []string{"fixé", " ", "à", " ", "27,50 F", ",", " ", "soit"}},
		{"francs FF", "100 FF", []string{"100 FF"}},
		{"euros word", "30 euros par acte", []string{"30 euros", " ", "par", " ", "acte"}},
		{"F followed by a word is not francs", "27 Fois", []string{"27", " ", "Fois"}},
		{"percent", "de 13,2 % en", []string{"de", " ", "13,2 %", " ", "en"}},
		{"percent glued", "13,2%", []string{"13,2%"}},
		{"ordinal er", "le 1er alinéa", []string{"le", " ", "1er", " ", "alinéa"}},
		{"ordinal e", "au 2e alinéa", []string{"au", " ", "2e", " ", "alinéa"}},
		{"ordinal degree", "1° Les", []string{"1°", " ", "Les"}},
		{"ordinal ème", "3ème", []string{"3ème"}},
		{"code L dot space", "article L. 162-5 du code", []string{"article", " ", "L. 162-5", " ", "du", " ", "code"}},
		{"code R", "R. 4127-1", []string{"R. 4127-1"}},
		{"code D long", "D. 162-1-7.", []string{"D. 162-1-7", "."}},
		{"code no space", "L.162-5", []string{"L.162-5"}},
		{"code glued", "l'article L262-35 du", []string{"l'", "article", " ", "L262-35", " ", "du"}},
		{"code with bis", "L. 162-5 bis", []string{"L. 162-5 bis"}},
		{"lower l dot is not a code", "l. 5", []string{"l", ".", " ", "5"}},
		{"code letter before word", "L. Dupont", []string{"L", ".", " ", "Dupont"}},
		{"bis", "article 2 bis,", []string{"article", " ", "2 bis", ","}},
		{"quinquies", "4 quinquies", []string{"4 quinquies"}},
		{"dotted number", "l'article 28.1.", []string{"l'", "article", " ", "28.1", "."}},
		{"hyphen number", "28-1", []string{"28-1"}},
		{"loi number", "loi n° 2008-1249 du", []string{"loi", " ", "n°", " ", "2008-1249", " ", "du"}},
		{"date ordinal", "au 1er janvier 2025.", []string{"au", " ", "1er janvier 2025", "."}},
		{"date plain", "du 30 avril 2023,", []string{"du", " ", "30 avril 2023", ","}},
		{"date no year", "le 15 mars prochain", []string{"le", " ", "15 mars", " ", "prochain"}},
		{"date accented month", "1er février 2024", []string{"1er février 2024"}},
		{"date slashes", "le 30/04/2023", []string{"le", " ", "30/04/2023"}},
		{"not a date: count of months", "les 15 de chaque mois", []string{"les", " ", "15", " ", "de", " ", "chaque", " ", "mois"}},
		{"year alone is not a day", "en 2023 mars", []string{"en", " ", "2023", " ", "mars"}},
		{"elision", "l'article", []string{"l'", "article"}},
		{"elision typographic", "d’une", []string{"d’", "une"}},
		{"elision jusqu", "jusqu'au", []string{"jusqu'", "au"}},
		{"elision capital", "L'Etat", []string{"L'", "Etat"}},
		{"no elision", "aujourd'hui", []string{"aujourd'hui"}},
		{"compound", "c'est-à-dire", []string{"c'", "est-à-dire"}},
		{"hyphen words", "sous-section", []string{"sous-section"}},
		{"dash between spaces", "a - b", []string{"a", " ", "-", " ", "b"}},
		{"sentence end number", "article 5.", []string{"article", " ", "5", "."}},
		{"list comma", "1, 2 et 3", []string{"1", ",", " ", "2", " ", "et", " ", "3"}},
		{"quotes", "« G »", []string{"«", " ", "G", " ", "»"}},
		{"invalid utf8", "a\xffb", []string{"a", "\xff", "b"}},
		{"decomposed accent", "me\u0301decin", []string{"me\u0301decin"}},
		{"paragraph break", "fin.\n\nDébut", []string{"fin", ".", "\n\n", "Début"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tokens(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Tokens(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if j := strings.Join(got, ""); j != tt.in {
				t.Errorf("Tokens(%q) joined = %q", tt.in, j)
			}
		})
	}
}

// checkHunks verifies the contract of WordDiff on one pair.
func checkHunks(t *testing.T, old, new string, h []Hunk) {
	t.Helper()
	var o, n strings.Builder
	for k, x := range h {
		if x.Text == "" {
			t.Errorf("hunk %d is empty: %q", k, h)
		}
		if k > 0 && h[k-1].Op == x.Op {
			t.Errorf("hunks %d and %d share op %s", k-1, k, x.Op)
		}
		switch x.Op {
		case OpEqual:
			o.WriteString(x.Text)
			n.WriteString(x.Text)
		case OpDelete:
			o.WriteString(x.Text)
		case OpInsert:
			n.WriteString(x.Text)
		default:
			t.Fatalf("hunk %d has op %q", k, x.Op)
		}
	}
	if o.String() != old {
		t.Fatalf("equal+delete does not give old\n got %q\nwant %q", o.String(), old)
	}
	if n.String() != new {
		t.Fatalf("equal+insert does not give new\n got %q\nwant %q", n.String(), new)
	}
	if old == new && len(h) > 1 {
		t.Errorf("identical texts give %d hunks", len(h))
	}
}

// renderHunks writes hunks as =[equal]-[deleted]+[inserted].
func renderHunks(h []Hunk) string {
	var b strings.Builder
	for _, x := range h {
		switch x.Op {
		case OpEqual:
			b.WriteByte('=')
		case OpDelete:
			b.WriteByte('-')
		case OpInsert:
			b.WriteByte('+')
		}
		b.WriteByte('[')
		b.WriteString(x.Text)
		b.WriteByte(']')
	}
	return b.String()
}

// txtarFile is one section of a txtar archive.
type txtarFile struct{ name, data string }

// parseTxtar reads the simple archive format of golang.org/x/tools/txtar:
// a comment, then sections introduced by "-- name --" lines.
func parseTxtar(s string) (comment string, files []txtarFile) {
	lines := strings.SplitAfter(s, "\n")
	var cur *txtarFile
	var b strings.Builder
	flush := func() {
		if cur == nil {
			comment = b.String()
		} else {
			cur.data = b.String()
			files = append(files, *cur)
		}
		b.Reset()
	}
	for _, l := range lines {
		trim := strings.TrimRight(l, "\n")
		if strings.HasPrefix(trim, "-- ") && strings.HasSuffix(trim, " --") && len(trim) >= 6 {
			flush()
			cur = &txtarFile{name: strings.TrimSpace(trim[3 : len(trim)-3])}
			continue
		}
		b.WriteString(l)
	}
	flush()
	return comment, files
}

func formatTxtar(comment string, files []txtarFile) string {
	var b strings.Builder
	b.WriteString(comment)
	for _, f := range files {
		b.WriteString("-- " + f.name + " --\n")
		b.WriteString(f.data)
		if f.data != "" && !strings.HasSuffix(f.data, "\n") {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// TestWordDiffGolden runs each clause/testdata/words/*.txtar: the diff of
// its old and new sections (each without its final newline), rendered by
// renderHunks, must equal its want section. -update rewrites want.
func TestWordDiffGolden(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "words", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no golden files in testdata/words")
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			comment, files := parseTxtar(string(data))
			sec := map[string]string{}
			for _, f := range files {
				sec[f.name] = strings.TrimSuffix(f.data, "\n")
			}
			old, okOld := sec["old"]
			new, okNew := sec["new"]
			if !okOld || !okNew {
				t.Fatalf("%s lacks an old or new section", path)
			}
			h := WordDiff(old, new)
			checkHunks(t, old, new, h)
			got := renderHunks(h)
			if goldenfile.Updating() {
				out := []txtarFile{{"old", old + "\n"}, {"new", new + "\n"}, {"want", got + "\n"}}
				if err := os.WriteFile(path, []byte(formatTxtar(comment, out)), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := sec["want"]; got != want {
				t.Errorf("WordDiff\n got %s\nwant %s", got, want)
			}
		})
	}
}

func TestWordDiffEdgeCases(t *testing.T) {
	tests := []struct {
		old, new string
		want     []Hunk
	}{
		{"", "", nil},
		{"même texte", "même texte", []Hunk{{OpEqual, "même texte"}}},
		{"", "ajout", []Hunk{{OpInsert, "ajout"}}},
		{"retrait", "", []Hunk{{OpDelete, "retrait"}}},
		{"à 26,50 €", "à 30 €", []Hunk{{OpEqual, "à "}, {OpDelete, "26,50 €"}, {OpInsert, "30 €"}}},
		{"la consultation", "la nouvelle consultation", []Hunk{{OpEqual, "la "}, {OpInsert, "nouvelle "}, {OpEqual, "consultation"}}},
		{"le 1er janvier 2024", "le 1er janvier 2025", []Hunk{{OpEqual, "le "}, {OpDelete, "1er janvier 2024"}, {OpInsert, "1er janvier 2025"}}},
		{"a\xffb", "a\xfeb", []Hunk{{OpEqual, "a"}, {OpDelete, "\xff"}, {OpInsert, "\xfe"}, {OpEqual, "b"}}},
	}
	for _, tt := range tests {
		got := WordDiff(tt.old, tt.new)
		checkHunks(t, tt.old, tt.new, got)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("WordDiff(%q, %q)\n got %q\nwant %q", tt.old, tt.new, got, tt.want)
		}
	}
}

// TestWordDiffSharedRunes shrinks the token alphabet so that most tokens
// share one rune, and checks that the diff stays exact.
func TestWordDiffSharedRunes(t *testing.T) {
	defer func(l rune) { tokenRuneLimit = l }(tokenRuneLimit)
	tokenRuneLimit = tokenRuneFirst + 3
	old := "un deux trois quatre cinq six sept huit"
	new := "un deux trois QUATRE cinq six neuf huit"
	h := WordDiff(old, new)
	checkHunks(t, old, new, h)
	got := renderHunks(h)
	if !strings.Contains(got, "-[quatre]+[QUATRE]") || !strings.Contains(got, "-[sept]+[neuf]") {
		t.Errorf("shared runes hid a change: %s", got)
	}
}

// TestWordDiffManyTokens uses more distinct tokens than the 8,192 runes
// from U+E000 to the end of the BMP: the later tokens map to
// supplementary-plane runes, which must survive diffmatchpatch.
func TestWordDiffManyTokens(t *testing.T) {
	const n = 70000
	var ob, nb strings.Builder
	for k := range n {
		fmt.Fprintf(&ob, "w%d ", k)
		if k == n-10 {
			nb.WriteString("changé ")
		} else {
			fmt.Fprintf(&nb, "w%d ", k)
		}
	}
	old, new := ob.String(), nb.String()
	h := WordDiff(old, new)
	checkHunks(t, old, new, h)
	want := []Hunk{
		{OpEqual, old[:strings.Index(old, "w69990 ")]},
		{OpDelete, "w69990"},
		{OpInsert, "changé"},
		{OpEqual, old[strings.Index(old, "w69990 ")+len("w69990"):]},
	}
	if !reflect.DeepEqual(h, want) {
		ops := make([]Op, len(h))
		for k, x := range h {
			ops[k] = x.Op
		}
		t.Errorf("got hunks %v, want w69990 replaced alone", ops)
	}
}

// corpusArticles reads the articles of every markdown file of the corpus,
// one slice per file, in document order; it skips the test when the corpus
// is absent.
func corpusArticles(t testing.TB) [][]string {
	t.Helper()
	paths := corpus.Files(t, "raw/*/*.md")
	var out [][]string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var arts []string
		for _, a := range strings.Split(string(data), "\n#") {
			if a = strings.TrimSpace(a); a != "" {
				arts = append(arts, a)
			}
		}
		out = append(out, arts)
	}
	return out
}

// TestWordDiffCorpus checks the round trip on real text: consecutive
// articles of each document (unrelated texts), and random word edits of
// each article, where the diff must also keep most of the text equal.
func TestWordDiffCorpus(t *testing.T) {
	docs := corpusArticles(t)
	rng := rand.New(rand.NewPCG(1, 2))
	pairs := 0
	for _, arts := range docs {
		for k := 1; k < len(arts); k++ {
			h := WordDiff(arts[k-1], arts[k])
			checkHunks(t, arts[k-1], arts[k], h)
			pairs++
		}
		for _, a := range arts {
			if utf8.RuneCountInString(a) < 400 {
				continue
			}
			edited := randomEdits(rng, a, 3)
			h := WordDiff(a, edited)
			checkHunks(t, a, edited, h)
			if s := diffSimilarity(h); s < 0.8 {
				t.Errorf("three word edits of a %d-byte article keep only %.2f equal: %s", len(a), s, renderHunks(h))
			}
			pairs++
		}
	}
	if pairs == 0 {
		t.Fatal("corpus gave no pairs")
	}
}

// randomEdits deletes, replaces or inserts n words of s.
func randomEdits(rng *rand.Rand, s string, n int) string {
	toks := tokens(s)
	words := []string{"nouveau", "30 €", "1er janvier 2026", "L. 162-5", ",", " ", "\n\n", "médecin"}
	for range n {
		k := rng.IntN(len(toks))
		switch rng.IntN(3) {
		case 0:
			toks = append(toks[:k], toks[k+1:]...)
		case 1:
			toks[k] = words[rng.IntN(len(words))]
		default:
			toks = append(toks[:k], append([]string{words[rng.IntN(len(words))], " "}, toks[k:]...)...)
		}
	}
	return strings.Join(toks, "")
}

func TestDiffSimilarity(t *testing.T) {
	tests := []struct {
		h    []Hunk
		want float64
	}{
		{nil, 1},
		{[]Hunk{{OpEqual, "abcd"}}, 1},
		{[]Hunk{{OpDelete, "abcd"}}, 0},
		{[]Hunk{{OpEqual, "à "}, {OpDelete, "26,50 €"}, {OpInsert, "30 €"}}, 2.0 / 9},
		{[]Hunk{{OpEqual, "éé"}, {OpInsert, "éé"}}, 0.5},
	}
	for _, tt := range tests {
		if got := diffSimilarity(tt.h); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("DiffSimilarity(%q) = %v, want %v", tt.h, got, tt.want)
		}
	}
}

// benchClause builds about n bytes of clause-like French text.
func benchClause(n int) string {
	sentences := []string{
		"La consultation du médecin généraliste est valorisée à 26,50 € à compter du 1er janvier 2025. ",
		"Les dispositions de l'article L. 162-5 du code de la sécurité sociale s'appliquent aux médecins conventionnés. ",
		"Le taux de prise en charge est fixé à 13,2 % des honoraires, dans la limite de 1 234,56 € par an.\n\n",
		"Conformément à l'article 28.1, la caisse verse au médecin traitant une rémunération forfaitaire annuelle. ",
		"Les parties signataires conviennent de se réunir au plus tard le 30 avril 2023 pour examiner la situation. ",
	}
	var b strings.Builder
	for k := 0; b.Len() < n; k++ {
		b.WriteString(sentences[k%len(sentences)])
		if k%7 == 3 {
			b.WriteString("Article 2 bis. ")
		}
	}
	return b.String()
}

// benchEdit changes every step-th occurrence of "médecin".
func benchEdit(s string, step int) string {
	var b strings.Builder
	k := 0
	for {
		i := strings.Index(s, "médecin")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		if k%step == 0 {
			b.WriteString("praticien")
		} else {
			b.WriteString("médecin")
		}
		s = s[i+len("médecin"):]
		k++
	}
}

func BenchmarkWordDiffClause(b *testing.B) {
	old := benchClause(3000)
	new := strings.Replace(benchEdit(old, 3), "26,50 €", "30 €", 1)
	b.SetBytes(int64(len(old) + len(new)))
	for b.Loop() {
		WordDiff(old, new)
	}
}

func BenchmarkWordDiff1MB(b *testing.B) {
	old := benchClause(1 << 20)
	new := benchEdit(old, 500)
	b.SetBytes(int64(len(old) + len(new)))
	for b.Loop() {
		WordDiff(old, new)
	}
}

func BenchmarkTokens(b *testing.B) {
	s := benchClause(1 << 20)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		tokens(s)
	}
}

// TestWindowedWordDiffIsWhole checks the word diff made on the window
// around a change against the diff of the whole texts, for edits of every
// kind at random places of a long text, repeated edits included (where the
// cleanup slides a change over its neighbours).
func TestWindowedWordDiffIsWhole(t *testing.T) {
	base := synth.Base(4000, 7).Text + "\n\nla la la la la la la la la la la la la la.\n\n" + synth.Base(3000, 8).Text
	snippets := []string{" ", "\n", "\n\n", "la ", "la la ", "mot ", "30 €", "1er janvier 2025", "L. 162-5", ". ", "\u00a0", "é", "2"}
	r := rand.New(rand.NewPCG(9, 10))
	windowed := 0
	for trial := range 300 {
		new := base
		for range 1 + r.IntN(3) {
			at := r.IntN(len(new) + 1)
			for at < len(new) && !utf8.RuneStart(new[at]) {
				at++
			}
			if r.IntN(2) == 0 {
				new = new[:at] + snippets[r.IntN(len(snippets))] + new[at:]
				continue
			}
			end := at + r.IntN(6)
			for end < len(new) && !utf8.RuneStart(new[end]) {
				end++
			}
			new = new[:at] + new[min(end, len(new)):]
		}
		if new == base {
			continue
		}
		got, d := wordDiff(base, new)
		if d.headStandIn || d.tailStandIn {
			windowed++
		}
		want := newDiffer(base, new).run()
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d: windowed diff %v, whole diff %v", trial, got, want)
		}
	}
	if windowed < 100 {
		t.Errorf("only %d of 300 diffs used a window", windowed)
	}
}
