package reader

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"
	"github.com/avenant-dev/avenant/internal/lazyre"
)

// headerZone is how many non-blank lines at the top and at the bottom of a
// page may be taken for a running header, a footer or a page number. No
// line outside these zones is ever dropped.
const headerZone = 3

// pageNumberRE matches a line that is nothing but a page number:
// "12", "- 12 -", "Page 3", "Page 3/40", "p. 3", "3 / 40", "page 3 sur 40".
var pageNumberRE = lazyre.New(`^(?i:page|p\.)?\s*[-–—]?\s*\d{1,3}\s*(?:(?:/|(?i:sur|of|de))\s*\d{1,4})?\s*[-–—]?$`)

// pointRE matches the marker of a numbered point or a bullet.
var pointRE = lazyre.New(`^(?:` +
	`[IVX]+\s*(?:[.)°]|\s[-–—])` + // I. -  II)  IV°  III –; not L, C, D, M: "L. 162-5", "M. Dupont"
	`|\d+\s*°` + // 1°
	`|\d{1,3}(?:\.\d+)*\s*[.)](?:\s|$)` + // 1.  1)  2.3.; not a year ("1984.")
	`|\d+(?:\.\d+)+(?:\s|$)` + // 28.1 La consultation
	`|\d+\s+\p{Lu}` + // 1 Revaloriser
	`|\(?[a-z]\)(?:\s|$)|[a-mo-z]°` + // a)  (b)  c°; not "n°", numéro
	`|\(\d+\)` + // (1)
	`|[-–—•·▪●◦*]\s` + // bullets
	`)`)

// isCompoundTail tells the second halves of compounds: a line that ends
// with "xxx-" followed by one of them keeps its hyphen (celui-ci, lui-même,
// ci-dessus, peut-être, sous-section, dit-il). (Switches, not maps: a map
// literal is built when the program starts, for every command.)
func isCompoundTail(w string) bool {
	switch w {
	case "ci", "là", "même", "mêmes", "dessus",
		"dessous", "après", "delà", "être",
		"section", "sections",
		"il", "ils", "elle", "elles", "on":
		return true
	}
	return false
}

// isOpenWord tells the words that cannot end a sentence or a title, so the
// line that follows them continues the sentence even when it starts with a
// capital ("transmet aux" / "Caisses primaires").
func isOpenWord(w string) bool {
	switch w {
	case "de", "du", "des", "la", "le", "les",
		"à", "au", "aux", "et", "ou", "en",
		"par", "pour", "sur", "dans", "avec",
		"sans", "entre", "que", "qui", "un",
		"une", "son", "sa", "ses", "leur",
		"leurs", "ce", "cette", "ces", "dont",
		"vers", "chez", "selon", "auprès":
		return true
	}
	return false
}

// lineKind is how a line takes part in re-wrapping.
type lineKind int

const (
	kindProse   lineKind = iota
	kindHeading          // never joined to either neighbour
	kindPoint            // starts its own line; its continuation joins it
	kindTable            // never joined, spacing kept
)

// classifyPrefix is how much of a line the heading and point patterns,
// anchored at its start, need to see; longer lines are paragraphs, never
// table rows. Both bounds keep a pathological one-line input linear.
const (
	classifyPrefix = 64
	maxTableRow    = 2048
)

func classify(line string) lineKind {
	t := strings.TrimSpace(line)
	prefix := t
	if len(prefix) > classifyPrefix {
		prefix = strings.ToValidUTF8(prefix[:classifyPrefix], "")
	}
	switch {
	case strings.ContainsAny(t, "\t|") || len(t) <= maxTableRow && columnGaps(t) >= 2:
		return kindTable
	case startsHeading(prefix) || isCapitals(t):
		return kindHeading
	case pointRE.MatchString(prefix) || pointRE.MatchString(afterOpeningQuote(prefix)):
		return kindPoint
	}
	return kindProse
}

