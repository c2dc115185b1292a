package frtext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations are the words, lower-cased, that a full stop shortens
// rather than ends a sentence with: "art. 5", "cf. annexe", "n. 12",
// "Mme.", "etc. ; …". Single letters ("L. 162-5", "M. Dupont") are
// initials and need no entry.
var abbreviations = map[string]bool{
	"art": true, "arts": true, "al": true, "cf": true, "etc": true, "p": true, "pp": true,
	"n": true, "no": true, "n°": true, "nº": true, "m": true, "mm": true, "mme": true, "mmes": true,
	"mlle": true, "dr": true, "pr": true, "st": true, "ss": true, "ex": true, "réf": true, "ref": true,
	"env": true, "vol": true, "chap": true, "sect": true, "op": true, "cit": true, "hab": true,
	"min": true, "max": true, "e.g": true, "i.e": true, "c.-à-d": true,
}

// IsAbbreviation reports whether word (without its full stop) is one that
// a full stop abbreviates: an initial or a listed abbreviation.
func IsAbbreviation(word string) bool {
	if r, size := utf8.DecodeRuneInString(word); size > 0 && size == len(word) && unicode.IsLetter(r) {
		return true
	}
	return abbreviations[strings.ToLower(word)]
}

// lastWord is the word that ends s: what follows its last space, opening
// bracket, quotation mark or apostrophe.
func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '(' || r == '[' || r == '«' || r == '"' || r == '“' || IsApostrophe(r)
	})
	if i < 0 {
		return s
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[i+size:]
}

// isTerminator reports the punctuation that may end a sentence.
func isTerminator(r rune) bool {
	return r == '.' || r == ';' || r == ':' || r == '?' || r == '!' || r == '…'
}

// opensSentence reports whether r may begin a sentence or a list entry:
// a capital, a digit, a list marker, an opening quotation or bracket.
func opensSentence(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("-–—•*«“\"(", r)
}

// SentenceStarts returns, in increasing order, the byte offsets at which a
// sentence of text begins, 0 left out. A sentence ends at . ; : ? ! or …
// followed by white space and a word that opens a sentence (a capital, a
// digit, a list marker, an opening quotation), unless the full stop
// shortens a word (see IsAbbreviation) or closes the marker that opens a
// list entry ("1. Le médecin…", "II. Les caisses…"). Numbers never break:
// "1.234,56" and "26,50 €" hold no terminator followed by a space.
// The next sentence starts after the white space, line breaks included.
func SentenceStarts(text string) []int { return sentenceStarts(text, false) }

// PhraseStarts is SentenceStarts for the phrases that legislative drafting
// counts ("la deuxième phrase du premier alinéa"): only . ? ! or … end
// one, not ; or :, so that "Le tarif est fixé comme suit : 30 € pour la
// consultation." and "Il mentionne : « Vu le devis »." are one phrase
// each; and "etc." ends one when a grammatical word with its capital
// follows it ("…, etc. Il l'affiche.").
func PhraseStarts(text string) []int { return sentenceStarts(text, true) }

// plainBytes are the ASCII bytes that neither end a line nor a sentence,
// most of a text: one look-up each rather than seven comparisons.
var plainBytes = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = c != '\n' && !isTerminator(rune(c))
	}
	return t
}()

func sentenceStarts(text string, phrases bool) []int {
	var starts []int
	sentStart := 0
	for i := 0; i < len(text); {
		if plainBytes[text[i]] {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			sentStart = i + 1
			i += size
			continue
		}
		if !isTerminator(r) || phrases && (r == ';' || r == ':') {
			i += size
			continue
		}
		end := i + size
		next := end
		for next < len(text) {
			s, n := utf8.DecodeRuneInString(text[next:])
			if !unicode.IsSpace(s) {
				break
			}
			next += n
		}
		i = end
		if next == end || next == len(text) {
			continue
		}
		if first, _ := utf8.DecodeRuneInString(text[next:]); !opensSentence(first) {
			continue
		}
		if w := lastWord(text[sentStart : end-size]); r == '.' && IsAbbreviation(w) && !(phrases && endsPhrase(w, text[next:])) {
			continue
		}
		if isMarker(text[sentStart:end]) {
			continue
		}
		starts = append(starts, next)
		sentStart = next
		i = next
	}
	return starts
}

// endsPhrase reports whether the abbreviation w, its full stop followed
// by after, ends a phrase: "etc." before a grammatical word.
func endsPhrase(w, after string) bool {
	if !strings.EqualFold(w, "etc") {
		return false
	}
	end := strings.IndexFunc(after, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(after)
	}
	return IsGrammatical(strings.ToLower(after[:end]))
}

// Sentences cuts a line into its sentences (see SentenceStarts), each
// without the white space that follows it.
func Sentences(line string) []string {
	var out []string
	start := 0
	for _, next := range SentenceStarts(line) {
		out = append(out, strings.TrimRightFunc(line[start:next], unicode.IsSpace))
		start = next
	}
	return append(out, line[start:])
}

// TrimClosers leaves out what may follow the last mark of a sentence:
// closing quotation marks and brackets, and spaces, no-break ones included
// ("…remis en cause.\u00a0»").
func TrimClosers(s string) string {
	return strings.TrimRight(s, "»\"”’')] \u00a0\u202f")
}

// EndsSentence reports whether a line ends a sentence: its last mark,
// closing quotations and brackets aside, is . : ; ! ? or …, and a full
// stop does not shorten the word before it ("au sens de l'article L."
// goes on on the next line) unless that word is alone on the line.
func EndsSentence(line string) bool {
	s := TrimClosers(line)
	r, size := utf8.DecodeLastRuneInString(s)
	if !isTerminator(r) {
		return false
	}
	if r != '.' {
		return true
	}
	// A word alone on its line ("B.") is a label, not an abbreviation
	// that the next line completes.
	body := strings.TrimSpace(s[:len(s)-size])
	w := lastWord(body)
	return w == body || !IsAbbreviation(w)
}

// StartsListEntry reports whether a line starts with a list or table
// marker, so that it keeps a line of its own: "- ", "• ", "| ", "1° ",
// "2. ", "3) ", "a) ", "IV. ", "II - ".
func StartsListEntry(line string) bool {
	r, size := utf8.DecodeRuneInString(line)
	switch r {
	case '-', '–', '—', '•', '*', '|', '>':
		return true
	}
	rest := line[size:]
	switch {
	case unicode.IsDigit(r):
		i := 0
		for i < len(line) && line[i] >= '0' && line[i] <= '9' {
			i++
		}
		rest = line[i:]
		return strings.HasPrefix(rest, "°") || strings.HasPrefix(rest, ". ") || strings.HasPrefix(rest, ") ")
	case r >= 'a' && r <= 'z':
		return strings.HasPrefix(rest, ") ")
	case r == 'I' || r == 'V' || r == 'X':
		i := 0
		for i < len(line) && (line[i] == 'I' || line[i] == 'V' || line[i] == 'X') {
			i++
		}
		return strings.HasPrefix(line[i:], ". ") || strings.HasPrefix(line[i:], " - ") || strings.HasPrefix(line[i:], ") ")
	}
	return false
}

// isMarker reports whether s is nothing but the marker of a list entry:
// "1.", "II.", "a)", "3°".
func isMarker(s string) bool {
	s = strings.TrimRight(s, ".)°:;")
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) && !strings.ContainsRune("IVXLivxl", r) && !(len(s) == 1 && unicode.IsLetter(r)) {
			return false
		}
	}
	return true
}
