package clause

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// frequencies finds how many times a text allows or obliges a thing to
// be done: a number of times ("deux fois par an", "au plus 2 fois",
// "renouvelable une fois", "à trois reprises") or of things in a period
// ("4 consultations par an", "au moins une séance par semaine"). How
// often is what a text obliges or allows as surely as "doit" and "peut":
// the contract has no kind for a count, so it is a modality, its value
// the count, its bound and what it is counted per (sumPeriod) part of
// it, so that "au plus deux fois par an" → "trois fois par an" or "au
// plus deux fois" → "au moins deux fois" is a change. Its subject is
// what the count bears on, as an amount's is: the act code tied to it
// (codesFor), else the noun it counts ("consultations"), else what is
// done that number of times (doneBefore).
func (t *factTextKind) frequencies(codes []codeAt) []factAt {
	if t.held&classCount == 0 && t.held&classDuration == 0 {
		return nil
	}
	var out []factAt
	ws := t.words
	for i := 0; i < len(ws); i++ {
		// Every reading below starts at a word of counts or of time
		// (timeUnit's "journées" aside, which has no class): the other
		// words, nearly all, are passed without a lookup.
		if t.classes[i]&(classCount|classDuration) == 0 && ws[i].low != "journées" {
			continue
		}
		if basis, ok := periodicAdverbs[ws[i].low]; ok && t.classes[i]&classCount != 0 {
			// "versé trimestriellement": once a quarter, as "une fois par
			// trimestre" is.
			val := rateVal(1, basis)
			out = append(out, factAt{kind: FactModality, start: ws[i].start, end: ws[i].end, text: ws[i].s,
				key: "modality:" + val, val: val, subject: t.doneAround(ws[i].start, ws[i].end), value: 1, hasValue: true})
			continue
		}
		// The other readings look at the word before ("chaque mois",
		// "deux fois"): an adverb alone may open the text.
		if i == 0 {
			continue
		}
		if f, ok := t.eachPeriod(i); ok {
			out = append(out, f)
			continue
		}
		noun, ok := t.countedAt(i)
		if !ok {
			continue
		}
		times := noun.start == ws[i].start
		at := noun.start - 1
		if times && (ws[i-1].low == "seule" || ws[i-1].low == "seul") && t.s[ws[i-1].end:noun.start] == " " {
			at = ws[i-1].start - 1 // "une seule fois" is once
		}
		start, v, ok := t.countBefore(at)
		if !ok {
			continue
		}
		basis, end := sumPeriod(t.s, noun.end)
		if times && t.countsNoTimes(i, start, v) {
			continue
		}
		val := rateVal(v, basis)
		from, to, shown := start, end, start
		leave := false
		if b, f, e, sh := valueBound(t.s, start, end); b != "" || f != start {
			val, from, to, shown, leave = withBound(val, b), f, max(e, end), sh, b == ""
		}
		subject := noun.low
		if sub := t.codesFor(from, to, codes); len(sub) > 0 {
			subject = sub[0]
		} else if times {
			subject = t.doneAround(from, to)
		}
		out = append(out, factAt{kind: FactModality, start: from, end: to, text: t.display(shown, to),
			key: "modality:" + val, val: val, subject: subject, value: v, hasValue: true, denied: from - shown, leave: leave})
	}
	return out
}

// countedAt returns the word that a count before it counts, when word i
// makes it one: i itself for a noun of times ("deux fois", "à trois
// reprises"), or the noun before a period, "par" or a slash and a unit of
// time ("4 consultations par an", "4 consultations/an"; "30 patients par
// médecin" counts things, not times; "deux fois par an" is read at its
// "fois").
func (t *factTextKind) countedAt(i int) (factWord, bool) {
	ws := t.words
	gap := t.s[ws[i-1].end:ws[i].start]
	switch {
	case t.classes[i]&classCount != 0 && gap == " " && timesWords[ws[i].low]:
		return ws[i], true
	case t.classes[i]&classCount != 0 && gap == " " && ws[i].low == "par":
		// "4 consultations par an", and "par patient et par an": a
		// count in a period, whatever else it is counted by.
		if i+1 == len(ws) || !timeUnit(ws[i+1].low) && !periodAmong(sumPeriod(t.s, ws[i-1].end)) {
			return factWord{}, false
		}
	case (gap == "/" || gap == " / ") && timeUnit(ws[i].low):
	default:
		return factWord{}, false
	}
	if i < 2 || t.s[ws[i-2].end:ws[i-1].start] != " " || t.classes[i-1]&classCount != 0 {
		return factWord{}, false
	}
	noun := ws[i-1]
	if frtext.IsGrammatical(noun.low) || !startsWord(noun.s) || isDigit(noun.s[0]) || frtext.IsCardinalWord(noun.low) {
		return factWord{}, false
	}
	return noun, true
}

