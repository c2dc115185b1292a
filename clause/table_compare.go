package clause

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// Two versions of a table row are compared as records: cell by cell
// where they price an act in several columns, whatever the format wrote
// of empty and merged cells.

// rowFacts compares two versions of a row cell by cell when it prices an
// act in several columns (Métropole | DOM): each amount is a fact of its
// own, its subject the act code and the column's name from the header, so
// that a change of one column is never paired with the other. A row with
// one amount, or whose columns changed in number, is compared whole.
func rowFacts(old, new *Document, oc, nc *Clause, refs *refIndex) []Fact {
	oCells, nCells, names := recordCells(old, new, oc, nc)
	subject := pairSubject(old, new, oc, nc)
	// A row's one price set under another zone's column ("| 30 € | |" →
	// "| | 30 € |") leaves the one zone and prices the other.
	oz, nz := old.zoneOf(oc), new.zoneOf(nc)
	moved := oz != "" && nz != "" && oz != nz || valuesSwapped(oCells, nCells)
	if len(oCells) != len(nCells) || max(amountCells(oCells), amountCells(nCells)) < 2 && !moved {
		// Read by the row's code, then named as the row: a qualified
		// subject is no code, and the reader tied the price to a code of
		// the label instead ("| G | Consultation (DROM) | … |": "amount
		// DROM").
		facts := compareFacts(strings.Join(oCells, cellSep), strings.Join(nCells, cellSep), factSubject(nc), refs)
		facts = zoneNamed(qualify(facts, factSubject(nc), subject), subject, oz, nz)
		return withRowCode(facts, factSubject(oc), factSubject(nc))
	}
	var out []Fact
	for j := range nCells {
		sub := cellSubject(subject, names, j, isAmount(oCells[j]) || isAmount(nCells[j]))
		out = append(out, compareFacts(oCells[j], nCells[j], sub, refs)...)
	}
	return withRowCode(qualify(out, factSubject(nc), subject), factSubject(oc), factSubject(nc))
}

// recordCells are the cells of two versions of a row laid over the same
// columns, so that rowFacts compares them one by one: the old row's in
// the order of the new header's columns when the columns were reordered;
// each row in columns laid over its header's by where its cells stand
// (its grid), a column it left open taking the price before it or
// nothing as the other version has it (fillOpen); and a price written
// once across columns the other version prices one by one spread over
// each of them. It returns the names of the columns they are laid over.
func recordCells(old, new *Document, oc, nc *Clause) (o, n, names []string) {
	oCells, nCells := old.cellsOf(oc), new.cellsOf(nc)
	oNames, nNames := columnNames(old, oc), columnNames(new, nc)
	if o, n, names, ok := byColumnName(oCells, nCells, oNames, nNames); ok {
		return o, n, names
	}
	if o, n, names, ok := byColumnFate(oCells, nCells, oNames, nNames); ok {
		return o, n, names
	}
	if cells, ok := inColumnOrder(old, new, oc, nc); ok {
		oCells = cells
	}
	oOpen, nOpen := openColumns(oc, oNames), openColumns(nc, nNames)
	if oOpen != nil && nOpen == nil {
		oCells = fillOpen(oCells, oOpen, nCells)
	} else {
		nCells = fillOpen(nCells, nOpen, oCells)
		oCells = fillOpen(oCells, oOpen, nCells)
	}
	// Trailing empty cells, which a text in columns does not show, leave
	// the columns where they are.
	for len(oCells) > len(nCells) && oCells[len(oCells)-1] == "" {
		oCells = oCells[:len(oCells)-1]
	}
	for len(nCells) > len(oCells) && nCells[len(nCells)-1] == "" {
		nCells = nCells[:len(nCells)-1]
	}
	// A price written once across the columns the other version prices
	// one by one covers each of them.
	if len(oCells) < len(nCells) {
		oCells = spread(oCells, nCells)
	} else if len(nCells) < len(oCells) {
		nCells = spread(nCells, oCells)
	}
	return oCells, nCells, nNames
}

