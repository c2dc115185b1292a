package amend

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/frtext"
	"github.com/avenant-dev/avenant/internal/lazyre"
)

// Error is an instruction that cannot be read or applied: By names it as
// the avenant does ("Article 1er, 1°").
type Error struct {
	By     string
	Reason string
}

func (e *Error) Error() string { return e.By + ": " + e.Reason }

// parse reads an amending text, split by clause.Parse, into instructions.
// The units are its articles or, in a text without articles (a union's
// "Amendement à l'article 12 : …"), its clauses that carry text.
func parse(doc *clause.Document) (*Set, error) {
	set := &Set{}
	var last Target
	units := unitsOf(doc)
	for _, c := range units {
		label := unitLabel(c)
		frame, quotes, err := splitQuotes(c.Text)
		if err != nil {
			return nil, &Error{label, err.Error()}
		}
		if !amends(foldText(frame), quotes) {
			set.valueUnnamed(label, frame, nil)
			set.Own = append(set.Own, label)
			continue
		}
		// A union's amendment names its target in its heading
		// ("Amendement n° 1 à l'article 12"), not in its text; an
		// article's heading is its own number.
		var ctx Target
		if c.Kind != clause.KindArticle && c.Heading != "" {
			if loc, err := parseLocation(normalizeFrame(c.Heading), Target{}, nil); err == nil && len(loc) == 1 {
				ctx = loc[0]
			}
		}
		root := splitPoints(frame)
		if err := root.read(label, ctx, &last, quotes, set); err != nil {
			return nil, err
		}
	}
	if set.unnamed != nil && len(set.Instructions) > 0 {
		return nil, set.unnamed
	}
	for k := range set.Instructions {
		in := &set.Instructions[k]
		for o := range in.Ops {
			if op := &in.Ops[o]; op.Annex != nil {
				cl, err := ownAnnex(doc, *op.Annex)
				if err != nil {
					return nil, &Error{in.By, err.Error()}
				}
				op.Clauses = cl
			}
		}
	}
	return set, nil
}

// ownAnnex returns the annex of the avenant numbered number (the only one
// when number is ""), with everything under it.
func ownAnnex(doc *clause.Document, number string) ([]clause.Clause, error) {
	var found []int
	for i, c := range doc.Clauses {
		if c.Kind == clause.KindAnnex && (number == "" || clause.NormalizeNumber(c.Number) == clause.NormalizeNumber(number)) {
			found = append(found, i)
		}
	}
	if len(found) != 1 {
		switch {
		case number == "" && len(found) == 0:
			return nil, errf("the avenant has no annex")
		case number == "":
			return nil, errf("the avenant has %d annexes: name the one meant", len(found))
		}
		return nil, errf("the avenant has no annexe %s", number)
	}
	i := found[0]
	j := i + 1
	for j < len(doc.Clauses) && doc.Clauses[j].Depth > doc.Clauses[i].Depth {
		j++
	}
	return append([]clause.Clause(nil), doc.Clauses[i:j]...), nil
}

// unitsOf returns the clauses of an amending text that hold instructions.
func unitsOf(doc *clause.Document) []*clause.Clause {
	var articles, others []*clause.Clause
	for i := range doc.Clauses {
		c := &doc.Clauses[i]
		switch {
		case c.Kind == clause.KindArticle:
			articles = append(articles, c)
		case c.Text != "" && c.Kind != clause.KindTitle && c.Kind != clause.KindPreamble:
			others = append(others, c)
		}
	}
	if len(articles) > 0 {
		return articles
	}
	return others
}

func unitLabel(c *clause.Clause) string {
	if c.Kind == clause.KindArticle && c.Number != "" {
		return "Article " + c.Number
	}
	return c.Label()
}

var (
	amendingWords = lazy(`(?i)\b(?:modifiée?s?|remplacée?s?|insérée?s?|supprimée?s?|abrogée?s?|rédigée?s?|complétée?s?|ajoutée?s?|devien(?:t|nent)|remplacer|insérer|supprimer|ajouter|compléter|rédiger|abroger)(?:[^\pL\pN]|$)`)
	ownWords      = lazy(`(?i)\bprésent(?:e)?\s+(?:avenant|accord|protocole|article|loi)\b`)
)

