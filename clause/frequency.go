package clause

import (
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
	for i := 1; i < len(ws); i++ {
		// Every reading below starts at a word of counts or of time
		// (timeUnit's "journées" aside, which has no class): the other
		// words, nearly all, are passed without a lookup.
		if t.classes[i]&(classCount|classDuration) == 0 && ws[i].low != "journées" {
			continue
		}
		if basis, ok := periodicAdverbs[ws[i].low]; ok && t.classes[i]&classCount != 0 {
			// "versé trimestriellement": once a quarter, as "une fois par
			// trimestre" is.
			val := "count:1 " + basis
			out = append(out, factAt{kind: FactModality, start: ws[i].start, end: ws[i].end, text: ws[i].s,
				key: "modality:" + val, val: val, subject: t.doneBefore(ws[i].start), value: 1, hasValue: true})
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
		start, v, ok := t.countBefore(noun.start - 1)
		if !ok {
			continue
		}
		basis, end := sumPeriod(t.s, noun.end)
		if times && t.countsNoTimes(i, start, v) {
			continue
		}
		val := "count:" + numberKey(v)
		if basis != "" {
			val += " " + basis
		}
		from, to := start, end
		if b, f, e := valueBound(t.s, start, end); b != "" {
			val, from, to = val+" "+b, f, max(e, end)
		}
		subject := noun.low
		if sub := t.codesFor(from, to, codes); len(sub) > 0 {
			subject = sub[0]
		} else if times {
			subject = t.doneBefore(from)
		}
		out = append(out, factAt{kind: FactModality, start: from, end: to, text: t.display(from, to),
			key: "modality:" + val, val: val, subject: subject, value: v, hasValue: true})
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
		if i+1 == len(ws) || !timeUnit(ws[i+1].low) {
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
		if isDigit(w.low[0]) || months[w.low] > 0 || capitalRoman(w.s) || utf8.RuneCountInString(w.low) < 3 {
			continue
		}
		if !frtext.IsGrammatical(strings.TrimSuffix(w.low, "'")) && !boundWords[w.low] {
			return w.low
		}
	}
	return ""
}

// boundWords are the words valueBound reads before a count.
var boundWords = map[string]bool{"plus": true, "moins": true, "maximum": true, "minimum": true, "pas": true, "jusqu'": true}

// eachPeriod reads "chaque mois", "tous les trimestres", "toutes les
// semaines" at word i, the period: once in each, as "une fois par mois"
// ("tous les deux ans" is a length of two years, read by durations).
func (t *factTextKind) eachPeriod(i int) (factAt, bool) {
	ws := t.words
	if t.classes[i]&classDuration == 0 || t.s[ws[i-1].end:ws[i].start] != " " || !timeUnit(ws[i].low) {
		return factAt{}, false
	}
	basis := perUnit(ws[i].low)
	if !periodBases()[basis] {
		return factAt{}, false
	}
	k := i - 1
	switch {
	case ws[k].low == "chaque":
	case k > 0 && ws[k].low == "les" && (ws[k-1].low == "tous" || ws[k-1].low == "toutes") && t.s[ws[k-1].end:ws[k].start] == " ":
		k--
	default:
		return factAt{}, false
	}
	val := "count:1 " + basis
	return factAt{kind: FactModality, start: ws[k].start, end: ws[i].end, text: t.display(ws[k].start, ws[i].end),
		key: "modality:" + val, val: val, subject: t.doneBefore(ws[k].start), value: 1, hasValue: true}, true
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
