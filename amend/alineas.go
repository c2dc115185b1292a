package amend

import (
	"slices"
	"strconv"
	"strings"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// rankedUnit is a unit an instruction names by rank, and the patterns
// that name several at once.
type rankedUnit struct {
	// name is the unit in messages and readRank, plural the plural.
	name, plural string
	// first names the first or the last ones by their count: "les deux
	// premiers alinéas", "les trois dernières phrases".
	first *lazyRegexp
	// list names several in one list or range: "les deuxième et
	// troisième alinéas", "les deuxième à quatrième phrases".
	list *lazyRegexp
	// each names them one by one in a run: "au deuxième alinéa et au
	// troisième alinéa".
	each *lazyRegexp
	// one names one of them.
	one *lazyRegexp
}

var (
	alineaUnit = rankedUnit{"alinéa", "alinéas",
		pattern(`\b(CARDINAL|\d+)\s+(premiers|premières|derniers|dernières)\s+(?:alinéas|paragraphes)\b`), locAlineas,
		pattern(`\b(?:au|à\s+l')\s*ORD\s+(?:alinéa|paragraphe)(?:\s*(?:,|\bet\b)\s*(?:au|à\s+l')\s*ORD\s+(?:alinéa|paragraphe))+\b`), locAlinea}
	phraseUnit = rankedUnit{"phrase", "phrases",
		pattern(`\b(CARDINAL|\d+)\s+(premières|dernières)\s+phrases\b`), locPhrases,
		pattern(`(?:^|[^\pL])(?:à\s+la)\s+ORD\s+phrase(?:\s*(?:,|\bet\b)\s*à\s+la\s+ORD\s+phrase)+\b`), locPhrase}
	// ordinalIn reads each rank of a list ("deuxième et troisième", "2e à
	// 4e") and the word before it.
	ordinalIn = pattern(`(\sà\s+)?\b(ORD)`)
)

// ranksNamed reads the units of kind u s names at once, as ranks in the
// order the instruction names them: a list ("les deuxième et troisième
// alinéas", "au deuxième alinéa et au troisième alinéa"), a range ("les
// deuxième à quatrième alinéas", every rank between), the first or last
// ones ("les deux premières phrases"). Nil when it names one or none.
func ranksNamed(s string, u rankedUnit) ([]int, error) {
	if m := u.first.FindStringSubmatch(s); m != nil {
		n, err := strconv.Atoi(m[1])
		if err != nil {
			var ok bool
			if n, ok = frtext.Cardinal(strings.Fields(strings.ToLower(m[1]))); !ok {
				return nil, errf("names « %s »: not read as a number of %s", m[0], u.plural)
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
	m := u.list.FindString(s)
	if m == "" {
		m = u.each.FindString(s)
	}
	if m != "" {
		for _, o := range ordinalIn.FindAllStringSubmatch(m, -1) {
			r, err := readRank(o[2], u.name)
			if err != nil {
				return nil, err
			}
			if o[1] != "" && len(ranks) > 0 {
				from := ranks[len(ranks)-1]
				if from < 0 || r < 0 || r <= from {
					return nil, errf("names a range of %s that is not read (%s): name each", u.plural, strings.TrimSpace(m))
				}
				for k := from + 1; k < r; k++ {
					add(k)
				}
			}
			add(r)
		}
		if len(ranks) < 2 {
			return nil, errf("names several %s (%s) without their ranks: name each", u.plural, strings.TrimSpace(m))
		}
		return ranks, nil
	}
	// Named apart, each may go with an operation of its own ("au premier
	// alinéa, le mot … est remplacé … et le second alinéa est supprimé"):
	// which goes with which is not read.
	first := ""
	for _, ix := range u.one.FindAllStringIndex(s, -1) {
		m := s[ix[0]:ix[1]]
		if first != "" && !strings.EqualFold(first, m) {
			return nil, errf("names %s apart in one sentence (%s, %s): write one instruction for each, or name them in one list (« aux deuxième et troisième %s »)", u.plural, first, m, u.plural)
		}
		first = m
	}
	return nil, nil
}

// ranksName names several units in messages: "the 2nd and 3rd alinéas".
func ranksName(ranks []int, plural string) string {
	names := make([]string, len(ranks))
	for k, r := range ranks {
		names[k] = ordinalName(r)
	}
	last := len(names) - 1
	return "the " + strings.Join(names[:last], ", ") + " and " + names[last] + " " + plural
}

// applySeveral applies op to the several alinéas, or sentences, t names
// at once, each located in the text as it stands before the instruction,
// as drafting names them: words changed in each; each deleted; rewritten,
// the run they make replaced by the text quoted, which must be one run.
// Applied to each in turn, the removal of the first renumbered the next,
// and the instruction was refused for that.
func (st *state) applySeveral(op Op, t Target, by string) error {
	if len(t.Points) > 1 {
		return st.applyPoints(op, t, by)
	}
	u, ranks := alineaUnit, t.Alineas
	whole := t
	whole.Alineas, whole.Phrases = nil, nil
	if len(t.Phrases) > 1 {
		u, ranks = phraseUnit, t.Phrases
		if len(t.Alineas) > 1 {
			return errf("names several alinéas and several sentences at once: write one instruction for each")
		}
	} else {
		whole.Phrase = 0
	}
	i, err := st.resolve(t)
	if err != nil {
		return err
	}
	text := st.cl[i].Text
	s, err := scope(text, whole)
	if err != nil {
		return err
	}
	spans := alineas(text, s)
	if u.name == "phrase" {
		spans = phrases(text, s)
	}
	var at []int
	for _, r := range ranks {
		k := r - 1
		if r < 0 {
			k = len(spans) + r
		}
		if k < 0 || k >= len(spans) {
			return errf("the %s %s is not in %s (it has %d)", ordinalName(r), u.name, whole.describe(), len(spans))
		}
		if slices.Contains(at, k) {
			return errf("names the %s %s twice", ordinalName(r), u.name)
		}
		at = append(at, k)
	}
	slices.Sort(at)
	switch {
	case t.Part != nil, t.Words != "", op.Kind == Insert, op.Price, op.Kind == Rewrite && u.name == "alinéa" && t.Phrase != 0:
		return errf("names %s for an operation that takes one place: write one instruction for each", ranksName(ranks, u.plural))
	case op.Kind == Rewrite:
		for k := 1; k < len(at); k++ {
			if at[k] != at[k-1]+1 {
				return errf("rewrites %s, which do not follow each other: where the text quoted goes is not said", ranksName(ranks, u.plural))
			}
		}
	}
	// Last first: what goes from one leaves the ranks before it.
	for k := len(at) - 1; k >= 0; k-- {
		one := whole
		if u.name == "phrase" {
			one.Phrase = at[k] + 1
		} else {
			one.Alinea, one.Phrase = at[k]+1, t.Phrase
		}
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
