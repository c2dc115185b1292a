package amend

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// pointRenumberForm reads "le 2° devient le 3°", "les 3° à 5° deviennent
// les 4° à 6°", "les a) et b) deviennent respectivement les b) et c)": the
// points of the clause the rest of the instruction names.
var pointRenumberForm = pattern(strings.ReplaceAll(`\b(?:le|les)\s+(PN(?:\s*(?:,|\bet\b|\sà\s)\s*PN)*)\s+(?:devient|deviennent)\s+(?:respectivement\s+)?(?:le|les)\s+(PN(?:\s*(?:,|\bet\b|\sà\s)\s*PN)*)`,
	"PN", `(?:\d+°(?:\s+LATIN\b)?|(?-i:[a-z])\))`))

// pointMarkers reads a list or a range of points ("3° à 5°", "a) et b)")
// as the markers lines open with, every one of a range.
func pointMarkers(list string) ([]string, error) {
	var out []string
	for _, item := range splitList(list) {
		from, to, ok := cutRange(item)
		if !ok {
			out = append(out, strings.Join(strings.Fields(item), " "))
			continue
		}
		a, b := strings.TrimSpace(from), strings.TrimSpace(to)
		switch {
		case strings.HasSuffix(a, "°") && strings.HasSuffix(b, "°"):
			x, err1 := strconv.Atoi(strings.TrimSuffix(a, "°"))
			y, err2 := strconv.Atoi(strings.TrimSuffix(b, "°"))
			if err1 != nil || err2 != nil || y < x {
				return nil, errf("names a range of points that is not read (%s): name each", item)
			}
			for k := x; k <= y; k++ {
				out = append(out, strconv.Itoa(k)+"°")
			}
		case len(a) == 2 && len(b) == 2 && a[1] == ')' && b[1] == ')' && a[0] <= b[0]:
			for r := a[0]; r <= b[0]; r++ {
				out = append(out, string(r)+")")
			}
		default:
			return nil, errf("names a range of points that is not read (%s): name each", item)
		}
	}
	return out, nil
}

// pointRenumberOp reads a renumbering of points; its targets are the
// clause the rest of the instruction names.
func pointRenumberOp(m []string) (Op, error) {
	from, err := pointMarkers(m[1])
	if err != nil {
		return Op{}, err
	}
	to, err := pointMarkers(m[2])
	if err != nil {
		return Op{}, err
	}
	if len(from) != len(to) {
		return Op{}, errf("renumbers %d point%s (%s) with %d marker%s (%s)", len(from), plural(len(from)), m[1], len(to), plural(len(to)), m[2])
	}
	return Op{Kind: Renumber, Points: [2][]string{from, to}}, nil
}

// renumberPoints gives the points op names in the clause t names their new
// markers, all at once, so that "les 3° à 5° deviennent les 4° à 6°" never
// meets two 4°. A marker another point of the list keeps is refused, as
// two 4° could not be told apart.
func (st *state) renumberPoints(op Op, t Target, by string) error {
	// The points that hold them only: a place the sentence names for
	// another operation ("le 5° devient le 6° et, après le 4°, il est
	// inséré un 5°") is none of theirs.
	depth := strings.IndexByte("I°)", markerFamily(op.Points[0][0]))
	held := 0
	for held < len(t.Point) && strings.IndexByte("I°)", markerFamily(t.Point[held])) < depth {
		held++
	}
	t.Point, t.Alinea, t.Alineas, t.Phrase = t.Point[:held], 0, nil, 0
	i, err := st.resolve(t)
	if err != nil {
		return err
	}
	text := st.cl[i].Text
	s, err := scope(text, t)
	if err != nil {
		return err
	}
	from, to := op.Points[0], op.Points[1]
	starts := make([]int, len(from))
	for k, m := range from {
		p, n := point(text, s, m)
		switch {
		case n == 0:
			return errf("point %s is not in %s", m, t.describe())
		case n > 1:
			return errf("%d points %s are in %s: name the point that holds the one meant", n, m, t.describe())
		}
		starts[k] = p.start
	}
	for k, m := range to {
		if slices.Contains(to[:k], m) {
			return errf("gives two points the marker %s", m)
		}
		if _, n := point(text, s, m); n > 0 && !slices.Contains(from, m) {
			return errf("point %s is in %s already, and keeps its marker: renumber it first", m, t.describe())
		}
	}
	order := make([]int, len(from))
	for k := range order {
		order[k] = k
	}
	// Last first: a marker rewritten leaves the places before it.
	slices.SortFunc(order, func(a, b int) int { return starts[b] - starts[a] })
	for _, k := range order {
		at := starts[k]
		text = text[:at] + to[k] + text[at+len(from[k]):]
	}
	st.cl[i].Text = text
	st.mark(i, by)
	return nil
}

