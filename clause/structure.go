package clause

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// maxTitleLine is the longest plain line, in characters, that may be a
// document's title: titles of decrees run long ("Arrêté du 13 novembre
// 1998 portant règlement conventionnel minimal applicable aux médecins…").
const maxTitleLine = 200

// freeHeadings makes the unnumbered headings of a document with articles
// read the same in every format. Markdown, Word and HTML mark them up
// ("#", a Title style, <h1>) at levels of their own; a PDF gives a plain
// line, with no level. So an unnumbered heading is known by where it
// stands and how it reads, whatever its markup and level:
//
//   - before the first numbered heading (or préambule, or annexe), a
//     markdown heading, or a line standing alone that reads as a title
//     (short, starting with a capital, not ending as a sentence does, no
//     dateline), is a title of the document: kind title, holding what follows up to the
//     next such title;
//   - further on, the same standing right before a numbered heading
//     names a group ("Annexes", "Tarifs des honoraires"), unless it ends
//     a run of short lines (signatures: see endsBlock): a section of
//     its own, which holds no other heading (unless it stands right
//     under a heading, whose name it then is: "TITRE I" over
//     "DISPOSITIONS GÉNÉRALES");
//   - in an annex, the same standing right before a table (its header or
//     first row) names a group of the annex ("### Consultations",
//     "Majorations" over their tables): a section of the annex holding
//     that table, up to the next group or heading, so that the tables of
//     an annex stay apart and a row moved from one to the other is moved;
//     a note of the table's currency ("Montants en euros") stays the text
//     the table is priced by;
//   - any other unnumbered markdown heading is a line of the text it
//     stands in, as the same line is in a PDF ("### Objectifs" inside an
//     article: the article is the unit negotiators cite).
//
// In a document without articles (slides, press releases), headings are
// all the structure there is, and markdown levels keep nesting them.
func (p *parser) freeHeadings() {
	first := len(p.lines)
	for _, h := range p.heads {
		if kinds[h.hk].rank >= 0 && !annexGroup(h) {
			first = h.line
			break
		}
	}
	isHead := p.headLines()
	ranked := make([]bool, len(p.lines))
	for _, h := range p.heads {
		ranked[h.line] = kinds[h.hk].rank >= 0
	}
	// introduces reports whether the next non-blank line after i opens a
	// numbered heading, and the line before it is not a heading: a line
	// right under "TITRE I" is that title's name, printed apart.
	introduces := func(i int) bool {
		j := i + 1
		for j < len(p.lines) && p.lines[j].flags&fBlank != 0 {
			j++
		}
		b := i - 1
		for b >= 0 && p.lines[b].flags&fBlank != 0 {
			b--
		}
		return j < len(p.lines) && ranked[j] && (b < 0 || !isHead[b])
	}
	out := make([]head, 0, len(p.heads)+2)
	k := 0 // next of p.heads
	inAnnex := false
	for i := range p.lines {
		free := false
		var h head
		if k < len(p.heads) && p.heads[k].line == i {
			h = p.heads[k]
			k++
			if kinds[h.hk].rank >= 0 && !(annexGroup(h) && introduces(i)) {
				inAnnex = inAnnex || h.hk == hAnnex
				out = append(out, h)
				continue
			}
			free = true
		} else if p.titleLine(i, isHead) {
			h = head{line: i, text: p.trimmed(i)}
		} else if t, ok := p.emphasisedTitle(i, isHead); ok && inAnnex {
			h = head{line: i, text: t}
		} else {
			continue
		}
		switch {
		case i < first:
			h.hk = hFreeTitle
		case introduces(i) && !p.endsBlock(i, isHead):
			h.hk = hFreeSection
		case inAnnex && p.opensTable(i) && currencyNote(h.text) == "" && !p.inTableLabel(i):
			h.hk = hTableGroup
		default:
			if free {
				p.lines[i].flags |= fDemoted
			}
			continue
		}
		out = append(out, h)
	}
	p.heads = out
}

// endsBlock reports whether line i ends a run of short lines that are no
// headings: the signatures closing a convention ("La présidente" / "Agnès
// GIANNOTTI" right before "Annexe 1"), an address. A group's name stands
// alone after the text or the heading before it; the last line of such a
// block is a line of the text it closes. Two short lines before it make a
// run: one ("Hors majorations") is a short paragraph of the text, after
// which a group's name stands as after any other.
func (p *parser) endsBlock(i int, isHead []bool) bool {
	short := 0
	for b := i - 1; b >= 0 && short < 2; b-- {
		switch ln := p.lines[b]; {
		case ln.flags&fBlank != 0:
			continue
		case isHead[b] || ln.flags&fPipe != 0 || !titleShape(p.trimmed(b)):
			return false
		}
		short++
	}
	return short == 2
}

