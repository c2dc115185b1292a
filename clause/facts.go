package clause

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// RefIndex tells CompareFacts how article numbers moved between the two
// versions, so that cross-references can be checked.
type RefIndex struct {
	// OldToNew maps the NumberKey of each old article to the printed
	// number of the clause it became in the new version, or "" when it
	// was removed.
	OldToNew map[string]string
	// NewKeys holds the NumberKey of every numbered clause of the new
	// version.
	NewKeys map[string]bool
	// affected holds the keys of the old articles that were renumbered
	// or removed: only a citation of one of them can have gone stale.
	affected map[string]bool
}

// Notes attached to reference facts. They are part of the output that
// users read and CI rules match, so they are spelled once here.
const (
	noteRemovedTarget = "points to a clause that no longer exists"
	noteReusedNumber  = "the clause it pointed to was removed; the number now denotes another clause"
	noteMissingTarget = "points to a clause that does not exist"
)

// CompareFacts returns the typed facts that differ between the old and new
// text of one clause. subject is the act code that the clause prices when
// it is known from the structure (a tariff row keyed by its code), else "".
// refs may be nil; when given, the article references of the new text are
// also checked against it, so an unchanged text can still yield facts (a
// reference left pointing at a renumbered or removed article).
//
// Facts are found in both texts, paired by kind, value and surrounding
// words, and only pairs whose values differ, or facts present on one side
// only, are reported: a single changed amount gives one fact with both
// values. Typography (apostrophes, non-breaking spaces, line wrapping, case)
// never yields a fact. The result is in the order of the new text, facts
// that only the old text had coming last.
func CompareFacts(oldText, newText, subject string, refs *RefIndex) []Fact {
	if oldText == newText && refs == nil {
		return nil
	}
	oldNorm, newNorm := normalizeFactText(oldText), normalizeFactText(newText)
	olds := extractNormalized(oldNorm, subject)
	news := extractNormalized(newNorm, subject)
	pairs := pairFacts(olds, news, diffAnchors(oldNorm, newNorm, olds, news))

	type placed struct {
		removed bool
		pos     int
		fact    Fact
	}
	var out []placed
	pairedNew := make([]int, len(news))
	for i := range pairedNew {
		pairedNew[i] = -1
	}
	pairedOld := make([]bool, len(olds))
	for _, p := range pairs {
		pairedNew[p[1]] = p[0]
		pairedOld[p[0]] = true
	}
	for j := range news {
		n := &news[j]
		var f Fact
		changed := true
		if i := pairedNew[j]; i >= 0 {
			o := &olds[i]
			if o.val == n.val {
				changed = false
			} else {
				f = pairFact(o, n)
			}
		} else {
			f = pairFact(nil, n)
		}
		if n.kind == FactReference && refs != nil {
			var o *factAt
			if i := pairedNew[j]; i >= 0 {
				o = &olds[i]
			}
			if note := checkReference(o, n, changed, refs); note != "" {
				if !changed {
					f = pairFact(n, n)
					changed = true
				}
				f.Note = note
				f.Broken = true
			} else if changed && o != nil && o.refKind == KindArticle && n.refKind == KindArticle && !o.external && !n.external {
				if to, ok := refs.OldToNew[o.refKey]; ok && to != "" && NumberKey(KindArticle, to) == n.refKey {
					f.Note = "follows the renumbering of " + o.text
				}
			}
		}
		if changed {
			out = append(out, placed{pos: n.start, fact: f})
		}
	}
	for i := range olds {
		if !pairedOld[i] {
			out = append(out, placed{removed: true, pos: olds[i].start, fact: pairFact(&olds[i], nil)})
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].removed != out[b].removed {
			return !out[a].removed
		}
		return out[a].pos < out[b].pos
	})
	facts := make([]Fact, 0, len(out))
	seen := map[string]bool{}
	for _, p := range out {
		k := factIdentity(p.fact)
		if seen[k] {
			continue
		}
		seen[k] = true
		facts = append(facts, p.fact)
	}
	if len(facts) == 0 {
		return nil
	}
	return facts
}

// factIdentity lets CompareFacts report a change that a text repeats (the
// same amount raised in two sentences) once.
func factIdentity(f Fact) string {
	v := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return strconv.FormatFloat(*p, 'g', -1, 64)
	}
	return strings.Join([]string{string(f.Kind), f.Subject, f.Old, f.New, v(f.OldValue), v(f.NewValue), f.Unit, f.Note}, "\x00")
}

// checkReference says what is wrong with a reference of the new text, or
// "" when nothing is. o is the old reference it was paired with, if any;
// changed is false when the reference reads the same in both texts.
//
// References into another text (a code, a law) are never checked: refs
// only knows the articles of this document. "Article L. 162-5" with no
// text named is checked only when this document has such articles (it is
// a code). An unchanged reference to a number this document never had is
// left alone too: it points elsewhere, and this revision did not write it.
func checkReference(o, n *factAt, changed bool, refs *RefIndex) string {
	if n.external || n.refKind != KindArticle || n.refKey == "" {
		return ""
	}
	to, known := refs.OldToNew[n.refKey]
	if n.codeNumbered && !known && !refs.NewKeys[n.refKey] {
		return ""
	}
	if !changed {
		// The text was left as it was: if the article it named moved, the
		// reference was not updated.
		switch {
		case known && to != "" && NumberKey(KindArticle, to) != n.refKey:
			return "article " + n.refNum + " is now numbered " + to
		case known && to == "" && refs.NewKeys[n.refKey]:
			return noteReusedNumber
		case !known && len(refs.OldToNew) > 0:
			return ""
		}
	}
	if refs.NewKeys[n.refKey] {
		return ""
	}
	if known || len(refs.OldToNew) == 0 {
		return noteRemovedTarget
	}
	return noteMissingTarget
}

// pairFact builds the reported fact for an old and a new occurrence; either
// may be nil when the fact appears or disappears.
func pairFact(o, n *factAt) Fact {
	var f Fact
	ref := n
	if ref == nil {
		ref = o
	}
	f.Kind = ref.kind
	f.Subject = ref.subject
	f.Unit = ref.unit
	f.Effective = ref.effective
	if o != nil {
		f.Old = o.text
	}
	if n != nil {
		f.New = n.text
	}
	if !ref.hasValue {
		return f
	}
	var ov, nv float64
	if o != nil {
		ov = o.value
	}
	if n != nil {
		nv = n.value
	}
	if o != nil && n != nil && o.unit != n.unit {
		switch {
		case o.unit == "FRF" && n.unit == "EUR":
			// Values are given in the new unit so that they and the delta
			// compare like with like; the text keeps what was written.
			ov = round2(ov / frfPerEUR)
		case o.unit == "EUR" && n.unit == "FRF":
			ov = round2(ov * frfPerEUR)
		default:
			// Two months against sixty days: the values would mislead
			// without a unit, the texts say it all.
			f.Unit = ""
			return f
		}
	}
	if o != nil {
		f.OldValue = ptr(ov)
	}
	if n != nil {
		f.NewValue = ptr(nv)
	}
	if o != nil && n != nil && ov != 0 && (f.Kind == FactAmount || f.Kind == FactPercent || f.Kind == FactDuration) {
		f.DeltaPct = ptr(round2((nv - ov) / ov * 100))
	}
	return f
}

// frfPerEUR is the fixed conversion rate of 1999.
const frfPerEUR = 6.55957

func ptr(v float64) *float64 { return &v }

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// factAt is one fact found in a text, with where it stands so that old and
// new facts can be paired by their surroundings.
type factAt struct {
	kind       FactKind
	start, end int // byte span in the normalised text
	text       string
	// key identifies the fact for pairing: equal keys in the same order
	// are the same fact left unchanged.
	key string
	// val is what must differ for a paired fact to be reported: the value
	// without the subject, so that an amount whose act code was renamed
	// in place is left to the code fact.
	val      string
	subject  string
	value    float64
	hasValue bool
	unit     string
	ctx      []string
	// subjectShared is set on an amount whose act code is also found on
	// the other side: only then does a different code mean another act
	// rather than a code renamed in place.
	subjectShared bool
	// effective is the date from which an amount or percentage applies
	// (YYYY-MM-DD), when its sentence or its tariff row gives one.
	effective string
	// Reference facts only.
	refKind  Kind
	refNum   string
	refKey   string
	external bool
	// codeNumbered is set on "article L. 162-5" with no text named: an
	// article of a code, which is this document only if it is a code.
	codeNumbered bool
}

