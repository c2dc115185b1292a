package amend

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/frtext"
)

// span is a byte range [start, end) of a clause's text.
type span struct{ start, end int }

// alineas cuts text[s.start:s.end] into its alinéas, as drafting counts
// them: a paragraph is an alinéa, and so is each line of it that opens a
// list entry ("1° …", "a) …", "- …").
func alineas(text string, s span) []span {
	var out []span
	cur := span{-1, -1}
	pos := s.start
	for pos < s.end {
		eol := strings.IndexByte(text[pos:s.end], '\n')
		lineEnd := s.end
		if eol >= 0 {
			lineEnd = pos + eol
		}
		line := text[pos:lineEnd]
		switch {
		case strings.TrimSpace(line) == "":
			if cur.start >= 0 {
				out = append(out, cur)
				cur = span{-1, -1}
			}
		case cur.start < 0:
			cur = span{pos, lineEnd}
		case frtext.StartsListEntry(strings.TrimLeft(line, " \t")):
			out = append(out, cur)
			cur = span{pos, lineEnd}
		default:
			cur.end = lineEnd
		}
		pos = lineEnd + 1
	}
	if cur.start >= 0 {
		out = append(out, cur)
	}
	return out
}

// phrases cuts text[s.start:s.end] into its phrases, as drafting counts
// them (frtext.PhraseStarts).
func phrases(text string, s span) []span {
	var out []span
	start := s.start
	for _, next := range frtext.PhraseStarts(text[s.start:s.end]) {
		end := s.start + next
		out = append(out, span{start, start + len(strings.TrimRightFunc(text[start:end], unicode.IsSpace))})
		start = end
	}
	return append(out, span{start, s.end})
}

// rank picks the n-th of spans, counting from the end when n < 0.
func rank(spans []span, n int) (span, bool) {
	i := n - 1
	if n < 0 {
		i = len(spans) + n
	}
	if i < 0 || i >= len(spans) {
		return span{}, false
	}
	return spans[i], true
}

// markerFamily tells the kinds of point apart: "1°" digits, "a)" letters,
// "II" Roman numerals. Points of one family follow each other; points of
// another are nested.
func markerFamily(m string) byte {
	switch {
	case strings.Contains(m, "°"): // "2°", "2° bis"
		return '°'
	case strings.HasSuffix(m, ")"):
		return ')'
	}
	return 'I'
}

// lineMarker returns the point marker a line opens with, in the form
// targets use ("2°", "2° bis", "b)", "IV"), or "".
func lineMarker(line string) string {
	line = strings.TrimLeft(line, " \t")
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i > 0 && strings.HasPrefix(line[i:], "°") {
		m := line[:i+len("°")]
		if latin := pointLatin.FindString(line[len(m):]); latin != "" {
			return m + latin
		}
		return m
	}
	if r, size := utf8.DecodeRuneInString(line); unicode.IsLower(r) && strings.HasPrefix(line[size:], ")") {
		return line[:size+1]
	}
	i = 0
	for i < len(line) && strings.IndexByte("IVXLC", line[i]) >= 0 {
		i++
	}
	if i > 0 && (strings.HasPrefix(line[i:], ".") || strings.HasPrefix(line[i:], " -") || strings.HasPrefix(line[i:], " –")) {
		return line[:i]
	}
	return ""
}

// pointLatin is the adverb of a point numbered between two ("2° bis").
var pointLatin = pattern(`^ LATIN\b`)

