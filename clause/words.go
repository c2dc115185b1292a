package clause

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
	"golang.org/x/text/unicode/norm"
)

// Tokens cuts s into the units a word diff works on: words, numbers,
// punctuation marks and runs of whitespace. Whitespace is kept as tokens so
// that strings.Join(Tokens(s), "") == s for every s, valid UTF-8 or not.
//
// French legal writing glues several words into one unit of meaning, and a
// diff that splits them produces noise such as "26,5" → "30" followed by a
// dangling "0 €". These are kept as one token:
//
//   - amounts and percentages: "26,50 €", "1 234,56 €", "27,50 F",
//     "30 euros", "13,2 %" (the inner space may be a normal, non-breaking
//     or narrow non-breaking space, one only);
//   - ordinals and numbers with a suffix: "1er", "2e", "1°", "10h30";
//   - dotted, hyphenated and slashed numbers: "28.1", "28-1", "L262-35",
//     "30/04/2023", "2008-1249";
//   - code references: "L. 162-5", "R. 4127-1", "L.162-5" (prefixes L, R,
//     D, A);
//   - Latin multiplicative suffixes: "2 bis", "L. 162-5 ter";
//   - dates: "1er janvier 2025", "30 avril 2023", "30 avril";
//   - "n°", and compounds joined by a hyphen: "peut-être", "sous-section".
//
// Elision splits after the apostrophe: "l'article" is "l'" + "article",
// because the article or pronoun changes independently of the noun
// ("l'article" → "les articles"). Only the elidable words split (l, d, j,
// m, n, s, t, c, qu, jusqu, lorsqu, puisqu, quoiqu, presqu); other
// apostrophes stay inside the word ("aujourd'hui", "prud'hommes").
//
// Every other rune that is neither a letter, a digit nor a space is a token
// on its own; so is every invalid UTF-8 byte.
func Tokens(s string) []string {
	toks := make([]string, 0, len(s)/4+1)
	for i := 0; i < len(s); {
		j := tokenEnd(s, i)
		toks = append(toks, s[i:j])
		i = j
	}
	return toks
}

// tokenEnd returns the end of the token that starts at s[i]; it always
// advances by at least one byte.
func tokenEnd(s string, i int) int {
	r, sz := runeAt(s, i)
	switch {
	case isSpaceRune(r):
		j := i + sz
		for j < len(s) {
			r, sz := runeAt(s, j)
			if !isSpaceRune(r) {
				break
			}
			j += sz
		}
		return j
	case isDigitByte(r):
		return numberEnd(s, i)
	case isWordRune(r):
		return wordEnd(s, i)
	}
	return i + sz
}

// runeAt decodes the rune at s[i] with an ASCII fast path; an invalid byte
// comes back as utf8.RuneError of size 1.
func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\v' || r == '\f'
	}
	return unicode.IsSpace(r)
}

func isDigitByte(r rune) bool { return r >= '0' && r <= '9' }

// isWordRune reports whether r belongs inside a word: letters, digits and
// combining marks (so that decomposed "é" stays in its word).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	if r == utf8.RuneError {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

func isHyphenRune(r rune) bool { return r == '-' || r == '\u2011' }