// afterOpeningQuote is what a line says after the quotation mark that
// opens it, or "" when none does: a bill quotes the alinéas it writes into
// a code, each opening with "«" ("« 1° Les médecins…", "« Les caisses…").
func afterOpeningQuote(line string) string {
	r, n := utf8.DecodeRuneInString(line)
	if r != '«' && r != '“' && r != '"' {
		return ""
	}
	return strings.TrimLeftFunc(line[n:], unicode.IsSpace)
}

// startsHeading reports a line that opens a structural heading: the word
// of a division (frtext.HeadingStart) followed by nothing, a space or a
// separator, or a markdown heading mark. The word must be capitalised: a
// wrapped sentence may well go on with "article 5".
func startsHeading(line string) bool {
	if n := len(line) - len(strings.TrimLeft(line, "#")); n >= 1 && n <= 6 {
		return n == len(line) || line[n] == ' ' || line[n] == '\t'
	}
	div, rest := frtext.HeadingStart(line)
	if r, _ := utf8.DecodeRuneInString(line); div == frtext.NoDivision || !unicode.IsUpper(r) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || unicode.IsSpace(r) || strings.ContainsRune(".:,–—-", r)
}

// columnGaps counts the runs of three spaces or more inside a trimmed
// line: the gaps between the columns of a table laid out with spaces.
func columnGaps(t string) int {
	gaps, run := 0, 0
	for i := 0; i < len(t); i++ {
		if t[i] == ' ' {
			run++
			continue
		}
		if run >= 3 {
			gaps++
		}
		run = 0
	}
	return gaps
}

// isPageNumber reports a line that is only a page number.
func isPageNumber(line string) bool {
	t := strings.TrimSpace(line)
	return len(t) <= 40 && pageNumberRE.MatchString(t)
}

// isCapitals reports a line written in capitals ("DISPOSITIONS
// GÉNÉRALES"), which in a convention is a title.
func isCapitals(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	// An acronym ending a sentence ("la CNAM.") is no title.
	return letters >= 4 && !strings.HasSuffix(s, ",") && !strings.HasSuffix(s, ";") && !strings.HasSuffix(s, ".")
}

// cleanPDFText undoes what pagination and hard wrapping did to text that
// came out of a PDF: it drops running headers, footers and page numbers,
// undoes end-of-line hyphenation and re-joins wrapped lines into
// paragraphs. Pages are separated by form feeds. The heuristics, and the
// guarantee that nothing outside a page's header and footer zones is ever
// dropped, are described in the package documentation. The output has no
// form feed nor carriage return, no trailing blank on any line, single
// blank lines between paragraphs, and ends with one "\n" unless empty.
func cleanPDFText(s string) string {
	// Joining lines must not glue two halves of a broken byte sequence
	// into a character that was not there.
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	raw := strings.Split(s, "\f")
	pages := make([][]string, len(raw))
	for i, p := range raw {
		lines := strings.Split(p, "\n")
		for j, l := range lines {
			lines[j] = strings.TrimRightFunc(l, unicode.IsSpace)
		}
		pages[i] = lines
	}
	drop := markRunning(pages)
	markPageNumbers(pages, drop)

	// Concatenate the pages, leaving out dropped lines and the blank
	// lines at both ends of every page: a page break is a line break.
	// pageStarts holds the index of each page's first line.
	var lines []string
	pageStarts := map[int]bool{}
	for p, page := range pages {
		first, last := len(page), -1
		for i, l := range page {
			if l != "" && !drop[p][i] {
				if i < first {
					first = i
				}
				last = i
			}
		}
		if p > 0 && first <= last {
			pageStarts[len(lines)] = true
		}
		for i := first; i <= last; i++ {
			if !drop[p][i] {
				lines = append(lines, page[i])
			}
		}
	}
	return rewrap(lines, pageStarts)
}

// setsParagraphsApart reports a text whose lines are mostly parted by
// blank lines: a PDF whose paragraphs stand a space apart, each set on
// one line (see layoutBands). A page break that ends no sentence
// joining it to the next is then a paragraph break too, which the page's
// edge hides.
func setsParagraphsApart(lines []string) bool {
	blank, single := 0, 0
	for i := 1; i < len(lines); i++ {
		switch {
		case strings.TrimSpace(lines[i]) == "":
		case strings.TrimSpace(lines[i-1]) == "":
			blank++
		default:
			single++
		}
	}
	return blank > single
}

