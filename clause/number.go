package clause

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// latinRank orders the Latin multiplicative adverbs that French legal texts
// use to insert articles between two numbers ("2 bis", "2 ter"…).
var latinRank = map[string]int{
	"bis": 2, "ter": 3, "quater": 4, "quinquies": 5, "sexies": 6,
	"septies": 7, "octies": 8, "nonies": 9, "novies": 9, "decies": 10,
	"undecies": 11, "duodecies": 12, "terdecies": 13, "quaterdecies": 14,
	// Long bills go further; the assemblies spell some ranks two ways.
	"quindecies": 15, "quinquiesdecies": 15, "sexdecies": 16, "sexiesdecies": 16,
	"septdecies": 17, "septiesdecies": 17, "octodecies": 18, "duodevicies": 18,
	"novodecies": 19, "undevicies": 19, "vicies": 20, "unvicies": 21, "duovicies": 22,
	"tervicies": 23, "quatervicies": 24, "quinvicies": 25, "quinquiesvicies": 25,
	"sexvicies": 26, "septvicies": 27, "octovicies": 28, "duodetricies": 28,
	"novovicies": 29, "undetricies": 29, "tricies": 30,
}

// latinByRank spells the adverbs in order, from rank 2 ("bis").
var latinByRank = [...]string{2: "bis", 3: "ter", 4: "quater", 5: "quinquies", 6: "sexies",
	7: "septies", 8: "octies", 9: "nonies", 10: "decies", 11: "undecies", 12: "duodecies",
	13: "terdecies", 14: "quaterdecies", 15: "quindecies", 16: "sexdecies", 17: "septdecies",
	18: "octodecies", 19: "novodecies", 20: "vicies", 21: "unvicies", 22: "duovicies", 23: "tervicies",
	24: "quatervicies", 25: "quinvicies", 26: "sexvicies", 27: "septvicies", 28: "octovicies",
	29: "novovicies", 30: "tricies"}

// latinWord spells the Latin adverb of rank r ("ter" for 3).
func latinWord(r int) (string, bool) {
	if r < 2 || r >= len(latinByRank) {
		return "", false
	}
	return latinByRank[r], true
}

// LatinPattern is an alternation of the Latin adverbs, longest first so
// that a regular expression takes "quaterdecies" whole, not its "quater":
// what reads a number in words of its own (an amending instruction's
// "l'article 2 undecies") reads every adverb a heading may carry. It is
// spelt on first use, by the patterns that hold it.
var LatinPattern = sync.OnceValue(func() string {
	words := make([]string, 0, len(latinRank))
	for w := range latinRank {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		if len(words[i]) != len(words[j]) {
			return len(words[i]) > len(words[j])
		}
		return words[i] < words[j]
	})
	return "(?:" + strings.Join(words, "|") + ")"
})

// latinWordRank returns the rank of a Latin insertion adverb ("bis" → 2), or 0
// when word is not one.
func latinWordRank(word string) int { return latinRank[strings.ToLower(word)] }

// roman parses an upper- or lower-case Roman numeral ("IV", "xii", and the
// French ordinal "Ier"); ok is false when s is not one.
func roman(s string) (n int, ok bool) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			// A few letters of other alphabets upper-case to Latin
			// ones: the dotless "ı" reads as an I.
			s = strings.ToUpper(s)
			break
		}
	}
	// Cases are folded byte by byte (c|0x20), which maps no other ASCII
	// byte onto the lower-case letters compared with.
	if k := len(s) - 2; k >= 0 && s[k]|0x20 == 'e' && s[k+1]|0x20 == 'r' {
		s = s[:k]
	}
	if s == "" || len(s) > 15 {
		return 0, false
	}
	prev := 0
	for i := len(s) - 1; i >= 0; i-- {
		v := romanDigit(s[i])
		if v == 0 {
			return 0, false
		}
		if v < prev {
			n -= v
		} else {
			n += v
			prev = v
		}
	}
	// Reject non-canonical spellings such as "IIII" or "VX": s must be
	// how n is written.
	var buf [15]byte
	canon := appendRoman(buf[:0], n)
	if len(canon) != len(s) {
		return 0, false
	}
	for i := range canon {
		if canon[i] != s[i]|0x20 {
			return 0, false
		}
	}
	return n, true
}

// romanDigit is the value of a Roman digit of either case, 0 for any other
// byte.
func romanDigit(c byte) int {
	switch c | 0x20 {
	case 'i':
		return 1
	case 'v':
		return 5
	case 'x':
		return 10
	case 'l':
		return 50
	case 'c':
		return 100
	case 'd':
		return 500
	case 'm':
		return 1000
	}
	return 0
}

