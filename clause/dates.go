package clause

import (
	"slices"
	"strconv"
	"strings"

	"github.com/avenant-dev/avenant/internal/frtext"
	"github.com/avenant-dev/avenant/internal/lazyre"
)

var months = map[string]int{
	"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
	"août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
}

// numericDate is a date written in digits: its pattern, and the run of
// digits and the separator it starts with.
type numericDate struct {
	re     *lazyre.Regexp
	lo, hi int
	sep    byte
}

var (
	dateSlash = numericDate{lazyre.New(`^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})`), 1, 2, '/'}
	dateISO   = numericDate{lazyre.New(`^(\d{4})-(\d{2})-(\d{2})`), 4, 4, '-'}
	dateDot   = numericDate{lazyre.New(`^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})`), 1, 2, '.'}
)

// fullYear is the year a date writes in two digits ("01/01/24", "1er
// janvier 98") as POSIX reads it (strptime's %y): 69 to 99 are of the
// twentieth century, 00 to 68 of the twenty-first, so that "31/12/25" and
// "31 décembre 2025" agree and the 1998 convention's "01/01/98" is of 1998.
func fullYear(y string) string {
	if len(y) != 2 {
		return y
	}
	if y >= "69" {
		return "19" + y
	}
	return "20" + y
}

// monthLeads are the words after which a month named alone is a date:
// "en mars", "au mois de mars", "fin juin", "avant mars" ("d'avril" too).
var monthLeads = map[string]bool{"en": true, "de": true, "fin": true, "début": true, "mi": true, "courant": true,
	"dès": true, "avant": true, "après": true, "depuis": true, "jusqu'en": true, "compter": true}

// periods are the parts of a year a text dates by ("au premier semestre
// 2025", "le 3e trimestre"), with the letter ISO 8601's extensions give
// them in a value (2025-S1, 2025-Q3).
var periods = map[string]string{"semestre": "S", "trimestre": "Q"}

// periodCount is how many of each period a year holds.
var periodCount = map[string]int{"S": 2, "Q": 4}

// matches runs the pattern at those of starts where its first digits and
// separator stand (see candidates).
func (d numericDate) matches(s string, starts []int) [][]int {
	return matchesAt(d.re, s, d.candidates(s, starts), 16)
}