// point finds the point marked m in text[s.start:s.end]: from the line it
// opens to the next line opening a point of its family, or of a family
// that holds it, one that first appears before it ("II. -" ends the 2° of
// the I). n is how many points are so marked: two, a 2° under the I and
// another under the II, leave the instruction to name the one that holds
// the point it means.
func point(text string, s span, m string) (p span, n int) {
	family := markerFamily(m)
	var families []byte // in the order they first appear: outer first
	rankOf := func(f byte) int {
		for i, g := range families {
			if g == f {
				return i
			}
		}
		families = append(families, f)
		return len(families) - 1
	}
	p = span{-1, -1}
	closed := -1 // where the list that holds the point was closed, if it was
	pos := s.start
	for pos < s.end {
		lineEnd := s.end
		if eol := strings.IndexByte(text[pos:s.end], '\n'); eol >= 0 {
			lineEnd = pos + eol
		}
		lastWord := strings.LastIndexFunc(text[:pos], func(r rune) bool { return !unicode.IsSpace(r) }) + 1
		lm := lineMarker(text[pos:lineEnd])
		if lm == "" && family != 'I' && p.start >= 0 && p.end < 0 && closed < 0 && listClosed(text[p.start:lastWord], text[pos:lineEnd]) {
			closed = lastWord
		}
		if lm != "" {
			r := rankOf(markerFamily(lm))
			if p.start >= 0 && p.end < 0 && r < rankOf(family) && closed >= 0 {
				p.end = closed
			}
			if p.start >= 0 && p.end < 0 && r <= rankOf(family) {
				p.end = lastWord
			}
			if lm == m {
				n++
				if n == 1 {
					p.start = pos + len(text[pos:lineEnd]) - len(strings.TrimLeft(text[pos:lineEnd], " \t"))
				}
			}
		}
		pos = lineEnd + 1
	}
	if p.start >= 0 && p.end < 0 && closed >= 0 {
		p.end = closed
	}
	if p.start >= 0 && p.end < 0 {
		p.end = s.start + len(strings.TrimRightFunc(text[s.start:s.end], unicode.IsSpace))
	}
	return p, n
}

// listEnd is where the list of points of the family of marker m ends in
// text[s.start:s.end], when the text goes on after it (the article's
// closing alinéa): a point that completes the article or the point goes
// there, in the list, not after the alinéa. -1 when the list runs to the
// end of the span, or when s holds no such point, or several lists of it.
// sep is how the list sets its last point apart from what is before it.
func listEnd(text string, s span, m string) (end int, sep string) {
	family := markerFamily(m)
	last := ""
	for pos := s.start; pos < s.end; {
		lineEnd := s.end
		if eol := strings.IndexByte(text[pos:s.end], '\n'); eol >= 0 {
			lineEnd = pos + eol
		}
		if lm := lineMarker(text[pos:lineEnd]); lm != "" && markerFamily(lm) == family {
			last = lm
		}
		pos = lineEnd + 1
	}
	if last == "" {
		return -1, ""
	}
	p, n := point(text, s, last)
	if n != 1 || p.end >= s.start+len(strings.TrimRightFunc(text[s.start:s.end], unicode.IsSpace)) {
		return -1, ""
	}
	if strings.HasSuffix(text[:p.start], "\n\n") {
		return p.end, "\n\n"
	}
	return p.end, "\n"
}

// listClosed reports whether line, unmarked, stands after the list that
// holds a point rather than in the point: the point so far (from its
// marker) ends a sentence, and the line opens one. The last point of a
// list ends with its stop ("3° Il tient le dossier.") and the alinéa
// after it ("Le médecin informe la caisse.") is the article's, not the
// 3°'s; between two points, such an alinéa is the first's, as the next
// point's marker shows. A part numbered in Roman figures ("II. - …") is
// no point of a list: the alinéas after it are its own.
func listClosed(point, line string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(line, " \t"))
	return unicode.IsUpper(r) && frtext.EndsSentence(point)
}

// folded is a text as words are looked up in it: apostrophes as "'", every
// run of white space as one space; at[i] is the byte of the original text
// that folded byte i comes from.
type folded struct {
	text string
	at   []int
}

func fold(s string) folded {
	var b strings.Builder
	at := make([]int, 0, len(s)+1)
	space := false
	for i, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f':
			if !space {
				b.WriteByte(' ')
				at = append(at, i)
			}
			space = true
			continue
		case frtext.IsApostrophe(r):
			r = '\''
		case r == '–' || r == '—':
			r = '-'
		}
		space = false
		n := b.Len()
		b.WriteRune(r)
		for k := n; k < b.Len(); k++ {
			at = append(at, i)
		}
	}
	at = append(at, len(s))
	return folded{b.String(), at}
}

