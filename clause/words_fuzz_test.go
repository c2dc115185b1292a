package clause

import (
	"strings"
	"testing"
)

var fuzzSeeds = [][2]string{
	{"", ""},
	{"La consultation est valorisée à 26,50 €.", "La consultation est valorisée à 30 €."},
	{"l'article L. 162-5 du code", "les articles L. 162-5 et R. 4127-1 du code"},
	{"au 1er janvier 2025, 13,2 %", "au 30 avril 2023, 13,2\u00a0%"},
	{"1 234,56 € et 27,50 F", "1 234,57 € et 27,50 F"},
	{"« a »\n\nb", "“a”\n\n\nb"},
	{"a\xffb\xc3", "\xc3a\xff"},
	{"2 bis 28.1 28-1 30/04/2023", "2 ter 28.2 28-1 01/05/2023"},
	{"x x x x", "x y x y x"},
}

func FuzzWordDiff(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, old, new string) {
		checkHunks(t, old, new, WordDiff(old, new))
	})
}

func FuzzTokens(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[0])
		f.Add(s[1])
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := tokens(s)
		for k, tok := range toks {
			if tok == "" {
				t.Fatalf("token %d of %q is empty", k, s)
			}
		}
		if j := strings.Join(toks, ""); j != s {
			t.Fatalf("Tokens(%q) joined = %q", s, j)
		}
	})
}
