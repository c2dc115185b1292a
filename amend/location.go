package amend

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/frtext"
)

// articlesSource is locArticles; locArticlesHere, the same anchored, is
// tried where "article" starts a word (articlesNamed).
const articlesSource = `\barticles?\s+(NUMLIST)(\s+du\s+code\b[^,¦]*)?`

var locArticlesHere = pattern(`^(?:` + articlesSource + `)`)

// codeNameEnd is where the verb after a code's name starts ("du code de
// la sécurité sociale est ainsi modifié :").
var codeNameEnd = pattern(`\s(?:est|sont|a|ont|devient|deviennent)\b`)

var (
	locArticles = pattern(articlesSource)
	locSame     = pattern(`\b(?:même|cet|ce)\s+article\b`)
	// A convention says "paragraphe" for an alinéa; a code numbers its
	// Paragraphe divisions ("paragraphe 2"), never ranks them.
	locAlinea  = pattern(`\b(ORD)\s+(?:alinéas?|paragraphes?)\b|\balinéa\s+(\d+)\b`)
	locPhrase  = pattern(`\b(ORD)\s+phrases?\b`)
	locAlineas = pattern(`\bORD\s*(?:,|\bet\b|\sà\s)\s*(?:ORD\s*(?:,|\bet\b|\sà\s)\s*)*ORD\s+(?:alinéas|paragraphes)\b|\b(?:premiers|premières|derniers|dernières)\s+(?:alinéas|paragraphes)\b`)
	locPhrases = pattern(`\bORD\s*(?:,|\bet\b|\sà\s)\s*(?:ORD\s*(?:,|\bet\b|\sà\s)\s*)*ORD\s+phrases\b|\b(?:premières|dernières)\s+phrases\b`)
	// Several points named at once ("les 2° et 3°", "des 1° à 3°").
	locPointList = pattern(`\b(?:les|des|aux)\s+POINT\s*(?:(?:,|\bet\b|\sà\s)\s*POINT\s*)+`)
	locPoints    = pattern(`\b(?:au|du|le|les|aux|des|dans\s+le)\s+(\d+°(?:\s+LATIN\b)?|(?-i:[a-z])\)|(?-i:[IVX]+)\b)`)
	locPreamble  = pattern(`\bpréambule\b`)
	locAnnex     = pattern(`\b(?:l')?annexes?(?:\s+((?-i:[IVXLC]+)\b|\d+))?`)
	// An article of an annex: "l'article 2 de l'annexe 1".
	locInAnnex = pattern(`\barticles?\s+NUMLIST\s*,?\s+(?:de|à)\s+l'annexe(?:\s+(ANNEXNUM))?`)
	// An article of an annex named by what it is: "l'article 2 du
	// règlement arbitral annexé à la présente convention".
	locInAnnexed = pattern(`\barticles?\s+NUMLIST\s*,?\s+(?:du|de\s+la|de\s+l')\s*((?:[\pL-]+\s+){0,5}?[\pL-]+)\s+annexée?`)
	locRows      = pattern(`\blignes?\s+((?-i:[A-Z][A-Z0-9]*)(?:\s*(?:,|et)\s*(?-i:[A-Z][A-Z0-9]*))*)`)
	locTable     = pattern(`\btableau\b`)
	locHeading   = pattern(`\bintitulé|\btitre\s+(?:de\s+l'article|du\s+chapitre|de\s+la\s+section)`)
	locTitle     = pattern(`\btitre\s+((?-i:[IVXLC]+)\b|\d+|premier|1er)`)
	locChapter   = pattern(`\bchapitre\s+((?-i:[IVXLC]+)\b|\d+|premier|1er)`)
	locSection   = pattern(`\bsection\s+((?-i:[IVXLC]+)\b|\d+|première|1re)`)
	// A line or a column of a table, or of the printed page, named by
	// its rank: no rank of either is kept.
	locLineRank   = pattern(`\b(?:ORD)\s+(?:lignes?|colonnes?)\b`)
	locEverywhere = pattern(`(?:^|[^\pL\d])(?:dans|à)\s+l'ensemble\s+d(?:e\s+la|e\s+l'|u|es)\b|\bpartout\s+où\s|\bdans\s+(?:tout\s+le|toute\s+la|tout\s+l')`)
	listSep       = lazy(`\s*(?:,|\bet\b)\s*`)
	// numberGoesOnAfter matches what would go on an article number past
	// the end NUM read: capitals ("2 bis AAAA") or a Latin adverb it does
	// not know. Read as the number before it, the instruction amended
	// article 2 bis.
	numberGoesOnAfter = lazy(`^\s+(?:[A-Z]+\b|[a-z]+(?:ies|bis|ter)\b)`)
)

