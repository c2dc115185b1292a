package amend

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/reader"
)

// noBreak are the spaces the reader writes as plain ones (the no-break
// space, the narrow one French sets before ; : ! ? € %, the figure space),
// and marks the private-use characters that stand for them while the
// source is read again: the reader keeps those as they are.
var (
	noBreak = [...]rune{'\u00a0', '\u202f', '\u2007'}
	marks   = [...]rune{'\ue000', '\ue001', '\ue002'}
)

// Spaces are the headings and texts of a base's clauses as its source
// writes them, no-break spaces included: the reader writes those as plain
// spaces, so that the same text compares alike from any format, but a
// consolidated text is the base itself where no instruction touched it,
// and a typographer's "30 €" or "informée : elle" must come back as
// written. Instructions apply to the base as read; the spaces are put
// back in what they left of it when the consolidation is written.
type Spaces struct {
	heading, text []string // by clause of the base; "" when not found
}

// ReadSpaces reads again source, the bytes of the text file base was read
// from, with each no-break space marked, and keeps the clauses' headings
// and texts as they stand in it. It returns nil when source has no such
// space, or is read otherwise with the marks than without; a clause whose
// text does not stand as it is in what the reader makes of the source
// (another format than text, a line joined) keeps its plain spaces.
func ReadSpaces(base *clause.Document, source []byte) *Spaces {
	if !utf8.Valid(source) || !bytes.ContainsFunc(source, isNoBreak) || bytes.ContainsFunc(source, isMark) {
		return nil
	}
	plain, err := reader.Decode(source)
	if err != nil {
		return nil
	}
	marked, err := reader.Decode([]byte(strings.Map(mark, string(source))))
	if err != nil || strings.Map(unmarkPlain, marked) != plain {
		return nil
	}
	sp := &Spaces{heading: make([]string, len(base.Clauses)), text: make([]string, len(base.Clauses))}
	w := &sourceWalk{plain: plain, marked: marked}
	for i := range base.Clauses {
		sp.heading[i] = w.find(base.Clauses[i].Heading)
		sp.text[i] = w.find(base.Clauses[i].Text)
	}
	return sp
}

// restore returns doc, the consolidation of base whose clause i came from
// base's clause from[i] (-1: inserted), with the no-break spaces of the
// source back wherever its text is still the base's.
func (sp *Spaces) restore(base, doc *clause.Document, from []int) *clause.Document {
	out := &clause.Document{Clauses: append([]clause.Clause(nil), doc.Clauses...)}
	for i := range out.Clauses {
		k := from[i]
		if k < 0 {
			continue
		}
		c, b := &out.Clauses[i], &base.Clauses[k]
		c.Heading = keepSpaces(b.Heading, sp.heading[k], c.Heading)
		c.Text = keepSpaces(b.Text, sp.text[k], c.Text)
	}
	return out
}

// keepSpaces returns now, what instructions made of was (a clause's text
// as read), with the characters of source (was as written, of as many
// characters, no-break spaces where was has plain ones) where now still
// has was's: what changed is the instructions', the rest the source's.
func keepSpaces(was, source, now string) string {
	if source == "" || source == was {
		return now
	}
	if now == was {
		return source
	}
	src := []rune(source)
	var b strings.Builder
	at := 0 // in was, and so in src
	for _, d := range diffmatchpatch.New().DiffMainRunes([]rune(was), []rune(now), false) {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			b.WriteString(string(src[at : at+n]))
			at += n
		case diffmatchpatch.DiffDelete:
			at += n
		case diffmatchpatch.DiffInsert:
			b.WriteString(d.Text)
		}
	}
	return b.String()
}

// sourceWalk finds texts in order in plain and gives them as marked has
// them; at and atMarked are the same place in each.
type sourceWalk struct {
	plain, marked string
	at, atMarked  int
	// misses counts the texts looked for to the end of plain in vain:
	// past a few, the source is not the base's text as it stands (a
	// page's markup), and looking on would read it once per clause.
	misses int
}

const maxMisses = 16

// find returns s, found in plain at or after the place the last text was
// found, as the source writes it; "" when it is not there or has no
// space.
func (w *sourceWalk) find(s string) string {
	if s == "" || !strings.Contains(s, " ") || w.misses >= maxMisses {
		return ""
	}
	k := strings.Index(w.plain[w.at:], s)
	if k < 0 {
		w.misses++
		return ""
	}
	w.advance(w.at + k)
	from := w.atMarked
	w.advance(w.at + len(s))
	return strings.Map(unmark, w.marked[from:w.atMarked])
}

// advance moves to the place to of plain: the texts are the same byte for
// byte but where marked has a mark for plain's space.
func (w *sourceWalk) advance(to int) {
	for w.at < to {
		r, size := utf8.DecodeRuneInString(w.marked[w.atMarked:])
		w.atMarked += size
		if isMark(r) {
			w.at++
		} else {
			w.at += size
		}
	}
}

func isNoBreak(r rune) bool { return r == noBreak[0] || r == noBreak[1] || r == noBreak[2] }
func isMark(r rune) bool    { return r == marks[0] || r == marks[1] || r == marks[2] }

func mark(r rune) rune {
	for k, n := range noBreak {
		if r == n {
			return marks[k]
		}
	}
	return r
}

func unmark(r rune) rune {
	for k, m := range marks {
		if r == m {
			return noBreak[k]
		}
	}
	return r
}

func unmarkPlain(r rune) rune {
	if isMark(r) {
		return ' '
	}
	return r
}
