package amend

import (
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/avenant-dev/avenant/fixtures"
	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/synth"
)

// instructingForms are the patterns instructs tries.
func instructingForms() []*lazyRegexp {
	forms := []*lazyRegexp{leadIn, renumberForm, pointRenumberForm}
	for _, f := range opForms {
		forms = append(forms, f.re)
	}
	return forms
}

// Every form instructs tries has, in its prefilter, a clause that only a
// text mayInstruct lets through can meet: each of the clause's words holds
// a stem, or the clause is the opening of a placeholder (a quotation was
// set aside), or, for the lead-in alone, the colon its pattern anchors at
// the end of the frame.
func TestGateCoversForms(t *testing.T) {
	covered := func(l *lazyRegexp, c []string) bool {
		if len(c) == 1 && c[0] == string(quoteOpen) {
			return true
		}
		for _, w := range c {
			if w == ":" && l == leadIn {
				continue
			}
			if !holdsStem(w) {
				return false
			}
		}
		return true
	}
	for _, l := range instructingForms() {
		p := prefilterFor(l.String())
		ok := false
		for _, c := range p {
			ok = ok || covered(l, c)
		}
		if !ok {
			t.Errorf("%.70s: no clause of its prefilter %q needs a stem or a quotation", l, p)
		}
	}
}

func holdsStem(folded string) bool {
	for _, s := range instructionStems {
		if strings.Contains(folded, foldCase(s)) {
			return true
		}
	}
	return false
}

// The stems are matched ignoring ASCII case only: each of their letters
// must fold, as a case-insensitive pattern folds it, to its two ASCII
// cases and nothing else.
func TestStemsFoldAsASCII(t *testing.T) {
	for _, s := range instructionStems {
		for _, r := range s {
			orbit := []rune{r}
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				orbit = append(orbit, f)
			}
			if len(orbit) != 2 || orbit[1] != unicode.ToUpper(r) || r >= unicode.MaxASCII {
				t.Errorf("stem %q: %q folds to %q", s, r, orbit)
			}
		}
	}
}

func TestMayInstruct(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Le contrat est conclu pour une durée de trois ans.", false},
		{"Les dispositions de l'article 12 s'appliquent.", false},
		{"L'article 12 est ainsi MODIFIÉ :", true},
		{"L'article 12 devient l'article 13.", true},
		{"L'article 12 est ABROGÉ.", true},
		{"La ligne IK est ſupprimée.", true},
		{"Au 2° de l'article 12, le mot « peut » par « doit ».", true},
		{"Le mot “peut” par “doit”.", true},
		{`Le mot "peut" par "doit".`, true},
		{"rem\x02placé", true},
		{"L'article 12 :", true},
		{"L'article 12 :\u00a0.\n", true},
		{"L'article 12 : voir plus loin.", false},
		{"", false},
	} {
		if got := mayInstruct(tc.text); got != tc.want {
			t.Errorf("mayInstruct(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// mayInstruct never rules out a text in which instructs finds a form, as
// Amends reads it: over every clause and every line of the demo's texts
// and of the corpus (the bills are full of instructions), each also with
// its quotation marks taken out so that the forms that quote nothing are
// put to the test, and over random texts made of the forms' words.
func TestGateLetsInstructionsThrough(t *testing.T) {
	texts := demoAndCorpus(t, "raw/lafabrique/*/steps/*.txt", "raw/*/*.md", "seeds/*.txt")
	unquote := strings.NewReplacer("«", "", "»", "", "“", "", "”", "", `"`, "")
	var probes []string
	for _, text := range texts {
		doc := decodeDoc(t, []byte(text))
		for _, c := range doc.Clauses {
			probes = append(probes, c.Text, unquote.Replace(c.Text))
			for line := range strings.Lines(c.Text) {
				probes = append(probes, line, unquote.Replace(line))
			}
		}
	}
	alphabet := []string{
		"L'article 12", " l'article 13", " est", " sont", " ainsi", " modifié", " MODIFIÉE", " Modifiés",
		" apportées les modifications suivantes", " :", ":", ".", " ", "\n", "\u00a0", "«", "»", "“", "”",
		`"`, " devient", " Deviennent", " remplacée par l'annexe 1 du présent avenant", " abrogé", " ABROGÉES",
		" ſupprimée", "supprimer", " Supprimer", "\x01", "\x02", "0", " le mot", " par", " et", " rédigé", "é",
	}
	for s := range synth.Strings(15, alphabet, 10, 50000) {
		probes = append(probes, s)
	}
	accepted, unquoted := 0, 0
	for _, p := range probes {
		frame, _, err := splitQuotes(p)
		if err != nil || !instructs(foldText(normalizeFrame(frame)), (*lazyRegexp).matches) {
			continue
		}
		accepted++
		if !strings.ContainsAny(p, "«“\"\x01\x02") {
			unquoted++
		}
		if !mayInstruct(p) {
			t.Errorf("mayInstruct rules out %q, which instructs reads", p)
		}
	}
	if unquoted < 100 {
		t.Fatalf("%d of %d probes instruct, %d without a quotation: too few to tell", accepted, len(probes), unquoted)
	}
	t.Logf("%d of %d probes instruct, %d without a quotation", accepted, len(probes), unquoted)
}

// demoAndCorpus are the demo's texts and, with the corpus there, the
// corpus files matching the patterns.
func demoAndCorpus(t *testing.T, patterns ...string) []string {
	var texts []string
	entries, err := fixtures.FS.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if b, err := fixtures.FS.ReadFile(e.Name()); err == nil && strings.HasSuffix(e.Name(), ".md") {
			texts = append(texts, string(b))
		}
	}
	if corpus.Optional(t) != "" {
		for _, path := range corpus.Files(t, patterns...) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	return texts
}
