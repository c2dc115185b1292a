package amend

import (
	"bytes"
	"strings"
	"unicode/utf8"

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

// WithSpaces returns base, read from the text file whose bytes are source,
// with the no-break spaces of source back in its clauses' texts and
// headings: the reader writes them as plain spaces, so that the same text
// compares alike from any format, but a consolidated text is the base
// itself where no instruction touched it, and a typographer's "30 €" or
// "informée : elle" must come back as written. The source is read again
// with each such space marked; a clause whose text does not stand as it
// is in what the reader makes of the source (another format than text, a
// line joined), or a source read otherwise with the marks than without,
// keeps its plain spaces. Base itself is not changed.
func WithSpaces(base *clause.Document, source []byte) *clause.Document {
	if !utf8.Valid(source) || !bytes.ContainsFunc(source, isNoBreak) || bytes.ContainsFunc(source, isMark) {
		return base
	}
	plain, err := reader.Decode(source)
	if err != nil {
		return base
	}
	marked, err := reader.Decode([]byte(strings.Map(mark, string(source))))
	if err != nil || strings.Map(unmarkPlain, marked) != plain {
		return base
	}
	out := &clause.Document{Clauses: append([]clause.Clause(nil), base.Clauses...)}
	w := &sourceWalk{plain: plain, marked: marked}
	changed := false
	for i := range out.Clauses {
		c := &out.Clauses[i]
		heading, text := w.restore(c.Heading), w.restore(c.Text)
		changed = changed || heading != c.Heading || text != c.Text
		c.Heading, c.Text = heading, text
	}
	if !changed {
		return base
	}
	return out
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

// restore returns s, found in plain at or after the place the last text
// was found, with the spaces of the source; s itself when it is not there
// or has no space.
func (w *sourceWalk) restore(s string) string {
	if s == "" || !strings.Contains(s, " ") || w.misses >= maxMisses {
		return s
	}
	k := strings.Index(w.plain[w.at:], s)
	if k < 0 {
		w.misses++
		return s
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
