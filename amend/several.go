package amend

import (
	"strings"

	"github.com/avenant-dev/avenant/clause"
)

// rewriteWhole rewrites the whole of clause i as the quotation of op
// when it is more than plain text (several articles, a table, the
// clause's heading), and reports whether it did; a quotation that cannot
// be its text is refused.
func (st *state) rewriteWhole(i int, op Op, by string) (bool, error) {
	if st.cl[i].Kind == clause.KindArticle {
		// A quotation opening with another article's heading would give
		// article 12 the number 13 beside the article 13 there.
		if n := firstArticleNumber(op.New); n != "" && clause.NormalizeNumber(n) != clause.NormalizeNumber(st.cl[i].Number) {
			return true, errf("the text quoted for article %s is headed article %s: renumber with « devient » first", st.cl[i].Number, n)
		}
		if firstArticleNumber(op.New) != "" {
			if err := headingsAsText(quotedArticles(op.New, "")); err != nil {
				return true, err
			}
		}
	}
	if several, err := st.rewriteSeveral(i, op, by); several || err != nil {
		return true, err
	}
	if err := st.quotesBeyond(i, op.New); err != nil {
		return true, err
	}
	if with, heading, ok := st.structured(i, op.New); ok {
		st.replaceBody(i, with, by)
		st.cl[i].Heading = heading
		return true, nil
	}
	return false, nil
}

// rewriteSeveral rewrites article i as the quotation of several articles
// it is replaced by ("L'article 11 est remplacé par deux articles 11 et
// 11-1 ainsi rédigés : « Article 11 … Article 11-1 … »"): the first, of
// its number, is its new text, the others come after it, as many articles
// of their own. It reports whether the quotation heads several articles;
// the numbers it heads must be those the instruction announces, and the
// articles it adds must not be in the text already. Before, the whole
// quotation, headings and all, became article 11's text, and an article 12
// quoted stood beside the article 12 there.
func (st *state) rewriteSeveral(i int, op Op, by string) (bool, error) {
	c := &st.cl[i]
	if c.Kind != clause.KindArticle || firstArticleNumber(op.New) == "" {
		return false, nil
	}
	groups := articleGroups(op.New)
	if len(groups) < 2 {
		return false, nil
	}
	var quoted []string
	for _, g := range groups {
		quoted = append(quoted, g[0].Number)
	}
	if op.Number != "" && !sameNumbers(splitList(op.Number), quoted) {
		return true, errf("announces articles %s, and quotes articles %s", op.Number, strings.Join(quoted, ", "))
	}
	annex := st.annexes()[i]
	for _, g := range groups[1:] {
		if st.numbered(clause.KindArticle, g[0].Number, annex) {
			return true, errf("article %s is already in the text", g[0].Number)
		}
	}
	var news []clause.Clause
	for _, g := range groups[1:] {
		for _, q := range g {
			q.Depth += c.Depth - groups[0][0].Depth
			news = append(news, q)
		}
	}
	heading := groups[0][0].Heading
	st.replaceBody(i, groups[0], by)
	st.cl[i].Heading = heading
	st.splice(st.end(i), news, by)
	return true, nil
}

// articleGroups cuts a quotation into the articles it heads, each with
// what it holds (its table's rows); nil when it holds anything else at
// their level, or text before the first.
func articleGroups(q string) [][]clause.Clause {
	doc := clause.Parse(q + "\n")
	var groups [][]clause.Clause
	for _, c := range doc.Clauses {
		switch {
		case c.Kind == clause.KindArticle && (groups == nil || c.Depth == groups[0][0].Depth):
			groups = append(groups, []clause.Clause{c})
		case groups != nil && c.Depth > groups[0][0].Depth:
			groups[len(groups)-1] = append(groups[len(groups)-1], c)
		default:
			return nil
		}
	}
	return groups
}

// sameNumbers reports whether two lists name the same articles in the
// same order.
func sameNumbers(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if clause.NormalizeNumber(a[k]) != clause.NormalizeNumber(b[k]) {
			return false
		}
	}
	return true
}

// beyond names the clauses a quotation heads after the first, at its
// level or above (another annex, an article after the rewritten annex),
// "" when it heads none: a quotation that rewrites or creates one clause
// and heads others was written whole into the first, their headings read
// as its words, or put in beside it, a second annex 3 beside the one
// there, without a word.
func beyond(doc *clause.Document) string {
	var names []string
	for _, c := range doc.Clauses[1:] {
		switch {
		case c.Depth > doc.Clauses[0].Depth:
		case c.Kind == clause.KindParagraph || c.Kind == clause.KindItem || clause.IsTableHeader(&c):
		default:
			names = append(names, c.Label())
		}
	}
	return strings.Join(names, ", ")
}

// quotesBeyond refuses a quotation that rewrites clause i whole ("L'annexe
// 1 est remplacée par les dispositions suivantes : « Annexe 1 - … »") and
// heads other clauses after it.
func (st *state) quotesBeyond(i int, q string) error {
	c := &st.cl[i]
	doc := clause.Parse(q + "\n")
	if len(doc.Clauses) == 0 || doc.Clauses[0].Kind != c.Kind || doc.Clauses[0].Heading == "" {
		doc = clause.Parse(c.Heading + "\n\n" + q + "\n")
	}
	if len(doc.Clauses) == 0 {
		return nil
	}
	if names := beyond(doc); names != "" {
		return errf("the text quoted for %s heads other clauses too (%s): one instruction for each", st.name(i), names)
	}
	return nil
}

// headingLine matches a line shaped as an article's heading: "Article
// 11-1 - Encore", "Art. 12.".
var headingLine = pattern(`^\s*(?:article|art\.)\s+NUM\s*(?:$|[-–—:.])`)

// headingsAsText refuses articles quoted one of whose paragraphs opens
// with a line shaped as an article's heading, which the reader took for
// words of the article before: a number quoted twice ("« Article 11-1 …
// Article 11-1 … »"), or going back. Written so, the consolidated article
// held the other's heading and text as its own words, and the count of
// articles announced, one fewer, was met.
func headingsAsText(arts []clause.Clause) error {
	for _, a := range arts {
		for _, p := range strings.Split(a.Text, "\n\n") {
			if line, _, _ := strings.Cut(p, "\n"); headingLine.MatchString(line) {
				return errf("quotes « %s » inside article %s, which would read as its words (an article quoted twice?)", shorten(strings.TrimSpace(line)), a.Number)
			}
		}
	}
	return nil
}
