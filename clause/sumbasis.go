package clause

import "strings"

// sumBasis reads what follows a sum at end to say what it is a sum of:
// whether taxes are in it ("1 500 € HT", "30 euros TTC", "hors taxes")
// and the time it pays for ("30 € par mois", "1500€/an"). A sum before
// taxes and the same figure with them, or a sum a month and the same a
// year, are two sums, and turning one into the other is a change. It
// returns the basis as compared ("HT /an"), or "", and where the sum, its
// basis included, ends.
func sumBasis(s string, end int) (string, int) {
	var parts []string
	for _, forms := range [...][]basisForm{taxBases, sumPeriods} {
		for _, f := range forms {
			e := end + len(f.written)
			if e <= len(s) && strings.EqualFold(s[end:e], f.written) && (endsWord(s, e) || strings.HasSuffix(f.written, ".")) {
				parts, end = append(parts, f.basis), e
				break
			}
		}
	}
	return strings.Join(parts, " "), end
}

// basisForm is one way of writing a basis, from the end of the sum.
type basisForm struct{ written, basis string }

// taxBases are the ways a sum says whether taxes are in it, longest first.
var taxBases = []basisForm{
	{" toutes taxes comprises", "TTC"}, {" hors taxes", "HT"}, {" hors taxe", "HT"}, {" T.T.C.", "TTC"},
	{" H.T.", "HT"}, {" TTC", "TTC"}, {" HT", "HT"},
}

// sumPeriods are the ways a sum says the time it pays for.
var sumPeriods = []basisForm{
	{" par année", "/an"}, {" par an", "/an"}, {"/an", "/an"}, {" par mois", "/mois"}, {"/mois", "/mois"},
	{" par semestre", "/semestre"}, {" par trimestre", "/trimestre"}, {" par semaine", "/semaine"},
	{" par jour", "/jour"}, {"/jour", "/jour"}, {" par heure", "/heure"}, {"/h", "/heure"},
}
