package amend

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// editWords applies a word operation inside s.
func editWords(text string, s span, op Op, t Target) (string, error) {
	switch op.Kind {
	case Replace:
		at, err := once(text, s, op.Old, t)
		if err != nil {
			return "", err
		}
		return text[:at.start] + op.New + text[at.end:], nil
	case DeleteWords:
		at, err := once(text, s, op.Old, t)
		if err != nil {
			return "", err
		}
		return splice(text, at, ""), nil
	case InsertWords:
		if op.Anchor == "" {
			// "Au début du premier alinéa, sont insérés les mots" : at
			// the start of the target, after the marker of its point.
			start := s.start + markerEnd(text[s.start:s.end])
			return text[:start] + joinWords(text[start:], op.New), nil
		}
		at, err := once(text, s, op.Anchor, t)
		if err != nil {
			return "", err
		}
		if op.Before {
			return text[:at.start] + joinWords(op.New, text[at.start:]), nil
		}
		return text[:at.end] + joinWords("", op.New) + text[at.end:], nil
	}
	// AppendWords: before the stop that ends the target.
	end := s.end
	for end > s.start {
		r, size := utf8.DecodeLastRuneInString(text[:end])
		if !unicode.IsSpace(r) && !strings.ContainsRune(".;:", r) {
			break
		}
		end -= size
	}
	words := op.New
	if r, _ := utf8.DecodeLastRuneInString(words); strings.ContainsRune(".;:", r) {
		words = strings.TrimRight(words, ".;:")
	}
	return text[:end] + joinWords("", words) + text[end:], nil
}

// markerEnd is where the words of a point start in text, after its
// marker and the stop or dash that follows it ("II. - ", "1° ", "a) "); 0
// in text that opens with no marker.
func markerEnd(text string) int {
	trimmed := strings.TrimLeft(text, " \t")
	m := lineMarker(trimmed)
	if m == "" {
		return 0
	}
	rest := strings.TrimLeft(trimmed[len(m):], ".-–) \t")
	return len(text) - len(rest)
}

// joinWords puts a space between inserted words and what they follow,
// unless they open with punctuation that takes none.
func joinWords(before, words string) string {
	if before != "" {
		return words + " " + before
	}
	r, _ := utf8.DecodeRuneInString(words)
	if strings.ContainsRune(",.;:)", r) {
		return words
	}
	return " " + words
}

// editAll applies a word operation at every place its words stand in s:
// as many places as the instruction says ("(deux fois)"), or any number
// but none ("partout où ils figurent").
func editAll(text string, s span, op Op, t Target) (string, error) {
	words := op.Old
	if op.Kind == InsertWords {
		words = op.Anchor
	}
	hits := find(text, s, words)
	switch {
	case len(hits) == 0:
		return "", errf("the words « %s » are not in %s", words, t.describe())
	case t.Times > 0 && len(hits) != t.Times:
		return "", errf("the words « %s » are in %s %s, not %s as the instruction says", words, t.describe(), timesName(len(hits)), timesName(t.Times))
	}
	// From the last: each edit leaves the places before it where they were.
	for k := len(hits) - 1; k >= 0; k-- {
		h := hits[k]
		switch {
		case op.Kind == Replace:
			text = text[:h.start] + op.New + text[h.end:]
		case op.Kind == DeleteWords:
			text = splice(text, h, "")
		case op.Before:
			text = text[:h.start] + joinWords(op.New, text[h.start:])
		default:
			text = text[:h.end] + joinWords("", op.New) + text[h.end:]
		}
	}
	return text, nil
}
