package clause

import (
	"strconv"
	"strings"
	"unicode"
)

// latinRank orders the Latin multiplicative adverbs that French legal texts
// use to insert articles between two numbers ("2 bis", "2 ter"…).
var latinRank = map[string]int{
	"bis": 2, "ter": 3, "quater": 4, "quinquies": 5, "sexies": 6,
	"septies": 7, "octies": 8, "nonies": 9, "novies": 9, "decies": 10,
	"undecies": 11, "duodecies": 12, "terdecies": 13, "quaterdecies": 14,
}

// latinByRank spells the adverbs in order, from rank 2 ("bis").
var latinByRank = [...]string{2: "bis", 3: "ter", 4: "quater", 5: "quinquies", 6: "sexies",
	7: "septies", 8: "octies", 9: "nonies", 10: "decies", 11: "undecies", 12: "duodecies",
	13: "terdecies", 14: "quaterdecies"}

// latinWord spells the Latin adverb of rank r ("ter" for 3).
func latinWord(r int) (string, bool) {
	if r < 2 || r >= len(latinByRank) {
		return "", false
	}
	return latinByRank[r], true
}

// latinWordRank returns the rank of a Latin insertion adverb ("bis" → 2), or 0
// when word is not one.
func latinWordRank(word string) int { return latinRank[strings.ToLower(word)] }

// roman parses an upper- or lower-case Roman numeral ("IV", "xii", and the
// French ordinal "Ier"); ok is false when s is not one.
func roman(s string) (n int, ok bool) {
	s = strings.ToUpper(s)
	s = strings.TrimSuffix(s, "ER")
	if s == "" || len(s) > 15 {
		return 0, false
	}
	val := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}
	prev := 0
	for i := len(s) - 1; i >= 0; i-- {
		v, isRoman := val[s[i]]
		if !isRoman {
			return 0, false
		}
		if v < prev {
			n -= v
		} else {
			n += v
			prev = v
		}
	}
	// Reject non-canonical spellings such as "IIII" or "VX" by round-trip.
	if toRoman(n) != s {
		return 0, false
	}
	return n, true
}

func toRoman(n int) string {
	if n <= 0 || n >= 4000 {
		return ""
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// numberTokens cuts a printed number into lower-case tokens: runs of digits
// and runs of letters, other characters being separators. "L. 162-5" gives
// [l 162 5]; "2 bis AA" gives [2 bis aa]; "L262-35" gives [l 262 35].
func numberTokens(number string) []string {
	var toks []string
	var cur []rune
	curDigit := false
	flush := func() {
		if len(cur) > 0 {
			toks = append(toks, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	for _, r := range number {
		switch {
		case unicode.IsDigit(r):
			if len(cur) > 0 && !curDigit {
				flush()
			}
			curDigit = true
			cur = append(cur, r)
		case unicode.IsLetter(r):
			if len(cur) > 0 && curDigit {
				flush()
			}
			curDigit = false
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return toks
}

// NormalizeNumber gives the canonical form of a printed number, used to
// match clauses across versions: "1er", "premier", "Ier" and "I" all give
// "1" (Roman numerals are read as numbers except where the token is a
// code-prefix letter such as the L of "L. 162-5"); separators collapse to
// "." so "28-1" and "28.1" agree.
func NormalizeNumber(number string) string {
	toks := numberTokens(number)
	if len(toks) > 2 && toks[0] == "l" && toks[1] == "o" {
		// "L. O. 136-4" is "LO 136-4", the organic part of a code.
		toks = append([]string{"lo"}, toks[2:]...)
	}
	for i, t := range toks {
		switch {
		case t == "premier" || t == "première" || t == "premiere" || t == "er":
			if t == "er" {
				toks[i] = ""
				continue
			}
			toks[i] = "1"
		case i == 0 && len(toks) > 1 && len(t) == 1 && isCodePrefix(t):
			// "L. 162-5", "R. 4127-1", "D. 162": the letter names a part
			// of a code, it is not a Roman numeral.
		case latinRank[t] > 0:
		default:
			// Only a number's first part is Roman ("IV", "II bis"):
			// capitals after it are a letter suffix ("1er C", "2 C"
			// between "2 B" and "2 D"), not a hundred.
			if n, ok := roman(t); ok && i == 0 {
				toks[i] = strconv.Itoa(n)
			} else if n, err := strconv.Atoi(t); err == nil {
				toks[i] = strconv.Itoa(n) // drop leading zeros
			}
		}
	}
	out := toks[:0]
	for _, t := range toks {
		if t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, ".")
}

func isCodePrefix(t string) bool { return t == "l" || t == "r" || t == "d" || t == "a" }

func isAllLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// NumberKey is the matching key of a clause of the given kind and printed
// number: "article:28.1", "title:2", "annex:4"; "" when number is "".
// The segmenter keys sub-kinds apart ("subtitle:", "subsection:") and
// tariff rows by their act code ("tariff:G").
func NumberKey(kind Kind, number string) string {
	n := NormalizeNumber(number)
	if n == "" {
		return ""
	}
	return string(kind) + ":" + n
}

// CompareNumbers orders two printed numbers as a reader of legal texts
// would: 2 < 2 bis < 2 ter < 2.1 < 3; L. 162-5 < L. 162-14; IV < X. It
// returns -1, 0 or +1.
func CompareNumbers(a, b string) int {
	ta := strings.Split(NormalizeNumber(a), ".")
	tb := strings.Split(NormalizeNumber(b), ".")
	for i := 0; i < len(ta) && i < len(tb); i++ {
		if c := compareToken(ta[i], tb[i]); c != 0 {
			return c
		}
	}
	switch {
	case len(ta) < len(tb):
		return -1
	case len(ta) > len(tb):
		return 1
	}
	return 0
}

// compareToken orders tokens: numbers numerically, Latin adverbs by rank
// and before sub-numbers (2 bis comes before 2.1), other words alphabetically.
func compareToken(a, b string) int {
	na, ea := strconv.Atoi(a)
	nb, eb := strconv.Atoi(b)
	switch {
	case ea == nil && eb == nil:
		return cmpInt(na, nb)
	case latinRank[a] > 0 && latinRank[b] > 0:
		return cmpInt(latinRank[a], latinRank[b])
	case latinRank[a] > 0 && eb == nil:
		return -1
	case ea == nil && latinRank[b] > 0:
		return 1
	}
	return strings.Compare(a, b)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