func isApostropheRune(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02bc' }

// wordRunAt returns the end of the run of word runes starting at s[i].
func wordRunAt(s string, i int) int {
	for i < len(s) {
		r, sz := runeAt(s, i)
		if !isWordRune(r) {
			break
		}
		i += sz
	}
	return i
}

// wordEnd scans a word starting with a letter.
func wordEnd(s string, start int) int {
	seg := start // start of the current hyphen-separated part
	j := start
	for j < len(s) {
		r, sz := runeAt(s, j)
		if isWordRune(r) {
			j += sz
			continue
		}
		if j+sz >= len(s) {
			break
		}
		next, _ := runeAt(s, j+sz)
		if isHyphenRune(r) && isWordRune(next) {
			j += sz
			seg = j
			continue
		}
		if isApostropheRune(r) && isWordRune(next) && !isDigitByte(next) {
			if isElidable(s[seg:j]) {
				return j + sz
			}
			j += sz
			continue
		}
		break
	}
	if j < len(s) && (s[start:j] == "n" || s[start:j] == "N") {
		if r, sz := runeAt(s, j); r == '°' || r == 'º' {
			return j + sz
		}
	}
	if j-start == 1 && j+1 < len(s) && s[j] == '.' && isCodePrefix(strings.ToLower(s[start:j])) && s[start] <= 'Z' {
		k := skipHSpace(s, j+1)
		if k < len(s) && isDigitByte(rune(s[k])) {
			return numberEnd(s, k)
		}
	}
	if isDigitByte(rune(s[j-1])) {
		// "L262-35 bis": a reference written without a dot takes a suffix too.
		return extendNumber(s, j, false)
	}
	return j
}

// isElidable reports whether w, followed by an apostrophe, is an elided
// article, pronoun or conjunction that stands as a word of its own.
func isElidable(w string) bool {
	switch len(w) {
	case 1:
		switch w[0] | 0x20 {
		case 'l', 'd', 'j', 'm', 'n', 's', 't', 'c':
			return true
		}
	case 2:
		return strings.EqualFold(w, "qu")
	case 5:
		return strings.EqualFold(w, "jusqu")
	case 6:
		return strings.EqualFold(w, "lorsqu") || strings.EqualFold(w, "puisqu") ||
			strings.EqualFold(w, "quoiqu") || strings.EqualFold(w, "presqu")
	}
	return false
}

// skipHSpace skips exactly one horizontal space (normal, non-breaking,
// narrow non-breaking or thin) at s[i], if there is one.
func skipHSpace(s string, i int) int {
	if i >= len(s) {
		return i
	}
	if s[i] == ' ' {
		return i + 1
	}
	if r, sz := runeAt(s, i); r == '\u00a0' || r == '\u202f' || r == '\u2009' {
		return i + sz
	}
	return i
}

func digitsEnd(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// numberEnd scans a number starting with an ASCII digit, with its
// separators, suffix and unit.
func numberEnd(s string, start int) int {
	j := digitsEnd(s, start)
	plain := true
	if j-start <= 3 {
		// Thousands groups: "1 234 567"; each group exactly three digits.
		for {
			k := skipHSpace(s, j)
			if k == j || k+3 > len(s) || digitsEnd(s, k) != k+3 {
				break
			}
			j = k + 3
			plain = false
		}
	}
	for j+1 < len(s) {
		c := s[j]
		if (c == ',' || c == '.' || c == '-' || c == '/') && isDigitByte(rune(s[j+1])) {
			j = digitsEnd(s, j+1)
			plain = false
			continue
		}
		if r, sz := runeAt(s, j); r == '\u2011' && j+sz < len(s) && isDigitByte(rune(s[j+sz])) {
			j = digitsEnd(s, j+sz)
			plain = false
			continue
		}
		break
	}
	day := plain && j-start <= 2
	if j < len(s) {
		switch r, sz := runeAt(s, j); {
		case r == '°' || r == 'º':
			j += sz
			day = false
		case isWordRune(r):
			e := wordRunAt(s, j)
			suffix := s[j:e]
			day = day && (suffix == "er" || suffix == "re" || suffix == "ᵉʳ")
			j = e
		}
	}
	return extendNumber(s, j, day)
}

// extendNumber adds to the number ending at s[j] what belongs with it: a
// unit, a Latin suffix, or, for a day of the month, the month and year.
func extendNumber(s string, j int, day bool) int {
	k := skipHSpace(s, j)
	if k >= len(s) {
		return j
	}
	if s[k] == '%' {
		return k + 1
	}
	if strings.HasPrefix(s[k:], "€") {
		return k + len("€")
	}
	if k == j {
		return j
	}
	if r, _ := runeAt(s, k); !isWordRune(r) || isDigitByte(r) {
		return j
	}
	e := wordRunAt(s, k)
	w := s[k:e]
	switch {
	case isUnitWord(w), isLatinSuffix(w):
		return e
	case day && isMonth(w):
		y := skipHSpace(s, e)
		if y > e && digitsEnd(s, y) == y+4 && !(y+5 < len(s) && (s[y+4] == ',' || s[y+4] == '.') && isDigitByte(rune(s[y+5]))) {
			return y + 4
		}
		return e
	}
	return j
}

func isUnitWord(w string) bool {
	switch w {
	case "F", "FF", "EUR", "€":
		return true
	}
	for _, u := range [...]string{"euros", "euro", "francs", "franc", "centimes", "centime"} {
		if strings.EqualFold(w, u) {
			return true
		}
	}
	return false
}

func isLatinSuffix(w string) bool {
	for _, u := range [...]string{"bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "nonies", "novies", "decies"} {
		if strings.EqualFold(w, u) {
			return true
		}
	}
	return false
}

func isMonth(w string) bool {
	for _, m := range [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "fevrier", "aout", "decembre"} {
		if strings.EqualFold(w, m) {
			return true
		}
	}
	return false
}

// The token alphabet: each distinct token becomes one rune from
// tokenRuneFirst up, so no token rune is ever a surrogate (U+D800–U+DFFF,
// which would not survive the []rune → string conversions inside
// diffmatchpatch). That gives 1,056,767 distinct tokens; any further token
// shares tokenRuneLimit, and WordDiff checks those runes token by token.
const tokenRuneFirst = 0xE000

// tokenRuneLimit is the last rune of the alphabet, shared by all tokens
// beyond its capacity; a variable so that tests can shrink the alphabet.
var tokenRuneLimit rune = unicode.MaxRune

// encodeTokens maps the tokens of both texts onto runes, equal tokens to
// equal runes. shared reports whether some distinct tokens had to share a
// rune.
func encodeTokens(a, b []string) (ra, rb []rune, shared bool) {
	ids := make(map[string]rune, (len(a)+len(b))/4+16)
	next := rune(tokenRuneFirst)
	enc := func(toks []string) []rune {
		out := make([]rune, len(toks))
		for i, t := range toks {
			r, ok := ids[t]
			if !ok {
				if next < tokenRuneLimit {
					r = next
					next++
				} else {
					r = tokenRuneLimit
					shared = true
				}
				ids[t] = r
			}
			out[i] = r
		}
		return out
	}
	ra = enc(a)
	rb = enc(b)
	return ra, rb, shared
}

// tokHunk is a hunk still cut into tokens, which share memory with the
// token slices of the texts.
type tokHunk struct {
	op   Op
	toks []string
}

// WordDiff compares two texts word by word, keeping French amounts,
// ordinals, code references and dates whole (see Tokens), and returns hunks
// whose concatenated equal+delete texts give old and equal+insert texts give
// new, byte for byte. Adjacent hunks never share an op; between two equal
// hunks the change is one delete followed by one insert (either may be
// absent). Identical texts give one equal hunk, or none when both are empty.
//
// The diff is exact, never cut short by a timeout, and compares bytes: the
// caller normalises to NFC beforehand, or a decomposed "é" shows as a
// change.
func WordDiff(old, new string) []Hunk {
	if old == new {
		if old == "" {
			return nil
		}
		return []Hunk{{OpEqual, old}}
	}
	a, b := Tokens(old), Tokens(new)
	ra, rb, shared := encodeTokens(a, b)

	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // a timeout silently degrades to delete-all/insert-all
	diffs := dmp.DiffMainRunes(ra, rb, false)
	diffs = dmp.DiffCleanupSemantic(diffs)

	// Map back by position: equal and delete runs consume old tokens, equal
	// and insert runs new ones, in order, whatever the runes were.
	th := make([]tokHunk, 0, len(diffs))
	i, j := 0, 0
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		if n == 0 {
			continue
		}
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			th = append(th, tokHunk{OpDelete, a[i : i+n]})
			i += n
		case diffmatchpatch.DiffInsert:
			th = append(th, tokHunk{OpInsert, b[j : j+n]})
			j += n
		default:
			if shared {
				th = appendCheckedEqual(th, a[i:i+n], b[j:j+n])
			} else {
				th = append(th, tokHunk{OpEqual, a[i : i+n]})
			}
			i += n
			j += n
		}
	}
	th = normalizeHunks(th)
	th = alignBoundaries(th)
	th = normalizeHunks(th)

	out := make([]Hunk, len(th))
	for k, h := range th {
		out[k] = Hunk{h.op, strings.Join(h.toks, "")}
	}
	return out
}

