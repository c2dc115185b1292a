package clause

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// plainStart marks the bytes a plain-line heading can start with.
var plainStart = [256]bool{'A': true, 'a': true, 'T': true, 't': true, 'C': true, 'c': true,
	'S': true, 's': true, 'P': true, 'p': true, 'L': true, 'l': true,
	'E': true, 0xC3: true} // "ÉTAT A", "ETAT B": a finance law's annexed tables

// mdHeading reads an ATX markdown heading: 1 to 6 '#', a space, the heading.
func mdHeading(s string) (head, bool) {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	if n > 6 || n == len(s) || (s[n] != ' ' && s[n] != '\t') {
		return head{}, false
	}
	content := strings.TrimSpace(s[n:])
	closed := false
	// An optional closing sequence of '#' preceded by a space.
	if t := strings.TrimRight(content, "#"); len(t) < len(content) && (t == "" || t[len(t)-1] == ' ' || t[len(t)-1] == '\t') {
		content, closed = strings.TrimSpace(t), true
	}
	if content == "" {
		return head{}, false
	}
	h, ok := classify(content, false)
	h.md, h.text = n, content
	if !ok {
		h.hk = hFreeSection
		if n == 1 {
			h.hk = hFreeTitle
		}
	}
	// "### Art. 1er. – Est approuvée…": the heading of a run-in article
	// (see runInStart), its text after it in the line as written. Unless
	// closed, a heading keeps where its text would start, for a line
	// wrapped onto the next (see wrappedMarkdown).
	switch {
	case h.body == 0 || closed:
		h.body = 0
	case readsAsSentence(content[h.body:]) && (h.dotDash || statesSomething(content[h.body:])):
		h.runIn, h.weak = true, !h.dotDash && verbSign(content[h.body:]) == weakSign
		fallthrough
	default:
		h.body += len(s) - len(content)
	}
	return h, true
}

// plainHeading reads a heading set as a plain line, more strictly than a
// markdown one: short, and not a sentence that merely starts with a keyword.
// An article may carry its first sentence on its heading's line (see
// runInStart); such a line may be of any length.
func plainHeading(s string) (head, bool) {
	// classify rules out a line of prose by its first word, which is
	// cheaper than measuring it.
	h, ok := classify(s, true)
	if !ok {
		return head{}, false
	}
	if longerThan(s, maxPlainHeading) {
		// Too long for a title: either the article's text or no heading.
		if h.body == 0 || bareRunIn(h, s) && !statesSomething(s[h.body:]) {
			return head{}, false
		}
		h.runIn = true
	} else if h.body > 0 && readsAsSentence(s[h.body:]) && (h.dotDash || statesSomething(s[h.body:])) {
		h.runIn, h.weak = true, !h.dotDash && verbSign(s[h.body:]) == weakSign
	}
	h.text = s
	return h, true
}

// bareRunIn reports an article heading whose line goes on with words and
// no mark between its number and them: a title ("Article 2 Champ
// d'application") or the article's first sentence, which only what the
// words say tells apart.
func bareRunIn(h head, s string) bool {
	return strings.TrimSpace(s[h.cut:h.body]) == ""
}

// runInStart finds the text an article heading's line may carry after the
// heading ("Art. 1er. – Est approuvée la convention…", "Art. L. 162-5. –
// Les rapports…", as the Journal officiel and the codes print articles):
// after the number and status come a period, a dash or colon, or both, then
// a capital or an opening quote. It returns where the heading as printed
// ends ("Art. 1er."), where that text starts, and whether the period and
// the dash both stand, the run-in style proper: "Article 12 – Consultation"
// is a title, "Art. 12. – La consultation…" the start of the article's text.
func runInStart(s string, at int) (cut, body int, dotDash bool) {
	i := skipBlanks(s, at)
	cut = at
	dot := i < len(s) && s[i] == '.'
	if dot {
		i++
		cut = i
	}
	i = skipBlanks(s, i)
	sep := false
	if r, n := utf8.DecodeRuneInString(s[i:]); strings.ContainsRune(":-–—−", r) && n > 0 {
		sep = true
		i = skipBlanks(s, i+n)
	}
	// With neither, the line may still go on with the article's first
	// sentence ("Article 29 Le médecin correspondant est consulté…"): the
	// callers ask it to state something (see bareRunIn).
	if i == len(s) {
		return 0, 0, false
	}
	if r, _ := utf8.DecodeRuneInString(s[i:]); !unicode.IsUpper(r) && !strings.ContainsRune("«\"“", r) {
		return 0, 0, false
	}
	return cut, i, dot && sep
}