// amends tells an instruction from the avenant's own provisions: it
// quotes, or speaks of amending, or names an article, an annex, a row or
// the préambule of the text it amends and not the avenant itself. An
// article that names what it changes in words avenant does not know is
// so an error, never an own provision left out.
func amends(frame foldedText, quotes []string) bool {
	if len(quotes) > 0 || amendingWords.matches(frame) {
		return true
	}
	if ownWords.matches(frame) {
		return false
	}
	return locArticles.matches(frame) || locRows.matches(frame) || locAnnex.matches(frame) || locPreamble.matches(frame)
}

// Amends reports whether doc reads as amending instructions aimed at
// base, so that import and diff can tell an avenant written as amendments
// from a text to compare: most of its articles amend, and name an
// article, annex or row that base has. A bill amending the codes
// ("l'article L. 135-1 du code électoral est ainsi modifié") does not
// amend the previous reading of the bill.
func Amends(doc, base *clause.Document) bool {
	return amendsWith(doc, base, unitTexts(base))
}

// amendsWith is Amends, baseArticles the texts of base's units.
func amendsWith(doc, base *clause.Document, baseArticles map[string]bool) bool {
	// An article that base has word for word is base's own text, not an
	// instruction aimed at it: two versions of one text (two readings of
	// a bill, whose articles amend the codes) share most of their
	// articles, and are told apart from an amendment without reading one.
	// The other articles are read only until the majority is decided
	// either way, each behind a look at its raw text for the words every
	// form needs (mayInstruct), then behind the prefilters of the
	// expressions: diff asks this of every pair of files, and the
	// expressions cost far more than the diff of a text that has no
	// instruction.
	units := unitsOf(doc)
	n, left := len(units), 0
	for _, c := range units {
		if !baseArticles[c.Text] {
			left++
		}
	}
	// An article of the avenant's own ("Le présent avenant entre en
	// vigueur…") neither amends the other text nor is part of it: the
	// majority is of the others. Counted among them, three such articles
	// beside two instructions made an avenant read as a text of its own,
	// and diff showed the whole convention removed.
	var names *clauseNames
	aimed, own := 0, 0
	for _, c := range units {
		if baseArticles[c.Text] {
			continue
		}
		if 2*aimed > n-own || 2*(aimed+left) <= n-own {
			break
		}
		left--
		heading := ""
		if c.Kind != clause.KindArticle {
			// A union's amendment names its target in its heading
			// ("Amendement n° 1 à l'article 12"), as parse reads it.
			heading = c.Heading
		}
		if aimedAt(c.Text, heading, base, &names) {
			aimed++
		} else if ownProvision(c.Text) {
			own++
		}
	}
	if 2*aimed <= n-own {
		return false
	}
	// A base that is itself amending instructions (a first draft of the
	// avenant) is amended only by a text whose instructions it can take,
	// and that is no redraft of it: a redraft's instructions name the
	// convention's articles, which the first draft's own numbers (1, 2,
	// 3…) coincide with, and the words they quote may well stand in the
	// draft's articles of those numbers, which quote them too.
	if !instructsMostly(base) {
		return true
	}
	mine, err := parse(doc)
	if err != nil || len(mine.Instructions) == 0 {
		return false
	}
	theirs, err := parse(base)
	if err == nil && redrafts(doc, base, mine, theirs) {
		return false
	}
	_, err = apply(base, mine, Markdown)
	return err == nil
}

// redrafts reports whether doc, read as the instructions mine, is another
// version of base, read as theirs: most of doc's articles that base does
// not have word for word do what base's article of the same number does,
// to the same clauses and the same words (only the words put in differ).
// A redraft changes what its articles put in, not what they aim at; a
// text amending base changes words of base's articles, which are the
// words those articles put in (a union's amendment to the draft's new
// amount), not the convention's words they replace.
func redrafts(doc, base *clause.Document, mine, theirs *Set) bool {
	aimsMine, aimsTheirs := aims(mine), aims(theirs)
	texts := unitTexts(base)
	n, same := 0, 0
	for _, c := range unitsOf(doc) {
		if c.Kind != clause.KindArticle || texts[c.Text] {
			continue
		}
		n++
		if a := aimsMine[unitLabel(c)]; a != "" && a == aimsTheirs[unitLabel(c)] {
			same++
		}
	}
	return 2*same > n
}

