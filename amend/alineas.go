package amend

import (
	"slices"
	"strconv"
	"strings"

	"github.com/avenant-dev/avenant/internal/frtext"
)

var (
	// locAlineasFirst names the first or the last alinéas by their
	// count: "les deux premiers alinéas", "les trois derniers alinéas".
	locAlineasFirst = pattern(`\b(CARDINAL|\d+)\s+(premiers|premières|derniers|dernières)\s+(?:alinéas|paragraphes)\b`)
	// locAlineasEach names alinéas one by one in a run: "au deuxième
	// alinéa et au troisième alinéa".
	locAlineasEach = pattern(`\b(?:au|à\s+l')\s*ORD\s+(?:alinéa|paragraphe)(?:\s*(?:,|\bet\b)\s*(?:au|à\s+l')\s*ORD\s+(?:alinéa|paragraphe))+\b`)
	// ordinalIn reads each rank of a list ("deuxième et troisième", "2e à
	// 4e") and the word before it.
	ordinalIn = pattern(`(\sà\s+)?\b(ORD)`)
)

// alineaList reads the alinéas s names at once, as ranks in the order the
// instruction names them: a list ("les deuxième et troisième alinéas", "au
// deuxième alinéa et au troisième alinéa"), a range ("les deuxième à
// quatrième alinéas", every rank between), the first or last ones ("les
// deux premiers alinéas"). Nil when it names one alinéa or none.
func alineaList(s string) ([]int, error) {
	if m := locAlineasFirst.FindStringSubmatch(s); m != nil {
		n, err := strconv.Atoi(m[1])
		if err != nil {
			var ok bool
			if n, ok = frtext.Cardinal(strings.Fields(strings.ToLower(m[1]))); !ok {
				return nil, errf("names « %s »: not read as a number of alinéas", m[0])
			}
		}
		var ranks []int
		for k := 1; k <= n; k++ {
			if strings.HasPrefix(strings.ToLower(m[2]), "premi") {
				ranks = append(ranks, k)
			} else {
				ranks = append(ranks, k-n-1)
			}
		}
		return ranks, nil
	}
	var ranks []int
	add := func(r int) {
		if !slices.Contains(ranks, r) {
			ranks = append(ranks, r)
		}
	}
	m := locAlineas.FindString(s)
	if m == "" {
		m = locAlineasEach.FindString(s)
	}
	if m != "" {
		for _, o := range ordinalIn.FindAllStringSubmatch(m, -1) {
			r, err := readRank(o[2], "alinéa")
			if err != nil {
				return nil, err
			}
			if o[1] != "" && len(ranks) > 0 {
				from := ranks[len(ranks)-1]
				if from < 0 || r < 0 || r <= from {
					return nil, errf("names a range of alinéas that is not read (%s): name each", strings.TrimSpace(m))
				}
				for k := from + 1; k < r; k++ {
					add(k)
				}
			}
			add(r)
		}
		return ranks, nil
	}
	// Named apart, each may go with an operation of its own ("au premier
	// alinéa, le mot … est remplacé … et le second alinéa est supprimé"):
	// which goes with which is not read.
	first := ""
	for _, ix := range locAlinea.FindAllStringIndex(s, -1) {
		m := s[ix[0]:ix[1]]
		if first != "" && !strings.EqualFold(first, m) {
			return nil, errf("names alinéas apart in one sentence (%s, %s): write one instruction for each, or name them in one list (« aux deuxième et troisième alinéas »)", first, m)
		}
		first = m
	}
	return nil, nil
}

// alineasName names several alinéas in messages: "the 2nd and 3rd alinéas".
func alineasName(ranks []int) string {
	names := make([]string, len(ranks))
	for k, r := range ranks {
		names[k] = ordinalName(r)
	}
	last := len(names) - 1
	return "the " + strings.Join(names[:last], ", ") + " and " + names[last] + " alinéas"
}

// applySeveral applies op to the several alinéas t names at once, each
// located in the text as it stands before the instruction, as drafting
// names them: words changed in each; the alinéas deleted, each of them;
// rewritten, the run they make replaced by the text quoted, which must be
// one run. Applied to each in turn, the removal of the first renumbered
// the next, and the instruction was refused for that.
func (st *state) applySeveral(op Op, t Target, by string) error {
	if len(t.Points) > 1 {
		return st.applyPoints(op, t, by)
	}
	i, err := st.resolve(t)
	if err != nil {
		return err
	}
	whole := t
	whole.Alineas, whole.Phrase = nil, 0
	text := st.cl[i].Text
	s, err := scope(text, whole)
	if err != nil {
		return err
	}
	spans := alineas(text, s)
	var at []int
	for _, r := range t.Alineas {
		k := r - 1
		if r < 0 {
			k = len(spans) + r
		}
		if k < 0 || k >= len(spans) {
			return errf("the %s alinéa is not in %s (it has %d)", ordinalName(r), whole.describe(), len(spans))
		}
		if slices.Contains(at, k) {
			return errf("names the %s alinéa twice", ordinalName(r))
		}
		at = append(at, k)
	}
	slices.Sort(at)
	switch {
	case t.Part != nil, t.Words != "", op.Kind == Insert, op.Price, op.Kind == Rewrite && t.Phrase != 0:
		return errf("names %s for an operation that takes one place: write one instruction for each", alineasName(t.Alineas))
	case op.Kind == Rewrite:
		for k := 1; k < len(at); k++ {
			if at[k] != at[k-1]+1 {
				return errf("rewrites %s, which do not follow each other: where the text quoted goes is not said", alineasName(t.Alineas))
			}
		}
	}
	// Last first: what goes from an alinéa leaves the ranks before it.
	for k := len(at) - 1; k >= 0; k-- {
		one := whole
		one.Alinea, one.Phrase = at[k]+1, t.Phrase
		o := op
		if op.Kind == Rewrite && k > 0 {
			o = Op{Kind: Repeal}
		}
		if err := st.applyTo(o, one, by); err != nil {
			return err
		}
	}
	return nil
}
