package amend

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/frtext"
)

// Trace says which instructions changed a clause.
type Trace struct {
	// New is the clause's index in the consolidated document, -1 when the
	// clause was removed; Old its index in the base, -1 when inserted.
	New, Old int
	// Steps are the instructions, in the order they applied.
	Steps []Step
}

// Step is one instruction that changed a clause, and the clause's text
// once it had applied: what tells the words one instruction wrote from
// those of the next when several amend the same clause.
type Step struct {
	By   string
	Text string
}

// Result is a consolidated text.
type Result struct {
	// Doc is the consolidated document as apply built it; Text is Doc
	// written in the base's format, which is what a reader of the text,
	// and the store, parse again.
	Doc  *clause.Document
	Text string
	// Traces lists every clause an instruction changed, inserted or
	// removed, in document order, removed clauses last.
	Traces []Trace
	// Notes tell, for each instruction that named no clause it changed
	// ("dans l'ensemble du chapitre 2, …"), which it changed.
	Notes []string
	// From gives, for each clause of Doc, the index of the base's clause
	// it comes from, -1 for a clause inserted.
	From []int
}

// state is the base being amended: its clauses and, for each, where it
// came from and which instructions changed it.
type state struct {
	cl      []clause.Clause
	base    []int
	by      [][]Step
	removed []Trace
	notes   []string
	// lower caches common: words put before many sentences ("partout
	// où…") would read the whole text again for each.
	lower map[string]bool
	// genders caches gender, for the same reason.
	genders map[string]frtext.Gender
	// applying names the instruction being applied, for its notes.
	applying string
}

// apply applies every instruction of set to base, in order, and writes the
// result in format f. It is all or nothing: the first instruction that
// cannot be applied is returned as an *Error and base is left as it was.
func apply(base *clause.Document, set *Set, f Format) (*Result, error) {
	st := &state{cl: append([]clause.Clause(nil), base.Clauses...)}
	for i := range st.cl {
		st.base = append(st.base, i)
		st.by = append(st.by, nil)
	}
	for _, in := range set.Instructions {
		// The text the last instruction left gives its nouns their
		// genders.
		st.applying, st.genders = in.By, nil
		for _, op := range in.Ops {
			if err := st.apply(op, in.By); err != nil {
				return nil, &Error{in.By, err.Error()}
			}
		}
		st.settle(in.By)
		if in.Dated != "" {
			st.notes = append(st.notes, in.By+": takes effect "+in.Dated+", which the consolidated text does not say")
		}
	}
	doc := &clause.Document{Clauses: st.cl}
	res := &Result{Doc: doc, Text: write(doc, f), Notes: st.notes, From: st.base}
	for i, by := range st.by {
		if by != nil {
			res.Traces = append(res.Traces, Trace{New: i, Old: st.base[i], Steps: by})
		}
	}
	res.Traces = append(res.Traces, st.removed...)
	return res, nil
}

func (st *state) mark(i int, by string) {
	if n := len(st.by[i]); n == 0 || st.by[i][n-1].By != by {
		st.by[i] = append(st.by[i], Step{By: by})
	}
}

// settle records the text of each clause instruction by changed, once all
// its operations have applied.
func (st *state) settle(by string) {
	for i, steps := range st.by {
		if n := len(steps); n > 0 && steps[n-1].By == by {
			steps[n-1].Text = st.cl[i].Text
		}
	}
}

// end returns the index after clause i and everything nested in it.
func (st *state) end(i int) int {
	j := i + 1
	for j < len(st.cl) && st.cl[j].Depth > st.cl[i].Depth {
		j++
	}
	return j
}