// byColumnName lays two versions of a row, each a cell for each column of
// its header, over the columns of the header that names more when the
// other names some of them only: a column taken out of the table (DOM
// dropped from "Métropole | DOM") takes its prices away, each row's, and
// is no price written once across the columns left ("| G | … | 30 € | 30
// € |" → "| G | … | 30 € |" read as the one record, and check passed).
func byColumnName(oCells, nCells, oNames, nNames []string) (o, n, names []string, ok bool) {
	if len(oNames) == len(nNames) || len(oCells) != len(oNames) || len(nCells) != len(nNames) ||
		!distinctColumns(oNames) || !distinctColumns(nNames) {
		return nil, nil, nil, false
	}
	at := func(names []string, name string) int {
		return slices.IndexFunc(names, func(s string) bool { return ColumnLabel(s) == ColumnLabel(name) })
	}
	long, short := oNames, nNames
	if len(nNames) > len(oNames) {
		long, short = nNames, oNames
	}
	for _, name := range short {
		if at(long, name) < 0 {
			return nil, nil, nil, false // renamed: a column of one price in place of zones
		}
	}
	cell := func(cells, names []string, name string) string {
		if k := at(names, name); k >= 0 {
			return cells[k]
		}
		return ""
	}
	for _, name := range long {
		o, n = append(o, cell(oCells, oNames, name)), append(n, cell(nCells, nNames, name))
	}
	return o, n, long, true
}

// byColumnFate lays two versions of a row, each a cell for each column of
// its header, over the columns of both when the headers name other
// columns (not only more, nor the same in another order): a column of one
// name in both is compared with itself; the columns one header names
// alone are its zones replaced by others, so that each zone's price says
// what became of it. One price column in place of several ("Métropole |
// DOM" → "Tarif") gives its price to each ("amount G (DOM → Tarif): 32 € →
// 30 €"; the DOM price read "amount G: 32 € → –", its zone unsaid), and
// so does one that several replace; as many in place of as many are
// compared in place, named by both names ("amount G (Antilles →
// Antilles-Guyane)": the new name alone said the old price was its), and otherwise each
// column's price goes or comes alone. The other columns (a date, a label)
// are compared in place when as many go as come, else go or come alone.
// It returns the names of the columns laid, both names where they differ.
func byColumnFate(oCells, nCells, oNames, nNames []string) (o, n, names []string, ok bool) {
	if len(oCells) != len(oNames) || len(nCells) != len(nNames) || len(oNames) == 0 || len(nNames) == 0 ||
		!distinctColumns(oNames) || !distinctColumns(nNames) {
		return nil, nil, nil, false
	}
	label := func(names []string, k int) string { return frtext.Fold(ColumnLabel(names[k])) }
	inOld, inNew := map[string]int{}, map[string]int{}
	for k := range oNames {
		inOld[label(oNames, k)] = k
	}
	for j := range nNames {
		inNew[label(nNames, j)] = j
	}
	type pair struct {
		o, n int  // the columns, -1 for none
		both bool // named by both names: a zone's price given to another
	}
	var pairs []pair
	var oLeft, nLeft [2][]int // the columns one header names alone: [0] prices, [1] the others
	kind := func(cell string) int {
		if cell == "" || isAmount(cell) || noPrice(cell) {
			return 0
		}
		return 1
	}
	for k := range oNames {
		if j, ok := inNew[label(oNames, k)]; ok {
			pairs = append(pairs, pair{k, j, false})
		} else {
			oLeft[kind(oCells[k])] = append(oLeft[kind(oCells[k])], k)
		}
	}
	for j := range nNames {
		if _, ok := inOld[label(nNames, j)]; !ok {
			nLeft[kind(nCells[j])] = append(nLeft[kind(nCells[j])], j)
		}
	}
	if len(oLeft[0])+len(oLeft[1]) == 0 || len(nLeft[0])+len(nLeft[1]) == 0 {
		return nil, nil, nil, false // the same columns, or more, or fewer: columnOrder's, byColumnName's
	}
	for x, os := range oLeft {
		ns := nLeft[x]
		switch {
		case len(os) == len(ns):
			for y := range os {
				pairs = append(pairs, pair{os[y], ns[y], true})
			}
		case x == 0 && len(ns) == 1 && len(os) > 1:
			for _, k := range os {
				pairs = append(pairs, pair{k, ns[0], true})
			}
		case x == 0 && len(os) == 1 && len(ns) > 1:
			for _, j := range ns {
				pairs = append(pairs, pair{os[0], j, true})
			}
		default:
			for _, k := range os {
				pairs = append(pairs, pair{k, -1, false})
			}
			for _, j := range ns {
				pairs = append(pairs, pair{-1, j, false})
			}
		}
	}
	// In the old columns' order, then those the new version adds.
	slices.SortStableFunc(pairs, func(a, b pair) int {
		switch {
		case (a.o < 0) != (b.o < 0):
			return cmp.Compare(b.o, a.o)
		case a.o < 0:
			return cmp.Compare(a.n, b.n)
		}
		return cmp.Compare(a.o, b.o)
	})
	for _, pr := range pairs {
		oc, nc, name := "", "", ""
		if pr.o >= 0 {
			oc, name = oCells[pr.o], oNames[pr.o]
		}
		if pr.n >= 0 {
			nc, name = nCells[pr.n], nNames[pr.n]
			if pr.both {
				name = ColumnLabel(oNames[pr.o]) + " → " + ColumnLabel(name)
			}
		}
		o, n, names = append(o, oc), append(n, nc), append(names, name)
	}
	return o, n, names, true
}

