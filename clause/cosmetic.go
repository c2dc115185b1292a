package clause

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// What counts as cosmetic, and why.
//
// Two versions of a clause are cosmetically equal when a reader of the law
// could not tell them apart by what they say: they differ only by how the
// same words are typed. The same agreement passes through word processors,
// PDF exports, parliamentary databases and e-mails, and each types it its
// own way; none of that is a change the parties made. The rules, each
// applied by Canonical:
//
//   - White space: every run of spaces, tabs, line breaks, non-breaking and
//     thin spaces is one space (re-wrapping changes nothing), and invisible
//     characters (soft hyphen, zero-width space, word joiner, byte order
//     mark) are dropped.
//   - Quotation marks: straight, curly, low and French quotes are one mark
//     (frtext.Typography), and the spaces inside or around a quotation are
//     dropped, so « texte », "texte" and “ texte ” are the same: a quote
//     mark already separates words, the spaces add nothing.
//   - Dashes: hyphen, en and em dashes and the minus sign are one mark, and
//     the spaces around them are dropped ("I. -Il", "I. - Il", "I.- Il"),
//     as is a full stop between a subdivision number and its dash ("II. -"
//     and "II -"): how parliaments and word processors set the dash of a
//     subdivision differs, what it introduces does not. A dash or minus
//     that signs a sum or a rate where the one it replaces did not ("Tarif
//     - 5 €" → "Tarif −5 €" or "Tarif -5 €") is a change (see signsAgree).
//   - French typography: the spaces before ; : ! ? % € are dropped, since
//     French puts them there and other texts do not.
//   - Accents on capitals: É/E, À/A, Ç/C, È/E… are one letter
//     (frtext.UnaccentCapital): capitals were long printed unaccented, and
//     "Conseil d'Etat" is "Conseil d'État". Lower-case accents are kept:
//     "a" (has) and "à" (to), "du" and "dû", "ou" and "où" are different
//     words.
//   - The spelling reform of 1990: "règlementation" and "réglementation",
//     "évènement" and "événement" are one word (frtext.ReformAccents); the
//     accents that tell words apart ("près" and "prés") are not touched.
//   - Code references: "L. O. 135", "L.O. 135" and "LO 135"; "L. 162-5",
//     "L.162-5" and "L162-5" (likewise R. and D.): dots and spaces inside
//     the reference to a code's article; the letters themselves (L. and
//     LO., ordinary and organic law) are kept.
//   - "Numéro": "n° 12", "N° 12", "nº 12", "no 12" and "n°12".
//   - Numbers: "26,50" and "26,5", "3,00" and "3", "1 234" and "1.234".
//   - A subdivision printed only to say that it was removed ("III. -
//     (Supprimé)", "2° (Supprimés)") holds no text: parliaments print it to
//     keep the numbering, and it says nothing that its absence does not.
//   - … and "...".
//   - List bullets: "- ", "• ", "* ", "· ", "▪ " opening a line are one
//     marker; Markdown, Word and PDF each draw the same point their way.
//
// Everything else is a modification, however small: a lower-case letter
// gaining or losing its accent, a digit, a word, and punctuation (a comma
// turns a restrictive clause into an incidental one: "les médecins qui
// exercent" is not "les médecins, qui exercent"). Case is kept in body
// text ("l'État" is not "l'état"); in headings, case and accents are
// cosmetic (CanonicalHeading), since headings are often set in capitals.
// A heading's number may be spelt "1er", "premier" or "Ier" and its status
// may come and go: neither changes the clause (see NormalizeNumber and
// readStatus).

