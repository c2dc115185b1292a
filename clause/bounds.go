package clause

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// valueBound reads whether the sum, rate, time limit or count at
// s[start:end] is a bound rather than the value itself: a ceiling ("au
// plus 30 €", "d'au plus deux mois", "20 % au maximum", "plafonné à 30
// €", "dans la limite de 30 €", "jusqu'à 30 jours", "n'excédant pas 30
// €"), a floor ("au moins 30 €", "30 € minimum", "un minimum de 10 %"),
// or a strict one ("plus de 30 €", "au-delà de 30 €", "excédant 30 €",
// "moins de 16 ans"); not "deux mois au plus tôt", which places a date,
// nor "en plus de 30 €", which adds. A ceiling turned into a floor, or a
// bound added to a value, is a change of what the text allows. It
// returns "≤", "≥", "<", ">" or "", the span the value and its bound
// take, and where the words that show it start: before that span when a
// denial a few words back turns the bound over ("ne peut être supérieur
// à 30 €" is at most 30 €, and shown so).
func valueBound(s string, start, end int) (bound string, from, to, shown int) {
	if b, n := boundBefore(s[:start]); b != "" {
		if d := deniedAt(s[:start-n]); d >= 0 {
			return negatedBound[b], start - n, end, d
		}
		if p := permittedAt(s[:start-n]); p >= 0 && (b == ">" || b == "<") {
			// "peut excéder 3 000 €", "pourra être inférieur à 30 €":
			// leave to pass beyond the value, which bounds nothing.
			return "", p, end, p
		}
		if b == "" {
			return "", start, end, start // "en plus de 30 €" adds
		}
		return b, start - n, end, start - n
	}
	// Most values are followed by punctuation or a word of no bound: one
	// byte rules them out.
	if end+2 < len(s) && s[end] == ' ' && boundAfterFirst[s[end+1]|0x20] {
		for _, b := range boundsAfter {
			if e := end + len(b.words); e <= len(s) && strings.EqualFold(s[end:e], b.words) && endsWord(s, e) &&
				!goesOn(s[e:]) {
				return b.bound, start, e, start
			}
		}
	}
	// "deux fois par an, au plus": set apart by a comma, the bound
	// closes the phrase, or it opens the next one ("…, au moins une
	// fois").
	if end+3 < len(s) && s[end] == ',' && s[end+1] == ' ' {
		for _, b := range boundsApart {
			if e := end + 1 + len(b.words); e <= len(s) && strings.EqualFold(s[end+1:e], b.words) && closesPhrase(s[e:]) {
				return b.bound, start, e, start
			}
		}
	}
	return "", start, end, start
}

// closesPhrase reports whether rest, after a bound, ends the phrase: the
// end of the text, a line or a punctuation mark.
func closesPhrase(rest string) bool {
	return rest == "" || strings.IndexByte(".,;:)\n", rest[0]) >= 0
}

// goesOn reports whether rest, after "au plus" or "ou plus", makes it
// another adverb, of time ("deux mois au plus tôt"), of manner ("30 € et
// plus particulièrement", "au moins égal") or of a quantity still to come
// ("30 € et plus de…"): a bound after its value is followed by a mark, a
// word of grammar ("trois mois au plus après", "30 € au plus par acte"),
// or nothing.
func goesOn(rest string) bool {
	if closesPhrase(rest) || rest[0] != ' ' {
		return false
	}
	w := rest[1:]
	if k := strings.IndexFunc(w, func(r rune) bool { return !isFactWordRune(r) }); k >= 0 {
		w = w[:k]
	}
	w = strings.ToLower(w)
	return w == "de" || w == "d" || !frtext.IsGrammatical(w)
}

