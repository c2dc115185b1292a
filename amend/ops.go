package amend

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/frtext"
	"github.com/avenant-dev/avenant/internal/lazyre"
)

// The building blocks of the patterns, spelt out once, on the first
// pattern's first use.
var macros = sync.OnceValue(func() *strings.Replacer {
	return strings.NewReplacer(
		"NOUN", `(?:les\s+mots|le\s+mot|les\s+termes|le\s+terme|les?\s+montants?|les?\s+taux|la\s+date|les\s+dates|la\s+somme|le\s+nombre|les?\s+chiffres?|la\s+référence|les\s+références|les?\s+tarifs?|le\s+libellé|la\s+mention|l'année|le\s+pourcentage|la\s+valeur|la\s+durée|le\s+délai|l'expression|la\s+cotation|le\s+code|la\s+phrase|les\s+phrases)`,
		"QS", `\x01\d+\x02(?:\s*[,;]?\s*(?:et\s+)?\x01\d+\x02)*`,
		"Q", `\x01\d+\x02`,
		"REDIGE", `(?:ainsi\s+(?:rédigée?s?|libellée?s?|conçue?s?)|rédigée?s?\s+(?:dans\s+les\s+termes\s+suivants|comme\s+suit|ainsi)|suivante?s?)`,
		"COUNT", `(?:(?:CARDINAL|\d+|des|les)(?:\s+ORD)?)`,
		"CARDINAL", frtext.CardinalPattern(),
		"UNIT", `(?:(?:nouve(?:l|aux|lles?)\s+)?(?:alinéas?|phrases?|lignes?|dispositions|articles?(?:\s+additionnels?)?(?:\s+NUMLIST)?|annexe\s+ANNEXNUM|POINT(?:\s+(?:à|et)\s+POINT)?))`,
		"ANNEXNUM", `(?:(?:\d+|(?-i:[IVXLC]+)\b)(?:\s+LATIN\b)?)`,
		"POINT", `(?:\d+°(?:\s+LATIN\b)?|(?-i:[IVX]+)(?:\s+LATIN\b)?|(?-i:[a-z])\)?)`,
		"NUMLIST", `NUM(?:\s*(?:,|et|à)\s*NUM)*`,
		"ANNEXLIST", `ANNEXNUM(?:\s*(?:,|et|à)\s*ANNEXNUM)*`,
		"INANNEX", `\s*,?\s+(?:de|à)\s+l'annexe\s+ANNEXNUM`,
		"NUM", `(?:(?:(?-i:[LRD])\.?\s*(?:(?-i:O)\.?\s*)?)?\d+(?:er)?(?:[.\-]\d+)*(?:\s+LATIN\b)?(?-i:\s+[A-Z]{1,3}\b)?)`,
		"LATIN", clause.LatinPattern(),
		"ORD", ordinalPattern,
	)
})

// pattern expands the macros of p on first use, like the compilation:
// expanding them all took as long as compiling them.
func pattern(p string) *lazyRegexp {
	return &lazyRegexp{Regexp: lazyre.Build(func() string {
		// Macros nest four deep (UNIT, NUMLIST, NUM, LATIN).
		for range 4 {
			p = macros().Replace(p)
		}
		return `(?i)` + p
	})}
}

// lazyRegexp is a pattern compiled on first use with, for the patterns
// screening covers, the prefilter screening gives it.
type lazyRegexp struct {
	*lazyre.Regexp
	// clauses are the pattern's prefilter over the vocabulary, set
	// by screening for the screened patterns only.
	clauses []wordSet
	// lastWords, when set, is how many words a match spans at the most,
	// every match ending the text: matches runs the pattern on those
	// last words alone.
	lastWords int
}

func lazy(src string) *lazyRegexp { return &lazyRegexp{Regexp: lazyre.New(src)} }

// opForm is one drafting form: its pattern and how a match becomes an op.
type opForm struct {
	re   *lazyRegexp
	make func(m []string, q []string) Op
}

var placeholderRe = lazy(`\x01(\d+)\x02`)

// quotesIn returns the quotations a piece of frame holds, in order.
func quotesIn(s string, quotes []string) []string {
	var out []string
	for _, m := range placeholderRe.FindAllStringSubmatch(s, -1) {
		n, _ := strconv.Atoi(m[1])
		if n < len(quotes) {
			out = append(out, quotes[n])
		}
	}
	return out
}

// unitOf reads the unit word of an insertion.
func unitOf(s string) Unit {
	s = strings.ToLower(s)
	switch {
	case strings.Contains(s, "phrase"):
		return UnitPhrase
	case strings.Contains(s, "ligne"):
		return UnitRow
	case strings.Contains(s, "article"):
		return UnitArticle
	case strings.HasPrefix(s, "annexe"):
		return UnitAnnex
	}
	return UnitAlinea
}