// Canonical folds the differences that Compare calls cosmetic (see above),
// so that two texts are cosmetically equal when their canonical forms are
// equal. Case and the ligatures œ and æ are kept.
func Canonical(s string) string {
	s = norm.NFC.String(s)
	s = dropRemovedSubdivisions(s)
	s = sameBullets(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false    // white space seen since the last rune written
	glueNext := false // the last rune written takes no space after it
	for i := 0; i < len(s); {
		if plainASCII(s[i]) {
			// A run of the ASCII that no rule below changes or glues,
			// most of any text, is written at once.
			j := i + 1
			for j < len(s) && plainASCII(s[j]) {
				j++
			}
			if space && b.Len() > 0 && !glueNext {
				b.WriteByte(' ')
			}
			space, glueNext = false, false
			b.WriteString(s[i:j])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if isSpaceRune(r) {
			space = true
			continue
		}
		if frtext.Invisible(r) {
			continue
		}
		orig := r
		r = frtext.UnaccentCapital(frtext.Typography(r))
		glue := r == '"' || r == '-' // no space on either side
		switch orig {
		case ';', ':', '!', '?', '%', '€':
			glue = true // the spaces of French typography, before only
		}
		if space && b.Len() > 0 && !glueNext && !glue {
			b.WriteByte(' ')
		}
		space = false
		glueNext = r == '"' || r == '-'
		if r == '…' {
			b.WriteString("...")
			continue
		}
		b.WriteRune(r)
	}
	out := canonicalNumbers(b.String())
	out = canonicalReferences(out)
	return frtext.ReformAccents(out)
}

// plainASCII tells the visible ASCII bytes that Canonical's rune rules
// leave alone: not a quote, dash or mark of French typography (which glue
// to their neighbours), nor the backquote (an apostrophe to Typography).
func plainASCII(c byte) bool { return plainASCIIBytes[c] }

// plainASCIIBytes is plainASCII as a table: one load a byte in the loop
// that reads most of every text.
var plainASCIIBytes = func() (t [256]bool) {
	for c := byte('!'); c < 0x7f; c++ {
		switch c {
		case '"', '-', ';', ':', '!', '?', '%', '`':
		default:
			t[c] = true
		}
	}
	return t
}()

// cosmeticContext is how far, in bytes, any rule of Canonical looks around
// a character: a number's groups, a code reference, "n°", a word of the
// 1990 reform are all far shorter. Lines are kept whole on top of it, for
// the rules that read a line at a time.
const cosmeticContext = 256

// cosmeticallyEqual is Canonical(old) == Canonical(new), computed on the
// part of the texts where they differ: from the start of a line at least
// cosmeticContext bytes before the first differing byte to the end of a
// line as far after the last one. What lies outside is the same bytes in
// both texts and, every rule being local, canonicalises the same way, so
// the outcome is the one of the whole texts; a clause of a hundred
// kilobytes with one word changed costs its changed lines, not its length.
func cosmeticallyEqual(old, new string) bool {
	if old == new {
		return true
	}
	prefix := commonPrefixLen(old, new)
	suffix := commonSuffixLen(old[prefix:], new[prefix:])
	start := 0
	if cut := prefix - cosmeticContext; cut > 0 {
		start = strings.LastIndexByte(old[:cut], '\n') + 1
	}
	tail := 0
	if cut := suffix - cosmeticContext; cut > 0 {
		// The window ends just after a line break that lies in the
		// common suffix, past the context.
		if i := strings.IndexByte(old[len(old)-cut:], '\n'); i >= 0 {
			tail = cut - i - 1
		}
	}
	o, n := old[start:len(old)-tail], new[start:len(new)-tail]
	return Canonical(o) == Canonical(n) && signsAgree(o, n)
}

// signsAgree reports whether two texts that Canonical makes equal sign
// their sums and rates alike. Canonical folds every dash and the minus
// sign into one mark and drops the spaces around it, but the facts read a
// sign from the mark and its spacing: a minus sign (U+2212) before a
// figure signs it wherever it stands, a hyphen set against the figure
// ("Tarif -5 €") signs it, a hyphen set apart after a word ("Tarif - 5 €")
// is a title's dash. A change of the sum a cosmetic change must not hide,
// so texts that set a dash before a figure are read for the sums and
// rates they state (few do; their other facts are Canonical's to judge).
func signsAgree(old, new string) bool {
	if !dashBeforeFigure(old) && !dashBeforeFigure(new) {
		return true
	}
	for _, f := range compareFacts(old, new, "", nil) {
		if f.Kind == FactAmount || f.Kind == FactPercent {
			return false
		}
	}
	return true
}

// dashBeforeFigure reports whether a dash or the minus sign stands before a
// figure in s, at once or after blanks: where it may sign a number.
func dashBeforeFigure(s string) bool {
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if frtext.Typography(r) != '-' {
			continue
		}
		rest := strings.TrimLeftFunc(s[i:], isSpaceRune)
		if rest != "" && isDigit(rest[0]) {
			return true
		}
	}
	return false
}

// cosmeticallyEqualDiffed is cosmeticallyEqual for texts whose word diff
// is hunks, checked piece by piece: the texts are cut at a line break in
// the middle of every stretch they share that runs 2·cosmeticContext
// bytes clear of the changes on both sides, and each pair of pieces is
// checked on its own. Every rule being local, the texts are equal when
// every pair is; a clause edited in a few places far apart costs the
// lines of its edits, not the stretch from the first to the last.
func cosmeticallyEqualDiffed(old, new string, hunks []Hunk) bool {
	if countsTellApart(old, new, hunks) {
		return false
	}
	po, pn := 0, 0 // where the current pieces start
	for sh := range sharedStretches(hunks) {
		if sh.k == 0 || sh.k == len(hunks)-1 {
			continue
		}
		if cut, ok := middleLineBreak(sh.text, 2*cosmeticContext); ok {
			if !cosmeticallyEqual(old[po:sh.old+cut], new[pn:sh.new+cut]) {
				return false
			}
			po, pn = sh.old+cut, sh.new+cut
		}
	}
	return cosmeticallyEqual(old[po:], new[pn:])
}

// keptByCanonical marks the characters that Canonical neither writes
// otherwise, drops nor makes out of others, in a text in NFC and outside
// the lines it drops (dropRemovedSubdivisions): lower-case ASCII letters
// but n and o ("no" is written "n°"), digits but 0 (a fraction drops its
// trailing zeros). TestCanonicalKeepsItsLetters holds the rules to it.
var keptByCanonical = func() (t [utf8.RuneSelf]bool) {
	for c := byte('a'); c <= 'z'; c++ {
		t[c] = c != 'n' && c != 'o'
	}
	for c := byte('1'); c <= '9'; c++ {
		t[c] = true
	}
	return t
}()

// countsTellApart reports whether old and new, whose word diff is hunks,
// hold the characters Canonical keeps in different numbers, so that their
// canonical forms differ: a word or a digit changed, as most edits do,
// is told from a cosmetic change by counting the changed text alone,
// without canonicalising the lines around it. The count holds only where
// the texts outside the changes canonicalise alike: every change and the
// text after it start with ASCII (before which NFC never composes, so
// that the changes normalise on their own), and no line a change touches
// holds a parenthesis (a line that may print a removed subdivision, which
// Canonical drops whole). Otherwise it reports false, and so it does when
// the counts agree.
func countsTellApart(old, new string, hunks []Hunk) bool {
	var delta [utf8.RuneSelf]int
	o, n := 0, 0     // where the next hunk starts in old and in new
	o0, n0 := -1, -1 // where the change being read started
	for k, h := range hunks {
		if h.Text == "" || k > 0 && h.Text[0] >= utf8.RuneSelf {
			return false
		}
		switch h.Op {
		case OpEqual:
			if o0 >= 0 && !(noParenthesisAround(old, o0, o) && noParenthesisAround(new, n0, n)) {
				return false
			}
			o0 = -1
			o += len(h.Text)
			n += len(h.Text)
			continue
		case OpDelete:
			countKept(&delta, h.Text, 1)
		case OpInsert:
			countKept(&delta, h.Text, -1)
		}
		if o0 < 0 {
			o0, n0 = o, n
		}
		if h.Op == OpDelete {
			o += len(h.Text)
		} else {
			n += len(h.Text)
		}
	}
	if o0 >= 0 && !(noParenthesisAround(old, o0, o) && noParenthesisAround(new, n0, n)) {
		return false
	}
	for c, d := range delta {
		if d != 0 && keptByCanonical[c] {
			return true
		}
	}
	return false
}

// countKept adds sign to delta for each character of s, in NFC, that
// Canonical keeps.
func countKept(delta *[utf8.RuneSelf]int, s string, sign int) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			s = norm.NFC.String(s)
			break
		}
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < utf8.RuneSelf {
			delta[c] += sign
		}
	}
}

