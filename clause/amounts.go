package clause

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"
	"github.com/avenant-dev/avenant/internal/lazyre"
)

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

// numberStarts returns the numberStarts of the text, read once for the
// extractors that look for numbers.
func (t *factTextKind) numberStarts() []int {
	if !t.numbersRead {
		t.numbers, t.numbersRead = numberStarts(t.s), true
	}
	return t.numbers
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
func matchesAt(re *lazyre.Regexp, s string, starts []int, width int) [][]int {
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

// unitAfter keeps the number starts after which one of the units may
// begin: between a number and its unit, amountRe and percentRe allow
// digits, separators and one blank only, so the unit begins where the run
// of those ends, and it begins with one of units. Most numbers of a text
// (articles, dates, "1er", items) are so passed over without running an
// expression.
func unitAfter(s string, starts []int, units []string) []int {
	var out []int
	for _, i := range starts {
		j := i
		for j < len(s) && numberByte[s[j]] {
			j++
		}
		if j == len(s) {
			continue
		}
		for _, u := range units {
			if s[j] == u[0] && strings.HasPrefix(s[j:], u) {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// numberByte marks the bytes unitAfter passes over between a number's
// first digit and its unit: digits, separators and blanks.
var numberByte = func() (t [256]bool) {
	for _, c := range []byte("0123456789., \t\n\f\r") {
		t[c] = true
	}
	return t
}()

// amountUnits are how amountRe's units begin: millions, milliards, M€,
// Md€, k€, €, euros, EUR, francs, FF, F.
var amountUnits = []string{"million", "milliard", "M€", "Md€", "k€", "€", "euro", "Euro", "EUR", "franc", "F"}

// percentUnits are how percentRe's units begin: %, pour cent, p. 100,
// pour mille, ‰.
var percentUnits = []string{"%", "pour", "p.", "‰"}

var groupedNumber = lazyre.New(`^\d{1,3}(?:[ .]\d{3})+(?:,\d+)?$`)

// groupSeparators takes the thousands separators out of a grouped number
// (a Replacer builds its tables on first use, not at start-up).
var groupSeparators = strings.NewReplacer(" ", "", ".", "")

// parseNumber reads a number matched by numPattern.
func parseNumber(s string) (float64, bool) {
	if groupedNumber.MatchString(s) {
		s = groupSeparators.Replace(s)
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
	amountRe = lazyre.New(`^(` + numPattern + `)\s?(?:((?:millions?|milliards?)\s(?:d'euros|de francs))|(M€|Md€|k€|€|[Ee]uros?|EUROS?|EUR|[Ff]rancs?|FRANCS?|FF|F))`)
	// "€ 30", "EUR 1 234,56", as some tables print it.
	amountLeadRe = lazyre.New(`^(€|EUR)\s?(` + numPattern + `)`)
	percentRe    = lazyre.New(`^(` + numPattern + `)\s?(%|pour ?cent|p\. ?(?:100|cent)\b|pour 100\b|pour ?mille|p\. ?(?:1000|mille)\b|pour 1000\b|‰)`)
)

// amounts finds sums of money and ties each to the act code it prices: the
// nearest code before it in its sentence, else one just after it, else the
// clause's subject, else a code standing alone on a line above (a tariff
// table's row label).
func (t *factTextKind) amounts(codes []codeAt, subject string) []factAt {
	var out []factAt
	labels := t.labelCodes(codes)
	if labelsApart(labels, t.amountMatches()) {
		labels = nil
	}
	for _, m := range t.amountMatches() {
		fs := t.amountFacts(m.start, m.end, m.value, m.unit, codes, labels, subject)
		for k := range fs {
			if m.shown > m.end {
				fs[k].text = t.display(m.start, m.shown)
			}
			if m.basis != "" {
				fs[k].key += " " + m.basis
				fs[k].val += " " + m.basis
			}
			if b, from, to, shown := valueBound(t.s, m.start, m.end); (b != "" || from != m.start) && m.shown == 0 {
				fs[k].key = withBound(fs[k].key, b)
				fs[k].val = withBound(fs[k].val, b)
				fs[k].leave = b == ""
				// The bound is read with the value: its words are not
				// the context that pairs it with its other side.
				fs[k].start, fs[k].end, fs[k].text, fs[k].denied = from, to, t.display(shown, to), from-shown
			}
		}
		out = append(out, fs...)
	}
	return t.restated(out)
}

// restated folds into one fact a value given twice, in words and in
// figures, the second in brackets right after the first: "trente euros
// (30 €)", "dix pour cent (10 %)", "quinze jours (15 jours)", as deeds
// write them. Both say one value: a change of it is one change, shown
// with both writings. Brackets that give another value ("30 € (soit 196,79
// F)") or another subject are left as two facts.
func (t *factTextKind) restated(fs []factAt) []factAt {
	if len(fs) < 2 || !strings.Contains(t.s, "(") {
		return fs
	}
	at := make(map[int][]int, len(fs))
	for k, f := range fs {
		at[f.start] = append(at[f.start], k)
	}
	gone := make([]bool, len(fs))
	for k := range fs {
		a := &fs[k]
		if gone[k] || !a.hasValue {
			continue
		}
		open := a.end + 1
		if strings.HasPrefix(t.s[a.end:], " (") {
			open++
		} else if !strings.HasPrefix(t.s[a.end:], "(") {
			continue
		}
		for _, j := range at[open] {
			b := &fs[j]
			if j == k || gone[j] || b.kind != a.kind || b.value != a.value || b.unit != a.unit || b.subject != a.subject ||
				!strings.HasPrefix(t.s[b.end:], ")") {
				continue
			}
			if len(b.val) > len(a.val) {
				a.key, a.val = b.key, b.val
			}
			a.end = b.end + 1
			// "30 € (trente euros) par mois": what the sum is of
			// follows the brackets.
			if a.kind == FactAmount || a.kind == FactPercent {
				if basis, e := sumBasis(t.s, a.end); basis != "" {
					a.key, a.val, a.end = a.key+" "+basis, a.val+" "+basis, e
				}
			}
			a.text = t.display(a.start, a.end)
			gone[j] = true
			break
		}
	}
	out := fs[:0]
	for k, f := range fs {
		if !gone[k] {
			out = append(out, f)
		}
	}
	return out
}

// amountMatch is a sum of money read in a text: its span, value and unit.
// The lower bound of a range ("25" in "de 25 à 30 €") spans its number
// and shows the range up to the unit, at shown.
type amountMatch struct {
	start, end int
	value      float64
	unit       string
	shown      int
	basis      string // what the sum says it is of (sumBasis)
}

// amountMatches reads the sums of money of t's text alone, once: every
// one becomes at least one amount fact. factsAround asks it whether the
// paragraphs around a change hold one before it reads their facts.
func (t *factTextKind) amountMatches() []amountMatch {
	if !t.sumsRead {
		t.sums, t.sumsRead = amountMatchesAt(t.s, t.numberStarts()), true
	}
	return t.sums
}

// amountMatchesAt is amountMatches given the numberStarts of s.
func amountMatchesAt(s string, numbers []int) []amountMatch {
	var out []amountMatch
	// A bare "F" after a number rated or numbered ("coté 2 F", "zone 2
	// F") is no sum in a text that speaks euros; elsewhere it is francs,
	// which texts of the changeover and texts quoting old sums write
	// beside euros ("200 F par mois").
	euroKnown, euro := false, false
	euroText := func() bool {
		if !euroKnown {
			euroKnown, euro = true, strings.Contains(s, "€") || frtext.IndexFold(s, "euro") >= 0
		}
		return euro
	}
	notFrancs := func(numStart int) bool { return euroText() && ratesNumber(s[:numStart]) }
	// A currency sign is the unit of one number: the one before it when
	// there is one ("30 €1", a footnote called after the price, is not
	// "€1").
	var signs []int
	for _, m := range matchesAt(amountRe, s, unitAfter(s, numbers, amountUnits), matchWindow) {
		end := m[1]
		if !endsWord(s, end) && !(m[6] >= 0 && footnoteCall(s, m[6], end)) {
			continue
		}
		v, ok := parseNumber(s[m[2]:m[3]])
		if !ok {
			continue
		}
		scale, unit, ok := amountUnit(s, m, notFrancs)
		if !ok {
			continue
		}
		if m[6] >= 0 {
			sign := s[m[6]:m[7]]
			if c, e, ok := centsGlued(s, m[6], end); ok && !strings.Contains(s[m[2]:m[3]], ",") {
				// "26€50", as price tags write it: cents, not a footnote.
				if w, ok := parseNumber(s[m[2]:m[3]] + "," + c); ok {
					v, end = w, e
				}
			} else if c, e, ok := centsAfter(s, end); ok && !strings.ContainsAny(sign, "kM") && !strings.Contains(s[m[2]:m[3]], ",") {
				if w, ok := parseNumber(s[m[2]:m[3]] + "," + c); ok {
					v, end = w, e
				}
			} else if c, e, ok := centimesAfter(s, end); ok && !strings.ContainsAny(sign, "kM") && !strings.Contains(s[m[2]:m[3]], ",") {
				v, end = v+c, e // "26 euros et 50 centimes"
			}
			signs = append(signs, m[6])
		}
		at := m[2]
		if from, w, ok := spacedDecimal(s, at, s[m[2]:m[3]]); ok && scale == 1 {
			at, v = from, w // "26, 50 €"
		}
		start, v := signed(s, at, v*scale)
		basis, end := sumBasis(s, end)
		out = append(out, amountMatch{start: start, end: end, value: v, unit: unit, basis: basis})
		if lo, loEnd, lv, ok := rangeLow(s, start); ok {
			out = append(out, amountMatch{start: lo, end: loEnd, value: lv * scale, unit: unit, shown: end})
		}
	}
	out = append(out, leadAmounts(s, signs)...)
	out = append(out, bracketedAmounts(s, numbers)...)
	out = append(out, spelledAmounts(s)...)
	return append(out, centimeAmounts(s)...)
}

// amountUnit reads the unit of the amount matched by amountRe at m: the
// factor of its number (millions, k€…) and its currency. ok is false for a
// bare "F" that notFrancs, given where its number starts, rules out.
func amountUnit(s string, m []int, notFrancs func(int) bool) (scale float64, unit string, ok bool) {
	scale, unit = 1, "EUR"
	if m[4] >= 0 {
		word := strings.ToLower(s[m[4]:m[5]])
		scale = 1e6
		if strings.HasPrefix(word, "milliard") {
			scale = 1e9
		}
		if strings.HasSuffix(word, "francs") {
			unit = "FRF"
		}
		return scale, unit, true
	}
	switch s[m[6]:m[7]] {
	case "M€":
		scale = 1e6
	case "Md€":
		scale = 1e9
	case "k€":
		scale = 1e3
	case "F", "FF":
		if notFrancs(m[2]) {
			return 0, "", false
		}
		unit = "FRF"
	case "franc", "francs", "Franc", "Francs", "FRANC", "FRANCS":
		unit = "FRF"
	}
	return scale, unit, true
}

// ratesNumber reports whether the word that before ends with makes the
// number after it a rating or a rank rather than a sum: the coefficient
// of a cotation ("coté 2 F"), the number of a category, a zone or a
// subdivision ("zone 2 F", "annexe 2 F"), where "F" is a letter of a
// code or a series, not the franc, and where "12, 5 %" is no decimal
// ("l'article 12, 5 % des sommes").
func ratesNumber(before string) bool {
	before = strings.TrimRight(before, " \u00a0")
	if strings.HasSuffix(before, "°") {
		return true // "n° 2 F"
	}
	k := strings.LastIndexFunc(before, func(r rune) bool { return !isFactWordRune(r) })
	w := strings.ToLower(before[k+1:])
	if strings.HasPrefix(w, "cot") || strings.HasPrefix(w, "coefficient") {
		return true // coté, cotés, cotée, coter, cotation…
	}
	return ratingWord(strings.TrimSuffix(w, "s"))
}

// ratingWord reports a noun that numbers or ranks what follows it.
func ratingWord(w string) bool {
	switch w {
	case "article", "annexe", "zone", "catégorie", "classe", "groupe", "niveau", "échelon", "indice", "lettre", "clé",
		"type", "point", "numéro", "secteur", "option", "alinéa", "chapitre", "titre", "section", "paragraphe":
		return true
	}
	return false
}

// footnoteCall reports digits glued to the currency sign that ends an
// amount at end ("30 €1", "30 €¹" once folded, a footnote's call set in
// superscript): the call of a note, not a word the sign is part of.
func footnoteCall(s string, sign, end int) bool {
	if end >= len(s) || !isDigit(s[end]) || !strings.HasPrefix(s[sign:], "€") {
		return false
	}
	for end < len(s) && isDigit(s[end]) {
		end++
	}
	return endsWord(s, end)
}

// centsGlued reads two digits set against a euro sign and ending the
// word ("26€50"): the cents of a price tag. A footnote's call is one
// digit ("30 €1") or a superscript.
func centsGlued(s string, sign, end int) (string, int, bool) {
	if !strings.HasPrefix(s[sign:], "€") || end+2 > len(s) || !isDigit(s[end]) || !isDigit(s[end+1]) || !endsDate(s, end+2) {
		return "", 0, false
	}
	return s[end : end+2], end + 2, true
}

// centsAfter reads the cents an amount writes after its unit, as older
// texts and price lists do ("26 € 50", "26 F 50", "26 euros 50"): two
// digits after the unit, the last thing of the amount's cell or sentence
// (not "30 € 15 jours", "30 € 50 %", "30 € 50 €"). It returns their
// digits and where they end.
func centsAfter(s string, end int) (string, int, bool) {
	k := end + 3
	if k > len(s) || s[end] != ' ' || !isDigit(s[end+1]) || !isDigit(s[end+2]) {
		return "", 0, false
	}
	if k < len(s) && !endsWord(s, k) {
		return "", 0, false
	}
	if rest := strings.TrimLeft(s[k:], " "); rest != "" && (startsWord(rest) || strings.HasPrefix(rest, "%") || strings.HasPrefix(rest, "€") || strings.HasPrefix(rest, "‰")) {
		return "", 0, false
	}
	return s[end+1 : k], k, true
}

// leadAmounts reads the amounts written currency first ("€ 30", "EUR
// 1.234,56"), but for the signs that are already the unit of a number
// before them.
func leadAmounts(s string, signs []int) []amountMatch {
	var euros []int
	for _, sign := range [...]string{"€", "EUR"} {
		for i := 0; i < len(s); {
			k := strings.Index(s[i:], sign)
			if k < 0 {
				break
			}
			if (i+k == 0 || !startsWordBefore(s[:i+k])) && !slices.Contains(signs, i+k) {
				euros = append(euros, i+k)
			}
			i += k + len(sign)
		}
	}
	slices.Sort(euros)
	var out []amountMatch
	for _, m := range matchesAt(amountLeadRe, s, euros, matchWindow) {
		if !endsWord(s, m[1]) {
			continue
		}
		if v, ok := parseNumber(s[m[4]:m[5]]); ok {
			out = append(out, amountMatch{start: m[2], end: m[1], value: v, unit: "EUR"})
		}
	}
	return out
}

// bracketedAmounts reads the sums whose figures, in brackets, repeat
// the words before them, and whose unit follows the brackets, as deeds
// write them: "trente (30) euros", "la somme de mille deux cents (1 200)
// euros". The figures are the value; the words, if any, are shown with
// them.
func bracketedAmounts(s string, numbers []int) []amountMatch {
	var out []amountMatch
	for _, i := range numbers {
		if i == 0 || s[i-1] != '(' {
			continue
		}
		k := strings.IndexByte(factWindow(s, i, 24), ')')
		if k < 0 {
			continue
		}
		v, ok := parseNumber(s[i : i+k])
		if !ok || !numberRe.MatchString(s[i:i+k]) {
			continue
		}
		end, unit := bracketUnit(s, i+k+1)
		if unit == "" {
			continue
		}
		start := i - 1
		if start > 0 && s[start-1] == ' ' {
			if from, n, ok := frtext.CardinalBefore(s, start-1); ok && float64(n) == math.Trunc(v) {
				start = from
			}
		}
		m := amountMatch{start: start, end: end, value: v, unit: unit}
		m.basis, m.end = sumBasis(s, m.end)
		out = append(out, m)
	}
	return out
}

// numberRe is a whole number as numPattern reads it.
var numberRe = lazyre.New(`^(?:` + numPattern + `)$`)

// bracketUnit reads the currency after the brackets of bracketedAmounts,
// which end before at: where it ends and its unit, "" for none.
func bracketUnit(s string, at int) (int, string) {
	rest := strings.TrimPrefix(s[at:], " ")
	from := len(s) - len(rest)
	for _, u := range [...]struct{ word, unit string }{{"euros", "EUR"}, {"euro", "EUR"}, {"€", "EUR"}, {"francs", "FRF"}, {"franc", "FRF"}} {
		if len(rest) >= len(u.word) && strings.EqualFold(rest[:len(u.word)], u.word) && endsWord(s, from+len(u.word)) {
			return from + len(u.word), u.unit
		}
	}
	return 0, ""
}

// signBefore returns where the sign of the sum that starts at start
// stands, or -1: "+ 5 €", "de -5 €", "minoration : - 5 €", "Tarif − 5 €".
// A true minus sign (kept by normalizeFactText where it signs a number)
// signs the sum wherever it stands. A hyphen and a space opening a line is
// a list's dash, and after a word it sets a title apart ("Consultation -
// 30 €"); a sign against a word or a figure is a hyphen ("10-15 €"). A
// majoration turned into a minoration is a change of the sum.
func signBefore(s string, start int) int {
	i := start
	spaced := i > 0 && s[i-1] == ' '
	if spaced {
		i--
	}
	if strings.HasSuffix(s[:i], string(minus)) {
		return i - len(string(minus))
	}
	if i == 0 || s[i-1] != '+' && s[i-1] != '-' {
		return -1
	}
	k := i - 1
	j := k
	for j > 0 && s[j-1] == ' ' {
		j--
	}
	minusDash := s[k] == '-' && spaced
	if j == 0 || s[j-1] == '\n' {
		if minusDash {
			return -1
		}
		return k
	}
	if r, _ := utf8.DecodeLastRuneInString(s[:j]); unicode.IsLetter(r) || unicode.IsDigit(r) {
		if j == k || minusDash && !signWords[strings.ToLower(frtext.LastWord(s[:j]))] {
			return -1
		}
	}
	return k
}

// signed gives the number v written at start its sign, if one stands
// before it (signBefore), and where the signed number starts.
func signed(s string, start int, v float64) (int, float64) {
	k := signBefore(s, start)
	if k < 0 {
		return start, v
	}
	if s[k] != '+' {
		v = -v
	}
	return k, v
}

// signWords are the words after which a hyphen and a space sign the sum
// ("la minoration est de - 5 €", "soit - 5 €").
var signWords = map[string]bool{"de": true, "à": true, "soit": true, "par": true}

// spelledAmounts reads the sums a text spells out ("cinquante euros",
// "deux euros", "mille francs", "deux millions d'euros"), as law texts
// write round ones, with their cents ("vingt-six euros et cinquante
// centimes") and what they are of ("cinquante euros par mois"), as sums in
// figures are read.
func spelledAmounts(s string) []amountMatch {
	var out []amountMatch
	for _, u := range [...]struct{ word, unit string }{{"euro", "EUR"}, {"franc", "FRF"}} {
		for _, n := range spelledBefore(s, u.word, true) {
			m := amountMatch{start: n.start, end: n.end, value: n.value, unit: u.unit}
			if c, e, ok := centimesAfter(s, m.end); ok && !n.of {
				m.value, m.end = m.value+c, e
			} else if c, e, ok := spelledCents(s, m.end); ok && !n.of {
				m.value, m.end = m.value+c, e // "un euro cinquante"
			}
			m.basis, m.end = sumBasis(s, m.end)
			out = append(out, m)
			if lo, loEnd, lv, ok := rangeLow(s, m.start); ok {
				out = append(out, amountMatch{start: lo, end: loEnd, value: lv, unit: u.unit, shown: m.end})
			}
		}
	}
	return out
}

// centimesAfter reads the cents a sum in euros or francs that ends at end
// writes in words after its unit ("vingt-six euros et cinquante centimes",
// "26 euros 50 centimes"): their value in the unit, and where they end.
func centimesAfter(s string, end int) (float64, int, bool) {
	rest := s[end:]
	from := end + 1
	if strings.HasPrefix(rest, " et ") {
		from = end + len(" et ")
	} else if !strings.HasPrefix(rest, " ") {
		return 0, 0, false
	}
	k := strings.Index(factWindow(s, from, 48), " centime")
	if k < 0 {
		return 0, 0, false
	}
	at := from + k
	e := at + len(" centime")
	if e < len(s) && s[e] == 's' {
		e++
	}
	if !endsWord(s, e) {
		return 0, 0, false
	}
	if n, ok := digitsValue(s[from:at]); ok && at-from <= 2 {
		return n / 100, e, true
	}
	if start, n, ok := frtext.CardinalBefore(s, at); ok && start == from && n < 100 {
		return float64(n) / 100, e, true
	}
	return 0, 0, false
}

// spelledCents reads the cents a sum spelt out in euros writes in words
// right after its unit, without naming them ("un euro cinquante", "deux
// euros vingt"): a number below a hundred that counts nothing after it
// (not "deux euros cinquante patients", see countsAfter). It returns their value in the
// unit and where they end.
func spelledCents(s string, end int) (float64, int, bool) {
	if !strings.HasPrefix(s[end:], " ") {
		return 0, 0, false
	}
	e, n, ok := frtext.CardinalAfter(s, end+1)
	if !ok || n >= 100 || n == 0 {
		return 0, 0, false
	}
	if rest, ok := strings.CutPrefix(s[e:], " "); ok && countsAfter(" "+rest) {
		return 0, 0, false
	}
	return float64(n) / 100, e, true
}

// centimeAmounts reads the sums a text gives in centimes alone
// ("cinquante centimes", "50 centimes"), of the euro or, in a text that
// speaks only francs, of the franc; the centimes after a sum in euros
// ("26 euros et 50 centimes") are that sum's.
func centimeAmounts(s string) []amountMatch {
	// Most texts name no centime: a plain search rules them out, in any
	// case of its first letter ("50 Centimes").
	if !strings.Contains(s, "entime") && !strings.Contains(s, "ENTIME") {
		return nil
	}
	unit := "EUR"
	if !strings.Contains(s, "€") && frtext.IndexFold(s, "euro") < 0 && frtext.IndexFold(s, "franc") >= 0 {
		unit = "FRF"
	}
	var out []amountMatch
	for i := 0; ; {
		k := frtext.IndexFold(s[i:], " centime")
		if k < 0 {
			return out
		}
		at := i + k
		i = at + len(" centime")
		if i < len(s) && s[i] == 's' {
			i++
		}
		if !endsWord(s, i) {
			continue
		}
		start, v := at, 0
		if d := strings.LastIndexByte(s[:at], ' ') + 1; isDigits(s[d:at]) && at-d <= 3 && (d == 0 || !startsWordBefore(s[:d])) {
			start = d
			v, _ = strconv.Atoi(s[d:at])
		} else if from, n, ok := frtext.CardinalBefore(s, at); ok && (from == 0 || !startsWordBefore(s[:from])) {
			start, v = from, n
		}
		if start == at {
			continue
		}
		m := amountMatch{start: start, end: i, value: float64(v) / 100, unit: unit}
		m.basis, m.end = sumBasis(s, m.end)
		out = append(out, m)
	}
}

// spelled is a number written in words and the unit after it.
type spelled struct {
	start, end int
	value      float64
	of         bool // millions or milliards "d'euros", "de francs"
}

// spelledBefore finds every unit of s (case aside, with a plural "s" when
// plural says so) that a number written in words precedes, one space
// before it, or, for a count of millions or milliards, "d'" or "de"
// ("deux millions d'euros", "un milliard de francs").
func spelledBefore(s, unit string, plural bool) []spelled {
	var out []spelled
	for i := 0; ; {
		k := frtext.IndexFold(s[i:], unit)
		if k < 0 {
			return out
		}
		at := i + k
		i = at + len(unit)
		if plural && i < len(s) && s[i]|0x20 == 's' {
			i++
		}
		if at < 2 || !endsWord(s, i) {
			continue
		}
		of := 0
		switch {
		case s[at-1] == ' ':
		case strings.HasSuffix(s[:at], " d'"):
			of = len("d'")
		case strings.HasSuffix(s[:at], " de "):
			of = len("de ")
		default:
			continue
		}
		if start, v, ok := frtext.CardinalBefore(s, at-1-of); ok && (of == 0 || v%1_000_000 == 0) {
			out = append(out, spelled{start, i, float64(v), of > 0})
		}
	}
}

// labelsApart reports row labels listed apart from the prices they
// label: two of them with no sum between, as a PDF exported column by
// column prints "G", "VG", then "30 €", "35 €". The nearest label above
// a price is then no row's (30 € read as VG's, G's price lost): such a
// price is tied to no code rather than to the wrong one.
func labelsApart(labels []codeAt, sums []amountMatch) bool {
	k := 0
	for i := 1; i < len(labels); i++ {
		for k < len(sums) && sums[k].start < labels[i-1].start {
			k++
		}
		if k == len(sums) || sums[k].start > labels[i].start {
			return true
		}
	}
	return false
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
	for _, m := range matchesAt(percentRe, s, unitAfter(s, t.numberStarts(), percentUnits), matchWindow) {
		if !endsWord(s, m[1]) {
			continue
		}
		v, ok := parseNumber(s[m[2]:m[3]])
		if !ok {
			continue
		}
		unit := s[m[4]:m[5]]
		if strings.HasPrefix(unit, "pour 1") && countsAfter(s[m[1]:]) {
			continue // "un médecin pour 1000 habitants" is a ratio of things
		}
		perMille := false
		if unit == "‰" || strings.HasSuffix(unit, "mille") || strings.HasSuffix(unit, "1000") {
			perMille = true // a rate per thousand: "5 pour mille" is 0,5 %
			v /= 10
		}
		at := m[2]
		if from, w, ok := spacedDecimal(s, at, s[m[2]:m[3]]); ok {
			at, v = from, w
		}
		// A rate is signed as a sum is: "une évolution de − 2 %".
		start, v := signed(s, at, v)
		out = append(out, t.percentFact(start, m[1], v, true))
		if lo, loEnd, lv, ok := rangeLow(s, start); ok {
			if perMille {
				lv /= 10
			}
			f := t.percentFact(lo, loEnd, lv, false)
			f.text = t.display(lo, m[1])
			out = append(out, f)
		}
	}
	// "dix pour cent", as law texts spell round rates out.
	for _, n := range spelledBefore(s, "pour cent", false) {
		out = append(out, t.percentFact(n.start, n.end, n.value, true))
	}
	return t.restated(out)
}

// countsAfter reports whether rest, the text after "pour 100" or "pour
// 1000", names what the number counts: "3 pour 1000 habitants" is a
// ratio of things, "70 pour 100 des frais" a rate (see counts).
func countsAfter(rest string) bool {
	rest, ok := strings.CutPrefix(rest, " ")
	if !ok {
		return false
	}
	end := strings.IndexFunc(rest, func(r rune) bool { return !isFactWordRune(r) })
	if end < 0 {
		end = len(rest)
	}
	w := rest[:end]
	return w != "" && counts(factWord{s: w, low: strings.ToLower(w)}, false)
}

// percentFact is the fact of a rate of v per cent written at s[start:end],
// with what it is a rate of and its bound when per says to read them ("2 %
// par an" and "2 % par mois", "au plus 20 %" and "au moins 20 %" are two
// rates, see sumPeriod and valueBound).
func (t *factTextKind) percentFact(start, end int, v float64, per bool) factAt {
	val := "%:" + numberKey(v)
	from, to, shown := start, end, start
	if per {
		var basis, bound string
		if basis, end = sumPeriod(t.s, end); basis != "" {
			val += " " + basis
		}
		bound, from, to, shown = valueBound(t.s, start, end)
		val = withBound(val, bound)
	}
	return factAt{kind: FactPercent, start: from, end: max(to, end), text: t.display(shown, max(to, end)),
		key: "percent:" + val, val: val, value: v, hasValue: true, unit: "%", denied: from - shown, leave: from != start && boundOf(val) == ""}
}