// aims says, for each article of an amending text, what its instructions
// do, to which clauses and which words, in order.
func aims(set *Set) map[string]string {
	out := map[string]string{}
	for _, in := range set.Instructions {
		article, _, _ := strings.Cut(in.By, ",")
		for _, op := range in.Ops {
			out[article] += string(op.Kind) + " « " + op.Old + op.Anchor + " » in"
			for _, t := range op.Targets {
				out[article] += " " + t.clauseName()
			}
			if len(op.Targets) == 0 {
				out[article] += " article " + op.Number
			}
			out[article] += "; "
		}
	}
	return out
}

// InstructsAgainst reports whether doc is amending instructions, whatever
// text they are aimed at, laid against base, a text of articles that is
// none: compared as texts, doc would read as the whole of base removed.
// With Amends, it tells instructions aimed at base from those aimed at
// another text. A base without articles (a bill's step that holds only its
// title) is no text to aim at, and two sets of instructions compare as
// texts.
func InstructsAgainst(doc, base *clause.Document) bool {
	return !mostlyShared(doc, base) && instructsAgainst(doc, base)
}

func instructsAgainst(doc, base *clause.Document) bool {
	return instructsMostly(doc) && !instructsMostly(base) &&
		slices.ContainsFunc(base.Clauses, func(c clause.Clause) bool { return c.Kind == clause.KindArticle })
}

// mostlyShared reports whether most of doc's units stand in base word for
// word: two versions of one text, neither of which is instructions aimed
// at another. Told first, by hashing, it spares reading half the articles
// of each for instructions: on two versions of a 1 MB convention, a fifth
// of the diff's cost.
func mostlyShared(doc, base *clause.Document) bool {
	return mostlyIn(unitsOf(doc), unitTexts(base))
}

// mostlyIn reports whether most of units have their text among texts.
func mostlyIn(units []*clause.Clause, texts map[string]bool) bool {
	n := 0
	for _, c := range units {
		if texts[c.Text] {
			n++
		}
	}
	return 2*n > len(units)
}

// Laid says how newer is laid against older, for diff, which asks it of
// every pair of files: amends when newer is instructions aimed at older
// (Amends), against 1 when newer is instructions laid against older, a
// text of articles that is none, -1 when older is laid so against newer
// (InstructsAgainst), 0 when neither is; both amends and 1 when newer
// names, as the text it amends, the code older is titled with. Two versions of one text, most
// of newer's articles standing in older word for word, are told by the
// texts Amends hashes anyway: the common case costs no more than Amends.
func Laid(older, newer *clause.Document) (amends bool, against int) {
	olderTexts := unitTexts(older)
	if mostlyIn(unitsOf(newer), olderTexts) {
		return false, 0
	}
	switch {
	case amendsWith(newer, older, olderTexts):
		return true, 0
	case instructsAgainst(newer, older):
		return namesItsCode(newer, older), 1
	case !mostlyShared(older, newer) && instructsAgainst(older, newer):
		return false, -1
	}
	return false, 0
}

// instructsMostly reports whether most of doc's articles are amending
// instructions in a form parse reads, whatever text they are aimed at.
func instructsMostly(doc *clause.Document) bool {
	n := 0
	var articles []*clause.Clause
	for _, c := range unitsOf(doc) {
		if c.Kind == clause.KindArticle {
			articles = append(articles, c)
		}
	}
	for i, c := range articles {
		if 2*n > len(articles) || 2*(n+len(articles)-i) <= len(articles) {
			break
		}
		if !mayInstruct(c.Text) {
			continue
		}
		frame, quoted, err := frameOf(c.Text)
		if err != nil {
			continue
		}
		if f := foldText(normalizeFrame(frame)); instructs(f, (*lazyRegexp).matches) && (quoted > 0 || amends(f, nil)) {
			n++
		}
	}
	return 2*n > len(articles)
}

// aimedAt reports whether an article's text is an instruction naming an
// article or row of base (there, or in heading), or creating a numbered
// article or annex in it; names are base's, read on first need.
func aimedAt(text, heading string, base *clause.Document, names **clauseNames) bool {
	if !mayInstruct(text) {
		return false
	}
	frame, quoted, err := frameOf(text)
	if err != nil || aimedElsewhere(frame) {
		return false
	}
	// The words first: no expression runs on an article whose words
	// cannot make an instruction naming a clause.
	f := foldText(normalizeFrame(frame))
	named := f
	if heading != "" {
		named = foldText(normalizeFrame(heading + " ¦ " + frame))
	}
	if !instructs(f, (*lazyRegexp).admits) || !mayName(named) && !creates.matches(f) {
		return false
	}
	if *names == nil {
		*names = namesOf(base)
	}
	// The cheapest test that fails first: a bill's articles name no
	// article of the base; what the edits of a text that is no amendment
	// put in ("modifiée") matches no form. An article that quotes amends:
	// its frame need not be folded again to tell.
	return ((*names).namedIn(named) || creates.matches(f)) && instructs(f, (*lazyRegexp).matches) && (quoted > 0 || amends(named, nil)) &&
		!namesAnother(frame, base)
}