// find returns the byte ranges of text[s.start:s.end] where words stand,
// whole words only: "peut" is not found in "peuvent". Words quoted in
// lower case are found at the start of a sentence too, where the text
// gives them a capital: the capital is the sentence's ("les mots « le
// médecin »" stand in "… patients. Le médecin…").
func find(text string, s span, words string) []span {
	w := fold(strings.TrimSpace(words)).text
	if w == "" {
		return nil
	}
	f := fold(text[s.start:s.end])
	hits := findFolded(text, s, f, w, nil)
	if c := capitalized(w); c != w {
		opening := findFolded(text, s, f, c, func(at int) bool { return opensCapital(text, at) })
		if len(opening) > 0 {
			hits = append(hits, opening...)
			slices.SortFunc(hits, func(a, b span) int { return a.start - b.start })
		}
	}
	return hits
}

// findFolded returns where the folded words w stand in f, the fold of
// text[s.start:s.end], as byte ranges of text, each kept if keep says so.
func findFolded(text string, s span, f folded, w string, keep func(at int) bool) []span {
	var out []span
	for from := 0; from <= len(f.text)-len(w); {
		i := strings.Index(f.text[from:], w)
		if i < 0 {
			break
		}
		i += from
		end := i + len(w)
		if wordEdge(f.text, i, end, w) {
			start := s.start + f.at[i]
			last := s.start + f.at[end-1]
			_, size := utf8.DecodeRuneInString(text[last:])
			if keep == nil || keep(start) {
				out = append(out, span{start, last + size})
			}
		}
		from = i + 1
	}
	return out
}

// wordEdge reports whether t[i:end] (which spells w) starts and ends on
// word boundaries wherever w starts or ends with a letter or digit.
func wordEdge(t string, i, end int, w string) bool {
	first, _ := utf8.DecodeRuneInString(w)
	last, _ := utf8.DecodeLastRuneInString(w)
	if numberGoesOn(t[:i], w, t[end:]) {
		return false
	}
	if isWordRune(first) && i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(t[:i]); isWordRune(r) {
			return false
		}
	}
	if isWordRune(last) && end < len(t) {
		if r, _ := utf8.DecodeRuneInString(t[end:]); isWordRune(r) {
			return false
		}
	}
	return true
}

