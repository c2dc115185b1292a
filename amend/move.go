package amend

import (
	"strings"

	"github.com/avenant-dev/avenant/clause"
)

// moveForm reads "l'article 3 est transféré après l'article 1", "l'annexe
// 3 est déplacée avant l'annexe 2", "… et devient l'article 1 bis": the op
// names its own target and the clause it goes beside. A clause sent into
// a division ("est transféré au chapitre 2") is no form read: where in it
// is not said, and leftOperation refuses it.
var moveForm = pattern(`\b(article|annexe)\s+(NUM|ANNEXNUM)(INANNEX)?\s+(?:est\s+)?(?:transférée?|déplacée?)\s+(après|avant)\s+l'(article|annexe)\s+(NUM|ANNEXNUM)(INANNEX)?(?:\s*,?\s+et\s+devient\s+l'(?:article|annexe)\s+(NUM|ANNEXNUM))?`)

// moveOp is the op of a match of moveForm.
func moveOp(m []string) Op {
	kindOf := func(word string) clause.Kind {
		if strings.EqualFold(word, "annexe") {
			return clause.KindAnnex
		}
		return clause.KindArticle
	}
	target := func(kind, number, annex string) Target {
		annex = inAnnexNumber(annex)
		return Target{Kind: kindOf(kind), Number: number, InAnnex: annex != "", Annex: annex}
	}
	place := PlaceAfter
	if strings.EqualFold(m[4], "avant") {
		place = PlaceBefore
	}
	anchor := target(m[5], m[6], m[7])
	return Op{Kind: Move, Targets: []Target{target(m[1], m[2], m[3])}, To: &anchor, Place: place, Number: m[8]}
}

// move takes the clause op names, with what it holds, beside the clause
// its anchor names, at that clause's depth, and renumbers it when the
// instruction says so.
func (st *state) move(op Op, by string) error {
	from, err := st.resolve(op.Targets[0])
	if err != nil {
		return err
	}
	to, err := st.resolve(*op.To)
	if err != nil {
		return err
	}
	end := st.end(from)
	if to >= from && to < end {
		return errf("%s holds %s: it cannot go beside it", st.name(from), st.name(to))
	}
	if st.cl[from].Kind != st.cl[to].Kind {
		return errf("%s cannot go beside %s: only a clause of its kind says where", st.name(from), st.name(to))
	}
	at := to
	if op.Place == PlaceAfter {
		at = st.end(to)
	}
	if op.Number != "" {
		if err := st.numbersFree([]int{from}, []string{op.Number}); err != nil {
			return err
		}
		c := &st.cl[from]
		if h := strings.Index(c.Heading, c.Number); h >= 0 && c.Number != "" {
			c.Heading = c.Heading[:h] + op.Number + c.Heading[h+len(c.Number):]
		}
		c.Number = op.Number
	}
	st.mark(from, by)
	shift := st.cl[to].Depth - st.cl[from].Depth
	cl := append([]clause.Clause(nil), st.cl[from:end]...)
	for k := range cl {
		cl[k].Depth += shift
	}
	base := append([]int(nil), st.base[from:end]...)
	steps := append([][]Step(nil), st.by[from:end]...)
	st.remove(from, end)
	if at > from {
		at -= end - from
	}
	st.cl = append(st.cl[:at], append(cl, st.cl[at:]...)...)
	st.base = append(st.base[:at], append(base, st.base[at:]...)...)
	st.by = append(st.by[:at], append(steps, st.by[at:]...)...)
	return nil
}