// factWord is a token of the normalised text: a run of letters and digits, an
// elided article keeping its apostrophe ("l'", "qu'").
type factWord struct {
	s, low     string
	start, end int
}

// factTextKind is a normalised text with what the extractors share.
type factTextKind struct {
	s      string
	words  []factWord
	bounds []int // start offsets of sentences, ascending, first is 0
}

// normalizeFactText folds the differences that carry no meaning, so that
// a cosmetic revision extracts the same facts: compatibility forms (NFKC
// turns "1ᵉʳ" into "1er" and no-break spaces into spaces), typographic
// apostrophes, dashes and quotes, invisible characters, runs of blanks. A
// line break is kept as "\n" and a blank line as "\n\n" because bullets and
// paragraphs bound sentences.
func normalizeFactText(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	blank, newlines := false, 0
	for _, r := range s {
		switch {
		case r == '\n':
			blank = true
			newlines++
			continue
		case unicode.IsSpace(r):
			blank = true
			continue
		case r == '\u00ad' || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff':
			continue
		}
		if blank && b.Len() > 0 {
			switch {
			case newlines >= 2:
				b.WriteString("\n\n")
			case newlines == 1:
				b.WriteByte('\n')
			default:
				b.WriteByte(' ')
			}
		}
		blank, newlines = false, 0
		b.WriteRune(frtext.Typography(r))
	}
	return b.String()
}

func isFactWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

var elisions = map[string]bool{
	"l": true, "d": true, "n": true, "s": true, "c": true, "j": true, "m": true, "t": true,
	"qu": true, "jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true, "presqu": true, "quelqu": true,
}

func tokenize(s string) []factWord {
	var ws []factWord
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !isFactWordRune(r) {
			i += w
			continue
		}
		start := i
		for i < len(s) {
			r, w = utf8.DecodeRuneInString(s[i:])
			if !isFactWordRune(r) {
				break
			}
			i += w
		}
		end := i
		if i < len(s) && s[i] == '\'' && elisions[strings.ToLower(s[start:end])] {
			i++
			end = i
		}
		ws = append(ws, factWord{s: s[start:end], low: strings.ToLower(s[start:end]), start: start, end: end})
	}
	return ws
}

// sentenceBounds cuts the text where a sentence (see frtext.SentenceStarts),
// a paragraph or a list entry ends, so that an amount is tied to an act
// code of its own sentence only. A semicolon ends a list entry even when
// the next one starts in lower case ("- la consultation ; - la visite").
func sentenceBounds(s string) []int {
	bounds := []int{0}
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == ';':
			bounds = append(bounds, i+1)
		case s[i] == '\n' && i+1 < len(s) && s[i+1] == '\n':
			bounds = append(bounds, i+2)
			i++
		case s[i] == '\n' && frtext.StartsListEntry(s[i+1:]):
			bounds = append(bounds, i+1)
		}
	}
	bounds = append(bounds, frtext.SentenceStarts(s)...)
	slices.Sort(bounds)
	return slices.Compact(bounds)
}

func (t *factTextKind) sentence(pos int) int {
	return sort.SearchInts(t.bounds, pos+1) - 1
}

// wordAt returns the index of the first word starting at or after pos.
func (t *factTextKind) wordAt(pos int) int {
	return sort.Search(len(t.words), func(i int) bool { return t.words[i].start >= pos })
}

// context returns the words around a span, as a sorted set, which is what pairs an old fact
// with the new one that replaced it.
func (t *factTextKind) context(start, end int) []string {
	const n = 4
	var ctx []string
	i := t.wordAt(start)
	for k := i - 1; k >= 0 && k >= i-n; k-- {
		ctx = append(ctx, t.words[k].low)
	}
	j := t.wordAt(end)
	for k := j; k < len(t.words) && k < j+n; k++ {
		ctx = append(ctx, t.words[k].low)
	}
	sort.Strings(ctx)
	return slices.Compact(ctx)
}

func (t *factTextKind) display(start, end int) string {
	return strings.Join(strings.Fields(t.s[start:end]), " ")
}

// extractFacts finds every fact of a text, in text order. subject is the
// act code priced by the clause when the structure tells it.
func extractFacts(text, subject string) []factAt {
	return extractNormalized(normalizeFactText(text), subject)
}

// extractNormalized is extractFacts on a text already normalised.
func extractNormalized(s, subject string) []factAt {
	t := &factTextKind{s: s, words: tokenize(s), bounds: sentenceBounds(s)}
	codes := t.codes()

	var facts []factAt
	var taken [][2]int
	free := func(a, b int) bool {
		for _, sp := range taken {
			if a < sp[1] && sp[0] < b {
				return false
			}
		}
		return true
	}
	add := func(f factAt) {
		if !free(f.start, f.end) {
			return
		}
		taken = append(taken, [2]int{f.start, f.end})
		facts = append(facts, f)
	}
	// The order is a priority: a span claimed by an earlier extractor is
	// not read again by a later one.
	for _, f := range t.references() {
		add(f)
	}
	for _, f := range t.dates() {
		add(f)
	}
	for _, f := range t.amounts(codes, subject) {
		// One amount pricing several codes is one fact per code, all on
		// the same span.
		if n := len(facts); n > 0 && facts[n-1].kind == FactAmount && facts[n-1].start == f.start && facts[n-1].end == f.end {
			facts = append(facts, f)
			continue
		}
		add(f)
	}
	for _, f := range t.percents() {
		add(f)
	}
	for _, f := range t.durations() {
		add(f)
	}
	for _, c := range codes {
		add(factAt{kind: FactCode, start: c.start, end: c.end, text: c.code, key: "code:" + c.code, val: c.code})
	}
	// Modal verbs and negations interleave ("n'est pas tenu de", "ne peut
	// pas"): they are words, not spans, and are not checked for overlap.
	modal, consumed := t.modalities()
	facts = append(facts, modal...)
	facts = append(facts, t.negations(consumed)...)
	// Sort positions, not the facts themselves: they are large to move.
	order := make([]int, len(facts))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return facts[a].start - facts[b].start })
	sorted := make([]factAt, len(facts))
	for i, k := range order {
		sorted[i] = facts[k]
		sorted[i].ctx = t.context(sorted[i].start, sorted[i].end)
	}
	t.markEffective(sorted, subject != "")
	return sorted
}

// --- act codes ---------------------------------------------------------

// knownActCodes are the NGAP letter keys and modifiers that conventions
// price. Single letters that French also uses as Roman numerals or unit
// symbols (I, L, D, F) are left out; C and V are in because the
// consultation and the visit are what tariffs are about, and their Roman
// readings are filtered by context ("Titre V").
var knownActCodes = map[string]bool{}

func init() {
	for _, c := range strings.Fields(`G GS VG VGS C CS CSC CNP CNPSY CDE V VS VL VNP VNPSY
		APC APY APU AVY MPC MCS MCG MCU MPJ MEG MSH MIC MTX MIS MRT MNO MGM MOP MPF MUT MTA
		TCG TC TCS TE1 TE2 TLC TLS TLD TLL RQD IK ID IFD K KC KE KCC Z ZN
		ADE ADA ADC ADI ACO ATM ANP AMI AMS AIS AMK AMC AMO AMY SF SFI POD ORT
		COE CCP CCE CCX CSO PAV SNP IMT ALQ CRN CRD CRS CRM`) {
		knownActCodes[c] = true
	}
}

// notActCodes are upper-case words of the domain that look like act codes
// but name institutions, texts, programmes or places.
var notActCodes = map[string]bool{}

