package clause

import (
	"strconv"
	"strings"
)

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
	name := c.Number
	prefix, _, _ := strings.Cut(c.Key, ":")
	if w, ok := headingWords[prefix]; ok {
		name = w + " " + c.Number
	}
	if a := d.AnnexQualifier(i); a >= 0 {
		return d.Name(a) + "/" + name
	}
	return name
}

// AnnexQualifier returns the annex that holds article i when articles
// stand before it outside annexes, else -1: an arrêté that approves a convention
// annexes it, so its own "Article 3" and the convention's are told apart
// by the annex ("Annexe/Article 3"), in every version alike.
func (d *Document) AnnexQualifier(i int) int {
	return annexQualifier(i, func(k int) (Kind, int) { return d.Clauses[k].Kind, d.Clauses[k].Parent })
}

// annexQualifier is AnnexQualifier over any list of clauses, of which
// clause returns the kind and parent.
func annexQualifier(i int, clause func(int) (Kind, int)) int {
	if k, _ := clause(i); k != KindArticle {
		return -1
	}
	enclosingAnnex := func(i int) int {
		_, a := clause(i)
		for a >= 0 {
			k, p := clause(a)
			if k == KindAnnex {
				return a
			}
			a = p
		}
		return -1
	}
	a := enclosingAnnex(i)
	if a < 0 {
		return -1
	}
	// An arrêté's articles come before what it annexes: the search ends at
	// the first article, or at the annex.
	for k := 0; k < a; k++ {
		if kind, _ := clause(k); kind == KindArticle && enclosingAnnex(k) < 0 {
			return a
		}
	}
	return -1
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

// EnglishOrdinal writes n as English ranks are written: 1st, 2nd, 3rd,
// 11th to 13th, 21st, 22nd, 23rd… (the rank of a candidate,
// of an alinéa, in messages)
func EnglishOrdinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}
