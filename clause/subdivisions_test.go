package clause

import (
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/internal/corpus"
)

// The expression runs from where the words that can make parts start
// (partsStart), not over its whole window: it must find there what it
// finds over the whole window, in the crafted citations and at every
// place of the real texts that cites after " de l'".
func TestSubdivisionWindowKeepsMatches(t *testing.T) {
	texts := []string{
		"au I de l'article 28", "le 2° de l'article L. 162-5", "au a) du 2° du I de l'article 3",
		"au premier alinéa du II de l'article 3", "à la dernière phrase du 3° bis de l'article 12",
		"au 1er alinéa de l'article 4", "l'I de l'article 5", "les dispositions de l'article 6",
		"au XIV de l'article 7", "au b) de l'article 8", "du 12° de l'article 9",
		"au onzième alinéa de l'article 10", "à la deuxième phrase du vingt et unième alinéa de l'article 11",
		"au soixante-et-onzième alinéa de l'article 12", "à la 2nde phrase du 11ème alinéa de l'article 13",
		"au quatre-vingt-dix-neuvième alinéa de l'article 14", "le troisième et le quatrième alinéa de l'article 15",
		"des deuxième, troisième et quatrième alinéas de l'article 16", "Premier alinéa de l'article 17",
		"au premier tiret du 2° du deuxième paragraphe de l'article 18", "aux deuxième à dernier alinéas de l'article 19",
		"au iii du a du 2° de l'article 20", "le 1 du I de l'article 21", "la caisse a du 2° de l'article 22",
		"à l'alinéa 2 de l'article 23", "au point b) du paragraphe II de l'article 24",
	}
	if dir := corpus.Optional(t); dir != "" {
		texts = append(texts, corpus.Read(t, "raw/*/*.md", "raw/lafabrique/*/steps/*.txt")...)
	}
	found := 0
	for _, s := range texts {
		for i := 0; ; {
			k := strings.Index(s[i:], " de l'")
			if k < 0 {
				break
			}
			start := i + k + len(" de l'")
			i = start
			w := max(0, start-160)
			whole := subdivisionRe.FindStringSubmatchIndex(s[w:start])
			from := partsStart(s, w, start-len(" de l'"))
			narrow := subdivisionRe.FindStringSubmatchIndex(s[from:start])
			if whole == nil && narrow == nil {
				continue
			}
			found++
			if whole == nil || narrow == nil || w+whole[2] != from+narrow[2] {
				t.Errorf("%q: the part found over the whole window (%v) is not the one found from %d (%v)", s[w:start], whole, from-w, narrow)
			}
		}
	}
	if found < 10 {
		t.Fatalf("the expression found %d parts: the test proves nothing", found)
	}
}
