package amend

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The forms instructs reads each need, in the frame of an article, either
// a quotation or one of a few verbs: the forms that quote nothing are the
// lead-in ("est ainsi modifié", "sont apportées les modifications
// suivantes", or words ending in a colon), renumbering ("devient"), an
// annex replaced by one of the avenant's own ("est remplacée par
// l'annexe 1 du présent avenant") and repeal ("est abrogé", "est
// supprimée", "supprimer cet article"). mayInstruct looks for these in an
// article's raw text, before its quotations are set aside and its frame
// normalised and folded: most articles of a text that is no amendment
// hold none of them, and what they cost to read was most of Amends.
// TestGateCoversForms holds the stems to the prefilters of the forms.
//
// The stems are searched ignoring ASCII case only, which is how a
// case-insensitive pattern reads them: none has an "s" or a "k", whose
// case-folding orbits hold "ſ" and the Kelvin sign ("upprim" stands for
// "supprim").
var instructionStems = [...]string{"modifi", "devien", "remplac", "abrog", "upprim"}

// gateBytes marks the bytes at which mayInstruct looks twice: the first
// letter of a stem in either case (the stem's index plus one); a straight
// quote, the last byte of « and of “ (a quotation opens); the control
// characters of a placeholder, which splitQuotes drops so that the letters
// around them join (opensQuote).
var gateBytes = func() (t [256]int8) {
	for k, s := range instructionStems {
		t[s[0]], t[s[0]-'a'+'A'] = int8(k+1), int8(k+1)
	}
	for _, q := range []string{`"`, "«", "“", string(quoteOpen), string(quoteClose)} {
		t[q[len(q)-1]] = opensQuote
	}
	return t
}()

const opensQuote = -1

// mayInstruct reports whether an article's text may hold an instruction
// that instructs reads: false only when no form can match its frame.
func mayInstruct(text string) bool {
	if endsWithColon(text) {
		return true
	}
	for i := 0; i < len(text); i++ {
		switch k := gateBytes[text[i]]; {
		case k == opensQuote:
			return true
		case k > 0:
			// No two stems start with the same letter; their second
			// letters rule out most places before a comparison.
			s := instructionStems[k-1]
			if len(text)-i >= len(s) && text[i+1]|0x20 == s[1] && strings.EqualFold(text[i:i+len(s)], s) {
				return true
			}
		}
	}
	return false
}

// endsWithColon reports whether text ends as a lead-in may end with no
// verb (a colon, then perhaps a stop or a second colon, before the end),
// as normalizeFrame leaves it: runs of white space are one space.
func endsWithColon(text string) bool {
	for len(text) > 0 {
		r, size := utf8.DecodeLastRuneInString(text)
		switch {
		case r == ':':
			return true
		case r != '.' && !unicode.IsSpace(r):
			return false
		}
		text = text[:len(text)-size]
	}
	return false
}