func init() {
	for _, c := range strings.Fields(`CNAM CNAMTS UNCAM UNOCAM ROSP ARS CSS CPAM CGSS UNPS UFML CSMF SML FMF MG
		CHU CHR HAS SAS CPTS DMP PDSA SNIR JO JORF NOR CCAM NGAP TVA PIB ONDAM RSA RMI PLFSS LFSS
		URSSAF MSA CMU CMUC AME ACS SMIC IRM CE UE EHPAD OPTAM DPC ANDPC MSP ESP CDS ALD AT MP HN DE
		MM SOS UNAF CNOM CSP CASF RPPS ADELI FSE SESAM PS ETP ESS CNSA DREES INSEE FNPS`) {
		notActCodes[c] = true
	}
}

// frenchCaps are short French words that an all-caps heading spells like
// a code.
var frenchCaps = map[string]bool{}

func init() {
	for _, c := range strings.Fields(`A AU AUX DE DU DES LA LE LES EN ET OU UN UNE PAR POUR SUR SANS SOUS
		EST SONT IL ILS ELLE SA SES SON NE PAS QUE QUI CE`) {
		frenchCaps[c] = true
	}
}

// actNouns introduce an act code: "consultation G", "majoration MPC",
// "l'avis ponctuel de consultant (APC)".
var actNouns = map[string]bool{
	"consultation": true, "consultations": true, "visite": true, "visites": true, "acte": true,
	"actes": true, "majoration": true, "majorations": true, "forfait": true, "forfaits": true,
	"cotation": true, "code": true, "clé": true, "cle": true, "téléconsultation": true,
	"téléexpertise": true, "avis": true, "indemnité": true, "indemnités": true, "supplément": true,
	"modificateur": true, "lettre": true,
}

// notCodeAfter are the words after which a capital letter is a number,
// not an act code: "Titre V", "annexe C".
var notCodeAfter = map[string]bool{
	"titre": true, "titres": true, "chapitre": true, "chapitres": true, "annexe": true, "annexes": true,
	"section": true, "sections": true, "livre": true, "partie": true, "article": true, "articles": true,
	"art": true, "tome": true, "paragraphe": true, "alinéa": true, "point": true, "points": true,
	"catégorie": true, "secteur": true, "option": true, "groupe": true, "niveau": true, "classe": true,
}

// IsActCode reports whether s, standing alone, is an act code of the
// nomenclatures: a known NGAP key or modifier ("G", "APC", "MPC"), one of
// them with a coefficient or a plus ("C2", "K50", "G+"), or a CCAM code
// (four letters and three digits, "YYYY010"). Codes known only from their
// context ("consultation XY") are found by ExtractCodes, not here.
func IsActCode(s string) bool {
	s = strings.TrimSuffix(s, "+")
	if s == "" || notActCodes[s] {
		return false
	}
	if knownActCodes[s] {
		return true
	}
	letters := 0
	for letters < len(s) && s[letters] >= 'A' && s[letters] <= 'Z' {
		letters++
	}
	digits := len(s) - letters
	for k := letters; k < len(s); k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	switch {
	case letters == 4 && digits == 3:
		return true
	case letters >= 1 && digits >= 1 && digits <= 3:
		return knownActCodes[s[:letters]]
	}
	return false
}

// codeShape reports whether s is spelled like a code: one to five ASCII
// capitals and up to three digits.
func codeShape(s string) bool {
	letters := 0
	for letters < len(s) && s[letters] >= 'A' && s[letters] <= 'Z' {
		letters++
	}
	if letters == 0 || letters > 5 || len(s)-letters > 3 {
		return false
	}
	for k := letters; k < len(s); k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return true
}

type codeAt struct {
	code       string
	start, end int
	wordIdx    int
}

// ExtractCodes returns the act codes that text mentions, in order of first
// appearance, each once.
func ExtractCodes(text string) []string {
	s := normalizeFactText(text)
	t := &factTextKind{s: s, words: tokenize(s), bounds: sentenceBounds(s)}
	var out []string
	seen := map[string]bool{}
	for _, c := range t.codes() {
		if !seen[c.code] {
			seen[c.code] = true
			out = append(out, c.code)
		}
	}
	return out
}

func isCapsWord(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

func (t *factTextKind) codes() []codeAt {
	var out []codeAt
	s := t.s
	for i, w := range t.words {
		if !codeShape(w.s) {
			continue
		}
		code, end := w.s, w.end
		if end < len(s) && s[end] == '+' && (end+1 == len(s) || !startsWord(s[end+1:])) {
			code += "+"
			end++
		}
		prev := ""
		if i > 0 {
			prev = t.words[i-1].low
		}
		afterNoun := actNouns[prev]
		known := IsActCode(code)
		if !known && !t.contextualCode(i, code) {
			continue
		}
		if notCodeAfter[prev] {
			continue
		}
		// Joined to a word by a hyphen, it is part of it ("Saint-V").
		if w.start > 1 && s[w.start-1] == '-' && startsWordBefore(s[:w.start-1]) {
			continue
		}
		if end < len(s) && s[end] == '-' && startsWord(s[end+1:]) {
			continue
		}
		// "V. - Tarifs", "C) ...": an enumeration mark at the head of a line.
		if end < len(s) && (s[end] == '.' || s[end] == ')') && lineStart(s, w.start) {
			continue
		}
		// Inside an all-caps heading, "ID" or "SF" are more likely words.
		if known && !afterNoun && i > 0 && i+1 < len(t.words) {
			p, n := t.words[i-1].s, t.words[i+1].s
			if isCapsWord(p) && isCapsWord(n) && !IsActCode(p) && !IsActCode(n) {
				continue
			}
		}
		out = append(out, codeAt{code: code, start: w.start, end: end, wordIdx: i})
	}
	return out
}

// contextualCode accepts an unknown code-shaped word that the text
// presents as an act: right after an act noun, or in parentheses after
// one ("l'avis ponctuel de consultant (APC)").
func (t *factTextKind) contextualCode(i int, code string) bool {
	base := strings.TrimSuffix(code, "+")
	if notActCodes[base] || frenchCaps[base] {
		return false
	}
	if _, roman := Roman(base); roman {
		return false
	}
	if i > 0 && actNouns[t.words[i-1].low] {
		return true
	}
	w := t.words[i]
	if w.start == 0 || t.s[w.start-1] != '(' || w.end >= len(t.s) || t.s[w.end] != ')' {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if actNouns[t.words[k].low] {
			return true
		}
	}
	return false
}

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isFactWordRune(r)
}

func startsWordBefore(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return isFactWordRune(r)
}

func lineStart(s string, pos int) bool {
	for pos > 0 && s[pos-1] == ' ' {
		pos--
	}
	return pos == 0 || s[pos-1] == '\n'
}

// --- numbers -----------------------------------------------------------

// numPattern is a number as French texts print it: "1 234,56", "1.234",
// "26,50", "26.50", "30".
const numPattern = `\d{1,3}(?:[ .]\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?`

// Every pattern is matched anchored, at the few places where it can
// begin (a number, a keyword), on a window of the text: scanning a whole
// clause with an unanchored pattern costs far more than these checks.
const matchWindow = 96

// factWindow returns up to n bytes of s from i, ending on a rune boundary.
func factWindow(s string, i, n int) string {
	end := i + n
	if end >= len(s) {
		return s[i:]
	}
	for end < len(s) && !utf8.RuneStart(s[end]) {
		end++
	}
	return s[i:end]
}

// numberStarts returns the offsets where a number can begin: the first
// digit of a run that is not glued to a word or to another number.
func numberStarts(s string) []int {
	var out []int
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' {
			continue
		}
		if i > 0 {
			if p := s[i-1]; p >= '0' && p <= '9' || p == ',' || p == '.' {
				continue
			}
			if startsWordBefore(s[:i]) {
				continue
			}
		}
		out = append(out, i)
	}
	return out
}

// matchesAt runs an anchored pattern at each start and returns the
// submatch indices, shifted into s, of the matches that do not overlap.
func matchesAt(re *regexp.Regexp, s string, starts []int, width int) [][]int {
	var out [][]int
	last := 0
	for _, i := range starts {
		if i < last {
			continue
		}
		m := re.FindStringSubmatchIndex(factWindow(s, i, width))
		if m == nil {
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += i
			}
		}
		out = append(out, m)
		last = m[1]
	}
	return out
}