// zones returns the indices of the first headerZone non-blank lines of a
// page, top down, and of the last ones, bottom up. They overlap on short
// pages.
func zones(page []string) (top, bottom []int) {
	for i := 0; i < len(page) && len(top) < headerZone; i++ {
		if strings.TrimSpace(page[i]) != "" {
			top = append(top, i)
		}
	}
	for i := len(page) - 1; i >= 0 && len(bottom) < headerZone; i-- {
		if strings.TrimSpace(page[i]) != "" {
			bottom = append(bottom, i)
		}
	}
	return top, bottom
}

// runningKeys are what two occurrences of a running header must share:
// the line itself, spaces collapsed, and, for ordinary lines, the line
// with one of its numbers replaced by that number minus the page's index,
// so that "Convention – page 3" on the third page and "Convention – page 4"
// on the fourth share a key while "Métropolitains : 115,00 F" and
// "Métropolitains : 150,00 F" never do. Headings, points and table rows
// only match exactly, which the second result reports: "Article 3" and
// "Article 4" may well open two consecutive pages. Lines without letters
// and page numbers have no key.
func runningKeys(line string, page int) ([]string, bool) {
	t := strings.Join(strings.Fields(line), " ")
	letters := 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters == 0 || isPageNumber(t) {
		return nil, false
	}
	keys := []string{"=" + t}
	if classify(line) != kindProse {
		return keys, true
	}
	for i := 0; i < len(t); {
		if t[i] < '0' || t[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(t) && t[j] >= '0' && t[j] <= '9' {
			j++
		}
		if j-i <= 4 {
			n, _ := strconv.Atoi(t[i:j])
			keys = append(keys, "~"+t[:i]+"#"+strconv.Itoa(n-page)+"#"+t[j:])
		}
		i = j
	}
	return keys, false
}

// markRunning finds running headers and footers and returns, for every
// page, which lines to drop. A key is counted with its rank in the zone
// (first, second or third line from the top, or from the bottom, page
// numbers aside), because a running header holds the same place on every
// page while a content line that recurs lands anywhere. A key whose every
// occurrence goes on with the sentence of the text kept above it is text
// that recurs, never a running line: a footer repeats itself, it does not
// finish the sentence it stands under. Keeping a line can make the one
// under it a continuation too, hence the rounds (at most one per rank).
func markRunning(pages [][]string) [][]bool {
	occs, running := runningCandidates(pages)
	// The first place every line appears anywhere, to keep the real
	// heading that later running headers repeat.
	first := map[string]place{}
	for p, page := range pages {
		for i, l := range page {
			k := strings.Join(strings.Fields(l), " ")
			if _, ok := first[k]; !ok {
				first[k] = place{p, i}
			}
		}
	}
	prose := map[string]bool{}
	for {
		drop := dropAtEdges(pages, occs, first, func(k string) bool { return running(k) && !prose[k] })
		if !markProse(pages, occs, drop, running, prose) {
			return drop
		}
	}
}

type place struct{ page, line int }

// occurrence is a line of a page's header or footer zone, with its keys.
type occurrence struct {
	place
	keys      []string
	exactOnly bool
	rank      int // in its zone, 0 at the page's edge
}

// runningCandidates lists the lines of every page's zones with their keys,
// zone and rank prefixed, and tells which keys recur as running lines do.
func runningCandidates(pages [][]string) ([]occurrence, func(string) bool) {
	var occs []occurrence
	onPages := map[string][]int{} // ordinals of the non-empty pages holding a key
	nonEmpty := 0
	for p, page := range pages {
		top, bottom := zones(page)
		if len(top) == 0 {
			continue
		}
		for z, zone := range [][]int{top, bottom} {
			rank := 0
			for _, i := range zone {
				keys, exactOnly := runningKeys(page[i], p)
				if keys == nil {
					continue
				}
				for j, k := range keys {
					k = fmt.Sprintf("%d%d%s", z, rank, k)
					keys[j] = k
					if o := onPages[k]; len(o) == 0 || o[len(o)-1] != nonEmpty {
						onPages[k] = append(o, nonEmpty)
					}
				}
				occs = append(occs, occurrence{place{p, i}, keys, exactOnly, rank})
				rank++
			}
		}
		nonEmpty++
	}
	running := func(k string) bool {
		o := onPages[k]
		if len(o) >= 2 && 2*len(o) >= nonEmpty {
			return true
		}
		// Three pages in a row, or every other page for headers that
		// alternate between left and right pages.
		run := 1
		for i := 1; i < len(o); i++ {
			if o[i]-o[i-1] <= 2 {
				run++
			} else {
				run = 1
			}
			if run >= 3 {
				return true
			}
		}
		return false
	}
	return occs, running
}

// dropAtEdges marks the occurrences of running keys that stand at the
// page's edge, one under the other: a line is one only if every line
// between it and the edge is one too. A sentence that parallel articles
// repeat may land at the same place on consecutive pages, but text stands
// between it and the edge.
func dropAtEdges(pages [][]string, occs []occurrence, first map[string]place, running func(string) bool) [][]bool {
	drop := make([][]bool, len(pages))
	for p, page := range pages {
		drop[p] = make([]bool, len(page))
	}
	edge := true
	for _, o := range occs {
		if o.rank == 0 {
			edge = true
		}
		if !edge || !slices.ContainsFunc(o.keys, running) {
			edge = false
			continue
		}
		if o.exactOnly && first[strings.Join(strings.Fields(pages[o.page][o.line]), " ")] == o.place {
			edge = false
			continue
		}
		drop[o.page][o.line] = true
	}
	return drop
}

// markProse adds to prose the running keys whose every occurrence
// continues the text kept before it, and reports whether it added any.
func markProse(pages [][]string, occs []occurrence, drop [][]bool, running func(string) bool, prose map[string]bool) bool {
	continued := map[string]bool{}
	for _, o := range occs {
		c := continuesText(pages, o.place, drop)
		for _, k := range o.keys {
			if all, seen := continued[k]; !seen || all {
				continued[k] = c
			}
		}
	}
	added := false
	for k, all := range continued {
		if all && !prose[k] && running(k) {
			prose[k] = true
			added = true
		}
	}
	return added
}

// continuesText reports a line that goes on with the sentence of the
// line kept before it: it opens in lower case and that line is prose that
// does not end a sentence. On its page, that is the nearest line above,
// unless a dropped line or a page number stands between (the line is then
// one of a footer); under only dropped lines, page numbers and blanks, it
// is the last line kept on the page before.
func continuesText(pages [][]string, at place, drop [][]bool) bool {
	line := strings.TrimSpace(pages[at.page][at.line])
	if r, _ := utf8.DecodeRuneInString(line); !unicode.IsLower(r) || classify(line) != kindProse {
		return false
	}
	interrupted := false
	for p, i := at.page, at.line-1; p >= 0 && p >= at.page-1; p-- {
		if p < at.page {
			i = len(pages[p]) - 1
		}
		for ; i >= 0; i-- {
			prev := strings.TrimSpace(pages[p][i])
			switch {
			case prev == "":
			case drop[p][i] || isPageNumber(prev):
				interrupted = true
			default:
				k := classify(prev)
				return !(interrupted && p == at.page) && (k == kindProse || k == kindPoint) && !frtext.EndsSentence(prev)
			}
		}
	}
	return false
}

// markPageNumbers drops page numbers that are, once running headers are
// gone, the first or last non-blank lines of their page, within its zones.
// A decorated number ("- 12 -", "Page 3/40") is always one. A bare number
// may be a table cell or the end of a wrapped sentence, so it is dropped
// only when it follows the pages: its value minus the page's index is the
// offset most bare numbers share, at least two of them, or the document
// has too few pages to tell.
func markPageNumbers(pages [][]string, drop [][]bool) {
	type bare struct{ page, line, offset int }
	var bares []bare
	nonEmpty := 0
	for p, page := range pages {
		top, bottom := zones(page)
		if len(top) > 0 {
			nonEmpty++
		}
		for _, zone := range [][]int{top, bottom} {
			for _, i := range zone {
				if drop[p][i] {
					continue
				}
				t := strings.TrimSpace(page[i])
				if !isPageNumber(t) {
					break
				}
				n, err := strconv.Atoi(t)
				if err != nil {
					drop[p][i] = true
					continue
				}
				bares = append(bares, bare{p, i, n - p})
			}
		}
	}
	count := map[int]int{}
	best, bestN := 0, 0
	for _, b := range bares {
		count[b.offset]++
		if c := count[b.offset]; c > bestN || c == bestN && b.offset < best {
			best, bestN = b.offset, c
		}
	}
	for _, b := range bares {
		if b.offset == best && (bestN >= 2 || nonEmpty <= 2) {
			drop[b.page][b.line] = true
		}
	}
}

// rewrap joins hard-wrapped lines into paragraphs and formats the result.
// The paragraph being built grows in place and join only sees its end, so
// that one huge paragraph costs linear time.
func rewrap(lines []string, pageStarts map[int]bool) string {
	words := lexiconOf(lines)
	apart := setsParagraphsApart(lines)
	var b strings.Builder
	var cur []byte
	var curKind lineKind
	have, blank := false, false
	// underRow is set while lines continue a table row: pdftotext -layout
	// wraps a long label onto indented lines under its column, and that
	// indentation tells clause.Parse which cell they continue.
	underRow := false
	// gap is a blank line after the paragraph being built, not yet known
	// to end it: a reader that sets every line apart (or pdftotext on
	// loosely leaded text) leaves blank lines inside sentences.
	gap := false
	flush := func() {
		if !have {
			return
		}
		if blank && b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.Write(cur)
		b.WriteByte('\n')
		have, blank = false, false
	}
	for i, line := range lines {
		if strings.TrimSpace(line) == "" {
			if have {
				gap = true
			} else {
				blank = true
			}
			underRow = false
			continue
		}
		kind := classify(line)
		// Inside a table, one wide gap is enough: a row whose label
		// wrapped around its code ("GS" and "30 €" alone on the middle
		// line of three) has two cells only.
		if kind == kindProse && have && (curKind == kindTable || underRow) && columnGaps(strings.TrimSpace(line)) >= 1 {
			kind = kindTable
		}
		text := line
		indented := line[0] == ' ' || line[0] == '\t'
		underRow = kind == kindTable || underRow && have && indented && !gap
		if kind != kindTable && !underRow {
			text = strings.TrimLeftFunc(line, unicode.IsSpace)
		}
		if gap {
			gap = false
			if first, _ := utf8.DecodeRuneInString(text); curKind == kindProse && kind == kindProse &&
				unicode.IsLower(first) && !frtext.EndsSentence(tail(cur)) {
				cur = append(append(cur, ' '), text...)
				continue
			}
			flush()
			blank = true
		}
		if have {
			if cut, sep, ok := join(tail(cur), curKind, text, kind, words); ok {
				cur = append(append(cur[:len(cur)-cut], sep...), text...)
				continue
			}
			ended := frtext.EndsSentence(tail(cur))
			flush()
			blank = blank || apart && pageStarts[i] && !underRow && (ended || kind != kindProse)
		}
		cur, curKind, have = append(cur[:0], text...), kind, true
	}
	flush()
	return b.String()
}

// tailSize bounds how much of a paragraph join looks at: enough for the
// last words.
const tailSize = 256

// tail is the end of a paragraph, cut at a character boundary.
func tail(p []byte) string {
	i := max(0, len(p)-tailSize)
	for i < len(p) && !utf8.RuneStart(p[i]) {
		i++
	}
	return string(p[i:])
}

// join decides whether next continues prev, a wrapped sentence or a
// hyphenated word. If so, the paragraph loses its last cut bytes (a
// hyphen) and gets sep and next appended.
func join(prev string, prevKind lineKind, next string, nextKind lineKind, words *lexicon) (cut int, sep string, ok bool) {
	if prevKind == kindHeading && nextKind == kindHeading && capitalsGoOn(prev, next) {
		return 0, " ", true
	}
	if prevKind != kindHeading && prevKind != kindTable && nextKind != kindHeading && nextKind != kindTable && numberCut(prev, next) {
		return 0, "", true
	}
	// A number after a word that cannot end a sentence goes on with it:
	// "des articles 170 à" over "175 A du code" opens no point.
	if nextKind == kindPoint && prevKind == kindProse && isOpenWord(strings.ToLower(frtext.LastWord(prev))) {
		nextKind = kindProse
	}
	if prevKind == kindHeading || prevKind == kindTable || nextKind != kindProse {
		return 0, "", false
	}
	last, lastSize := utf8.DecodeLastRuneInString(prev)
	beforeLast, _ := utf8.DecodeLastRuneInString(prev[:len(prev)-lastSize])
	nextFirst, _ := utf8.DecodeRuneInString(next)

	if last == '\u00AD' {
		return lastSize, "", true
	}
	if (last == '-' || last == '\u2010') && isAlnum(beforeLast) && isAlnum(nextFirst) {
		if dehyphenate(prev[:len(prev)-lastSize], next, words) {
			return lastSize, "", true
		}
		return 0, "", true
	}
	// A closing quotation mark or bracket opens no paragraph: the line
	// broke at the space before it ("« accusé" over "» de réception",
	// "…publiques." over "»"), which the same text read from HTML keeps
	// on one line.
	if strings.ContainsRune("»)]", nextFirst) {
		return 0, " ", true
	}
	if frtext.EndsSentence(prev) {
		return 0, "", false
	}
	sep = " "
	if last == '\'' || last == '’' {
		sep = ""
	}
	// A quotation that opens on a capital opens a quoted alinéa, as a
	// capital opens a paragraph: "« Les caisses…" under a line with no
	// space below it. In lower case it goes on with the sentence ("les
	// mots :" aside, "à la" over "« convention nationale »").
	if q := afterOpeningQuote(next); q != "" {
		nextFirst, _ = utf8.DecodeRuneInString(q)
	}
	switch {
	case unicode.IsLower(nextFirst), unicode.IsDigit(nextFirst),
		strings.ContainsRune("(«“\"'‘’[,;%€", nextFirst):
		return 0, sep, true
	case unicode.IsUpper(nextFirst) && (last == ',' || sep == "" || isOpenWord(strings.ToLower(frtext.LastWord(prev)))):
		return 0, sep, true
	}
	return 0, "", false
}

// numberCut reports a number cut at its hyphen at the end of a line ("L.
// 262-" over "10."): its end goes on with it, though it looks like a
// point's number, which no line ending in a hyphen comes before.
func numberCut(prev, next string) bool {
	body, ok := strings.CutSuffix(prev, "-")
	r, _ := utf8.DecodeLastRuneInString(body)
	k := 0
	for k < len(next) && next[k] >= '0' && next[k] <= '9' {
		k++
	}
	return ok && unicode.IsDigit(r) && k > 0 && !strings.HasPrefix(next[k:], "°")
}

// capitalsGoOn reports a title in capitals wrapped after a word that
// cannot end it ("…DES MÉDECINS LIBÉRAUX ET" / "L'ASSURANCE MALADIE", a
// PDF's title exported with pdftotext, or a centred title): the next line
// in capitals goes on with it, unless it opens a division of its own.
func capitalsGoOn(prev, next string) bool {
	return isCapitals(prev) && isCapitals(next) && !startsHeading(next) &&
		isOpenWord(strings.ToLower(frtext.LastWord(prev)))
}

// dehyphenate reports whether the hyphen between head (the line without
// its final hyphen) and tail (the next line) is an end-of-line
// hyphenation to remove rather than a compound's hyphen to keep. The
// text's own words decide first: the word written whole elsewhere
// ("information") is a hyphenation; the compound written elsewhere
// ("télé-expertise"), or two halves that are both words of the text, a
// compound. Otherwise it depends on the text: one that cuts words at the
// ends of its lines loses the hyphen, one that does not (office software
// does not unless asked) keeps it ("praticien-conseil").
func dehyphenate(head, tail string, words *lexicon) bool {
	h, _ := utf8.DecodeLastRuneInString(head)
	t, _ := utf8.DecodeRuneInString(tail)
	if !unicode.IsLower(h) || !unicode.IsLower(t) {
		return false
	}
	headWord := head[strings.LastIndexFunc(head, unicode.IsSpace)+1:]
	tailWord := tail
	if i := strings.IndexFunc(tail, unicode.IsSpace); i >= 0 {
		tailWord = tail[:i]
	}
	if strings.ContainsAny(headWord, "-\u2010") || strings.ContainsAny(tailWord, "-\u2010") {
		return false
	}
	tailWord = firstWord(tailWord)
	if isCompoundTail(tailWord) {
		return false
	}
	if cut, known := words.cut(frtext.LastWord(head), tailWord); known {
		return cut
	}
	return words.hyphenates
}

// firstWord is the first run of letters of s.
func firstWord(s string) string {
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		return s[:i]
	}
	return s
}

