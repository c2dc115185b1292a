package clause

import (
	"strings"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// Statuses that parliaments and negotiators write in parentheses after a
// heading's number: "Article 1er bis (nouveau)", "Article 2 (supprimé)",
// "Articles 3 et 4 (Conformes)". A status says where the clause stands in
// the procedure, not what it says: it is kept apart from the number (so
// that "Article 2 (supprimé)" is still article 2) and from the title (so
// that a status that comes and goes is no change of heading).
//
// Forms are matched on their slug (case, accents and spacing ignored), and
// gender and number are folded into one canonical status: "Supprimées"
// and "supprimé" state the same thing.
var statusForms = map[string]string{
	"nouveau": StatusNew, "nouvelle": StatusNew, "nouveaux": StatusNew, "nouvelles": StatusNew,

	"supprime": StatusRemoved, "supprimee": StatusRemoved, "supprimes": StatusRemoved, "supprimees": StatusRemoved,

	// "Suppression conforme": the second chamber agrees the article is gone.
	"suppression-maintenue": StatusStillGone, "suppressions-maintenues": StatusStillGone,
	"suppression-conforme": StatusStillGone, "suppressions-conformes": StatusStillGone,

	"non-modifie": StatusUnmodified, "non-modifiee": StatusUnmodified, "non-modifies": StatusUnmodified, "non-modifiees": StatusUnmodified,

	"conforme": StatusConforming, "conformes": StatusConforming,

	"pour-coordination": StatusCoordinated,

	"censure": StatusCensured, "censuree": StatusCensured, "censures": StatusCensured, "censurees": StatusCensured,

	"abroge": StatusRepealed, "abrogee": StatusRepealed, "abroges": StatusRepealed, "abrogees": StatusRepealed,
}

// noteSubjects are the words by which the Assemblée's notes on a division
// say what they speak of: the division, its name (intitulé), or both.
var noteSubjects = map[string]bool{"division": true, "divisions": true, "intitule": true, "intitules": true}

// renamed are the states a note gives a division's name alone: new,
// changed or struck, the division itself stands under another name.
var renamed = map[string]bool{
	"modifie": true, "modifiee": true, "modifies": true, "modifiees": true,
	"nouveau": true, "nouvel": true, "nouvelle": true, "nouveaux": true, "nouvelles": true,
	"supprime": true, "supprimee": true, "supprimes": true, "supprimees": true,
}

// statusForm is the canonical status a note states, from its slug: a
// status form, or one of the Assemblée's notes on a division, whose words
// combine freely ("(Division nouvelle)", "(Intitulé modifié)", "(Division
// et intitulé supprimés)", "(Division nouvelle et intitulé nouveau)",
// "(Division et intitulé conformes)"). Such a note names what it speaks of,
// the division or its name, before the state of each; the division's state
// is the note's. A note on the name alone leaves the division standing:
// its name changed (StatusRenamed), or did not ("(Intitulé conforme)").
func statusForm(slug string) (string, bool) {
	if st, ok := statusForms[slug]; ok {
		return st, true
	}
	words := strings.Split(slug, "-")
	status, named := "", false
	for i := 0; i < len(words); {
		division, subjects := false, 0
		for ; i < len(words) && (noteSubjects[words[i]] || words[i] == "et" && subjects > 0); i++ {
			if words[i] != "et" {
				subjects++
				division = division || strings.HasPrefix(words[i], "division")
			}
		}
		if subjects == 0 || i == len(words) {
			return "", false
		}
		w := words[i]
		if i++; w == "non" && i < len(words) {
			w, i = w+"-"+words[i], i+1
		}
		st, known := statusForms[w]
		switch {
		case !known && !renamed[w]:
			return "", false
		case division && known:
			status = st
		case division:
			status = StatusRenamed
		case renamed[w]:
			named = true
		case status == "":
			status = st
		}
		if i < len(words) && words[i] == "et" {
			i++
		}
	}
	if status == "" && named {
		status = StatusRenamed
	}
	return status, status != ""
}

// previously is the slug that opens "(précédemment article 3 bis)": the
// number the clause had before a renumbering; previouslyStatus is how the
// status starts.
const (
	previously       = "precedemment-article"
	previouslyStatus = "précédemment article "
)

// Canonical statuses, as Clause.Status holds them.
const (
	StatusNew         = "nouveau"
	StatusRemoved     = "supprimé"
	StatusStillGone   = "suppression maintenue"
	StatusUnmodified  = "non modifié"
	StatusConforming  = "conforme"
	StatusCoordinated = "pour coordination"
	StatusCensured    = "censuré"
	StatusRepealed    = "abrogé"
	StatusRenamed     = "intitulé modifié"
)

// readStatus reads the status groups at the start of s, after optional
// spaces: "(nouveau)", " (Supprimés)", "(précédemment article 3)", or
// several in a row ("(nouveau) (supprimé)", the procedure's steps in
// order), of which the last is where the clause stands. It returns the
// canonical status and the bytes read, or ok false.
func readStatus(s string) (status string, n int, ok bool) {
	for {
		st, k, more := readOneStatus(s[n:])
		if !more {
			return status, n, n > 0
		}
		status, n = st, n+k
	}
}

// statusTitle reads a heading's title that is a status and nothing else,
// set after a dash or a colon, without parentheses or with them: "Article
// 12 – Abrogé.", "Article 3 : Supprimé", "Article 2 - (Non modifié)". Read as a title, it made "Article 12
// (abrogé)" and "Article 12 – Abrogé." two headings, and "Abrogé" →
// "Supprimé" a change of title.
func statusTitle(rest string) (status string, ok bool) {
	// Every heading compared asks, most with a title of their own: the
	// cheap tests come first (a status is short, and opens with the
	// letter of one: nouveau, supprimé, non modifié, conforme, censuré,
	// abrogé, pour coordination).
	if len(rest) > 40 {
		return "", false
	}
	t := strings.TrimLeft(rest, " \t:-")
	t = strings.TrimPrefix(strings.TrimPrefix(t, "–"), "—")
	t = strings.TrimLeft(t, " \t")
	if len(t) == len(rest) || t == "" || !strings.ContainsRune("nNsScCaApP(", rune(t[0])) {
		return "", false
	}
	if t[0] == '(' {
		// "Article 2 - (Non modifié)": the status in its parentheses.
		return statusOnly(strings.TrimRight(t, " ."))
	}
	return statusForm(frtext.SlugMax(strings.TrimRight(t, " ."), 3*maxSlug))
}

// readOneStatus reads one status group at the start of s, after optional
// spaces.
func readOneStatus(s string) (status string, n int, ok bool) {
	t := strings.TrimLeft(s, " \t")
	if t == "" || t[0] != '(' {
		return "", 0, false
	}
	end := strings.IndexByte(t, ')')
	if end < 0 {
		return "", 0, false
	}
	inner := strings.TrimSpace(t[1:end])
	n = len(s) - len(t) + end + 1
	key := frtext.SlugMax(inner, 3*maxSlug)
	if st, known := statusForm(key); known {
		return st, n, true
	}
	if strings.HasPrefix(key, previously+"-") || strings.HasPrefix(key, previously+"s-") {
		// Keep the old number as printed: it is a reference, not a word
		// to fold.
		f := strings.Fields(inner)
		return previouslyStatus + strings.Join(f[2:], " "), n, true
	}
	return "", 0, false
}

// statusOf is the status of c: the one the segmenter recorded or, for a
// clause rebuilt from elsewhere without it, the one its heading states.
func statusOf(c *Clause) string {
	if c.Status != "" {
		return c.Status
	}
	st, _, _ := statusSpan(c)
	return st
}

// statusSpan finds the status group of c's heading: a title that is a
// status (see statusTitle), else the first group in parentheses after the
// number that reads as a status. start is -1 when there is none.
func statusSpan(c *Clause) (status string, start, end int) {
	h := c.Heading
	from := afterNumber(h, c.Number)
	if from < 0 {
		return "", -1, -1
	}
	// A title that is a status is read where the segmenter found one:
	// every heading compared asks, nearly all without.
	if c.Status != "" {
		if st, ok := statusTitle(h[from:]); ok {
			return st, from, len(h)
		}
	}
	for {
		k := strings.IndexByte(h[from:], '(')
		if k < 0 {
			return "", -1, -1
		}
		k += from
		if st, n, ok := readStatus(h[k:]); ok {
			return st, k, k + n
		}
		from = k + 1
	}
}

// afterNumber is where number ends in heading; 0 without a number, -1
// when the heading does not print it.
func afterNumber(heading, number string) int {
	if number == "" {
		return 0
	}
	i := strings.Index(heading, number)
	if i < 0 {
		return -1
	}
	return i + len(number)
}

// TitleStatus is the status a numbered heading states as its whole title
// ("Article 12 – Abrogé."), which the parser takes as the clause's status:
// for a clause recorded before it did, with a title and no status.
func TitleStatus(heading, number string) string {
	if from := afterNumber(heading, number); from > 0 {
		st, _ := statusTitle(heading[from:])
		return st
	}
	return ""
}

// withoutStatus is c's heading as printed, its status group taken out.
func withoutStatus(c *Clause) string {
	_, start, end := statusSpan(c)
	if start < 0 {
		return c.Heading
	}
	return strings.TrimRight(c.Heading[:start], " \t") + c.Heading[end:]
}

// readBodyStatuses takes the status of a clause whose whole body is a
// status, as chambers print it on the line under the heading: "Article 2"
// then "(Non modifié)". The line stays the clause's text (every word of the
// input stays in a clause).
func readBodyStatuses(cs []Clause) {
	for i := range cs {
		if c := &cs[i]; c.Status == "" && c.Heading != "" {
			if st, ok := statusOnly(c.Text); ok {
				c.Status = st
			}
		}
	}
}

// statusOnly reports whether text is nothing but a status group, and which.
func statusOnly(text string) (string, bool) {
	st, n, ok := readStatus(text)
	if !ok || strings.TrimSpace(text[n:]) != "" {
		return "", false
	}
	return st, true
}

// holdsNoText reports whether a clause's body says nothing of its own: it
// is empty, or only its status.
func holdsNoText(text string) bool {
	if isBlank(text) {
		return true
	}
	_, ok := statusOnly(text)
	return ok
}

// SaysRemoved reports whether c stands only to say that its text is gone,
// as negotiators and parliaments print a clause they remove: its heading
// states it ("Article 5 (supprimé)", "Article 5 – Abrogé.", or after the
// title, "Article 5 - Dépassements (supprimé)") over no text, or its text
// is nothing but such a status ("Supprimé.", "(Supprimé)").
func SaysRemoved(c *Clause) bool {
	if !isBlank(c.Text) {
		st, _ := statusForm(frtext.SlugMax(strings.Trim(c.Text, " \t\n.()"), 3*maxSlug))
		return len(c.Text) <= 40 && removesText(st)
	}
	if removesText(statusOf(c)) {
		return true
	}
	h := strings.TrimRight(c.Heading, " .")
	open := strings.LastIndexByte(h, '(')
	if !strings.HasSuffix(h, ")") || open < 0 {
		return false
	}
	st, _ := statusForm(frtext.SlugMax(h[open+1:len(h)-1], 3*maxSlug))
	return removesText(st)
}

// removesText reports a status that says the clause's text is gone
// ("supprimé", "suppression maintenue", "censuré", "abrogé").
func removesText(status string) bool {
	switch status {
	case StatusRemoved, StatusStillGone, StatusCensured, StatusRepealed:
		return true
	}
	return false
}

// assertsUnchanged reports a status that says the text is the one already
// adopted: a chamber prints "Article 5 (Conforme)" without its text because
// the text did not change. The other statuses say nothing of the text: an
// article printed "Article 2 (supprimé)" and nothing else has lost its
// text, which is what comparing its empty body with the old one shows.
func assertsUnchanged(status string) bool {
	return status == StatusConforming || status == StatusUnmodified
}

// applyPreviousNumbers pairs each new clause whose heading says
// "(précédemment article N)" with the old article N, as a concordance line
// would: the chamber states the renumbering. A clause the user's
// concordance already placed is left where it is.
func (a *aligner) applyPreviousNumbers() {
	var names [2][]Named // read at the first such heading: most texts have none
	for j := range a.f[sNew].d.Clauses {
		c := &a.f[sNew].d.Clauses[j]
		old, ok := strings.CutPrefix(c.Status, previouslyStatus)
		if !ok || !a.free(sNew, j) {
			continue
		}
		if names[sOld] == nil {
			names = concordNames(a.f[sOld].d, a.f[sNew].d)
		}
		_ = a.applyConcord(Concord{Old: []string{"article " + old}, New: []string{c.ID}}, names)
	}
}