var groupedNumber = regexp.MustCompile(`^\d{1,3}(?:[ .]\d{3})+(?:,\d+)?$`)

// parseNumber reads a number matched by numPattern.
func parseNumber(s string) (float64, bool) {
	if groupedNumber.MatchString(s) {
		s = strings.NewReplacer(" ", "", ".", "").Replace(s)
	}
	s = strings.Replace(s, ",", ".", 1)
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// endsWord reports whether a match ending at end is not glued to a word
// ("30 F" but not "30 Fédération").
func endsWord(s string, end int) bool {
	return end >= len(s) || !startsWord(s[end:])
}

// numberKey prints a value for keys: 26.5 and 26.50 agree.
func numberKey(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

var (
	amountRe = regexp.MustCompile(`^(` + numPattern + `)\s?(?:((?:millions?|milliards?)\s(?:d'euros|de francs))|(M€|Md€|k€|€|[Ee]uros?|EUR|[Ff]rancs?|FF|F))`)
	// "€ 30", as some tables print it.
	amountLeadRe = regexp.MustCompile(`^(€)\s?(\d+(?:,\d+)?)`)
	percentRe    = regexp.MustCompile(`^(` + numPattern + `)\s?(%|pour ?cent|p\. ?100)`)
)

// amounts finds sums of money and ties each to the act code it prices: the
// nearest code before it in its sentence, else one just after it, else the
// clause's subject, else a code standing alone on a line above (a tariff
// table's row label).
func (t *factTextKind) amounts(codes []codeAt, subject string) []factAt {
	var out []factAt
	s := t.s
	labels := t.labelCodes(codes)
	starts := numberStarts(s)
	// A bare "F" reads as francs only in a text that speaks no euro: in a
	// text since 2002, "2 F" is more likely a coefficient or a code.
	euroText := strings.Contains(s, "€") || strings.Contains(strings.ToLower(s), "euro")
	for _, m := range matchesAt(amountRe, s, starts, matchWindow) {
		if !endsWord(s, m[1]) {
			continue
		}
		v, ok := parseNumber(s[m[2]:m[3]])
		if !ok {
			continue
		}
		unit := "EUR"
		var factWord string
		if m[4] >= 0 {
			factWord = strings.ToLower(s[m[4]:m[5]])
			if strings.HasPrefix(factWord, "milliard") {
				v *= 1e9
			} else {
				v *= 1e6
			}
			if strings.HasSuffix(factWord, "francs") {
				unit = "FRF"
			}
		} else {
			factWord = s[m[6]:m[7]]
			switch factWord {
			case "M€":
				v *= 1e6
			case "Md€":
				v *= 1e9
			case "k€":
				v *= 1e3
			case "F", "FF":
				if euroText {
					continue
				}
				unit = "FRF"
			case "franc", "francs", "Franc", "Francs":
				unit = "FRF"
			}
		}
		out = append(out, t.amountFacts(m[2], m[1], v, unit, codes, labels, subject)...)
	}
	var euros []int
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], "€")
		if k < 0 {
			break
		}
		if i+k == 0 || !startsWordBefore(s[:i+k]) {
			euros = append(euros, i+k)
		}
		i += k + len("€")
	}
	for _, m := range matchesAt(amountLeadRe, s, euros, matchWindow) {
		if !endsWord(s, m[1]) {
			continue
		}
		v, ok := parseNumber(s[m[4]:m[5]])
		if !ok {
			continue
		}
		out = append(out, t.amountFacts(m[2], m[1], v, "EUR", codes, labels, subject)...)
	}
	return out
}

// labelCodes are the codes that stand alone in their sentence ("- C" on
// its own line): the row labels of tariff tables.
func (t *factTextKind) labelCodes(codes []codeAt) []codeAt {
	var out []codeAt
	for _, c := range codes {
		sent := t.sentence(c.start)
		alone := true
		if c.wordIdx > 0 && t.sentence(t.words[c.wordIdx-1].start) == sent {
			alone = false
		}
		if c.wordIdx+1 < len(t.words) && t.sentence(t.words[c.wordIdx+1].start) == sent {
			alone = false
		}
		if alone {
			out = append(out, c)
		}
	}
	return out
}

func (t *factTextKind) percents() []factAt {
	var out []factAt
	s := t.s
	for _, m := range matchesAt(percentRe, s, numberStarts(s), matchWindow) {
		if !endsWord(s, m[1]) {
			continue
		}
		v, ok := parseNumber(s[m[2]:m[3]])
		if !ok {
			continue
		}
		val := "%:" + numberKey(v)
		out = append(out, factAt{kind: FactPercent, start: m[2], end: m[1], text: t.display(m[2], m[1]),
			key: "percent:" + val, val: val, value: v, hasValue: true, unit: "%"})
	}
	return out
}

// --- dates -------------------------------------------------------------

var months = map[string]int{
	"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
	"août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
}

var (
	dateSlashRe = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})`)
	dateISORe   = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})`)
)

// dates finds calendar dates. A fact reports them as written; they are
// compared by their ISO 8601 value ("2025-01-01", "2025-01" for a month,
// "--12-01" for a day of every year), so that "30/04/2023" and "30 avril
// 2023" agree.
func (t *factTextKind) dates() []factAt {
	var out []factAt
	s := t.s
	emit := func(start, end int, iso string) {
		out = append(out, factAt{kind: FactDate, start: start, end: end, text: s[start:end], key: "date:" + iso, val: iso})
	}
	ws := t.words
	for i, w := range ws {
		month := months[w.low]
		if month == 0 {
			continue
		}
		start, end, day, year := w.start, w.end, 0, ""
		if i > 0 && s[ws[i-1].end:w.start] == " " {
			switch d := ws[i-1].low; {
			case d == "1er" || d == "premier":
				day = 1
			case isDigits(d) && len(d) <= 2:
				day, _ = strconv.Atoi(d)
			}
			if day > 31 {
				day = 0
			}
			if day > 0 {
				start = ws[i-1].start
			}
		}
		if i+1 < len(ws) && s[w.end:ws[i+1].start] == " " && isDigits(ws[i+1].s) && len(ws[i+1].s) == 4 {
			year, end = ws[i+1].s, ws[i+1].end
		}
		switch {
		case year != "" && day > 0:
			emit(start, end, year+"-"+pad2(month)+"-"+pad2(day))
		case year != "":
			emit(start, end, year+"-"+pad2(month))
		case day > 0:
			emit(start, end, "--"+pad2(month)+"-"+pad2(day))
		}
	}
	var starts []int
	for _, i := range numberStarts(s) {
		if i == 0 || !strings.ContainsRune("/.-", rune(s[i-1])) {
			starts = append(starts, i)
		}
	}
	for _, m := range matchesAt(dateSlashRe, s, starts, 16) {
		d, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		if d < 1 || d > 31 || mo < 1 || mo > 12 || !endsDate(s, m[1]) {
			continue
		}
		emit(m[2], m[1], s[m[6]:m[7]]+"-"+pad2(mo)+"-"+pad2(d))
	}
	for _, m := range matchesAt(dateISORe, s, starts, 16) {
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		d, _ := strconv.Atoi(s[m[6]:m[7]])
		if d < 1 || d > 31 || mo < 1 || mo > 12 || !endsDate(s, m[1]) {
			continue
		}
		emit(m[2], m[1], s[m[2]:m[1]])
	}
	return out
}

