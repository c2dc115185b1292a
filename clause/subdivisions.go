package clause

import (
	"strings"

	"github.com/avenant-dev/avenant/internal/lazyre"
)

// A reference may point into a part of an article ("au I de l'article 28",
// "le 2° de l'article L. 162-5", "au premier alinéa du II de l'article
// 3"): moving it from one part to another ("au II de l'article 28") points
// it elsewhere, a change of the reference as much as another article is.

// subdivisionPattern is one part of an article as texts cite it: a Roman
// numeral, a number with its degree sign, a letter and its bracket, an
// alinéa or a phrase by its ordinal, with bis, ter… after it.
const subdivisionPattern = `(?:[IVXL]+|\d+°|[a-z]\)|(?:premier|première|second|seconde|deuxième|troisième|quatrième|cinquième|sixième|septième|huitième|neuvième|dixième|dernier|dernière|avant-dernier|avant-dernière|\d+(?:er|re|e|ème)) (?:alinéa|phrase))(?: (?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies))?`

// subdivisionRe is a chain of parts, the outer last ("au a du 2° du I"),
// ending right before "de l'" and the article's keyword.
var subdivisionRe = lazyre.New(`(?:^|[ '])((?:` + subdivisionPattern + ` (?:du|de la) )*` + subdivisionPattern + `) de l'$`)

// subdivisionBefore reads the parts of an article cited right before its
// keyword at start in s: where they start, and as written.
func subdivisionBefore(s string, start int) (from int, sub string, ok bool) {
	if !strings.HasSuffix(s[:start], " de l'") {
		return 0, "", false
	}
	w := max(0, start-160)
	m := subdivisionRe.FindStringSubmatchIndex(s[w:start])
	if m == nil {
		return 0, "", false
	}
	return w + m[2], strings.Join(strings.Fields(s[w+m[2]:w+m[3]]), " "), true
}

// subdivisionKey is what a cited part is compared by: its ordinal as a
// number, so that "second alinéa" and "deuxième alinéa" are one part.
func subdivisionKey(sub string) string {
	ws := strings.Fields(sub)
	for k, w := range ws {
		if n, ok := ordinalNumbers[w]; ok {
			ws[k] = n
		} else if d := strings.TrimRight(w, "erèm"); d != w && isDigits(d) {
			ws[k] = d
		}
	}
	return strings.Join(ws, " ")
}

var ordinalNumbers = map[string]string{
	"premier": "1", "première": "1", "second": "2", "seconde": "2", "deuxième": "2", "troisième": "3",
	"quatrième": "4", "cinquième": "5", "sixième": "6", "septième": "7", "huitième": "8", "neuvième": "9",
	"dixième": "10", "dernière": "dernier", "avant-dernière": "avant-dernier",
}
