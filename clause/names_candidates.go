package clause

import (
	"fmt"
	"slices"
	"strings"
)

// candidates lists the clauses hits of cs, which one name denotes, so that
// a reader can tell them apart and name the one meant. Each reads as
// printed; a clause printed like another (two "Annexe IV") is named
// within the nearest division that holds it alone among them ("Arrêté du
// 20 octobre 2016 / Annexe IV", which names it back), and quoted by its
// first words; where neither tells, by its rank in the document. Its id
// comes last, in brackets: the name that never fails.
func candidates(cs []Named, hits []int) []string {
	list := make([]string, len(hits))
	alike := map[string][]int{}
	for k, i := range hits {
		list[k] = DisplayName(cs, i)
		alike[list[k]] = append(alike[list[k]], i)
	}
	for k, i := range hits {
		group := alike[list[k]]
		if len(group) == 1 {
			list[k] += " [" + cs[i].ID + "]"
			continue
		}
		told := false
		if q := withinDivision(cs, i, list[k]); q != "" {
			list[k], told = q, true
		}
		leads := 0
		for _, j := range group {
			if cs[j].Lead != "" && cs[j].Lead == cs[i].Lead {
				leads++
			}
		}
		if cs[i].Lead != "" {
			list[k] += fmt.Sprintf(" «%s»", cs[i].Lead)
			told = told || leads == 1
		}
		if !told {
			list[k] += fmt.Sprintf(" (the %s of %d)", EnglishOrdinal(slices.Index(group, i)+1), len(group))
		}
		list[k] += " [" + cs[i].ID + "]"
	}
	return list
}

// withinDivision is clause i's name within the nearest of its ancestors that
// makes it name i alone ("Titre III / Chapitre 1"), the ancestor named
// short (its kind and number, when it has one); "" when none does.
func withinDivision(cs []Named, i int, name string) string {
	for p := cs[i].Parent; p >= 0 && p < len(cs); p = cs[p].Parent {
		held := ShortName(cs, p)
		if strings.Contains(held, "/") {
			continue // it would read as a division of its own
		}
		q := held + " / " + name
		if hits := ResolveName(cs, q); len(hits) == 1 && hits[0] == i {
			return q
		}
	}
	return ""
}