// columnsReordered reports a row under a header that names the same
// columns as the other version's, in another order ("Métropole | DROM" →
// "DROM | Métropole").
func columnsReordered(old, new *Document, oc, nc *Clause) bool {
	if !isTableRow(oc) || !isTableRow(nc) || oc.Parent < 0 || nc.Parent < 0 ||
		old.Clauses[oc.Parent].Heading == new.Clauses[nc.Parent].Heading {
		return false
	}
	_, ok := columnOrder(columnNames(old, oc), columnNames(new, nc))
	return ok
}

// inColumnOrder gives the cells of the old row in the order of the new
// header's columns, when both headers name the same columns in another
// order: a price is compared with the price of its own column, whatever
// place the column took.
func inColumnOrder(old, new *Document, oc, nc *Clause) ([]string, bool) {
	if !columnsReordered(old, new, oc, nc) {
		return nil, false
	}
	from, _ := columnOrder(columnNames(old, oc), columnNames(new, nc))
	cells := old.cellsOf(oc)
	if len(cells) != len(from) {
		return nil, false
	}
	out := make([]string, len(cells))
	for j, k := range from {
		out[j] = cells[k]
	}
	return out, true
}

// columnOrder returns, for each column of b, the column of a of the same
// name, when a and b name the same distinct columns in another order.
func columnOrder(a, b []string) ([]int, bool) {
	if len(a) != len(b) || len(a) < 2 || slices.Equal(a, b) || !distinctColumns(a) || !distinctColumns(b) {
		return nil, false
	}
	at := make(map[string]int, len(a))
	for k, name := range a {
		at[ColumnLabel(name)] = k
	}
	from := make([]int, len(b))
	for j, name := range b {
		k, ok := at[ColumnLabel(name)]
		if !ok {
			return nil, false
		}
		from[j] = k
	}
	return from, true
}

// distinctColumns reports a header whose columns each have a name of
// their own: laid by name, two columns called "Tarif" would both take the
// first one's price, and the second's, changed or gone, pass unseen.
func distinctColumns(names []string) bool {
	seen := make(map[string]bool, len(names))
	for _, name := range names {
		label := frtext.Fold(ColumnLabel(name))
		if seen[label] {
			return false
		}
		seen[label] = true
	}
	return true
}

