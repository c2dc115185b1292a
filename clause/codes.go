package clause

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// knownActCodes are the NGAP letter keys and modifiers that conventions
// price. Single letters that French also uses as Roman numerals or unit
// symbols (I, L, D, F) are left out; C and V are in because the
// consultation and the visit are what tariffs are about, and their Roman
// readings are filtered by context ("Titre V").
var knownActCodes = wordSet(`G GS VG VGS C CS CSC CNP CNPSY CDE V VS VL VNP VNPSY
		APC APY APU AVY MPC MCS MCG MCU MPJ MEG MSH MIC MTX MIS MRT MNO MGM MOP MPF MUT MTA MD MN MU
		TCG TC TCS TE1 TE2 TLC TLS TLD TLL RQD IK ID IFD K KC KE KCC Z ZN
		ADE ADA ADC ADI ACO ATM ANP AMI AMS AIS AMK AMC AMO AMY SF SFI POD ORT
		COE CCP CCE CCX CSO PAV SNP IMT ALQ CRN CRD CRS CRM`)

// notActCodes are upper-case words of the domain that look like act codes
// but name institutions, texts, programmes or places.
var notActCodes = wordSet(`CNAM CNAMTS UNCAM UNOCAM ROSP ARS CSS CPAM CGSS UNPS UFML CSMF SML FMF MG
		CHU CHR HAS SAS CPTS DMP PDSA SNIR JO JORF NOR CCAM NGAP TVA PIB ONDAM RSA RMI PLFSS LFSS
		URSSAF MSA CMU CMUC AME ACS SMIC IRM CE UE EHPAD OPTAM DPC ANDPC MSP ESP CDS ALD AT MP HN DE
		MF MT SOS UNAF CNOM CSP CASF RPPS ADELI FSE SESAM PS ETP ESS CNSA DREES INSEE FNPS`)

// frenchCaps are short French words that an all-caps heading spells like
// a code.
var frenchCaps = wordSet(`A AU AUX DE DU DES LA LE LES EN ET OU UN UNE PAR POUR SUR SANS SOUS
		EST SONT IL ILS ELLE SA SES SON NE PAS QUE QUI CE MA ME`)