// numbersOf reads the article numbers an insertion names ("17 bis",
// "L. 135-4 à L. 135-6"), "" when it names none.
var insertedNumbers = pattern(`articles?(?:\s+additionnels?)?\s+(NUMLIST)`)

func numbersOf(unit string) string {
	if m := insertedNumbers.FindStringSubmatch(unit); m != nil {
		return m[1]
	}
	if n, ok := strings.CutPrefix(strings.ToLower(unit), "annexe"); ok {
		return strings.TrimSpace(unit[len(unit)-len(n):])
	}
	return ""
}

// The forms, most specific first: a match is cut out of the frame before
// the next form is tried, and what no form took names the target.
var opForms = []opForm{
	// "… est remplacé par deux alinéas ainsi rédigés : « … »"
	// "… est remplacé par deux articles 11 et 11-1 ainsi rédigés : « … »":
	// the numbers announced are those the quotation must head.
	{pattern(`(?:est|sont)\s+remplacée?s?\s+par\s+COUNT\s+(?:alinéas?|phrases?|dispositions|articles?(?:\s+(NUMLIST))?|points?|lignes?)\s+(?:REDIGE|suivantes)\s*:?\s*(QS)`),
		func(m, q []string) Op { return Op{Kind: Rewrite, New: strings.Join(q, "\n\n"), Number: m[1]} }},
	{pattern(`(?:est|sont)\s+remplacée?s?\s+par\s+(?:le\s+texte|la\s+phrase|l'alinéa|les\s+alinéas|le\s+paragraphe|les\s+paragraphes|le\s+tableau|la\s+ligne)\s+(?:suivante?s?|REDIGE)\s*:?\s*(QS)`),
		func(m, q []string) Op { return Op{Kind: Rewrite, New: strings.Join(q, "\n\n")} }},
	// "l'annexe 12 est remplacée par l'annexe 1 du présent avenant"
	{pattern(`(?:est|sont)\s+remplacée?s?\s+par\s+l'annexe\s*((?-i:[IVXLC]+)\b|\d+)?\s+(?:jointe\s+au|annexée\s+au|du|de\s+l')\s*(?:présent\s+)?(?:avenant|accord|protocole)`),
		func(m, q []string) Op { return Op{Kind: Rewrite, Annex: &m[1]} }},
	// "les mots : « X » sont remplacés par les mots : « Y »", "remplacer les mots « X » par « Y »"
	{pattern(`(?:NOUN\s*:?\s*)?(Q)\s*,?\s+(?:est|sont)\s+remplacée?s?\s+par\s+(?:NOUN\s*:?\s*)?(Q)`),
		func(m, q []string) Op { return Op{Kind: Replace, Old: q[0], New: q[1]} }},
	{pattern(`\bremplacer\s+(?:NOUN\s*:?\s*)?(Q)\s*,?\s+par\s+(?:NOUN\s*:?\s*)?(Q)`),
		func(m, q []string) Op { return Op{Kind: Replace, Old: q[0], New: q[1]} }},
	// "… et le mot : « cinq » par le mot : « six »": a second replacement,
	// its verb understood from the first
	{pattern(`\bet\s+(?:NOUN\s*:?\s*)?(Q)\s*,?\s+par\s+(?:NOUN\s*:?\s*)?(Q)`),
		func(m, q []string) Op { return Op{Kind: Replace, Old: q[0], New: q[1]} }},
	// "après le mot : « X », sont insérés les mots : « Y »"
	{pattern(`\b(après|avant)\s+(?:NOUN\s*:?\s*)?(Q)\s*,?\s*(?:il\s+)?(?:est|sont)\s+(?:insérée?s?|ajoutée?s?)\s+(?:NOUN\s*:?\s*)?(Q)`),
		func(m, q []string) Op {
			return Op{Kind: InsertWords, Anchor: q[0], New: q[1], Before: strings.EqualFold(m[1], "avant")}
		}},
	// "les mots : « Y » sont insérés après le mot : « X »", the words put
	// in named first
	{pattern(`NOUN\s*:?\s*(Q)\s*,?\s+(?:est|sont)\s+(?:insérée?s?|ajoutée?s?)\s+(après|avant)\s+(?:NOUN\s*:?\s*)?(Q)`),
		func(m, q []string) Op {
			return Op{Kind: InsertWords, Anchor: q[1], New: q[0], Before: strings.EqualFold(m[2], "avant")}
		}},
	// "il est inséré, après le mot : « X », le mot : « Y »"
	{pattern(`(?:il\s+)?(?:est|sont)\s+(?:insérée?s?|ajoutée?s?)\s*,\s*(après|avant)\s+(?:NOUN\s*:?\s*)?(Q)\s*,\s*NOUN\s*:?\s*(Q)`),
		func(m, q []string) Op {
			return Op{Kind: InsertWords, Anchor: q[0], New: q[1], Before: strings.EqualFold(m[1], "avant")}
		}},
	{pattern(`\b(?:insérer|ajouter)\s*,?\s*(après|avant)\s+(?:NOUN\s*:?\s*)?(Q)\s*,?\s*(?:NOUN\s*:?\s*)?(Q)`),
		func(m, q []string) Op {
			return Op{Kind: InsertWords, Anchor: q[0], New: q[1], Before: strings.EqualFold(m[1], "avant")}
		}},
	{pattern(`\b(?:insérer|ajouter)\s+(?:NOUN\s*:?\s*)?(Q)\s*,?\s*(après|avant)\s+(?:NOUN\s*:?\s*)?(Q)`),
		func(m, q []string) Op {
			return Op{Kind: InsertWords, Anchor: q[1], New: q[0], Before: strings.EqualFold(m[2], "avant")}
		}},
	// "est complété par un alinéa ainsi rédigé : « … »"
	{pattern(`(?:est|sont)\s+complétée?s?\s+par\s+COUNT\s+(UNIT)\s+REDIGE\s*:?\s*(QS)`),
		func(m, q []string) Op {
			return Op{Kind: Insert, Unit: unitOf(m[1]), Place: PlaceEnd, New: strings.Join(q, "\n\n"), Number: numbersOf(m[1])}
		}},
	{pattern(`\bcompléter\s+[^\x01]*?\s*par\s+COUNT\s+(UNIT)\s+(?:REDIGE\s*)?:?\s*(QS)`),
		func(m, q []string) Op {
			return Op{Kind: Insert, Unit: unitOf(m[1]), Place: PlaceEnd, New: strings.Join(q, "\n\n"), Number: numbersOf(m[1])}
		}},
	// "les dispositions de l'article 6.2 sont complétées comme suit : « … »";
	// "le deuxième alinéa est ainsi complété : « , y compris … »", words
	// that go on the sentence: quoted in lower case or after a comma, they
	// complete it, they make no alinéa of their own
	{pattern(`(?:est|sont)\s+(?:complétée?s?\s+(?:comme\s+suit|ainsi)|ainsi\s+complétée?s?)\s*:?\s*(QS)`),
		func(m, q []string) Op {
			if r, _ := utf8.DecodeRuneInString(q[0]); len(q) == 1 && (unicode.IsLower(r) || strings.ContainsRune(",;:)", r)) {
				return Op{Kind: AppendWords, New: q[0]}
			}
			return Op{Kind: Insert, Unit: UnitAlinea, Place: PlaceEnd, New: strings.Join(q, "\n\n")}
		}},
	// "… est modifié comme suit : « … »", the new text quoted at once
	{pattern(`(?:est|sont)\s+modifiée?s?\s+(?:comme\s+suit|ainsi)\s*:?\s*(QS)`),
		func(m, q []string) Op { return Op{Kind: Rewrite, New: strings.Join(q, "\n\n")} }},
	// "est complété par les mots : « … »"
	{pattern(`(?:est|sont)\s+complétée?s?\s+par\s+(?:NOUN\s*:?\s*)?(Q)`),
		func(m, q []string) Op { return Op{Kind: AppendWords, New: q[0]} }},
	// "il est inséré un article 17 bis ainsi rédigé : « … »", "sont ajoutés deux alinéas ainsi rédigés"
	{pattern(`(?:il\s+)?(?:est|sont)\s+(?:insérée?s?|ajoutée?s?|créée?s?|rétablie?s?)\s*(?:,?\s*((?:après|avant|à|au|dans)\s[^\x01]*?)\s*,?\s*)?COUNT\s+(UNIT)\s+REDIGE\s*:?\s*(QS)`),
		func(m, q []string) Op {
			return Op{Kind: Insert, Unit: unitOf(m[2]), Place: PlaceEnd, New: strings.Join(q, "\n\n"), Number: numbersOf(m[2])}
		}},
	{pattern(`(?:il\s+)?(?:est|sont)\s+(?:insérée?s?|ajoutée?s?)\s*(?:,?\s*((?:après|avant|à|au|dans)\s[^\x01]*?)\s*,?\s*)?(?:la|le|les|l')\s*(UNIT)\s+suivante?s?\s*:?\s*(QS)`),
		func(m, q []string) Op {
			return Op{Kind: Insert, Unit: unitOf(m[2]), Place: PlaceEnd, New: strings.Join(q, "\n\n"), Number: numbersOf(m[2])}
		}},
	{pattern(`\b(?:insérer|ajouter)\s+COUNT\s+(UNIT)\s+(?:REDIGE\s*)?:?\s*(QS)`),
		func(m, q []string) Op {
			return Op{Kind: Insert, Unit: unitOf(m[1]), Place: PlaceEnd, New: strings.Join(q, "\n\n"), Number: numbersOf(m[1])}
		}},
	// "sont insérés les mots : « … »" with no anchor: at the end, or at the start
	// when the target says "au début"; "À la fin du premier alinéa, les
	// mots : « … » sont ajoutés", the words named first
	{pattern(`(?:il\s+)?(?:est|sont)\s+(?:insérée?s?|ajoutée?s?)\s+NOUN\s*:?\s*(Q)`),
		func(m, q []string) Op { return Op{Kind: AppendWords, New: q[0]} }},
	{pattern(`NOUN\s*:?\s*(Q)\s*,?\s+(?:est|sont)\s+(?:insérée?s?|ajoutée?s?)\b`),
		func(m, q []string) Op { return Op{Kind: AppendWords, New: q[0]} }},
	// "est ainsi rédigé : « … »", "rédiger ainsi cet article : « … »"
	{pattern(`(?:est|sont)\s+(?:ainsi\s+(?:rédigée?s?|libellée?s?|conçue?s?)|rédigée?s?\s+(?:comme\s+suit|ainsi))\s*:?\s*(QS)`),
		func(m, q []string) Op { return Op{Kind: Rewrite, New: strings.Join(q, "\n\n")} }},
	{pattern(`\brédiger\s+ainsi\s+[^\x01]*?:?\s*(QS)`),
		func(m, q []string) Op { return Op{Kind: Rewrite, New: strings.Join(q, "\n\n")} }},
	// "le tarif de la ligne G est remplacé par « 31,50 € »": the price
	// the row holds, named by no quotation of its own; the row is named
	// inside the form.
	{pattern(`\b(?:le|son)\s+(?:tarif|montant|prix)\b([^\x01]*?)\s+est\s+remplacé\s+par\s+(?:(?:le\s+tarif|le\s+montant|la\s+somme)\s*:?\s*)?(Q)`),
		func(m, q []string) Op { return Op{Kind: Replace, New: q[0], Price: true} }},
	// "les mots « X » sont supprimés", "supprimer les mots « X »"
	{pattern(`(?:NOUN\s*:?\s*)?(Q)\s*,?\s+(?:est|sont)\s+supprimée?s?`),
		func(m, q []string) Op { return Op{Kind: DeleteWords, Old: q[0]} }},
	{pattern(`\bsupprimer\s+(?:NOUN\s*:?\s*)?(Q)`),
		func(m, q []string) Op { return Op{Kind: DeleteWords, Old: q[0]} }},
	// "l'article 15 est abrogé", "la ligne IK est supprimée", "supprimer cet article"
	{pattern(`(?:est|sont)\s+(?:abrogée?s?|supprimée?s?)`),
		func(m, q []string) Op { return Op{Kind: Repeal} }},
	{pattern(`^\s*(?:supprimer|abroger)\b`),
		func(m, q []string) Op { return Op{Kind: Repeal} }},
}