// namesAnother reports whether frame names as the text it amends a
// convention, an accord… by a name of its own that base's titles do not
// give it ("l'article 3 de la convention nationale des infirmiers"): an
// instruction aimed at another text, whose article numbers base shares.
func namesAnother(frame string, base *clause.Document) bool {
	name := codeOf(uncite(normalizeFrame(frame)))
	return name != "" && namedKind(name) != "" && !kindTitled(titlesOf(base.Clauses), name)
}

// ownProvision reports whether an article speaks of the amending text
// itself ("Le présent avenant entre en vigueur…", "du présent accord"),
// looked for at the nouns, which most articles of a convention or a bill
// never hold, and the words before them.
func ownProvision(text string) bool {
	for _, noun := range [...]string{"avenant", "accord", "protocole"} {
		for i := 0; ; i++ {
			k := frtext.IndexFold(text[i:], noun)
			if k < 0 {
				break
			}
			i += k
			if presentBefore.MatchString(text[max(0, i-16):i]) {
				return true
			}
		}
	}
	return false
}

// setsValue matches a sentence that sets a value ("Le tarif de la
// consultation G est porté à 31,50 €", "la majoration passe de 5 € à
// 10 €", "est fixé, à compter du 1er janvier 2025, à 30 €"): it changes
// what the amended text says, without naming the words it replaces.
var setsValue = lazy(`(?i)(?:^|[^\pL])(?:(?:est|sont)\s+(?:(?:désormais|respectivement|ainsi)\s+)?(?:portée?s?|fixée?s?|revalorisée?s?|valorisée?s?|augmentée?s?|relevée?s?|ramenée?s?|réduite?s?|diminuée?s?|majorée?s?|minorée?s?|abaissée?s?)|passe(?:nt)?)(?:\s*,[^,.;]{0,60},)?(?:\s+respectivement)?\s+(?:à|de)\s+(?:respectivement\s+)?\d`)

// valueUnnamed keeps the first value set without the words it replaces,
// in text, read as the avenant's own provision of label by.
func (set *Set) valueUnnamed(by, text string, quotes []string) {
	if err := setsValueUnnamed(text, quotes); err != nil && set.unnamed == nil {
		set.unnamed = &Error{by, err.Error()}
	}
}

// setsValueUnnamed is the error of an article, a point or a sentence read
// as none of the forms of amending that sets a value all the same, and
// speaks not of the amending text itself ("le forfait du présent
// avenant est fixé à…"): taken for the avenant's own provision, the
// consolidated text kept the old tariff, and only a note on stderr said
// the article was left out. No text names the words it replaces, nor
// where the value stands (an article, a row of a tariff, both).
func setsValueUnnamed(text string, quotes []string) error {
	for _, sentence := range sentencesOf(normalizeFrame(text)) {
		if setsValue.MatchString(sentence) && !ownWords.MatchString(sentence) {
			return errf("sets a value without naming the words of the text it replaces (%s): write it as an instruction (« à l'article 28.1, les mots « 26,50 € » sont remplacés par les mots « 30 € » », « le tarif de la ligne G est remplacé par « 30 € » »)",
				shorten(restoreQuotes(sentence, quotes)))
		}
	}
	return nil
}

var presentBefore = lazy(`(?i)\bprésente?\s+$`)

// unitTexts is the set of the texts of base's units (its articles, or
// in a text without any, its clauses that carry text).
func unitTexts(base *clause.Document) map[string]bool {
	units := unitsOf(base)
	texts := make(map[string]bool, len(units))
	for _, c := range units {
		texts[c.Text] = true
	}
	return texts
}

