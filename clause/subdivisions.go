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
// numeral, in capitals or, below a letter, in lower case ("au ii du a du
// 2°"), a number with or without its degree sign ("le 1 du I", as the
// codes number inside their Roman parts), a letter with or without its
// bracket ("au a du 2°"), or an alinéa, a phrase, a paragraphe or a tiret by its ordinal, of any
// rank, in words or figures, or several by theirs ("des deuxième et
// troisième alinéas", "aux deuxième à dernier alinéas"), its words in any case, as a sentence may start
// with them, or by its number after its name ("l'alinéa 2", "le paragraphe II", "au point b)"), as
// conventions number theirs; with bis, ter… after it.
const subdivisionPattern = `(?:[IVXL]+|[ivxl]+|\d+°?|[a-z]\)?|(?i:(?:` + frtext.OrdinalPattern + `(?:, | et | à ))*` + frtext.OrdinalPattern +
	` (?:alinéa|phrase|paragraphe|tiret|point)s?)|(?i:alinéa|phrase|paragraphe|tiret|point) (?:\d+|[IVXL]+|[a-z]\)?))(?: (?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies))?`

// subdivisionRe is a chain of parts, the outer last ("au a du 2° du I"),
// ending right before "de l'" and the article's keyword. The part is
// written once, the expression kept small enough for Go's backtracker.
var subdivisionRe = lazyre.New(`(?:^|[ '])((?:` + subdivisionPattern + ` (?:du |de la |de l'$))+)$`)

// subdivisionBefore reads the parts of an article cited right before its
// keyword at start in s: where they start, and as written. match is
// subdivisionRe's FindStringSubmatchIndex, or a cache of it.
func subdivisionBefore(s string, start int, match func(string) []int) (from int, sub string, ok bool) {
	if !strings.HasSuffix(s[:start], " de l'") {
		return 0, "", false
	}
	// The expression, unanchored at its start, is tried from every byte
	// of its window: the window starts where the words that can make a
	// chain of parts do, a few words at most, most often none.
	w := partsStart(s, max(0, start-160), start-len(" de l'"))
	m := match(s[w:start])
	if m == nil {
		return 0, "", false
	}
	from, end := w+m[2], start-len(" de l'")
	for !citesPart(s, from) {
		// "il a du 2° de l'article": the verb is no part, the 2° is.
		next := -1
		for _, link := range []string{" du ", " de la "} {
			if k := strings.Index(s[from:end], link); k >= 0 && (next < 0 || from+k+len(link) < next) {
				next = from + k + len(link)
			}
		}
		if next < 0 {
			return 0, "", false
		}
		from = next
	}
	return from, strings.Join(strings.Fields(s[from:end]), " "), true
}

// citesPart reports whether the chain of parts at from in s opens with
// a part, not a word of the sentence shaped as one: a bare letter, a
// Roman numeral in lower case or a bare number ("a", "i", "1") is a part
// only after the article or preposition that cites it ("au a du 2°",
// "le i du a", "au 1 du I"); capitals, "2°", "a)" and ordinals are parts
// wherever they stand.
func citesPart(s string, from int) bool {
	first := s[from:]
	first = first[:strings.IndexByte(first, ' ')]
	if strings.Trim(first, "IVXL") == "" || strings.ContainsAny(first, "°)") || len(first) > 1 && !isDigits(first) && strings.Trim(first, "ivxl") != "" {
		return true
	}
	before := strings.TrimRight(s[:from], " ")
	word := strings.ToLower(before[strings.LastIndexAny(before, " '\n")+1:])
	switch word {
	case "au", "aux", "le", "les", "du", "des":
		return true
	}
	return false
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
// a comma after it, "alinéa", "phrase", "paragraphe", "tiret", a Latin
// rank, or "du", "de", "la", "et", "à" between two parts. It may let through
// more than the expression reads, never less.
func partWord(word string) bool {
	switch {
	case word == "":
		return false
	case strings.Trim(word, "IVXL") == "":
		return true
	case len(word) <= 2 && (len(word) == 1 || word[1] == ')'):
		return word[0] >= 'a' && word[0] <= 'z' || isDigits(word)
	case strings.Trim(word, "ivxl") == "":
		return true
	case strings.HasSuffix(word, "°"):
		return isDigits(strings.TrimSuffix(word, "°"))
	}
	w := strings.ToLower(strings.TrimSuffix(word, ","))
	switch {
	case isDigits(strings.TrimRight(w, "erèm")), strings.HasSuffix(w, "ième"), strings.HasSuffix(w, "ieme"):
		return true
	}
	switch strings.TrimSuffix(w, "s") {
	case "alinéa", "phrase", "paragraphe", "tiret", "point", "du", "de", "la", "et", "à":
		return true
	}
	if _, ok := frtext.Ordinal(w); ok {
		return true
	}
	return frtext.IsCardinalWord(w) || latinWordRank(w) > 0
}

// partNouns name the parts an article is cut into below its numbered
// subdivisions.
var partNouns = map[string]bool{"alinéa": true, "phrase": true, "paragraphe": true, "tiret": true, "point": true}

// ordinalJoin finds the ordinals that "et" joins ("vingt et unième"), to
// write them as one word, so that a chain of parts splits into words at
// its spaces.
var ordinalJoin = lazyre.New(`(?i)\b(vingt|trente|quarante|cinquante|soixante) et (un|onz)`)

// subdivisionKey is what a cited part is compared by: its ordinals as
// numbers, its words in lower case, so that "second alinéa", "deuxième
// alinéa" and "2e alinéa" are one part.
func subdivisionKey(sub string) string {
	if strings.Contains(sub, " et ") {
		sub = ordinalJoin.ReplaceAllString(sub, "$1-et-$2")
	}
	ws := strings.Fields(sub)
	for k := 1; k < len(ws); k++ {
		// "l'alinéa 2" is the "deuxième alinéa".
		if partNouns[strings.ToLower(ws[k-1])] && isDigits(ws[k]) {
			ws[k-1], ws[k] = ws[k]+"e", ws[k-1]
		}
	}
	for k, w := range ws {
		w = strings.TrimSuffix(w, ",")
		if n, ok := frtext.Ordinal(w); ok {
			ws[k] = strconv.Itoa(n)
		} else if strings.Trim(w, "IVXL") != "" {
			ws[k] = strings.ToLower(w)
		}
	}
	return strings.Join(ws, " ")
}
