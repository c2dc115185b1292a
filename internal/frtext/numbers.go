package frtext

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// cardinalWords are the words a number in words is made of, each with its
// value; the rest is how they combine (Cardinal). "Vingts" and "cents"
// are the plurals of "quatre-vingts" and "deux cents"; "million" and
// "milliard" are nouns, but count as "mille" does ("deux millions
// d'euros"); "mil" is "mille" as dates once wrote it ("l'an mil neuf
// cent quatre-vingt-dix-huit").
var cardinalWords = map[string]int{
	"zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
	"huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
	"quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
	"cinquante": 50, "soixante": 60, "cent": 100, "cents": 100, "mille": 1000, "mil": 1000,
	"million": million, "millions": million, "milliard": milliard, "milliards": milliard,
}

const (
	million  = 1_000_000
	milliard = 1_000_000_000
)

// IsCardinalWord reports one word of a number in words ("quinze",
// "vingts", "une"), lower case.
func IsCardinalWord(w string) bool {
	_, ok := cardinalWords[w]
	return ok
}

// Cardinal reads a number in words given word by word, lower case, the
// hyphens and spaces between them dropped: "vingt-quatre", "soixante et
// onze", "quatre-vingt-dix", "deux cents", "mille deux cent vingt", the
// hundreds from eleven to nineteen ("dix-sept cents", 1700), "deux
// millions cinq cent mille". Words that make no number together ("deux
// trois", "vingt trente", "dix quatre", "et" elsewhere than "vingt et
// un", "million" alone or after "mille") give ok false, so that two
// numbers side by side are never read as their sum.
func Cardinal(ws []string) (int, bool) {
	if len(ws) == 0 {
		return 0, false
	}
	// big is what the millions and milliards read so far count, scale the
	// last of them; total, the thousands after them; group, the number
	// below a thousand being read; last, the value of the word it last
	// added, which decides what may follow: 0 at its start, 100 after
	// "cent".
	big, scale, total, group, last := 0, 0, 0, 0, 0
	for i, w := range ws {
		if w == "et" {
			if i == 0 || i+1 == len(ws) || last < 20 || last > 60 || last%10 != 0 || ws[i-1] == "et" ||
				ws[i+1] != "un" && ws[i+1] != "une" && ws[i+1] != "onze" {
				return 0, false
			}
			continue
		}
		v, ok := cardinalWords[w]
		switch {
		case !ok:
			return 0, false
		case v >= million:
			n := total + group
			if n == 0 || n >= 1000 || scale != 0 && v >= scale {
				return 0, false
			}
			big, scale, total, group, last = big+n*v, v, 0, 0, 0
		case v == 1000:
			if total > 0 {
				return 0, false
			}
			total, group, last = max(group, 1)*1000, 0, 0
		case v == 100 && total == 0 && big == 0 && group > 10 && group < 20 && last != 100:
			group, last = group*100, 100 // "dix-sept cents"
		case v == 100:
			if group >= 100 || last != 0 && group >= 10 {
				return 0, false
			}
			group, last = max(group, 1)*100, 100
		case v == 20 && last == 4 && group%100 == 4:
			group, last = group+80-4, 80 // "quatre-vingt"
		case !follows(last, v):
			return 0, false
		default:
			group, last = group+v, v
		}
	}
	return big + total + group, true
}

// follows reports whether a word of value v can come after one of value
// last in a number: a unit after a ten ("vingt-quatre"), up to nineteen
// after "soixante" and "quatre-vingt" ("soixante-dix-sept"), seven to
// nine after "dix" ("dix-huit"), anything below a hundred after "cent".
func follows(last, v int) bool {
	switch {
	case last == 0 || last == 100:
		return true
	case last == 10:
		return v >= 7 && v <= 9
	case last == 60 || last == 80:
		return v < 20
	case last >= 20 && last < 60:
		return v < 10
	}
	return false
}

// CardinalBefore reads the number in words that ends at end in s
// ("cinquante" before " euros", "vingt-quatre" before " mois"), its words
// joined by spaces or hyphens: where it starts and its value. Of words
// that make no number together the last that do are read: in "entre deux
// et trois mois" the number is "trois". ok is false when no number word
// ends there.
func CardinalBefore(s string, end int) (start, value int, ok bool) {
	var parts []string // right to left
	var starts []int
	for i := end; ; {
		ts := i
		for ts > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:ts])
			if !unicode.IsLetter(r) {
				break
			}
			ts -= n
		}
		w := strings.ToLower(s[ts:i])
		if _, num := cardinalWords[w]; !num && w != "et" {
			break
		}
		parts, starts = append(parts, w), append(starts, ts)
		if ts == 0 || (s[ts-1] != ' ' && s[ts-1] != '-') {
			break
		}
		i = ts - 1
	}
	slices.Reverse(parts)
	slices.Reverse(starts)
	for k := range parts {
		if v, ok := Cardinal(parts[k:]); ok {
			return starts[k], v, true
		}
	}
	return 0, 0, false
}

// maxCardinalWords is the most words CardinalAfter reads: "mil neuf
// cent quatre-vingt-dix-huit" is six, "deux millions cinq cent mille
// trois cent vingt" nine.
const maxCardinalWords = 10