// scope narrows a clause's text (or heading) to the point, alinéa,
// sentence or words the target names.
func scope(text string, t Target) (span, error) {
	s := span{0, len(text)}
	for k, m := range t.Point {
		p, n := point(text, s, m)
		switch {
		case n == 0:
			return s, errf("point %s is not in %s", m, t.clauseName())
		case n > 1:
			in := Target{Kind: t.Kind, Number: t.Number, Row: t.Row, Point: t.Point[:k]}
			return s, errf("%d points %s are in %s: name the point that holds the one meant", n, m, in.describe())
		}
		s = p
	}
	if t.Words != "" {
		at, err := once(text, s, t.Words, t)
		if err != nil {
			return s, err
		}
		for _, a := range alineas(text, s) {
			if a.start <= at.start && at.end <= a.end {
				s = a
			}
		}
	}
	if t.Alinea != 0 {
		a, ok := rank(alineas(text, s), t.Alinea)
		if !ok {
			return s, errf("the %s alinéa is not in %s (it has %d)", ordinalName(t.Alinea), t.clauseName(), len(alineas(text, s)))
		}
		s = a
	}
	if t.Phrase != 0 {
		p, ok := rank(phrases(text, s), t.Phrase)
		if !ok {
			return s, errf("the %s sentence is not in %s", ordinalName(t.Phrase), Target{Kind: t.Kind, Number: t.Number, Row: t.Row, Alinea: t.Alinea, Point: t.Point}.describe())
		}
		s = p
	}
	return s, nil
}

// narrowed reports whether the target names less than a whole clause.
func (t Target) narrowed() bool {
	return len(t.Point) > 0 || len(t.Points) > 0 || t.Alinea != 0 || len(t.Alineas) > 0 || t.Phrase != 0 || len(t.Phrases) > 0 || t.Words != ""
}

// once finds words exactly once in text[s.start:s.end], or, when the
// target names which of their places it means, that place.
func once(text string, s span, words string, t Target) (span, error) {
	hits := find(text, s, words)
	if t.Occurrence != 0 && len(hits) > 0 {
		h, ok := rank(hits, t.Occurrence)
		if !ok {
			return span{}, errf("the words « %s » are in %s %s: there is no %s occurrence", words, t.describe(), timesName(len(hits)), ordinalName(t.Occurrence))
		}
		return h, nil
	}
	switch len(hits) {
	case 0:
		return span{}, errf("the words « %s » are not in %s", words, t.describe())
	case 1:
		return hits[0], nil
	}
	return span{}, errf("the words « %s » are in %s %s: name the alinéa or the sentence", words, t.describe(), timesName(len(hits)))
}

func timesName(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return strconv.Itoa(n) + " times"
}

