package amend

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrInstructions is the error of amending instructions given where a
// text is expected.
var ErrInstructions = errors.New("most of its articles are amending instructions (it amends a text, it is not one)")

// BaseInstructs is the error of base, amending instructions, laid as the
// base of answer, a text (InstructsAgainst(base, answer)): compared so,
// the answer reads as the instructions replaced by a text, whichever
// command or screen lays them.
func BaseInstructs(base, answer string) error {
	return fmt.Errorf("%s: %w, laid as the base of %s, a text: compare it with the answers to it, or compare what it makes of the text it amends (avenant apply) with %s", base, ErrInstructions, answer, answer)
}

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

// stemAnchors is where, in each stem, mayInstruct looks for it first: at
// a letter rare in French ("f", "v", "p", "b"), so that about one byte in
// twenty stops the scan, where the stems' first letters ("a", "r", "u",
// "d", "m") stopped it at one in four.
var stemAnchors = [len(instructionStems)]int{4, 2, 3, 1, 1}

// gateBytes marks the bytes at which mayInstruct looks twice: in either
// case, the anchor of a stem (bit k for instructionStems[k]); a straight
// quote, the last byte of « and of “ (a quotation opens); the control
// characters of a placeholder, which splitQuotes drops so that the letters
// around them join (opensQuote).
var gateBytes = func() (t [256]uint8) {
	for k, s := range instructionStems {
		c := s[stemAnchors[k]]
		t[c] |= 1 << k
		t[c-'a'+'A'] |= 1 << k
	}
	for _, q := range []string{`"`, "«", "“", string(quoteOpen), string(quoteClose)} {
		t[q[len(q)-1]] = opensQuote
	}
	return t
}()

const opensQuote = 1 << 7

// mayInstruct reports whether an article's text may hold an instruction
// that instructs reads: false only when no form can match its frame.
func mayInstruct(text string) bool {
	if endsWithColon(text) {
		return true
	}
	for i := 0; i < len(text); i++ {
		g := gateBytes[text[i]]
		if g == 0 {
			continue
		}
		if g == opensQuote {
			return true
		}
		for k, s := range instructionStems {
			// The stem's first letter rules out most places before a
			// comparison.
			start := i - stemAnchors[k]
			if g&(1<<k) != 0 && start >= 0 && len(text)-start >= len(s) && text[start]|0x20 == s[0] &&
				strings.EqualFold(text[start:start+len(s)], s) {
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