func skipBlanks(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// readsAsSentence reports text that ends as a sentence does, closing quotes
// and brackets aside: a title does not end with a period, a colon or a
// semicolon.
func readsAsSentence(text string) bool {
	t := strings.TrimRight(text, " \t»\"”’)")
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".;:!?…", r)
}

// classify recognises a structural heading: a keyword, a number (or, after
// "Articles", a list or range of numbers), an optional status in
// parentheses (see readStatus), then nothing, or a separator (":", ".",
// "-", "–", "—") and a title, or (strict aside) a title. In strict mode a
// title without separator must start with a capital, and the line must not
// end as a sentence goes on (",", ";"). It fills hk, num, status and more.
func classify(s string, strict bool) (h head, ok bool) {
	rest, hk := keyword(s)
	if hk == hNone {
		return head{}, false
	}
	if hk != hPreamble {
		num, after, ok := scanNumber(rest, hk)
		if !ok {
			if hk == hAnnex && unnumberedAnnex(s, rest, strict) {
				return head{hk: hAnnex}, true
			}
			return head{}, false
		}
		h.num, rest = num, after
		if hk == hArticle && foldPrefixAt(s, 0, "articles") {
			h.more, rest = scanMoreNumbers(num, rest, hk)
		}
	}
	if st, n, ok := readStatus(rest); ok {
		h.status, rest = st, rest[n:]
	} else if st, ok := statusTitle(rest); ok {
		h.status, rest = st, ""
	}
	// A note of the procedure that is no status ("CHAPITRE 2 (Supprimé par
	// la commission)") names nothing: the division's name may stand under.
	h.titled = strings.TrimLeft(rest, " \t:.-–—") != "" && !procedureNote(rest)
	if !titleOK(rest, strict) {
		return head{}, false
	}
	if hk == hArticle && len(h.more) == 0 {
		h.cut, h.body, h.dotDash = runInStart(s, len(s)-len(rest))
	}
	// A run-in article's first line may end anywhere in a sentence.
	if strict && !h.dotDash {
		if r, _ := utf8.DecodeLastRuneInString(s); r == ',' || r == ';' {
			return head{}, false
		}
	}
	h.hk = hk
	return h, true
}

