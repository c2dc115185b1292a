package clause

import (
	"slices"
	"strings"
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
	return "", start, end
}

// goesOn reports whether rest, after "au plus" or "ou plus", makes it
// another adverb, of time ("deux mois au plus tôt") or of a quantity
// still to come ("30 € et plus de…").
func goesOn(rest string) bool {
	for _, w := range [...]string{" tôt", " tard", " de ", " d'"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

type boundForm struct{ words, bound string }

// boundsBefore are the bounds said before a value, in lower case, with
// the word that joins them to it, longest first so that the longest
// that ends a text is read. A form of no bound ("en plus de", "le plus
// de") is there to be read before the shorter bound it ends with.
var boundsBefore = func() []boundForm {
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
		add("≤", "dans la limite"+link, "dans une limite"+link, "plafond"+link, "jusqu'à concurrence"+link)
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
}()

// boundsByEnd holds boundsBefore by their last two words (the last
// alone for a bound of one word), so that a value is checked against the
// few that can end where it starts: most values stand after a word of
// none.
var boundsByEnd = func() map[[2]string][]boundForm {
	m := map[[2]string][]boundForm{}
	for _, b := range boundsBefore {
		prev, last := lastTwo(b.words)
		m[[2]string{prev, last}] = append(m[[2]string{prev, last}], b)
	}
	return m
}()

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
		for _, b := range boundsByEnd[key] {
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

// boundAfterFirst are the first letters of boundsAfter's words, lower case.
var boundAfterFirst = func() (t [256]bool) {
	for _, b := range boundsAfter {
		t[b.words[1]] = true
	}
	return t
}()