// quotedRows is a list of rows named after "ligne(s)", quoted or not ("à
// la ligne « G »", "aux lignes « G » et « GS »").
var quotedRows = lazy(`(?i)\blignes?\s+(?:(?:(?-i:[A-Z][A-Z0-9]*)|\x01\d+\x02)\s*(?:,|\bet\b)\s*)*\x01\d+\x02`)

// unquoteRowCodes writes the act codes quoted after "ligne" as a row is
// named without quotes, so that the quotation is read as the row's name,
// not as words of an operation. A quotation that is no code stays. One
// pass over the frame, however many rows it names.
func unquoteRowCodes(frame string, quotes []string) string {
	if strings.IndexByte(frame, quoteOpen) < 0 {
		return frame
	}
	return quotedRows.ReplaceAllStringFunc(frame, func(list string) string {
		return placeholderRe.ReplaceAllStringFunc(list, func(ph string) string {
			n, err := strconv.Atoi(ph[1 : len(ph)-1])
			if err != nil || n >= len(quotes) || !isCode(strings.TrimSpace(quotes[n])) {
				return ph
			}
			return strings.TrimSpace(quotes[n])
		})
	})
}

// isCode reports an act code as rows are named: a capital, then capitals
// and digits.
func isCode(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if (s[i] < 'A' || s[i] > 'Z') && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// parseLocation reads where an instruction applies from the words no
// operation took ("Au deuxième alinéa de l'article 19.4,"), completing
// them with the lead-in's target ctx: a point, alinéa or sentence named
// alone is one of the clause ctx names. Several articles or rows ("aux
// lignes G, GS et TCG") give one target each.
// "Partout où il figure", "dans l'ensemble de" name the whole text only
// when they name no clause, nor does the lead-in: "Au premier alinéa de
// l'article 9, partout où il figure, le mot…" is every place in that
// alinéa, not in the text.
func parseLocation(s string, ctx Target, last *Target) ([]Target, error) {
	s = uncite(s)
	if err := namedApart(s); err != nil {
		return nil, err
	}
	targets, err := sameUnit(s, last)
	if targets == nil && err == nil {
		targets, err = parseClauses(s, ctx, last)
	}
	if err == nil && len(targets) > 0 && last != nil {
		*last = targets[len(targets)-1]
	}
	if err != nil || !locEverywhere.MatchString(s) {
		return targets, err
	}
	if len(targets) == 0 {
		return []Target{{Everywhere: true}}, nil
	}
	for k := range targets {
		targets[k].Times = -1
	}
	return targets, nil
}

// namedApart refuses a sentence that names articles, or rows, in two
// places ("À l'article 12, le mot … est remplacé … et, à l'article 13, le
// mot … est supprimé"): which operation goes with which is not read, and
// taken as the first named for all, the second operation changed article
// 12. A list names them in one place ("aux articles 12 et 13"); an article
// the instruction cites ("dans les conditions prévues à l'article 14") is
// no place it names, and parseLocation has taken it out (uncite).
func namedApart(s string) error {
	var apart []string
	ms, _ := articlesNamedAt(s)
	for _, m := range ms {
		apart = append(apart, strings.TrimSpace(m[0]))
	}
	if len(apart) < 2 {
		apart = apart[:0]
		for _, m := range locRows.FindAllStringSubmatch(s, 3) {
			apart = append(apart, m[0])
		}
		for range locRowLabel.FindAllStringIndex(s, 3) {
			apart = append(apart, "a row named by its label")
		}
	}
	if len(apart) > 1 {
		return errf("names %s apart in one sentence: write one instruction for each, or name them in one list (« aux articles 12 et 13 », « aux lignes G et VG »)", strings.Join(apart, ", "))
	}
	return nil
}

// locSameUnit names the alinéa or sentence the instruction before named:
// "le même alinéa", "à la même phrase", "de cet alinéa".
var locSameUnit = pattern(`\b(?:même|cet|cette)\s+(alinéa|paragraphe|phrase)\b`)

// sameUnit reads a target named as the alinéa or sentence of the
// instruction before ("Le même alinéa est complété par une phrase…"): that
// instruction's target, narrowed by a sentence named with it ("à la
// deuxième phrase du même alinéa"). Read as no alinéa named, it was the
// whole article, and the sentence went to the end of its last alinéa. An
// instruction before that named no such unit is an error; nil, nil when s
// names none.
func sameUnit(s string, last *Target) ([]Target, error) {
	m := locSameUnit.FindStringSubmatch(s)
	if m == nil {
		return nil, nil
	}
	phrase := strings.EqualFold(m[1], "phrase")
	if last == nil || last.Alinea == 0 && !phrase || last.Phrase == 0 && phrase {
		return nil, errf("names « %s », but the instruction before names no %s: name it", m[0], m[1])
	}
	t := *last
	t.Words, t.Times, t.Occurrence = "", 0, 0
	if !phrase {
		t.Phrase = 0
		if p := locPhrase.FindStringSubmatch(s); p != nil {
			n, err := readRank(p[1], "phrase")
			if err != nil {
				return nil, err
			}
			t.Phrase = n
		}
	}
	return []Target{t}, nil
}

// codeNamed matches a code an instruction names as the text it amends:
// "du code de la sécurité sociale", "Le code de la santé publique est ainsi
// modifié", "Au code du travail, il est inséré…"; a word follows "code",
// not a quotation (« le code « G » est remplacé »: an act code).
var codeNamed = pattern(`\b(?:le|du|au)\s+(code\s+[\pL'][^,;:¦\x01]*)`)

// textNamed matches another text than a code an instruction names as the
// one it amends: the text whose article it names ("l'article 4 de la
// Constitution", "de l'article 3 de l'ordonnance n° 58-1100…"), or the
// subject of its lead-in ("Le décret n° 2010-1 … est ainsi modifié :").
// A division of such a text is named so too ("Le chapitre II du titre II
// de la loi organique n° 2001-692 … est ainsi modifié :"): read as
// naming none, the points under it amended the text given, "après le
// même article 11, il est inséré un article 11-1" its article 11.
// Elsewhere in an instruction, a loi or a décret is one it cites. A
// convention, an accord, a protocole… is another text when a name of its
// own follows its kind ("la convention nationale des infirmiers"): bare,
// it is the text amended (codeOf).
var textNamed = pattern(`(?:\barticles?\s+NUMLIST\s+(?:de\s+la\s+|du\s+|de\s+l'\s*)|\b(?:chapitre|titre|section|sous-section|livre|partie|annexe)\s+(?:[\dIVXLC]+(?:er|re)?|premier|première|unique)\s+(?:de\s+la\s+|du\s+|de\s+l'\s*)|^\s*(?:(?:à|dans)\s+)?(?:la\s+|le\s+|au\s+|l'\s*))((?-i:Constitution)\b|(?:loi|ordonnance|décret|arrêté)\s+(?:organique\s+)?(?:n°|du\s+\d)[^,;:¦\x01]*|(?:convention|accord|avenant|protocole|contrat|traité|directive)\b[^,;:¦\x01]*)`)

// sameText matches a code, a loi, an ordonnance, a décret or an arrêté
// named as the one an instruction before named ("l'article L. O. 135-2
// du même code", "dudit code", "de la même loi"). Read as naming none,
// "l'article 3 du même code" amended the article 3 of the text given.
var sameText = pattern(`\b(?:du\s+même|dudit)\s+(?:code|décret|arrêté)\b|\bde\s+(?:la\s+même|ladite)\s+(?:loi|ordonnance)\b|\bde\s+(?:l'\s*ordonnance|l'\s*arrêté)\s+(?:précitée?|susvisée?)`)

// citedAs is how a text named in the instruction that amends it says it
// was named before ("l'arrêté du 13 novembre 1998 susvisé"): not part of
// its name.
var citedAs = pattern(`\s+(?:susvisée?s?|précitée?s?|modifiée?s?)\s*$`)

// codeOf is the name of the code, or of another text, s names as the text
// it amends, without the verb after it ("code de la sécurité sociale",
// "loi n° 2004-810 du 13 août 2004"), "" when it names none.
func codeOf(s string) string {
	m := codeNamed.FindStringSubmatch(s)
	if m == nil {
		if m = textNamed.FindStringSubmatch(s); m == nil {
			return ""
		}
	}
	code := m[1]
	if k := codeNameEnd.FindStringIndex(code); k != nil {
		code = code[:k[0]]
	}
	code = citedAs.ReplaceAllString(strings.TrimSpace(code), "")
	if namedKind(code) != "" && len(nameWords(code)) < 2 {
		return ""
	}
	return code
}

// parseClauses is parseLocation but for the whole text.
func parseClauses(s string, ctx Target, last *Target) ([]Target, error) {
	var t Target
	var numbers, rows []string
	if list, err := articleList(s); err != nil {
		return nil, err
	} else if list != "" {
		numbers = splitList(list)
		t.Kind = clause.KindArticle
		if err := t.placeInAnnex(s, ctx); err != nil {
			return nil, err
		}
	} else if locSame.MatchString(s) && last != nil && last.Kind == clause.KindArticle {
		t.Kind, t.Number = clause.KindArticle, last.Number
	}
	if m := locRows.FindStringSubmatch(s); m != nil {
		rows = splitList(m[1])
	} else if m := locRowLabel.FindStringSubmatch(s); m != nil {
		rows = splitList(m[1])
	}
	if t.Kind == "" {
		t.readDivision(s)
	}
	if t.Code = codeOf(s); t.Code == "" {
		t.Code = ctx.Code
	}
	if m := sameText.FindString(s); m != "" && t.Code == "" {
		// "l'article 3 du même code": the text the instruction
		// before named, never the one amended by default.
		if last == nil || last.Code == "" {
			return nil, errf("names « %s », but no instruction before names a text other than this one: name it", strings.TrimSpace(m))
		}
		t.Code = last.Code
	}
	t.Heading = locHeading.MatchString(s)
	t.Table = rows == nil && locTable.MatchString(s)
	if m := locLineRank.FindString(s); m != "" {
		return nil, errf("names a line or a column by its rank (%s), which no text keeps: name a row by its act code (« après la ligne G »), words by their alinéa", m)
	}
	if err := t.readRanks(s); err != nil {
		return nil, err
	}
	if t.Kind == "" && rows == nil {
		// Nothing named: the lead-in's clause, narrowed by what was.
		base := ctx
		if len(t.Point) > 0 || t.Points != nil {
			base.Point = append(append([]string(nil), ctx.Point...), t.Point...)
			base.Points = t.Points
			base.Alinea, base.Phrase = 0, 0
		}
		if t.Alinea != 0 || t.Alineas != nil {
			base.Alinea, base.Alineas, base.Phrase = t.Alinea, t.Alineas, 0
		}
		if t.Phrase != 0 {
			base.Phrase = t.Phrase
		}
		base.Heading = base.Heading || t.Heading
		base.Table = base.Table || t.Table
		base.Code = t.Code
		if !base.named() && base.Code == "" {
			return nil, nil
		}
		return []Target{base}, nil
	}
	var out []Target
	switch {
	case rows != nil:
		annex := ""
		if t.Kind == clause.KindAnnex {
			annex = t.Number
		} else if ctx.Kind == clause.KindAnnex {
			annex = ctx.Number
		}
		for _, r := range rows {
			rt := t
			rt.Kind, rt.Number, rt.Row = clause.KindAnnex, annex, r
			out = append(out, rt)
		}
	case numbers != nil:
		for _, n := range numbers {
			at := t
			at.Number = n
			if from, to, ok := cutRange(n); ok {
				at.Number, at.Through = from, to
			}
			out = append(out, at)
		}
	default:
		out = append(out, t)
	}
	if last != nil && len(out) > 0 {
		*last = out[len(out)-1]
	}
	return out, nil
}

// pointsNamed are the points s names, outermost first: a Roman numeral
// holds a 1°, which holds an a), however the instruction orders them ("au
// 2° du I", "Au I, après le 2°"). Read in the reverse order of the words,
// "Au I, après le 2°" looked for an I inside the 2°.
func pointsNamed(s string) []string {
	var points []string
	for _, m := range locPoints.FindAllStringSubmatch(s, -1) {
		points = append([]string{m[1]}, points...)
	}
	rank := func(p string) int { return strings.IndexByte("I°)", markerFamily(p)) }
	slices.SortStableFunc(points, func(a, b string) int { return rank(a) - rank(b) })
	return points
}

// readDivision names in t the annex, préambule, titre, chapitre or section
// s names, in that order; a section or a chapitre named with the
// divisions that hold it ("la section 2 du chapitre 1 du titre II") is
// looked for in them. Read in the order chapitre, section, titre, "la
// section 2 du chapitre 1" named the whole chapitre 1, and "le chapitre 3
// du titre 2" every chapitre 3 of the text.
func (t *Target) readDivision(s string) {
	if m := locAnnex.FindStringSubmatch(s); m != nil {
		t.Kind, t.Number = clause.KindAnnex, m[1]
		return
	}
	if locPreamble.MatchString(s) {
		t.Kind = clause.KindPreamble
		return
	}
	for _, d := range [...]struct {
		kind clause.Kind
		re   *lazyRegexp
	}{{clause.KindSection, locSection}, {clause.KindChapter, locChapter}, {clause.KindTitle, locTitle}} {
		m := d.re.FindStringSubmatch(s)
		switch {
		case m == nil:
		case t.Kind == "":
			t.Kind, t.Number = d.kind, m[1]
		default:
			t.Within = append([]Division{{d.kind, m[1]}}, t.Within...)
		}
	}
}

// articleList is the list of articles s names ("12 bis et 13"), "" when
// it names none; an error when a number goes on past what is read of it.
func articleList(s string) (string, error) {
	ix := locArticles.FindStringSubmatchIndex(s)
	if ix == nil {
		return "", nil
	}
	list, rest := s[ix[2]:ix[3]], s[ix[3]:]
	if numberGoesOnAfter.MatchString(rest) {
		return "", errf("names an article whose number is not read whole (article %s %s): no such number is known", list, strings.Fields(rest)[0])
	}
	return list, nil
}

// placeInAnnex puts the article t names in the annex the instruction
// names with it ("de l'annexe 1"), or that its lead-in names: an annexed
// règlement numbers its articles as the convention does, and looked for in
// the whole text, its article 2 was the convention's. An annex named
// otherwise beside an article is refused: either the article is the
// annex's, or two clauses are named at once.
func (t *Target) placeInAnnex(s string, ctx Target) error {
	if m := locInAnnexed.FindStringSubmatch(s); m != nil {
		t.InAnnex, t.AnnexName = true, m[1]
		return nil
	}
	switch m := locInAnnex.FindStringSubmatch(s); {
	case m != nil:
		t.InAnnex, t.Annex = true, m[1]
	case locAnnex.MatchString(s):
		return errf("names an article and an annex: write « l'article N de l'annexe M », or one instruction for each")
	default:
		t.placeInLeadIn(ctx)
	}
	return nil
}

// placeInLeadIn puts an article named alone in the annex the lead-in ctx
// names, or whose article it names.
func (t *Target) placeInLeadIn(ctx Target) {
	switch {
	case ctx.Kind == clause.KindAnnex && ctx.Row == "":
		t.InAnnex, t.Annex = true, ctx.Number
	case ctx.InAnnex:
		t.InAnnex, t.Annex, t.AnnexName = true, ctx.Annex, ctx.AnnexName
	}
}

// splitList cuts "G, GS et TCG" into its items.
func splitList(s string) []string {
	var out []string
	for _, p := range listSep.Split(s, -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// articlesNamed is locArticles.FindAllStringSubmatch(s, -1), the
// expression tried only where its matches start: "article" at the start
// of a word. Case-insensitive, it has no literal prefix by which the
// regexp package would skip ahead, and tried every place of an article of
// a bill, tens of kilobytes. TestArticlesNamedIsFindAll holds it to the
// expression.
func articlesNamed(s string) [][]string {
	ms, _ := articlesNamedAt(s)
	return ms
}

// articlesNamedAt is articlesNamed with where each match starts.
func articlesNamedAt(s string) (ms [][]string, at []int) {
	for i := 0; ; {
		k := frtext.IndexFold(s[i:], "article")
		if k < 0 {
			return ms, at
		}
		i += k
		if i > 0 && isWordByte(s[i-1]) {
			i++
			continue
		}
		m := locArticlesHere.FindStringSubmatch(s[i:])
		if m == nil {
			i++
			continue
		}
		ms, at = append(ms, m), append(at, i)
		i += len(m[0])
	}
}

// isWordByte is the regexp package's \w, which \b reads.
func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// An alinéa or a sentence named by its words, in a convention's drafting:
// "le paragraphe « X » de l'article 3 est remplacé par le paragraphe
// suivant : « Y »", "l'alinéa « X » est supprimé". The words are what the
// operation changes, and the place they are said to stand, between the
// words and the verb, names the target.
var (
	namedByWords = `\b(?:l'alinéa|le\s+paragraphe|la\s+phrase)\s*:?\s*(\x01\d+\x02)\s*,?\s*((?:de\s+la\s+|de\s+l'|du\s+|des\s+)[^\x01]*?)?\s*,?\s+(?:est|sont)\s+`
	replacedUnit = lazy(`(?i)` + namedByWords + `remplacée?s?\s+par\s+(?:l'alinéa|le\s+paragraphe|la\s+phrase|les\s+dispositions|le\s+texte)?\s*(?:suivante?s?|ainsi\s+rédigée?)?\s*:?\s*(\x01\d+\x02)`)
	deletedUnit  = lazy(`(?i)` + namedByWords + `supprimée?s?\b`)
)

// wordsOfUnits writes an alinéa or sentence named by its words as the
// words themselves, where they stand first: "de l'article 3, les mots « X »
// sont remplacés par les mots « Y »", a form the operations read.
func wordsOfUnits(frame string) string {
	if strings.IndexByte(frame, quoteOpen) < 0 {
		return frame
	}
	frame = replacedUnit.ReplaceAllString(frame, "$2, les mots $1 sont remplacés par les mots $3")
	return deletedUnit.ReplaceAllString(frame, "$2, les mots $1 sont supprimés")
}

// replacedRespectively matches several quotations replaced each by the
// one of its rank in a list after them: "les montants : « A », « B » et
// « C » sont remplacés respectivement par les montants : « X », « Y » et
// « Z »".
var replacedRespectively = pattern(`((?:Q\s*(?:,|\bet\b)\s*)+Q)\s*,?\s+(?:est|sont)\s+(?:respectivement\s+remplacée?s?|remplacée?s?\s*,?\s*respectivement\s*,?)\s+par\s+(?:NOUN\s*:?\s*)?((?:Q\s*(?:,|\bet\b)\s*)+Q)`)

// respectively writes quotations replaced respectively as one replacement
// and replacements whose verb is understood ("« A » sont remplacés par
// « X » et « B » par « Y »"), a form the operations read; lists of other
// lengths are refused: which replaces which is not said.
func respectively(frame string) (string, error) {
	if strings.IndexByte(frame, quoteOpen) < 0 {
		return frame, nil
	}
	var err error
	out := replacedRespectively.ReplaceAllStringFunc(frame, func(m string) string {
		g := replacedRespectively.FindStringSubmatch(m)
		olds, news := placeholders(g[1]), placeholders(g[2])
		if len(olds) != len(news) {
			err = errf("replaces %d quotations respectively by %d: as many of each, or one instruction for each", len(olds), len(news))
			return m
		}
		w := olds[0] + " sont remplacés par " + news[0]
		for k := 1; k < len(olds); k++ {
			w += " et " + olds[k] + " par " + news[k]
		}
		return w
	})
	return out, err
}

// placeholders are the quotations a list holds, as their placeholders.
func placeholders(list string) []string {
	var out []string
	for _, ix := range placeholderRe.FindAllStringIndex(list, -1) {
		out = append(out, list[ix[0]:ix[1]])
	}
	return out
}

// rowByWords matches a row named by a quotation that is no act code
// (unquoteRowCodes took those), as the subject of an operation or as its
// place: « la ligne « Visite longue » est supprimée » deleted the words
// from the row, and « À la ligne « Consultation » du tableau, le montant
// … » was refused for a quotation read as no part of the instruction.
// labelRows sets such a quotation apart as the row's label.
// "Les lignes « A » et « B »" name two.
var rowByWords = lazy(`(?i)\bligne\s*:?\s*\x01\d+\x02|\blignes\s*:?\s*\x01\d+\x02(?:\s*(?:,|\bet\b)\s*\x01\d+\x02)*`)

// locRowLabel reads rows named by their labels, set apart from the
// quotations (labelRows) as "\x03N\x04", N the quotation's index.
var locRowLabel = lazy(`(?i)\blignes?\s*:?\s*(\x03\d+\x04(?:\s*(?:,|\bet\b)\s*\x03\d+\x04)*)`)

// labelRows sets apart from the quotations of frame those that name a
// row by its label ("la ligne « Consultation de référence (G) » est
// remplacée par…"), so that no operation takes them as its words; a row
// quoted whole ("la ligne « | G | … | »") stays a quotation. Before, such
// an instruction was refused, as if the row could not be named so.
func labelRows(frame string, quotes []string) string {
	return rowByWords.ReplaceAllStringFunc(frame, func(list string) string {
		return placeholderRe.ReplaceAllStringFunc(list, func(ph string) string {
			n, err := strconv.Atoi(ph[1 : len(ph)-1])
			if err != nil || n >= len(quotes) || strings.HasPrefix(strings.TrimSpace(quotes[n]), "|") {
				return ph
			}
			return "\x03" + ph[1:len(ph)-1] + "\x04"
		})
	})
}

// labelled gives the targets naming a row by its label (rowLabel), and
// the last target named, the label's words.
func labelled(targets []Target, last *Target, quotes []string) {
	label := func(t *Target) {
		if !strings.HasPrefix(t.Row, "\x03") {
			return
		}
		if n, err := strconv.Atoi(strings.Trim(t.Row, "\x03\x04")); err == nil && n < len(quotes) {
			t.Row, t.Labelled = strings.Join(strings.Fields(quotes[n]), " "), true
		}
	}
	for k := range targets {
		label(&targets[k])
	}
	if last != nil {
		label(last)
	}
}

// unitNamed matches a unit an instruction names with an article ("l'alinéa
// relatif à la majoration", "la ligne relative à…"): what follows it, up
// to a comma, says which, and locates must find it in the target.
var unitNamed = lazy(`(?i)(?:^|[^\pL])((?:l'|les\s+)alinéas?|(?:la|les)\s+phrases?|(?:la|les)\s+lignes?|(?:le|les)\s+points?|(?:l'|les\s+)articles?|(?:le|les)\s+tableaux?)([^\pL][^,;¦\x01]{0,60}|$)`)

// unitLocated tells, for the noun unitNamed reads, whether a target
// locates that unit, and how the unit is named in messages and located.
var unitLocated = []struct {
	noun, name, how string
	in              func(t Target, words bool) bool
}{
	{"alin", "an alinéa", "its rank or its words", func(t Target, words bool) bool { return t.Alinea != 0 || words }},
	{"phrase", "a sentence", "its rank or its words", func(t Target, words bool) bool { return t.Phrase != 0 || words }},
	{"ligne", "a row", "its act code", func(t Target, _ bool) bool { return t.Row != "" }},
	{"point", "a point", "its marker (« le 2° »)", func(t Target, _ bool) bool { return len(t.Point) > 0 }},
	{"article", "an article", "its number", func(t Target, _ bool) bool { return t.Kind == clause.KindArticle }},
	{"tableau", "a table", "its annex or its heading", func(t Target, _ bool) bool { return t.Table || t.TableName != "" || t.Row != "" }},
}

// locates refuses an instruction whose location names a unit (an alinéa,
// a row, an article…) that its targets do not locate: dropped from the
// target, the unit left the clause that holds it as the one amended, and
// "À l'article 14, l'alinéa relatif à la majoration est supprimé" repealed
// article 14. A unit announced by what follows ("la phrase suivante") is
// what the operation puts in.
func locates(loc string, targets []Target, words bool) error {
	for _, m := range unitNamed.FindAllStringSubmatch(loc, -1) {
		// Nothing said after it: the unit is the quotation the form
		// took ("l'alinéa : « … » est supprimé"), or the lead-in's.
		if after := strings.TrimSpace(m[2]); !strings.ContainsFunc(after, unicode.IsLetter) || strings.HasPrefix(after, "suivant") || strings.HasPrefix(after, "ainsi") {
			continue
		}
		noun := strings.ToLower(m[1])
		for _, u := range unitLocated {
			if !strings.Contains(noun, u.noun) {
				continue
			}
			for _, t := range targets {
				if !u.in(t, words) {
					return errf("names %s it does not locate (%s): name it by %s", u.name, strings.TrimSpace(m[1]+m[2]), u.how)
				}
			}
		}
	}
	return nil
}