// sameRecord reports two rows that are one record written two ways: the
// one writes once a price that spans several columns (one price for
// métropole and DOM, a merged cell, which a PDF or a text in columns shows
// once), the other repeats it in each column it covers, as Word and HTML
// tables are read; or the one has empty cells (a date of effect left
// blank, "| MD | … | 10 € | |") where the other, in columns, has none to
// show. It is the reading rowFacts compares by (recordCells), found with
// no cell apart.
func sameRecord(old, new *Document, oc, nc *Clause) bool {
	a, b, _ := recordCells(old, new, oc, nc)
	return slices.Equal(a, b)
}

// spread lays the cells of a row over the columns of the same row of
// another version, which has more: a price of this one may be written once
// across columns where the other repeats a price (its cell repeated over
// them), and
// an empty cell of the other may be one this one does not show. Of the
// ways to lay it so, the one that leaves fewest cells apart from the
// other's wins, then the one whose prices written once cover the columns
// the other gives one price (30 € | 30 € | 32 € | 32 € against 30 € | 30 €
// | 33 €: the 33 € is Réunion's and Mayotte's, both changed, not
// Mayotte's alone, Réunion's turned into 30 €). It returns short as it is
// when the cells cannot fall so.
func spread(short, long []string) []string {
	n, m := len(short), len(long)
	if n >= m || n == 0 || m > maxSpreadCells {
		return short
	}
	// best[i][j][s]: the best score laying short[i:] over long[j:], the
	// column before j holding short[i-1] (s = 0) or nothing (s = 1, an
	// empty cell of long's); a score counts cells alike, then columns
	// whose likeness to the column before agrees in both versions.
	const none = -1
	type step struct{ score, move int }
	best := make([][][2]step, n+1)
	for i := range best {
		best[i] = make([][2]step, m+1)
		for j := range best[i] {
			best[i][j] = [2]step{{none, 0}, {none, 0}}
		}
	}
	best[n][m] = [2]step{{0, 0}, {0, 0}}
	before := func(i, s int) string {
		if s == 1 || i == 0 {
			return ""
		}
		return short[i-1]
	}
	score := func(cell string, j int, prev string) int { return likeness(cell, prev, long, j) }
	for i := n; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			for s := range 2 {
				prev := before(i, s)
				b := step{none, 0}
				try := func(next step, add, move int) {
					if next.score != none && next.score+add > b.score {
						b = step{next.score + add, move}
					}
				}
				if i < n {
					try(best[i+1][j+1][0], score(short[i], j, prev), 1) // a cell of its own
				}
				if i > 0 && s == 0 && j > 0 && long[j] == long[j-1] && isAmount(short[i-1]) {
					try(best[i][j+1][0], score(short[i-1], j, prev), 2) // the price before, written once
				}
				if long[j] == "" {
					try(best[i][j+1][1], score("", j, prev), 3) // a cell it does not show
				}
				best[i][j][s] = b
			}
		}
	}
	if best[0][0][0].score == none {
		return short
	}
	out := make([]string, 0, m)
	i, s := 0, 0
	for j := range m {
		switch best[i][j][s].move {
		case 1:
			out = append(out, short[i])
			i, s = i+1, 0
		case 2:
			out = append(out, short[i-1])
			s = 0
		default:
			out = append(out, "")
			s = 1
		}
	}
	return out
}

// maxSpreadCells bounds the rows spread lays out: a row of more cells than
// a table has columns (64 at most, as spans are bounded) is compared whole.
const maxSpreadCells = 64