func (st *state) apply(op Op, by string) error {
	if op.Code != "" {
		if err := st.amendsThis(op.Code); err != nil {
			return err
		}
	}
	switch {
	case op.Kind == Renumber && op.Points[0] != nil:
		for _, t := range op.Targets {
			if err := st.renumberPoints(op, t, by); err != nil {
				return err
			}
		}
		return nil
	}
	switch op.Kind {
	case Renumber:
		return st.renumber(op, by)
	case Move:
		return st.move(op, by)
	}
	if op.Kind == Insert && op.Unit == UnitAnnex {
		return st.insertAnnex(op, by)
	}
	if len(op.Targets) == 0 {
		return st.insertNumbered(op, by)
	}
	for _, t := range op.Targets {
		var err error
		switch {
		case t.Everywhere:
			err = st.editThroughout(op, t, 0, len(st.cl), by)
		case t.Through != "":
			err = st.applyRange(op, t, by)
		default:
			err = st.applyTo(op, t, by)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// applyRange applies op to every clause of a range ("Les articles 12 à 14
// sont abrogés"), each named by its number: the clauses of the kind that
// stand from the first to the last, 12 bis and 13 A included.
func (st *state) applyRange(op Op, t Target, by string) error {
	first := t
	first.Through = ""
	i, err := st.resolve(first)
	if err != nil {
		return err
	}
	last := first
	last.Number = t.Through
	j, err := st.resolve(last)
	if err != nil {
		return err
	}
	if j < i {
		return errf("names a range that runs backwards (%s): %s comes before %s", t.clauseName(), last.clauseName(), first.clauseName())
	}
	var numbers []string
	for k := i; k <= j; k++ {
		if c := &st.cl[k]; c.Kind == t.Kind {
			numbers = append(numbers, c.Number)
		}
	}
	// The range's last article goes whole: those numbered under it too.
	if err := st.wholeArticle(j, last, op); err != nil {
		return err
	}
	for _, n := range numbers {
		one := first
		one.Number, one.inRange = n, true
		if err := st.applyTo(op, one, by); err != nil {
			return err
		}
	}
	return nil
}

// insertNumbered inserts articles that name no neighbour ("Il est créé un
// article 12.4 ainsi rédigé") where their number puts them: after the
// article of the text (not of an annex, which numbers its own) with the
// greatest number below theirs.
func (st *state) insertNumbered(op Op, by string) error {
	news := quotedArticles(op.New, op.Number)
	if news[0].Number == "" {
		return errf("the inserted article has no number, and no article is named to put it after")
	}
	after := -1
	annexes := st.annexes()
	for i := range st.cl {
		c := &st.cl[i]
		if c.Kind != clause.KindArticle || annexes[i] >= 0 || clause.CompareNumbers(c.Number, news[0].Number) >= 0 {
			continue
		}
		if after < 0 || clause.CompareNumbers(c.Number, st.cl[after].Number) > 0 {
			after = i
		}
	}
	if after < 0 {
		return errf("no article comes before article %s: name the place to insert it", news[0].Number)
	}
	return st.insert(after, Target{Kind: clause.KindArticle, Number: st.cl[after].Number}, Op{Kind: Insert, Unit: UnitArticle, Place: PlaceAfter, New: op.New, Number: op.Number}, by)
}

func (st *state) applyTo(op Op, t Target, by string) error {
	if len(t.Alineas) > 1 || len(t.Phrases) > 1 || len(t.Points) > 1 {
		return st.applySeveral(op, t, by)
	}
	i, err := st.resolve(t)
	if err != nil {
		return err
	}
	if t.Table && (op.Kind == Rewrite || op.Kind == Repeal || op.Kind == Replace || op.Kind == DeleteWords || op.Kind == InsertWords) {
		return st.applyToTable(op, t, i, by)
	}
	if err := st.wholeArticle(i, t, op); err != nil {
		return err
	}
	c := &st.cl[i]
	text := &c.Text
	if t.Heading {
		text = &c.Heading
	}
	switch op.Kind {
	case Replace, DeleteWords, InsertWords, AppendWords:
		if op.Price {
			return st.replacePrice(i, t, op, by)
		}
		if strings.Contains(op.New, "\n") {
			// Words quoted over two lines are one run of words: the
			// line break is the avenant's layout (a hard-wrapped text),
			// not one the words put in the text amended.
			op.New = strings.Join(strings.Fields(op.New), " ")
		}
		if op.Kind != AppendWords && (op.Kind != InsertWords || op.Anchor != "") && !t.Heading && !t.narrowed() && st.end(i) > i+1 {
			// A titre, chapitre, section or annex: what it holds too.
			// Words put at its start name none to look for there.
			return st.editThroughout(op, t, i, st.end(i), by)
		}
		if op.Kind == AppendWords && c.Kind == clause.KindArticle && !t.Heading && !t.narrowed() && st.end(i) > i+1 {
			// Words that complete the article complete what ends it.
			if i, err = st.lastParagraph(i, t); err != nil {
				return err
			}
			c = &st.cl[i]
			text = &c.Text
		}
		s, err := scope(*text, t)
		if err != nil {
			return err
		}
		if t.Times != 0 && op.Kind != AppendWords {
			*text, err = editAll(*text, s, op, t, st)
		} else {
			*text, err = editWords(*text, s, op, t, st)
		}
		if err != nil {
			return err
		}
		if !st.dropEmptied(i, by) {
			st.mark(i, by)
		}
	case Rewrite, Repeal:
		if t.Part != nil {
			s, err := scope(*text, t)
			if err != nil {
				return err
			}
			with := ""
			if op.Kind == Rewrite {
				with = op.New
			}
			if *text, err = editPart(*text, s, t, with); err != nil {
				return err
			}
			st.mark(i, by)
			return nil
		}
		if op.Kind == Repeal {
			return st.repeal(i, t, text, by)
		}
		if op.Clauses != nil {
			st.replaceBody(i, op.Clauses, by)
			return nil
		}
		if !t.Heading && !t.narrowed() {
			if done, err := st.rewriteWhole(i, op, by); done || err != nil {
				return err
			}
		}
		st.rewrite(i, t, op.New)
		st.mark(i, by)
	case Insert:
		return st.insert(i, t, op, by)
	}
	return nil
}

// repeal removes clause i, or the unit of its text t names.
func (st *state) repeal(i int, t Target, text *string, by string) error {
	if !t.narrowed() && !t.Heading {
		st.drop(i, st.end(i), by)
		return nil
	}
	s, err := scope(*text, t)
	if err != nil {
		return err
	}
	*text = splice(*text, s, "")
	st.mark(i, by)
	return nil
}

// common reports whether word, written with a capital where a sentence
// opens and followed by next (the words up to the end of the next one,
// "La convention" for "La"), is a common word that had the capital from
// the sentence alone, to be written in lower case once words are put
// before it. A word followed by a capital opens a name ("Assurance
// Maladie"), and words the text writes with the capital inside a
// sentence too are one ("à La Réunion", "l'Union nationale"): they keep
// it. Otherwise a grammatical word (frtext.IsGrammatical) is common even
// in a text that writes it nowhere else ("La convention" becomes "Sous
// réserve, la convention"), and another word is when the text writes it
// in lower case somewhere: a word it writes nowhere else keeps its
// capital, a name ("Paris").
func (st *state) common(word, next string) bool {
	key := word + "\x00" + next
	if known, ok := st.lower[key]; ok {
		return known
	}
	r, size := utf8.DecodeRuneInString(word)
	lower := string(unicode.ToLower(r)) + word[size:]
	grammatical := frtext.IsGrammatical(lower)
	var nr rune // the next word's first letter
	if sep := next[len(word):]; sep != "" {
		_, n := utf8.DecodeRuneInString(sep)
		nr, _ = utf8.DecodeRuneInString(sep[n:])
	}
	var found bool
	switch {
	case unicode.IsUpper(nr) && !grammatical:
	case next != word && st.writes(next, func(text string, at int) bool { return !opensCapital(text, at) }):
	default:
		found = grammatical || st.writes(lower, nil)
	}
	if st.lower == nil {
		st.lower = map[string]bool{}
	}
	st.lower[key] = found
	return found
}

// writes reports whether a clause of the text being amended writes word,
// a whole word, in these letters, at a place inside says (any, if nil).
func (st *state) writes(word string, inside func(text string, at int) bool) bool {
	for i := range st.cl {
		text := st.cl[i].Text
		var keep func(int) bool
		if inside != nil {
			keep = func(at int) bool { return inside(text, at) }
		}
		if len(findFolded(text, span{0, len(text)}, fold(text), word, keep)) > 0 {
			return true
		}
	}
	return false
}

// splice replaces text[s.start:s.end] and tidies the seam: no doubled
// space, no space before a comma or full stop, no run of blank lines.
func splice(text string, s span, with string) string {
	if with != "" {
		return strings.TrimSpace(text[:s.start] + with + text[s.end:])
	}
	joined, skip := seam([]byte(text[:s.start]), text[s.end:])
	return strings.TrimSpace(string(joined) + text[s.end+skip:])
}

// seam joins before, what stands before words taken out, to after, what
// follows them, tidied: no doubled space, no space before a comma or full
// stop, no run of blank lines. It appends to before, and says how much of
// after it took.
func seam(before []byte, after string) (joined []byte, skip int) {
	rest := strings.TrimLeft(after, blanks)
	trimmed := bytes.TrimRight(before, blanks)
	if r, _ := utf8.DecodeRuneInString(rest); bytes.HasSuffix(trimmed, []byte(",")) && strings.ContainsRune(",.;:!?)", r) {
		// The comma that opened the words taken out goes with them:
		// "patient, non liée à un motif médical." less its end is
		// "patient.", not "patient,.".
		trimmed = bytes.TrimRight(trimmed[:len(trimmed)-1], blanks)
	}
	sep := ""
	switch {
	// At a line's end or start, the space that separated the words
	// taken out goes with them ("… un devis. Il le signe." less its last
	// sentence ends on "un devis.").
	case strings.HasPrefix(rest, "\n\n") || bytes.HasSuffix(trimmed, []byte("\n\n")):
		trimmed, rest, sep = bytes.TrimRight(before, blanks+"\n"), strings.TrimLeft(after, blanks+"\n"), "\n\n"
	case strings.HasPrefix(rest, "\n") || bytes.HasSuffix(trimmed, []byte("\n")):
		trimmed, rest, sep = bytes.TrimRight(before, blanks+"\n"), strings.TrimLeft(after, blanks+"\n"), "\n"
	default:
		// A stop that French sets apart (« ; », « : ») keeps the space
		// the text gave it, a no-break one too: ", au moins une fois
		// par an" taken out of "électronique, au moins une fois par
		// an ;" leaves "électronique ;".
		space := after[:len(after)-len(rest)]
		switch r, _ := utf8.DecodeRuneInString(rest); {
		case !strings.ContainsRune(",.;:!?)", r):
			sep = " "
		case space != "" && strings.ContainsRune(";:!?", r):
			sep = space
		}
	}
	if len(trimmed) > 0 && rest != "" {
		trimmed = append(trimmed, sep...)
	}
	return trimmed, len(after) - len(rest)
}

// blanks are the spaces within a line, no-break ones included (see
// WithSpaces).
const blanks = " \u00a0\u202f\u2007"

// rewrite gives the target the text q.
func (st *state) rewrite(i int, t Target, q string) {
	c := &st.cl[i]
	switch {
	case t.Heading:
		c.Heading = retitle(c.Heading, c.Number, q)
	case t.narrowed():
		s, _ := scope(c.Text, t)
		if len(t.Point) > 0 && t.Alinea == 0 && t.Phrase == 0 && lineMarker(q) == "" {
			// The point keeps its marker as the text writes it ("II. – ").
			marker := c.Text[s.start : s.start+markerEnd(c.Text[s.start:s.end])]
			if marker == "" {
				marker = t.Point[len(t.Point)-1] + " "
			}
			q = marker + q
		}
		c.Text = splice(c.Text, s, q)
	case c.Kind == clause.KindArticle:
		if arts := quotedArticles(q, ""); len(arts) == 1 && arts[0].Heading != "" && firstArticleNumber(q) != "" {
			c.Heading = arts[0].Heading
			c.Text = arts[0].Text
			return
		}
		c.Text = q
	case c.Kind == clause.KindItem:
		// A row is named by its code: the quoted row's, from now on.
		c.Text = q
		if cells := clause.RowCells(q); len(cells) > 0 && cells[0] != "" {
			c.Number = cells[0]
		}
	default:
		c.Text = q
	}
}

// structured reads the text q that rewrites the whole of clause i as a
// clause with what it holds, when either has parts of its own: a table's
// header and rows, paragraphs after them. The annex rewritten "par les
// dispositions suivantes" loses the rows it had and takes those quoted;
// written as text, the quoted table would land beside the old rows. A
// quotation that opens with the clause's own heading ("Annexe 1 -
// Tarifs") gives the heading too; else the clause keeps its own. It
// reports false when the clause and the quotation are both plain text,
// which rewrite handles.
func (st *state) structured(i int, q string) (with []clause.Clause, heading string, ok bool) {
	c := &st.cl[i]
	doc := clause.Parse(q + "\n")
	own := len(doc.Clauses) > 0 && doc.Clauses[0].Kind == c.Kind && doc.Clauses[0].Heading != "" &&
		clause.NormalizeNumber(doc.Clauses[0].Number) == clause.NormalizeNumber(c.Number)
	if !own {
		doc = clause.Parse(c.Heading + "\n\n" + q + "\n")
		if len(doc.Clauses) == 0 || doc.Clauses[0].Kind != c.Kind {
			return nil, "", false
		}
	}
	end := 1
	for end < len(doc.Clauses) && doc.Clauses[end].Depth > doc.Clauses[0].Depth {
		end++
	}
	if end < len(doc.Clauses) || !own && end == 1 && st.end(i) == i+1 {
		// More than the one clause quoted, or plain text on both sides
		// with no heading quoted.
		return nil, "", false
	}
	heading = c.Heading
	if q := doc.Clauses[0]; own && titled(q.Heading, q.Number) {
		// "« Art. 12. - La consultation… »" gives the text, not a
		// heading: the article keeps its title.
		heading = q.Heading
	}
	return doc.Clauses[:end], heading, true
}

// titled reports whether a heading says more than its kind and number:
// "Article 12 - Consultation", not "Art. 12.".
func titled(heading, number string) bool {
	k := strings.Index(heading, number)
	return k < 0 || strings.Trim(heading[k+len(number):], " .:-–—") != ""
}

// retitle puts a new title in a heading, after its number: "Article 5 -
// Information" becomes "Article 5 - Information des médecins". A title
// quoted with the number ("« Article 12 - Réunions annuelles »") is the
// whole heading.
func retitle(heading, number, title string) string {
	title = strings.TrimSpace(title)
	if d := clause.Parse(title + "\n"); len(d.Clauses) == 1 && d.Clauses[0].Heading == title && number != "" &&
		clause.NormalizeNumber(d.Clauses[0].Number) == clause.NormalizeNumber(number) {
		return title
	}
	if number != "" {
		if k := strings.Index(heading, number); k >= 0 {
			return heading[:k+len(number)] + " - " + strings.TrimSpace(title)
		}
	}
	return title
}

// quotedArticles reads the articles a quotation holds: each opens with its
// heading ("Article 17 bis - Mission…"). A quotation with no heading is
// the text of one article numbered number.
func quotedArticles(q, number string) []clause.Clause {
	doc := clause.Parse(q + "\n")
	var out []clause.Clause
	for _, c := range doc.Clauses {
		if c.Kind == clause.KindArticle {
			out = append(out, c)
		} else if len(out) == 0 && (c.Text != "" || c.Heading != "") {
			break
		}
	}
	if len(out) > 0 && firstArticleNumber(q) != "" {
		return out
	}
	return []clause.Clause{{Kind: clause.KindArticle, Number: number, Heading: "Article " + number, Text: q}}
}

func (st *state) insert(i int, t Target, op Op, by string) error {
	c := &st.cl[i]
	switch op.Unit {
	case UnitArticle, UnitRow:
		var news []clause.Clause
		if op.Unit == UnitRow {
			for _, line := range strings.Split(op.New, "\n") {
				if line = strings.TrimSpace(line); line != "" {
					cells := clause.RowCells(line)
					news = append(news, clause.Clause{Kind: clause.KindItem, Number: cells[0], Text: line})
				}
			}
		} else {
			news = quotedArticles(op.New, op.Number)
			if err := headingsAsText(news); err != nil {
				return err
			}
			annex := st.annexes()[i]
			if c.Kind == clause.KindAnnex {
				annex = i
			}
			for _, n := range news {
				if n.Number == "" {
					return errf("the inserted article has no number")
				}
				if st.numbered(clause.KindArticle, n.Number, annex) {
					return errf("article %s is already in the text", n.Number)
				}
			}
		}
		at, depth := 0, c.Depth
		container := c.Kind != clause.KindArticle && c.Kind != clause.KindItem
		switch {
		case op.Place == PlaceBefore:
			at = i
		case container && op.Unit == UnitRow:
			var err error
			if at, depth, err = st.rowPlace(i, op.Place); err != nil {
				return err
			}
		case op.Place == PlaceStart && container:
			at, depth = i+1, c.Depth+1
		case container:
			at, depth = st.end(i), c.Depth+1
		default:
			at = st.end(i)
		}
		for k := range news {
			news[k].Depth = depth
		}
		st.splice(at, news, by)
		return nil
	}
	if held := st.end(i); c.Kind == clause.KindArticle && held > i+1 && !t.narrowed() && op.Place != PlaceBefore && op.Place != PlaceStart {
		// The article ends with what it holds after its text: an
		// alinéa goes after its table, a sentence ends its last
		// paragraph.
		if op.Unit == UnitAlinea {
			st.splice(held, []clause.Clause{{Kind: clause.KindParagraph, Text: op.New, Depth: c.Depth + 1}}, by)
			return nil
		}
		last, err := st.lastParagraph(i, t)
		if err != nil {
			return err
		}
		i, c = last, &st.cl[last]
	}
	if err := st.completes(i, t, op); err != nil {
		return err
	}
	// Sentences and alinéas go into the clause's text.
	s := span{0, len(c.Text)}
	if t.narrowed() {
		var err error
		if s, err = scope(c.Text, t); err != nil {
			return err
		}
	}
	if err := pointsTaken(c.Text, t, op.New); err != nil {
		return err
	}
	s, sep := insertSpan(c.Text, s, op)
	switch {
	case op.Place == PlaceBefore || op.Place == PlaceStart:
		c.Text = c.Text[:s.start] + op.New + sep + c.Text[s.start:]
	default:
		if s.end == 0 {
			c.Text = op.New
		} else {
			c.Text = c.Text[:s.end] + sep + op.New + c.Text[s.end:]
		}
	}
	st.mark(i, by)
	return nil
}

// insertSpan is the span of text the units op inserts go at the start or
// the end of, s or the list of points in it, and what sets them apart.
func insertSpan(text string, s span, op Op) (span, string) {
	if op.Unit == UnitPhrase {
		return s, " "
	}
	m := lineMarker(op.New)
	if m == "" {
		return s, "\n\n"
	}
	if op.Place != PlaceBefore && op.Place != PlaceStart {
		// "L'article 2 est complété par un 4°": in the list, before
		// the alinéa that closes it.
		if end, sep := listEnd(text, s, m); end >= 0 {
			s.end = end
			return s, sep
		}
	}
	if strings.Contains(text, "\n") && lineMarker(text[lineStart(text, s.start):]) != "" {
		return s, pointSep(text, s, op.Place == PlaceBefore || op.Place == PlaceStart)
	}
	return s, "\n\n"
}

// pointSep is how a new point put at the start or the end of span s of
// text stays in the list of points there, set apart as they are: on the
// next line, or after a blank line, as the text around the span sets it,
// else as the point of the span nearest the place is set apart from the
// one before it. Read at the span's edges alone, "L'article 5 est
// complété par un III" put the III on the line under the II, in its
// alinéa, where the article set its points a blank line apart: the
// article's last alinéa was then the II and the III.
func pointSep(text string, s span, atStart bool) string {
	if strings.HasPrefix(text[s.end:], "\n\n") || strings.HasSuffix(text[:s.start], "\n\n") {
		return "\n\n"
	}
	nearest := -1
	for at := s.start; at < s.end; {
		nl := strings.IndexByte(text[at:s.end], '\n')
		if nl < 0 {
			break
		}
		at += nl + 1
		if at < s.end && lineMarker(text[at:s.end]) != "" {
			nearest = at
			if atStart {
				break
			}
		}
	}
	if nearest >= 0 && strings.HasSuffix(text[:nearest], "\n\n") {
		return "\n\n"
	}
	return "\n"
}

// lastParagraph returns the paragraph that ends article i, which holds
// clauses after its own text (a table, the text after it): what
// completes the article completes that paragraph, and nothing completes a
// table's last row.
func (st *state) lastParagraph(i int, t Target) (int, error) {
	last := st.end(i) - 1
	if st.cl[last].Kind != clause.KindParagraph {
		return 0, errf("%s ends with a table: name the alinéa the words complete", t.clauseName())
	}
	return last, nil
}

// splice puts the new clauses news at index at, written by instruction by.
func (st *state) splice(at int, news []clause.Clause, by string) {
	st.cl = append(st.cl[:at], append(news, st.cl[at:]...)...)
	st.base = append(st.base[:at], append(make([]int, len(news)), st.base[at:]...)...)
	st.by = append(st.by[:at], append(make([][]Step, len(news)), st.by[at:]...)...)
	for k := at; k < at+len(news); k++ {
		st.base[k] = -1
		st.by[k] = []Step{{By: by}}
	}
}

func lineStart(text string, at int) int { return strings.LastIndexByte(text[:at], '\n') + 1 }

// dropEmptied removes row i when instruction by took out all its words
// ("la ligne « | TCG | Téléconsultation | 25 € | » est supprimée"): an
// empty row is none, and written as a blank line it cut its table in
// two. It reports whether it did.
func (st *state) dropEmptied(i int, by string) bool {
	if st.cl[i].Kind != clause.KindItem || strings.TrimSpace(st.cl[i].Text) != "" {
		return false
	}
	st.drop(i, st.end(i), by)
	return true
}

// drop removes the clauses from..to-1, removed by instruction by.
func (st *state) drop(from, to int, by string) {
	for k := from; k < to; k++ {
		if st.base[k] >= 0 {
			st.removed = append(st.removed, Trace{New: -1, Old: st.base[k], Steps: append(st.by[k], Step{By: by})})
		}
	}
	st.remove(from, to)
}

func (st *state) remove(from, to int) {
	st.cl = append(st.cl[:from], st.cl[to:]...)
	st.base = append(st.base[:from], st.base[to:]...)
	st.by = append(st.by[:from], st.by[to:]...)
}

// rowPlace is where a row added to the container at i goes ("Le tableau
// de l'annexe 1 est complété par une ligne…"), and its depth: under the
// header of the one table the container holds, first or last. In a
// container of several tables the instruction must name a row to put it
// after: added to the last table, or above the first one's header, the
// row went where no one had said.
func (st *state) rowPlace(i int, place Place) (at, depth int, err error) {
	var headers []int
	for k := i + 1; k < st.end(i); k++ {
		if clause.IsTableHeader(&st.cl[k]) {
			headers = append(headers, k)
		}
	}
	switch {
	case len(headers) > 1:
		return 0, 0, errf("%s holds %d tables: name the row the new one comes after", st.cl[i].Label(), len(headers))
	case len(headers) == 1 && place == PlaceStart:
		return headers[0] + 1, st.cl[headers[0]].Depth + 1, nil
	case len(headers) == 1:
		return st.end(headers[0]), st.cl[headers[0]].Depth + 1, nil
	}
	// Rows with no header: after the last of them.
	at, depth = st.end(i), st.cl[i].Depth+1
	for k := i + 1; k < at; k++ {
		if st.cl[k].Kind == clause.KindItem {
			depth = st.cl[k].Depth
		}
	}
	return at, depth, nil
}

// replaceBody gives clause i the text and the children of another
// clause (an annex of the avenant), keeping its own heading: the annex
// replaced keeps its number and place.
func (st *state) replaceBody(i int, with []clause.Clause, by string) {
	st.drop(i+1, st.end(i), by)
	st.cl[i].Text = with[0].Text
	st.mark(i, by)
	news := append([]clause.Clause(nil), with[1:]...)
	for k := range news {
		news[k].Depth += st.cl[i].Depth - with[0].Depth
	}
	st.splice(i+1, news, by)
}