// numberGoesOn reports whether w, found between before and after in a
// folded text, starts or ends inside a number that goes on: "30" in
// "30,50", "50 €" in "30,50 €", "500 €" in "1 500 €" (thousands set
// apart by a space, as French writes them). An amount is replaced whole.
func numberGoesOn(before, w, after string) bool {
	isDigit := func(c byte) bool { return '0' <= c && c <= '9' }
	lead := 0 // the digits w starts with
	for lead < len(w) && isDigit(w[lead]) {
		lead++
	}
	trail := 0 // the digits w ends with
	for trail < len(w) && isDigit(w[len(w)-1-trail]) {
		trail++
	}
	if n := len(before); lead > 0 && n >= 2 && isDigit(before[n-2]) {
		if sep := before[n-1]; sep == ',' || sep == '.' || sep == ' ' && lead == 3 {
			return true
		}
	}
	if trail > 0 && len(after) >= 2 && isDigit(after[1]) {
		switch after[0] {
		case ',', '.':
			return true
		case ' ':
			k := 1
			for k < len(after) && isDigit(after[k]) {
				k++
			}
			return k == 4
		}
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isCode reports whether the text amended is the code named: one of its
// titles (an unnumbered title, as a code's extract is headed "Code de la
// sécurité sociale") opens with that name, whole. A text whose titles
// name no code is not one: an instruction amending a code is refused on
// it rather than applied to its article of the same number.
func (st *state) isCode(name string) bool { return codeTitled(st.titles(), name) }

// amendsThis refuses an instruction naming as the text it amends
// another than this one, and notes a name whose date the text's title
// does not carry (titledAs): the text is taken as the one named, and the
// trace says on what.
func (st *state) amendsThis(name string) error {
	if !st.isCode(name) && untitledCode(st.cl, name) {
		st.note(fmt.Sprintf("%s: amends the %s, and no title names this text, whose articles are numbered as a code's and never name it: taken as an extract of it", st.applying, name))
		return nil
	}
	if !st.isCode(name) {
		return errf("amends the %s, not this text%s", name, st.titled())
	}
	if _, undated := titledAs(st.titles(), name); undated && namedKind(name) != "" {
		st.note(fmt.Sprintf("%s: names the %s, and the title « %s » carries no date: taken as this text, the other words of the name matching", st.applying, name, shorten(st.titles()[0])))
	}
	return nil
}

// note adds a note for the trace, "by: what", once: what an instruction
// before noted is not said again.
func (st *state) note(n string) {
	_, what, _ := strings.Cut(n, ": ")
	for _, had := range st.notes {
		if strings.HasSuffix(had, ": "+what) {
			return
		}
	}
	st.notes = append(st.notes, n)
}

// codeNumber matches an article number as a code numbers its articles:
// "L262-6", "L. 262-6", "R. 162-5", "LO 135-2", "D.262-1".
var codeNumber = lazy(`^(?:L\.?\s*O|[LRD])\.?\s*\d+(?:-\d+)+`)

// untitledCode reports whether the text may be taken as an extract of the
// code name names, no title saying what it is: a chapter of the code
// kept without the code's name ("# Chapitre II : Revenu minimum
// d'insertion"), most of its articles numbered as a code's ("L262-6"),
// none of them naming that code: a code cites itself as "le présent code",
// and the codes it names are others ("l'article L. 615-8 du code de la
// sécurité sociale" in the code de l'action sociale et des familles). A
// text with a title of its own is what its title says, and a text whose
// articles are numbered otherwise (a convention's article 3) is no code.
func untitledCode(cl []clause.Clause, name string) bool {
	want := frtext.Fold(name)
	if !strings.HasPrefix(want, "code ") || len(titlesOf(cl)) > 0 {
		return false
	}
	articles, coded := 0, 0
	for i := range cl {
		c := &cl[i]
		if strings.Contains(frtext.Fold(c.Text), want) {
			return false
		}
		if c.Kind == clause.KindArticle {
			articles++
			if codeNumber.MatchString(c.Number) {
				coded++
			}
		}
	}
	return coded > 0 && 2*coded > articles
}

// codeTitled reports whether one of titles opens with the name of a code,
// or of another text, whole. A code's name goes on in another's ("code de
// la sécurité" is none, "code de la sécurité sociale" one): a word after
// it is another name. The other texts are named by their number or date,
// or are the Constitution, and their title goes on past it ("Arrêté du 13
// novembre 1998 portant…", "Constitution du 4 octobre 1958").
func codeTitled(titles []string, name string) bool {
	if namedKind(name) != "" {
		return kindTitled(titles, name)
	}
	want := frtext.Fold(name)
	code := strings.HasPrefix(want, "code ")
	for _, title := range titles {
		rest, ok := strings.CutPrefix(frtext.Fold(title), want)
		if !ok {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(rest); rest == "" || code && !startsWord(strings.TrimLeft(rest, " ")) || !code && !isWordRune(r) {
			return true
		}
	}
	return false
}

// titles are the headings of the text's unnumbered titles, its own name
// among them.
func (st *state) titles() []string { return titlesOf(st.cl) }

func titlesOf(cl []clause.Clause) []string {
	var out []string
	for i := range cl {
		if c := &cl[i]; c.Kind == clause.KindTitle && c.Number == "" {
			out = append(out, c.Heading)
		}
	}
	return out
}

// namesItsCode reports whether an article of doc names, as the text it
// amends, the code base is titled with ("# Code de la sécurité
// sociale"), or is an extract of (untitledCode): instructions aimed at base, which Amends, reading "du code"
// as aimed elsewhere, does not tell.
func namesItsCode(doc, base *clause.Document) bool {
	titles := titlesOf(base.Clauses)
	for _, c := range unitsOf(doc) {
		frame, _, err := frameOf(c.Text)
		if err != nil {
			continue
		}
		if code := codeOf(uncite(normalizeFrame(frame))); code != "" && (codeTitled(titles, code) || untitledCode(base.Clauses, code)) {
			return true
		}
	}
	return false
}

// titled names the text amended in a message: ", « title »", or that no
// title names it.
func (st *state) titled() string {
	if t := st.titles(); len(t) > 0 {
		return " (« " + shorten(t[0]) + " »)"
	}
	return ", whose title names no code"
}

// startsWord reports whether s opens with a letter.
func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// completes refuses to complete clause i by a sentence or an alinéa at
// its end when it has no text of its own: a sentence would complete none,
// and an article that only heads the articles numbered under it (28 over
// 28.1 and 28.2) leaves the reader to guess which the alinéa completes.
// Before, the alinéa became the text of article 28, and the sentence an
// alinéa of its own.
func (st *state) completes(i int, t Target, op Op) error {
	c := &st.cl[i]
	if strings.TrimSpace(c.Text) != "" || t.narrowed() || op.Place == PlaceBefore || op.Place == PlaceStart {
		return nil
	}
	if op.Unit == UnitPhrase {
		return errf("%s has no text of its own to complete with a sentence: name what it completes", t.clauseName())
	}
	if c.Kind != clause.KindArticle {
		return nil
	}
	if under := st.numberedUnder(i); len(under) > 0 {
		return errf("%s has no text of its own, and articles %s follow it: name the one the alinéa completes", t.clauseName(), strings.Join(under, ", "))
	}
	return nil
}

// wholeArticle refuses to repeal or rewrite, whole, an article of a
// convention followed by the articles numbered under it (28 before 28.1
// and 28.2): whether they go with it the instruction does not say, and
// read as article 28 alone, "L'article 28 est abrogé" left 28.1 and 28.2
// standing under no article 28, without a word. A range names them
// (« les articles 28 à 28.2 sont abrogés »), and a quotation holding
// their headings rewrites them.
func (st *state) wholeArticle(i int, t Target, op Op) error {
	if op.Kind != Repeal && op.Kind != Rewrite || t.narrowed() || t.Heading || t.Table || t.inRange ||
		op.Kind == Rewrite && (op.Clauses != nil || firstArticleNumber(op.New) != "") {
		return nil
	}
	if under := st.numberedUnder(i); len(under) > 0 {
		return errf("articles %s are numbered under %s, and the instruction does not say whether they go with it: name them (« les articles %s à %s »), or %s alone by its alinéas",
			strings.Join(under, ", "), t.clauseName(), st.cl[i].Number, under[len(under)-1], t.clauseName())
	}
	return nil
}

// numberedUnder lists the articles that follow article i numbered under
// it, as a convention numbers the parts of an article: "28.1", "28-1"
// after "28", not "28 bis", nor a code's "L. 162-5-1" after "L. 162-5",
// an article of its own.
func (st *state) numberedUnder(i int) []string {
	c := &st.cl[i]
	parent := clause.NormalizeNumber(c.Number)
	if c.Kind != clause.KindArticle || parent == "" || parent[0] < '0' || parent[0] > '9' {
		return nil
	}
	var under []string
	for k := st.end(i); k < len(st.cl) && st.cl[k].Kind == clause.KindArticle; k = st.end(k) {
		rest, ok := strings.CutPrefix(clause.NormalizeNumber(st.cl[k].Number), parent+".")
		if !ok || rest == "" || rest[0] < '0' || rest[0] > '9' {
			break
		}
		under = append(under, st.cl[k].Number)
	}
	return under
}
