package amend

import (
	"strconv"
	"strings"
)

// ordinalStems maps the stem of an ordinal in words ("troisième" less
// "ième") to its rank.
var ordinalStems = map[string]int{
	"deux": 2, "trois": 3, "quatr": 4, "cinqu": 5, "six": 6, "sept": 7, "huit": 8,
	"neuv": 9, "dix": 10, "onz": 11, "douz": 12, "treiz": 13, "quatorz": 14,
	"quinz": 15, "seiz": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuv": 19, "vingt": 20,
	"vingt et un": 21, "vingt-deux": 22, "vingt-trois": 23, "vingt-quatr": 24, "vingt-cinqu": 25,
}

// ordinalPattern matches an ordinal as drafting writes it, in words or in
// figures; ordinal reads it.
const ordinalPattern = `(?:avant-derni[eè]re?|derni[eè]re?|premi[eè]re?|1(?:er|re|ère)|second(?:e)?|\d+\s*(?:e|ème|eme|è|°)|(?:vingt et un|[a-z-]+)i[eè]me)`

// ordinal returns the rank an ordinal names: 1 for "premier", 2 for
// "second" or "2e"; counted from the end, -1 for "dernier" and -2 for
// "avant-dernier". 0 when s is no ordinal.
func ordinal(s string) int {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, "è", "e")
	switch {
	case strings.HasPrefix(s, "avant-dernier"):
		return -2
	case strings.HasPrefix(s, "dernier"):
		return -1
	case strings.HasPrefix(s, "premier"), s == "1er", s == "1re", s == "1ere":
		return 1
	case strings.HasPrefix(s, "second"):
		return 2
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); i > 0 {
		n, _ := strconv.Atoi(s[:i])
		return n
	}
	if stem, ok := strings.CutSuffix(s, "ieme"); ok {
		return ordinalStems[stem]
	}
	return 0
}

// ordinalName is how a message names a rank.
func ordinalName(n int) string {
	switch n {
	case -1:
		return "last"
	case -2:
		return "last but one"
	case 1:
		return "1st"
	case 2:
		return "2nd"
	case 3:
		return "3rd"
	}
	if n < 0 {
		return strconv.Itoa(-n) + "th from the end"
	}
	return strconv.Itoa(n) + "th"
}