// withRowCode reports a row whose code changed ("| TLX | … |" → "| TLY |
// … |") by a code fact from the one to the other, first, whether the
// extractor knows the codes or not, as presenceFacts reports a row's code
// that comes or goes: the row prices another act now. The code facts the
// extractor read of the two codes, or of their key letter, give way to it.
// A row keyed by a word (a category) has no code to report.
func withRowCode(facts []Fact, from, to string) []Fact {
	if from == to || from == "" || to == "" || strings.ContainsFunc(from+to, unicode.IsLower) {
		return facts
	}
	out := []Fact{{Kind: FactCode, Old: from, New: to}}
	for _, f := range facts {
		if f.Kind == FactCode && (f.Old == from || f.New == to || inRowCode(f.Old, from) || inRowCode(f.New, to)) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// cellSubject is the subject of the facts of cell j of a row priced in
// several columns: an amount's is the act code and its column's name.
func cellSubject(subject string, names []string, j int, amount bool) string {
	if j == 0 || !amount {
		return subject
	}
	name := "colonne " + strconv.Itoa(j+1)
	if j < len(names) && names[j] != "" {
		name = ColumnLabel(names[j])
	}
	return strings.TrimSpace(subjectWith(subject, name))
}

// presentFacts gives the facts of a clause of d that appears (or, removed,
// disappears). The amounts of a row priced in several columns are named by
// their column, as rowFacts names them when the row changes: a removed row
// takes "VG (Métropole)" away, not three prices of "VG".
func presentFacts(d *Document, c *Clause, removed bool) []Fact {
	subject := d.rowSubject(c)
	var cells []string // cut only for a row: a long article's lines cost time
	if isTableRow(c) {
		cells = d.cellsOf(c)
	}
	if !isTableRow(c) || amountCells(cells) < 2 {
		zone := ""
		if isTableRow(c) {
			zone = d.zoneOf(c)
		}
		// Read by the row's code, then named as the row (see rowFacts).
		code, body := factSubject(c), d.factBody(c)
		if removed {
			all := qualify(compareFacts(body, "", code, nil), code, subject)
			return zoneNamed(presenceFacts(all, subject, true), subject, zone, "")
		}
		all := qualify(compareFacts("", body, code, nil), code, subject)
		return zoneNamed(presenceFacts(all, subject, false), subject, "", zone)
	}
	names := columnNames(d, c)
	var all []Fact
	for j, cell := range cells {
		sub := cellSubject(subject, names, j, isAmount(cell))
		if removed {
			all = append(all, compareFacts(cell, "", sub, nil)...)
		} else {
			all = append(all, compareFacts("", cell, sub, nil)...)
		}
	}
	return presenceFacts(all, subject, removed)
}

// valuesSwapped reports two versions of a row, laid over the same
// columns, in which a value (a price, a rate) left its column for another
// that held none ("| 30,00 € | 70 % |" → "| 70 % | 30,00 € |"): the
// tariff now says 70 % under "Tarif". Compared whole, the same values
// read as no change, and check passed.
func valuesSwapped(o, n []string) bool {
	if len(o) != len(n) {
		return false
	}
	left, came := false, false
	for j := range o {
		ov, nv := valueKind(o[j]), valueKind(n[j])
		if ov != 0 && nv != 0 && ov != nv {
			return true // a price where a rate stood
		}
		left = left || ov != 0 && nv == 0 && n[j] != ""
		came = came || nv != 0 && ov == 0 && o[j] != ""
	}
	return left && came
}

// valueKind is 1 for a price, 2 for a rate, 0 for any other cell.
func valueKind(cell string) int {
	switch {
	case isAmount(cell):
		return 1
	case isRate(cell):
		return 2
	}
	return 0
}

func amountCells(cells []string) int {
	n := 0
	for _, c := range cells {
		if isAmount(c) {
			n++
		}
	}
	return n
}

// crossedFacts are the facts of a table row taken from one table to
// another that both versions hold (from the "Métropole" grid to the "DROM"
// grid, from annexe 1's table to annexe 2's): what it prices leaves the
// one table and comes into the other, each value named by its table
// ("amount VG (Métropole): 35 € → –", "amount VG (DROM): – → 35 €"),
// whatever the row's own text did. Reported as a move alone, the row's
// price left the table it was read in and check passed. A code changed on
// the way (facts, from rowFacts) is kept. ranks are the TableRanks of old
// and new.
func crossedFacts(old, new *Document, m match, facts []Fact, ranks [2][]int) []Fact {
	oc, nc := &old.Clauses[m.Old[0]], &new.Clauses[m.New[0]]
	from, to := tableNames(oc.Path, nc.Path)
	if from == to {
		// Two tables under one heading, nothing else naming either: each
		// is known by its rank there, as the grid names them.
		if ro, rn := ranks[0][m.Old[0]], ranks[1][m.New[0]]; ro != rn {
			from, to = "tableau "+strconv.Itoa(ro), "tableau "+strconv.Itoa(rn)
		}
	}
	var out []Fact
	for _, f := range facts {
		if f.Kind == FactCode && f.Old == factSubject(oc) && f.New == factSubject(nc) {
			out = append(out, f)
		}
	}
	out = append(out, tableFacts(presentFacts(old, oc, true), factSubject(oc), from)...)
	return append(out, tableFacts(presentFacts(new, nc, false), factSubject(nc), to)...)
}

// tableFacts names the facts of a row that comes into or leaves table by
// it; the row's code, which stays, is left out where the row's values
// tell the move, and kept for a row that gives none ("Gratuit").
func tableFacts(facts []Fact, code, table string) []Fact {
	values := slices.ContainsFunc(facts, func(f Fact) bool { return f.Kind != FactCode })
	var out []Fact
	for _, f := range facts {
		if values && f.Kind == FactCode && (f.Old == code || f.New == code) {
			continue
		}
		f.Subject = tableSubject(f.Subject, table)
		out = append(out, f)
	}
	return out
}

// crossesTables reports row o of old paired with row n of new in another
// table: the table of either side paired with a table of the other that
// is not the row's. Both tables may be held by both versions (the
// Métropole grid to the DROM grid), or one only: a table split in two,
// the row gone into the new one ("| APC | … | 60 € |" from the annex's
// one table into the DROM table, while G and VG stay in the table it
// became, Métropole's), or two tables merged, the row come from the one
// that went. Tables paired with none on either side are one table
// renamed, and a table that dropped its header row (or took one) is the
// table of the heading it stands under: the header's rows, now the
// heading's, cross nothing.
func crossesTables(old, new *Document, o, n int, matchOf [2][]int) bool {
	po, pn := old.Clauses[o].Parent, new.Clauses[n].Parent
	if po < 0 || pn < 0 {
		return false
	}
	mo, mn := matchOf[0][po], matchOf[1][pn]
	switch {
	case mo >= 0 && mn >= 0:
		return mo != mn
	case mo >= 0:
		h := new.Holder(n)
		return h < 0 || matchOf[1][h] != mo
	case mn >= 0:
		h := old.Holder(o)
		return h < 0 || matchOf[0][h] != mn
	}
	return false
}

// tableNames are the names that tell two tables apart by the paths of
// their rows: the first headings where the paths part ("Métropole" and
// "DROM", the groups of one annex; "Annexe 1 - Tarifs" and "Annexe 2 -
// Tarifs", two annexes); "" when nothing in the paths does.
func tableNames(a, b []string) (string, string) {
	// A table's header names its columns, not the table: a table set
	// under the heading the other version's tables stand in is named by
	// that heading ("Annexe 1 - Tarifs", split into "DROM" and others).
	name := func(path []string, k int) string {
		if k > 0 && strings.Contains(path[k], cellSep) {
			return path[k-1]
		}
		return path[k]
	}
	for k := range min(len(a), len(b)) {
		// A heading set in capitals in one format is the same heading:
		// the tables are those under it.
		if a[k] != b[k] && CanonicalHeading(a[k]) != CanonicalHeading(b[k]) {
			return name(a, k), name(b, k)
		}
	}
	return "", ""
}

// tableSubject names a value's subject by its table too: "VG" in the
// table "DROM" is "VG (DROM)", and "VG (Réunion)", a zone's column, is
// "VG (DROM, Réunion)".
func tableSubject(subject, table string) string {
	switch {
	case table == "":
		return subject
	case strings.HasSuffix(subject, ")") && strings.Contains(subject, " ("):
		k := strings.Index(subject, " (")
		return subject[:k+2] + table + ", " + subject[k+2:]
	}
	return strings.TrimSpace(subject + " (" + table + ")")
}