// candidates keeps the starts of s where a run of lo to hi digits ends on
// the separator: the only places where the pattern can match, few of a
// text's numbers.
func (d numericDate) candidates(s string, starts []int) []int {
	var out []int
	for _, i := range starts {
		j := i
		for j < len(s) && j-i <= d.hi && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if n := j - i; d.lo <= n && n <= d.hi && j < len(s) && s[j] == d.sep {
			out = append(out, i)
		}
	}
	return out
}

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
		if t.classes[i]&classMonth == 0 {
			continue
		}
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
			default:
				day, start = t.spelledDay(w.start - 1)
			}
			if day > 31 {
				day = 0
			}
			if day > 0 && start == w.start {
				start = ws[i-1].start
			}
		}
		if i+1 < len(ws) && s[w.end:ws[i+1].start] == " " {
			if isDigits(ws[i+1].s) && (len(ws[i+1].s) == 4 || day > 0 && t.shortYear(i+1)) {
				year, end = fullYear(ws[i+1].s), ws[i+1].end
			} else if frtext.IsCardinalWord(ws[i+1].low) {
				if e, y, ok := spelledYear(s, ws[i+1].start); ok {
					year, end = y, e
				}
			}
		}
		if lo, loDay, ok := t.dayRangeLow(i - 1); ok && day > 0 {
			// "du 1er au 15 janvier 2025": the first day is of the
			// month and year the last one names.
			iso := "--" + pad2(month) + "-" + pad2(loDay)
			if year != "" {
				iso = year + iso[1:]
			}
			out = append(out, factAt{kind: FactDate, start: ws[lo].start, end: ws[lo].end, text: s[ws[lo].start:end], key: "date:" + iso, val: iso})
		}
		switch {
		case year != "" && day > 0:
			emit(start, end, year+"-"+pad2(month)+"-"+pad2(day))
		case year != "":
			emit(start, end, year+"-"+pad2(month))
		case day > 0:
			emit(start, end, "--"+pad2(month)+"-"+pad2(day))
		case i > 0 && s[ws[i-1].end:w.start] == " " && monthLeads[ws[i-1].low] || i > 0 && ws[i-1].low == "d'":
			// "en mars", "le mois de mars", "fin juin": a month of
			// every year, or of the year the text speaks of.
			emit(start, end, "--"+pad2(month))
		}
	}
	var starts []int
	for _, i := range t.numberStarts() {
		if i == 0 || !strings.ContainsRune("/.-", rune(s[i-1])) {
			starts = append(starts, i)
		}
	}
	for _, m := range append(dateSlash.matches(s, starts), dateDot.matches(s, starts)...) {
		d, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		if d < 1 || d > 31 || mo < 1 || mo > 12 || !endsDate(s, m[1]) {
			continue
		}
		// "1.5.10" numbers a point; a date so short writes its day and
		// month in two digits: "01.05.10".
		if m[7]-m[6] == 2 && s[m[3]] == '.' && (m[3]-m[2] != 2 || m[5]-m[4] != 2) {
			continue
		}
		emit(m[2], m[1], fullYear(s[m[6]:m[7]])+"-"+pad2(mo)+"-"+pad2(d))
	}
	for _, m := range dateISO.matches(s, starts) {
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		d, _ := strconv.Atoi(s[m[6]:m[7]])
		if d < 1 || d > 31 || mo < 1 || mo > 12 || !endsDate(s, m[1]) {
			continue
		}
		emit(m[2], m[1], s[m[2]:m[1]])
	}
	out = append(out, t.daysOfMonth()...)
	out = append(out, t.periods()...)
	// Last, so that a year already read in a full date is not read again.
	return append(out, t.years()...)
}

// spelledDay reads a day of the month written in words that ends at
// end ("le quinze mars", "le trente et un décembre"): its number and
// where it starts, or 0 and end.
func (t *factTextKind) spelledDay(end int) (int, int) {
	from, n, ok := frtext.CardinalBefore(t.s, end)
	if !ok || n < 1 || n > 31 || from > 0 && startsWordBefore(t.s[:from]) {
		return 0, end + 1
	}
	return n, from
}

// spelledYear reads a year written in words that starts at start
// ("deux mille vingt-cinq", "mil neuf cent quatre-vingt-dix-huit"), as
// acts dated in full write it: where it ends and the year in figures.
func spelledYear(s string, start int) (int, string, bool) {
	if start > 0 && startsWordBefore(s[:start]) {
		return 0, "", false
	}
	end, v, ok := frtext.CardinalAfter(s, start)
	if !ok || v < 1000 || v > 2999 || !endsWord(s, end) {
		return 0, "", false
	}
	return end, strconv.Itoa(v), true
}

// shortYear reports whether the two digits at word k, after a day and a
// month, are its year ("1er janvier 24"), not a number that goes on the
// sentence ("le 1er janvier 24 heures après", "au 15 mars 10 médecins").
func (t *factTextKind) shortYear(k int) bool {
	ws := t.words
	if len(ws[k].s) != 2 || !endsDate(t.s, ws[k].end) {
		return false
	}
	if k+1 < len(ws) && t.s[ws[k].end:ws[k+1].start] == " " {
		n := ws[k+1]
		if n.low == "h" || counts(n, false) {
			return false
		}
	}
	return true
}

