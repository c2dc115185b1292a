package clause

import (
	"slices"
	"strings"
	"sync"

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
// returns "≤", "≥", "<", ">" or "", and the span the value and its bound
// take.
func valueBound(s string, start, end int) (bound string, from, to int) {
	if b, n := boundBefore(s[:start]); b != "" {
		if negatedBefore(s[:start-n]) {
			b = negatedBound[b]
		}
		return b, start - n, end
	}
	// Most values are followed by punctuation or a word of no bound: one
	// byte rules them out.
	if end+2 < len(s) && s[end] == ' ' && boundAfterFirst[s[end+1]|0x20] {
		for _, b := range boundsAfter {
			if e := end + len(b.words); e <= len(s) && strings.EqualFold(s[end:e], b.words) && endsWord(s, e) &&
				!goesOn(s[e:]) {
				return b.bound, start, e
			}
		}
	}
	// "deux fois par an, au plus": set apart by a comma, the bound
	// closes the phrase, or it opens the next one ("…, au moins une
	// fois").
	if end+3 < len(s) && s[end] == ',' && s[end+1] == ' ' {
		for _, b := range boundsApart {
			if e := end + 1 + len(b.words); e <= len(s) && strings.EqualFold(s[end+1:e], b.words) && closesPhrase(s[e:]) {
				return b.bound, start, e
			}
		}
	}
	return "", start, end
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

// negatedBefore reports whether before, the text up to a bound said
// before its value, denies it: "ne peut être supérieur à 30 €", "n'est pas
// inférieur à", "ne peut percevoir plus de", a "ne" of the same phrase,
// a few words back, with "pas", "jamais" or "plus" after it, or a verb of
// ability ("ne peut", "ne saurait", literary French's negation without
// "pas"). "Ne … que" restricts, it denies nothing: "n'est dû qu'au-delà
// de 30 €".
func negatedBefore(before string) bool {
	ws := strings.Fields(before[max(0, len(before)-64):])
	for k := len(ws) - 1; k >= 0 && k >= len(ws)-6; k-- {
		w := strings.ToLower(ws[k])
		if strings.ContainsAny(w, ",;:.()") {
			return false
		}
		if w == "que" || strings.HasPrefix(w, "qu'") {
			return false
		}
		if w == "sans" {
			return true // "sans être supérieur à 30 €"
		}
		neg, rest := w == "ne", ""
		if !neg && strings.HasPrefix(w, "n'") {
			neg, rest = true, w[2:]
		}
		if !neg {
			continue
		}
		if rest == "" && k+1 < len(ws) {
			rest = strings.ToLower(ws[k+1])
		}
		if deniedBy(rest) {
			return true
		}
		for _, x := range ws[k+1:] {
			switch strings.ToLower(x) {
			case "pas", "jamais", "plus", "aucunement", "nullement":
				return true
			}
		}
		return false
	}
	return false
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
	// the verb is read by negatedBefore.
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

// boundNote shows the bounds of two equal values that differ only by
// them, for the values alone would look unchanged: "< 3 → ≤ 3" for
// "moins de 3" → "au plus 3", "≤ 30 → > 30" for "ne peut percevoir plus
// de 30 €" → "peut percevoir plus de 30 €", whose words are the same.
// Where what the value is of changed ("30 € par acte" → "30 € par
// patient", "par mois" → "par an", "HT" → "TTC"), it shows that too:
// "30 €/acte → 30 €/patient". It is "" when bounds and bases agree.
func boundNote(o, n *factAt) string {
	ob, nb := boundOf(o.val), boundOf(n.val)
	obase, nbase := basisOf(o.val), basisOf(n.val)
	if ob == nb && obase == nbase {
		return ""
	}
	v := strings.Replace(numberKey(n.value), ".", ",", 1)
	side := func(b, base, val string) string {
		w := v
		if obase != nbase {
			// A count's val is its rate ("trimestriellement" is
			// 4/an): the note shows that, not the count written.
			_, num, _ := strings.Cut(strings.Fields(val)[0], ":")
			w = strings.Replace(num, ".", ",", 1) + unitSigns[n.unit]
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
	return side(ob, obase, o.val) + " → " + side(nb, nbase, n.val)
}

// unitSigns are how a note writes a value's unit after it.
var unitSigns = map[string]string{"EUR": " €", "FRF": " F", "%": " %"}

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