// valueForms quote nothing and need no verb of amending: parse reads them
// after opForms, in an instruction naming a row, but Amends, which reads
// an article for instructions only behind the few stems mayInstruct gates
// on (gate.go), does not, and an avenant of such articles alone is not
// told from a text by diff.
var valueForms = []opForm{
	// "le tarif de la ligne G est porté à 32 €": the row's one price set,
	// unquoted, the sentence ending with it (a date after it, "à compter
	// du…", is no part of a row's price).
	{pattern(`\b(?:le|son)\s+(?:tarif|montant|prix)\b([^\x01]*?)\s+est\s+(?:porté|fixé|revalorisé|remplacé\s+par)\s+(?:à\s+)?(\d{1,3}(?:[\s\x{a0}\x{202f}]?\d{3})*(?:,\d{1,2})?\s?(?:€|euros?|EUR))\s*[.;]?\s*$`),
		func(m, q []string) Op { return Op{Kind: Replace, New: m[2], Price: true, Unquoted: true} }},
}

// parseForms are the forms parseOps reads, in order.
var parseForms = slices.Concat(opForms, valueForms)

// renumberForm reads "l'article N devient l'article M", "l'annexe 2
// devient l'annexe 3", "l'article 2 de l'annexe 1 devient l'article 3 de
// l'annexe 1": the op names its own target.
var renumberForm = pattern(`\b(articles?|annexes?)\s+(NUMLIST|ANNEXLIST)(INANNEX)?\s+(?:devient|deviennent)\s+(?:respectivement\s+)?l(?:'|es\s+)(articles?|annexes?)\s+(NUMLIST|ANNEXLIST)(INANNEX)?`)

