package amend

import (
	"slices"

	"github.com/avenant-dev/avenant/clause"
)

// placeRenumbered puts each clause at renumbered indices at, whose number
// has changed, where its new number goes among the clauses of its kind
// that its division holds: "L'article 3 devient l'article 1 bis" takes
// article 3 after article 1, as a consolidated text reads; "l'article 14
// devient l'article 13" after article 13 is repealed moves nothing.
// Before, the article kept its place, an article 1 bis after article 2.
// Its division's clauses of that kind must otherwise stand in order, one
// after the other: in a text that orders them otherwise, or mixes other
// clauses among them, where the number goes is not known, and the
// instruction is refused.
func (st *state) placeRenumbered(at []int) error {
	moved := make(map[int]bool, len(at))
	for _, i := range at {
		moved[i] = true
	}
	done := map[int]bool{} // the divisions ordered, by their first clause
	for _, i := range at {
		first, last := st.division(i)
		if done[first] {
			continue
		}
		done[first] = true
		// Sorting moves clauses within first..last-1 only: the indices
		// of the other divisions hold.
		if err := st.orderChildren(first, last, st.cl[i].Kind, moved, st.name(i)); err != nil {
			return err
		}
	}
	return nil
}

// division is where the clauses held by the same clause as i stand:
// from..to-1 (the whole text for a clause at top level).
func (st *state) division(i int) (from, to int) {
	p := i - 1
	for p >= 0 && st.cl[p].Depth >= st.cl[i].Depth {
		p--
	}
	if p < 0 {
		return 0, len(st.cl)
	}
	return p + 1, st.end(p)
}

// subtree is a clause and what it holds: st.cl[start:end].
type subtree struct{ start, end int }

// orderChildren sorts, by number, the clauses of kind that from..to-1
// holds directly, each with what it holds, when they stand one after the
// other and those not renumbered (not in moved) stand in order.
func (st *state) orderChildren(from, to int, kind clause.Kind, moved map[int]bool, name string) error {
	var run, kept []subtree
	apart := false
	for j := from; j < to; j = st.end(j) {
		if st.cl[j].Kind != kind {
			continue
		}
		if len(run) > 0 && run[len(run)-1].end != j {
			apart = true
		}
		run = append(run, subtree{j, st.end(j)})
		if !moved[j] {
			kept = append(kept, subtree{j, st.end(j)})
		}
	}
	if st.sorted(run) {
		return nil
	}
	if apart || !st.sorted(kept) {
		return errf("%s is given a number whose place is not known: the %ss around it do not stand in the order of their numbers", name, kind)
	}
	order := slices.Clone(run)
	slices.SortStableFunc(order, func(a, b subtree) int {
		return clause.CompareNumbers(st.cl[a.start].Number, st.cl[b.start].Number)
	})
	start, end := run[0].start, run[len(run)-1].end
	cl := make([]clause.Clause, 0, end-start)
	base := make([]int, 0, end-start)
	by := make([][]Step, 0, end-start)
	for _, c := range order {
		cl = append(cl, st.cl[c.start:c.end]...)
		base = append(base, st.base[c.start:c.end]...)
		by = append(by, st.by[c.start:c.end]...)
	}
	copy(st.cl[start:end], cl)
	copy(st.base[start:end], base)
	copy(st.by[start:end], by)
	return nil
}

// sorted reports whether the clauses of run stand in the order of their
// numbers.
func (st *state) sorted(run []subtree) bool {
	for k := 1; k < len(run); k++ {
		if clause.CompareNumbers(st.cl[run[k-1].start].Number, st.cl[run[k].start].Number) > 0 {
			return false
		}
	}
	return true
}
