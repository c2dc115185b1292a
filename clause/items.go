package clause

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// itemStart reports whether a line opens a numbered or bulleted point, and
// its number ("" for a bullet): "- ", "• ", "* ", "1. ", "1)", "1°", "a)",
// "IV. ", "- 1 Revaloriser…", "1 Revaloriser…".
func itemStart(s string) (num string, ok bool) {
	if s == "" {
		return "", false
	}
	c := s[0]
	if c == '-' || c == '*' {
		if len(s) > 1 && s[1] != ' ' && s[1] != '\t' {
			return "", false
		}
		return bulletNumber(s[1:]), true
	}
	if c >= 0x80 {
		r, size := utf8.DecodeRuneInString(s)
		switch r {
		case '•', '–', '—', '·', '▪', '◦', '●', '■', '►', '\uf0b7', '\uf0a7': // bullets; the last two come from the Symbol and Wingdings fonts
			if len(s) > size && s[size] != ' ' && s[size] != '\t' {
				return "", false
			}
			return bulletNumber(s[size:]), true
		}
		return "", false
	}
	if n, ok := pointNumber(s, true); ok {
		return n, true
	}
	return "", false
}

// bulletNumber finds a number right after a bullet ("- 1 Revaloriser",
// "- 5 **Valoriser"): after a bullet, markdown emphasis may stand between
// the number and the capital that shows it is not a quantity ("- 3 mois").
func bulletNumber(s string) string {
	s = strings.TrimLeft(s, " \t")
	if n, ok := pointNumber(s, true); ok {
		return n
	}
	k := skipDigits(s, 0)
	if k == 0 || k > 2 || k == len(s) || s[k] != ' ' {
		return ""
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[k+1:], "*_"))
	if unicode.IsUpper(r) {
		return s[:k]
	}
	return ""
}

// pointNumber reads the number of a point at the start of s: "1.", "1)",
// "1°", "a)", "IV.", "IV)", or, when bare is set, "1" followed by a
// capitalised word.
func pointNumber(s string, bare bool) (string, bool) {
	k := 0
	for k < len(s) && k < 4 && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k > 0 && k <= 3 {
		rest := s[k:]
		switch {
		case strings.HasPrefix(rest, "°"), strings.HasPrefix(rest, "º"):
			return s[:k+len("°")], true
		case strings.HasPrefix(rest, ". "), strings.HasPrefix(rest, ") "), rest == ".", rest == ")":
			return s[:k], true
		case bare && k <= 2 && strings.HasPrefix(rest, " "):
			r, _ := utf8.DecodeRuneInString(rest[1:])
			if unicode.IsUpper(r) {
				return s[:k], true
			}
		}
		return "", false
	}
	if len(s) >= 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] == ')' && (len(s) == 2 || s[2] == ' ') {
		return s[:1], true
	}
	// Roman points use I, V and X only: "M. Dupont" is not point 1000.
	for k < len(s) && k < 8 && strings.IndexByte("IVX", s[k]) >= 0 {
		k++
	}
	if k > 0 && k < len(s) && (s[k] == '.' || s[k] == ')') && (k+1 == len(s) || s[k+1] == ' ') {
		if _, ok := roman(s[:k]); ok {
			return s[:k], true
		}
	}
	return "", false
}