// instructs reports whether a frame holds an operation in a form parse
// reads, or the lead-in of points that do, each form tried by try.
func instructs(frame foldedText, try func(*lazyRegexp, foldedText) bool) bool {
	if try(leadIn, frame) || try(renumberForm, frame) || try(pointRenumberForm, frame) {
		return true
	}
	for _, f := range opForms {
		if try(f.re, frame) {
			return true
		}
	}
	return try(replacedRespectively, frame)
}

// creates matches an instruction that creates a numbered article or annex
// ("il est créé une annexe 2 ainsi rédigée", "il est inséré un article
// 12.1"): aimed at the text it amends, though it names nothing there yet.
var creates = pattern(`(?:est|sont)\s+(?:insérée?s?|ajoutée?s?|créée?s?)\s+(?:un|une)\s+(?:article\s+NUM|annexe\s+ANNEXNUM)`)

// mayName reports whether frame has the words that name an article, a row
// or the préambule.
func mayName(frame foldedText) bool {
	return locArticles.admits(frame) || locRows.admits(frame) || locPreamble.admits(frame)
}

// elsewhere matches an instruction aimed at another text than the one
// amended: a code, the Constitution, a loi, an ordonnance, a décret or an
// arrêté named by its number or date (codeOf), or the amending text
// itself.
var elsewhere = lazy(`(?i)\bdu\s+code\b|\bde\s+la\s+présente\s+loi\b|\bde\s+la\s+(?-i:Constitution)\b|(?:\bde\s+la\s+loi|\bde\s+l['’]\s*ordonnance|\bdu\s+décret|\bde\s+l['’]\s*arrêté)\s+(?:organique\s+)?(?:n°|du\s+\d)`)

// elsewhereWords are the words a match of elsewhere holds one of, ASCII
// (IndexFold): "cret" of "décret", "arr" of "arrêté".
var elsewhereWords = [...]string{"code", "loi", "constitution", "ordonnance", "cret", "arr"}

// aimedElsewhere is elsewhere on a frame, tried before the frame is
// normalised and folded for the other patterns: it rules out most
// articles of a bill, which amend the codes. The expression runs only
// around the words its matches end with, from the third word before them
// to the rune after them (for \b): an article of a bill runs to tens of
// kilobytes, every place of which the expression tried. TestAimedElsewhere
// holds it to the expression on the whole frame.
func aimedElsewhere(frame string) bool {
	for _, word := range elsewhereWords {
		for i := 0; ; {
			k := frtext.IndexFold(frame[i:], word)
			if k < 0 {
				break
			}
			i += k
			// "loi organique du 1er": the word and three after it.
			end := wordsAfter(frame, i, 4)
			if end < len(frame) {
				_, size := utf8.DecodeRuneInString(frame[end:])
				end += size
			}
			from := wordsBefore(frame, i, 3)
			for _, m := range elsewhere.FindAllStringIndex(frame[from:end], -1) {
				// "au sens du code de la santé publique": cited.
				if !citedAt(frame, from+m[0]) {
					return true
				}
			}
			i++
		}
	}
	return false
}

// wordsBefore returns where the n words before s[i:] start, words being
// cut by the white space of the patterns (\s, ASCII): a \b there reads
// the same in the window as in s.
func wordsBefore(s string, i, n int) int {
	for range n {
		for i > 0 && isPatternSpace(s[i-1]) {
			i--
		}
		for i > 0 && !isPatternSpace(s[i-1]) {
			i--
		}
	}
	return i
}

// wordsAfter returns where the n words from s[i:] end, the word i stands
// in the first.
func wordsAfter(s string, i, n int) int {
	for range n {
		for i < len(s) && isPatternSpace(s[i]) {
			i++
		}
		for i < len(s) && !isPatternSpace(s[i]) {
			i++
		}
	}
	return i
}

func isPatternSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// clauseNames are the article numbers of a text, normalised, and its row
// codes: what an instruction aimed at it names.
type clauseNames struct {
	articles, rows map[string]bool
}

func namesOf(base *clause.Document) *clauseNames {
	// Sized at once: growing the maps clause by clause was most of what
	// the names of a large text cost.
	articles, rows := 0, 0
	for i := range base.Clauses {
		switch base.Clauses[i].Kind {
		case clause.KindArticle:
			articles++
		case clause.KindItem:
			rows++
		}
	}
	names := &clauseNames{articles: make(map[string]bool, articles), rows: make(map[string]bool, rows)}
	for i := range base.Clauses {
		switch c := &base.Clauses[i]; c.Kind {
		case clause.KindArticle:
			names.articles[clause.NormalizeNumber(c.Number)] = true
		case clause.KindItem:
			names.rows[c.Number] = true
		}
	}
	return names
}