// periodAmong reports whether the basis sumPeriod read names a period of
// time among what it is counted by ("/an /patient").
func periodAmong(basis string, _ int) bool {
	for _, part := range strings.Fields(basis) {
		if periodBases()[part] {
			return true
		}
	}
	return false
}

// doneBefore returns what a number of times counts, the word of its
// sentence before it that is neither grammar nor a bound's: "l'examen est
// réalisé au plus deux fois" counts "réalisé", "le médecin voit le patient
// deux fois par an" "patient"; "" when none stands before the count.
func (t *factTextKind) doneBefore(pos int) string {
	k := t.wordAt(pos) - 1
	sent := t.sentence(pos)
	for ; k >= 0 && t.sentence(t.words[k].start) == sent; k-- {
		w := t.words[k]
		// Numbers, a date's month, a subdivision's numeral and words
		// of grammar or of the bound say nothing of what is done: "II. -
		// Avant le 31 mai de chaque année" names none.
		if t.names(w) {
			return w.low
		}
	}
	return ""
}

// doneAround returns what the count at s[from:to] bears on: the word
// doneBefore finds, else, for a count that opens its sentence ("Chaque
// année, la caisse verse…", "Deux fois par an, la commission se
// réunit"), the first word after it that names something: the subject
// of the verb it goes with.
func (t *factTextKind) doneAround(from, to int) string {
	if w := t.doneBefore(from); w != "" {
		return w
	}
	sent := t.sentence(from)
	for k := t.wordAt(to); k < len(t.words) && t.sentence(t.words[k].start) == sent; k++ {
		if w := t.words[k]; t.names(w) && !timeUnit(w.low) && !skipForVerb[w.low] && modalClass[w.low] == "" {
			return w.low
		}
	}
	return ""
}

// names reports a word that may say what a count bears on: no number, no
// month, no subdivision's numeral, no word of grammar or of a bound.
func (t *factTextKind) names(w factWord) bool {
	return !isDigit(w.low[0]) && months[w.low] == 0 && !capitalRoman(w.s) && utf8.RuneCountInString(w.low) >= 3 &&
		!frtext.IsGrammatical(strings.TrimSuffix(w.low, "'")) && !boundWords[w.low]
}

// boundWords are the words valueBound reads before a count.
var boundWords = map[string]bool{"plus": true, "moins": true, "maximum": true, "minimum": true, "pas": true, "jusqu'": true}

// eachPeriod reads "chaque mois", "tous les trimestres", "toutes les
// semaines" at word i, the period: once in each, as "une fois par mois";
// and "tous les trois mois", "tous les deux ans": once in each such
// stretch, which "trimestriellement" and "une fois tous les deux ans"
// also say.
func (t *factTextKind) eachPeriod(i int) (factAt, bool) {
	ws := t.words
	if t.classes[i]&classDuration == 0 || t.s[ws[i-1].end:ws[i].start] != " " || !timeUnit(ws[i].low) {
		return factAt{}, false
	}
	u := durationUnits[ws[i].low]
	if ws[i].low == "journée" || ws[i].low == "journées" {
		u = durationUnits["jour"]
	}
	n, from := 1.0, ws[i-1].start
	if ws[i-1].low != "chaque" {
		if start, v, ok := t.countBefore(ws[i].start - 1); ok && v >= 2 && everyNth(t.s, start) >= 0 {
			n, from = v, everyNth(t.s, start) // "tous les trois mois"
		} else if k := everyNth(t.s, ws[i].start); k >= 0 {
			from = k // "tous les mois"
		} else {
			return factAt{}, false
		}
	}
	basis := periodNames[u.unit+"1"]
	if basis == "" {
		return factAt{}, false
	}
	val := rateVal(1/(n*u.factor), basis)
	return factAt{kind: FactModality, start: from, end: ws[i].end, text: t.display(from, ws[i].end),
		key: "modality:" + val, val: val, subject: t.doneAround(from, ws[i].end), value: 1, hasValue: true}, true
}

