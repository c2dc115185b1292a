package clause

import (
	"slices"
	"strings"
	"unicode"
)

// amountFacts builds the facts of one amount: one per act code it prices
// ("les consultations G, GS et APC sont portées à 30 €" gives three), else
// one tied to the clause's subject, to a row label above it, or to none.
func (t *factTextKind) amountFacts(start, end int, v float64, unit string, codes []codeAt, labels []codeAt, subject string) []factAt {
	var subs []string
	if rowPrices(subject) {
		// A tariff row prices its own act, whatever codes its label
		// names ("| MPC | Majoration applicable aux consultations G et
		// GS | 2 € |" prices MPC, not GS) or holds with a coefficient
		// ("AMI" in the row "AMI 3").
		subs = []string{subject}
	} else if subs = t.codesFor(start, end, codes); len(subs) == 0 && subject != "" {
		subs = []string{subject}
	}
	if len(subs) == 0 {
		sub := ""
		for _, l := range labels {
			if l.start < start {
				sub = l.code
			}
		}
		subs = []string{sub}
	}
	val := unit + ":" + numberKey(v)
	out := make([]factAt, 0, len(subs))
	for _, sub := range subs {
		out = append(out, factAt{kind: FactAmount, start: start, end: end, text: t.display(start, end),
			key: "amount:" + sub + ":" + val, val: val, subject: sub, value: v, hasValue: true, unit: unit})
	}
	return out
}

// rowPrices reports a subject that is the code of a tariff row ("G",
// "AMI 3", "G (DOM)"), not a word keying a row of a category ("|
// Consultations | 70 % |"): codes are written in capitals.
func rowPrices(subject string) bool {
	return subject != "" && !strings.ContainsFunc(subject, unicode.IsLower)
}

// inRowCode reports a code that a row's code holds with its coefficient:
// "AMI", read in the row keyed "AMI 3".
func inRowCode(code, row string) bool {
	return code != "" && len(row) > len(code) && row[len(code)] == ' ' && strings.HasPrefix(row, code)
}

// codesFor returns the act codes that the sentence ties to the span of an
// amount: the nearest code before it, with the codes enumerated with that
// one when a plural verb shares the amount among them ("…cotée G, et la
// consultation…, cotée GS, sont fixées à 30 €"), or the code of the same
// rank when the amounts are given "respectivement"; else a code a few
// words after it ("25 € pour la consultation G"); else none.
func (t *factTextKind) codesFor(start, end int, codes []codeAt) []string {
	sent := t.sentence(start)
	last := -1
	for k, c := range codes {
		if c.end <= start && t.sentence(c.start) == sent {
			last = k
		}
	}
	if last >= 0 {
		gap := strings.ToLower(t.s[codes[last].end:start])
		if strings.Contains(gap, "respectivement") {
			// "G et MPC sont fixées respectivement à 30 € et à 5 €": the
			// n-th amount after the list prices its n-th code.
			list := t.enumeration(codes, last, sent)
			if n := strings.Count(gap, "€") + strings.Count(gap, "euro"); n < len(list) {
				return list[n : n+1]
			}
			return []string{codes[last].code}
		}
		if !sharedAmount(gap) {
			return []string{codes[last].code}
		}
		return t.enumeration(codes, last, sent)
	}
	// "25 € pour la consultation G": a code a few words after.
	wi := t.wordAt(end)
	for _, c := range codes {
		if c.start >= end && c.wordIdx < wi+4 && t.sentence(c.start) == sent {
			return []string{c.code}
		}
	}
	return t.codesRecalled(start, sent, codes)
}

// codesRecalled returns the codes of the sentence before when the one of
// an amount at start names what it prices by a demonstrative ("L'acte
// YYYY010 est valorisé à 46 €. Ce tarif est porté à 48 € au 1er juillet
// 2025": the 48 € prices YYYY010), within the paragraph; else none.
func (t *factTextKind) codesRecalled(start, sent int, codes []codeAt) []string {
	recalled, plural := false, false
	for k := t.wordAt(start) - 1; k > 0 && t.sentence(t.words[k].start) == sent; k-- {
		if priceNoun(t.words[k].low) {
			switch t.words[k-1].low {
			case "ce", "cet", "cette":
				recalled = true
			case "ces":
				recalled, plural = true, true
			}
		}
	}
	if !recalled || sent == 0 {
		return nil
	}
	last := -1
	for k, c := range codes {
		if c.end <= start && t.sentence(c.start) == sent-1 && !strings.Contains(t.s[c.end:start], "\n\n") {
			last = k
		}
	}
	switch {
	case last < 0:
		return nil
	case plural:
		return t.enumeration(codes, last, sent-1)
	}
	return []string{codes[last].code}
}

// priceNoun reports a noun by which a sentence recalls the price of the
// act the sentence before it named.
func priceNoun(w string) bool {
	switch strings.TrimSuffix(w, "s") {
	case "tarif", "prix", "montant", "valeur", "forfait", "acte", "cotation":
		return true
	}
	return false
}

// pluralLinks are the verbs by which several acts share one price.
var pluralLinks = map[string]bool{
	"sont": true, "seront": true, "restent": true, "resteront": true, "demeurent": true,
	"passent": true, "passeront": true, "valent": true, "coûtent": true,
}

// enumeration returns the codes listed together with codes[last], in
// text order, each once.
func (t *factTextKind) enumeration(codes []codeAt, last, sent int) []string {
	out := []string{codes[last].code}
	for k := last - 1; k >= 0; k-- {
		c := codes[k]
		if t.sentence(c.start) != sent || !enumerationGap(t.s[c.end:codes[k+1].start]) {
			break
		}
		if !slices.Contains(out, c.code) {
			out = append(out, c.code)
		}
	}
	slices.Reverse(out)
	return out
}

// sharedAmount reports whether the words from the last code to an amount
// (gap, lower-cased) give it to every code enumerated before: a plural
// verb or participle ("sont fixées à", "portées à"), and no other amount
// on the way.
func sharedAmount(gap string) bool {
	if strings.Contains(gap, "€") || strings.Contains(gap, "euro") {
		return false
	}
	for _, w := range tokenize(gap) {
		if pluralLinks[w.low] || strings.HasSuffix(w.low, "ées") || strings.HasSuffix(w.low, "és") {
			return true
		}
	}
	return false
}

// enumerationGap reports whether the text between two codes joins them in
// one list: punctuation only ("G, GS"), or a coordination ("G et GS",
// "cotée G, et la consultation …, cotée GS"). A clause before the codes
// ("lorsque la MPC s'applique, les consultations G…") joins nothing.
func enumerationGap(gap string) bool {
	ws := tokenize(strings.ToLower(gap))
	if len(ws) == 0 {
		return !strings.ContainsAny(gap, ".;:\n")
	}
	if strings.ContainsAny(gap, ".;:\n€") {
		return false
	}
	for _, w := range ws {
		if w.low == "et" || w.low == "ou" {
			return true
		}
	}
	return false
}