// renumbered is what a renumbering names: a kind, numbers, and for
// articles the annex they are in ("de l'annexe 1").
type renumbered struct{ kind, numbers, annex string }

// renumberOp reads the old and new numbers of a renumbering: one article
// or annex, a list ("26.2 et 26.3 deviennent respectivement 26.3 et
// 26.4") or a range ("19.2 à 19.5 deviennent 19.3 à 19.6"). An article
// keeps its place: named in an annex, it is renumbered there, and an
// article cannot become an annex, nor move to another annex, by a new
// number.
func renumberOp(from, to renumbered) (Op, error) {
	kind := clause.KindArticle
	if strings.HasPrefix(strings.ToLower(from.kind), "annexe") {
		kind = clause.KindAnnex
	}
	toKind := strings.HasPrefix(strings.ToLower(to.kind), "annexe")
	switch {
	case toKind != (kind == clause.KindAnnex):
		return Op{}, errf("makes %s %s %s %s: only a number changes", from.kind, from.numbers, to.kind, to.numbers)
	case to.annex != "" && clause.NormalizeNumber(to.annex) != clause.NormalizeNumber(from.annex):
		return Op{}, errf("moves %s %s to annexe %s: a new number keeps an article where it is", from.kind, from.numbers, to.annex)
	}
	target := Target{Kind: kind, InAnnex: from.annex != "", Annex: from.annex}
	if f, t, ok := cutRange(from.numbers); ok {
		nf, nt, ok := cutRange(to.numbers)
		if !ok {
			return Op{}, errf("renumbers the %s %s as %s: give a range for a range", from.kind, from.numbers, to.numbers)
		}
		target.Number = f
		return Op{Kind: Renumber, Targets: []Target{target}, Through: t, Numbers: []string{nf, nt}}, nil
	}
	olds, news := splitList(from.numbers), splitList(to.numbers)
	if len(olds) != len(news) {
		return Op{}, errf("renumbers %d %s (%s) with %d numbers (%s)", len(olds), from.kind, from.numbers, len(news), to.numbers)
	}
	op := Op{Kind: Renumber, Numbers: news}
	for _, n := range olds {
		target.Number = n
		op.Targets = append(op.Targets, target)
	}
	return op, nil
}