// daysOfMonth finds a day of every month, as deadlines of payment give
// it ("au plus tard le 15 du mois suivant", "le 10 de chaque mois"),
// valued as XML Schema writes a day of no month ("---15"), so that the
// day moved is a change of date.
func (t *factTextKind) daysOfMonth() []factAt {
	if t.held&classDuration == 0 {
		return nil
	}
	var out []factAt
	ws := t.words
	for i := 3; i < len(ws); i++ {
		if ws[i].low != "mois" || t.classes[i]&classDuration == 0 {
			continue
		}
		d := i - 2 // the day, before "du mois"
		if ws[i-1].low == "chaque" && ws[i-2].low == "de" {
			d = i - 3
		} else if ws[i-1].low != "du" {
			continue
		}
		if d < 1 || !t.spaced(d-1, i) {
			continue
		}
		switch ws[d-1].low {
		case "le", "au", "du":
		default:
			continue
		}
		day := 0
		switch w := ws[d].low; {
		case w == "1er" || w == "premier":
			day = 1
		case isDigits(w) && len(w) <= 2:
			day, _ = strconv.Atoi(w)
		}
		if day < 1 || day > 31 {
			continue
		}
		val := "---" + pad2(day)
		out = append(out, factAt{kind: FactDate, start: ws[d].start, end: ws[i].end, text: t.s[ws[d].start:ws[i].end], key: "date:" + val, val: val})
	}
	return out
}

// spaced reports whether words from to to are apart by one space each.
func (t *factTextKind) spaced(from, to int) bool {
	for k := from; k < to; k++ {
		if t.s[t.words[k].end:t.words[k+1].start] != " " {
			return false
		}
	}
	return true
}

// dayRangeLow reads the first day of a range of days whose last day is
// word k ("du 1er au 15 janvier", "entre le 2 et le 15 janvier"): its
// index and its day.
func (t *factTextKind) dayRangeLow(k int) (int, int, bool) {
	ws := t.words
	lo := k - 2
	if k >= 3 && ws[k-1].low == "le" && ws[k-2].low == "et" {
		lo = k - 3
	} else if k < 2 || ws[k-1].low != "au" {
		return 0, 0, false
	}
	if lo < 1 || (ws[lo-1].low != "du" && ws[lo-1].low != "le") {
		return 0, 0, false
	}
	if !t.spaced(lo, k) {
		return 0, 0, false
	}
	switch d := ws[lo].low; {
	case d == "1er" || d == "premier":
		return lo, 1, true
	case isDigits(d) && len(d) <= 2:
		if n, _ := strconv.Atoi(d); n >= 1 && n <= 31 {
			return lo, n, true
		}
	}
	return 0, 0, false
}

// periods finds a numbered semester or quarter ("1er semestre 2025", "au
// deuxième trimestre"), valued as ISO 8601's extensions write them
// ("2025-S1", "--Q2" when no year follows), so that a measure moved from
// one half-year to the next is a change of date.
func (t *factTextKind) periods() []factAt {
	if t.held&classPeriod == 0 {
		return nil
	}
	var out []factAt
	s, ws := t.s, t.words
	for i := 1; i < len(ws); i++ {
		letter := periods[ws[i].low]
		if t.classes[i]&classPeriod == 0 || letter == "" || s[ws[i-1].end:ws[i].start] != " " {
			continue
		}
		k := i - 1 // the ordinal's first word: "avant-dernier" is two
		for k > 0 && s[ws[k-1].end:ws[k].start] == "-" {
			k--
		}
		start, end, year := ws[k].start, ws[i].end, "-"
		if i+1 < len(ws) && s[ws[i].end:ws[i+1].start] == " " && len(ws[i+1].s) == 4 && isDigits(ws[i+1].s) && endsDate(s, ws[i+1].end) {
			year, end = ws[i+1].s, ws[i+1].end
		}
		n, _ := frtext.Ordinal(s[ws[k].start:ws[i-1].end])
		if n < 0 && year != "-" { // "le dernier trimestre 2025" is the fourth
			n += periodCount[letter] + 1
		}
		if n < 1 || n > periodCount[letter] {
			continue // "au cours du dernier trimestre civil connu" is the latest, no date
		}
		iso := year + "-" + letter + strconv.Itoa(n)
		out = append(out, factAt{kind: FactDate, start: start, end: end, text: s[start:end], key: "date:" + iso, val: iso})
	}
	return out
}

