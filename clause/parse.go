package clause

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// Parse splits normalised text (UTF-8, NFC, "\n" line ends: see package
// reader) into a Document. It never fails: text with no recognisable
// structure becomes paragraphs.
//
// The segmenter makes two passes. The first walks the bytes once, cutting
// lines with IndexByte and classifying each with cheap prefix checks (a
// heading can only start with '#' or with the first letter of a keyword); it
// also learns facts about the whole document that change how lines are read:
// whether it has articles at all, and which kinds of heading it marks up in
// markdown. The second walks the line records and builds the tree.
//
// Decisions, and why:
//
//   - Numbered points inside a document that has articles ("I. -", "1°",
//     "a)", "- ") stay in the Text of the clause that holds them: the
//     article is the unit that negotiators cite and that amendments replace,
//     and cutting it into items would turn every rewording into a split.
//   - In documents without articles (press releases, slides), numbered and
//     bulleted points become items and free paragraphs become paragraph
//     clauses, so that such texts still compare point by point. Markdown
//     headings there are unnumbered containers: title at level 1, section
//     deeper. A container's Text is whatever stands before its first child
//     (the outline contract); text after a child becomes paragraph clauses,
//     because a container's Text precedes its children in document order.
//   - Every row of a tariff table becomes an item keyed by its act code
//     ("tariff:G"), so that a changed price shows up on its own row. Codes
//     are kept as printed: "V" is the home visit, not five.
//   - Plain-line headings are trusted less than markdown ones: they must be
//     short, must not continue a wrapped sentence, and are ignored for a kind
//     that the document already marks up in markdown (the RCM repeats
//     "Art. 20." under "### Article 20").
//   - An article whose heading's line goes on with its first sentence, as
//     the Journal officiel and the codes print them ("Art. 1er. – Est
//     approuvée…"), has that sentence in its Text: a change there is a
//     change of the text, with its facts. Titles stay in the heading
//     ("Article 12 – Consultation"); see runInStart and cutRunIn.
//   - Nothing is dropped: every character that is not a space lands in
//     exactly one clause's Heading (markdown markers and the dash between a
//     run-in heading and its text aside) or Text, in document order.
func Parse(text string) *Document {
	d, _ := parse(text, 0)
	return d
}

// parse is Parse stopping past limit clauses (0: no limit).
func parse(text string, limit int) (*Document, error) {
	text = rejoinPageRows(text)
	p := parser{text: text, rangeOpen: -1, limit: limit}
	// The lines are cut once: the scan notes whether a line could open a
	// stacked table, and a text rewritten for one is scanned again.
	if p.scan() {
		if t := unstackTables(text); t != text {
			p = parser{text: t, rangeOpen: -1, limit: limit}
			p.scan()
		}
	}
	if !p.over {
		p.settleHeadings()
		p.build()
	}
	if p.over {
		return nil, fmt.Errorf("%w: more than %d (articles, table rows, points, paragraphs), the most one text may have", ErrTooManyClauses, limit)
	}
	readBodyStatuses(p.clauses)
	if p.clauses == nil {
		p.clauses = []Clause{}
	}
	return &Document{Clauses: p.clauses}, nil
}

// maxPlainHeading is the longest plain line, in characters, that may be a
// heading: beyond it the line is running text that happens to start with
// "Article 5".
const maxPlainHeading = 120

// maxSlug bounds the slugs made from headings and first words.
const maxSlug = 40

// proseLine is the length from which a line that ends without punctuation is
// taken for wrapped prose, so that the next line continues it rather than
// opening a heading. Headings set on their own line are shorter.
const proseLine = 50

// hkind is the kind of a heading as the parser sees it: finer than Kind,
// since "Sous-section" and "Section" share a Kind but not a rank or a key.
type hkind uint8

const (
	hNone hkind = iota
	hPreamble
	hPart
	hBook
	hTitle
	hSubtitle
	hChapter
	hSection
	hSubsection
	hParagraph
	hSubparagraph
	hArticle
	hAnnex
	hFreeTitle   // unnumbered markdown heading of level 1
	hFreeSection // unnumbered markdown heading of a deeper level
	hTableGroup  // unnumbered heading over a table of an annex ("Consultations")
	hkinds
)