// pointsTaken refuses points inserted in the list of clause i's text s
// whose markers a point of it has already ("Après le 2°, sont insérés des
// 3° et 4°" where a 3° stands): inserted so, two 3° stood side by side, the
// text unreadable by the next instruction, without a word. Drafting
// renumbers the points first ("les 3° à 5° deviennent les 5° à 7°").
// The list is the one the point t names belongs to, when the points
// inserted are of its kind ("après le 2°", "un 3°"), else the one t names
// holds ("au 2°, un a)").
func pointsTaken(text string, t Target, quoted string) error {
	first := lineMarker(quoted)
	if first == "" {
		return nil
	}
	in := Target{Kind: t.Kind, Number: t.Number, Row: t.Row, Labelled: t.Labelled, Point: t.Point}
	if n := len(in.Point); n > 0 && markerFamily(in.Point[n-1]) == markerFamily(first) {
		in.Point = in.Point[:n-1]
	}
	s, err := scope(text, in)
	if err != nil {
		return nil
	}
	for _, para := range strings.Split(quoted, "\n\n") {
		m := lineMarker(para)
		if m == "" {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(m); r >= 'A' && r <= 'Z' {
			continue
		}
		if _, n := point(text, s, m); n > 0 {
			return errf("inserts a point %s where a point %s stands: renumber it first (« le %s devient le … »)", m, m, m)
		}
	}
	return nil
}

// readPoints reads the points s names at once ("les 2° et 3° du I", "les
// 1° à 3°") into t.Points, the first of them out of t.Point, which keeps
// the points that hold them.
func (t *Target) readPoints(s string) error {
	m := locPointList.FindString(s)
	if m == "" {
		return nil
	}
	_, list, _ := strings.Cut(strings.TrimSpace(m), " ")
	markers, err := pointMarkers(list)
	if err != nil {
		return err
	}
	if k := slices.Index(t.Point, markers[0]); k >= 0 {
		t.Point = slices.Delete(t.Point, k, k+1)
	}
	t.Points = markers
	return nil
}

// applyPoints applies op to the several points of one list t names at
// once, each found by its marker, which the others' removal leaves as it
// is: words changed in each, each deleted, or, following each other, the
// run they make rewritten by the quotation. Before, such an instruction
// was refused ("names several points at once").
func (st *state) applyPoints(op Op, t Target, by string) error {
	if t.Part != nil || t.Words != "" || t.Alinea != 0 || t.Phrase != 0 || op.Kind == Insert || op.Price {
		return errf("names points %s for an operation that takes one place: write one instruction for each", strings.Join(t.Points, ", "))
	}
	one := func(m string) Target {
		o := t
		o.Points, o.Point = nil, append(slices.Clip(t.Point), m)
		return o
	}
	if op.Kind != Rewrite && op.Kind != Repeal {
		for _, m := range t.Points {
			if err := st.applyTo(op, one(m), by); err != nil {
				return err
			}
		}
		return nil
	}
	i, err := st.resolve(t)
	if err != nil {
		return err
	}
	text := st.cl[i].Text
	var spans []span
	for _, m := range t.Points {
		s, err := scope(text, one(m))
		if err != nil {
			return err
		}
		spans = append(spans, s)
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	if op.Kind == Rewrite {
		for k := 1; k < len(spans); k++ {
			if strings.TrimSpace(text[spans[k-1].end:spans[k].start]) != "" {
				return errf("rewrites points %s, which do not follow each other: where the text quoted goes is not said", strings.Join(t.Points, ", "))
			}
		}
		spans = []span{{spans[0].start, spans[len(spans)-1].end}}
	}
	// Last first: what goes from a point leaves the places before it.
	for k := len(spans) - 1; k >= 0; k-- {
		with := ""
		if op.Kind == Rewrite {
			with = op.New
		}
		text = splice(text, spans[k], with)
	}
	st.cl[i].Text = text
	st.mark(i, by)
	return nil
}
