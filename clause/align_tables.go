package clause

import (
	"cmp"
	"slices"
	"strconv"
)

// matchTableRows pairs the free tariff rows of one act code that stand in
// the same table of both versions: the table of the same rank among the
// tables of the clause that holds it (an annex, an article, a group, known
// by its key or its heading). A code's key numbers its rows through the
// whole text ("tariff:VG#2" is its second row, whatever table holds it):
// with two tables under one heading and nothing naming each, a VG row
// taken out of the first renumbered the second's, which matchKeys then
// paired with the row taken out, the second table's price read as gone
// and the first's as changed into it. Rows whose table moved, or was
// renamed, are left to matchKeys, as before.
func (a *aligner) matchTableRows() {
	oIDs, nIDs := tablePlaces(a.f[sOld].d), tablePlaces(a.f[sNew].d)
	at := map[string][]int{}
	for n, id := range nIDs {
		if id != "" && a.free(sNew, n) {
			at[id] = append(at[id], n)
		}
	}
	if len(at) == 0 {
		return
	}
	var cs []cand
	for o, id := range oIDs {
		if id == "" || !a.free(sOld, o) {
			continue
		}
		for _, n := range at[id] {
			if a.compatible(o, n) {
				cs = append(cs, cand{o: int32(o), n: int32(n), sim: -1, score: a.positionScore(o, n) + a.sameQualifier(o, n)})
			}
		}
	}
	start := len(a.groups)
	a.greedy(cs, -1)
	for gi := start; gi < len(a.groups); gi++ {
		g := &a.groups[gi]
		g.sim = a.simOf(g.m[sOld], g.m[sNew])
	}
}

// sameQualifier is 1 for two rows of one act where the cell that tells
// one of them from its act's other rows ("| G | DROM | 32 € |") stands in
// the other too, else 0: such rows are the same record wherever they
// stand in their table, and a zone's row kept when the other zone's is
// taken out is still that zone's. By their place alone, the DROM row set
// above the Métropole row was paired with the Métropole row, and check
// read both zones' prices changed ("amount G (DROM): 30 € → 32 €") where
// none had.
func (a *aligner) sameQualifier(o, n int) float64 {
	od, nd := a.f[sOld].d, a.f[sNew].d
	oc, nc := &od.Clauses[o], &nd.Clauses[n]
	if q := od.rowQualifier(oc); q != "" && slices.Contains(RowCells(nc.Text), q) {
		return 1
	}
	if q := nd.rowQualifier(nc); q != "" && slices.Contains(RowCells(oc.Text), q) {
		return 1
	}
	return 0
}

// TableRanks gives each table row of d the rank of its table among the
// tables of the clause that holds it (Holder), from 1: a table is a header
// row and the rows under it, or a run of rows without header. Every other
// clause has 0. Two tables under one heading that nothing else names are
// told apart so. A header that says again, word for word, the header of
// the table just above it, nothing standing between them, goes on with
// that table: a printed table repeats its header at the top of each page,
// and a row on the second page was read as the row of another table, its
// price gone from the first (check failed on a text that had not changed).
func TableRanks(d *Document) []int {
	out := make([]int, len(d.Clauses))
	count := map[int]int{}
	for i := range d.Clauses {
		c := &d.Clauses[i]
		switch {
		case headerRepeated(d, i) >= 0:
			out[i] = count[c.Parent]
		case IsTableHeader(c):
			count[c.Parent]++
			out[i] = count[c.Parent]
		case !isTableRow(c):
		case c.Parent >= 0 && IsTableHeader(&d.Clauses[c.Parent]):
			out[i] = out[c.Parent]
		default:
			if i == 0 || !isTableRow(&d.Clauses[i-1]) || d.Clauses[i-1].Parent != c.Parent {
				count[c.Parent]++
			}
			out[i] = count[c.Parent]
		}
	}
	for i := range d.Clauses {
		if IsTableHeader(&d.Clauses[i]) {
			out[i] = 0
		}
	}
	return out
}

// headerRepeated is the header that header i repeats, the header of the
// table that ends right before it under the same parent (see TableRanks);
// -1 when it repeats none.
func headerRepeated(d *Document, i int) int {
	if i == 0 || !IsTableHeader(&d.Clauses[i]) {
		return -1
	}
	prev := &d.Clauses[i-1]
	h := prev.Parent
	if IsTableHeader(prev) {
		h = i - 1
	}
	if h >= 0 && IsTableHeader(&d.Clauses[h]) && d.Clauses[h].Parent == d.Clauses[i].Parent &&
		d.Clauses[h].Heading == d.Clauses[i].Heading && (h == i-1 || isTableRow(prev)) &&
		!codesShared(d, h, i) {
		return h
	}
	return -1
}

// codesShared reports whether a row under header b prices an act a row
// under header a prices too: a table goes on with other acts on its next
// page; two tables that price the same acts are two grids (Métropole and
// DROM, set one under the other with nothing naming them).
func codesShared(d *Document, a, b int) bool {
	codes := map[string]bool{}
	for k := a + 1; k < b; k++ {
		if d.Clauses[k].Parent == a && d.Clauses[k].Number != "" {
			codes[d.Clauses[k].Number] = true
		}
	}
	for k := b + 1; k < len(d.Clauses) && d.Clauses[k].Parent == b; k++ {
		if codes[d.Clauses[k].Number] {
			return true
		}
	}
	return false
}

// tableHead is the header that opens the table header i goes on with:
// i itself unless it repeats the one above.
func tableHead(d *Document, i int) int {
	for h := headerRepeated(d, i); h >= 0; h = headerRepeated(d, i) {
		i = h
	}
	return i
}

// tablePlaces names the table of each tariff row of d by where it stands,
// with the row's act code: the key (else the heading) of the clause that
// holds the table, its rank there (TableRanks) and the code; "" for every
// other clause.
func tablePlaces(d *Document) []string {
	ranks := TableRanks(d)
	out := make([]string, len(d.Clauses))
	for i, r := range ranks {
		c := &d.Clauses[i]
		if r == 0 || !isTariffRow(c) {
			continue
		}
		holder := ""
		if h := d.Holder(i); h >= 0 {
			holder = cmp.Or(d.Clauses[h].Key, d.Clauses[h].Heading)
		}
		out[i] = holder + "\x00" + strconv.Itoa(r) + "\x00" + c.Number
	}
	return out
}