// submatches are the texts of the groups of a match located by ix, ""
// for a group that took no part in it.
func submatches(s string, ix []int) []string {
	groups := make([]string, len(ix)/2)
	for g := range groups {
		if ix[2*g] >= 0 {
			groups[g] = s[ix[2*g]:ix[2*g+1]]
		}
	}
	return groups
}

// inAnnexNumber reads the number of the annex named in ", de l'annexe 1".
func inAnnexNumber(s string) string {
	if k := strings.LastIndex(strings.ToLower(s), "annexe"); k >= 0 {
		return strings.TrimSpace(s[k+len("annexe"):])
	}
	return ""
}

var rangeSep = lazy(`\s+à\s+`)

// cutRange splits "19.2 à 19.5".
func cutRange(s string) (from, to string, ok bool) {
	parts := rangeSep.Split(s, 2)
	if len(parts) != 2 {
		return "", "", false
	}
	return parts[0], parts[1], true
}

// found is an operation parseOps read, at where its form starts.
type found struct {
	at int
	op Op
}

// parseOps reads one instruction, its frame normalised.
func parseOps(frame string, ctx Target, last *Target, quotes []string) ([]Op, error) {
	var ops []found
	frame, times, nth, err := cutCounts(frame)
	if err != nil {
		return nil, err
	}
	// A table's name is no quotation an operation takes.
	rest, table := cutTableName(labelRows(partAsRewrite(frame), quotes), quotes)
	rest, ops, err = renumbersAndMoves(rest)
	if err != nil {
		return nil, err
	}
	midLocation := ""
	for _, f := range parseForms {
		for _, m := range f.re.FindAllStringSubmatchIndex(rest, -1) {
			groups := submatches(rest, m)
			op := f.make(groups, quotesIn(rest[m[0]:m[1]], quotes))
			if err := countQuoted(rest[m[0]:m[1]], op); err != nil {
				return nil, err
			}
			// "il est inséré, après l'article 17, un article…": the
			// place sits inside the form.
			if op.Kind == Insert && len(groups) > 3 && groups[1] != "" || op.Price {
				midLocation += " " + groups[1]
			}
			ops = append(ops, found{m[0], op})
		}
		rest = cut(rest, f.re)
	}
	if len(ops) == 0 {
		return nil, errf("instruction not understood: %s", shorten(restoreQuotes(frame, quotes)))
	}
	if err := unread(rest); err != nil {
		return nil, err
	}
	sort.SliceStable(ops, func(i, j int) bool { return ops[i].at < ops[j].at })
	locText := rest + " ¦ " + midLocation
	targets, err := parseLocation(locText, ctx, last)
	labelled(targets, last, quotes)
	if err == nil {
		targets, err = inTable(targets, table)
	}
	if err != nil {
		return nil, err
	}
	code, targets := amendedCode(ctx, targets)
	if locText, err = partOf(locText, quotes, ops, targets); err != nil {
		return nil, err
	}
	words := anchorWords.FindStringSubmatch(locText)
	if locText, err = located(locText, targets, words != nil, quotes); err != nil {
		return nil, err
	}
	if err := countTimes(ops[0].op.Kind, len(ops), times, targets); err != nil {
		return nil, err
	}
	if err := rankOccurrence(ops[0].op, len(ops), nth, targets); err != nil {
		return nil, err
	}
	place := placeOf(locText)
	out := make([]Op, len(ops))
	for i, f := range ops {
		op := f.op
		op.Code = code
		if op.Kind == Renumber && op.Points[0] == nil || op.Kind == Move {
			out[i] = ownTargets(op, ctx)
			continue
		}
		if len(targets) == 0 && !(op.Kind == Insert && (op.Unit == UnitArticle || op.Unit == UnitAnnex)) {
			return nil, errf("names no article, annex or row to amend")
		}
		op.Targets = targets
		if words != nil {
			for k := range op.Targets {
				op.Targets[k].Words = quotesIn(words[0], quotes)[0]
			}
		}
		if op.Kind == Insert && place != "" {
			op.Place = place
		}
		if op.Kind == AppendWords && place == PlaceStart {
			op.Kind, op.Before = InsertWords, true
		}
		if op.Kind == Insert && op.Unit == UnitArticle && op.Number == "" {
			op.Number = firstArticleNumber(op.New)
		}
		out[i] = op
	}
	return out, nil
}