type kindInfo struct {
	kind Kind
	// rank orders plain headings: a heading encloses the plain headings of
	// a greater rank that follow it. Annexes come last in a convention and
	// hold their own titles and articles, hence rank 0. -1: unranked.
	rank      int
	idPrefix  string
	keyPrefix string
}

// Sous-titre and sous-section get key prefixes of their own ("subtitle:",
// "subsection:") so that "Sous-section 1" never matches "Section 1". A
// code's parts and books are titles above its titles, its paragraphs
// sections below its subsections, for the outline schema knows no more
// kinds.
var kinds = [hkinds]kindInfo{
	hNone:         {KindParagraph, -1, "para", ""},
	hPreamble:     {KindPreamble, 0, "preambule", ""},
	hPart:         {KindTitle, 1, "partie", "part"},
	hBook:         {KindTitle, 2, "livre", "book"},
	hTitle:        {KindTitle, 3, "titre", "title"},
	hSubtitle:     {KindTitle, 4, "sous-titre", "subtitle"},
	hChapter:      {KindChapter, 5, "chap", "chapter"},
	hSection:      {KindSection, 6, "sect", "section"},
	hSubsection:   {KindSection, 7, "sous-sect", "subsection"},
	hParagraph:    {KindSection, 8, "paragraphe", "paragraph"},
	hSubparagraph: {KindSection, 9, "sous-paragraphe", "subparagraph"},
	hArticle:      {KindArticle, 10, "art", "article"},
	hAnnex:        {KindAnnex, 0, "annexe", "annex"},
	hFreeTitle:    {KindTitle, -1, "titre", ""},
	hFreeSection:  {KindSection, -1, "sect", ""},
	hTableGroup:   {KindSection, -1, "sect", ""},
}

// Line flags.
const (
	fBlank    uint16 = 1 << iota // nothing but spaces
	fClean                       // no surrounding spaces: the line is its own trimmed form
	fPipe                        // a markdown table row "| … |"
	fPipeNR                      // a table line that is not a data row: header or separator
	fDemoted                     // a markdown heading read as body text: its markers are left out
	fJoin                        // a blank line inside a sentence: see joinWrapped
	fEmphasis                    // holds markdown emphasis markers: see stripEmphasis
	fNoRow                       // found to be no tariff row: see row
	fGapRead                     // searched for a gap: fGap says whether it holds one (see hasGap)
	fGap
)

type line struct {
	start, end int // the line in text, without its "\n"
	ts, te     int // the line without surrounding spaces
	flags      uint16
}

type head struct {
	line   int
	md     int // markdown level, 0 for a plain line
	hk     hkind
	num    string
	status string   // canonical status, "" when the heading states none
	more   []string // further numbers of a range heading ("Articles 3 et 4")
	text   string   // heading without markdown markers
	// An article heading's line may also hold the start of its text (see
	// runInStart): the heading ends at cut, the text starts at body (byte
	// offsets in the line, 0 when there is none); dotDash tells the run-in
	// style "Art. 1er. – …", and runIn that the line is read so; weak
	// that the words read as a sentence by a subject and its verb alone
	// (see subjectThenVerb), which the document's style may overrule.
	cut, body int
	dotDash   bool
	runIn     bool
	weak      bool
	// titled tells a heading that names its division after the number
	// ("CHAPITRE 1 : Dispositions…"); wrap counts the lines below it that
	// go on with that name (see titleGoesOn).
	titled bool
	wrap   int
}

type frame struct {
	clause int
	md     int
	hk     hkind
}

type parser struct {
	text  string
	lines []line
	heads []head

	mdKinds     [hkinds]bool // kinds the document marks up in markdown
	hasArticles bool
	free        bool // no articles: numbered points become items

	clauses []Clause
	// limit is the most clauses the text may make (0: no limit); over
	// is set once it made more, and stops the build.
	limit int
	over  bool
	// blocks counts the lines that may open a clause of their own
	// beside the headings: rows and the first line of each paragraph.
	blocks  int
	stack   []frame
	ids     map[string]int
	tariffs map[string]int
	// lastArticle is the key of the article opened by the latest heading,
	// "" when that heading was something else.
	lastArticle string
	// rangeOpen is the clause opened by a range heading whose further
	// articles are still to be added, -1 when none.
	rangeOpen int
	rangeHead *head
	paths     []string // see path
	// oneLineParagraphs is set for a text that sets each paragraph on one
	// line: no line of it is the wrapped start of a sentence.
	oneLineParagraphs     bool
	headerCols, tableCols tableColumns // of the header read last (nil in pipes), of the table read
	tableRows             []gridRow    // the rows of the table read, in columns under a header in columns
}