// CardinalAfter reads the number in words that starts at start in s
// ("deux mille vingt-quatre" after "en "), its words joined by spaces or
// hyphens: where it ends and its value. Of words that make no number
// together the first that do are read: in "deux trois" the number is
// "deux". ok is false when no number word starts there.
func CardinalAfter(s string, start int) (end, value int, ok bool) {
	var parts []string
	var ends []int
	for i := start; len(parts) < maxCardinalWords; {
		te := i
		for te < len(s) {
			r, n := utf8.DecodeRuneInString(s[te:])
			if !unicode.IsLetter(r) {
				break
			}
			te += n
		}
		w := strings.ToLower(s[i:te])
		if _, num := cardinalWords[w]; !num && w != "et" {
			break
		}
		parts, ends = append(parts, w), append(ends, te)
		if te == len(s) || (s[te] != ' ' && s[te] != '-') {
			break
		}
		i = te + 1
	}
	for k := len(parts); k > 0; k-- {
		if v, ok := Cardinal(parts[:k]); ok {
			return ends[k-1], v, true
		}
	}
	return 0, 0, false
}

// cardinalPattern is the source of CardinalPattern.
func cardinalPattern() string {
	words := make([]string, 0, len(cardinalWords))
	for w := range cardinalWords {
		words = append(words, w)
	}
	// The longer first, so that an alternation tried in order reads
	// "vingts" whole rather than "vingt".
	slices.SortFunc(words, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	w := `(?:` + strings.Join(words, "|") + `)`
	return `(?:` + w + `(?:(?:-|\s+)(?:et(?:-|\s+))?` + w + `)*)`
}

// CardinalPattern is a regular expression, for Go's regexp, that matches
// a number in words as Cardinal reads them (and more: it does not check
// how they combine). It is spelt on first use, by the patterns that hold
// it: sorting the words cost every start 30 K instructions.
var CardinalPattern = sync.OnceValue(cardinalPattern)

// OrdinalPattern is a regular expression, for Go's regexp, that matches
// an ordinal as drafting writes it, in words or in figures ("premier",
// "1re", "seconde", "2e", "11ème", "vingt et unième", "dix-septième",
// "dernière", "avant-dernier"): whatever Ordinal reads, and a few words
// that it does not ("nième", "3nd"). It is kept small (about a hundred
// instructions), as the expressions that hold it twice must stay within
// what Go's regexp runs with its backtracker, several times faster than
// its general matcher on short windows.
const OrdinalPattern = `(?:(?:avant-)?derni[eè]re?|premi[eè]re?|second(?:e)?|\d+\s*(?:i?[eè]me|[eè]r?e?|re|ᵉ|nde?)|(?:(?:vingt|[a-z]+nte)(?: et |-et-)(?:un|onz)|[a-z]+(?:-[a-z]+)*)i[eè]me)`

// ordinalFolds are the spellings an ordinal may take beside the usual
// one: "è" unaccented, letters set as superscripts ("1ᵉʳ", "2ᵉ", "2ⁿᵈ").
var ordinalFolds = strings.NewReplacer("è", "e", "ᵉ", "e", "ʳ", "r", "ⁿ", "n", "ᵈ", "d")

// Ordinal returns the rank an ordinal names, in words or in figures: 1
// for "premier", "première", "1er", "1re"; 2 for "second", "deuxième",
// "2e", "2ème", "2nd"; any rank spelt as its number with "ième"
// ("onzième", "vingt et unième", "quatre-vingt-dixième"); counted from the
// end, -1 for "dernier" and -2 for "avant-dernier". ok is false when word
// is no ordinal.
func Ordinal(word string) (int, bool) {
	w := strings.ToLower(strings.TrimSpace(word))
	if strings.ContainsAny(w, "èᵉʳⁿᵈ") {
		w = ordinalFolds.Replace(w)
	}
	switch w {
	case "premier", "premiere", "1er", "1re", "1ere":
		return 1, true
	case "second", "seconde", "2nd", "2nde":
		return 2, true
	case "dernier", "derniere":
		return -1, true
	case "avant-dernier", "avant-derniere":
		return -2, true
	}
	if d := len(w) - len(strings.TrimLeft(w, "0123456789")); d > 0 {
		n := 0
		for _, c := range w[:d] {
			n = n*10 + int(c-'0')
			if n > 1e6 {
				return 0, false
			}
		}
		switch strings.TrimSpace(w[d:]) {
		case "e", "eme", "ieme":
			return n, n > 0
		}
		return 0, false
	}
	stem, ok := strings.CutSuffix(w, "ieme")
	if !ok {
		return 0, false
	}
	ws := strings.FieldsFunc(stem, func(r rune) bool { return r == ' ' || r == '-' })
	if len(ws) == 0 {
		return 0, false
	}
	// The number's last word loses its final "e" before "ième", and
	// "cinq" and "neuf" change: "quatrième", "cinquième", "neuvième".
	last := &ws[len(ws)-1]
	switch *last {
	case "cinqu":
		*last = "cinq"
	case "neuv":
		*last = "neuf"
	case "un", "une":
		if len(ws) == 1 {
			return 0, false // "unième" ends a number only: "vingt et unième"
		}
	default:
		if _, ok := cardinalWords[*last]; !ok {
			*last += "e"
		}
	}
	n, ok := Cardinal(ws)
	return n, ok && n > 0
}
