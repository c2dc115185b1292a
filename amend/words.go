package amend

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// editWords applies a word operation inside s; lex tells the words the
// text writes in lower case and the gender of its nouns.
func editWords(text string, s span, op Op, t Target, lex lexicon) (string, error) {
	switch op.Kind {
	case Replace, DeleteWords:
		at, err := once(text, s, op.Old, t)
		if err != nil {
			return "", err
		}
		return editEach(text, []span{at}, op, lex)
	case InsertWords:
		if op.Anchor == "" {
			// "Au début du premier alinéa, sont insérés les mots" : at
			// the start of the target, after the marker of its point.
			start := s.start + markerEnd(text[s.start:s.end])
			return editEach(text, []span{{start, start}}, op, lex)
		}
		at, err := once(text, s, op.Anchor, t)
		if err != nil {
			return "", err
		}
		return editEach(text, []span{at}, op, lex)
	}
	// AppendWords: before the stop that ends the target, which must
	// have words to complete: put in an annex or a chapter that has
	// none of its own, they made a paragraph of their own.
	if strings.TrimSpace(text[s.start:s.end]) == "" {
		return "", errf("%s has no text of its own to complete with words: name what they complete", t.describe())
	}
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
	return text[:end] + spaced(words) + text[end:], nil
}

// editEach applies a word operation at each of hits, where its words
// (Old, or Anchor; none at the start of a target) stand, in one pass:
// edited one by one, 40,000 places of one clause copied it 40,000 times,
// minutes of work. The capital that opens a sentence belongs to the
// sentence, not to its first word: words put before that word, or in
// place of the first words, take it ("Sauf exception, le médecin…"), and
// when the first words go, the word that now opens the sentence does. The
// word that loses it is written in lower case only when it is a common
// word (lexicon.common): "Le" becomes "le", "Paris" stays; words that end a
// sentence of their own leave it its capital. The word before each seam
// is then written as French writes it before the word after (agree).
func editEach(text string, hits []span, op Op, lex lexicon) (string, error) {
	out := make([]byte, 0, len(text)+len(hits)*(len(op.New)+1))
	last := 0
	// seams are where the words put in, or what is left, meet the text.
	seams := make([]int, 0, 2*len(hits))
	for _, h := range hits {
		opens := opensCapital(text, h.start)
		switch {
		case op.Kind == Replace:
			out = append(out, text[last:h.start]...)
			seams = append(seams, len(out))
			out = append(out, capitalizedIf(opens, op.New)...)
			seams = append(seams, len(out))
			last = h.end
		case op.Kind == DeleteWords:
			out = append(out, text[last:h.start]...)
			var skip int
			out, skip = seam(out, text[h.end:])
			seams = append(seams, len(out))
			last = h.end + skip
			if r, size := utf8.DecodeRuneInString(text[last:]); opens && unicode.IsLower(r) {
				out = utf8.AppendRune(out, unicode.ToUpper(r))
				last += size
			}
		case op.Before:
			out = append(out, text[last:h.start]...)
			seams = append(seams, len(out))
			with := capitalizedIf(opens, op.New)
			out = append(append(out, with...), ' ')
			seams = append(seams, len(out))
			last = h.start
			if opens && !endsWithStop(with) {
				word, n := uncapitalized(text[h.start:], lex.common)
				out = append(out, word...)
				last += n
			}
		default:
			out = append(out, text[last:h.end]...)
			seams = append(seams, len(out))
			out = append(out, spaced(op.New)...)
			seams = append(seams, len(out))
			last = h.end
		}
	}
	out = append(out, text[last:]...)
	return agree(string(out), seams, lex)
}

// opensCapital reports whether a sentence opens at text[at:] with a
// capital: the letter there is a capital, and nothing but white space,
// a point's marker ("II. - ") or the stop of the sentence before stands
// between it and the start of its line.
func opensCapital(text string, at int) bool {
	if r, _ := utf8.DecodeRuneInString(text[at:]); !unicode.IsUpper(r) {
		return false
	}
	before := strings.TrimRightFunc(text[:at], unicode.IsSpace)
	if before == "" || strings.ContainsRune(text[len(before):at], '\n') {
		return true
	}
	// A marker is short: the line is looked at only near its end, so
	// that a clause of one long line is not read back for every place.
	tail := before[max(0, len(before)-16):]
	if k := strings.LastIndexByte(tail, '\n'); k >= 0 || len(tail) == len(before) {
		line := text[len(before)-len(tail)+k+1 : at]
		if markerEnd(line) == len(line) {
			return true
		}
	}
	return frtext.EndsSentence(before)
}

// endsWithStop reports whether words end a sentence of their own (« Elle
// est d'ordre public. »): the word after them still opens one.
func endsWithStop(words string) bool {
	r, _ := utf8.DecodeLastRuneInString(frtext.TrimClosers(strings.TrimSpace(words)))
	return strings.ContainsRune(".!?…", r)
}

// capitalized writes the first letter of s as a capital, if s opens with a
// letter.
func capitalized(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

func capitalizedIf(capital bool, s string) string {
	if capital {
		return capitalized(s)
	}
	return s
}

// uncapitalized returns the word s opens with, in lower case when it is a
// capital followed by lower-case letters and common says it is a common
// word (a name, or an acronym, keeps its capitals), and its length in s.
func uncapitalized(s string, common func(word, next string) bool) (string, int) {
	end := wordEnd(s)
	word := s[:end]
	r, size := utf8.DecodeRuneInString(word)
	if !unicode.IsUpper(r) || strings.IndexFunc(word[size:], unicode.IsUpper) >= 0 {
		return word, end
	}
	// The next word, past one space, apostrophe or hyphen.
	next := word
	if r, n := utf8.DecodeRuneInString(s[end:]); r == ' ' || r == '-' || frtext.IsApostrophe(r) {
		if k := end + n + wordEnd(s[end+n:]); k > end+n {
			next = s[:k]
		}
	}
	if common(word, next) {
		return string(unicode.ToLower(r)) + word[size:], end
	}
	return word, end
}

// wordEnd is where the letters s opens with end.
func wordEnd(s string) int {
	if end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); end >= 0 {
		return end
	}
	return len(s)
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

// spaced puts a space before inserted words, unless they open with
// punctuation that takes none in French: ", elle", ". Il", ")", not ";"
// or ":" ("après le mot « référence », sont insérés les mots « ; elle
// est majorée »" gave "référence; elle").
func spaced(words string) string {
	r, _ := utf8.DecodeRuneInString(words)
	if strings.ContainsRune(",.)…", r) {
		return words
	}
	return " " + words
}

// editAll applies a word operation at every place its words stand in s:
// as many places as the instruction says ("(deux fois)"), or any number
// but none ("partout où ils figurent").
func editAll(text string, s span, op Op, t Target, lex lexicon) (string, error) {
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
	return editEach(text, hits, op, lex)
}