// longProse is a length no hard-wrapped line reaches: text wrapped for
// reading is set at 60 to 120 characters.
const longProse = 200

// oneLineParagraphs reports a text that sets each paragraph on one line
// (a word processor's "plain text" export, a PDF once cleaned) rather
// than wrapping it: three lines of prose or more are longer than any wrap
// width. Such a text has no wrapped sentence to join, and a heading that
// follows a long line without final punctuation ("Convention nationale …
// et l'assurance maladie" / "Préambule") is a heading.
func oneLineParagraphs(text string) bool {
	long := 0
	for line := range strings.Lines(text) {
		if longerThan(line, longProse) && !strings.Contains(line, "   ") &&
			strings.IndexByte(line, '|') < 0 && strings.IndexByte(line, '\t') < 0 {
			if long++; long >= 3 {
				return true
			}
		}
	}
	return false
}

// scan is the first pass: cut lines, flag them, record heading candidates
// (settleHeadings then sorts them out). It reports whether a line is nothing but a row code, as hasRowCodeLine
// does, for Parse to look for stacked tables.
func (p *parser) scan() (rowCodeLine bool) {
	text := p.text
	p.oneLineParagraphs = oneLineParagraphs(text)
	// Counting lines first costs less than growing the slice: a text of
	// short lines (markdown, lists) would copy it several times.
	p.lines = make([]line, 0, strings.Count(text, "\n")+1)
	// Headings are rarely more than one line in four (one in seven in a
	// convention, one in sixteen in a bill); growing their slice from
	// nothing copied it a dozen times over.
	p.heads = make([]head, 0, cap(p.lines)/4)
	prevHead := -1 // index of the previous line if it was a heading
	for pos := 0; pos <= len(text); {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		ts, te := trimBounds(text, pos, end)
		ln := line{start: pos, end: end, ts: ts, te: te}
		i := len(p.lines)
		if ts == te || ruleLine(text[ts:te]) {
			ln.flags = fBlank
			if pos == end {
				ln.flags |= fClean
			}
		} else {
			if i == 0 || p.lines[i-1].flags&fBlank != 0 || text[ts] == '|' {
				p.blocks++
			}
			if ts == pos && te == end {
				ln.flags = fClean
			}
			s := text[ts:te]
			if !rowCodeLine && mayBeRowCode(s) {
				rowCodeLine = isRowCode(cellText(text[pos:end]))
			}
			if (strings.IndexByte(s, '*') >= 0 || strings.IndexByte(s, '_') >= 0) && stripEmphasis(s) != s {
				ln.flags |= fEmphasis
			}
			switch c := s[0]; {
			case c == '#':
				if ts-pos <= 3 {
					if h, ok := mdHeading(s); ok {
						h.line = i
						p.heads = append(p.heads, h)
						// "## Annexes" over plain "ANNEXE 1" does not
						// mark annexes up: it names their group.
						p.mdKinds[h.hk] = p.mdKinds[h.hk] || h.hk != hAnnex || h.num != ""
						prevHead = i
					}
				}
			case c == '|':
				ln.flags |= fPipe
				if isPipeSeparator(s) {
					ln.flags |= fPipeNR
					if i > 0 && p.lines[i-1].flags&fPipe != 0 {
						p.lines[i-1].flags |= fPipeNR // the header row
					}
				}
			case plainStart[c]:
				if p.wrapsInto(i, prevHead) {
					break
				}
				if h, ok := plainHeading(s); ok {
					h.line = i
					p.heads = append(p.heads, h)
					prevHead = i
				}
			case c == '*' || c == '_':
				// A heading set in bold or italics ("**Article 12 –
				// Consultation**", "__TITRE II__") reads as the same
				// line from a Word file does, its markers left out.
				t, marker, closeAt, ok := emphasised(s)
				if !ok || !plainStart[t[0]] || p.wrapsInto(i, prevHead) {
					break
				}
				if h, ok := plainHeading(t); ok {
					h.line = i
					if h.body > 0 {
						// The text of a run-in article starts past the
						// markers, in the line as written.
						h.body += marker
						if h.body-marker >= closeAt {
							h.body += marker
						}
					}
					p.heads = append(p.heads, h)
					prevHead = i
				}
			}
		}
		p.lines = append(p.lines, ln)
		if end == len(text) || p.tooManyHeads() {
			break
		}
		pos = end + 1
	}
	return rowCodeLine
}