// appendCheckedEqual appends a run that the diff saw as equal, splitting
// off the tokens that only share a rune with their counterpart.
func appendCheckedEqual(th []tokHunk, a, b []string) []tokHunk {
	start := 0
	for k := range a {
		if a[k] == b[k] {
			continue
		}
		if k > start {
			th = append(th, tokHunk{OpEqual, a[start:k]})
		}
		th = append(th, tokHunk{OpDelete, a[k : k+1]}, tokHunk{OpInsert, b[k : k+1]})
		start = k + 1
	}
	if start < len(a) {
		th = append(th, tokHunk{OpEqual, a[start:]})
	}
	return th
}

// normalizeHunks drops empty hunks and rewrites every run of changes
// between two equal hunks as one delete then one insert.
func normalizeHunks(th []tokHunk) []tokHunk {
	out := th[:0:0]
	var del, ins []string
	flush := func() {
		if len(del) > 0 {
			out = append(out, tokHunk{OpDelete, del})
		}
		if len(ins) > 0 {
			out = append(out, tokHunk{OpInsert, ins})
		}
		del, ins = nil, nil
	}
	// joinToks concatenates token runs; when the first is the only one it
	// is reused as is.
	joinToks := func(acc, t []string) []string {
		if acc == nil {
			return t
		}
		return append(acc[:len(acc):len(acc)], t...)
	}
	for _, h := range th {
		if len(h.toks) == 0 {
			continue
		}
		switch h.op {
		case OpDelete:
			del = joinToks(del, h.toks)
		case OpInsert:
			ins = joinToks(ins, h.toks)
		default:
			flush()
			if n := len(out); n > 0 && out[n-1].op == OpEqual {
				out[n-1].toks = joinToks(out[n-1].toks, h.toks)
			} else {
				out = append(out, h)
			}
		}
	}
	flush()
	return out
}