// unnumberedAnnex reports an annex heading without a number: "Annexe",
// "ANNEXES", "Annexe : Tarifs des actes", "## Annexe - Tarifs". A text
// with a single annex does not number it. After the keyword comes nothing,
// or a separator and a title. As a plain line it must also read as a
// heading, not as a sentence that opens with the word ("Annexe au présent
// arrêté, la liste…", "annexe : voir ci-dessous."): the keyword is
// capitalised, a title without separator is in capitals ("ANNEXE
// TARIFAIRE"), and the line does not end as a sentence does.
func unnumberedAnnex(s, rest string, strict bool) bool {
	if r, _ := utf8.DecodeRuneInString(s); strict && !unicode.IsUpper(r) {
		return false
	}
	t := strings.TrimLeft(rest, " \t")
	if t == "" || !strict {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(t); !strings.ContainsRune(":.-–—", r) && strings.IndexFunc(s, unicode.IsLower) >= 0 {
		return false
	}
	switch r, _ := utf8.DecodeLastRuneInString(s); r {
	case ',', ';', '!', '?', '…':
		return false
	case '.':
		return strings.IndexFunc(s, unicode.IsLower) < 0
	}
	return true
}

// scanMoreNumbers reads the rest of the numbers of a plural heading after
// its first number: "et 4", ", 4 et 5", "à 7". A range is spelt out
// (see expandRange). It returns the numbers after the first and what
// follows them.
func scanMoreNumbers(first, s string, hk hkind) (more []string, rest string) {
	prev := first
	for {
		t := strings.TrimLeft(s, " \t")
		var sep string
		switch {
		case strings.HasPrefix(t, ","):
			sep, t = ",", t[1:]
		case foldPrefixAt(t, 0, "et") && frtext.WordEnds(t, 2):
			sep, t = "et", t[2:]
		case strings.HasPrefix(t, "à") && frtext.WordEnds(t, len("à")):
			sep, t = "à", t[len("à"):]
		default:
			return more, s
		}
		num, after, ok := scanNumber(strings.TrimLeft(t, " \t"), hk)
		if !ok {
			return more, s
		}
		if sep == "à" {
			between := expandRange(prev, num)
			more = append(more, between[1:]...)
		} else {
			more = append(more, num)
		}
		prev, s = num, after
	}
}

// expandRange lists the numbers of the range "a à b" as printed, ends
// included: "5 à 7" gives 5, 6, 7; "1er à 3" gives 1er, 2, 3; "1er A à
// 1er C" gives 1er A, 1er B, 1er C; "2 bis à 2 quater" gives 2 bis, 2 ter,
// 2 quater. When the ends differ elsewhere than in their last part, or in a
// way that cannot be counted, only the ends are known.
func expandRange(a, b string) []string {
	ends := []string{a, b}
	na, nb := strings.Split(NormalizeNumber(a), "."), strings.Split(NormalizeNumber(b), ".")
	if len(na) != len(nb) || !slices.Equal(na[:len(na)-1], nb[:len(nb)-1]) {
		return ends
	}
	la, lb := na[len(na)-1], nb[len(nb)-1]
	const maxRange = 100
	var steps []string
	x, errA := strconv.Atoi(la)
	y, errB := strconv.Atoi(lb)
	switch ra, rb := latinWordRank(la), latinWordRank(lb); {
	case ra > 0 && rb > ra:
		for r := ra; r <= rb; r++ {
			w, ok := latinWord(r)
			if !ok {
				return ends
			}
			steps = append(steps, w)
		}
	case errA == nil && errB == nil && x < y && y-x <= maxRange:
		for n := x; n <= y; n++ {
			steps = append(steps, strconv.Itoa(n))
		}
	case len(la) == 1 && len(lb) == 1 && la[0] >= 'a' && la[0] < lb[0] && lb[0] <= 'z':
		upper := b[len(b)-1] >= 'A' && b[len(b)-1] <= 'Z'
		for c := la[0]; c <= lb[0]; c++ {
			letter := c
			if upper {
				letter -= 'a' - 'A'
			}
			steps = append(steps, string(rune(letter)))
		}
	default:
		return ends
	}
	// The numbers between the ends are printed as a is, with its last part
	// replaced: that part must end a.
	prefix := ""
	if len(na) > 1 {
		raw := numberTokens(a)
		last := raw[len(raw)-1]
		if last != la || !strings.HasSuffix(strings.ToLower(a), last) {
			return ends
		}
		prefix = a[:len(a)-len(last)]
	}
	out := make([]string, len(steps))
	for i, st := range steps {
		out[i] = prefix + st
	}
	out[0], out[len(out)-1] = a, b
	return out
}

// titleOK checks what follows the number of a heading.
func titleOK(rest string, strict bool) bool {
	t := strings.TrimLeft(rest, " \t")
	if t == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t)
	switch r {
	case ':', '.', '-', '–', '—':
		return true
	case '(':
		return procedureNote(t)
	case ',', ';', ')', '/':
		return false
	}
	if !strict {
		return true
	}
	return len(t) < len(rest) && unicode.IsUpper(r)
}