// settleHeadings ends the first pass once the lines are known: it drops
// the candidates that are no heading, then reads the unnumbered headings
// of a document with articles, or joins the wrapped lines of one without.
func (p *parser) settleHeadings() {
	p.dropFalseHeadings()
	p.statusLines()
	p.titleLines()
	p.free = !p.hasArticles
	if p.hasArticles {
		p.freeHeadings()
	} else {
		p.annexTableGroups()
		p.joinWrapped()
	}
}

// mayBeRowCode tells, from a line without its surrounding blanks, whether
// hasRowCodeLine could count it: a row code cell is at most 16 code bytes
// and a key letter's coefficient, unless markers wrap it (see cellText). The blanks trimmed here are those
// cellText trims and a few more (U+200B, U+FEFF), none of them a code
// byte, so a line it rules out holds no row code either way.
func mayBeRowCode(s string) bool {
	switch c := s[0]; {
	case c == '*' || c == '_' || c == '`':
		return true
	default:
		// A key letter and its coefficient ("AMI 3") may run longer.
		return isCodeByte(c) && (len(s) <= 16 || isRowCode(s))
	}
}

// dropFalseHeadings leaves out the plain heading candidates that are not
// headings. One followed at once by a line starting in lower case was the
// start of a wrapped sentence, unless that line opens a point ("a) Actes…")
// or the text wraps no line; one of a kind the document marks up in
// markdown is body text; so is an article quoted by an amending one.
func (p *parser) dropFalseHeadings() {
	minority := p.minorityArticleStyle()
	keep := p.heads[:0]
	runInStyle := false
	for _, h := range p.heads {
		if tocEntry(p.trimmed(h.line)) {
			continue
		}
		if h.md == 0 {
			if p.mdKinds[h.hk] {
				continue
			}
			if h.hk == hArticle && abbreviatedArticle(h.text) == minority && p.announced(h.line) {
				continue
			}
			if !p.oneLineParagraphs && !p.goesOn(&h) {
				continue
			}
		} else if !h.runIn {
			// A markdown heading is one line, but an editor that
			// hard-wraps, or a conversion from a PDF, may have wrapped
			// it: "## Article 12 – Conditions d'exercice des médecins
			// en" over "secteur à honoraires différents" is read as the
			// same heading on one line, or as a plain one so wrapped.
			p.goesOn(&h)
		}
		if h.hk == hArticle {
			p.hasArticles = true
		}
		runInStyle = runInStyle || h.runIn && h.dotDash
		keep = append(keep, h)
	}
	p.heads = keep
	p.cutRunIn(runInStyle)
}

// goesOn reads a heading whose line is followed at once by one starting in
// lower case: the article's first sentence wrapped ("Art. 1er. – La
// convention …" over "médecins et …"), or its name ("Article 12 –
// Conditions … en" over "secteur …"). It reports false when neither is, the
// heading then being the start of a wrapped sentence ("Chapitre 3" over
// "du code…"), unless that line opens a point ("a) Actes…").
func (p *parser) goesOn(h *head) bool {
	n := h.line + 1
	if n >= len(p.lines) || p.lines[n].flags&fBlank != 0 {
		return true
	}
	next := p.trimmed(n)
	r, _ := utf8.DecodeRuneInString(next)
	if _, point := itemStart(next); !unicode.IsLower(r) || point {
		return true
	}
	switch {
	case h.body > 0 && h.dotDash || p.sentenceGoesOn(h, next):
		h.runIn = true
	case p.titleGoesOn(h, n):
		h.wrap = 1
		h.text += " " + next
	case h.hk == hArticle && h.body > 0 && h.text[0] != 'a':
		// Words after the number, a capital opening them, going on
		// into a sentence that is no name ("Article 2 - Le directeur
		// général notifie" over "aux caisses les montants retenus."):
		// the article's first sentence, whatever its verb. In lower
		// case, "article 5 : Les…" is more likely a sentence's middle.
		h.runIn = true
	default:
		return false
	}
	return true
}

