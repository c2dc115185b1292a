package clause

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// tokens cuts s into the units a word diff works on: words, numbers,
// punctuation marks and runs of whitespace. Whitespace is kept as tokens so
// that strings.Join(tokens(s), "") == s for every s, valid UTF-8 or not.
//
// French legal writing spreads one unit of meaning over several words and
// signs; split, "26,50 €" → "30 €" would keep "€" as an equal piece and
// read as a change of the number alone. These are kept as one token:
//
//   - amounts and percentages: "26,50 €", "1 234,56 €", "27,50 F",
//     "30 euros", "13,2 %" (the inner space may be a normal, non-breaking
//     or narrow non-breaking space, one only);
//   - ordinals and numbers with a suffix: "1er", "2e", "1°", "10h30";
//   - dotted, hyphenated and slashed numbers: "28.1", "28-1", "L262-35",
//     "30/04/2023", "2008-1249";
//   - code references: "L. 162-5", "R. 4127-1", "L.162-5" (prefixes L, R,
//     D, A);
//   - Latin multiplicative suffixes: "2 bis", "L. 162-5 ter";
//   - dates: "1er janvier 2025", "30 avril 2023", "30 avril";
//   - "n°", and compounds joined by a hyphen: "peut-être", "sous-section".
//
// Elision splits after the apostrophe: "l'article" is "l'" + "article",
// because the article or pronoun changes independently of the noun
// ("l'article" → "les articles"). Only the elidable words split (l, d, j,
// m, n, s, t, c, qu, jusqu, lorsqu, puisqu, quoiqu, presqu); other
// apostrophes stay inside the word ("aujourd'hui", "prud'hommes").
//
// Every other rune that is neither a letter, a digit nor a space is a token
// on its own; so is every invalid UTF-8 byte.
func tokens(s string) []string {
	return appendTokens(make([]string, 0, len(s)/4+1), s, 0)
}

// appendTokens appends the tokens of s from byte i on.
func appendTokens(toks []string, s string, i int) []string {
	for i < len(s) {
		j := tokenEnd(s, i)
		toks = append(toks, s[i:j])
		i = j
	}
	return toks
}

// tokenEnd returns the end of the token that starts at s[i]; it always
// advances by at least one byte.
func tokenEnd(s string, i int) int {
	if c := s[i]; c < utf8.RuneSelf {
		// ASCII, most of a text: its class is one test away.
		switch {
		case isSpaceByte(c):
			return skipSpaces(s, i+1)
		case c >= '0' && c <= '9':
			return numberEnd(s, i)
		case wordByte[c] != 0:
			return wordEnd(s, i)
		}
		return i + 1
	}
	return runeTokenEnd(s, i)
}

// runeTokenEnd is tokenEnd read rune by rune, as any byte may be.
func runeTokenEnd(s string, i int) int {
	r, sz := runeAt(s, i)
	switch {
	case isSpaceRune(r):
		return skipSpaces(s, i+sz)
	case isDigitByte(r):
		return numberEnd(s, i)
	case isWordRune(r):
		return wordEnd(s, i)
	}
	return i + sz
}

// runeAt decodes the rune at s[i] with an ASCII fast path; an invalid byte
// comes back as utf8.RuneError of size 1.
func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isSpaceByte(byte(r))
	}
	return unicode.IsSpace(r)
}

func isDigitByte(r rune) bool { return r >= '0' && r <= '9' }

// isWordRune reports whether r belongs inside a word: letters, digits and
// combining marks (so that decomposed "é" stays in its word).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	if r == utf8.RuneError {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

func isHyphenRune(r rune) bool { return r == '-' || r == '\u2011' }

// wordRunAt returns the end of the run of word runes starting at s[i].
func wordRunAt(s string, i int) int {
	for i < len(s) {
		r, sz := runeAt(s, i)
		if !isWordRune(r) {
			break
		}
		i += sz
	}
	return i
}

// wordEnd scans a word starting with a letter.
func wordEnd(s string, start int) int {
	seg := start // start of the current hyphen-separated part
	j := start
	for j < len(s) {
		if c := s[j]; c < utf8.RuneSelf && wordByte[c] != 0 {
			j++ // ASCII letters and digits, most of a French text
			continue
		} else if c < utf8.RuneSelf && c != '-' && c != '\'' {
			break // neither hyphen nor apostrophe: the word ends here
		}
		r, sz := runeAt(s, j)
		if isWordRune(r) {
			j += sz
			continue
		}
		if j+sz >= len(s) {
			break
		}
		next, _ := runeAt(s, j+sz)
		if isHyphenRune(r) && isWordRune(next) {
			j += sz
			seg = j
			continue
		}
		if frtext.IsApostrophe(r) && isWordRune(next) && !isDigitByte(next) {
			if isElidable(s[seg:j]) {
				return j + sz
			}
			j += sz
			continue
		}
		break
	}
	if j < len(s) && (s[start:j] == "n" || s[start:j] == "N") {
		if r, sz := runeAt(s, j); r == '°' || r == 'º' {
			return j + sz
		}
	}
	if j-start == 1 && j+1 < len(s) && s[j] == '.' && isCodePrefix(strings.ToLower(s[start:j])) && s[start] <= 'Z' {
		k := skipHSpace(s, j+1)
		if k < len(s) && isDigitByte(rune(s[k])) {
			return numberEnd(s, k)
		}
	}
	if isDigitByte(rune(s[j-1])) {
		// "L262-35 bis": a reference written without a dot takes a suffix too.
		return extendNumber(s, j, false)
	}
	return j
}