// renumbersAndMoves reads the renumberings and moves of rest, which name
// their own targets, and returns rest without them.
func renumbersAndMoves(rest string) (string, []found, error) {
	var ops []found
	for _, ix := range renumberForm.FindAllStringSubmatchIndex(rest, -1) {
		m := submatches(rest, ix)
		op, err := renumberOp(renumbered{m[1], m[2], inAnnexNumber(m[3])}, renumbered{m[4], m[5], inAnnexNumber(m[6])})
		if err != nil {
			return "", nil, err
		}
		ops = append(ops, found{ix[0], op})
	}
	rest = cut(rest, renumberForm)
	for _, ix := range pointRenumberForm.FindAllStringSubmatchIndex(rest, -1) {
		op, err := pointRenumberOp(submatches(rest, ix))
		if err != nil {
			return "", nil, err
		}
		ops = append(ops, found{ix[0], op})
	}
	rest = cut(rest, pointRenumberForm)
	for _, ix := range moveForm.FindAllStringSubmatchIndex(rest, -1) {
		ops = append(ops, found{ix[0], moveOp(submatches(rest, ix))})
	}
	return cut(rest, moveForm), ops, nil
}

// ownTargets places the articles a renumbering or a move names itself
// in the annex the lead-in ctx names ("L'annexe 1 est ainsi modifiée :").
func ownTargets(op Op, ctx Target) Op {
	for k := range op.Targets {
		if t := &op.Targets[k]; t.Kind == clause.KindArticle && !t.InAnnex {
			t.placeInLeadIn(ctx)
		}
	}
	if t := op.To; t != nil && t.Kind == clause.KindArticle && !t.InAnnex {
		t.placeInLeadIn(ctx)
	}
	return op
}

// cutCounts takes out of frame how many places its words stand (cutTimes)
// and which of them it changes (cutOccurrence).
func cutCounts(frame string) (rest string, times, nth int, err error) {
	if rest, times, err = cutTimes(frame); err != nil {
		return "", 0, 0, err
	}
	rest, nth, err = cutOccurrence(rest)
	return rest, times, nth, err
}

// amendedCode is the code an instruction amends, named by it or by its
// lead-in ctx, and its targets but one that names the code and nothing in
// it. The code goes with every operation, those that name no clause (an
// article created by its number) too.
func amendedCode(ctx Target, targets []Target) (string, []Target) {
	code := ctx.Code
	for _, t := range targets {
		if t.Code != "" {
			code = t.Code
		}
	}
	return code, slices.DeleteFunc(targets, func(t Target) bool { return !t.named() })
}