func endsDate(s string, end int) bool {
	if end >= len(s) {
		return true
	}
	c := s[end]
	return !(c >= '0' && c <= '9') && c != '/' && c != '-' && endsWord(s, end)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// --- durations ---------------------------------------------------------

// durationUnits maps a unit word to the unit reported and a factor: a
// quarter is three months, so "un trimestre" and "trois mois" agree.
var durationUnits = map[string]struct {
	unit   string
	factor float64
}{
	"minute": {"minute", 1}, "minutes": {"minute", 1}, "heure": {"hour", 1}, "heures": {"hour", 1},
	"jour": {"day", 1}, "jours": {"day", 1}, "semaine": {"week", 1}, "semaines": {"week", 1},
	"mois": {"month", 1}, "trimestre": {"month", 3}, "trimestres": {"month", 3},
	"semestre": {"month", 6}, "semestres": {"month", 6}, "an": {"year", 1}, "ans": {"year", 1},
	"année": {"year", 1}, "années": {"year", 1},
}

var numberWords = map[string]int{
	"zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
	"huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
	"quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
	"cinquante": 50, "soixante": 60, "cent": 100, "cents": 100, "mille": 1000,
}

// frenchNumber reads number words ("vingt-quatre", "soixante et onze",
// "quatre-vingt-dix", "deux cents"); ok is false for anything else.
func frenchNumber(ws []string) (int, bool) {
	total, cur, prev := 0, 0, -1
	for _, w := range ws {
		if w == "et" {
			continue
		}
		v, ok := numberWords[w]
		if !ok {
			return 0, false
		}
		switch {
		case v == 1000:
			total += max(cur, 1) * 1000
			cur = 0
		case v == 100:
			cur = max(cur, 1) * 100
		case v == 20 && prev == 4:
			cur += 80 - 4 // "quatre-vingt"
		default:
			cur += v
		}
		prev = v
	}
	return total + cur, true
}

// durations finds lengths of time: "deux mois", "3 ans", "48 heures",
// "vingt-quatre mois".
func (t *factTextKind) durations() []factAt {
	var out []factAt
	ws := t.words
	for i, w := range ws {
		u, ok := durationUnits[w.low]
		if !ok || i == 0 {
			continue
		}
		gap := t.s[ws[i-1].end:w.start]
		if gap != " " && gap != "\n" {
			continue
		}
		var v float64
		start := ws[i-1].start
		if n, ok := digitsValue(ws[i-1].s); ok {
			v = n
			// "1 000 heures"
			if i >= 2 && len(ws[i-1].s) == 3 && len(ws[i-2].s) <= 3 && t.s[ws[i-2].end:ws[i-1].start] == " " {
				if th, ok := digitsValue(ws[i-2].s); ok {
					v, start = th*1000+n, ws[i-2].start
				}
			}
			// "1,5 an"
			if i >= 2 && t.s[ws[i-2].end:ws[i-1].start] == "," {
				if whole, ok := digitsValue(ws[i-2].s); ok && whole == math.Trunc(whole) {
					if f, err := strconv.ParseFloat(ws[i-2].s+"."+ws[i-1].s, 64); err == nil {
						v, start = f, ws[i-2].start
					}
				}
			}
		} else {
			j := i - 1
			if _, ok := numberWords[ws[j].low]; !ok {
				continue
			}
			for j > 0 {
				sep := t.s[ws[j-1].end:ws[j].start]
				if sep != " " && sep != "-" {
					break
				}
				_, isNum := numberWords[ws[j-1].low]
				if isNum || (ws[j-1].low == "et" && j >= 2) {
					if ws[j-1].low == "et" {
						if _, ok := numberWords[ws[j-2].low]; !ok {
							break
						}
					}
					j--
					continue
				}
				break
			}
			parts := make([]string, 0, i-j)
			for k := j; k < i; k++ {
				parts = append(parts, ws[k].low)
			}
			n, ok := frenchNumber(parts)
			if !ok {
				continue
			}
			v, start = float64(n), ws[j].start
		}
		v *= u.factor
		val := u.unit + ":" + numberKey(v)
		out = append(out, factAt{kind: FactDuration, start: start, end: w.end, text: t.display(start, w.end),
			key: "duration:" + val, val: val, value: v, hasValue: true, unit: u.unit})
	}
	return out
}

func digitsValue(s string) (float64, bool) {
	if s == "" || len(s) > 6 {
		return 0, false
	}
	for k := 0; k < len(s); k++ {
		if s[k] < '0' || s[k] > '9' {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// --- references --------------------------------------------------------

// refNumPattern is one article number: "12", "1er", "28.1", "28-1",
// "2 bis", "L. 162-5", "R4127-1", "premier".
const refNumPattern = `(?:(?:[LRDA]\.?\s?)?\d+(?:er)?(?:[.-]\d+)*(?:\s(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)\b)?|premier)`

var (
	refRe      = regexp.MustCompile(`^((?i:articles?|art\.))\s(?:n°\s?)?(` + refNumPattern + `(?:(?:\s?,\s|\s(?:et|à|ou)\s)` + refNumPattern + `)*)`)
	refNumRe   = regexp.MustCompile(refNumPattern)
	annexRefRe = regexp.MustCompile(`^((?i:annexes?))\s([IVXLCDM]+|\d+|[A-Z])\b`)
	codePrefix = regexp.MustCompile(`^[LRDA]\.?\s?\d`)
)

// qualifierStop ends the name of the text a reference points into: "du
// code de la sécurité sociale est fixé…" stops before "est".
var qualifierStop = map[string]bool{
	"est": true, "sont": true, "qui": true, "que": true, "qu'": true, "pour": true, "dans": true,
	"par": true, "lorsque": true, "a": true, "ont": true, "peut": true, "peuvent": true, "doit": true,
	"doivent": true, "sur": true, "aux": true, "au": true, "ou": true, "ne": true, "n'": true,
	"se": true, "s'": true, "il": true, "elle": true, "ils": true, "elles": true, "sous": true,
	"selon": true, "avec": true, "après": true, "avant": true, "entre": true, "relatif": true,
	"ainsi": true, "si": true, "afin": true, "dont": true, "où": true, "lorsqu'": true, "ci": true,
	"relative": true, "relatifs": true, "relatives": true, "en": true, "à": true, "sans": true,
}

var qualifierLink = map[string]bool{"de": true, "des": true, "du": true, "la": true, "l'": true, "d'": true}

// codeNames are the codes that conventions cite, longest first, so that a
// reference's qualifier ends where the code's name does.
var codeNames [][]string

func init() {
	for _, n := range []string{
		"code de la sécurité sociale", "code de la santé publique", "code du travail", "code civil",
		"code pénal", "code de l'action sociale et des familles", "code général des impôts",
		"code rural et de la pêche maritime", "code rural", "code de la mutualité", "code des assurances",
		"code général des collectivités territoriales", "code de commerce", "code de l'éducation",
		"code de procédure civile", "code de procédure pénale", "code de justice administrative",
		"code de la construction et de l'habitation", "code monétaire et financier",
		"code des relations entre le public et l'administration", "code de la défense",
		"code de l'environnement", "code de la consommation", "code de la route",
		"code des pensions civiles et militaires de retraite", "code de l'entrée et du séjour des étrangers et du droit d'asile",
	} {
		var ws []string
		for _, w := range tokenize(n) {
			ws = append(ws, w.low)
		}
		codeNames = append(codeNames, ws)
	}
	sort.SliceStable(codeNames, func(a, b int) bool { return len(codeNames[a]) > len(codeNames[b]) })
}

// textKinds name other legal texts: "article 17 de l'arrêté du 13
// novembre 1998", "article 15 de la loi n° 78-17".
var textKinds = map[string]bool{
	"loi": true, "décret": true, "arrêté": true, "ordonnance": true, "directive": true, "règlement": true,
	"convention": true, "avenant": true, "accord": true, "traité": true, "décision": true,
	"protocole": true, "circulaire": true, "constitution": true,
}

var textSuffixes = map[string]bool{
	"susvisé": true, "susvisée": true, "susvisés": true, "susvisées": true, "précité": true,
	"précitée": true, "modifié": true, "modifiée": true, "susmentionné": true, "susmentionnée": true,
}

// qualifier reads what follows a reference: "du code de la sécurité
// sociale", "de l'arrêté du 13 novembre 1998 susvisé", "dudit code", "du
// présent règlement". It returns the end of the phrase, a normalised name
// of the text pointed into, and whether that is another text than this
// one (the present one is named only to be explicit).
func (t *factTextKind) qualifier(end int) (qend int, name string, external bool) {
	ws := t.words
	i := t.wordAt(end)
	adjacent := func(k int, from int) bool {
		return k < len(ws) && strings.TrimSpace(t.s[from:ws[k].start]) == ""
	}
	if !adjacent(i, end) {
		return end, "", false
	}
	qend = end
	// "articles 270 et suivants du code civil"
	if ws[i].low == "et" && i+1 < len(ws) && strings.HasPrefix(ws[i+1].low, "suivant") {
		qend = ws[i+1].end
		i += 2
		if !adjacent(i, qend) {
			return qend, "", false
		}
	}
	k := i
	switch ws[k].low {
	case "dudit", "desdits", "desdites":
		if k+1 < len(ws) && adjacent(k+1, ws[k].end) {
			return ws[k+1].end, "dudit " + ws[k+1].low, true
		}
		return qend, "", false
	case "du", "des":
		k++
	case "de":
		k++
		if k < len(ws) && (ws[k].low == "la" || ws[k].low == "l'") {
			k++
		}
	default:
		return qend, "", false
	}
	if k >= len(ws) || strings.ContainsAny(t.s[ws[k-1].end:ws[k].start], ",;:.()\n") {
		return qend, "", false
	}
	head := ws[k].low
	switch {
	case head == "présent" || head == "présente" || head == "présents" || head == "présentes":
		return qend, "", false
	case head == "même" || head == "ladite" || head == "ledit":
		if k+1 < len(ws) && isAllLetters(ws[k+1].low) {
			return ws[k+1].end, "même " + ws[k+1].low, true
		}
		return qend, "", false
	case head == "code":
		for _, cn := range codeNames {
			if t.wordsAre(k, cn) {
				return ws[k+len(cn)-1].end, strings.Join(cn, " "), true
			}
		}
		return t.phrase(k, 8)
	case textKinds[head]:
		m := k + 1
		last := k
		// "n° 78-17", "n° 2008-1249"
		if m < len(ws) && ws[m].low == "n" && strings.HasPrefix(t.s[ws[m].end:], "°") {
			m++
			for m < len(ws) && isDigits(ws[m].s) && (m == k+2 || t.s[ws[m-1].end:ws[m].start] == "-") {
				last = m
				m++
			}
		}
		// "du 13 novembre 1998"
		if m+3 < len(ws) && ws[m].low == "du" && months[ws[m+2].low] > 0 && isDigits(ws[m+3].s) {
			last = m + 3
			m += 4
		}
		if m < len(ws) && textSuffixes[ws[m].low] {
			last = m
		}
		return ws[last].end, head, true
	case isAllLetters(head) && numberWords[head] == 0 && head != "un" && head != "une":
		return t.phrase(k, 4)
	}
	return qend, "", false
}

func isDigits(s string) bool {
	for k := 0; k < len(s); k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return s != ""
}

// wordsAre reports whether the words from index k spell want.
func (t *factTextKind) wordsAre(k int, want []string) bool {
	if k+len(want) > len(t.words) {
		return false
	}
	for d, w := range want {
		if t.words[k+d].low != w {
			return false
		}
	}
	return true
}

// phrase reads up to max words from index k as the name of a text: it
// stops at punctuation, at a word that starts a new clause of the sentence,
// and drops trailing articles.
func (t *factTextKind) phrase(k, max int) (int, string, bool) {
	ws := t.words
	last := k
	var parts []string
	for m := k; m < len(ws) && m < k+max; m++ {
		if m > k && strings.ContainsAny(t.s[ws[m-1].end:ws[m].start], ",;:.()\n") {
			break
		}
		if qualifierStop[ws[m].low] {
			break
		}
		// "code de l'action sociale et des familles", but not "du code
		// de la santé publique et agréée".
		if ws[m].low == "et" && (m+1 >= len(ws) || !qualifierLink[ws[m+1].low]) {
			break
		}
		last = m
		parts = append(parts, ws[m].low)
	}
	for len(parts) > 1 {
		switch parts[len(parts)-1] {
		case "de", "du", "des", "la", "le", "les", "l'", "et", "d'":
			parts = parts[:len(parts)-1]
			last--
			continue
		}
		break
	}
	return ws[last].end, strings.Join(parts, " "), true
}

// references finds cross-references to articles ("l'article 28.1",
// "articles 12 et 13", "article L. 162-5 du code de la sécurité sociale")
// and annexes. A plural reference gives one fact per number, each printed
// as "article N" followed by the text it points into, if any.
func (t *factTextKind) references() []factAt {
	var out []factAt
	s := t.s
	var arts, annexes []int
	for _, w := range t.words {
		switch w.low {
		case "article", "articles", "art":
			arts = append(arts, w.start)
		case "annexe", "annexes":
			annexes = append(annexes, w.start)
		}
	}
	for _, m := range matchesAt(refRe, s, arts, 400) {
		if headingLine(s, m[2]) {
			continue
		}
		kw := strings.ToLower(s[m[2]:m[3]])
		list := s[m[4]:m[5]]
		nums := refNumRe.FindAllStringIndex(list, -1)
		if kw == "article" || kw == "art." {
			nums = nums[:1]
		}
		lastEnd := m[4] + nums[len(nums)-1][1]
		if !endsWord(s, lastEnd) {
			continue
		}
		qend, qname, qext := t.qualifier(lastEnd)
		label := "article"
		if kw == "art." {
			label = "art."
		}
		for k, n := range nums {
			num := list[n[0]:n[1]]
			start, end := m[4]+n[0], m[4]+n[1]
			if k == 0 {
				start = m[2]
			}
			if k == len(nums)-1 {
				end = qend
			}
			text := label + " " + strings.Join(strings.Fields(num), " ")
			if qname != "" {
				text += " " + t.display(lastEnd, qend)
			}
			f := factAt{kind: FactReference, start: start, end: end, text: text, refKind: KindArticle, refNum: num}
			if qext {
				f.external = true
				f.refKey = "ext:" + qname + ":" + NormalizeNumber(num)
			} else {
				f.refKey = NumberKey(KindArticle, num)
				f.codeNumbered = codePrefix.MatchString(num)
			}
			f.key = "reference:" + f.refKey
			f.val = f.refKey
			out = append(out, f)
		}
	}
	for _, m := range matchesAt(annexRefRe, s, annexes, 32) {
		if headingLine(s, m[2]) {
			continue
		}
		num := s[m[4]:m[5]]
		qend, qname, qext := t.qualifier(m[1])
		text := "annexe " + num
		key := NumberKey(KindAnnex, num)
		if qname != "" {
			text += " " + t.display(m[1], qend)
			key = "ext:" + qname + ":" + key
		}
		out = append(out, factAt{kind: FactReference, start: m[2], end: qend, text: text, refKind: KindAnnex,
			refNum: num, refKey: key, external: qext, key: "reference:" + key, val: key})
	}
	return out
}

// headingLine reports whether the line of s that starts at start is a
// heading ("Art. 20.", "Article 12 - Objet"), as a clause's text may repeat
// its own: a heading names the clause it opens and is never a reference.
func headingLine(s string, start int) bool {
	if start > 0 && s[start-1] != '\n' {
		return false
	}
	end := strings.IndexByte(s[start:], '\n')
	if end < 0 {
		end = len(s) - start
	}
	_, ok := classify(strings.TrimSpace(s[start:start+end]), true)
	return ok
}

// --- modality and negation ---------------------------------------------

var modalClass = map[string]string{
	"doit": "devoir", "doivent": "devoir", "devra": "devoir", "devront": "devoir", "devrait": "devoir",
	"devraient": "devoir", "peut": "pouvoir", "peuvent": "pouvoir", "pourra": "pouvoir",
	"pourront": "pouvoir", "pourrait": "pouvoir", "pourraient": "pouvoir",
	// Deontic adjectives say the same as the verbs: "il est interdit de",
	// "la déclaration est obligatoire", "cette démarche est facultative".
	"interdit": "interdire", "interdite": "interdire", "interdits": "interdire", "interdites": "interdire",
	"permis": "permettre", "permise": "permettre", "permises": "permettre",
	"obligatoire": "devoir", "obligatoires": "devoir", "facultatif": "pouvoir", "facultative": "pouvoir",
	"facultatifs": "pouvoir", "facultatives": "pouvoir",
}

var negParticle = map[string]string{
	"pas": "pas", "point": "pas", "plus": "plus", "jamais": "jamais", "rien": "rien", "guère": "guère",
	"aucun": "aucun", "aucune": "aucun", "nul": "aucun", "nulle": "aucun", "personne": "personne",
	"que": "que", "qu'": "que", "ni": "ni",
}

// skipForVerb are the words between a modal or a negation and the verb it
// governs: particles, pronouns, auxiliaries, adverbs.
var skipForVerb = map[string]bool{
	"ne": true, "n'": true, "pas": true, "plus": true, "jamais": true, "point": true, "guère": true,
	"en": true, "y": true, "aucun": true, "aucune": true, "cas": true, "se": true, "s'": true,
	"le": true, "la": true, "les": true, "l'": true, "lui": true, "leur": true, "également": true,
	"notamment": true, "toutefois": true, "cependant": true, "aussi": true, "alors": true,
	"tout": true, "toujours": true, "obligatoirement": true, "seulement": true, "est": true,
	"sont": true, "sera": true, "seront": true, "être": true, "a": true, "ont": true, "avoir": true,
	"que": true, "qu'": true, "de": true, "d'": true,
}

// verbAfter returns the first meaningful word from index i on, within the
// sentence: "ne peut pas être facturée" → "facturée".
func (t *factTextKind) verbAfter(i int, sent int) string {
	for k := i; k < len(t.words) && k < i+6; k++ {
		w := t.words[k]
		if t.sentence(w.start) != sent {
			return ""
		}
		if skipForVerb[w.low] || modalClass[w.low] != "" {
			continue
		}
		return w.low
	}
	return ""
}

// modalities finds modal verbs ("doit", "peut", "peut ne pas", "est tenu
// de", "s'engage à") and "sauf". It also returns the indices of words it
// consumed, so that the "ne pas" of "peut ne pas" is not also a negation.
func (t *factTextKind) modalities() ([]factAt, map[int]bool) {
	var out []factAt
	consumed := map[int]bool{}
	ws := t.words
	emit := func(class string, first, last int, shown string) {
		sent := t.sentence(ws[first].start)
		subj := t.verbAfter(last+1, sent)
		out = append(out, factAt{kind: FactModality, start: ws[first].start, end: ws[last].end, text: shown,
			key: "modality:" + class + ":" + subj, val: class, subject: subj})
	}
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if class := modalClass[w.low]; class != "" {
			// "peut-être" is an adverb.
			if i+1 < len(ws) && ws[i+1].low == "être" && t.s[w.end:ws[i+1].start] == "-" {
				continue
			}
			if class == "pouvoir" && i+2 < len(ws) && ws[i+1].low == "ne" && ws[i+2].low == "pas" {
				consumed[i+1], consumed[i+2] = true, true
				emit("pouvoir ne pas", i, i+2, w.s+" ne pas")
				i += 2
				continue
			}
			emit(class, i, i, w.s)
			continue
		}
		switch w.low {
		case "est", "sont", "sera", "seront", "soit", "soient":
			k := i + 1
			if k < len(ws) && (negParticle[ws[k].low] == "pas" || ws[k].low == "plus") {
				k++
			}
			if k+1 < len(ws) && strings.HasPrefix(ws[k].low, "tenu") && len(ws[k].low) <= 6 &&
				(ws[k+1].low == "de" || ws[k+1].low == "d'") {
				emit("être tenu de", i, k+1, w.s+" "+ws[k].s+" de")
				i = k + 1
			}
		case "s'":
			if i+1 < len(ws) && strings.HasPrefix(ws[i+1].low, "engage") && t.s[w.end:ws[i+1].start] == "" {
				emit("s'engager", i, i+1, w.s+ws[i+1].s)
				i++
			}
		case "sauf":
			emit("sauf", i, i, w.s)
		}
	}
	return out, consumed
}

// negations finds "ne … pas", "n'… plus", "ne … que", a bare "ne" before
// a verb ("ne peut excéder", which law texts use for "ne peut pas") and a
// lone "aucun". The value is the kind of negation (a bare "ne" counts as
// "pas"); the subject is the verb it bears on, which pairs old and new.
func (t *factTextKind) negations(consumed map[int]bool) []factAt {
	var out []factAt
	ws := t.words
	used := map[int]bool{}
	lastAucun := -1 // word index of the last "aucun", whose "ne" is the same negation
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if consumed[i] || used[i] {
			continue
		}
		if w.low == "aucun" || w.low == "aucune" {
			sent := t.sentence(w.start)
			subj := t.verbAfter(i+1, sent)
			out = append(out, factAt{kind: FactNegation, start: w.start, end: w.end, text: w.s,
				key: "negation:" + subj, val: "aucun", subject: subj})
			lastAucun = i
			continue
		}
		if w.low != "ne" && w.low != "n'" {
			continue
		}
		// "n'importe quand" is no negation; the "n'" of "aucun dépassement
		// n'est autorisé" belongs to the "aucun" already counted.
		if i+1 < len(ws) && ws[i+1].low == "importe" {
			continue
		}
		if lastAucun >= 0 && i-lastAucun <= 6 && t.sentence(ws[lastAucun].start) == t.sentence(w.start) {
			continue
		}
		sent := t.sentence(w.start)
		class, pj := "pas", -1
		for j := i + 1; j < len(ws) && j <= i+6; j++ {
			if strings.ContainsAny(t.s[ws[j-1].end:ws[j].start], ",;:.!?()\n") || t.sentence(ws[j].start) != sent {
				break
			}
			if c, ok := negParticle[ws[j].low]; ok {
				class, pj = c, j
				break
			}
		}
		if pj >= 0 {
			used[pj] = true
		}
		var shown string
		last := i
		switch {
		case pj == i+1: // "ne pas facturer"
			shown = w.s + " " + ws[pj].s
			last = pj
		case i+1 < len(ws) && t.sentence(ws[i+1].start) == sent:
			v := ws[i+1].s
			k := i + 1
			if (ws[k].low == "s'" || ws[k].low == "se" || ws[k].low == "y" || ws[k].low == "en") && k+1 < len(ws) {
				if ws[k].low == "s'" {
					v += ws[k+1].s
				} else {
					v += " " + ws[k+1].s
				}
				k++
			}
			sep := " "
			if w.low == "n'" {
				sep = ""
			}
			shown = w.s + sep + v
			last = k
			particle := ""
			if pj >= 0 {
				particle = ws[pj].low
				if particle == "qu'" {
					particle = "que"
				}
				last = pj
			}
			switch {
			case pj < 0:
			case pj == k+1:
				shown += " " + particle
			default:
				shown += " … " + particle
			}
		default:
			shown = w.s
		}
		subj := t.verbAfter(i+1, sent)
		out = append(out, factAt{kind: FactNegation, start: w.start, end: ws[last].end, text: shown,
			key: "negation:" + subj, val: class, subject: subj})
	}
	return out
}

// --- pairing -----------------------------------------------------------

// maxPairCells bounds the dynamic programmes of pairing; beyond it (texts
// with thousands of facts) pairing falls back to a greedy pass.
const maxPairCells = 1 << 22

// pairFacts pairs the facts of the old and new texts and returns index
// pairs {old, new}. The anchors are facts known to be the same fact on
// both sides; when none are given, facts with the same key in the same
// order are (a longest common subsequence). Between two anchors, the
// remaining facts of each kind are paired by their surrounding words and
// subject, in order, so that an amount that changed in place is one pair.
func pairFacts(olds, news []factAt, anchors [][2]int) [][2]int {
	markSharedSubjects(olds, news)
	markSharedSubjects(news, olds)
	if anchors == nil {
		anchors = lcsPairs(olds, news)
	}
	var pairs [][2]int
	prevO, prevN := -1, -1
	for k := 0; k <= len(anchors); k++ {
		endO, endN := len(olds), len(news)
		if k < len(anchors) {
			endO, endN = anchors[k][0], anchors[k][1]
		}
		pairs = append(pairs, pairGap(olds, news, prevO+1, endO, prevN+1, endN)...)
		if k < len(anchors) {
			pairs = append(pairs, anchors[k])
			prevO, prevN = anchors[k][0], anchors[k][1]
		}
	}
	return pairs
}

// diffAnchors pairs the facts that the word diff of the two texts leaves
// in place: a fact lying wholly in text the diff keeps equal is the same
// fact on both sides. Anchoring on place rather than on value keeps two
// swapped amounts ("de 26,50 € … de 5 €" → "de 5 € … de 26,50 €") from
// pairing the 5 € with itself and reporting the rest as a removal plus an
// addition; the facts reported then agree with the word diff shown beside
// them. It returns nil, so that pairing falls back to values, when the
// texts are too large to diff cheaply.
func diffAnchors(oldNorm, newNorm string, olds, news []factAt) [][2]int {
	if len(olds) == 0 || len(news) == 0 || len(oldNorm)+len(newNorm) > 1<<16 {
		return nil
	}
	// Equal stretches: old start, new start, length.
	type span struct{ o, n, l int }
	var eq []span
	po, pn := 0, 0
	for _, h := range WordDiff(oldNorm, newNorm) {
		switch h.Op {
		case OpEqual:
			eq = append(eq, span{po, pn, len(h.Text)})
			po += len(h.Text)
			pn += len(h.Text)
		case OpDelete:
			po += len(h.Text)
		case OpInsert:
			pn += len(h.Text)
		}
	}
	// An amount pricing several codes is several facts on one span: the
	// key tells them apart.
	type place struct {
		start, end int
		kind       FactKind
		key        string
	}
	newAt := map[place]int{}
	for j := range news {
		newAt[place{news[j].start, news[j].end, news[j].kind, news[j].key}] = j
	}
	anchors := [][2]int{} // not nil: no fact kept in place is an answer too
	k := 0
	for i := range olds {
		o := &olds[i]
		for k < len(eq) && eq[k].o+eq[k].l <= o.start {
			k++
		}
		if k == len(eq) || o.start < eq[k].o || o.end > eq[k].o+eq[k].l {
			continue
		}
		shift := eq[k].n - eq[k].o
		if j, ok := newAt[place{o.start + shift, o.end + shift, o.kind, o.key}]; ok {
			if n := len(anchors); n == 0 || anchors[n-1][1] < j {
				anchors = append(anchors, [2]int{i, j})
			}
		}
	}
	return anchors
}

func markSharedSubjects(fs, other []factAt) {
	codes := map[string]bool{}
	for i := range other {
		if other[i].kind == FactCode {
			codes[other[i].val] = true
		}
		if other[i].subject != "" {
			codes[other[i].subject] = true
		}
	}
	for i := range fs {
		fs[i].subjectShared = fs[i].subject != "" && codes[fs[i].subject]
	}
}

func lcsPairs(olds, news []factAt) [][2]int {
	n, m := len(olds), len(news)
	if n == 0 || m == 0 {
		return nil
	}
	if n*m > maxPairCells {
		// Greedy: walk both in order, pairing the next equal key ahead.
		var out [][2]int
		j := 0
		for i := 0; i < n && j < m; i++ {
			for k := j; k < m && k < j+64; k++ {
				if olds[i].key == news[k].key {
					out = append(out, [2]int{i, k})
					j = k + 1
					break
				}
			}
		}
		return out
	}
	// dp[i][j] is the best weight of a common subsequence of olds[i:] and
	// news[j:]. A match weighs 1 plus up to 0.5 for alike surroundings:
	// the count of matches comes first, and among equally long ones the
	// facts that stand in the same place are matched ("article 13" left as
	// it was, not the "article 12" that was rewritten into "article 13").
	weight := func(i, j int) float64 {
		return 1 + 0.5*contextSimilarity(olds[i].ctx, news[j].ctx)
	}
	dp := make([]float64, (n+1)*(m+1))
	at := func(i, j int) *float64 { return &dp[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			best := math.Max(*at(i+1, j), *at(i, j+1))
			if olds[i].key == news[j].key {
				best = math.Max(best, *at(i+1, j+1)+weight(i, j))
			}
			*at(i, j) = best
		}
	}
	var out [][2]int
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case olds[i].key == news[j].key && *at(i, j) == *at(i+1, j+1)+weight(i, j):
			out = append(out, [2]int{i, j})
			i++
			j++
		case *at(i+1, j) >= *at(i, j+1):
			i++
		default:
			j++
		}
	}
	return out
}