// years finds a year standing alone after the words that make it a date:
// "au titre de l'année 2025", "en 2026", "l'exercice 2024". A year in a
// full date ("1er janvier 2025") is the date's.
func (t *factTextKind) years() []factAt {
	if t.held&classYearLead == 0 {
		return nil
	}
	var out []factAt
	s, ws := t.s, t.words
	for i := 0; i+1 < len(ws); i++ {
		if t.classes[i]&classYearLead == 0 || !slices.Contains(yearLeads, ws[i].low) {
			continue
		}
		// "à compter de 2025": the locution's "de" leads the year, and
		// a participle after it agrees with what stands before it.
		lead, locution := i, yearLocutions[ws[i].low] != ""
		if locution {
			if lead = i + 1; lead+1 >= len(ws) || ws[lead].low != yearLocutions[ws[i].low] || s[ws[i].end:ws[lead].start] != " " {
				continue
			}
		}
		y := ws[lead+1]
		if s[ws[lead].end:y.start] != " " {
			continue
		}
		if law := t.budgetAct(i); ws[i].low == "pour" && law >= 0 && len(y.s) == 4 && isDigits(y.s) {
			// The act is cited: another year cites another act.
			title := strings.ToLower(strings.Join(strings.Fields(s[ws[law].start:y.end]), " "))
			out = append(out, factAt{kind: FactReference, start: ws[law].start, end: y.end, text: t.display(ws[law].start, y.end),
				key: "reference:ext:" + title, val: "ext:" + title, refKey: "ext:" + title, external: true})
			continue
		}
		yEnd, year := y.end, y.s
		if len(y.s) != 4 || !isDigits(y.s) || (y.s[:2] != "19" && y.s[:2] != "20") || !endsDate(s, y.end) {
			// "en deux mille vingt-quatre"
			if !frtext.IsCardinalWord(y.low) {
				continue
			}
			e, spelled, ok := spelledYear(s, y.start)
			if !ok || spelled[:2] != "19" && spelled[:2] != "20" {
				continue
			}
			yEnd, year = e, spelled
		}
		if next := t.wordAt(yEnd); next < len(ws) && s[yEnd:ws[next].start] == " " && counts(ws[next], locution || t.participleBefore(lead, ws[next])) {
			continue
		}
		if rest := s[yEnd:]; strings.HasPrefix(rest, " €") || strings.HasPrefix(rest, " %") {
			continue
		}
		out = append(out, factAt{kind: FactDate, start: y.start, end: yEnd, text: s[y.start:yEnd], key: "date:" + year, val: year})
	}
	return out
}

// budgetAct returns the word that opens the title of a law naming its
// year after the "pour" at word i, or -1: "loi de finances pour 1992",
// "loi de financement de la sécurité sociale pour 2024", "loi de
// programmation pour 2024", "LFSS pour 2025". The year is the act's name,
// a reference to it as "article 27" is one, not a date the text sets.
func (t *factTextKind) budgetAct(i int) int {
	ws := t.words
	budget := false // "le financement pour 2025" is a year's money
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		if strings.ContainsAny(t.s[ws[k].end:ws[k+1].start], ",;:()\n") {
			return -1
		}
		switch ws[k].low {
		case "finances", "financement", "programmation":
			budget = true
		case "loi", "lois":
			// "loi de finances", "loi n° 91-1322 … de finances": the
			// title goes on from "loi", no verb between.
			if next := ws[k+1].low; budget && (next == "de" || next == "n" || next == "n°" || next == "no") {
				return k
			}
			return -1
		case "lfss", "plfss", "lfi", "plf", "lfr", "lfrss":
			if k == i-1 {
				return k
			}
			return -1
		}
	}
	return -1
}