// timesForm reads how many times an instruction's words stand: "(deux
// fois)", ", trois fois,", "à chaque occurrence". Go's \b knows ASCII
// letters only, and no boundary stands before "à" after a space: "à" is
// told from the end of a word by what may precede it.
var timesForm = pattern(`\s*,?\s*\(?\s*(?:\b(CARDINAL|\d+)\s+fois|(?:^|[\s,(])à\s+chaque\s+occurrence)\b\s*\)?\s*,?`)

// cutTimes takes out of frame the count of the places its words stand,
// which would split a form ("est remplacé, trois fois, par"): 0 when it
// says none, -1 for every place.
func cutTimes(frame string) (string, int, error) {
	rest, m, err := cutOne(frame, timesForm, "says twice how many times words stand")
	if err != nil || m == nil {
		return rest, 0, err
	}
	n := -1
	if m[2] >= 0 {
		w := strings.ToLower(frame[m[2]:m[3]])
		if w == "un" || w == "une" {
			return frame, 0, nil // "une fois" tells when, not how many times
		}
		if n, err = strconv.Atoi(w); err != nil {
			n, _ = frtext.Cardinal(strings.FieldsFunc(w, func(r rune) bool { return r == '-' || unicode.IsSpace(r) }))
		}
		if n < 1 {
			return "", 0, errf("words cannot stand %s times", w)
		}
	}
	return rest, n, nil
}

// cutOne cuts out of frame the one place re matches, located by ix (nil
// when re matches nowhere); a second place is refused, saying twice.
func cutOne(frame string, re *lazyRegexp, twice string) (rest string, ix []int, err error) {
	ms := re.FindAllStringSubmatchIndex(frame, 2)
	switch {
	case len(ms) == 0:
		return frame, nil, nil
	case len(ms) > 1:
		return "", nil, errf("%s: write one instruction for each", twice)
	}
	m := ms[0]
	return frame[:m[0]] + " " + frame[m[1]:], m, nil
}

// countTimes gives the targets the count of places an instruction's words
// stand, refused unless its one operation works on words.
func countTimes(kind OpKind, ops, times int, targets []Target) error {
	if times == 0 {
		return nil
	}
	if ops > 1 || kind != Replace && kind != DeleteWords && kind != InsertWords {
		return errf("says how many times words stand beside no single operation on words: write one instruction for each")
	}
	for k := range targets {
		targets[k].Times = times
	}
	return nil
}

// occurrenceForm reads which of the places words stand an instruction
// means: "la première occurrence du mot « X » est remplacée", "le mot
// « X » est supprimé à sa dernière occurrence", "…, dans sa deuxième
// occurrence, …". "à" is told from the end
// of a word as in timesForm.
var occurrenceForm = pattern(`\s*,?\s*(?:(?:^|[\s,(])(?:à|dans|pour)\s+)?\b(?:la|sa|leur)\s+(ORD)\s+occurrences?(?:\s+(?:du|des|de\s+la|de\s+l'|de|d')\s*(?:(?:mots?|termes?|expression)\b)?)?\s*,?`)

// cutOccurrence takes out of frame the rank of the place its words stand
// that it names (1 for the first, -1 for the last), 0 when it names none.
func cutOccurrence(frame string) (string, int, error) {
	rest, m, err := cutOne(frame, occurrenceForm, "names two occurrences of words")
	if err != nil || m == nil {
		return rest, 0, err
	}
	n, err := readRank(frame[m[2]:m[3]], "occurrence")
	if err != nil {
		return "", 0, err
	}
	return rest, n, nil
}

// rankOccurrence gives the targets the rank of the place an instruction's
// words stand, refused unless its one operation works on words it finds
// (not words appended) and says no count.
func rankOccurrence(op Op, ops, nth int, targets []Target) error {
	if nth == 0 {
		return nil
	}
	if ops > 1 || op.Kind != Replace && op.Kind != DeleteWords && !(op.Kind == InsertWords && op.Anchor != "") {
		return errf("names an occurrence of words beside no single operation on words: write one instruction for each")
	}
	for k := range targets {
		if targets[k].Times != 0 {
			return errf("names an occurrence of words and how many times they stand: write one instruction for each")
		}
		targets[k].Occurrence = nth
	}
	return nil
}

// anchorWords reads an alinéa located by words it holds: "après les
// termes « … »".
var anchorWords = pattern(`\b(?:après|avant)\s+NOUN\s*:?\s*Q`)

// cut blanks out what re matches, keeping a separator so that the words
// on each side do not join.
func cut(s string, re *lazyRegexp) string { return re.ReplaceAllString(s, " ¦ ") }