// deniedAt returns where the denial of a bound said before its value
// starts in before, the text up to that bound, or -1 when nothing denies
// it: "ne peut être supérieur à 30 €", "n'est pas inférieur à", "ne peut
// percevoir plus de", a "ne" of the same phrase, a few words back, with
// "pas", "jamais" or "plus" after it, or a verb of ability ("ne peut",
// "ne saurait", literary French's negation without "pas"). "Ne … que"
// restricts, it denies nothing: "n'est dû qu'au-delà de 30 €". The
// denial is the bound's polarity, part of the one fact the value is.
func deniedAt(before string) int {
	from := max(0, len(before)-64)
	ws := fieldsAt(before, from)
	for k := len(ws) - 1; k >= 0 && k >= len(ws)-6; k-- {
		w := strings.ToLower(before[ws[k][0]:ws[k][1]])
		if strings.ContainsAny(w, ",;:.()") {
			return -1
		}
		if w == "que" || strings.HasPrefix(w, "qu'") {
			return -1
		}
		if w == "sans" {
			return ws[k][0] // "sans être supérieur à 30 €"
		}
		neg, rest := w == "ne", ""
		if !neg && strings.HasPrefix(w, "n'") {
			neg, rest = true, w[2:]
		}
		if !neg {
			continue
		}
		if rest == "" && k+1 < len(ws) {
			rest = strings.ToLower(before[ws[k+1][0]:ws[k+1][1]])
		}
		if deniedBy(rest) {
			return ws[k][0]
		}
		for _, x := range ws[k+1:] {
			switch strings.ToLower(before[x[0]:x[1]]) {
			case "pas", "jamais", "plus", "aucunement", "nullement":
				return ws[k][0]
			}
		}
		return -1
	}
	return -1
}

// permittedAt returns where a verb of permission that governs the bound
// ending before starts ("peut", "pourront", "pouvant", "peut toutefois",
// "peut être"), or -1: "peut excéder 3 000 €" allows more than 3 000 €, it
// is no floor, as "doit excéder" would be, and no ceiling, as "ne peut
// excéder" is.
func permittedAt(before string) int {
	ws := fieldsAt(before, max(0, len(before)-48))
	k := len(ws) - 1
	word := func() string {
		if k < 0 {
			return ""
		}
		return strings.ToLower(before[ws[k][0]:ws[k][1]])
	}
	if word() == "être" {
		k--
	}
	if w := word(); w == "toutefois" || w == "néanmoins" || w == "cependant" || strings.HasSuffix(w, "ment") {
		k--
	}
	switch word() { // the forms of "pouvoir" that give leave
	case "peut", "peuvent", "pouvant", "pourra", "pourront", "pourrait", "pourraient", "puisse", "puissent":
		return ws[k][0]
	}
	return -1
}