// noParenthesisAround reports whether the lines of s that hold s[from:to],
// or the place between them when it is empty, hold no parenthesis.
func noParenthesisAround(s string, from, to int) bool {
	start := strings.LastIndexByte(s[:from], '\n') + 1
	end := len(s)
	if i := strings.IndexByte(s[to:], '\n'); i >= 0 {
		end = to + i
	}
	return strings.IndexByte(s[start:end], '(') < 0
}

// middleLineBreak returns the offset just after a line break of s that
// lies at least margin bytes from both ends of s.
func middleLineBreak(s string, margin int) (int, bool) {
	if len(s) <= 2*margin {
		return 0, false
	}
	i := strings.IndexByte(s[margin:len(s)-margin], '\n')
	if i < 0 {
		return 0, false
	}
	return margin + i + 1, true
}

// commonPrefixLen is the number of leading bytes a and b share. Whole
// clauses are compared, most of them shared: blocks are compared first
// (string equality runs wide), bytes only in the block that differs.
func commonPrefixLen(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i+commonBlock <= n && a[i:i+commonBlock] == b[i:i+commonBlock] {
		i += commonBlock
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// commonSuffixLen is the number of trailing bytes a and b share.
func commonSuffixLen(a, b string) int {
	n := min(len(a), len(b))
	i := 0 // a[len(a)-i:] == b[len(b)-i:]
	for i+commonBlock <= n && a[len(a)-i-commonBlock:len(a)-i] == b[len(b)-i-commonBlock:len(b)-i] {
		i += commonBlock
	}
	for i < n && a[len(a)-i-1] == b[len(b)-i-1] {
		i++
	}
	return i
}

// commonBlock is the size of the blocks commonPrefixLen and
// commonSuffixLen compare at once.
const commonBlock = 64

// CanonicalHeading is the form in which two headings are the same: the
// Canonical form, lower case and without accents. Headings are often set
// in capitals, which may or may not carry their accents: "DISPOSITIONS
// GENERALES" is "Dispositions générales".
func CanonicalHeading(s string) string {
	return frtext.Fold(Canonical(s))
}

// canonicalNumbers writes every decimal number one way, so that a value
// written differently is no change: "26,50" and "26,5", "3,00" and "3",
// "1.234,56" and "1 234,56" (thousands grouped by a dot or a space).
func canonicalNumbers(s string) string {
	if !strings.ContainsAny(s, "0123456789") {
		return s
	}
	var b strings.Builder
	done := 0 // s[:done] is in b
	isDigit := func(i int) bool { return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9' }
	for i := 1; i < len(s); i++ {
		c := s[i]
		if c != ' ' && c != ',' && c != '.' || !isDigit(i-1) {
			continue // both rules below want a digit before
		}
		// A group separator: a digit before, exactly three digits after
		// and no fourth, in a number that does not start with a dot.
		if c != ',' && isDigit(i+1) && isDigit(i+2) && isDigit(i+3) && !isDigit(i+4) &&
			(i+4 >= len(s) || s[i+4] != '.' || !isDigit(i+5)) {
			if b.Cap() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[done:i])
			done = i + 1
			continue
		}
		if c == ',' && isDigit(i+1) {
			j := i + 1
			for isDigit(j) {
				j++
			}
			if frac := strings.TrimRight(s[i+1:j], "0"); len(frac) < j-i-1 {
				if b.Cap() == 0 {
					b.Grow(len(s))
				}
				b.WriteString(s[done:i])
				if frac != "" {
					b.WriteByte(',')
					b.WriteString(frac)
				}
				done = j
			}
			i = j - 1
		}
	}
	if b.Cap() == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// canonicalReferences writes code references, "numéro" and subdivision
// dashes one way (see the rules above). s is already Canonical up to this
// point: single spaces, dashes folded and glued.
func canonicalReferences(s string) string {
	if strings.ContainsAny(s, "LRD") {
		s = canonicalCodeReferences(s)
	}
	if strings.ContainsAny(s, "nN") {
		s = canonicalNumero(s)
	}
	if strings.Contains(s, ".-") {
		s = dropMarkerStops(s)
	}
	return s
}

// dropMarkerStops drops the full stop between a subdivision number and
// its dash ("II.-", once spaces are gone), not the decimal point of
// "3.-2": a stop after a letter or a digit, before a dash that no digit
// follows. The character after the dash goes with the stop it follows, so
// it is never the number of the next stop ("A.-B.-C" is "A-B.-C").
func dropMarkerStops(s string) string {
	var b strings.Builder
	done := 0 // s[:done] is in b or was read by the last stop dropped
	for from := 0; ; {
		i := strings.Index(s[from:], ".-")
		if i < 0 {
			break
		}
		k := from + i
		r, size := utf8.DecodeLastRuneInString(s[:k])
		if size == 0 || k-size < done || !(unicode.IsLetter(r) || unicode.IsNumber(r)) || k+2 < len(s) && isDigit(s[k+2]) {
			from = k + 1
			continue
		}
		end := k + 2
		if end < len(s) {
			_, n := utf8.DecodeRuneInString(s[end:])
			end += n
		}
		if b.Cap() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[done:k])
		b.WriteString(s[k+1 : end])
		done, from = end, end
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// canonicalCodeReferences writes the letter of a code's part before an
// article number, with its dots and spaces, one way: "L. O. 135", "LO 135"
// and "L.O.135" are "LO135", "R. 4127" is "R4127". The letter must start a
// word. (A scan, not an expression: it runs on every changed text, and
// nearly every French text has an L, R or D.)
func canonicalCodeReferences(s string) string {
	var b strings.Builder
	done := 0 // s[:done] is in b
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != 'L' && c != 'R' && c != 'D' {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && (unicode.IsLetter(r) || unicode.IsNumber(r)) {
			continue
		}
		j := skipDotSpace(s, i+1)
		o := j < len(s) && s[j] == 'O'
		if o {
			j = skipDotSpace(s, j+1)
		}
		if j == len(s) || !isDigit(s[j]) || j == i+1 {
			continue
		}
		if b.Cap() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[done : i+1])
		if o {
			b.WriteByte('O')
		}
		done = j
		i = j
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// skipDotSpace passes over the optional full stop, then the optional
// space, at s[i].
func skipDotSpace(s string, i int) int {
	if i < len(s) && s[i] == '.' {
		i++
	}
	if i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// canonicalNumero writes the abbreviation of "numéro" one way: "n°", "N°",
// "nº", or "no" where the degree sign was lost (French has no word "no"),
// as a word of its own, becomes "n°", glued to a number that follows.
func canonicalNumero(s string) string {
	var b strings.Builder
	done := 0 // s[:done] is in b
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != 'n' && c != 'N' {
			continue // numeroAt's first test, without the call
		}
		n := numeroAt(s, i)
		if n == 0 {
			continue
		}
		if b.Cap() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[done:i])
		b.WriteString("n°")
		done = i + n
		if done+1 < len(s) && s[done] == ' ' && isDigit(s[done+1]) {
			done++
		}
		i = done - 1
	}
	if b.Cap() == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// numeroAt is the length of an abbreviation of "numéro" starting a word
// at s[i], 0 when there is none.
func numeroAt(s string, i int) int {
	if s[i] != 'n' && s[i] != 'N' {
		return 0
	}
	n := 0
	switch {
	case strings.HasPrefix(s[i+1:], "°"):
		n = 1 + len("°")
	case strings.HasPrefix(s[i+1:], "º"):
		n = 1 + len("º")
	case i+1 < len(s) && (s[i+1] == 'o' || s[i+1] == 'O') && frtext.WordEnds(s, i+2):
		n = 2
	default:
		return 0
	}
	if i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return 0
		}
	}
	return n
}

// dropRemovedSubdivisions removes the lines that only print a removed
// subdivision: a subdivision number, its punctuation and a removal status
// ("III. - (Supprimé)", "2° (Supprimés)", "« I bis. - (Supprimé) »").
func dropRemovedSubdivisions(s string) string {
	if !strings.Contains(s, "(") || !strings.Contains(s, ")") {
		return s
	}
	var b strings.Builder
	dropped := false
	for line := range strings.Lines(s) {
		if isRemovedSubdivision(line) {
			dropped = true
			b.WriteByte('\n') // a line break still separates what it stood between
			continue
		}
		b.WriteString(line)
	}
	if !dropped {
		return s
	}
	return b.String()
}

func isRemovedSubdivision(line string) bool {
	t := strings.TrimFunc(line, func(r rune) bool { return isSpaceRune(r) || isQuoteRune(r) })
	open := strings.LastIndexByte(t, '(')
	if open < 0 || !strings.HasSuffix(t, ")") {
		return false
	}
	st, n, ok := readStatus(t[open:])
	if !ok || open+n != len(t) || !removesText(st) {
		return false
	}
	for _, f := range strings.FieldsFunc(t[:open], func(r rune) bool {
		return isSpaceRune(r) || strings.ContainsRune(".-–—)°º,", r)
	}) {
		if !isSubdivisionWord(f) {
			return false
		}
	}
	return true
}

// isSubdivisionWord reports a word of a subdivision's number: a number, a
// Roman numeral, a single letter, a Latin adverb ("bis"), or the "à" and
// "et" of a range.
func isSubdivisionWord(f string) bool {
	if _, ok := roman(f); ok || latinWordRank(f) > 0 || f == "à" || f == "et" {
		return true
	}
	if r, size := utf8.DecodeRuneInString(f); size == len(f) && unicode.IsLetter(r) {
		return true
	}
	for _, r := range f {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func isQuoteRune(r rune) bool { return frtext.Typography(r) == '"' }

// bulletRunes are the list bullets other than the dashes that Typography
// already folds to '-'.
const bulletRunes = "•*·▪◦‣⁃"

// sameBullets writes every list bullet that opens a line as '-', so that
// the same point drawn with another bullet is no change.
func sameBullets(s string) string {
	if !bulletOpensLine(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for line := range strings.Lines(s) {
		body := strings.TrimLeftFunc(line, isSpaceRune)
		r, size := utf8.DecodeRuneInString(body)
		if strings.ContainsRune(bulletRunes, r) && size < len(body) && isSpaceRune(rune(body[size])) {
			b.WriteString(line[:len(line)-len(body)])
			b.WriteByte('-')
			b.WriteString(body[size:])
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}

// bulletOpensLine reports whether a line of s may open with a bullet: at
// the first rune after the white space that follows the start of s or a
// line break, the only place where sameBullets changes anything. (Asking
// strings.ContainsAny for the bullets anywhere costs a look-up a rune.)
func bulletOpensLine(s string) bool {
	for i := 0; i < len(s); {
		body := strings.TrimLeftFunc(s[i:], isSpaceRune)
		if r, _ := utf8.DecodeRuneInString(body); strings.ContainsRune(bulletRunes, r) {
			return true
		}
		nl := strings.IndexByte(body, '\n')
		if nl < 0 {
			return false
		}
		i = len(s) - len(body) + nl + 1
	}
	return false
}