// counts reports a word that makes the number before it a count rather
// than a year: "en 2025 euros" counts money, "après 2025 mois" time, and
// "tirée en 2000 exemplaires", "pour 2000 patients" things. Only a plural
// noun is counted, and a year is followed by the rest of its sentence
// ("en 2024 plusieurs mesures", "en 2025 dans"), so the word must be
// evidence of a noun: plural, in lower case, neither a word of grammar
// (determiner, quantifier, pronoun, preposition, adverb) nor a number. A
// word shaped as a past participle is a noun as often ("pour 2000 assurés",
// "dès 2000 salariés", "des places pour 2000 retraités", "2000 points") as
// the verb of what stands before the year ("dues pour 2024 versées",
// "installés en 2020 concernés"): a participle set after the year goes on
// a participle set before it, so it is one only when the word before the
// year's lead is a participle of its gender (participleBefore), or the
// year opens its sentence; after a noun ("places") or a participle it
// does not agree with ("les sommes versées pour 2000 salariés"), it is
// what the number counts.
// When in doubt the year stays a date: a date lost is a change nobody is
// told of.
func counts(w factWord, participleBefore bool) bool {
	n := w.low
	if n == "euro" || months[n] > 0 || durationUnits[n].unit != "" {
		return true
	}
	if w.s != n || len(n) < 3 || grammarWords[n] {
		return false
	}
	if frtext.IsCardinalWord(n) {
		return false
	}
	last := n[len(n)-1]
	if last != 's' && last != 'x' {
		return false
	}
	return !participle(n) || !participleBefore
}

// participleBefore reports whether the word before ws[lead], in the same
// sentence, is a plural participle of the gender of w, so that w, a
// participle after the year that lead introduces, may go on it: "les
// sommes dues pour 2024 versées". At the start of a sentence or after a
// comma there is nothing to tell, and it reports true.
func (t *factTextKind) participleBefore(lead int, w factWord) bool {
	if lead == 0 {
		return true
	}
	b := t.words[lead-1]
	if strings.Trim(t.s[b.end:t.words[lead].start], " \n") != "" {
		return true
	}
	// Every feminine plural ending ends in "es", no masculine one does.
	return participle(b.low) && strings.HasSuffix(b.low, "es") == strings.HasSuffix(w.low, "es")
}

// participleEnds are the endings of plural past participles ("versées",
// "concernés", "pris", "acquises", "inclus", "dues", "inscrits",
// "atteints", "ouverts"), which follow a year ("installés en 2020
// concernés") and never stand for what a number counts.
var participleEnds = []string{"és", "ées", "is", "ies", "ises", "us", "ues", "uses", "its", "ites", "ints", "intes", "erts", "ertes"}

func participle(n string) bool {
	for _, e := range participleEnds {
		if strings.HasSuffix(n, e) {
			return true
		}
	}
	return false
}

// grammarWords are the plural-looking words of grammar that may follow a
// year: determiners and quantifiers ("en 2024 plusieurs mesures", "les",
// "leurs"), pronouns, prepositions, conjunctions, adverbs, and the
// adjectives that close a period ("jusqu'en 2025 clos", "depuis 2020
// inclus", "suivants").
var grammarWords = map[string]bool{
	"les": true, "des": true, "ces": true, "ses": true, "mes": true, "tes": true, "nos": true, "vos": true,
	"leurs": true, "aux": true, "plusieurs": true, "certains": true, "certaines": true, "quelques": true,
	"divers": true, "diverses": true, "différents": true, "différentes": true, "nombreux": true,
	"nombreuses": true, "maints": true, "maintes": true, "tous": true, "toutes": true, "autres": true,
	"mêmes": true, "dans": true, "sans": true, "sous": true, "vers": true, "plus": true, "moins": true,
	"puis": true, "mais": true, "depuis": true, "après": true, "dès": true, "hors": true, "lors": true,
	"alors": true, "très": true, "pas": true, "jamais": true, "toujours": true, "ils": true,
	"elles": true, "nous": true, "vous": true, "lesquels": true, "lesquelles": true, "auxquels": true,
	"auxquelles": true, "desquels": true, "desquelles": true, "ceux": true, "celles": true, "clos": true,
	"révolus": true, "afférents": true, "suivants": true, "précédents": true, "inclus": true,
	"incluses": true, "compris": true, "comprises": true, "exclus": true, "exclues": true,
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
