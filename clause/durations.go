package clause

import (
	"math"
	"strconv"
	"strings"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// durationUnits maps a unit word to the unit reported and a factor: a
// quarter is three months, so "un trimestre" and "trois mois" agree.
var durationUnits = map[string]struct {
	unit   string
	factor float64
}{
	"minute": {"minute", 1}, "minutes": {"minute", 1}, "heure": {"hour", 1}, "heures": {"hour", 1},
	"h": {"hour", 1}, "min": {"minute", 1},
	"jour": {"day", 1}, "jours": {"day", 1}, "semaine": {"week", 1}, "semaines": {"week", 1},
	"mois": {"month", 1}, "trimestre": {"month", 3}, "trimestres": {"month", 3},
	"semestre": {"month", 6}, "semestres": {"month", 6}, "an": {"year", 1}, "ans": {"year", 1},
	"année": {"year", 1}, "années": {"year", 1},
}

// dayKinds are the days a time limit may count, each a unit of its own:
// "15 jours ouvrés" (the days the office works) is longer than "15 jours",
// and turning one into the other changes the limit. "Jours calendaires"
// are plain days.
var dayKinds = map[string]string{
	"ouvré": "workday", "ouvrés": "workday", "ouvrable": "weekday", "ouvrables": "weekday",
	"franc": "clear-day", "francs": "clear-day", "calendaire": "day", "calendaires": "day",
}

// durations finds lengths of time: "deux mois", "3 ans", "48 heures",
// "vingt-quatre mois"; and, among them, the hours of the day (hourFact).
func (t *factTextKind) durations() []factAt {
	out := t.gluedHours(nil)
	if t.held&(classDuration|classClock) == 0 {
		return out
	}
	ws := t.words
	for i, w := range ws {
		if t.classes[i]&(classDuration|classClock) == 0 {
			continue
		}
		var read bool
		if out, read = t.hourFact(out, i); read || i == 0 {
			continue
		}
		if f, ok := t.withinPeriod(i); ok {
			out = append(out, f)
			continue
		}
		u, ok := durationUnits[w.low]
		if !ok {
			continue
		}
		gap := t.s[ws[i-1].end:w.start]
		if gap != " " && gap != "\n" {
			continue
		}
		var v float64
		start := ws[i-1].start
		if n, ok := digitsValue(ws[i-1].s); ok {
			v = n
			// "1 000 heures"
			if i >= 2 && len(ws[i-1].s) == 3 && len(ws[i-2].s) <= 3 && t.s[ws[i-2].end:ws[i-1].start] == " " {
				if th, ok := digitsValue(ws[i-2].s); ok {
					v, start = th*1000+n, ws[i-2].start
				}
			}
			// "1,5 an"
			if i >= 2 && t.s[ws[i-2].end:ws[i-1].start] == "," {
				if whole, ok := digitsValue(ws[i-2].s); ok && whole == math.Trunc(whole) {
					if f, err := strconv.ParseFloat(ws[i-2].s+"."+ws[i-1].s, 64); err == nil {
						v, start = f, ws[i-2].start
					}
				}
			}
		} else {
			from, n, ok := frtext.CardinalBefore(t.s, ws[i-1].end)
			if !ok {
				continue
			}
			v, start = float64(n), from
		}
		if everyNth(t.s, start) >= 0 {
			continue // "tous les trois mois": a frequency (eachPeriod)
		}
		end := w.end
		if part, to := andAPart(t.s, end); to > end {
			v, end = v+part, to
		}
		v *= u.factor
		unit := u.unit
		if unit == "day" && i+1 < len(ws) && t.s[w.end:ws[i+1].start] == " " {
			if kind, ok := dayKinds[ws[i+1].low]; ok {
				unit, end = kind, ws[i+1].end
			}
		}
		f := t.durationFact(start, end, start, unit, v)
		if basis, to := sumPeriod(t.s, end); basis != "" && !countBasis(basis) {
			// "3 jours par an" and "3 jours par mois" are two
			// entitlements, as "30 € par an" and "par mois" are two
			// sums; "un an par tacite reconduction" is none.
			f.key, f.val, f.end, f.text = f.key+" "+basis, f.val+" "+basis, to, t.display(start, to)
		}
		if b, from, to, shown := valueBound(t.s, start, f.end); b != "" || from != start {
			f.key, f.val, f.start, f.end, f.text = withBound(f.key, b), withBound(f.val, b), from, to, t.display(shown, to)
			f.leave = b == ""
			f.denied = from - shown
		}
		lo, loEnd, lv, ranged := rangeLow(t.s, start)
		first := f.start - f.denied
		if ranged {
			first = min(first, lo)
		}
		if t.isAge(first, end) {
			f.subject = ageSubject
		}
		out = append(out, f)
		if ranged {
			low := t.durationFact(lo, loEnd, end, unit, lv*u.factor)
			low.subject = f.subject
			out = append(out, low)
		}
	}
	return t.restated(out)
}

// periodUnits are the periods a time limit names without a number,
// after "dans" or "sous": "dans la quinzaine", "sous huitaine", "dans le
// mois", "dans l'année", "dans la journée".
var periodUnits = map[string]struct {
	unit   string
	factor float64
}{
	"quinzaine": {"day", 15}, "huitaine": {"day", 8}, "journée": {"day", 1}, "semaine": {"week", 1},
	"mois": {"month", 1}, "trimestre": {"month", 3}, "semestre": {"month", 6}, "an": {"year", 1},
	"année": {"year", 1}, "heure": {"hour", 1},
}

// withinPeriod reads the time limit that word i, a period, ends without
// a number: "dans la quinzaine" (fifteen days), "sous huitaine", "dans le
// mois" (one month), so that "dans la quinzaine" → "dans le mois" is a
// change. A month or a year named after it makes a date of it ("dans le
// mois de mars", "dans l'année 2025"), which is no length.
func (t *factTextKind) withinPeriod(i int) (factAt, bool) {
	ws := t.words
	u, ok := periodUnits[ws[i].low]
	if !ok || i == 0 {
		return factAt{}, false
	}
	k := i - 1
	switch ws[k].low {
	case "le", "la", "l'":
		if t.s[ws[k].end:ws[i].start] != " " && ws[k].low != "l'" || k == 0 {
			return factAt{}, false
		}
		k--
	}
	if lead := ws[k].low; lead != "dans" && (lead != "sous" || k == i-1 && u.unit != "day") || t.s[ws[k].end:ws[k+1].start] != " " {
		return factAt{}, false
	}
	if k == i-1 && ws[k].low == "dans" {
		return factAt{}, false // "dans mois" is no French
	}
	if i+2 < len(ws) && (ws[i+1].low == "de" || ws[i+1].low == "d'") && (months[ws[i+2].low] > 0 || isDigit(ws[i+2].s[0])) {
		return factAt{}, false
	}
	return t.durationFact(ws[k].start, ws[i].end, ws[i].end, u.unit, u.factor), true
}

// andAPart returns the part of a unit that "et demi", "et demie" or "et
// quart" adds when it follows a unit of time that ends at end ("un mois
// et demi", "une heure et quart"), and where it ends; end when none does.
func andAPart(s string, end int) (float64, int) {
	for _, p := range []struct {
		words string
		part  float64
	}{{" et demie", 0.5}, {" et demi", 0.5}, {" et quart", 0.25}} {
		if strings.HasPrefix(s[end:], p.words) && endsWord(s, end+len(p.words)) {
			return p.part, end + len(p.words)
		}
	}
	return 0, end
}

// durationFact is the fact of a time limit of v units at s[start:end],
// shown up to shown ("deux à trois mois" for the lower bound of a range).
func (t *factTextKind) durationFact(start, end, shown int, unit string, v float64) factAt {
	val := durationValue(unit, v)
	return factAt{kind: FactDuration, start: start, end: end, text: t.display(start, max(end, shown)),
		key: "duration:" + val, val: val, value: v, hasValue: true, unit: unit}
}

// durationValue is what a duration is compared by: weeks counted in days
// and years in months, as the civil code counts them, so that "deux
// semaines" and "quatorze jours", "un an" and "12 mois" are one limit.
func durationValue(unit string, v float64) string {
	switch unit {
	case "week":
		unit, v = "day", v*7
	case "year":
		unit, v = "month", v*12
	}
	return unit + ":" + numberKey(v)
}

func digitsValue(s string) (float64, bool) {
	if s == "" || len(s) > 6 {
		return 0, false
	}
	for k := 0; k < len(s); k++ {
		if s[k] < '0' || s[k] > '9' {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// ageSubject is the subject of a length of time that is an age: "des
// enfants de 0 à 24 mois" are children of that age, no time limit.
const ageSubject = "âge"

// isAge reports whether the length of time at s[from:end] (its bound and
// the lower end of its range included) is an age rather than a time
// limit: said of a person ("enfants de 0 à 24 mois", "patients de plus
// de 80 ans", "jeunes de 16 à 25 ans"), after a word of age a few words
// back ("âgés de 16 ans au moins", "l'âge de 60 ans", "âge limite de 70
// ans"), or followed by "révolus" or "d'âge" ("16 ans révolus").
func (t *factTextKind) isAge(from, end int) bool {
	rest := strings.ToLower(t.s[end:min(len(t.s), end+12)])
	if strings.HasPrefix(rest, " révolu") || strings.HasPrefix(rest, " d'âge") {
		return true
	}
	k := t.wordAt(from) - 1
	if k < 0 {
		return false
	}
	sent := t.sentence(from)
	if w := t.words[k].low; (w == "de" || w == "d'") && k > 0 && personNoun(t.words[k-1].low) {
		return t.s[t.words[k-1].end:t.words[k].start] == " "
	}
	for j := k; j >= 0 && j > k-4 && t.sentence(t.words[j].start) == sent; j-- {
		if strings.ContainsAny(t.s[t.words[j].end:t.words[j+1].start], ",;:.()") {
			return false
		}
		if w := t.words[j].low; w == "âge" || strings.HasPrefix(w, "âgé") {
			return true
		}
	}
	return false
}

// personNoun reports a word naming people that an age right after it,
// with "de", is said of: "enfants de moins de 6 ans", "femmes de 50 à
// 74 ans". A switch, not a table: a table built at start-up costs every
// command.
func personNoun(w string) bool {
	switch strings.TrimSuffix(w, "s") {
	case "enfant", "patient", "patiente", "personne", "assuré", "assurée", "bénéficiaire", "jeune", "nourrisson",
		"mineur", "mineure", "adulte", "femme", "homme", "sujet", "résident", "résidente", "senior", "bébé",
		"nouveau-né", "adolescent", "adolescente", "fille", "garçon":
		return true
	}
	return false
}