// longerThan reports whether s holds more than n runes. A string of more
// than n runes of the longest UTF-8 encoding needs no counting: even
// invalid bytes count one each.
func longerThan(s string, n int) bool {
	return len(s) > n && (len(s) > n*utf8.UTFMax || utf8.RuneCountInString(s) > n)
}

// wrapsInto reports whether line i continues the sentence of the line before
// it: that line is long prose ending without punctuation.
func (p *parser) wrapsInto(i, prevHead int) bool {
	if i == 0 || prevHead == i-1 || p.oneLineParagraphs {
		return false
	}
	prev := p.lines[i-1]
	if prev.flags&fBlank != 0 {
		return false
	}
	s := p.text[prev.ts:prev.te]
	if !longerThan(s, proseLine-1) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case ',', '\'', '’', '(', '-':
		return true
	}
	return unicode.IsLower(r) || unicode.IsDigit(r)
}

// build is the second pass: open a clause at each heading, give the lines
// between headings to the clause they follow.
func (p *parser) build() {
	// Sized once: a table of thousands of rows grew the slice a
	// dozen times over, the copies costing more than the clauses. Under
	// headings, a paragraph is text of its clause, not one of its own:
	// counted as one, the paragraphs of a bill sized the slice ten times
	// over.
	n := len(p.heads) + p.blocks + 8
	if len(p.heads) > 0 {
		n = len(p.heads) + 8
		for i := range p.lines {
			if p.lines[i].flags&fPipe != 0 {
				n++
			}
		}
	}
	if p.limit > 0 {
		n = min(n, p.limit+1)
	}
	p.clauses = make([]Clause, 0, n)
	p.ids = make(map[string]int, n)
	bodyStart := 0
	var keyBuf [64]byte
	for i := range p.heads {
		if p.over {
			return
		}
		h := &p.heads[i]
		if h.md == 0 && h.hk == hArticle && p.lastArticle != "" &&
			p.lastArticle == string(appendKey(keyBuf[:0], h.hk, h.num)) {
			continue // "Art. 20." under "Article 20": body text
		}
		p.flush(bodyStart, h.line)
		p.closeRange()
		p.open(h)
		bodyStart = h.line + 1 + h.wrap
		if h.runIn {
			// The rest of the heading's line is the first of its text.
			ln := &p.lines[h.line]
			ln.ts += h.body
			ln.flags &^= fClean | fGapRead | fGap
			bodyStart = h.line
		}
	}
	p.flush(bodyStart, len(p.lines))
	p.closeRange()
}

func keyOf(hk hkind, num string) string {
	var buf [64]byte
	return string(appendKey(buf[:0], hk, num))
}

// appendKey appends keyOf(hk, num) to dst.
func appendKey(dst []byte, hk hkind, num string) []byte {
	// A convention has one préambule: it is the same clause from version
	// to version, whatever its text becomes.
	if hk == hPreamble {
		return append(dst, "preamble"...)
	}
	if num == "" || kinds[hk].keyPrefix == "" {
		return dst
	}
	return appendNumberKey(dst, kinds[hk].keyPrefix, num)
}

// encloses reports whether the open heading f is an ancestor of h. Markdown
// headings nest by level; plain headings by rank; a plain heading sits under
// the markdown heading before it unless that one is of a rank at least as
// high ("### Article 3" does not hold a plain "CHAPITRE IV"). A preamble
// holds no plain heading and is closed by any.
func (p *parser) encloses(f frame, h *head) bool {
	rf, rh := kinds[f.hk].rank, kinds[h.hk].rank
	switch {
	case h.hk == hTableGroup: // under the annex or its article, beside the group before it
		return rf >= 0
	case rf < 0 && p.hasArticles: // see freeHeadings
		return f.hk == hFreeTitle && h.hk != hFreeTitle
	case f.md > 0 && h.md > 0 && rf > 0 && rh > 0:
		// The divisions of a text nest as the law orders them, whatever
		// level its markup gives them ("## TITRE I" then "## CHAPITRE
		// I"), as the same lines from a PDF do: a title holds its
		// chapters and never another title, an article no article
		// ("#### Article 28.1" under "### Article 28").
		return rf < rh
	case f.md > 0 && h.md > 0:
		return f.md < h.md
	case f.hk == hPreamble || (h.hk == hPreamble && h.md == 0):
		return f.md > 0 && rf < 0
	case f.md == 0 && h.md == 0:
		return rf < rh
	case f.md > 0: // h plain
		return rf < 0 || rf < rh
	default: // f plain, h markdown
		return rh >= 0 && rf < rh
	}
}

