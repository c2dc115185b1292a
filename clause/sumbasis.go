package clause

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"
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

// sumPeriod reads what the sum that ends at end is paid per: "par" or a
// slash, then a unit of time as durations read them ("par an", "/an",
// "par année", "/h", "par heure"), a day also written "journée", or the
// thing it is counted by ("par patient", "par acte", "/point", "par
// ETP"), or several joined by "et" ("par patient et par an"), in any
// order: "30 € par patient" and "30 € par acte", "par patient et par an"
// and "par patient et par mois" are two sums.
func sumPeriod(s string, end int) (string, int) {
	var parts []string
	for {
		rest := s[end:]
		var from int
		switch {
		case len(parts) > 0 && len(rest) > 8 && strings.EqualFold(rest[:8], " et par "):
			from = 8
		case len(rest) > 5 && strings.EqualFold(rest[:5], " par "):
			from = 5
		case strings.HasPrefix(rest, "/"):
			from = 1
		case strings.HasPrefix(rest, " / "):
			from = 3
		}
		if from == 0 {
			break
		}
		w := from
		for w < len(rest) && startsWord(rest[w:]) {
			_, size := utf8.DecodeRuneInString(rest[w:])
			w += size
		}
		// "par l'assuré": an elided word is no unit.
		if w < len(rest) && rest[w] == '\'' {
			break
		}
		part := perUnit(strings.ToLower(rest[from:w]))
		if part == "" {
			break
		}
		parts, end = append(parts, part), end+w
	}
	slices.Sort(parts)
	return strings.Join(parts, " "), end
}

// perUnit is the basis a sum is paid by for the word after its "par":
// a unit of time ("/an") or the thing it counts ("/patient"), in the
// singular; "" when the word says by what act or how the sum is fixed or
// paid ("par arrêté", "par avenant", "par virement") or is a word of
// grammar or a number ("par la caisse", "par un médecin"). Any other
// word is what the sum is counted by: the things conventions price by
// are many (patients, acts, boxes, kilometres, ETP, lines of a
// prescription…), the ways of fixing a sum few, and a thing counted
// that went unread left "30 € par patient" → "30 € par ordonnance" no
// change.
func perUnit(word string) string {
	if word == "journée" || word == "journées" {
		word = "jour"
	}
	if u, ok := durationUnits[word]; ok {
		return periodNames[u.unit+strconv.Itoa(int(u.factor))]
	}
	if len(word) < 2 || isDigit(word[0]) || notPerUnit[word] || pronoun(word) || frtext.IsGrammatical(word) || frtext.IsCardinalWord(word) {
		return ""
	}
	if one, ok := strings.CutSuffix(word, "s"); ok && len(one) > 2 {
		if notPerUnit[one] {
			return ""
		}
		word = one
	}
	return "/" + word
}

// notPerUnit are the words after "par" that say by what act or how a sum
// is fixed or paid, or that open a locution ("par exemple", "par
// dérogation à"): never what the sum is paid per. A sum is fixed by few
// acts and paid in few ways; it is paid per anything.
var notPerUnit = map[string]bool{
	"arrêté": true, "décret": true, "loi": true, "avenant": true, "convention": true, "accord": true,
	"décision": true, "délibération": true, "circulaire": true, "instruction": true, "règlement": true,
	"voie": true, "dérogation": true, "exception": true, "exemple": true, "ailleurs": true,
	"conséquent": true, "suite": true, "défaut": true, "application": true, "référence": true,
	"rapport": true, "principe": true, "priorité": true, "avance": true, "anticipation": true,
	"écrit": true, "courrier": true, "lettre": true, "courriel": true, "virement": true, "chèque": true,
	"prélèvement": true, "mandat": true, "télétransmission": true, "téléservice": true,
}

// pronoun reports the pronouns that grammar's list leaves out ("un avis
// par lequel", "par eux", "chacun"): they stand for what the text names
// elsewhere, and never say what a sum is paid per or what a rule bears
// on.
func pronoun(w string) bool {
	switch w {
	case "lequel", "laquelle", "lesquels", "lesquelles", "auquel", "duquel", "lui", "eux", "nous", "vous", "soi",
		"moi", "chacun", "chacune", "quiconque":
		return true
	}
	return false
}

// periodNames are the bases of sums by the time they pay for, by unit of
// time and how many of it.
var periodNames = map[string]string{
	"minute1": "/minute", "hour1": "/heure", "day1": "/jour", "week1": "/semaine", "month1": "/mois",
	"month3": "/trimestre", "month6": "/semestre", "year1": "/an",
}

// periodBases are the bases periodNames names, filled on first use.
var periodBases = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, b := range periodNames {
		m[b] = true
	}
	return m
})

// countBasis reports a basis that names a thing the sum is paid per
// ("/patient"), not only a time: a cell "30 € par acte" says more than a
// price.
func countBasis(basis string) bool {
	for _, part := range strings.Fields(basis) {
		if !periodBases()[part] {
			return true
		}
	}
	return false
}