// unread is the error of an instruction of which its forms left part
// unread, rest being what they left of it: the verb of an operation none
// of them reads.
func unread(rest string) error {
	if m := leftOperation.FindStringSubmatch(rest); m != nil {
		return errf("part of the instruction is in no form read (%s): write it as an instruction of its own, in a form avenant reads", m[1])
	}
	return nil
}

// located checks that the location loc names only what its targets
// locate (locates), and holds no quotation left unread; it returns loc
// without the words that locate an alinéa.
func located(loc string, targets []Target, words bool, quotes []string) (string, error) {
	if err := locates(loc, targets, words); err != nil {
		return "", err
	}
	loc = anchorWords.ReplaceAllString(loc, " ¦ ")
	if left := placeholderRe.FindString(loc); left != "" {
		return "", errf("the quotation %s is part of no instruction understood", shorten(restoreQuotes(left, quotes)))
	}
	return loc, nil
}

// leftOperation matches, in what the forms of an instruction left, the
// verb of an operation none of them read ("et la durée est portée à cinq
// jours", "et le second alinéa est transféré…"): what is left names the
// target, and such words would be dropped, or read as naming it. A lead-in
// ("L'article 14 est ainsi modifié :") is no operation.
var leftOperation = lazy(`(?i)(?:^|[^\pL])((?:est|sont)\s+(?:(?:désormais|ainsi|respectivement|également)\s+)?(?:remplac|insér|supprim|abrog|rédig|complét|ajout|port|fix|revaloris|déplac|transfér|substitu|cré|rétabli|renumérot|major|minor|augment|rédui|diminu|abaiss|relev|ramen)[\pL]*)(?:[^\pL]|$)`)

var (
	placeAfter  = lazy(`(?i)\baprès\s+(?:l'|les?\b|la\b|le\b)`)
	placeBefore = lazy(`(?i)\bavant\s+(?:l'|les?\b|la\b|le\b)`)
	placeStart  = lazy(`(?i)\bau\s+début\b`)
	placeEnd    = lazy(`(?i)(?:^|[^\pL])à\s+la\s+fin\b`)
)

func placeOf(s string) Place {
	switch {
	case placeAfter.MatchString(s):
		return PlaceAfter
	case placeBefore.MatchString(s):
		return PlaceBefore
	case placeStart.MatchString(s):
		return PlaceStart
	case placeEnd.MatchString(s):
		return PlaceEnd
	}
	return ""
}

// firstArticleNumber reads the number of the article a quotation opens
// with ("Article 17 bis - …", "Art. 17 bis. - …").
var articleHead = pattern(`^\s*(?:article|art\.)\s+(NUM)`)

func firstArticleNumber(q string) string {
	if m := articleHead.FindStringSubmatch(q); m != nil {
		return m[1]
	}
	return ""
}

// announced reads the number of units an insertion or a rewriting says it
// quotes: "par deux alinéas ainsi rédigés", "un troisième alinéa", "trois
// articles".
var announced = pattern(`\b(CARDINAL|\d+)\s+(?:ORD\s+)?(?:nouve(?:l|aux|lles?)\s+)?(alinéa|phrase|article|ligne)s?\b`)

// countQuoted refuses an instruction whose quotation holds another number
// of alinéas, sentences, articles or rows than it announces ("complété par
// deux alinéas ainsi rédigés" and three quoted): which of them the drafter
// meant is not for avenant to guess.
func countQuoted(form string, op Op) error {
	if op.Kind != Insert && op.Kind != Rewrite || op.New == "" {
		return nil
	}
	m := announced.FindStringSubmatch(form)
	if m == nil {
		return nil
	}
	want, ok := frtext.Cardinal(strings.FieldsFunc(strings.ToLower(m[1]), func(r rune) bool { return r == ' ' || r == '-' }))
	if n, err := strconv.Atoi(m[1]); err == nil {
		want, ok = n, true
	}
	if !ok {
		return nil
	}
	all := span{0, len(op.New)}
	var got int
	switch strings.ToLower(m[2]) {
	case "alinéa":
		got = len(alineas(op.New, all))
	case "phrase":
		got = len(phrases(op.New, all))
	case "article":
		got = len(quotedArticles(op.New, ""))
	case "ligne":
		for _, line := range strings.Split(op.New, "\n") {
			if strings.TrimSpace(line) != "" {
				got++
			}
		}
	}
	if got != want {
		return errf("announces %s %s, and quotes %d", m[1], m[2]+plural(want), got)
	}
	return nil
}

func plural(n int) string {
	if n > 1 {
		return "s"
	}
	return ""
}
