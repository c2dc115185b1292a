package clause

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// closestNames returns the labels of up to n clauses nearest to name, a
// name that denotes none, nearest first, for an error message. A name that
// reads as a kind and a number ("article 28 alinéa 1", "Article 28, 1°",
// "Article 2 ter") is near, in this order, the clauses that bear the title
// it gives under another number (the article renumbered since), the
// clause of its number, the clauses under that one, then those whose
// number shares more of its first parts (28.1 and 28.2 for 28.3, 2 bis
// for 2 ter) and is nearer in value (28 for 29), then those whose names
// are fewest edits away (over the folded forms, each form cut to two
// characters more than name has, so that a long heading is near the short
// name that opens it). A kind named, or a bare number (an article's), or a
// point's number, is compared with clauses of that kind only: "Annexe 9"
// suggests annexes.
func closestNames(cs []Named, name string, n int) []string {
	folded := []rune(frtext.Fold(name))
	q := readQuery(name)
	type scored struct {
		i                    int
		titled, exact, under bool
		shared, near, d      int
	}
	var all []scored
	for i := range cs {
		c := &cs[i]
		if q.kind != "" && c.Kind != q.kind || q.point && !isPoint(c) {
			continue
		}
		sc := scored{i: i, d: -1, near: -1}
		for _, cand := range nameForms(cs, i) {
			f := []rune(frtext.Fold(cand))
			if len(f) > len(folded)+2 {
				f = f[:len(folded)+2]
			}
			if d := frtext.EditDistance(folded, f); sc.d < 0 || d < sc.d {
				sc.d = d
			}
		}
		if q.key != "" {
			sc.exact = c.Key == q.key
			sc.titled = q.title != "" && c.Heading != "" && headingRest(c.Heading, c.Number) == q.title
			sc.under = q.holds(cs, i)
			sc.shared, sc.near = numberNearness(q.key, c.Key)
		}
		if sc.titled || sc.exact || sc.under || sc.shared > 0 || sc.near >= 0 && sc.near <= 2 || sc.d <= max(2, len(folded)/2) {
			all = append(all, sc)
		}
	}
	slices.SortStableFunc(all, func(a, b scored) int {
		return cmp.Or(
			boolFirst(a.titled, b.titled), boolFirst(a.exact, b.exact), boolFirst(a.under, b.under),
			cmp.Compare(b.shared, a.shared), boolFirst(a.near >= 0, b.near >= 0), cmp.Compare(a.near, b.near),
			cmp.Compare(a.d, b.d))
	})
	var out []string
	for _, s := range all {
		if len(out) == n {
			break
		}
		out = append(out, DisplayName(cs, s.i))
	}
	return out
}

// boolFirst orders true before false.
func boolFirst(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

// query is what closestNames reads of an unknown name: the kind it names
// and the key of its number, with the title after it, or a point's number.
type query struct {
	kind       Kind
	key, title string
	point      bool
}

// readQuery reads name as a kind and a number with what follows them,
// which may be a title or a part of the clause ("alinéa 1", ", 1°"), or as
// a bare number, read as the article's heading it would be ("2 bis B" is
// "Article 2 bis B", near 2 bis and not only 2), or as a point's number.
func readQuery(name string) query {
	if _, ok := pointName(name); ok {
		return query{kind: KindItem, point: true}
	}
	name = numberDashes(strings.TrimSpace(name))
	lead := name
	if k := strings.IndexAny(name, ",;("); k > 0 {
		lead = strings.TrimSpace(name[:k]) // "Article 28, 1°": article 28 and a part of it
	}
	if r, _ := utf8.DecodeRuneInString(lead); unicode.IsDigit(r) {
		lead = "Article " + lead
	}
	if kind, key, title, ok := nameKey(lead); ok {
		return query{kind: kind, key: key, title: title}
	}
	return query{}
}

// holds reports whether a clause of the number q names holds clause i.
func (q query) holds(cs []Named, i int) bool {
	return withinAny(cs, cs[i].Parent, func(p int) bool { return cs[p].Key == q.key })
}

// withinAny reports whether clause parent, or one of its ancestors,
// satisfies ok: whether a clause whose parent it is stands within one.
func withinAny(cs []Named, parent int, ok func(p int) bool) bool {
	for p := parent; p >= 0 && p < len(cs); p = cs[p].Parent {
		if ok(p) {
			return true
		}
	}
	return false
}

// numberNearness compares the numbers of two keys of one kind, part by
// part ("28.3" against "28.1"): how many first parts they share, and how
// far apart the first part that differs is in value (|3 − 1|, a rank of
// bis, ter… against another; 0 when b's number is the first parts of a's,
// the clause that holds it), -1 when nothing tells.
func numberNearness(a, b string) (shared, near int) {
	pa, na, _ := strings.Cut(a, ":")
	pb, nb, _ := strings.Cut(b, ":")
	if pa != pb || na == "" || nb == "" {
		return 0, -1
	}
	ta, tb := strings.Split(na, "."), strings.Split(nb, ".")
	for shared < len(ta) && shared < len(tb) && ta[shared] == tb[shared] {
		shared++
	}
	switch {
	case shared == len(tb):
		return shared, 0
	case shared == len(ta):
		return shared, -1
	}
	x, ex := strconv.Atoi(ta[shared])
	y, ey := strconv.Atoi(tb[shared])
	switch {
	case ex == nil && ey == nil:
		return shared, abs(x - y)
	case latinRank[ta[shared]] > 0 && latinRank[tb[shared]] > 0:
		return shared, abs(latinRank[ta[shared]] - latinRank[tb[shared]])
	}
	return shared, -1
}

// nameForms are the names clause i answers to, for closestNames.
func nameForms(cs []Named, i int) []string {
	c := &cs[i]
	forms := []string{c.ID, ShortName(cs, i)}
	if c.Heading != "" {
		// Its title alone too: a reader remembers "Régulation" more
		// often than the number it bears in this version.
		forms = append(forms, c.Heading, headingRest(c.Heading, c.Number))
	}
	if c.Kind == KindArticle && c.Number != "" {
		forms = append(forms, c.Number)
	}
	return forms
}