// pairGap pairs, kind by kind, the facts left between two anchors.
func pairGap(olds, news []factAt, o0, o1, n0, n1 int) [][2]int {
	if o0 >= o1 || n0 >= n1 {
		return nil
	}
	var pairs [][2]int
	byKind := func(fs []factAt, a, b int) map[FactKind][]int {
		m := map[FactKind][]int{}
		for i := a; i < b; i++ {
			m[fs[i].kind] = append(m[fs[i].kind], i)
		}
		return m
	}
	om, nm := byKind(olds, o0, o1), byKind(news, n0, n1)
	for _, kind := range []FactKind{FactAmount, FactPercent, FactDate, FactDuration, FactCode, FactModality, FactNegation, FactReference} {
		oi, ni := om[kind], nm[kind]
		if len(oi) == 0 || len(ni) == 0 {
			continue
		}
		if len(oi) == 1 && len(ni) == 1 {
			o, n := &olds[oi[0]], &news[ni[0]]
			if !subjectsConflict(o, n) || pairScore(o, n) >= minPairScore {
				pairs = append(pairs, [2]int{oi[0], ni[0]})
			}
			continue
		}
		pairs = append(pairs, alignKind(olds, news, oi, ni)...)
	}
	return pairs
}

// minPairScore is the least resemblance of surroundings for two facts to
// be taken as one fact that changed rather than one removed and another
// added.
const minPairScore = 0.25

