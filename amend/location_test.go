package amend

import (
	"slices"
	"testing"

	"github.com/avenant-dev/avenant/internal/synth"
)

// articlesNamed tries locArticles only where "article" starts a word: it
// must find what the expression finds in the whole text, on crafted
// cases, random strings of the words that matter and the normalised frame
// of every clause of the demo's texts and of the bills.
func TestArticlesNamedIsFindAll(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := articlesNamed(s), locArticles.FindAllStringSubmatch(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("articlesNamed(%q) = %q, the expression finds %q", s, got, want)
		}
	}
	for _, s := range []string{
		"", "article 12", "l'article 12", "Les articles 3, 4 et 5", "xarticle 12", "_article 12", "éarticle 12",
		"article 12 article 13", "article article 12", "articles 12 à 14 du code civil, et article 3",
		"l'ARTICLE L. 162-5 du code de la sécurité sociale ¦ article 4", "article 12bis", "article",
	} {
		check(s)
	}
	alphabet := []string{"article", "Articles", "ARTICLE", " ", "12", "3.1", "L.", " bis", " du code", " civil", ",", " et ", " à ", "¦", "x", "é", "'", "_", "er"}
	for s := range synth.Strings(33, alphabet, 10, 50000) {
		check(s)
	}
	for _, text := range demoAndCorpus(t, "raw/lafabrique/*/steps/*.txt") {
		for _, c := range decodeDoc(t, []byte(text)).Clauses {
			if frame, _, err := splitQuotes(c.Text); err == nil {
				check(normalizeFrame(frame))
			}
		}
	}
}

// A message names a rank as English writes it: the 21st alinéa, not the
// 21th.
func TestOrdinalName(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th",
		21: "21st", 22: "22nd", 23: "23rd", 101: "101st", 111: "111th", -1: "last", -2: "last but one", -3: "3rd from the end"} {
		if got := ordinalName(n); got != want {
			t.Errorf("ordinalName(%d) = %q, want %q", n, got, want)
		}
	}
}
