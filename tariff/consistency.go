package tariff

import (
	"slices"
	"strings"
)

// Inconsistency is an act code that one version prices in an article and
// in a tariff table with no value in common.
type Inconsistency struct {
	Code string
	// Article holds the article's prices of the code, Table the table's,
	// each in document order; their first entries are the ones quoted.
	Article, Table []Price
}

// Message says it on one line, naming both places: "Article 3 prices G at
// 26,50 €, Annexe 1/G at 30 €".
func (in *Inconsistency) Message() string {
	return in.Article[0].Clause + " prices " + in.Code + " at " + texts(in.Article) + ", " +
		in.Table[0].Clause + " at " + texts(in.Table)
}

func texts(ps []Price) string {
	var out []string
	for _, p := range ps {
		if !slices.Contains(out, p.Text) {
			out = append(out, p.Text)
		}
	}
	return strings.Join(out, " / ")
}

// Inconsistencies returns, for each article that prices an act code the
// tariff table of the same document also prices, the cases where no price
// of the article equals a price of the table for the same date. A price
// with an effective date is only compared with prices of the same date: a
// text may announce "30 € à compter du 1er octobre 2024" next to a table
// of the prices in force, and that is no contradiction.
func Inconsistencies(ps []Price) []Inconsistency {
	table := map[string][]Price{}
	for _, p := range ps {
		if p.Row {
			table[p.Code] = append(table[p.Code], p)
		}
	}
	type place struct{ clause, code string }
	var order []place
	articles := map[place][]Price{}
	for _, p := range ps {
		if p.Row || table[p.Code] == nil {
			continue
		}
		k := place{p.Clause, p.Code}
		if articles[k] == nil {
			order = append(order, k)
		}
		articles[k] = append(articles[k], p)
	}
	var out []Inconsistency
	for _, k := range order {
		art, tab := articles[k], table[k.code]
		comparable, agree := false, false
		for _, a := range art {
			for _, t := range tab {
				if a.Effective != t.Effective || a.Unit != t.Unit {
					continue
				}
				comparable = true
				if a.Value == t.Value {
					agree = true
				}
			}
		}
		if comparable && !agree {
			out = append(out, Inconsistency{Code: k.code, Article: art, Table: tab})
		}
	}
	return out
}
