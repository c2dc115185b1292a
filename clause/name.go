package clause

import "strings"

// Name names clause i as a reader refers to it in a report: "Article
// 28.1", "Annexe 1", "Annexe 1/G" for a tariff row, else its label cut to
// 60 characters.
func (d *Document) Name(i int) string {
	c := &d.Clauses[i]
	if c.Number == "" {
		return cutRunes(c.Label(), 60)
	}
	if c.Kind == KindItem {
		if h := d.Holder(i); h >= 0 {
			return d.Name(h) + "/" + c.Number
		}
		return c.Number
	}
	// By key, not kind: a sub-section is no section of the same number.
	prefix, _, _ := strings.Cut(c.Key, ":")
	if w, ok := headingWords[prefix]; ok {
		return w + " " + c.Number
	}
	return c.Number
}

// cutRunes joins the words of s by single spaces and cuts it to at most n
// runes, marking the cut with an ellipsis.
func cutRunes(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