// headLines marks the lines that hold a heading.
func (p *parser) headLines() []bool {
	isHead := make([]bool, len(p.lines))
	for _, h := range p.heads {
		for i := h.line; i <= h.line+h.wrap; i++ {
			isHead[i] = true
		}
	}
	return isHead
}

// annexGroup reports an unnumbered "Annexes": right before a numbered
// heading ("Annexe 1") it names the group, like any unnumbered heading
// there; over text of its own it is the annex.
func annexGroup(h head) bool {
	return h.hk == hAnnex && h.num == "" && foldPrefixAt(h.text, 0, "annexes")
}

// emphasisedTitle reads line i as a title set in bold or italics
// ("**Consultations**"), as a Word file's bold line reads without its
// markers: it returns the title without them.
func (p *parser) emphasisedTitle(i int, isHead []bool) (string, bool) {
	if p.lines[i].flags&fEmphasis == 0 {
		return "", false
	}
	t := stripEmphasis(p.trimmed(i))
	alone := func(j int) bool {
		return j < 0 || j >= len(p.lines) || p.lines[j].flags&fBlank != 0 || isHead[j] || p.oneLineParagraphs
	}
	return t, alone(i-1) && alone(i+1) && titleShape(t)
}

// opensTable reports whether the next line after i that is not blank opens
// a table: its header row, or a row.
func (p *parser) opensTable(i int) bool {
	j := i + 1
	for j < len(p.lines) && p.lines[j].flags&fBlank != 0 {
		j++
	}
	if j == len(p.lines) {
		return false
	}
	if _, _, ok := p.tableHeader(j, len(p.lines)); ok {
		return true
	}
	return p.isRow(j)
}

// titleLine reports whether line i stands alone (a blank line or a heading
// on either side) and reads as a title.
func (p *parser) titleLine(i int, isHead []bool) bool {
	ln := p.lines[i]
	if ln.flags&(fBlank|fPipe) != 0 {
		return false
	}
	// In a text that sets each paragraph on one line, every line stands
	// alone as a paragraph between blank lines does.
	alone := func(j int) bool {
		return j < 0 || j >= len(p.lines) || p.lines[j].flags&fBlank != 0 || isHead[j] || p.oneLineParagraphs
	}
	t := p.trimmed(i)
	return alone(i-1) && alone(i+1) && (titleShape(t) || p.leadLine(i) && titleShape(capitalised(t))) && !tocEntry(t) && !p.isRow(i)
}

// leadLine reports whether line i is the first of the document that holds
// words. That line names the text however it is cased: the Senate prints a
// bill's title in lower case ("projet de loi organique relatif à…"), the
// Assemblée the same title with a capital, and a title that changes its
// case between two readings is the same title.
func (p *parser) leadLine(i int) bool {
	for j := 0; j < i; j++ {
		if p.lines[j].flags&fBlank == 0 {
			return false
		}
	}
	return true
}

// capitalised is s with its first letter a capital.
func capitalised(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// titleShape reports a line that reads as a title rather than a sentence:
// short, starting with a capital, not a point or a table row, ending
// without the punctuation of a sentence (a title in capitals may end with
// a full stop), and not the dateline of the text ("Fait à Paris, le 4 juin
// 2024"), which dates it rather than naming it.
func titleShape(s string) bool {
	// The tests that rule out most lines of prose come first: it starts
	// with a capital as a title does, but ends as a sentence.
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return false
	}
	// A sentence may end inside quotation marks or brackets ("…remis en
	// cause.\"", "…(article 3).)").
	body := frtext.TrimClosers(s)
	switch last, _ := utf8.DecodeLastRuneInString(body); last {
	case ',', ';', ':', '!', '?', '…':
		return false
	case '.':
		if strings.IndexFunc(s, unicode.IsLower) >= 0 {
			return false
		}
	}
	if longerThan(s, maxTitleLine) || strings.Contains(s, "\t") || strings.Contains(s, "   ") {
		return false
	}
	_, point := itemStart(s)
	return !point && !numberedPoint(s) && !dateline(s)
}

// numberedPoint reports a line that opens with a point's number however it
// is punctuated ("XI.- ", "II - ", "3.-"): itemStart wants the usual
// spacing, and a typist's variant must not make a point read as a title.
// So do points named with their insertion number ("VII bis. -", "III A.
// -") or together, as a bill's readings strike them ("VIII et IX. -
// (Supprimé)", "II à IV. -", "1° et 2°").
func numberedPoint(s string) bool {
	k := 0
	for {
		j := k
		for j < len(s) && (isDigit(s[j]) || strings.IndexByte("IVXL", s[j]) >= 0) {
			j++
		}
		if j == k || j == len(s) {
			return false
		}
		k = letterSuffix(s, latinSuffix(s, j))
		rest := strings.TrimLeft(s[k:], " ")
		if strings.HasPrefix(rest, "°") {
			rest = strings.TrimLeft(rest[len("°"):], " ")
			if !strings.HasPrefix(rest, "et ") && !strings.HasPrefix(rest, "à ") && !strings.HasPrefix(rest, ", ") {
				return true
			}
		}
		joint := ""
		for _, w := range []string{"et ", "à ", ", "} {
			if strings.HasPrefix(rest, w) {
				joint = w
			}
		}
		if joint == "" {
			return rest != "" && strings.IndexByte(".-)", rest[0]) >= 0 || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "—")
		}
		k = len(s) - len(strings.TrimLeft(rest[len(joint):], " "))
	}
}