func (p *parser) top() int {
	if len(p.stack) == 0 {
		return -1
	}
	return p.stack[len(p.stack)-1].clause
}

func (p *parser) open(h *head) {
	for len(p.stack) > 0 && !p.encloses(p.stack[len(p.stack)-1], h) {
		p.stack = p.stack[:len(p.stack)-1]
	}
	parent := p.top()
	ki := kinds[h.hk]
	c := Clause{
		Kind:    ki.kind,
		Number:  h.num,
		Key:     keyOf(h.hk, h.num),
		Heading: h.text,
		Status:  h.status,
		Parent:  parent,
		Depth:   len(p.stack),
	}
	var base string
	switch {
	case h.hk == hPreamble, h.hk == hAnnex && h.num == "":
		// An unnumbered annex is "annexe", whatever its title; a second
		// one is "annexe-2".
		base = ki.idPrefix
	case c.Key != "":
		base = slugJoin(ki.idPrefix, keyNumber(c.Key))
	default:
		base = frtext.SlugMax(h.text, maxSlug)
		if base == "" {
			base = ki.idPrefix
		}
	}
	c.ID = p.uniq(base)
	var pp []string
	if parent >= 0 {
		pp = p.clauses[parent].Path
	}
	c.Path = p.path(pp, h.text)
	p.lastArticle = ""
	if h.hk == hArticle {
		p.lastArticle = c.Key
	}
	p.push(c)
	p.stack = append(p.stack, frame{clause: len(p.clauses) - 1, md: h.md, hk: h.hk})
	if len(h.more) > 0 {
		p.rangeOpen, p.rangeHead = len(p.clauses)-1, h
	}
}

// path makes the path of a heading: its parent's, then its own. Paths are
// cut from a shared block, each capped so that appending to one copies
// it: one allocation for many headings.
func (p *parser) path(parent []string, heading string) []string {
	n := len(parent) + 1
	if cap(p.paths)-len(p.paths) < n {
		p.paths = make([]string, 0, max(n, 256))
	}
	k := len(p.paths)
	p.paths = append(append(p.paths, parent...), heading)
	return p.paths[k : k+n : k+n]
}

// closeRange adds the further clauses of a range heading ("Articles 3 et 4
// (supprimés)") once the first one has its body: one clause per number, so
// that each is compared with its own counterpart, beside the first and
// without heading, since the printed heading is the first one's.
func (p *parser) closeRange() {
	if p.rangeOpen < 0 {
		return
	}
	first, h := p.rangeOpen, p.rangeHead
	p.rangeOpen, p.rangeHead = -1, nil
	for len(p.stack) > 0 && p.stack[len(p.stack)-1].clause >= first {
		p.stack = p.stack[:len(p.stack)-1]
	}
	ki := kinds[h.hk]
	for _, num := range h.more {
		c := p.child(p.clauses[first].Parent, ki.kind)
		c.Number = num
		c.Key = keyOf(h.hk, num)
		c.Status = h.status
		c.ID = p.uniq(slugJoin(ki.idPrefix, keyNumber(c.Key)))
		p.push(c)
	}
	p.lastArticle = ""
}