// alignBoundaries slides each lone insertion or deletion between two equal
// hunks to the position where its edges fall best (paragraph breaks, line
// breaks, sentence ends, spaces), preferring a trailing space to a leading
// one: "la nouvelle consultation" gets "nouvelle " inserted, not
// " nouvelle". diffmatchpatch does the same on characters; on token runes
// its scores are meaningless, so it is redone here on the tokens.
func alignBoundaries(th []tokHunk) []tokHunk {
	for p := 1; p+1 < len(th); p++ {
		if th[p-1].op != OpEqual || th[p+1].op != OpEqual || th[p].op == OpEqual {
			continue
		}
		eq1, edit, eq2 := th[p-1].toks, th[p].toks, th[p+1].toks
		// Slide fully left while the edit ends as eq1 ends.
		for len(eq1) > 0 && eq1[len(eq1)-1] == edit[len(edit)-1] {
			last := eq1[len(eq1)-1]
			eq1 = eq1[:len(eq1)-1]
			edit = prependTok(last, edit[:len(edit)-1])
			eq2 = prependTok(last, eq2)
		}
		best1, bestEdit, best2 := eq1, edit, eq2
		bestScore := boundaryScore(eq1, edit) + boundaryScore(edit, eq2)
		for len(eq2) > 0 && edit[0] == eq2[0] {
			eq1 = append(eq1[:len(eq1):len(eq1)], edit[0])
			edit = append(edit[1:len(edit):len(edit)], eq2[0])
			eq2 = eq2[1:]
			if s := boundaryScore(eq1, edit) + boundaryScore(edit, eq2); s >= bestScore {
				best1, bestEdit, best2, bestScore = eq1, edit, eq2, s
			}
		}
		th[p-1].toks, th[p].toks, th[p+1].toks = best1, bestEdit, best2
	}
	return th
}

func prependTok(t string, toks []string) []string {
	out := make([]string, 0, len(toks)+1)
	return append(append(out, t), toks...)
}

// boundaryScore rates the cut between the token runs x and y, from 6 (an
// edge of the text) to 0 (between two words or numbers).
func boundaryScore(x, y []string) int {
	if len(x) == 0 || len(y) == 0 {
		return 6
	}
	l, f := x[len(x)-1], y[0]
	ls, fs := isSpaceTok(l), isSpaceTok(f)
	switch {
	case ls && strings.Count(l, "\n") >= 2, fs && strings.Count(f, "\n") >= 2:
		return 5
	case ls && strings.ContainsAny(l, "\r\n"), fs && strings.ContainsAny(f, "\r\n"):
		return 4
	case isPunctTok(l) && fs:
		return 3
	case ls || fs:
		return 2
	case isPunctTok(l) || isPunctTok(f):
		return 1
	}
	return 0
}

func isSpaceTok(t string) bool {
	r, _ := runeAt(t, 0)
	return isSpaceRune(r)
}

func isPunctTok(t string) bool {
	r, _ := runeAt(t, 0)
	return !isSpaceRune(r) && !isWordRune(r)
}

