package clause

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// sumBasis reads what follows a sum at end to say what it is a sum of:
// whether taxes are in it ("1 500 € HT", "30 euros TTC", "hors taxes")
// and the time it pays for ("30 € par mois", "1500€/an"), in either order
// ("30 € HT par an", "30 € par an HT"). A sum before taxes and the same
// figure with them, or a sum a month and the same a year, are two sums,
// and turning one into the other is a change. It returns the basis as
// compared ("HT /an"), or "", and where the sum, its basis included, ends.
func sumBasis(s string, end int) (string, int) {
	var tax, period string
	for range 2 {
		if b, e := taxBasis(s, end); tax == "" && b != "" {
			tax, end = b, e
		} else if b, e := sumPeriod(s, end); period == "" && b != "" {
			period, end = b, e
		} else {
			break
		}
	}
	return strings.TrimSpace(tax + " " + period), end
}

// taxBasis reads whether taxes are in the sum that ends at end.
func taxBasis(s string, end int) (string, int) {
	for _, f := range taxBases {
		e := end + len(f.written)
		if e <= len(s) && strings.EqualFold(s[end:e], f.written) && (endsWord(s, e) || strings.HasSuffix(f.written, ".")) {
			return f.basis, e
		}
	}
	return "", end
}

// basisForm is one way of writing whether taxes are in a sum.
type basisForm struct{ written, basis string }

// taxBases are the ways a sum says whether taxes are in it, longest first.
var taxBases = []basisForm{
	{" toutes taxes comprises", "TTC"}, {" hors taxes", "HT"}, {" hors taxe", "HT"}, {" T.T.C.", "TTC"},
	{" H.T.", "HT"}, {" TTC", "TTC"}, {" HT", "HT"},
}

// sumPeriod reads the time the sum that ends at end pays for: "par" or a
// slash, then a unit of time as durations read them ("par an", "/an",
// "par année", "/h", "par heure"), a day also written "journée".
func sumPeriod(s string, end int) (string, int) {
	rest := s[end:]
	var from int
	switch {
	case len(rest) > 5 && strings.EqualFold(rest[:5], " par "):
		from = 5
	case strings.HasPrefix(rest, "/"):
		from = 1
	case strings.HasPrefix(rest, " / "):
		from = 3
	default:
		return "", end
	}
	w := from
	for w < len(rest) && startsWord(rest[w:]) {
		_, size := utf8.DecodeRuneInString(rest[w:])
		w += size
	}
	word := strings.ToLower(rest[from:w])
	if word == "journée" || word == "journées" {
		word = "jour"
	}
	u, ok := durationUnits[word]
	if !ok {
		return "", end
	}
	return periodNames[u.unit+strconv.Itoa(int(u.factor))], end + w
}

// periodNames are the bases of sums by the time they pay for, by unit of
// time and how many of it.
var periodNames = map[string]string{
	"minute1": "/minute", "hour1": "/heure", "day1": "/jour", "week1": "/semaine", "month1": "/mois",
	"month3": "/trimestre", "month6": "/semestre", "year1": "/an",
}