// namedIn reports whether frame names one of the articles or rows, or
// the préambule alone.
func (names *clauseNames) namedIn(frame foldedText) bool {
	named := false
	if locArticles.admits(frame) {
		for _, m := range articlesNamed(frame.text) {
			for _, a := range splitList(m[1]) {
				named = true
				if names.articles[clause.NormalizeNumber(a)] {
					return true
				}
			}
		}
	}
	if locRows.admits(frame) {
		for _, m := range locRows.FindAllStringSubmatch(frame.text, -1) {
			for _, r := range splitList(m[1]) {
				named = true
				if names.rows[r] {
					return true
				}
			}
		}
	}
	return !named && locPreamble.matches(frame)
}

// node is a point of an instruction: its marker, its own text and the
// points under it.
type node struct {
	marker   string
	text     string
	children []*node
	// dated is the date its lead-in says its points take effect from.
	dated string
}

var inlinePoint = lazy(`([:;])[ \t]+(\d+°|[a-z]\)|(?:[IVX]+)\.?[ \t]*[-–]|[-–—•])[ \t]`)

// splitPoints cuts the frame of an article into its numbered points,
// nested by family: a point of a family one of the open points has ("b)"
// after "a)") closes the points down to that one and follows it, a point
// of another family opens under the last ("a)" under "II."), so that
// "II." may hold "a)" where "I." held "1°". Before, each family took the
// depth of its first appearance: "a)" under "II." after "1°" under "I."
// stood one depth too high, and "b)" went under "a)".
func splitPoints(frame string) *node {
	frame = inlinePoint.ReplaceAllString(frame, "$1\n$2 ")
	root := &node{}
	stack := []*node{root}
	families := []byte{0} // of the points of stack
	for _, line := range strings.Split(frame, "\n") {
		m, family := lineMarker(line), byte(0)
		if m != "" {
			family = markerFamily(m)
		} else if dash := dashMarker(line); dash != "" {
			// "- au premier alinéa, …" : an unnumbered point, named by
			// its rank among the dashes of its level ("2e tiret").
			m, family = dash, '-'
		} else {
			top := stack[len(stack)-1]
			top.text += "\n" + line
			continue
		}
		if k := bytes.LastIndexByte(families, family); k > 0 {
			stack, families = stack[:k], families[:k]
		}
		parent := stack[len(stack)-1]
		n := &node{marker: m, text: strings.TrimLeft(strings.TrimLeft(line, " \t")[len(m):], ".-–) \t")}
		if family == '-' {
			n.marker = tiret(len(parent.children) + 1)
		}
		parent.children = append(parent.children, n)
		stack, families = append(stack, n), append(families, family)
	}
	return root
}

// dashMarker returns the dash or bullet a line opens with ("- ", "– ",
// "• "), or "".
func dashMarker(line string) string {
	line = strings.TrimLeft(line, " \t")
	for _, d := range [...]string{"-", "–", "—", "•"} {
		if strings.HasPrefix(line, d+" ") || strings.HasPrefix(line, d+"\t") {
			return d
		}
	}
	return ""
}

// tiret names the n-th dash of a list as French texts do: "1er tiret",
// "2e tiret".
func tiret(n int) string {
	if n == 1 {
		return "1er tiret"
	}
	return strconv.Itoa(n) + "e tiret"
}

// leadIn matches the words that introduce the points below them
// ("L'article 28.1 est ainsi modifié :"). Its matches end the text and are
// six words at the most ("sont apportées les modifications suivantes :",
// "est ainsi modifiée comme suit ."): matches runs it on the last six.
var leadIn = &lazyRegexp{Regexp: lazyre.New(`(?i)(?:(?:est|sont)\s+(?:ainsi\s+)?modifiée?s?(?:\s+(?:comme\s+suit|ainsi))?|(?:sont\s+)?apportées?\s+les\s+modifications\s+suivantes|:)\s*[.:]?\s*$`), lastWords: 6}