// procedureNote reports a note of the procedure that is no known status,
// capitalised and the whole rest of a heading's line: "Article 9 (Texte du
// Sénat)", "(Pour mémoire)"; not "Article 5 (voir ci-dessous)".
func procedureNote(rest string) bool {
	t := strings.TrimSpace(rest)
	if !strings.HasPrefix(t, "(") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t[1:])
	return len(t) <= 100 && unicode.IsUpper(first) && strings.IndexByte(t, ')') == len(t)-1
}

// keyword reads the word that opens a heading (frtext.HeadingStart) and
// returns what follows it with leading spaces removed. A numbered
// division's word is followed by a space, but "Art." may touch its number.
func keyword(s string) (string, hkind) {
	div, rest := frtext.HeadingStart(s)
	hk := divisionKinds[div]
	switch {
	case hk == hNone || hk == hPreamble:
		return rest, hk
	case hk == hAnnex && (rest == "" || strings.ContainsRune(":.-–—", []rune(rest)[0])):
		return rest, hk // an unnumbered annex: see unnumberedAnnex
	case strings.HasSuffix(s[:len(s)-len(rest)], "."):
	case rest == "" || rest[0] != ' ' && rest[0] != '\t':
		return "", hNone
	}
	return strings.TrimLeft(rest, " \t"), hk
}

// divisionKinds are the parser's kinds of the divisions frtext knows.
var divisionKinds = [...]hkind{
	frtext.NoDivision: hNone, frtext.Preamble: hPreamble, frtext.Title: hTitle, frtext.Subtitle: hSubtitle,
	frtext.Chapter: hChapter, frtext.Section: hSection, frtext.Subsection: hSubsection,
	frtext.Article: hArticle, frtext.Annex: hAnnex, frtext.Part: hPart, frtext.Book: hBook,
	frtext.Paragraph: hParagraph, frtext.Subparagraph: hSubparagraph,
}

// scanNumber reads a number as printed at the start of s: "1er", "premier",
// "28.1", "28-1", "2 bis AA", "L. 162-5", "L262-35", "IV", "Ier"; a single
// capital for annexes ("Annexe B").
func scanNumber(s string, hk hkind) (num, rest string, ok bool) {
	i := 0
	if hk == hArticle && s != "" {
		j := 0
		if strings.HasPrefix(s, "LO") {
			j = 2
		} else if strings.IndexByte("LRDA", s[0]) >= 0 {
			j = 1
		}
		if j > 0 {
			k := skipCodePrefixDot(s, j)
			// "L. O. 136-4": the organic-law part of a code, spelt out.
			if j == 1 && s[0] == 'L' && k < len(s) && s[k] == 'O' && k > j && (k+1 == len(s) || s[k+1] == '.' || s[k+1] == ' ') {
				k = skipCodePrefixDot(s, k+1)
			}
			if k < len(s) && isDigit(s[k]) {
				i = k
			}
		}
	}
	switch {
	case i < len(s) && isDigit(s[i]):
		i = skipDigits(s, i)
		for {
			n := numberJoint(s[i:])
			if n == 0 || i+n >= len(s) || !isDigit(s[i+n]) {
				break
			}
			i = skipDigits(s, i+n)
		}
		if foldPrefixAt(s, i, "er") && frtext.WordEnds(s, i+2) {
			i += 2
		}
		i = latinSuffix(s, i)
		i = letterSuffix(s, i)
	case foldPrefixAt(s, 0, "premier") && frtext.WordEnds(s, 7):
		// "Article premier bis" is "Article 1er bis".
		i = letterSuffix(s, latinSuffix(s, 7))
	case foldPrefixAt(s, 0, "première") && frtext.WordEnds(s, len("première")):
		i = len("première")
	case foldPrefixAt(s, 0, "premiere") && frtext.WordEnds(s, 8):
		i = 8
	default:
		if n := namedNumber(s); n > 0 {
			i = n
			break
		}
		k := 0
		for k < len(s) && strings.IndexByte("IVXLCDM", s[k]) >= 0 {
			k++
		}
		if k > 0 {
			if foldPrefixAt(s, k, "er") {
				k += 2
			}
			if _, isRoman := roman(s[:k]); isRoman && frtext.WordEnds(s, k) {
				i = letterSuffix(s, latinSuffix(s, k))
			}
		}
		if i == 0 && hk == hAnnex && s != "" && s[0] >= 'A' && s[0] <= 'Z' && frtext.WordEnds(s, 1) {
			i = 1
		}
	}
	if i == 0 || !frtext.WordEnds(s, i) {
		return "", "", false
	}
	return s[:i], s[i:], true
}