var romanValues = [...]struct {
	v int
	s string
}{{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
	{50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}}

// appendRoman writes n in lower-case Roman numerals; nothing when n cannot
// be written so (0 or less, 4000 or more).
func appendRoman(dst []byte, n int) []byte {
	if n <= 0 || n >= 4000 {
		return dst
	}
	for _, rv := range romanValues {
		for n >= rv.v {
			dst = append(dst, rv.s...)
			n -= rv.v
		}
	}
	return dst
}

// numberToken is a token of a printed number, as bounds in the buffer that
// holds the tokens in lower case.
type numberToken struct{ start, end int }

// appendNumberTokens cuts a printed number into lower-case tokens: runs of
// digits and runs of letters, other characters being separators. "L.
// 162-5" gives [l 162 5]; "2 bis AA" gives [2 bis aa]; "L262-35" gives
// [l 262 35]. The tokens are appended to buf, one after the other, and
// their bounds to toks.
func appendNumberTokens(buf []byte, toks []numberToken, number string) ([]byte, []numberToken) {
	const (
		sep = iota
		digit
		letter
	)
	cur := sep
	start := len(buf)
	for i := 0; i < len(number); {
		c := number[i]
		kind, r, size := sep, rune(c), 1
		if c < utf8.RuneSelf {
			switch {
			case c >= '0' && c <= '9':
				kind = digit
			case c >= 'a' && c <= 'z':
				kind = letter
			case c >= 'A' && c <= 'Z':
				kind, r = letter, r+'a'-'A'
			}
		} else {
			r, size = utf8.DecodeRuneInString(number[i:])
			switch {
			case unicode.IsDigit(r):
				kind = digit
			case unicode.IsLetter(r):
				kind, r = letter, unicode.ToLower(r)
			}
		}
		i += size
		if kind != cur && len(buf) > start {
			toks = append(toks, numberToken{start, len(buf)})
			start = len(buf)
		}
		cur = kind
		if kind != sep {
			buf = utf8.AppendRune(buf, r)
		}
	}
	if len(buf) > start {
		toks = append(toks, numberToken{start, len(buf)})
	}
	return buf, toks
}

// numberTokens gives the tokens of appendNumberTokens as strings.
func numberTokens(number string) []string {
	buf, toks := appendNumberTokens(nil, nil, number)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = string(buf[t.start:t.end])
	}
	return out
}

// NormalizeNumber gives the canonical form of a printed number, used to
// match clauses across versions: "1er", "premier", "Ier" and "I" all give
// "1" (Roman numerals are read as numbers except where the token is a
// code-prefix letter such as the L of "L. 162-5"); separators collapse to
// "." so "28-1" and "28.1" agree.
func NormalizeNumber(number string) string {
	var buf [64]byte
	n := appendNormalNumber(buf[:0], number)
	if string(n) == number {
		return number // already canonical: no copy
	}
	return string(n)
}

// appendNormalNumber appends NormalizeNumber(number) to dst. Parse keys
// thousands of headings: the tokens are cut into a buffer on the stack.
func appendNormalNumber(dst []byte, number string) []byte {
	if canonicalDigits(number) {
		return append(dst, number...)
	}
	var tokBuf [64]byte
	var tokArr [8]numberToken
	buf, toks := appendNumberTokens(tokBuf[:0], tokArr[:0], number)
	tok := func(i int) string { return string(buf[toks[i].start:toks[i].end]) }
	if len(toks) > 2 && tok(0) == "l" && tok(1) == "o" {
		// "L. O. 136-4" is "LO 136-4", the organic part of a code: the
		// two letters lie side by side in buf.
		toks[1].start = toks[0].start
		toks = toks[1:]
	}
	start := len(dst)
	for i, tk := range toks {
		t := buf[tk.start:tk.end]
		if string(t) == "er" {
			continue // "1er"
		}
		if len(dst) > start {
			dst = append(dst, '.')
		}
		switch {
		case t[0] >= '0' && t[0] <= '9':
			// Leading zeros go; a run of digits too long for an int,
			// or holding digits of other scripts, stays as printed.
			if n, err := strconv.Atoi(string(t)); err == nil {
				dst = strconv.AppendInt(dst, int64(n), 10)
			} else {
				dst = append(dst, t...)
			}
		case string(t) == "premier" || string(t) == "première" || string(t) == "premiere":
			dst = append(dst, '1')
		case string(t) == "unique":
			// A bill of one article numbers it when a second is added:
			// the "Article unique" of one reading is the "Article 1er" of
			// the next.
			dst = append(dst, '1')
		case string(t) == "liminaire" || string(t) == "préliminaire" || string(t) == "preliminaire":
			dst = append(dst, '0') // before the first

		case i == 0 && len(toks) > 1 && len(t) == 1 && isCodePrefix(string(t)):
			// "L. 162-5", "R. 4127-1", "D. 162": the letter names a part
			// of a code, it is not a Roman numeral.
			dst = append(dst, t...)
		case latinRank[string(t)] > 0:
			dst = append(dst, t...)
		default:
			// Only a number's first part is Roman ("IV", "II bis"):
			// capitals after it are a letter suffix ("1er C", "2 C"
			// between "2 B" and "2 D"), not a hundred.
			if i == 0 {
				if n, ok := roman(string(t)); ok {
					dst = strconv.AppendInt(dst, int64(n), 10)
					continue
				}
			}
			dst = append(dst, t...)
		}
	}
	return dst
}

// canonicalDigits reports a number of digits only printed as
// NormalizeNumber gives it ("12", "28.1"), as most numbers are: runs of
// digits without leading zeros parted by dots. (A run too long for an int
// stays as printed too.)
func canonicalDigits(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			if run == 1 && s[i-1] == '0' {
				return false
			}
			run++
		case c == '.' && run > 0:
			run = 0
		default:
			return false
		}
	}
	return run > 0
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
	var buf [64]byte
	return string(appendNumberKey(buf[:0], string(kind), number))
}

// appendNumberKey appends prefix, ":" and NormalizeNumber(number) to dst;
// nothing when that number is "".
func appendNumberKey(dst []byte, prefix, number string) []byte {
	start := len(dst)
	dst = append(append(dst, prefix...), ':')
	if k := appendNormalNumber(dst, number); len(k) > len(dst) {
		return k
	}
	return dst[:start]
}

// keyNumber is the normalised number of a key: "28.1" of "article:28.1".
func keyNumber(key string) string {
	_, n, _ := strings.Cut(key, ":")
	return n
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