// flush hands the body lines [a, b) to the clause on top of the stack: its
// Text up to its first child, then tariff rows, items and paragraphs.
func (p *parser) flush(a, b int) {
	parent := p.top()
	hasChild := parent < 0 // at top level every paragraph is a clause
	runStart, runEnd := -1, -1
	emitRun := func() {
		if runStart < 0 {
			return
		}
		if !hasChild {
			p.clauses[parent].Text = p.textOf(runStart, runEnd)
		} else {
			for s := runStart; s < runEnd && !p.over; {
				e := s + 1
				for e < runEnd && p.lines[e].flags&(fBlank|fJoin) != fBlank {
					e++
				}
				p.addParagraph(parent, s, e)
				for s = e; s < runEnd && p.lines[s].flags&fBlank != 0; s++ {
				}
			}
			hasChild = true
		}
		runStart, runEnd = -1, -1
	}
	table := -1      // the header of the table being read, if it has one
	cols := 0        // the number of its columns
	centred := false // whether its labels are centred on their rows' lines
	quoting := 0     // depth of the quotation open at the start of line i
	for i := a; i < b && !p.over; {
		if p.lines[i].flags&fBlank != 0 {
			i++
			continue
		}
		if quoting > 0 {
			// A table, a point quoted by an amending text ("L'annexe 1
			// est remplacée par les dispositions suivantes : « … »") is
			// text of the clause that quotes it, as a quoted heading is.
			quoting = quoteDepth(p.trimmed(i), quoting)
			if runStart < 0 {
				runStart = i
			}
			runEnd = i + 1
			i++
			continue
		}
		if cells, next, ok := p.tableHeader(i, b); ok {
			emitRun()
			table, cols, centred = p.addTableHeader(parent, i, cells), len(cells), false
			hasChild = true
			i = next
			continue
		}
		if r, above, code, ok := p.rowStart(i, b, table, cols); ok {
			emitRun()
			rowParent := parent
			if table >= 0 {
				rowParent = table
			}
			centred = centred || above > 0
			i = p.addRows(rowParent, parent, r, b, above, cols, code, &centred)
			hasChild = true
			continue
		}
		table, centred = -1, false
		p.endTable()
		if p.free {
			if num, ok := itemStart(p.trimmed(i)); ok {
				emitRun()
				j := i + 1
				for j < b && p.lines[j].flags&(fBlank|fJoin) != fBlank && !p.isRow(j) {
					if _, ok := itemStart(p.trimmed(j)); ok {
						break
					}
					j++
				}
				p.addItem(parent, i, j, num)
				hasChild = true
				i = j
				continue
			}
		}
		quoting = quoteDepth(p.trimmed(i), quoting)
		if runStart < 0 {
			runStart = i
		}
		runEnd = i + 1
		i++
	}
	emitRun()
	p.endTable()
}

func (p *parser) trimmed(i int) string { return p.text[p.lines[i].ts:p.lines[i].te] }

// textOf joins the lines [s, e), which start and end with a non-blank line:
// lines trimmed, one blank line between paragraphs. Text already in that
// form is returned as a slice of the input, without copying.
func (p *parser) textOf(s, e int) string {
	clean := true
	for i := s; i < e && clean; i++ {
		ln := p.lines[i]
		if ln.flags&(fClean|fDemoted|fJoin|fEmphasis) != fClean || (ln.flags&fBlank != 0 && p.lines[i-1].flags&fBlank != 0) {
			clean = false
		}
	}
	if clean {
		return p.text[p.lines[s].start:p.lines[e-1].end]
	}
	var b strings.Builder
	// Lines are trimmed and blank lines joined: never longer than in text.
	b.Grow(p.lines[e-1].end - p.lines[s].start)
	blank := false
	for i := s; i < e; i++ {
		ln := p.lines[i]
		if ln.flags&fBlank != 0 {
			blank = blank || ln.flags&fJoin == 0
			continue
		}
		if b.Len() > 0 {
			if blank {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = false
		s := p.text[ln.ts:ln.te]
		if ln.flags&fDemoted != 0 {
			s = strings.TrimSpace(strings.TrimLeft(s, "#"))
		}
		if ln.flags&fEmphasis != 0 {
			s = stripEmphasis(s)
		}
		b.WriteString(s)
	}
	return b.String()
}

// trimBounds returns the bounds of text[start:end] without surrounding
// white space, the Unicode spaces (no-break, thin…) included.
func trimBounds(text string, start, end int) (int, int) {
	for start < end {
		c := text[start]
		if c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
			start++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !isBlankRune(r) {
			break
		}
		start += size
	}
	for end > start {
		c := text[end-1]
		if c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
			end--
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !isBlankRune(r) {
			break
		}
		end -= size
	}
	return start, end
}

// ruleLine reports a line that only draws: a Markdown thematic break
// ("***", "- - -"), a setext heading's underline ("=====", "-----"), a
// text's separator ("_____", "~~~~~"). It holds no word and stands between
// what it separates as a blank line does, in every format: the same
// convention exported with "====" under its titles and without is the same
// text.
func ruleLine(s string) bool {
	if len(s) < 3 || strings.IndexByte("-=_*~", s[0]) < 0 {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == s[0]:
			n++
		case c != ' ' && c != '\t':
			return false
		}
	}
	return n >= 3
}

func isBlankRune(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}