// Canonical folds the differences that Compare calls cosmetic, so that two
// texts are cosmetically equal when their canonical forms are equal:
//
//   - Unicode normalisation (NFC);
//   - every run of whitespace (spaces, tabs, line breaks, non-breaking and
//     narrow non-breaking spaces) becomes one space, and the text is
//     trimmed;
//   - the spaces of French typography are dropped: after « and before »,
//     ; : ! ? % and €, so "article 5 : 13,2 %" equals "article 5: 13,2%";
//   - ’ ‘ ʼ ‚ ‛ become ', « » “ ” „ ‟ become ", the dashes and hyphens
//     ‐ ‑ ‒ – — ― − become -, … becomes ...;
//   - invisible characters are dropped: soft hyphen, zero-width space, word
//     joiner, byte order mark.
//
// Case is kept (it matters in body text; see CanonicalHeading), and so are
// the ligatures œ and æ.
func Canonical(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false     // whitespace seen since the last rune written
	openQuote := false // the last rune written opened a « quotation
	for _, r := range s {
		if isSpaceRune(r) {
			space = true
			continue
		}
		orig := r
		// French typography puts a space before these; other texts do not.
		tight := false
		switch r {
		case '\u00ad', '\u200b', '\u2060', '\ufeff':
			continue
		case '’', '‘', 'ʼ', '‚', '‛':
			r = '\''
		case '»':
			r, tight = '"', true
		case '“', '”', '„', '‟', '«':
			r = '"'
		case '\u2010', '\u2011', '\u2012', '–', '—', '\u2015', '−':
			r = '-'
		case ';', ':', '!', '?', '%', '€':
			tight = true
		}
		if space && b.Len() > 0 && !openQuote && !tight {
			b.WriteByte(' ')
		}
		space = false
		openQuote = orig == '«'
		switch r {
		case '…':
			b.WriteString("...")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// CanonicalHeading is Canonical folded to lower case: in a heading, case is
// cosmetic ("ARTICLE 1ER" and "Article 1er" are the same heading).
func CanonicalHeading(s string) string {
	return strings.ToLower(Canonical(s))
}

// Similarity rates how alike two texts are, from 0 (no word in common) to 1
// (the same words in the same order), cheaply enough to score every
// candidate pair when aligning two documents.
//
// It is the Dice coefficient 2·|A∩B| / (|A|+|B|) of the multisets of
// shingles of each text, where the shingles are the word tokens (Tokens of
// the Canonical text, without whitespace and punctuation) and the pairs of
// consecutive word tokens. Words alone would ignore order; pairs alone
// would make short texts collapse to 0 after one change; together a single
// word changed in a ten-word sentence scores about 0.84. Two texts without
// any word (both empty, or punctuation only) score 1 when their canonical
// forms are equal and 0 otherwise.
func Similarity(a, b string) float64 {
	if a == b {
		return 1
	}
	ids := make(map[string]uint32)
	sa := shingles(Canonical(a), ids)
	sb := shingles(Canonical(b), ids)
	if len(sa) == 0 && len(sb) == 0 {
		if Canonical(a) == Canonical(b) {
			return 1
		}
		return 0
	}
	count := make(map[uint64]int, len(sa))
	for _, k := range sa {
		count[k]++
	}
	common := 0
	for _, k := range sb {
		if count[k] > 0 {
			count[k]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(sa)+len(sb))
}

// shingles returns the word unigrams and bigrams of s as integer keys,
// interning the words in ids (shared by both texts so keys compare).
func shingles(s string, ids map[string]uint32) []uint64 {
	const unigram = 0xFFFFFFFF // second half of a unigram key; no word id reaches it
	out := make([]uint64, 0, len(s)/3)
	prev := uint64(0)
	havePrev := false
	for i := 0; i < len(s); {
		j := tokenEnd(s, i)
		r, _ := runeAt(s, i)
		if isWordRune(r) {
			id, ok := ids[s[i:j]]
			if !ok {
				id = uint32(len(ids))
				ids[s[i:j]] = id
			}
			out = append(out, uint64(id)<<32|unigram)
			if havePrev {
				out = append(out, prev<<32|uint64(id))
			}
			prev, havePrev = uint64(id), true
		}
		i = j
	}
	return out
}

// DiffSimilarity is the share of text a word diff left unchanged: the runes
// in equal hunks over the rune length of the longer side. It is meant for
// display next to a diff; two empty sides score 1.
func DiffSimilarity(h []Hunk) float64 {
	var eq, del, ins int
	for _, x := range h {
		n := utf8.RuneCountInString(x.Text)
		switch x.Op {
		case OpEqual:
			eq += n
		case OpDelete:
			del += n
		case OpInsert:
			ins += n
		}
	}
	longer := eq + max(del, ins)
	if longer == 0 {
		return 1
	}
	return float64(eq) / float64(longer)
}
