package amend

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// lexicon is what editing words needs to know of the text amended: which
// words it writes in lower case (state.common) and the gender of a noun
// (state.gender).
type lexicon interface {
	common(word, next string) bool
	gender(noun string) frtext.Gender
	// disagrees takes note of words put in that make a determiner stand
	// before a noun the text gives the other gender.
	disagrees(pair, noun string, g frtext.Gender)
}

// agree writes, at each seam of text (a byte offset where words put in,
// or what words taken out left, meet the text), the word before it as
// French writes it before the word after: "le patient" with « assuré »
// for « patient » is "l'assuré", "du patient" "de l'assuré", "ce
// document" with « avis » "cet avis", "le présent avenant" less «
// présent » "l'avenant", "l'assuré" with « patient » "le patient" where
// the text writes "le patient". Where the form depends on what the text
// does not tell (the gender of a noun it never writes after "le" or "la",
// an h neither aspirated nor mute as far as frtext knows), the instruction
// is refused: the drafter quotes the word before with the words. Seams
// are fixed from the last, each changing text before it only.
func agree(text string, seams []int, lex lexicon) (string, error) {
	for k := len(seams) - 1; k >= 0; k-- {
		var err error
		if text, err = agreeAt(text, seams[k], lex); err != nil {
			return "", err
		}
	}
	return strings.TrimSpace(text), nil
}

// agreeAt is agree at one seam: the words on either side of it, on one
// line.
func agreeAt(text string, at int, lex lexicon) (string, error) {
	left := strings.TrimRight(text[:at], blanks)
	start, w := lastWordOf(left)
	after := strings.TrimLeft(text[len(left):], blanks)
	next := after[:wordEnd(after)]
	if w == "" || next == "" {
		return text, nil
	}
	form, ok := frtext.Before(w, next, frtext.NoGender)
	if !ok {
		pair := text[start:len(left)] + text[len(left):len(text)-len(after)] + next
		if frtext.OnsetOf(next) == frtext.UnsureOnset {
			return "", errf("the words put in make « %s », and whether « %s » is written before « %s » as before a vowel is not known (is its h aspirated?): quote the word before with the words", pair, w, next)
		}
		if form, ok = frtext.Before(w, next, lex.gender(next)); !ok {
			return "", errf("the words put in make « %s », and « %s » is written before « %s » by its gender, which the text does not show (no « le » or « la » before it): quote the word before with the words", pair, w, next)
		}
	}
	if g := frtext.GenderOf(form); g != frtext.NoGender {
		// An instruction applies as written, as the law does: "le
		// patient" with « personne » for « patient » is "le personne".
		// Where the text shows the noun's gender, the reader is told.
		if ng := lex.gender(next); ng != frtext.NoGender && ng != g {
			lex.disagrees(form+" "+next, next, ng)
		}
	}
	if form == w {
		return text, nil
	}
	if strings.EqualFold(form, "le") {
		// "de l'assuré" with « patient » is "du patient".
		if s, prev := lastWordOf(strings.TrimRight(text[:start], blanks)); prev != "" {
			if merged := contracted(prev); merged != "" {
				start, form = s, capitalizedIf(startsUpper(prev), merged)
			}
		}
	}
	sep := " "
	if strings.HasSuffix(form, "'") || strings.HasSuffix(form, "’") {
		sep = ""
	}
	return text[:start] + form + sep + after, nil
}

// contracted is the article "à" or "de" makes with "le" after it ("au",
// "du"), "" for another word.
func contracted(prep string) string {
	switch strings.ToLower(prep) {
	case "de":
		return "du"
	case "à":
		return "au"
	}
	return ""
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// lastWordOf returns the last word of s, with the apostrophe that elides
// it ("l'", "qu'"), and where it starts; -1 and "" when s ends with no
// letter.
func lastWordOf(s string) (int, string) {
	end := len(s)
	if r, size := utf8.DecodeLastRuneInString(s); frtext.IsApostrophe(r) {
		end -= size
	}
	start := end - len(frtext.LastWord(s[:end]))
	if start == end {
		return -1, ""
	}
	return start, s[start:]
}

// disagrees notes, once an instruction, the words it put in that make a
// determiner and a noun of another gender meet.
func (st *state) disagrees(pair, noun string, g frtext.Gender) {
	article := "le"
	if g == frtext.Feminine {
		article = "la"
	}
	note := fmt.Sprintf("%s: the words put in make « %s », and the text writes « %s %s »: applied as written", st.applying, pair, article, noun)
	if !slices.Contains(st.notes, note) {
		st.notes = append(st.notes, note)
	}
}

// gender is the gender the text's determiners give noun, a whole word
// after "le", "la", "un", "une", "du", "cette"…: none when they give
// both, or none.
func (st *state) gender(noun string) frtext.Gender {
	if g, ok := st.genders[noun]; ok {
		return g
	}
	masculine, feminine := false, false
	// The noun as written, and with its first letter in the other case:
	// "la caisse" gives "Caisse primaire" its gender, "le Conseil" gives
	// "conseil" its.
	r, size := utf8.DecodeRuneInString(noun)
	other := string(unicode.ToUpper(r)) + noun[size:]
	if unicode.IsUpper(r) {
		other = string(unicode.ToLower(r)) + noun[size:]
	}
	for i := range st.cl {
		text := st.cl[i].Text
		folded := fold(text)
		hits := findFolded(text, span{0, len(text)}, folded, noun, nil)
		if other != noun {
			hits = append(hits, findFolded(text, span{0, len(text)}, folded, other, nil)...)
		}
		for _, h := range hits {
			_, det := lastWordOf(strings.TrimRight(text[:h.start], blanks))
			switch frtext.GenderOf(det) {
			case frtext.Masculine:
				masculine = true
			case frtext.Feminine:
				feminine = true
			}
		}
	}
	g := frtext.NoGender
	switch {
	case masculine && !feminine:
		g = frtext.Masculine
	case feminine && !masculine:
		g = frtext.Feminine
	}
	if st.genders == nil {
		st.genders = map[string]frtext.Gender{}
	}
	st.genders[noun] = g
	return g
}