// read turns a point into instructions: a leaf is one instruction, a point
// with points under it gives them its target.
func (n *node) read(label string, ctx Target, last *Target, quotes []string, set *Set) error {
	by := label
	if n.marker != "" {
		by += ", " + n.marker
	}
	text, err := respectively(wordsOfUnits(unquoteRowCodes(normalizeFrame(n.text), quotes)))
	if err != nil {
		return &Error{by, err.Error()}
	}
	if len(n.children) > 0 {
		if text != "" {
			if !leadIn.MatchString(text) {
				return &Error{by, "cannot read the words before its points: " + shorten(restoreQuotes(text, quotes))}
			}
			loc, err := parseLocation(text, ctx, last)
			if err != nil {
				return &Error{by, err.Error()}
			}
			if len(loc) == 1 {
				ctx = loc[0]
			}
		}
		for _, c := range n.children {
			c.dated = cmp.Or(effectDate(text), n.dated)
			if err := c.read(by, ctx, last, quotes, set); err != nil {
				return err
			}
		}
		return nil
	}
	if text == "" || statusOnly.MatchString(text) {
		return nil
	}
	if !strings.ContainsRune(text, quoteOpen) && !amends(foldText(text), nil) {
		// A point of the avenant's own ("II. - Le présent article entre
		// en vigueur le…").
		set.valueUnnamed(by, text, quotes)
		set.Own = append(set.Own, by)
		return nil
	}
	// Each sentence may be an instruction of its own ("L'article 13 est
	// abrogé. L'article 14 devient l'article 13."): read as one, the
	// first clause named was the target of every operation, and what
	// the others said of theirs was lost. A sentence naming no clause
	// goes on with the one before's.
	for k, sentence := range sentencesOf(text) {
		if !strings.ContainsRune(sentence, quoteOpen) && !amends(foldText(sentence), nil) {
			set.valueUnnamed(by, sentence, quotes)
			if len(set.Own) == 0 || set.Own[len(set.Own)-1] != by {
				set.Own = append(set.Own, by)
			}
			continue
		}
		if k > 0 && last != nil && last.named() {
			ctx = *last
			ctx.Words, ctx.Times, ctx.Occurrence = "", 0, 0
		}
		ops, err := parseOps(sentence, ctx, last, quotes)
		if err != nil {
			return &Error{by, err.Error()}
		}
		set.Instructions = append(set.Instructions, Instruction{By: by, Text: restoreQuotes(sentence, quotes), Ops: ops, Dated: cmp.Or(effectDate(sentence), n.dated)})
	}
	return nil
}

// dateNamed matches the date an instruction says it takes effect from: "à
// compter du 1er janvier 2025", "à partir du 1er juillet 2025".
var dateNamed = lazy(`(?i)(?:^|[^\pL])(?:à\s+compter|à\s+partir)\s+du\s+\d{1,2}(?:er)?\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\s+\d{4}`)

// effectDate is the date frame says its instruction takes effect from, ""
// when it names none.
func effectDate(frame string) string {
	m := dateNamed.FindString(frame)
	if k := strings.Index(strings.ToLower(m), "à"); k >= 0 {
		m = "à" + m[k+len("à"):]
	}
	return strings.Join(strings.Fields(m), " ")
}

// sentencesOf cuts the frame of an instruction into its sentences.
func sentencesOf(text string) []string {
	var out []string
	start := 0
	for _, next := range frtext.SentenceStarts(text) {
		out = append(out, strings.TrimSpace(text[start:next]))
		start = next
	}
	return append(out, strings.TrimSpace(text[start:]))
}

// statusOnly matches a point kept for its number only: "(Supprimé)".
var statusOnly = lazy(`(?i)^\(?\s*(?:supprimée?|non modifiée?|conforme)s?\s*\)?[\s.…;]*$`)

// normalizeFrame puts a frame in the form the patterns read: straight
// apostrophes, one space for every run of white space (no-break spaces
// included), none at the ends. One pass: Amends normalises half the
// articles of every text diff reads.
func normalizeFrame(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			i += size
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if r == '’' || r == 'ʼ' {
			b.WriteByte('\'')
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	out := b.String()
	if strings.Contains(out, "premier") {
		// "L'article premier", as the Journal officiel writes article 1er.
		out = articlePremier.ReplaceAllString(out, "${1}1er")
	}
	return out
}

var articlePremier = lazy(`(?i)(\barticles?\s+)premier\b`)

func shorten(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}

// errf makes the reason of an Error.
func errf(format string, args ...any) error { return fmt.Errorf(format, args...) }