// namedNumbers are the divisions that bills and codes name rather than
// number: "Article liminaire" (before article 1 of a finance bill),
// "Article unique" (a bill of one article), "Titre préliminaire",
// "Chapitre préliminaire".
var namedNumbers = [...]string{"liminaire", "unique", "préliminaire", "preliminaire"}

// namedNumber returns the length of the named number s starts with, or 0.
func namedNumber(s string) int {
	for _, w := range namedNumbers {
		if foldPrefixAt(s, 0, w) && frtext.WordEnds(s, len(w)) {
			return len(w)
		}
	}
	return 0
}

// skipCodePrefixDot skips the dot, asterisk or both and the spaces that
// follow the letter of a code part ("L. ", "R.", "D*", "R.* ": the asterisk
// marks a decree in Conseil d'État that a simple decree may amend).
func skipCodePrefixDot(s string, k int) int {
	if k < len(s) && s[k] == '.' {
		k++
	}
	if k < len(s) && s[k] == '*' {
		k++
	}
	for k < len(s) && s[k] == ' ' {
		k++
	}
	return k
}

// numberJoint returns the length of the mark that s starts with if it
// may join two parts of a number ("28.1", "28-1"): a full stop or a dash
// of any kind, as word processors turn "28-1" into "28–1"; 0 for none.
func numberJoint(s string) int {
	if s == "" {
		return 0
	}
	if s[0] == '.' || s[0] == '-' {
		return 1
	}
	if r, size := utf8.DecodeRuneInString(s); frtext.Typography(r) == '-' {
		return size
	}
	return 0
}

// latinSuffix extends a number over Latin insertion adverbs: "2 bis",
// "2ter", "2-bis".
func latinSuffix(s string, i int) int {
	for {
		k := i
		if k < len(s) && s[k] == '-' {
			k++
		}
		for k < len(s) && s[k] == ' ' {
			k++
		}
		e := k
		for e < len(s) && (s[e]|0x20) >= 'a' && (s[e]|0x20) <= 'z' {
			e++
		}
		if e == k || latinWordRank(s[k:e]) == 0 || !frtext.WordEnds(s, e) {
			return i
		}
		i = e
	}
}