// lexicon is what a text says about its own hyphens: the words it writes
// within its lines, in lower case, compounds with their hyphen, and
// whether it cuts words at the ends of its lines.
type lexicon struct {
	words      map[string]bool
	hyphenates bool
}

// cut tells from the words of the text whether head-tail, met at the end
// of a line, is one word cut in two; known is false when they do not say.
func (x *lexicon) cut(head, tail string) (cut, known bool) {
	head, tail = strings.ToLower(head), strings.ToLower(tail)
	switch {
	case x.words[head+tail]:
		return true, true
	case x.words[head+"-"+tail], x.words[head] && x.words[tail]:
		return false, true
	}
	return false, false
}

// lexiconOf reads the words of lines, leaving out the halves of a word
// cut at the end of a line, which are not words of the text. A text
// hyphenates when the cuts its words explain are mostly hyphenations or,
// when they explain none, when one line in fifty or more ends with a cut:
// browsers and office software do not cut words unless asked, and a
// compound lands at a line's end less often than that.
func lexiconOf(lines []string) *lexicon {
	x := &lexicon{words: map[string]bool{}}
	type cutPair struct{ head, tail string }
	var cuts []cutPair
	nonBlank, words := 0, 0
	cut := false
	for _, l := range lines {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if l == "" {
			cut = false
			continue
		}
		nonBlank++
		words += len(strings.Fields(l))
		tokens := strings.FieldsFunc(l, func(r rune) bool {
			return !unicode.IsLetter(r) && r != '-' && r != '\u2010'
		})
		ends := strings.HasSuffix(l, "-") || strings.HasSuffix(l, "\u2010")
		for i, tok := range tokens {
			switch {
			case i == 0 && cut:
				cuts[len(cuts)-1].tail = firstWord(tok)
				continue
			case i == len(tokens)-1 && ends && strings.HasSuffix(l, tok):
				if h := frtext.LastWord(strings.TrimRight(tok, "-\u2010")); h != "" && !strings.ContainsAny(strings.TrimRight(tok, "-\u2010"), "-\u2010") {
					cuts = append(cuts, cutPair{head: h})
				}
				continue
			}
			if tok = strings.Trim(tok, "-\u2010"); tok != "" {
				x.words[strings.ToLower(tok)] = true
			}
		}
		cut = ends && len(cuts) > 0 && cuts[len(cuts)-1].tail == ""
	}
	// A reader that sets a page's wrapped lines as one (layoutBands)
	// leaves fewer lines than the page had: ten words make a line at
	// the least, so that a paragraph is weighed as the lines it filled.
	if est := words / 10; est > nonBlank {
		nonBlank = est
	}
	hyph, comp, breaks := 0, 0, 0
	for _, c := range cuts {
		if c.tail == "" {
			continue
		}
		breaks++
		if isCut, known := x.cut(c.head, c.tail); known && isCut {
			hyph++
		} else if known {
			comp++
		}
	}
	x.hyphenates = hyph > comp || hyph == comp && breaks*50 >= nonBlank
	return x
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
