package clause

import (
	"strings"

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
// plus deux fois" → "au moins deux fois" is a change.
func (t *factTextKind) frequencies() []factAt {
	if t.held&classCount == 0 {
		return nil
	}
	var out []factAt
	ws := t.words
	for i := 1; i < len(ws); i++ {
		if t.classes[i]&classCount == 0 || t.s[ws[i-1].end:ws[i].start] != " " {
			continue
		}
		noun, times := ws[i], timesWords[ws[i].low]
		if !times {
			if ws[i].low != "par" || i+1 == len(ws) || !timeUnit(ws[i+1].low) {
				continue
			}
			// "4 consultations par an": the noun is the word before,
			// and a time after ("30 patients par médecin" counts
			// things, not times); "deux fois par an" is read at its
			// "fois".
			if i < 2 || t.s[ws[i-2].end:ws[i-1].start] != " " || t.classes[i-1]&classCount != 0 {
				continue
			}
			noun = ws[i-1]
			if frtext.IsGrammatical(noun.low) || !startsWord(noun.s) || isDigit(noun.s[0]) || frtext.IsCardinalWord(noun.low) {
				continue
			}
		}
		start, v, ok := t.countBefore(noun.start - 1)
		if !ok {
			continue
		}
		basis, end := sumPeriod(t.s, noun.end)
		if times {
			if v == 1 && !isDigit(t.s[start]) && t.temporalOnce(i) {
				continue // "une fois la demande reçue", "une fois que…"
			}
		}
		val := "count:" + numberKey(v)
		if basis != "" {
			val += " " + basis
		}
		from, to := start, end
		if b, f, e := valueBound(t.s, start, end); b != "" {
			val, from, to = val+" "+b, f, max(e, end)
		}
		out = append(out, factAt{kind: FactModality, start: from, end: to, text: t.display(from, to),
			key: "modality:" + val, val: val, value: v, hasValue: true})
	}
	return out
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

// temporalOnce reports whether "une fois" at word i-1…i means "once
// done", not a count: "une fois que…", "une fois la demande reçue".
func (t *factTextKind) temporalOnce(i int) bool {
	if i+1 >= len(t.words) {
		return false
	}
	switch t.words[i+1].low {
	case "que", "qu'", "la", "le", "les", "l'", "ce", "cette", "ces", "cet", "son", "sa", "ses", "leur", "leurs":
		return true
	}
	return false
}
