package clause

import (
	"strings"

	"github.com/avenant-dev/avenant/internal/frtext"
	"github.com/avenant-dev/avenant/internal/lazyre"
)

// A range writes its unit once, after its upper bound: "de 25 à 30 €",
// "entre 10 et 20 %", "de deux à trois mois", and so do the sums a
// sentence gives in turn ("portés respectivement à 25 et 30 €"). The
// lower bound is a sum, a rate or a time limit of that unit as much as
// the upper one is, and a change of it a change of the text's facts.

// rangeLow reads the lower bound of a range whose upper bound starts at
// start in s: its span and its value, in figures or in words. It is a
// bare number right before "à" or "et", itself after "de", "d'" or
// "entre" (or "à" before "et"), so that "l'article 3 à 30 €" or "1er
// janvier 2025 et 30 €" are no range.
func rangeLow(s string, start int) (lo, end int, v float64, ok bool) {
	before := s[:start]
	var link string
	for _, l := range [...]string{" à ", " et "} {
		if strings.HasSuffix(before, l) {
			link = l
		}
	}
	if link == "" {
		return 0, 0, 0, false
	}
	end = len(before) - len(link)
	from := max(0, end-32)
	if m := rangeNumberRe.FindStringSubmatchIndex(before[from:end]); m != nil {
		lo = from + m[2]
		if lo > 0 && !strings.ContainsRune(" '", rune(before[lo-1])) {
			return 0, 0, 0, false // a number cut by the window
		}
		if v, ok = parseNumber(before[lo:end]); !ok {
			return 0, 0, 0, false
		}
	} else {
		var n int
		if lo, n, ok = frtext.CardinalBefore(before, end); !ok {
			return 0, 0, 0, false
		}
		v = float64(n)
	}
	lead := strings.TrimSuffix(before[:lo], " ")
	if len(lead) == lo {
		if !strings.HasSuffix(lead, "d'") {
			return 0, 0, 0, false
		}
	} else {
		switch strings.ToLower(frtext.LastWord(lead)) {
		case "de", "entre":
		case "à":
			if link != " et " {
				return 0, 0, 0, false
			}
		default:
			return 0, 0, 0, false
		}
	}
	return lo, end, v, true
}

// rangeNumberRe is a number in figures ending a window, after a space.
var rangeNumberRe = lazyre.New(`(?:^|[ '])(` + numPattern + `)$`)

// spacedDecimal reads a decimal comma followed by a stray space, a typing
// slip of sources ("1, 1 %" for "1,1 %"): when the number num at start
// is one or two digits after "A, ", A a whole number that no list of
// numbers holds, it returns where A starts and the value A,num. "1, 2 et
// 3 %" and "1, 2, 3 %" list numbers: "2" is followed by no unit there,
// and "3" by one but after "et" or another "N, ".
func spacedDecimal(s string, start int, num string) (from int, v float64, ok bool) {
	if len(num) > 2 || strings.IndexFunc(num, func(r rune) bool { return r < '0' || r > '9' }) >= 0 ||
		start < 3 || s[start-2:start] != ", " {
		return 0, 0, false
	}
	from = start - 2
	for from > 0 && isDigit(s[from-1]) {
		from--
	}
	if from == start-2 || start-2-from > 3 {
		return 0, 0, false
	}
	lead := strings.TrimRight(s[:from], " ")
	if from > 0 && len(lead) == from && s[from-1] != '(' || strings.HasSuffix(lead, ",") || isDigit(lastByte(lead)) {
		return 0, 0, false // "x1, 1 %", "2, 1, 1 %", "(…) 3 1, 1 %"
	}
	switch strings.ToLower(frtext.LastWord(lead)) {
	case "et", "ou":
		return 0, 0, false // "2 et 1, 1 %"
	}
	if ratesNumber(lead) {
		return 0, 0, false // "l'article 12, 5 % des sommes"
	}
	v, ok = parseNumber(s[from:start-2] + "," + num)
	return from, v, ok
}

// lastByte is the last byte of s, or 0.
func lastByte(s string) byte {
	if s == "" {
		return 0
	}
	return s[len(s)-1]
}