// fieldsAt returns the spans of the fields of s[from:], as strings.Fields
// cuts them, in s's offsets.
func fieldsAt(s string, from int) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range s[from:] {
		switch blank := unicode.IsSpace(r); {
		case blank && start >= 0:
			out = append(out, [2]int{start, from + i})
			start = -1
		case !blank && start < 0:
			start = from + i
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

// deniedBy reports a verb of ability, which "ne" alone denies: "ne peut",
// "ne pourra", "ne saurait".
func deniedBy(verb string) bool {
	return strings.HasPrefix(verb, "peu") || strings.HasPrefix(verb, "pour") || strings.HasPrefix(verb, "saur")
}

// negatedBound is the bound a denied one comes to: not above 30 € is at
// most 30 €.
var negatedBound = map[string]string{">": "≤", "<": "≥", "≤": ">", "≥": "<", "": ""}

type boundForm struct{ words, bound string }

// boundsBefore are the bounds said before a value, in lower case, with
// the word that joins them to it, longest first so that the longest
// that ends a text is read. A form of no bound ("en plus de", "le plus
// de") is there to be read before the shorter bound it ends with.
func boundsBefore() []boundForm {
	var out []boundForm
	add := func(bound string, words ...string) {
		for _, w := range words {
			out = append(out, boundForm{w, bound})
		}
	}
	// "au plus 30 €", "au plus de 30 €", "d'au plus deux mois".
	for _, link := range [...]string{" ", " de ", " d'"} {
		add("≤", "au plus"+link, "au maximum"+link, "pas plus"+link)
		add("≥", "au moins"+link, "au minimum"+link, "pas moins"+link)
	}
	for _, link := range [...]string{" de ", " d'", " "} {
		add("≤", "maximum"+link, "maximal"+link, "maximale"+link, "maximaux"+link, "maximales"+link)
		add("≥", "minimum"+link, "minimal"+link, "minimale"+link, "minimaux"+link, "minimales"+link)
	}
	for _, link := range [...]string{" de ", " d'"} {
		add("≤", "dans la limite"+link, "dans une limite"+link, "plafond"+link, "à concurrence"+link, "jusqu'à concurrence"+link)
		add("≥", "plancher"+link)
		add(">", "plus"+link, "au-delà"+link, "au-dessus"+link)
		add("<", "moins"+link, "en deçà"+link, "en-deçà"+link, "au-dessous"+link, "en dessous"+link)
		add("", "en plus"+link, "le plus"+link, "la plus"+link, "en moins"+link, "le moins"+link)
	}
	for _, agree := range [...]string{"", "e", "s", "es"} {
		add("≤", "plafonné"+agree+" à ", "limité"+agree+" à ", "inférieur"+agree+" ou égal"+agree+" à ")
		add("≥", "supérieur"+agree+" ou égal"+agree+" à ")
		add("<", "inférieur"+agree+" à ")
		add(">", "supérieur"+agree+" à ")
	}
	add("≤", "jusqu'à ")
	// "ne peut excéder 30 €", "n'excédant pas 30 €", "sans dépasser
	// 30 €" bound from above; "excédant 30 €", "les sommes qui dépassent
	// 30 €" name what lies beyond.
	for _, verb := range [...]string{"excéder", "dépasser"} {
		for _, neg := range [...]string{"ne peut ", "ne peuvent ", "ne pouvant ", "ne saurait ", "ne sauraient ",
			"ne peut pas ", "ne peuvent pas ", "ne doit pas ", "ne doivent pas ", "sans "} {
			add("≤", neg+verb+" ")
		}
	}
	// "ne pourra excéder 30 €", "sans dépasser 30 €": the denial before
	// the verb is read by deniedAt.
	add(">", "excéder ", "dépasser ")
	for _, form := range [...]string{"excède", "excèdent", "excédant", "excédera", "excéderont"} {
		add("≤", "n'"+form+" pas ")
		add(">", form+" ")
	}
	for _, form := range [...]string{"dépasse", "dépassent", "dépassant", "dépassera", "dépasseront"} {
		add("≤", "ne "+form+" pas ")
		add(">", form+" ")
	}
	slices.SortStableFunc(out, func(a, b boundForm) int { return len(b.words) - len(a.words) })
	return out
}

// boundsByEnd holds boundsBefore by their last two words (the last
// alone for a bound of one word), so that a value is checked against the
// few that can end where it starts: most values stand after a word of
// none. Built on first use: spelling, sorting and filing the forms cost
// 0.3 M instructions, 5 % of a start that reads no value at all.
var boundsByEnd = sync.OnceValue(func() map[[2]string][]boundForm {
	m := map[[2]string][]boundForm{}
	for _, b := range boundsBefore() {
		prev, last := lastTwo(b.words)
		m[[2]string{prev, last}] = append(m[[2]string{prev, last}], b)
	}
	return m
})

// lastTwo returns the last two words of s, which ends with the space or
// the apostrophe before a value: "plus", "d'" for "au plus d'"; "" for
// a word there is none of. The first is read after its elision, if any.
func lastTwo(s string) (prev, last string) {
	s = strings.TrimSuffix(s, " ")
	k := strings.LastIndexByte(s, ' ')
	last = s[k+1:]
	if k < 0 {
		return "", last
	}
	s = s[:k]
	prev = s[strings.LastIndexByte(s, ' ')+1:]
	// "d'au plus": a bound may open after an elided word.
	return prev[strings.LastIndexByte(prev, '\'')+1:], last
}

// boundBefore reads the bound that before ends with, and how many bytes
// it takes.
func boundBefore(before string) (string, int) {
	if before == "" || before[len(before)-1] != ' ' && before[len(before)-1] != '\'' {
		return "", 0
	}
	prev, last := lastTwo(before[max(0, len(before)-48):])
	prev, last = strings.ToLower(prev), strings.ToLower(last)
	for _, key := range [...][2]string{{prev, last}, {"", last}} {
		for _, b := range boundsByEnd()[key] {
			n := len(b.words)
			if n > len(before) || !strings.EqualFold(before[len(before)-n:], b.words) || startsWordBefore(before[:len(before)-n]) {
				continue
			}
			return b.bound, n
		}
	}
	return "", 0
}

// boundsAfter are the bounds said after a value: "30 € au plus",
// "trois mois maximum", "30 jours ou plus".
var boundsAfter = []boundForm{{" au plus", "≤"}, {" au maximum", "≤"}, {" maximum", "≤"}, {" ou moins", "≤"},
	{" au moins", "≥"}, {" au minimum", "≥"}, {" minimum", "≥"}, {" ou plus", "≥"}, {" et plus", "≥"},
	{" et au-delà", "≥"}}

// boundsApart are the bounds that may be set apart from their value by a
// comma: "deux fois par an, au plus".
var boundsApart = []boundForm{{" au plus", "≤"}, {" au maximum", "≤"}, {" au moins", "≥"}, {" au minimum", "≥"}}

// boundAfterFirst are the first letters of boundsAfter's words, lower case.
var boundAfterFirst = func() (t [256]bool) {
	for _, b := range boundsAfter {
		t[b.words[1]] = true
	}
	return t
}()

// valueNote says what the two values alone do not. Of two equal values
// that differ only by their bounds, it shows the bounds: "< 3 → ≤ 3" for
// "moins de 3" → "au plus 3", "≤ 30 → > 30" for "ne peut percevoir plus
// de 30 €" → "peut percevoir plus de 30 €", whose words are the same.
// Where what the value is of changed ("30 € par acte" → "30 € par
// patient" or "32 € par patient", "par mois" → "par an", "HT" → "TTC"),
// it shows that too, whether the value changed or not, since the share
// of change a value of another basis has not is left out: "30 €/acte →
// 32 €/patient". A count written per another period is shown as its
// rate, what it is compared by, since the counts as written do not
// compare: "deux fois par an" → "trimestriellement" is "2/an → 4/an",
// "tous les trois mois" → "tous les quatre mois" "4/an → 3/an". It is ""
// when bounds, bases and periods agree, and for changed values whose
// bounds alone differ, which the texts show.
func valueNote(o, n *factAt) string {
	ob, nb := boundOf(o.val), boundOf(n.val)
	obase, nbase := basisOf(o.val), basisOf(n.val)
	rates := o.kind == FactModality && writtenPer(o) != writtenPer(n)
	if obase == nbase && !rates && (ob == nb || o.value != n.value) {
		return ""
	}
	side := func(f *factAt, b, base string) string {
		w := strings.Replace(numberKey(f.value), ".", ",", 1)
		if obase != nbase || rates {
			if r, err := strconv.ParseFloat(rateOf(f), 64); err == nil && f.kind == FactModality {
				// "toutes les trois semaines" is 0,33 a week, not
				// 0,333333.
				w = strings.Replace(numberKey(round2(r)), ".", ",", 1)
			}
			w += unitSigns[f.unit]
			for _, part := range strings.Fields(base) {
				if !strings.HasPrefix(part, "/") {
					w += " "
				}
				w += part
			}
		}
		if b == "" {
			return w
		}
		return b + " " + w
	}
	return side(o, ob, obase) + " → " + side(n, nb, nbase)
}

// rateOf is the number a count's val compares it by: its rate in the
// longest period of its kind ("trimestriellement" is 4 a year).
func rateOf(f *factAt) string {
	_, num, _ := strings.Cut(strings.Fields(f.val)[0], ":")
	return num
}

// writtenPer is how many of a count's rate one written counts: 4 for a
// count per quarter, 1 for one per year, 0 for a count of none.
func writtenPer(f *factAt) float64 {
	r, err := strconv.ParseFloat(rateOf(f), 64)
	if err != nil || f.value == 0 {
		return 0
	}
	return r / f.value
}

// unitSigns are how a note writes a value's unit after it.
var unitSigns = map[string]string{"EUR": " €", "FRF": " F", "%": " %", "minute": " min", "hour": " h", "day": " j",
	"workday": " j ouvrés", "weekday": " j ouvrables", "clear-day": " j francs", "week": " sem.", "month": " mois", "year": " an"}

// sameBasis reports two values of the same thing: a sum a month and a
// sum a year, or by act and by patient, have no share of one another.
func sameBasis(o, n *factAt) bool { return basisOf(o.val) == basisOf(n.val) }

// basisOf returns what a fact's value is of, as sumBasis reads it ("HT
// /an"), from its val: the words between the value and its bound.
func basisOf(val string) string {
	fields := strings.Fields(val)
	if len(fields) < 2 {
		return ""
	}
	fields = fields[1:]
	if boundOf(val) != "" {
		fields = fields[:len(fields)-1]
	}
	return strings.Join(fields, " ")
}

// boundOf returns the bound a fact's value ends with (valueBound), or "".
func boundOf(val string) string {
	k := strings.LastIndexByte(val, ' ')
	switch b := val[k+1:]; b {
	case "≤", "≥", "<", ">":
		return b
	}
	return ""
}

// boundZone is a value read as a bound: where the words that deny it
// start (denial), and where the bound and its value stand.
type boundZone struct{ denial, from, to int }

// boundZones are the values read as bounds, with the words that deny
// them: "ne peut excéder 3 000 €", "ne pourra excéder 40 €", "ne peut
// percevoir plus de 50 €".
func boundZones(facts []factAt) []boundZone {
	var zones []boundZone
	for i := range facts {
		if f := &facts[i]; f.hasValue && (boundOf(f.val) != "" || f.leave) {
			zones = append(zones, boundZone{f.start - f.denied, f.start, f.end})
		}
	}
	return zones
}

// markBounds marks the modalities and negations of fs that are part of
// a bound: the "ne peut" of "ne peut excéder 3 000 €" is the ceiling's
// polarity, shown with it, one fact, not a negation and a permission
// besides, which "ne peut excéder" → "peut excéder" reported three
// times. A denial within a bound's words is its polarity; a modal verb
// is the bound's only when it governs the bound's own verb ("excéder",
// "supérieur"): in "ne peut percevoir plus de 50 €", "peut percevoir" is
// a permission of its own, which the other version may keep. Marked
// facts are still paired, so that the "ne peut" of "ne peut accomplir
// plus de deux mandats" still meets that of "ne peut être élu plus de
// deux fois", but they are reported only with a side that is not one
// (see reportFacts).
func (t *factTextKind) markBounds(fs []factAt, zones []boundZone) {
	for i := range fs {
		fs[i].ofBound = slices.ContainsFunc(zones, func(z boundZone) bool { return t.partOfBound(&fs[i], z) })
	}
}

// partOfBound reports whether the modality or negation f is part of the
// bound z.
func (t *factTextKind) partOfBound(f *factAt, z boundZone) bool {
	if f.start < z.denial || f.end > z.to {
		return false
	}
	if f.kind == FactNegation {
		return true
	}
	for k := t.wordAt(z.from); k < len(t.words) && t.words[k].start < z.to; k++ {
		if t.words[k].low == f.subject {
			return true
		}
	}
	return false
}

// withBound appends the bound b that valueBound read to a fact's key or
// value, when there is one.
func withBound(s, b string) string {
	if b == "" {
		return s
	}
	return s + " " + b
}
