package amend

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// partNamed matches the end or the start of a unit named as what an
// operation rewrites or deletes: "après le mot « X », la fin de la phrase
// est ainsi rédigée", "le début du premier alinéa jusqu'au mot « X » est
// supprimé". "À la fin du…", "au début du…" name a place to put words,
// not this (group 1).
var partNamed = pattern(`(?:^|[^\pL])(à\s+)?(la\s+fin|le\s+début)\s+(de\s+la\s+phrase\b|d)`)

// partWords matches the words a part runs from or to: "après le mot
// « X »" (the words stay), "à compter du mot « X »" and "jusqu'au mot
// « X »" (they go with the part), "avant le mot « X »".
var partWords = pattern(`(?:^|[^\pL])(après|avant|à\s+compter\s+d(?:u|es|e\s+la|e\s+l')|jusqu'(?:au|aux|à\s+la|à\s+l'))\s*(?:NOUN|mots?|termes?|montants?|taux|dates?|références?|expression)?\s*:?\s*Q`)

// partReplacedBy matches the verb of a part replaced rather than rewritten
// ("le début de la première phrase, jusqu'au mot « X », est remplacé par
// les mots « Y »").
var partReplacedBy = pattern(`\b(?:est|sont)\s+remplacée?s?\s+par\s+(?:NOUN\s*:?\s*)?(Q)`)

// partAsRewrite writes a part replaced by words as the rewrite it is
// ("est ainsi rédigé : « Y »"), when frame names a part bounded by words.
// Read as it stands, "jusqu'au mot « X » est remplacé par les mots « Y »"
// replaced X alone, and the part, its words taken, was refused as named
// without them.
func partAsRewrite(frame string) string {
	m := partNamed.FindStringSubmatchIndex(frame)
	if m == nil || m[2] >= 0 || !partWords.MatchString(frame) {
		return frame
	}
	ix := partReplacedBy.FindStringSubmatchIndex(frame[m[0]:])
	if ix == nil {
		return frame
	}
	at := m[0]
	return frame[:at+ix[0]] + "est ainsi rédigé : " + frame[at+ix[2]:at+ix[3]] + frame[at+ix[1]:]
}

// Part is the end or the start of a unit an operation rewrites or
// deletes (Target.Part).
type Part struct {
	// End is the end of the unit, from the words; else its start, up to
	// them.
	End bool
	// With says the words go with the part ("à compter du mot",
	// "jusqu'au mot").
	With bool
	// Phrase narrows the unit to the sentence the words stand in ("la fin
	// de la phrase").
	Phrase bool
	// Words are the words the part runs from or to.
	Words string
}

// readPart reads the part loc names, if it names one, and returns loc
// without the words that bound it. Before, "après le mot « X », la fin
// de la phrase est ainsi rédigée : « … »" rewrote the whole alinéa that
// holds X, X and the words before it lost, and "le début du premier
// alinéa est ainsi rédigé" the whole alinéa; a part whose words are not
// named is refused.
func readPart(loc string, quotes []string) (*Part, string, error) {
	m := partNamed.FindStringSubmatch(loc)
	if m == nil || m[1] != "" {
		return nil, loc, nil
	}
	p := &Part{End: strings.HasPrefix(strings.ToLower(m[2]), "la"), Phrase: strings.HasPrefix(strings.ToLower(m[3]), "de la phrase")}
	w := partWords.FindStringSubmatch(loc)
	if w == nil {
		return nil, loc, errf("names %s without the words it runs from or to: name them (« après le mot … », « jusqu'au mot … »)", strings.ToLower(strings.Join(strings.Fields(m[2]), " ")))
	}
	p.Words = quotesIn(w[0], quotes)[0]
	lead := strings.ToLower(w[1])
	p.With = strings.HasPrefix(lead, "à") || strings.HasPrefix(lead, "jusqu")
	return p, partWords.ReplaceAllString(loc, " ¦ "), nil
}

// partOf gives targets the part loc names (readPart), for a rewrite or a
// repeal only, and returns loc without its words.
func partOf(loc string, quotes []string, ops []found, targets []Target) (string, error) {
	part, loc, err := readPart(loc, quotes)
	if err != nil || part == nil {
		return loc, err
	}
	for _, f := range ops {
		if f.op.Kind != Rewrite && f.op.Kind != Repeal {
			return "", errf("names the start or the end of a unit for an operation that takes words: not read")
		}
	}
	for k := range targets {
		targets[k].Part = part
	}
	return loc, nil
}

// partBound finds the words the part t names runs from or to in
// text[s.start:s.end]. A start runs up to the first place they stand,
// as a reader reading on from the start stops there; an end from words
// standing more than once is refused, naming why.
func partBound(text string, s span, t Target) (span, error) {
	p := t.Part
	if t.Occurrence == 0 {
		hits := find(text, s, p.Words)
		switch {
		case len(hits) > 1 && !p.End:
			return hits[0], nil
		case len(hits) > 1:
			return span{}, errf("the words « %s » are in %s %s: which one the end runs from is not said (name the sentence, or quote more words)", p.Words, t.describe(), timesName(len(hits)))
		}
	}
	return once(text, s, p.Words, t)
}

// editPart rewrites, or deletes when with is "", the part t names of
// text[s.start:s.end], the alinéa (or sentence) the part's words stand
// in. A part deleted leaves the unit's closing stop.
func editPart(text string, s span, t Target, with string) (string, error) {
	p := t.Part
	at, err := partBound(text, s, t)
	if err != nil {
		return "", err
	}
	// The alinéa the words stand in, or their sentence.
	units := alineas(text, s)
	if p.Phrase {
		units = phrases(text, s)
	}
	for _, u := range units {
		if u.start <= at.start && at.end <= u.end {
			s = u
		}
	}
	if p.End {
		cut := at.end
		if p.With {
			cut = at.start
		}
		head := strings.TrimRightFunc(text[:cut], unicode.IsSpace)
		stop := ""
		tail := strings.TrimRightFunc(text[cut:s.end], unicode.IsSpace)
		if r, _ := utf8.DecodeLastRuneInString(tail); strings.ContainsRune(".;:", r) {
			stop = string(r)
		}
		if with == "" {
			return head + stop + text[s.end:], nil
		}
		if r, _ := utf8.DecodeLastRuneInString(with); strings.ContainsRune(".;:!?…", r) {
			stop = ""
		}
		// Words quoted without the unit's closing stop leave it: the
		// next sentence would run on from them.
		with += stop
		if r, _ := utf8.DecodeRuneInString(with); !strings.ContainsRune(",.;:)", r) {
			head += " "
		}
		return head + with + text[s.end:], nil
	}
	cut := at.start
	if p.With {
		cut = at.end
	}
	rest := strings.TrimLeftFunc(text[cut:], unicode.IsSpace)
	if with == "" {
		r, size := utf8.DecodeRuneInString(rest)
		return text[:s.start] + string(unicode.ToUpper(r)) + rest[size:], nil
	}
	if r, _ := utf8.DecodeRuneInString(rest); !strings.ContainsRune(",.;:)", r) {
		with += " "
	}
	return text[:s.start] + with + rest, nil
}