// letterSuffix extends a number over a group of one to three capitals that
// ends the heading or comes before its separator: the "AA" of "2 bis AA".
func letterSuffix(s string, i int) int {
	if i >= len(s) || s[i] != ' ' {
		return i
	}
	k := i + 1
	e := k
	for e < len(s) && e-k < 4 && s[e] >= 'A' && s[e] <= 'Z' {
		e++
	}
	if e == k || e-k > 3 {
		return i
	}
	m := e
	for m < len(s) && s[m] == ' ' {
		m++
	}
	if m == len(s) {
		return e
	}
	switch r, _ := utf8.DecodeRuneInString(s[m:]); r {
	case ':', '.', '-', '–', '—', '(', ',':
		return e // a separator, a status, a list
	}
	if t := s[m:]; (foldPrefixAt(t, 0, "et") && frtext.WordEnds(t, 2)) || (strings.HasPrefix(t, "à") && frtext.WordEnds(t, len("à"))) {
		return e // "Articles 1er A et 1er B", "1er A à 1er C"
	}
	return i
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func skipDigits(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// foldPrefixAt reports whether s holds p at i, ignoring case.
func foldPrefixAt(s string, i int, p string) bool {
	return i+len(p) <= len(s) && strings.EqualFold(s[i:i+len(p)], p)
}

// sentenceGoesOn reports an article heading whose line opens the
// article's first sentence, wrapped onto the next line: "Article 2 - Le
// présent arrêté sera publié" over "au Journal officiel.", as a text
// hard-wrapped for e-mail or exported from a PDF sets it.
func (p *parser) sentenceGoesOn(h *head, next string) bool {
	return h.hk == hArticle && h.body > 0 && statesSomething(p.trimmed(h.line)[h.body:]+" "+next)
}

// titleGoesOn reports a heading whose name is wrapped onto line n, as a
// text hard-wrapped for e-mail or a PDF's plain-text export sets a long
// one ("Article 12 – Conditions d'exercice des médecins en" over "secteur
// à honoraires différents"): the line goes on in lower case, is the last
// of its paragraph and does not end as a sentence does, and the two make
// a heading no longer than one line may be. A PDF read from its word boxes
// gives the name on one line; so does this.
func (p *parser) titleGoesOn(h *head, n int) bool {
	if !h.titled {
		return false
	}
	next := p.trimmed(n)
	if readsAsSentence(next) || longerThan(next, maxPlainHeading-utf8.RuneCountInString(h.text)) {
		return false
	}
	if m := n + 1; m < len(p.lines) && p.lines[m].flags&fBlank == 0 {
		r, _ := utf8.DecodeRuneInString(p.trimmed(m))
		return !unicode.IsLower(r)
	}
	return true
}

// cutRunIn parts the heading of a run-in article from the text its line
// goes on with. A document keeps one style: once one article reads as
// run-in ("Art. 2. – Le présent arrêté…"), so does every article set the
// same way, its text however short ("Art. 3. – Abrogé.").
func (p *parser) cutRunIn(runInStyle bool) {
	titles := p.titlesArticles()
	for i := range p.heads {
		h := &p.heads[i]
		if h.runIn && h.weak && titles {
			h.runIn = false
		}
		if h.body == 0 || !h.runIn && (h.md > 0 || !(runInStyle && h.dotDash)) {
			h.runIn = false
			continue
		}
		h.runIn = true
		h.text = strings.TrimRight(h.text[:h.cut], " \t")
	}
}

// titlesArticles reports a document that names its articles on their
// heading's line ("Article 14 - Dispositions finales.") more often than
// it opens their text there: in such a document, words after an
// article's number that read as a sentence only by a subject and a word
// that may be its verb ("Article 15 - Le forfait structure des cabinets
// médicaux.") are the article's name too.
func (p *parser) titlesArticles() bool {
	titled, runIn := 0, 0
	for _, h := range p.heads {
		switch {
		case h.hk != hArticle || h.body == 0:
		case h.runIn:
			runIn++
		default:
			titled++
		}
	}
	return titled > runIn
}

// statusLines reads the status a chamber prints on the line under a
// heading ("Article 9 ter" over "(nouveau)", a narrow column's wrap) as
// the heading's, as it is when printed on the heading's line: the same
// article headed "Article 9 ter (nouveau)" in the next reading, or "Article
// 9 ter" once adopted, is the same text, not one that lost a line. A
// status that is the whole body of a single article stays its text (see
// readBodyStatuses); a range's ("Articles 11 à 13" over "(Supprimés)") is
// every article's of the range.
func (p *parser) statusLines() {
	for k := range p.heads {
		h := &p.heads[k]
		if h.status != "" || h.runIn || kinds[h.hk].rank < 0 {
			continue
		}
		j := p.nextLine(h.line + h.wrap)
		if j >= len(p.lines) || k+1 < len(p.heads) && p.heads[k+1].line == j {
			continue
		}
		st, ok := statusOnly(p.trimmed(j))
		if !ok {
			continue
		}
		if after := p.nextLine(j); len(h.more) == 0 && (after >= len(p.lines) || k+1 < len(p.heads) && p.heads[k+1].line == after) {
			continue
		}
		h.status = st
		h.text += " " + p.trimmed(j)
		h.wrap = j - h.line
	}
}

// Amending texts quote the articles they insert: "L'article 24 est remplacé
// par les dispositions suivantes :" then "Art. 24. - Le Parlement vote la
// loi…". The quoted article belongs to the text of the amending one. It is
// told from an article of the document by two signs together: the line
// before it announces a quotation (it ends with ":"), and it is spelt in the
// document's minority style ("Art. 24." among "Article 3" headings, as codes
// print their articles). Either sign alone is common in real headings:
// "Décrète :" precedes "Art. 1er. - …" in every decree.

// minorityArticleStyle tells which spelling of article headings, abbreviated
// ("Art. 12") or not ("Article 12"), is the less frequent in the document;
// it returns a value no heading has when neither is.
func (p *parser) minorityArticleStyle() int {
	var n [2]int
	for _, h := range p.heads {
		if h.hk == hArticle {
			n[abbreviatedArticle(h.text)]++
		}
	}
	switch {
	case n[0] > n[1]:
		return 1
	case n[1] > n[0]:
		return 0
	}
	return -1
}

// abbreviatedArticle is 1 for a heading spelt "Art.", 0 otherwise.
func abbreviatedArticle(heading string) int {
	if foldPrefixAt(heading, 0, "art.") {
		return 1
	}
	return 0
}

// announced reports whether the last non-blank line before line i ends
// with a colon, announcing what follows. A verb alone before the colon is
// the enacting formula of a decree or an arrêté ("Arrête :", "Décrète :",
// "Décident :"): the articles it announces are the text's own, whatever
// spelling the convention it approves, annexed to it, gives its own.
func (p *parser) announced(i int) bool {
	for i--; i >= 0; i-- {
		if p.lines[i].flags&fBlank == 0 {
			t := p.trimmed(i)
			return strings.HasSuffix(t, ":") && strings.ContainsAny(strings.TrimSpace(strings.TrimSuffix(t, ":")), " \t")
		}
	}
	return false
}

// titleLines reads the title set on the line under a bare heading as the
// heading's, as it is when printed on the heading's line: "Article 1er"
// over "Objet de la convention" (a Word heading and its next paragraph,
// an <h3> and a <p>, or a PDF set them) reads "Article 1er – Objet de la
// convention", and "TITRE I" over "DISPOSITIONS GÉNÉRALES" reads "TITRE I
// – DISPOSITIONS GÉNÉRALES": the same division in either layout is the
// same clause, its text the same. The line is a title when it is short,
// opens with a capital, does not end as a sentence does nor states
// something, and is neither a point nor a row (see nameLine). Under an
// article, a paragraph of text follows it that does not go on with it in
// lower case; under a division, it ends its paragraph, and a heading or
// text follows. Over a table or a list, the line may as well introduce
// them, and stays text.
func (p *parser) titleLines() {
	for k := range p.heads {
		h := &p.heads[k]
		division := kinds[h.hk].rank > 0 && h.hk != hArticle
		// A division's status ("CHAPITRE IER A (nouveau)", or on the
		// line under it: see statusLines) is no title: the name may
		// stand under it.
		if h.hk != hArticle && !division || h.titled || h.runIn || !division && (h.status != "" || h.wrap > 0) || len(h.more) > 0 {
			continue
		}
		j := p.nextLine(h.line + h.wrap)
		// "## TITRE I" over "## Dispositions générales": the name set as
		// a markdown heading of its own, as a converter makes of a PDF's
		// heading block, is the name on the line under it.
		named := k + 1
		if named < len(p.heads) && p.heads[named].line == j && p.heads[named].md >= h.md && freeHeading(p.heads[named]) {
			named++
		}
		if j >= len(p.lines) || named < len(p.heads) && p.heads[named].line <= j || p.tableLine(j) {
			continue
		}
		t := p.trimmed(j)
		if named > k+1 {
			t = p.heads[k+1].text
		}
		if p.lines[j].flags&fEmphasis != 0 {
			t = stripEmphasis(t)
		}
		if !nameLine(t) {
			continue
		}
		after := p.nextLine(j)
		nextHead := named < len(p.heads) && p.heads[named].line == after
		switch {
		case after >= len(p.lines) || nextHead:
			// Alone in its article, the line is its text; a division's
			// name may stand right over the next heading.
			if !division {
				continue
			}
		case division && after == j+1 && named == k+1, !p.opensText(after):
			// Under a division, a line of text right under the name
			// goes on with it.
			continue
		}
		h.text += " – " + t
		h.titled = true
		h.wrap = j - h.line
		if named > k+1 {
			p.heads[k+1].hk = hNone // read into h: see dropNamed
		}
	}
	p.dropNamed()
}

// freeHeading reports a markdown heading that names no numbered division
// ("## Dispositions générales").
func freeHeading(h head) bool {
	return h.md > 0 && kinds[h.hk].rank < 0 && h.hk != hNone
}

// dropNamed leaves out the markdown headings that titleLines read as the
// name of the heading over them.
func (p *parser) dropNamed() {
	keep := p.heads[:0]
	for _, h := range p.heads {
		if h.hk != hNone {
			keep = append(keep, h)
		}
	}
	p.heads = keep
}

// opensText reports whether line i opens a paragraph of text that a title
// may stand over: not the rest of a sentence in lower case, not a table
// nor a list that a line above may introduce.
func (p *parser) opensText(i int) bool {
	body := p.trimmed(i)
	if r, _ := utf8.DecodeRuneInString(body); unicode.IsLower(r) || p.tableLine(i) {
		return false
	}
	_, point := itemStart(body)
	return !point
}

// nameLine reports a line that reads as a division's title: a capital
// first, at most a dozen words, no point's marker, no end of sentence and
// no verb that makes it one (see statesSomething).
func nameLine(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) || readsAsSentence(t) || strings.HasSuffix(t, ",") || len(strings.Fields(t)) > 12 || statesSomething(t) {
		return false
	}
	_, point := itemStart(t)
	return !point
}

// tableLine reports a line of a table: a row, its header, or cells set
// apart in columns.
func (p *parser) tableLine(i int) bool {
	return p.lines[i].flags&fPipe != 0 || p.hasGap(i) || p.isRow(i)
}

// nextLine is the first line after i that is not blank, len(p.lines) when
// none is.
func (p *parser) nextLine(i int) int {
	for i++; i < len(p.lines) && p.lines[i].flags&fBlank != 0; i++ {
	}
	return i
}

// tocEntry reports a line of a table of contents: a heading's words, then
// its page number after a leader ("Article 1 – Objet ........ 2", ". . .
// 2", "___ 2"), a tab (a word processor's plain-text export) or a wide
// gap (a PDF's right-aligned numbers). Such a line names a division; it
// opens none, and read as a heading it would make every article twice,
// the real ones nested in the last division the table lists.
func tocEntry(s string) bool {
	s = strings.TrimRight(s, " \t")
	i := len(s)
	for i > 0 && isDigit(s[i-1]) {
		i--
	}
	if i == len(s) || len(s)-i > 4 || i == 0 {
		return false
	}
	if s[i-1] == '\t' {
		return true
	}
	lead, spaces := 0, 0
	for j := i; j > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		switch r {
		case '.', '…', '_', '·':
			lead++
		case ' ':
			spaces++
		default:
			return lead >= 3 || lead == 0 && spaces >= 3
		}
		j -= size
	}
	return false
}
