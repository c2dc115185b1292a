package clause

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/frtext"
	"github.com/avenant-dev/avenant/internal/synth"
	"github.com/avenant-dev/avenant/reader"
)

func TestCanonical(t *testing.T) {
	same := [][2]string{
		{"La consultation  est\nvalorisée", "La consultation est valorisée"},
		{"  bord \t", "bord"},
		{"à 26,50\u00a0€", "à 26,50 €"},
		{"26,50\u202f€", "26,50 €"},
		{"l’article", "l'article"},
		{"l‘article lʼautre", "l'article l'autre"},
		{"« acte G »", "\"acte G\""},
		{"«\u00a0acte G\u00a0»", "“acte G”"},
		{"„acte‟", "\"acte\""},
		{"article 1 – objet", "article 1 - objet"},
		{"article 1 — objet", "article 1 - objet"},
		{"28‑1", "28-1"},
		{"−5", "-5"},
		{"etc…", "etc..."},
		{"article 5 : objet ; suite !", "article 5: objet; suite!"},
		{"13,2\u00a0%", "13,2%"},
		{"médecin", "me\u0301decin"},
		{"con\u00adven\u200btion", "convention"},
		{"con\u200cven\u200dti\u2060on\ufeff", "convention"},
		{"26,50 €", "26,5 €"},
		{"3,00 €", "3 €"},
		{"1.234,56 €", "1 234,56 €"},
		{"1 234", "1234"},
		{"5 %", "5,0 %"},
		// Accents on capitals.
		{"Conseil d'Etat", "Conseil d'État"},
		{"A défaut", "À défaut"},
		{"ECOLE ÉCOLE", "ECOLE ECOLE"},
		{"Ça", "Ca"},
		{"ÈRE Île Ôter Ûn", "ERE Ile Oter Un"},
		// The spelling reform of 1990.
		{"la règlementation", "la réglementation"},
		{"un évènement", "un événement"},
		// Spaces around dashes, and the stop of a subdivision's number.
		{"I. -Il est", "I. - Il est"},
		{"I.- Il est", "I. - Il est"},
		{"I.-Il est", "I. - Il est"},
		{"II. - Dans", "II - Dans"},
		{"a) - le", "a) -le"},
		// Spaces inside quotes, every quote style.
		{"les mots : \" Haute autorité \"", "les mots : « Haute autorité »"},
		{"les mots :\"Haute autorité\"", "les mots : “Haute autorité”"},
		{"le mot « acte »", "le mot \"acte\""},
		{"„acte‟ suit", "« acte » suit"},
		// List bullets.
		{"• les assurés\n• les caisses", "- les assurés\n- les caisses"},
		{"* les assurés", "– les assurés"},
		{"  · les assurés", "- les assurés"},
		// Code references.
		{"l'article L. O. 135-1", "l'article LO 135-1"},
		{"l'article L.O. 135-1", "l'article LO135-1"},
		{"l'article L. 162-5", "l'article L162-5"},
		{"l'article R.4127-1", "l'article R. 4127-1"},
		{"l'article D 162", "l'article D. 162"},
		// Numéro.
		{"loi n° 2004-192", "loi no 2004-192"},
		{"loi n° 2004-192", "loi N° 2004-192"},
		{"loi n°2004-192", "loi nº 2004-192"},
		// Non-breaking and thin spaces anywhere.
		{"le médecin traitant", "le médecin traitant"},
		// A subdivision printed only as removed holds no text.
		{"I. - Texte.\n\nII. - (Supprimé)\n\nIII. - Suite.", "I. - Texte.\n\nIII. - Suite."},
		{"1° Texte ;\n2° (Supprimés)\n3° Suite.", "1° Texte ;\n3° Suite."},
		{"« I bis. - (Supprimé) »\nFin.", "Fin."},
		{"II à IV. - (supprimés)\nFin.", "Fin."},
	}
	for _, p := range same {
		if a, b := Canonical(p[0]), Canonical(p[1]); a != b {
			t.Errorf("Canonical(%q) = %q, Canonical(%q) = %q; want equal", p[0], a, p[1], b)
		}
	}
	differ := [][2]string{
		{"a *b c", "a -b c"}, // a bullet only opens a line
		{"•les assurés", "-les assurés"},
		{"Le médecin", "le médecin"},
		{"26,50 €", "30 €"},
		{"cœur", "coeur"},
		{"l'article 5", "l'article 6"},
		{"peut", "doit"},
		{"26,50 €", "26,05 €"},
		{"28.1", "281"},
		{"a-b", "a b"},
		{"\"acte\"", "'acte'"},
		// Lower-case accents tell words apart.
		{"à défaut", "a défaut"},
		{"il a", "il à"},
		{"ou bien", "où bien"},
		{"dû", "du"},
		{"près", "prés"},
		{"complète", "complété"},
		{"l'État", "l'état"},
		// Punctuation that changes a sentence.
		{"les médecins qui exercent", "les médecins, qui exercent"},
		{"Il signe.", "Il signe ?"},
		// The letters of a code reference, the digits of a number.
		{"l'article L. 135", "l'article LO 135"},
		{"l'article L. 135", "l'article R. 135"},
		{"loi n° 2004-192", "loi n° 2004-193"},
		{"3.-2", "3-2"},
		// A subdivision that still has text, or a status that is no removal.
		{"I. - Texte.\n\nII. - Suite supprimée.", "I. - Texte."},
		{"I. - Texte.\n\nII. - (Nouveau)", "I. - Texte."},
		{"Le mot (supprimé)", "Le mot"},
	}
	for _, p := range differ {
		if a, b := Canonical(p[0]), Canonical(p[1]); a == b {
			t.Errorf("Canonical(%q) = Canonical(%q) = %q; want different", p[0], p[1], a)
		}
	}
	exact := map[string]string{
		"":       "",
		" \n\t ": "",
		"«\u00a0G\u00a0»\u00a0: 30\u00a0€…": "\"G\": 30€...",
		"a\n\nb": "a b",
	}
	for in, want := range exact {
		if got := Canonical(in); got != want {
			t.Errorf("Canonical(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCanonicalHeading(t *testing.T) {
	if a, b := CanonicalHeading("ARTICLE 1ER – Objet"), CanonicalHeading("Article  1er - objet"); a != b {
		t.Errorf("headings differing in case and dash: %q vs %q", a, b)
	}
	if a, b := CanonicalHeading("DISPOSITIONS GENERALES"), CanonicalHeading("Dispositions générales"); a != b {
		t.Errorf("headings differing in case and accents: %q vs %q", a, b)
	}
	if a, b := CanonicalHeading("Article 1er"), CanonicalHeading("Article 2"); a == b {
		t.Errorf("different headings fold to %q", a)
	}
}

// typoVariants are the typographic variants of the cosmetic rules, each a
// rewriting of a whole text.
var typoVariants = []struct {
	name string
	edit func(string) string
}{
	{"capitals without accents", strings.NewReplacer("É", "E", "À", "A", "Ç", "C", "È", "E", "Ê", "E", "Î", "I", "Ô", "O", "Ù", "U", "Â", "A").Replace},
	{"capitals with accents", func(s string) string {
		return replaceRe(`(?m)(^|\. )A `, "${1}À ")(replaceRe(`\bEtat\b`, "État")(s))
	}},
	{"dash glued after", strings.NewReplacer(" - ", " -").Replace},
	{"dash glued before", strings.NewReplacer(". - ", ".- ").Replace},
	{"subdivision dash without stop", replaceRe(`(?m)^([IVX]+)\. - `, "$1 - ")},
	{"en dashes", strings.NewReplacer(" - ", " – ").Replace},
	{"French quotes", func(s string) string { return requote(s, "«\u00a0", "\u00a0»") }},
	{"curly quotes", func(s string) string { return requote(s, "“", "”") }},
	{"spaced straight quotes", func(s string) string { return requote(s, "\" ", " \"") }},
	{"L. O. as LO", strings.NewReplacer("L. O. ", "LO ").Replace},
	{"LO as L. O.", strings.NewReplacer("LO ", "L. O. ").Replace},
	{"code references glued", replaceRe(`\bL\. (\d)`, "L.$1")},
	{"no for n°", strings.NewReplacer("n° ", "no ").Replace},
	{"N° for n°", strings.NewReplacer("n° ", "N° ").Replace},
	{"n° glued", replaceRe(`n° (\d)`, "n°$1")},
	{"premier for 1er in headings", replaceRe(`(?m)^((?:#+ )?(?:Article|ARTICLE|Chapitre|CHAPITRE|Titre|TITRE) )1er( \(|$)`, "${1}premier$2")},
	{"non-breaking and thin spaces", func(s string) string {
		s = strings.NewReplacer(" :", "\u00a0:", " ;", "\u202f;", " ?", "\u2009?", " »", "\u00a0»").Replace(s)
		n := 0
		return regexp.MustCompile(` `).ReplaceAllStringFunc(s, func(sp string) string {
			if n++; n%7 == 0 {
				return "\u00a0"
			}
			return sp
		})
	}},
}

// replaceRe is a rewriting by a regular expression.
func replaceRe(pattern, repl string) func(string) string {
	re := regexp.MustCompile(pattern)
	return func(s string) string { return re.ReplaceAllString(s, repl) }
}

// requote rewrites straight quotes: an opening one (at the start of a line
// or after a space or parenthesis) as open, any other as close.
func requote(s, open, close string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '"' {
			b.WriteByte(s[i])
			continue
		}
		if i == 0 || s[i-1] == '\n' || s[i-1] == ' ' || s[i-1] == '(' {
			b.WriteString(open)
		} else {
			b.WriteString(close)
		}
	}
	return b.String()
}

// cosmeticCorpus lists the real texts the typographic property runs on:
// the parliamentary steps (with their L. O., n°, quotes and dashes), the
// règlement and the code chapters. sample marks one step per bill and
// every other text: each variant alone is tried there, all of them
// together everywhere.
func cosmeticCorpus(t *testing.T) (files []string, sample map[string]bool) {
	steps := corpus.Files(t, "raw/lafabrique/*/steps/*.txt")
	md := corpus.Files(t, "raw/*/*.md")
	sample = map[string]bool{}
	lastStep := map[string]string{}
	for _, f := range append(steps, md...) {
		if st, err := os.Stat(f); err != nil || st.Size() < 200 { // the failed steps hold a title only
			continue
		}
		files = append(files, f)
		if strings.HasSuffix(f, ".md") {
			sample[f] = true
		} else {
			lastStep[filepath.Dir(f)] = f // Glob sorts: the final step wins
		}
	}
	for _, f := range lastStep {
		sample[f] = true
	}
	return files, sample
}

// TestCosmeticVariantsOfCorpus applies every typographic variant, one at a
// time and all together, throughout corpus texts read as avenant reads a
// file: the diff must have no substantive change. With -short, one step
// of each bill, all variants together.
func TestCosmeticVariantsOfCorpus(t *testing.T) {
	forCosmeticCorpus(t, func(t *testing.T, text string, sampled bool) {
		old := Parse(decoded(t, text))
		all := text
		for _, v := range typoVariants {
			all = v.edit(all)
		}
		variants := []struct {
			name string
			edit func(string) string
		}{{"all together", func(string) string { return all }}}
		if sampled && !testing.Short() {
			variants = append(variants, typoVariants...)
		}
		for _, v := range variants {
			d := Compare(old, Parse(decoded(t, v.edit(text))), CompareOptions{})
			if d.Differs() || d.Summary.Modified+d.Summary.Added+d.Summary.Removed+d.Summary.Split+d.Summary.Merged > 0 {
				t.Errorf("%s: substantive changes %+v: %q", v.name, d.Summary, firstOf(listed(d, false), 3))
			}
		}
	})
}

// forCosmeticCorpus runs fn on each text of cosmeticCorpus, as a subtest;
// with -short, on the sampled steps of the bills only.
func forCosmeticCorpus(t *testing.T, fn func(t *testing.T, text string, sampled bool)) {
	files, sample := cosmeticCorpus(t)
	for _, path := range files {
		if testing.Short() && (!sample[path] || strings.HasSuffix(path, ".md")) {
			continue
		}
		name := filepath.Base(filepath.Dir(filepath.Dir(path))) + "/" + filepath.Base(path)
		t.Run(name, func(t *testing.T) { fn(t, readCorpus(t, path), sample[path]) })
	}
}

// decoded is text as avenant reads it from a file (package reader).
func decoded(t *testing.T, text string) string {
	t.Helper()
	s, err := reader.Decode([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func firstOf(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// TestRealEditsOfCorpus makes one real edit in each corpus text: a lower-case
// "à" becoming "a", a digit, a word. Each is exactly one modification, of
// the article edited.
func TestRealEditsOfCorpus(t *testing.T) {
	edits := []struct {
		name     string
		find     *regexp.Regexp
		replace  string
		optional bool // texts without the pattern are skipped
	}{
		{"à becomes a", regexp.MustCompile(` à `), " a ", true},
		{"a digit", regexp.MustCompile(`\b(?:19|20)\d\d\b`), "2099", true},
		{"a word", regexp.MustCompile(` (?:les|des) `), " ces ", false},
	}
	forCosmeticCorpus(t, func(t *testing.T, text string, _ bool) {
		old := Parse(text)
		for _, e := range edits {
			at, key := editSite(old, text, e.find)
			if at < 0 {
				if !e.optional {
					t.Errorf("%s: no article to edit", e.name)
				}
				continue
			}
			loc := e.find.FindStringIndex(text[at:])
			edited := text[:at+loc[0]] + e.replace + text[at+loc[1]:]
			d := Compare(old, Parse(edited), CompareOptions{})
			s := d.Summary
			if s.Modified != 1 || s.Added+s.Removed+s.Split+s.Merged > 0 {
				t.Errorf("%s: %+v, want exactly one modification: %q", e.name, s, firstOf(listed(d, false), 4))
				continue
			}
			for _, c := range d.Changes {
				if c.Kind == Modified && d.New.Clauses[c.New[0]].Key != key {
					t.Errorf("%s: modified %s, want %s", e.name, d.New.Clauses[c.New[0]].Key, key)
				}
			}
		}
	})
}

// editSite finds where in text to make an edit matching find: inside the
// text of the first article that holds a match on a line of its own text,
// never in a heading. It returns the byte offset of that line in text and
// the article's key, or -1.
func editSite(d *Document, text string, find *regexp.Regexp) (int, string) {
	for _, c := range d.Clauses {
		if c.Kind != KindArticle || c.Key == "" {
			continue
		}
		for line := range strings.Lines(c.Text) {
			line = strings.TrimSuffix(line, "\n")
			if len(line) < 40 || !find.MatchString(line) {
				continue
			}
			if at := strings.Index(text, line); at >= 0 && strings.Count(text, line) == 1 {
				return at, c.Key
			}
		}
	}
	return -1, ""
}

// TestCosmeticallyEqualIsCanonicalEquality checks the windowed cosmetic
// check against Canonical on the whole texts, for edits of every kind
// (cosmetic and not, at line starts, inside words and numbers, next to
// the context the rules look at) made at random places of a long text.
func TestCosmeticallyEqualIsCanonicalEquality(t *testing.T) {
	base := synth.Base(3000, 3).Text +
		"\n\nIII. - (Supprimé)\n\n• point 1 234,50 € selon l'article L. 162-5 et la loi n° 2004-810.\n\n" +
		synth.Base(2000, 4).Text
	snippets := []string{"\u00a0", " ", "\n", "\n\n", "’", "'", "«\u00a0", "»", ",00", "0", ".", " 234", "L.", "L. O. ", "n°", "no ",
		"N°", "É", "E", "è", "é", "-", "–", " - ", "(Supprimé)", "III. - (Supprimé)\n", "• ", "* ", "…", "...", "\u00ad", "\u200c", "\u2060", "mot", "2"}
	r := rand.New(rand.NewPCG(5, 6))
	equal := 0
	for trial := range 400 {
		old := base
		if trial%3 == 0 {
			old = strings.Replace(base, "\n\n", "\n\n"+snippets[r.IntN(len(snippets))], 1+r.IntN(40))
		}
		new := old
		for range 1 + r.IntN(2) {
			at := r.IntN(len(new) + 1)
			for at < len(new) && !utf8.RuneStart(new[at]) {
				at++
			}
			switch r.IntN(3) {
			case 0: // insert
				new = new[:at] + snippets[r.IntN(len(snippets))] + new[at:]
			case 1: // delete a few bytes, whole runes
				end := at + r.IntN(4)
				for end < len(new) && !utf8.RuneStart(new[end]) {
					end++
				}
				new = new[:at] + new[min(end, len(new)):]
			default: // replace
				end := min(at+1, len(new))
				for end < len(new) && !utf8.RuneStart(new[end]) {
					end++
				}
				new = new[:at] + snippets[r.IntN(len(snippets))] + new[end:]
			}
		}
		want := Canonical(old) == Canonical(new)
		if want {
			equal++
		}
		if got := cosmeticallyEqual(old, new); got != want {
			p := commonPrefixLen(old, new)
			t.Fatalf("trial %d: cosmeticallyEqual = %v, whole texts say %v; first difference at %d: %q vs %q",
				trial, got, want, p, old[max(0, p-40):min(len(old), p+40)], new[max(0, p-40):min(len(new), p+40)])
		}
		if got := cosmeticallyEqualDiffed(old, new, WordDiff(old, new)); got != want {
			t.Fatalf("trial %d: cosmeticallyEqualDiffed = %v, whole texts say %v", trial, got, want)
		}
	}
	if equal < 20 || equal > 380 {
		t.Errorf("%d of 400 edits are cosmetic: the trials test one outcome only", equal)
	}
}

// The scan that writes code references one way does what the expression
// it replaced did (kept here as the statement of the rule), on crafted
// cases, on random strings of the characters that matter and on every
// line of the corpus.
func TestCanonicalCodeReferencesIsTheExpression(t *testing.T) {
	rule := regexp.MustCompile(`(^|[^\pL\pN])([LRD])\.? ?(?:(O)\.? ?)?(\d)`)
	sameAsRule(t, canonicalCodeReferences, func(s string) string { return rule.ReplaceAllString(s, "$1$2$3$4") },
		[]string{"", "L", "L.", "L. 1", "L.O. 12", "L. O. 135-1 et R. 4127", "LO 1", "ALD. 1", "éL. 2", "1L. 2",
			"(D. 3)", "L. O.x", "L. O 4", "L.. 5", "L  6", "R.\u00a07", "LR 8", "L.R. 9", "\xffL. 1", "L. OO 1"},
		[]string{"L", "R", "D", "O", ".", " ", "1", "a", "é", "-", "\xff"},
		func(line string) string { return line })
}

// The scan that drops subdivision stops does what the expression it
// replaced did; corpus lines are tried with their spaces gone, as
// Canonical glues the dashes.
func TestDropMarkerStopsIsTheExpression(t *testing.T) {
	rule := regexp.MustCompile(`([\pL\pN])\.-(\D|$)`)
	sameAsRule(t, dropMarkerStops, func(s string) string { return rule.ReplaceAllString(s, "$1-$2") },
		[]string{"", ".-", "I.-", "II.-A", "3.-2", "A.-B.-C", "é.-\n", "1.-.-x", "\xff.-a", "a.-\xff", "A.-é.-b", "a..-b"},
		[]string{"I", "é", "1", ".", "-", " ", "\n", "\xff", "²"},
		func(line string) string { return strings.ReplaceAll(line, " ", "") })
}

// sameAsRule checks that scan gives what rule gives on the crafted cases,
// on random strings of the alphabet and on every line of the corpus (made
// into an input by corpusInput).
func sameAsRule(t *testing.T, scan, rule func(string) string, cases, alphabet []string, corpusInput func(string) string) {
	t.Helper()
	check := func(s string) {
		t.Helper()
		if got, want := scan(s), rule(s); got != want {
			t.Fatalf("scan(%q) = %q, the rule gives %q", s, got, want)
		}
	}
	for _, s := range cases {
		check(s)
	}
	for s := range synth.Strings(1, alphabet, 12, 20000) {
		check(s)
	}
	for _, f := range corpus.Files(t, "raw/lafabrique/pjl16-580/steps/*.txt", "raw/*/*.md") {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(string(b)) {
			check(corpusInput(line))
		}
	}
}

// canonicalNumero copies the text only from its first "numéro" on; it
// writes what the byte by byte statement of the rule, kept here, writes.
func TestCanonicalNumeroIsTheRule(t *testing.T) {
	rule := func(s string) string {
		var b strings.Builder
		for i := 0; i < len(s); {
			n := numeroAt(s, i)
			if n == 0 {
				b.WriteByte(s[i])
				i++
				continue
			}
			b.WriteString("n°")
			i += n
			if i+1 < len(s) && s[i] == ' ' && isDigit(s[i+1]) {
				i++
			}
		}
		return b.String()
	}
	sameAsRule(t, canonicalNumero, rule,
		[]string{"", "n", "n° 12", "N°12", "no 3", "nº 4 et no 5", "un no 6", "n 7", "ano 8", "n° n° 9", "\xffno 1"},
		[]string{"n", "N", "o", "°", "º", " ", "1", "a", "é", ".", "\xff"},
		func(line string) string { return line })
}

// Canonical writes runs of plain ASCII at once; it gives what the rune by
// rune statement of its rules, kept here, gives.
func TestCanonicalIsTheRule(t *testing.T) {
	rule := func(s string) string {
		s = dropRemovedSubdivisions(norm.NFC.String(s))
		s = sameBullets(s)
		var b strings.Builder
		space, glueNext := false, false
		for _, r := range s {
			if isSpaceRune(r) {
				space = true
				continue
			}
			if frtext.Invisible(r) {
				continue
			}
			orig := r
			r = frtext.UnaccentCapital(frtext.Typography(r))
			glue := r == '"' || r == '-' || strings.ContainsRune(";:!?%€", orig)
			if space && b.Len() > 0 && !glueNext && !glue {
				b.WriteByte(' ')
			}
			space = false
			glueNext = r == '"' || r == '-'
			if r == '…' {
				b.WriteString("...")
				continue
			}
			b.WriteRune(r)
		}
		return frtext.ReformAccents(canonicalReferences(canonicalNumbers(b.String())))
	}
	sameAsRule(t, Canonical, rule,
		[]string{"", " a ", "« a »", "a ; b", "l`a", "I. - Il", "É…", "\xffa", "26,50 €", "- x\n- y", "L. 162-5"},
		[]string{"a", "A", "É", " ", "\n", "\u00a0", "\"", "«", "-", "–", ";", ":", "!", "?", "%", "€", "`", "'", "…", "\u00ad", "1", ",", ".", "L", "\xff", "è", "gle"},
		func(line string) string { return line })
}
