package clause

import (
	"slices"
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

// sumPeriod reads what the sum that ends at end pays for: "par" or a
// slash, then a unit of time as durations read them ("par an", "/an",
// "par année", "/h", "par heure"), a day also written "journée", or a
// unit it is counted by ("par patient", "par acte", "/point"), or several
// joined by "et" ("par patient et par an"), in any order: "30 € par
// patient" and "30 € par acte", "par patient et par an" and "par patient
// et par mois" are two sums.
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
// a unit of time ("/an") or of what it counts ("/patient"), or "".
func perUnit(word string) string {
	if word == "journée" || word == "journées" {
		word = "jour"
	}
	if u, ok := durationUnits[word]; ok {
		return periodNames[u.unit+strconv.Itoa(int(u.factor))]
	}
	if countUnits[word] {
		return "/" + word
	}
	if one := strings.TrimSuffix(word, "s"); one != word && countUnits[one] {
		return "/" + one
	}
	return ""
}

// countUnits are the things a sum is paid per, in the singular: the
// patients, acts and places that conventions and tariffs price by. Only
// these: after "par", most words name who or what fixes the sum ("par
// arrêté", "par avenant", "par la caisse"), not what it is paid for.
var countUnits = map[string]bool{
	"patient": true, "assuré": true, "bénéficiaire": true, "personne": true, "enfant": true,
	"résident": true, "habitant": true, "salarié": true, "famille": true, "foyer": true,
	"acte": true, "consultation": true, "visite": true, "séance": true, "examen": true,
	"intervention": true, "passage": true, "déplacement": true, "kilomètre": true, "km": true,
	"prescription": true, "boîte": true, "feuille": true, "facture": true, "dossier": true, "cas": true,
	"médecin": true, "praticien": true, "professionnel": true, "infirmier": true, "infirmière": true,
	"structure": true, "cabinet": true, "site": true, "établissement": true, "équipe": true,
	"lit": true, "place": true, "point": true, "indicateur": true, "unité": true, "tranche": true,
	"garde": true, "astreinte": true, "nuit": true,
}

// periodNames are the bases of sums by the time they pay for, by unit of
// time and how many of it.
var periodNames = map[string]string{
	"minute1": "/minute", "hour1": "/heure", "day1": "/jour", "week1": "/semaine", "month1": "/mois",
	"month3": "/trimestre", "month6": "/semestre", "year1": "/an",
}

// valueBound reads whether the sum, rate or time limit at s[start:end]
// is a bound rather than the value itself: a ceiling ("au plus 30 €",
// "d'au plus deux mois", "20 % au maximum", "une durée maximale de trois
// mois", "dans la limite de 30 €") or a floor ("au moins 30 €", "30 €
// minimum", "un minimum de 10 %"); not "deux mois au plus tôt", which
// places a date. A ceiling turned into a floor, or a bound added to a
// value, is a change of what the text allows. It returns "≤", "≥" or "",
// and the span the value and its bound take.
func valueBound(s string, start, end int) (bound string, from, to int) {
	if b, n := boundBefore(s[:start]); b != "" {
		return b, start - n, end
	}
	// Most values are followed by punctuation or a word of no bound: one
	// byte rules them out.
	if end+2 < len(s) && s[end] == ' ' && (s[end+1]|0x20 == 'a' || s[end+1]|0x20 == 'm') {
		for _, b := range boundsAfter {
			if e := end + len(b.words); e <= len(s) && strings.EqualFold(s[end:e], b.words) && endsWord(s, e) &&
				!strings.HasPrefix(s[e:], " tôt") && !strings.HasPrefix(s[e:], " tard") {
				return b.bound, start, e
			}
		}
	}
	return "", start, end
}

// boundBefore reads the bound that before ends with, and how many bytes
// it takes: its words, then "de" or "d'" if written.
func boundBefore(before string) (string, int) {
	rest := before
	for _, link := range [...]string{" de ", " d'", " "} {
		if strings.HasSuffix(rest, link) {
			rest = rest[:len(rest)-len(link)+1]
			break
		}
	}
	if !strings.HasSuffix(rest, " ") {
		return "", 0
	}
	head := rest[:len(rest)-1]
	word := strings.ToLower(head[strings.LastIndexAny(head, " '\n")+1:])
	b, ok := boundWords[word]
	if !ok {
		return "", 0
	}
	words := len(word)
	if b.lead == "" && strings.HasSuffix(strings.ToLower(head[:len(head)-len(word)]), " au ") {
		words += len("au ") // "au maximum"
	}
	if b.lead != "" {
		lead := head[:len(head)-len(word)]
		if len(lead) < len(b.lead) || !strings.EqualFold(lead[len(lead)-len(b.lead):], b.lead) {
			return "", 0
		}
		words += len(b.lead)
		if len(lead) > len(b.lead) && startsWordBefore(lead[:len(lead)-len(b.lead)]) {
			return "", 0
		}
	}
	return b.bound, len(before) - len(head) + words
}

// boundWords are the last words of the bounds said before a value, with
// the words that must precede them: "au plus", "dans la limite".
var boundWords = map[string]struct{ lead, bound string }{
	"plus": {"au ", "≤"}, "moins": {"au ", "≥"}, "limite": {"dans la ", "≤"},
	"maximum": {"", "≤"}, "maximal": {"", "≤"}, "maximale": {"", "≤"}, "maximaux": {"", "≤"}, "maximales": {"", "≤"},
	"minimum": {"", "≥"}, "minimal": {"", "≥"}, "minimale": {"", "≥"}, "minimaux": {"", "≥"}, "minimales": {"", "≥"},
}

type boundForm struct{ words, bound string }

// boundsAfter are the bounds said after a value: "30 € au plus".
var boundsAfter = []boundForm{{" au plus", "≤"}, {" au maximum", "≤"}, {" maximum", "≤"}, {" au moins", "≥"},
	{" au minimum", "≥"}, {" minimum", "≥"}}

// countBasis reports a basis that names a thing the sum is paid per
// ("/patient"): a cell "30 € par acte" says more than a price.
func countBasis(basis string) bool {
	for _, part := range strings.Fields(basis) {
		if countUnits[strings.TrimPrefix(part, "/")] {
			return true
		}
	}
	return false
}