// isElidable reports whether w, followed by an apostrophe, is an elided
// article, pronoun or conjunction that stands as a word of its own.
func isElidable(w string) bool {
	switch len(w) {
	case 1:
		switch w[0] | 0x20 {
		case 'l', 'd', 'j', 'm', 'n', 's', 't', 'c':
			return true
		}
	case 2:
		return strings.EqualFold(w, "qu")
	case 5:
		return strings.EqualFold(w, "jusqu")
	case 6:
		return strings.EqualFold(w, "lorsqu") || strings.EqualFold(w, "puisqu") ||
			strings.EqualFold(w, "quoiqu") || strings.EqualFold(w, "presqu")
	}
	return false
}

// skipHSpace skips exactly one horizontal space (normal, non-breaking,
// narrow non-breaking or thin) at s[i], if there is one.
func skipHSpace(s string, i int) int {
	if i >= len(s) {
		return i
	}
	if s[i] == ' ' {
		return i + 1
	}
	if r, sz := runeAt(s, i); r == '\u00a0' || r == '\u202f' || r == '\u2009' {
		return i + sz
	}
	return i
}

func digitsEnd(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// numberEnd scans a number starting with an ASCII digit, with its
// separators, suffix and unit.
func numberEnd(s string, start int) int {
	j := digitsEnd(s, start)
	plain := true
	if j-start <= 3 {
		// Thousands groups: "1 234 567"; each group exactly three digits.
		for {
			k := skipHSpace(s, j)
			if k == j || k+3 > len(s) || digitsEnd(s, k) != k+3 {
				break
			}
			j = k + 3
			plain = false
		}
	}
	for j+1 < len(s) {
		c := s[j]
		if (c == ',' || c == '.' || c == '-' || c == '/') && isDigitByte(rune(s[j+1])) {
			j = digitsEnd(s, j+1)
			plain = false
			continue
		}
		if r, sz := runeAt(s, j); r == '\u2011' && j+sz < len(s) && isDigitByte(rune(s[j+sz])) {
			j = digitsEnd(s, j+sz)
			plain = false
			continue
		}
		break
	}
	day := plain && j-start <= 2
	if j < len(s) {
		switch r, sz := runeAt(s, j); {
		case r == '°' || r == 'º':
			j += sz
			day = false
		case isWordRune(r):
			e := wordRunAt(s, j)
			suffix := s[j:e]
			day = day && (suffix == "er" || suffix == "re" || suffix == "ᵉʳ")
			j = e
		}
	}
	return extendNumber(s, j, day)
}

// extendNumber adds to the number ending at s[j] what belongs with it: a
// unit, a Latin suffix, or, for a day of the month, the month and year.
func extendNumber(s string, j int, day bool) int {
	k := skipHSpace(s, j)
	if k >= len(s) {
		return j
	}
	if s[k] == '%' {
		return k + 1
	}
	if strings.HasPrefix(s[k:], "€") {
		return k + len("€")
	}
	if k == j {
		return j
	}
	if r, _ := runeAt(s, k); !isWordRune(r) || isDigitByte(r) {
		return j
	}
	e := wordRunAt(s, k)
	w := s[k:e]
	if !mayExtendNumber(w) {
		return j
	}
	switch {
	case isUnitWord(w), isLatinSuffix(w):
		return e
	case day && isMonth(w):
		y := skipHSpace(s, e)
		if y > e && digitsEnd(s, y) == y+4 && !(y+5 < len(s) && (s[y+4] == ',' || s[y+4] == '.') && isDigitByte(rune(s[y+5]))) {
			return y + 4
		}
		return e
	}
	return j
}

// mayExtendNumber is false for a word that is neither a unit, a Latin
// suffix nor a month: most words after a number ("5 du code", "30 jours")
// are told at once in lower case rather than folded against each
// (strings.EqualFold). A word holding non-ASCII may fold onto an ASCII
// one ("ſexies"): it is left to the full tests.
func mayExtendNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return true
		}
	}
	var lower [len("quinquies")]byte
	if len(w) > len(lower) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	switch string(lower[:len(w)]) {
	case "f", "ff", "eur", "euros", "euro", "francs", "franc", "centimes", "centime",
		"bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "nonies", "novies", "decies",
		"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre":
		return true
	}
	return false
}

func isUnitWord(w string) bool {
	switch w {
	case "F", "FF", "EUR", "€":
		return true
	}
	for _, u := range [...]string{"euros", "euro", "francs", "franc", "centimes", "centime"} {
		if strings.EqualFold(w, u) {
			return true
		}
	}
	return false
}

func isLatinSuffix(w string) bool {
	for _, u := range [...]string{"bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "nonies", "novies", "decies"} {
		if strings.EqualFold(w, u) {
			return true
		}
	}
	return false
}

func isMonth(w string) bool {
	for _, m := range [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "fevrier", "aout", "decembre"} {
		if strings.EqualFold(w, m) {
			return true
		}
	}
	return false
}
