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
