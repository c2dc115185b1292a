package clause

import (
	"strconv"
	"strings"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// Hours are written the same way whether they tell a time of day ("à 20
// h", "de 8 h à 20 h", "20h00", the hour the majorations de nuit start
// from) or a length of time ("dans un délai de 48 h", "porté à 6 h"):
// the words around them decide. A time of day is reported as a date fact,
// the contract's kind for a point in time, valued as ISO 8601 writes a
// time ("T20:00"), so that "20 h", "20 heures" and "20h00" agree and an
// hour moved is a change of date, never of duration; a length is a
// duration.

// hour is an hour written at words[n:]: "20 h", "20 heures", "8 h 30",
// "20 heures 30", or a word of its own, "20h", "20h00", "8h30".
type hour struct {
	n, unit    int // the words of the number and of its unit (the same word when glued)
	last       int // its last word, the minutes' when written
	end        int // where the hour ends in the text, minutes included
	h, m       int
	minutes    bool // minutes are written
	glued      bool
	capitalled bool // "2 H", "30 MIN": a code or initials, no unit of time
}

// hourAt reads the hour that starts at word n, if one does.
func (t *factTextKind) hourAt(n int) (hour, bool) {
	s, ws := t.s, t.words
	w := ws[n]
	if h, m, minutes, ok := gluedHour(w.s); ok {
		return hour{n: n, unit: n, last: n, end: w.end, h: h, m: m, minutes: minutes, glued: true}, true
	}
	if h, ok := t.colonHour(n); ok {
		return h, true
	}
	h, u, ok := t.hourNumber(n)
	if !ok || u >= len(ws) || s[ws[u-1].end:ws[u].start] != " " {
		return hour{}, false
	}
	unit := ws[u]
	if unit.low != "heure" && unit.low != "heures" && (unit.low != "h" || u != n+1) {
		return hour{}, false
	}
	out := hour{n: n, unit: u, last: u, end: unit.end, h: h, capitalled: unit.s == "H"}
	if u+1 < len(ws) && s[unit.end:ws[u+1].start] == " " && len(ws[u+1].s) == 2 && isDigits(ws[u+1].s) {
		out.m, _ = strconv.Atoi(ws[u+1].s)
		out.end, out.minutes, out.last = ws[u+1].end, true, u+1
	} else if m, last, ok := t.pastTheHour(u); ok {
		// Not written minutes: "1 heure et demie" may be a length.
		out.m, out.end, out.last = m, ws[last].end, last
	}
	return out, true
}

// maxHourWords is how many words an hour of the day takes in words:
// "vingt et une".
const maxHourWords = 3

// hourNumber reads the number of hours at word n, in figures ("20") or
// in words ("vingt", "vingt et une", "dix-huit"), and the word after it.
// "Une" alone is no hour: "à une heure convenue" names no time.
func (t *factTextKind) hourNumber(n int) (h, next int, ok bool) {
	ws := t.words
	if w := ws[n].s; isDigits(w) {
		h, _ = strconv.Atoi(w)
		return h, n + 1, len(w) <= 2
	}
	if !frtext.IsCardinalWord(ws[n].low) {
		return 0, 0, false
	}
	k := n + 1
	for k < len(ws) && k-n < maxHourWords && (frtext.IsCardinalWord(ws[k].low) || ws[k].low == "et") {
		if gap := t.s[ws[k-1].end:ws[k].start]; gap != " " && gap != "-" {
			break
		}
		k++
	}
	words := make([]string, 0, maxHourWords)
	for _, w := range ws[n:k] {
		words = append(words, w.low)
	}
	h, ok = frtext.Cardinal(words)
	return h, k, ok && h <= 24 && (k > n+1 || h != 1)
}

// colonHour reads the hour at word n written as a clock shows it, its
// minutes after a colon: "20:00", "8:30" (not "1:25 000", a scale).
func (t *factTextKind) colonHour(n int) (hour, bool) {
	s, ws := t.s, t.words
	w := ws[n]
	if len(w.s) > 2 || n+1 >= len(ws) || s[w.end:ws[n+1].start] != ":" || !isDigits(w.s) {
		return hour{}, false
	}
	mw := ws[n+1]
	if len(mw.s) != 2 || !isDigits(mw.s) || mw.end < len(s) && (s[mw.end] == ':' || s[mw.end] == ',') ||
		strings.HasPrefix(s[mw.end:], " ") && digitsEnd(s, mw.end+1) == mw.end+4 {
		return hour{}, false
	}
	h, _ := strconv.Atoi(w.s)
	m, _ := strconv.Atoi(mw.s)
	return hour{n: n, unit: n + 1, last: n + 1, end: mw.end, h: h, m: m, minutes: true, glued: true}, true
}

// hourOfUnit reads the hour whose unit is word u: "20 h", "vingt et une
// heures".
func (t *factTextKind) hourOfUnit(u int) (hour, bool) {
	for n := max(u-maxHourWords, 0); n < u; n++ {
		if h, ok := t.hourAt(n); ok && h.unit == u {
			return h, true
		}
	}
	return hour{}, false
}

// pastTheHour reads the minutes that "et demie" or "et quart" adds to the
// hour whose unit is word u ("20 heures et demie" is 20:30, "midi et
// demi" 12:30), and the last word they take.
func (t *factTextKind) pastTheHour(u int) (m, last int, ok bool) {
	ws := t.words
	if u+2 >= len(ws) || ws[u+1].low != "et" || t.s[ws[u].end:ws[u+1].start] != " " || t.s[ws[u+1].end:ws[u+2].start] != " " {
		return 0, 0, false
	}
	switch ws[u+2].low {
	case "demi", "demie":
		return 30, u + 2, true
	case "quart":
		return 15, u + 2, true
	}
	return 0, 0, false
}

// gluedHour reads a word that is an hour and its minutes set against the
// letter h: "20h", "20h00", "8H30".
func gluedHour(w string) (h, m int, minutes, ok bool) {
	i := 0
	for i < len(w) && i < 3 && isDigit(w[i]) {
		i++
	}
	if i == 0 || i == 3 || i == len(w) || w[i] != 'h' && w[i] != 'H' {
		return 0, 0, false, false
	}
	h, _ = strconv.Atoi(w[:i])
	rest := w[i+1:]
	switch {
	case rest == "":
		return h, 0, false, true
	case len(rest) == 2 && isDigits(rest):
		m, _ = strconv.Atoi(rest)
		return h, m, true, true
	}
	return 0, 0, false, false
}

// clock reports whether an hour tells a time of day. A clock shows
// minutes ("10 h 30", "20h00") unless a length is introduced ("pendant 1
// h 30", "une durée de 1 h 30" that no second hour follows); a whole hour
// is a time after the words that place an event in the day ("à 10 h",
// "de 8 h à 20 h", "entre 8 h et 12 h", "à partir de 20 h", "dès",
// "avant", "après", "jusqu'à", "vers"). "48 h", "dans un délai de 48 h",
// "sous 24 heures", "après 12 h de garde" (a length of something), a
// length set or compared where the sentence names one ("un délai … porté
// à 6 h", "supérieure à 6 h") are lengths; "fixée à 10 h" with no length
// named is an hour. Capitals ("2 H") are codes or initials, neither.
func (t *factTextKind) clock(h hour) bool {
	ws := t.words
	if h.capitalled || h.h > 24 || h.m > 59 || lengthOf(t.s[h.end:]) {
		return false
	}
	if t.hoursApart(h) {
		return true
	}
	lead, before := "", ""
	if h.n > 0 && t.s[ws[h.n-1].end:ws[h.n].start] == " " {
		lead = ws[h.n-1].low
		if h.n > 1 && t.s[ws[h.n-2].end:ws[h.n-1].start] == " " {
			before = ws[h.n-2].low
		}
	}
	switch lead {
	case "pendant", "durant", "sous", "dans", "en", "soit":
		return false
	case "de", "d'":
		// "de 8 h à 20 h", "à partir de 20 h", where "de 48 h" alone,
		// "un délai de 12 h à 24 h" are time limits.
		return before == "partir" || !lengthNouns[before] && t.clockAfter(h)
	}
	if h.minutes {
		return true
	}
	switch lead {
	case "à":
		if h.n >= 2 {
			if first, ok := t.hourEndingAt(h.n - 2); ok {
				// The end of "de 8 h à 20 h" reads as its start.
				return t.clock(first)
			}
		}
		switch {
		case strings.HasPrefix(before, "supérieur") || strings.HasPrefix(before, "inférieur") || strings.HasPrefix(before, "égal"):
			return false
		case setsMeasure(before):
			return !t.namesLength(h.n)
		}
		return true
	case "dès", "avant", "après", "vers", "entre":
		return true
	case "et":
		// "entre 8 h et 12 h"
		first, ok := t.hourEndingAt(h.n - 2)
		return ok && first.n > 0 && ws[first.n-1].low == "entre"
	}
	return false
}

// hoursApart reports an hour set against another by a dash or a slash,
// the span of a day's hours that a table or a heading writes: "20h-8h",
// "8 h - 20 h", "8h/20h".
func (t *factTextKind) hoursApart(h hour) bool {
	s, ws := t.s, t.words
	apart := func(gap string) bool {
		gap = strings.TrimSpace(gap)
		return gap == "-" || gap == "/"
	}
	if next := h.last + 1; next < len(ws) && apart(s[h.end:ws[next].start]) {
		if o, ok := t.hourAt(next); ok && o.h <= 24 && !o.capitalled {
			return true
		}
	}
	if h.n > 0 && apart(s[ws[h.n-1].end:ws[h.n].start]) {
		if o, ok := t.hourEndingAt(h.n - 1); ok && o.h <= 24 && !o.capitalled {
			return true
		}
	}
	return false
}

// hourEndingAt reads the hour whose last word is word k: its number,
// its unit and "et demie", "vingt et une heures et demie".
func (t *factTextKind) hourEndingAt(k int) (hour, bool) {
	for n := max(k-maxHourWords-3, 0); n <= k; n++ {
		if h, ok := t.hourAt(n); ok && h.end == t.words[k].end {
			return h, true
		}
	}
	return hour{}, false
}

// lengthNouns name a length of time: "un délai de 12 h à 24 h", "la durée
// de la garde est portée à 12 h".
var lengthNouns = map[string]bool{
	"délai": true, "délais": true, "durée": true, "durées": true, "temps": true, "amplitude": true,
	"intervalle": true,
}

// namesLength reports whether the sentence of word n names a length of
// time before it.
func (t *factTextKind) namesLength(n int) bool {
	k := t.sentence(t.words[n].start)
	from := t.wordAt(t.bounds[k])
	for _, w := range t.words[from:n] {
		if lengthNouns[w.low] {
			return true
		}
	}
	return false
}

// setsMeasure reports a participle after which "à 12 h" may be a length
// set: "porté à", "ramenée à", "réduit à", "fixée à".
func setsMeasure(w string) bool {
	for _, e := range []string{"é", "ée", "és", "ées", "uit", "uite", "uits", "uites"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// lengthOf reports the text after hours that makes them a length of
// something: "après 12 h de garde", "24 h d'hospitalisation".
func lengthOf(rest string) bool {
	return strings.HasPrefix(rest, " de ") || strings.HasPrefix(rest, " d'") || strings.HasPrefix(rest, " d’")
}

// clockAfter reports whether an hour of the day follows hour h after
// "à": "de 8 h à 20 h", "de huit heures à 20h00", "de 20 h à minuit".
func (t *factTextKind) clockAfter(h hour) bool {
	ws := t.words
	k := h.last + 2
	if k >= len(ws) || ws[k-1].low != "à" || !t.spaced(h.last, k) {
		return false
	}
	if noonOrMidnight[ws[k].s] != "" {
		return true
	}
	o, ok := t.hourAt(k)
	return ok && o.h <= 24 && !o.capitalled
}

// hourFact reads, for durations, the hour that the word at i ends or
// names: an hour of the day ("à 20 h", "de 8 h à 20 h", "minuit") as a
// date fact valued "T20:00", a length with its minutes ("pendant 1 h 30")
// as a duration. It appends the fact to out and reports whether the word
// is read so, or is no unit of time (capitals: "2 H", "30 MIN"), and so
// not to be read as a length of time.
func (t *factTextKind) hourFact(out []factAt, i int) ([]factAt, bool) {
	w := t.words[i]
	if val := noonOrMidnight[w.low]; val != "" {
		if t.classes[i]&classClock != 0 && t.namedHour(i) {
			end := w.end
			if m, last, ok := t.pastTheHour(i); ok {
				val, end = val[:len(val)-2]+pad2(m), t.words[last].end
			}
			out = append(out, factAt{kind: FactDate, start: w.start, end: end, text: t.s[w.start:end], key: "date:" + val, val: val})
		}
		return out, true
	}
	switch w.low {
	case "min":
		return out, w.s != w.low
	case "h", "heure", "heures":
	default:
		return out, false
	}
	if w.s == "H" {
		return out, true
	}
	h, ok := t.hourOfUnit(i)
	if !ok {
		return out, false
	}
	return t.appendHour(out, h)
}

// appendHour appends the fact of hour h, a time of day or a length
// with its minutes or set against its h, and reports whether it did:
// a whole hour that is a length is left to durations.
func (t *factTextKind) appendHour(out []factAt, h hour) ([]factAt, bool) {
	start := t.words[h.n].start
	switch {
	case t.clock(h):
		val := "T" + pad2(h.h%24) + ":" + pad2(h.m)
		return append(out, factAt{kind: FactDate, start: start, end: h.end, text: t.s[start:h.end], key: "date:" + val, val: val}), true
	case h.glued || h.minutes:
		return append(out, t.durationFact(start, h.end, start, "hour", float64(h.h)+float64(h.m)/60)), true
	}
	return out, false
}

// gluedHours appends the facts of the hours written as one word ("20h00",
// "dans un délai de 48h"), found among the text's numbers.
func (t *factTextKind) gluedHours(out []factAt) []factAt {
	s := t.s
	for _, p := range t.numberStarts() {
		if j := digitsEnd(s, p); j < len(s) && j-p <= 2 && (s[j] == 'h' || s[j] == 'H' || s[j] == ':') {
			if h, ok := t.hourAt(t.wordAt(p)); ok && h.glued {
				out, _ = t.appendHour(out, h)
			}
		}
	}
	return out
}

// noonOrMidnight are the hours named: "de 20 h à minuit" is "de 20 h à
// 24 h".
var noonOrMidnight = map[string]string{"midi": "T12:00", "minuit": "T00:00"}

// namedHour reports whether word i, "midi" or "minuit" in any case, names
// the hour: not in "après-midi", and "Midi" capitalised is the region
// ("le Midi", "Midi-Pyrénées") but where a sentence starts ("Midi marque
// la fin de la garde"), as "Minuit" anywhere is the hour.
func (t *factTextKind) namedHour(i int) bool {
	w := t.words[i]
	if i > 0 && t.s[t.words[i-1].end:w.start] == "-" {
		return false
	}
	if w.s == w.low || w.low == "minuit" {
		return true
	}
	return w.s[1:] == w.low[1:] && !strings.HasPrefix(t.s[w.end:], "-") && t.wordAt(t.bounds[t.sentence(w.start)]) == i
}