// everyNth returns where "tous les" or "toutes les" start when they end
// at start, or -1: they make the period that follows a frequency, "tous
// les trois mois" being once a quarter, not a length of three months.
func everyNth(s string, start int) int {
	for _, lead := range [...]string{"tous les ", "toutes les "} {
		if k := start - len(lead); k >= 0 && strings.EqualFold(s[k:start], lead) && (k == 0 || !startsWordBefore(s[:k])) {
			return k
		}
	}
	return -1
}

// rateVal is what a count of v in the period basis is compared by: a
// rate in the longest period of its kind, so that "deux fois par an",
// "semestriellement" and "tous les six mois", or "une fois par jour" and
// "sept fois par semaine", are the same frequency. What it is counted per
// besides ("par patient") stays as written.
func rateVal(v float64, basis string) string {
	parts := strings.Fields(basis)
	for k, p := range parts {
		if r, ok := perPeriod[p]; ok {
			parts[k], v = r.basis, v*r.times
		}
	}
	val := "count:" + numberKey(math.Round(v*1e6)/1e6)
	if len(parts) > 0 {
		slices.Sort(parts)
		val += " " + strings.Join(parts, " ")
	}
	return val
}

// perPeriod says how many of a period another holds: months in a year,
// days in a week, minutes in an hour.
var perPeriod = map[string]struct {
	basis string
	times float64
}{
	"/mois": {"/an", 12}, "/trimestre": {"/an", 4}, "/semestre": {"/an", 2}, "/an": {"/an", 1},
	"/jour": {"/semaine", 7}, "/semaine": {"/semaine", 1}, "/minute": {"/heure", 60}, "/heure": {"/heure", 1},
}

// periodicAdverbs say how often a thing is done in one word, by the
// period it is done once in, as sumPeriod names it.
var periodicAdverbs = map[string]string{
	"quotidiennement": "/jour", "hebdomadairement": "/semaine", "mensuellement": "/mois",
	"trimestriellement": "/trimestre", "semestriellement": "/semestre", "annuellement": "/an",
}

// timeUnit reports whether word is a unit of time a count is per: "an",
// "mois", "semaine", "journée".
func timeUnit(word string) bool {
	_, ok := durationUnits[word]
	return ok || word == "journée" || word == "journées"
}

// timesWords are the nouns that count times: "deux fois", "à trois
// reprises".
var timesWords = map[string]bool{"fois": true, "reprise": true, "reprises": true}

// countBefore reads the count that ends at end, in figures ("2") or in
// words ("deux", "une"): where it starts and its value.
func (t *factTextKind) countBefore(end int) (int, float64, bool) {
	k := strings.LastIndexByte(t.s[:end], ' ') + 1
	if v, ok := digitsValue(t.s[k:end]); ok && (k == 0 || !startsWordBefore(t.s[:k])) {
		return k, v, true
	}
	start, n, ok := frtext.CardinalBefore(t.s, end)
	if !ok || start > 0 && startsWordBefore(t.s[:start]) {
		return 0, 0, false
	}
	return start, float64(n), true
}

// countsNoTimes reports whether the count at start of "fois" or
// "reprise" at word i counts no times: "une fois la demande reçue", "une
// fois que…" (once done), "deux fois le plafond" (a multiple), "procède à
// une reprise de son versement" (a resumption: "à trois reprises" counts,
// its noun taking no complement).
func (t *factTextKind) countsNoTimes(i, start int, v float64) bool {
	ws := t.words
	next := ""
	if i+1 < len(ws) && t.s[ws[i].end:ws[i+1].start] == " " {
		next = ws[i+1].low
	}
	if ws[i].low != "fois" {
		return next == "de" || next == "d'" || next == "du" || next == "des"
	}
	switch next {
	case "la", "le", "les", "l'", "ce", "cette", "ces", "cet", "son", "sa", "ses", "leur", "leurs":
		return true
	case "que", "qu'":
		return v == 1 && !isDigit(t.s[start])
	}
	return false
}