// wordSet is the set of the words of list, built on first use: the sets
// are needed by fact extraction only, not at every start-up.
func wordSet(list string) func() map[string]bool {
	return sync.OnceValue(func() map[string]bool {
		set := map[string]bool{}
		for _, w := range strings.Fields(list) {
			set[w] = true
		}
		return set
	})
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

// isActCode reports whether s, standing alone, is an act code of the
// nomenclatures: a known NGAP key or modifier ("G", "APC", "MPC"), one of
// them with a coefficient or a plus ("C2", "K50", "G+"), or a CCAM code
// (four letters and three digits, "YYYY010"). Codes known only from their
// context ("consultation XY") are found by factTextKind.codes, not here.
func isActCode(s string) bool {
	s = strings.TrimSuffix(s, "+")
	if s == "" || notActCodes()[s] {
		return false
	}
	if knownActCodes()[s] {
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
		return knownActCodes()[s[:letters]]
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
	for i := range t.words {
		// A code starts with an ASCII capital (codeShape): most words
		// are passed over on their first byte, without a call.
		if c := t.words[i].s[0]; c < 'A' || c > 'Z' {
			continue
		}
		if c, ok := t.codeOf(i); ok {
			out = append(out, c)
		}
	}
	return out
}

// codeOf reads word i as an act code, ok false when it is none. It looks
// at the words from six before it to four after it (codeWordsAround).
func (t *factTextKind) codeOf(i int) (c codeAt, ok bool) {
	s, w := t.s, t.words[i]
	if !codeShape(w.s) {
		return c, false
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
	known := isActCode(code)
	if !known && !t.contextualCode(i, code) {
		return c, false
	}
	if notCodeAfter[prev] {
		return c, false
	}
	// Joined to a word by a hyphen, it is part of it ("Saint-V").
	if w.start > 1 && s[w.start-1] == '-' && startsWordBefore(s[:w.start-1]) {
		return c, false
	}
	if end < len(s) && s[end] == '-' && startsWord(s[end+1:]) {
		return c, false
	}
	// "V. - Tarifs", "C) ...", "I C. - Après…": an enumeration mark at
	// the head of a line, alone or after the number it subdivides.
	if end < len(s) && (s[end] == '.' || s[end] == ')') && t.headsLine(i) {
		return c, false
	}
	if !afterNoun && t.romanSubdivision(i) {
		return c, false
	}
	// Inside an all-caps heading, "ID" or "SF" are more likely words.
	if known && !afterNoun && i > 0 && i+1 < len(t.words) {
		p, n := t.words[i-1].s, t.words[i+1].s
		if isCapsWord(p) && isCapsWord(n) && !isActCode(p) && !isActCode(n) {
			return c, false
		}
	}
	if known && end == w.end {
		if e := t.coefficientEnd(i); e > 0 {
			code, end = s[w.start:e], e
		}
	}
	return codeAt{code: code, start: w.start, end: end, wordIdx: i}, true
}

// coefficientEnd returns where the coefficient after the key letter of
// word i ends, or 0 when none follows: the NGAP names an act by its key
// and coefficient ("l'acte AMI 3 est fixé à…", "K 10", "AMK 7,5"), one
// act, the one a tariff row keyed "AMI 3" prices. A number that is a
// quantity ("G 2 fois", "K 10 jours", "C 30 €", "2°") follows no key.
func (t *factTextKind) coefficientEnd(i int) int {
	s, ws := t.s, t.words
	if !isKeyLetter(ws[i].s) || i+1 >= len(ws) || s[ws[i].end:ws[i+1].start] != " " || !coefficientDigits(ws[i+1].s) {
		return 0
	}
	j := i + 1
	if j+1 < len(ws) && s[ws[j].end:ws[j+1].start] == "," && isDigits(ws[j+1].s) {
		j++
	}
	end := ws[j].end
	// "2°", "3/12", "1.5", "10-15": a rank, a date, a number of another
	// shape.
	if end < len(s) && (strings.IndexByte("/-", s[end]) >= 0 || s[end] == '.' && end+1 < len(s) && isDigit(s[end+1])) {
		return 0
	}
	if rest := strings.TrimLeft(s[end:], " "); strings.HasPrefix(rest, "°") || strings.HasPrefix(rest, "€") ||
		strings.HasPrefix(rest, "‰") || strings.HasPrefix(rest, "%") {
		return 0
	}
	if j+1 < len(ws) && s[end:ws[j+1].start] == " " && quantityWords()[ws[j+1].low] {
		return 0
	}
	return end
}

// isKeyLetter reports a known key of the NGAP made of letters alone
// ("AMI", "K"), which a coefficient may follow.
func isKeyLetter(w string) bool {
	return len(w) <= maxKeyLetters && knownActCodes()[w] && strings.Trim(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

// coefficientDigits reports a coefficient's whole part: one to three
// digits, not a year.
func coefficientDigits(w string) bool {
	return len(w) <= 3 && isDigits(w)
}

// quantityWords after a number make it a quantity, not a coefficient.
// Filled on first use, as durationUnits' words are copied in.
var quantityWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{"fois": true, "euro": true, "euros": true, "eur": true, "f": true, "francs": true,
		"pour": true, "p": true, "patients": true, "actes": true, "séances": true, "ans": true}
	for w := range durationUnits {
		m[w] = true
	}
	return m
})

// codeWordsAround is how many words codeOf reads before a word and after
// it: contextualCode six before, romanSubdivision four after ("V du
// présent article").
var codeWordsAround = [2]int{6, 4}

// contextualCode accepts an unknown code-shaped word that the text
// presents as an act: right after an act noun, or in parentheses after
// one ("l'avis ponctuel de consultant (APC)").
func (t *factTextKind) contextualCode(i int, code string) bool {
	if !mayBeContextualCode(strings.TrimSuffix(code, "+")) {
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

// holdsActCode reports whether codes() finds an act code in the
// normalised text s. Most texts of law hold no word that could be one (a
// known key, or an unknown capitalised word that an act noun could
// introduce): those are ruled out by a scan of the text's capitalised
// words, before any word of it is cut or lower-cased.
func holdsActCode(s string) bool {
	whole := wholeOf(s)
	// A code starts with an ASCII capital that starts a word: the
	// words are cut only there.
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 'A' || c > 'Z' || i > 0 && startsWordBefore(s[:i]) {
			continue
		}
		_, end, _ := nextFactWord(s, i)
		if word := s[i:end]; codeShape(word) && (isActCode(word) || mayBeContextualCode(word)) && codeStandsAt(s, whole, i) {
			return true
		}
		i = end - 1
	}
	return false
}

// codeStandsAt reports whether codes() reads the word of s that starts at
// start as an act code, cutting the words of the lines around it only:
// from the start of the line of the word codeWordsAround words before it
// (one more, to be safe), to the end of the line of the word as many
// after it. A line's start or end reads as the text's does: the checks
// of codeOf that look at the text around a word stop at a line's end.
func codeStandsAt(s string, whole *wholeText, start int) bool {
	from := start
	for range codeWordsAround[0] + 1 {
		from = wordBefore(s, from)
	}
	from = strings.LastIndexByte(s[:from], '\n') + 1
	to := start
	for range codeWordsAround[1] + 2 {
		_, to, _ = nextFactWord(s, to)
	}
	if k := strings.IndexByte(s[to:], '\n'); k >= 0 {
		to += k
	} else {
		to = len(s)
	}
	t := &factTextKind{s: s[from:to], outline: whole, words: appendFactWords(factWords.get(), s[from:to])}
	defer func() { factWords.put(t.words) }()
	_, ok := t.codeOf(t.wordAt(start - from))
	return ok
}

// romanSubdivision reports whether word i, a code that also reads as a
// Roman numeral ("V", "C"), numbers a part of the text instead: "V bis",
// "du présent V", "III à V", "aux V et V bis", or a bare "V" in a text
// itself divided by Roman numerals that far ("I. - … V. - …"), where
// "au V" and "du V" point to the part. After an act noun ("la visite
// V") it is a code whatever the text; the caller checks that first. The
// numerals heading lines are read in t.outline, the whole text when t is
// a piece of it.
func (t *factTextKind) romanSubdivision(i int) bool {
	n, ok := roman(t.words[i].s)
	if !ok {
		return false
	}
	if i+1 < len(t.words) && latinWordRank(t.words[i+1].low) > 0 {
		return true
	}
	if i > 0 {
		switch t.words[i-1].low {
		case "présent", "présente", "même":
			return true
		}
	}
	if t.numeralListed(i-2, i-1) || t.numeralListed(i+2, i+1) || t.ofAText(i+1) {
		return true
	}
	return n <= t.outline.romanTop()
}

// wholeText is the normalised text whole that pieces are read in, with
// what a piece reads of the whole, read once for all its pieces.
type wholeText struct {
	s       string
	top     int // topLineNumeral(s) once topRead
	topRead bool
}

func wholeOf(s string) *wholeText { return &wholeText{s: s} }

// romanTop is topLineNumeral of the whole text.
func (w *wholeText) romanTop() int {
	if !w.topRead {
		w.top, w.topRead = topLineNumeral(w.s), true
	}
	return w.top
}

// ofAText reports whether the words from k name a text or one of its
// parts, as after a subdivision number: "du présent article", "de
// l'article 111", "du même code", "de la loi".
func (t *factTextKind) ofAText(k int) bool {
	if k >= len(t.words) || t.words[k].low != "du" && t.words[k].low != "de" {
		return false
	}
	k++
	if k < len(t.words) && (t.words[k].low == "l'" || t.words[k].low == "la") {
		k++
	}
	if k >= len(t.words) {
		return false
	}
	switch t.words[k].low {
	case "présent", "présente", "même", "article", "code", "loi", "ordonnance", "décret":
		return true
	}
	return false
}

// numeralListed reports whether word k is a subdivision numeral joined
// to its neighbour by word link ("III à V", "V et V bis"): a Roman
// numeral that no act shares ("III"), or one that a Latin adverb
// follows.
func (t *factTextKind) numeralListed(k, link int) bool {
	if k < 0 || k >= len(t.words) {
		return false
	}
	switch t.words[link].low {
	case "à", "et", "ou":
	default:
		return false
	}
	w := t.words[k].s
	if !capitalRoman(w) {
		return false
	}
	return !isActCode(w) || k+1 < len(t.words) && latinWordRank(t.words[k+1].low) > 0
}

// topLineNumeral returns the highest Roman numeral that numbers a point
// of s at the head of a line (see pointNumber: "IV. - Le contrat…", a
// quote before it in an amending text, "V bis. -"), 0 when none does.
func topLineNumeral(s string) int {
	top := 0
	for line := range strings.Lines(s) {
		line = strings.TrimLeft(line, " \"«")
		k := 0
		for k < len(line) && strings.IndexByte("IVX", line[k]) >= 0 {
			k++
		}
		if k == 0 {
			continue
		}
		// "V bis. -": the point's number is the numeral.
		if rest, ok := strings.CutPrefix(line[k:], " "); ok {
			if w := strings.IndexAny(rest, " .)"); w > 0 && latinWordRank(rest[:w]) > 0 {
				line = line[:k] + rest[w:]
			}
		}
		if num, ok := pointNumber(line, false); ok {
			if n, ok := roman(num); ok && n > top {
				top = n
			}
		}
	}
	return top
}

// mayBeContextualCode reports whether an unknown code-shaped word could
// be an act code that its context presents as one: neither an
// institution nor a French word in capitals nor a Roman numeral.
func mayBeContextualCode(base string) bool {
	if notActCodes()[base] || frenchCaps()[base] {
		return false
	}
	// A numeral of a thousand or more (MD, MM) numbers no part of a
	// text: after "la majoration" it is the act's code.
	n, isRoman := roman(base)
	return !isRoman || n >= 1000
}

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isFactWordRune(r)
}

func startsWordBefore(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return isFactWordRune(r)
}

// headsLine reports whether word i opens its line, but for the quotes of
// an amending text and a number it subdivides ("I C", "2 A").
func (t *factTextKind) headsLine(i int) bool {
	if lineStart(t.s, t.words[i].start) {
		return true
	}
	if i == 0 || !lineStart(t.s, t.words[i-1].start) || t.s[t.words[i-1].end] != ' ' {
		return false
	}
	p := t.words[i-1].s
	return capitalRoman(p) || strings.Trim(p, "0123456789") == ""
}

// capitalRoman reports whether w is a Roman numeral in capitals, as parts
// of a text are numbered ("IV", not "iv" nor "Ier").
func capitalRoman(w string) bool {
	_, ok := roman(w)
	return ok && strings.ToUpper(w) == w
}

// lineStart reports whether only blanks and opening quotes stand between
// the start of a line and pos.
func lineStart(s string, pos int) bool {
	for pos > 0 && (s[pos-1] == ' ' || s[pos-1] == '"') {
		pos--
	}
	for pos >= len("«") && s[pos-len("«"):pos] == "«" {
		pos -= len("«")
		for pos > 0 && s[pos-1] == ' ' {
			pos--
		}
	}
	return pos == 0 || s[pos-1] == '\n'
}
