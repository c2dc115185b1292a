package amend

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/avenant-dev/avenant/clause"
)

// renumber gives articles their new numbers, all at once, so that "26.2
// et 26.3 deviennent 26.3 et 26.4" never meets two articles 26.3.
func (st *state) renumber(op Op, by string) error {
	var at []int
	news := op.Numbers
	if op.Number != "" {
		news = []string{op.Number}
	}
	for _, t := range op.Targets {
		i, err := st.resolve(t)
		if err != nil {
			return err
		}
		at = append(at, i)
	}
	if op.Through != "" {
		end := op.Targets[0]
		end.Number = op.Through
		last, err := st.resolve(end)
		if err != nil {
			return err
		}
		if last < at[0] {
			return errf("%s comes before %s", end.clauseName(), op.Targets[0].clauseName())
		}
		first := at[0]
		at = at[:0]
		for i := first; i <= last; i++ {
			if st.cl[i].Kind == end.Kind {
				at = append(at, i)
			}
		}
		var err2 error
		if news, err2 = stepNumbers(op.Numbers[0], len(at)); err2 != nil {
			return err2
		}
		if news[len(news)-1] != op.Numbers[1] {
			kinds := "articles"
			if end.Kind == clause.KindAnnex {
				kinds = "annexes"
			}
			return errf("%s %s to %s are %d %s: renumbered from %s, the last is %s, not %s", kinds, op.Targets[0].Number, op.Through, len(at), kinds, op.Numbers[0], news[len(news)-1], op.Numbers[1])
		}
	}
	if err := st.numbersFree(at, news); err != nil {
		return err
	}
	for k, i := range at {
		c := &st.cl[i]
		if h := strings.Index(c.Heading, c.Number); h >= 0 && c.Number != "" {
			c.Heading = c.Heading[:h] + news[k] + c.Heading[h+len(c.Number):]
		}
		c.Number = news[k]
		st.mark(i, by)
	}
	return st.placeRenumbered(at)
}

// numbersFree reports an error when a clause of the kind of those at,
// other than they, bears one of the numbers news they take, or two of
// them take one: "l'article 15 devient l'article 16" where an article 16
// stays would leave two articles 16, which no later instruction, and no
// reader, could tell apart. An annex numbers its articles apart (an
// annexed règlement's article 2 is no article 2 of the convention): only
// the articles of the same annex, or those of none, count.
func (st *state) numbersFree(at []int, news []string) error {
	renumbered := make(map[int]bool, len(at))
	for _, i := range at {
		renumbered[i] = true
	}
	kind := st.cl[at[0]].Kind
	annexes := st.annexes()
	taken := map[string]bool{}
	for i := range st.cl {
		if c := &st.cl[i]; c.Kind == kind && !renumbered[i] && c.Number != "" && annexes[i] == annexes[at[0]] {
			taken[clause.NormalizeNumber(c.Number)] = true
		}
	}
	for _, n := range news {
		if taken[clause.NormalizeNumber(n)] {
			t := Target{Kind: kind, Number: n}
			if a := annexes[at[0]]; a >= 0 && kind != clause.KindAnnex {
				t.InAnnex, t.Annex = true, st.cl[a].Number
			}
			return errf("%s is already in the text", t.clauseName())
		}
		taken[clause.NormalizeNumber(n)] = true
	}
	return nil
}

// numbered reports whether a clause of the kind bears number among those
// the annex at index annex holds (-1: the text's own).
func (st *state) numbered(kind clause.Kind, number string, annex int) bool {
	annexes := st.annexes()
	for i := range st.cl {
		if c := &st.cl[i]; c.Kind == kind && annexes[i] == annex && clause.NormalizeNumber(c.Number) == clause.NormalizeNumber(number) {
			return true
		}
	}
	return false
}

// annexes gives, for each clause, the index of the annex that holds it, -1
// for a clause of the text itself (an annex among the text's own).
func (st *state) annexes() []int {
	out := make([]int, len(st.cl))
	var open []int // the annexes that hold the clause, innermost last
	for i := range st.cl {
		c := &st.cl[i]
		for len(open) > 0 && st.cl[open[len(open)-1]].Depth >= c.Depth {
			open = open[:len(open)-1]
		}
		out[i] = -1
		if len(open) > 0 {
			out[i] = open[len(open)-1]
		}
		if c.Kind == clause.KindAnnex {
			open = append(open, i)
		}
	}
	return out
}

// stepNumbers counts n numbers from first, by its last figure: 19.3,
// 19.4, 19.5…
func stepNumbers(first string, n int) ([]string, error) {
	end := strings.LastIndexFunc(first, unicode.IsDigit) + 1
	start := end
	for start > 0 && unicode.IsDigit(rune(first[start-1])) {
		start--
	}
	if end == 0 {
		return nil, errf("cannot count articles from %s", first)
	}
	base, err := strconv.Atoi(first[start:end])
	if err != nil {
		return nil, errf("cannot count articles from %s", first)
	}
	out := make([]string, n)
	for k := range out {
		out[k] = first[:start] + strconv.Itoa(base+k) + first[end:]
	}
	return out, nil
}