func subjectsConflict(o, n *factAt) bool {
	if o.subject == "" || n.subject == "" || o.subject == n.subject {
		return false
	}
	return o.kind != FactAmount || o.subjectShared || n.subjectShared
}

// pairScore measures how alike two facts' places are: shared surrounding
// words (Jaccard), raised when they have the same subject, lowered when
// their subjects differ.
func pairScore(o, n *factAt) float64 {
	score := contextSimilarity(o.ctx, n.ctx)
	switch {
	case o.subject != "" && o.subject == n.subject:
		score += 1
	case subjectsConflict(o, n) && o.kind == FactAmount:
		// Prices of two different acts are two facts.
		score -= 0.5
	case subjectsConflict(o, n):
		// The verb of a modal or a negation often changes with it.
		score -= 0.2
	}
	return score
}

// contextSimilarity is the Jaccard index of two sets of surrounding
// words, each sorted and without repeats (see factText.context).
func contextSimilarity(a, b []string) float64 {
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// alignKind pairs facts of one kind in order, maximising the total score
// of the pairs it makes (a Needleman–Wunsch alignment with free gaps).
func alignKind(olds, news []factAt, oi, ni []int) [][2]int {
	n, m := len(oi), len(ni)
	if n*m > maxPairCells {
		var out [][2]int
		for k := 0; k < n && k < m; k++ {
			out = append(out, [2]int{oi[k], ni[k]})
		}
		return out
	}
	score := make([]float64, n*m)
	for a := range n {
		for b := range m {
			score[a*m+b] = pairScore(&olds[oi[a]], &news[ni[b]])
		}
	}
	dp := make([]float64, (n+1)*(m+1))
	at := func(a, b int) *float64 { return &dp[a*(m+1)+b] }
	for a := n - 1; a >= 0; a-- {
		for b := m - 1; b >= 0; b-- {
			best := math.Max(*at(a+1, b), *at(a, b+1))
			if s := score[a*m+b]; s >= minPairScore && *at(a+1, b+1)+s > best {
				best = *at(a+1, b+1) + s
			}
			*at(a, b) = best
		}
	}
	var out [][2]int
	for a, b := 0, 0; a < n && b < m; {
		s := score[a*m+b]
		switch {
		case s >= minPairScore && *at(a, b) == *at(a+1, b+1)+s:
			out = append(out, [2]int{oi[a], ni[b]})
			a++
			b++
		case *at(a+1, b) >= *at(a, b+1):
			a++
		default:
			b++
		}
	}
	return out
}
