package clause

import (
	"strconv"
	"strings"

	"github.com/avenant-dev/avenant/internal/frtext"
	"github.com/avenant-dev/avenant/internal/lazyre"
)

// A reference may point into a part of an article ("au I de l'article 28",
// "le 2° de l'article L. 162-5", "au premier alinéa du II de l'article
// 3"): moving it from one part to another ("au II de l'article 28") points
// it elsewhere, a change of the reference as much as another article is.

// subdivisionPattern is one part of an article as texts cite it: a Roman
// numeral, a number with its degree sign, a letter and its bracket, an
// alinéa or a phrase by its ordinal (any rank, in words or figures), with
// bis, ter… after it.
const subdivisionPattern = `(?:[IVXL]+|\d+°|[a-z]\)|` + frtext.OrdinalPattern + ` (?:alinéa|phrase))(?: (?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies))?`

// subdivisionRe is a chain of parts, the outer last ("au a du 2° du I"),
// ending right before "de l'" and the article's keyword.
var subdivisionRe = lazyre.New(`(?:^|[ '])((?:` + subdivisionPattern + ` (?:du|de la) )*` + subdivisionPattern + `) de l'$`)

// subdivisionBefore reads the parts of an article cited right before its
// keyword at start in s: where they start, and as written.
func subdivisionBefore(s string, start int) (from int, sub string, ok bool) {
	if !strings.HasSuffix(s[:start], " de l'") {
		return 0, "", false
	}
	// The expression, unanchored at its start, is tried from every byte
	// of its window: the window starts where the words that can make a
	// chain of parts do, a few words at most, most often none.
	w := partsStart(s, max(0, start-160), start-len(" de l'"))
	m := subdivisionRe.FindStringSubmatchIndex(s[w:start])
	if m == nil {
		return 0, "", false
	}
	return w + m[2], strings.Join(strings.Fields(s[w+m[2]:w+m[3]]), " "), true
}

// partsStart returns where the run of words that can make parts
// (subdivisionPattern and the "du", "de la" between them), single spaces
// apart, ends at end, no earlier than w: a chain of parts ending at end
// starts there or later, after a space, an apostrophe or w.
func partsStart(s string, w, end int) int {
	from := end
	for from > w {
		k := max(w, strings.LastIndexAny(s[:from], " '")+1)
		if !partWord(s[k:from]) {
			break
		}
		if k == w || s[k-1] == '\'' {
			return k
		}
		from = k - 1 // the space: the word before ends there
	}
	if from < end {
		return from + 1 // after the space that ends the last word read
	}
	return end
}

// partWord reports whether word can be one of a chain of parts: a Roman
// numeral, "2°", "a)", an ordinal or a word of one ("vingt et unième"),
// "alinéa", "phrase", a Latin rank, or "du", "de", "la" between two
// parts. It may let through more than the expression reads, never less.
func partWord(word string) bool {
	switch {
	case word == "":
		return false
	case strings.Trim(word, "IVXL") == "":
		return true
	case len(word) == 2 && word[1] == ')':
		return word[0] >= 'a' && word[0] <= 'z'
	case strings.HasSuffix(word, "°"):
		return isDigits(strings.TrimSuffix(word, "°"))
	case isDigits(strings.TrimRight(word, "erèm")), strings.HasSuffix(word, "ième"), strings.HasSuffix(word, "ieme"):
		return true
	}
	switch word {
	case "alinéa", "phrase", "du", "de", "la", "et":
		return true
	}
	if _, ok := frtext.Ordinal(word); ok {
		return true
	}
	return frtext.IsCardinalWord(word) || latinWordRank(word) > 0
}

// ordinalJoins write as one word the ordinals that "et" joins, so that a
// chain of parts splits into words at its spaces.
var ordinalJoins = strings.NewReplacer(" et un", "-et-un", " et onz", "-et-onz")

// subdivisionKey is what a cited part is compared by: its ordinal as a
// number, so that "second alinéa", "deuxième alinéa" and "2e alinéa" are
// one part.
func subdivisionKey(sub string) string {
	ws := strings.Fields(ordinalJoins.Replace(sub))
	for k, w := range ws {
		if n, ok := frtext.Ordinal(w); ok {
			ws[k] = strconv.Itoa(n)
		}
	}
	return strings.Join(ws, " ")
}