// joinWrapped reads a document without articles as paragraphs, not lines.
// Text exported from a PDF or a slide deck often puts a blank line after
// every line ("… (plus de 70% des" / "" / "votants)."), so a blank line
// there is no paragraph break when the line before it does not end a
// sentence and the line after goes on with it in lower case. Such blank lines are marked fJoin, and the lines
// around them make one paragraph, which no re-wrapping of the same words
// changes. Headings, points and table rows never join.
func (p *parser) joinWrapped() {
	isHead := p.headLines()
	last := -1 // the last non-blank line
	for i := range p.lines {
		if p.lines[i].flags&fBlank != 0 {
			continue
		}
		if last >= 0 && last < i-1 && p.continues(last, i, isHead) {
			for j := last + 1; j < i; j++ {
				p.lines[j].flags |= fJoin
			}
		}
		last = i
	}
}

// continues reports whether line b goes on with the sentence of line a.
func (p *parser) continues(a, b int, isHead []bool) bool {
	if isHead[a] || isHead[b] || p.lines[a].flags&fPipe != 0 || p.lines[b].flags&fPipe != 0 {
		return false
	}
	prev, next := p.trimmed(a), p.trimmed(b)
	if frtext.EndsSentence(prev) || p.isRow(a) || p.isRow(b) {
		return false
	}
	if _, ok := itemStart(next); ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r)
}

// emphasised reads a line that opens with emphasis ("**Article 12 –
// Consultation**", "**Art. 1er.** – Est approuvée…"): the line without the
// opening marker and the first same marker that closes it, the marker's
// length, and where in that line the closing marker stood. A bullet ("*
// point") or a marker that nothing closes is no emphasis.
func emphasised(s string) (t string, marker, closeAt int, ok bool) {
	for marker < len(s) && marker < 3 && s[marker] == s[0] {
		marker++
	}
	open, rest := s[:marker], s[marker:]
	if rest == "" || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '*' || rest[0] == '_' {
		return "", 0, 0, false
	}
	for k := 1; k+marker <= len(rest); k++ {
		k2 := strings.Index(rest[k:], open)
		if k2 < 0 {
			break
		}
		k += k2
		end := k + marker
		before, _ := utf8.DecodeLastRuneInString(rest[:k])
		after, _ := utf8.DecodeRuneInString(rest[end:])
		if !unicode.IsSpace(before) && (end == len(rest) || unicode.IsSpace(after) || unicode.IsPunct(after)) && (end == len(rest) || rest[end] != s[0]) {
			return rest[:k] + rest[end:], marker, k, true
		}
	}
	return "", 0, 0, false
}

// stripEmphasis leaves out the markdown emphasis of a line ("**règlement
// arbitral**", "_voir_"): it is how words were set, which a Word document
// or a PDF of the same text does not spell out, not what they say. A
// marker is a run of * and _ at the edge of a word, taken whole so that
// "0**_000" does not lose both halves and glue two words; a bullet
// ("* point"), an asterisk standing alone ("(*)", "3 * 4") and an
// underscore inside a word stay.
func stripEmphasis(s string) string {
	var b strings.Builder
	kept := 0 // s[:kept] is in b; 0 while no marker was left out
	for i := 0; i < len(s); {
		c := s[i]
		if c != '*' && c != '_' {
			i++
			continue
		}
		j := i
		for j < len(s) && (s[j] == '*' || s[j] == '_') {
			j++
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[j:])
		alnum := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
		wordBefore := i > 0 && alnum(before)
		wordAfter := j < len(s) && alnum(after)
		opens := wordAfter && (i == 0 || unicode.IsSpace(before) || unicode.IsPunct(before))
		closes := wordBefore && (j == len(s) || unicode.IsSpace(after) || unicode.IsPunct(after))
		if (opens || closes) && !(wordBefore && wordAfter) {
			if kept == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[kept:i])
			kept = j
		}
		i = j
	}
	if kept == 0 {
		return s // no marker left out: the line as it is, not a copy
	}
	b.WriteString(s[kept:])
	return b.String()
}
