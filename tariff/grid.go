package tariff

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/clause"
)

// Price is one price of an act code in one version.
type Price struct {
	Code string
	// Value and Unit are the amount as a number ("EUR", or "FRF" in old
	// texts); Text is the amount as written ("26,50 €").
	Value float64
	Unit  string
	Text  string
	// Clause names where the price is written: "Annexe 1/G" for a tariff
	// row, "Article 10" for an article.
	Clause string
	// Effective is the date from which the price applies (YYYY-MM-DD),
	// when the text gives one.
	Effective string
	// Row is set for a price read from a tariff table row.
	Row bool
	// Label is what the row calls the act ("Consultation de référence"),
	// "" for a price read from an article.
	Label string
	// At is the index of the clause in its document.
	At int
	// Column names the column of a row that prices the act in several
	// places ("Métropole", "DROM"); "" for a row of one price, or an
	// article.
	Column string
	// Table names the table of a tariff row (TableName), "" for an
	// article.
	Table string
}

// same reports whether two prices say the same thing, wherever written:
// in one column of a row pricing several, the same column's.
func (p Price) same(q Price) bool {
	return p.sameValue(q) && p.Column == q.Column
}

// sameValue reports whether two prices give the same amount from the same
// date, whatever column holds them.
func (p Price) sameValue(q Price) bool {
	return p.Value == q.Value && p.Unit == q.Unit && p.Effective == q.Effective
}

// sameSource reports whether two prices are read from the same kind of
// place, a tariff row or an article: the table's 30 € and an article's
// 26,50 € swapped are two prices changed.
func (p Price) sameSource(q Price) bool { return p.Row == q.Row }

// Prices returns every price a document states, in document order.
func Prices(d *clause.Document) []Price {
	var out []Price
	var ranks []int
	for i := range d.Clauses {
		row := d.IsTariffRow(i)
		label, table := "", ""
		if row {
			if ranks == nil {
				ranks = clause.TableRanks(d)
			}
			label, table = RowLabel(d.Clauses[i].Text, d.Clauses[i].Number), TableName(d, i)
			if ranks[i] > 1 {
				table += " (tableau " + strconv.Itoa(ranks[i]) + ")"
			}
		}
		prices, columns := d.ColumnPrices(i)
		if row && len(prices) == 0 {
			out = append(out, freePrice(d, i, label, table)...)
		}
		for k, f := range prices {
			if f.NewValue == nil {
				continue
			}
			out = append(out, Price{Code: f.Subject, Value: *f.NewValue, Unit: f.Unit, Text: f.New,
				Clause: d.Name(i), Effective: f.Effective, Row: row, Label: label, At: i, Column: columns[k], Table: table})
		}
	}
	return out
}

// freePrice is the price of tariff row i when it gives none but says the
// act is free ("| CCP | Consultation de prévention | Gratuit |"): 0 €, as
// written. Left out, the grid showed no such act, and a price turned
// into "Gratuit" read as the act priced no more.
func freePrice(d *clause.Document, i int, label, table string) []Price {
	c := &d.Clauses[i]
	for _, cell := range clause.RowCells(c.Text) {
		if clause.FreeCell(cell) {
			return []Price{{Code: c.Number, Unit: "EUR", Text: cell, Clause: d.Name(i), Row: true, Label: label, At: i, Table: table}}
		}
	}
	return nil
}

// TableName names the table that holds row i of d by what stands above
// it: the heading its table stands under ("Métropole", "Annexe 1",
// "Article 10"), after the headings without number that hold it up to
// the numbered division they stand in ("Annexe 1/Métropole", "Annexe
// 2/Métropole"), so that the tables of one text are told apart, each by
// its own name. The document's title, which names every table of the
// text alike and changes from version to version, names none. Prices
// adds the rank of a table that follows another under one heading, with
// nothing else to name it ("Annexe 1 (tableau 2)").
func TableName(d *clause.Document, i int) string {
	h := d.Holder(i)
	if h < 0 {
		return ""
	}
	name := d.Name(h)
	for a := h; d.Clauses[a].Number == ""; {
		if a = d.Clauses[a].Parent; a < 0 || d.Clauses[a].Number == "" && d.Clauses[a].Parent < 0 {
			break
		}
		name = d.Name(a) + "/" + name
	}
	return name
}

// RowLabel is the first cell of a tariff row that names the act: not the
// code, not an amount, not a date. A value opens with a digit or its
// currency ("26,50 €", "1er décembre 2024", "+ 5 €", "EUR 30"); a name
// may hold a number ("Visite 2", "Bilan de soins infirmiers 3").
func RowLabel(text, code string) string {
	for _, cell := range clause.RowCells(text) {
		if cell == code || cell == "" || !strings.ContainsFunc(cell, unicode.IsLetter) {
			continue
		}
		if opensValue(cell) {
			continue
		}
		return cell
	}
	return ""
}

// opensValue reports whether a cell opens as a value does: a digit or a
// currency, after a sign if one stands first ("+ 5 €", "-2 %"). A dash
// before words is a sub-item's ("- Consultation spécialiste"), and a label.
func opensValue(cell string) bool {
	r, n := utf8.DecodeRuneInString(cell)
	if strings.ContainsRune("+-–−", r) {
		cell = strings.TrimLeft(cell[n:], " ")
		r, _ = utf8.DecodeRuneInString(cell)
	}
	return unicode.IsDigit(r) || r == '€' || strings.HasPrefix(cell, "EUR")
}

// Version is one column of the grid: a parsed document and how to name it.
// It carries only the names a column shows (store.Version is the full
// metadata of a stored version): the grid is also built from plain files,
// and tariff, like clause, stays free of the store.
type Version struct {
	Label, Party, Date string
	Doc                *clause.Document
}

// Cell is what one version says a code costs: the price that stands first
// (a tariff row before an article, then document order) and the other
// prices of the code in that version that say something else.
type Cell struct {
	Price
	Also []Price
}

// Row is one act code across the versions, in one table when the
// versions price in several.
type Row struct {
	Code  string
	Label string
	// Table names the table of the row's prices (TableName) when a
	// version of the grid has several tables: each of its tables then has
	// rows of its own, and a row moved from one table to another leaves
	// the one and comes into the other. It names the table of the newest
	// price otherwise, "" for a code only articles price.
	Table string
	// Cells has one entry per version of the grid, nil where the version
	// prices no such act.
	Cells []*Cell
	// zones are, for each version, the names of the zone columns its
	// prices stand under: a lone price's zone gone from a row is moved,
	// not renamed, when the version still names that column.
	zones []map[string]bool
}

// Changed reports whether the cell of version i says something else than
// the cell of the version before it: a new, changed or dropped price. A
// row priced per zone (metropolis, overseas…) changes when any of its
// prices does, each compared with the price of its own column when both
// versions name the same columns (a column moved with its prices changes
// nothing; names swapped over the same prices change two), else with the
// price in its place, as check and diff compare them. A price of the
// table and one of an article are compared each with its own kind.
func (r *Row) Changed(i int) bool {
	if i == 0 || i >= len(r.Cells) {
		return false
	}
	a, b := r.Cells[i-1], r.Cells[i]
	switch {
	case a == nil && b == nil:
		return false
	case a == nil || b == nil:
		return true
	}
	as, bs := a.prices(), b.prices()
	if len(as) != len(bs) {
		return true
	}
	if len(as) == 1 && (zoneMoved(as[0].Column, bs[0].Column) || r.zoneKept(i, as[0].Column, bs[0].Column)) {
		return true
	}
	if !sameColumns(as, bs) {
		return !slices.EqualFunc(as, bs, func(p, q Price) bool { return p.sameValue(q) && p.sameSource(q) })
	}
	for _, p := range bs {
		if !slices.ContainsFunc(as, func(q Price) bool { return p.same(q) && p.sameSource(q) }) {
			return true
		}
	}
	return false
}

// zoneMoved reports whether the one price of a row, named by the zones it
// covers ("Métropole, DROM"), covers other zones of the same columns: a
// zone kept and another left or come ("Métropole, DROM" → "DROM"), as
// check reports it. Names that share no zone may be columns renamed,
// compared in place.
func zoneMoved(a, b string) bool {
	if a == b || a == "" || b == "" {
		return false
	}
	as, bs := strings.Split(a, ", "), strings.Split(b, ", ")
	return slices.ContainsFunc(as, func(z string) bool { return slices.Contains(bs, z) })
}

// zoneKept reports whether a lone price that stood under the zones a and
// stands under other zones b in version i left columns that version still
// names elsewhere: Métropole's price set under DROM, not Métropole
// renamed DROM.
func (r *Row) zoneKept(i int, a, b string) bool {
	if a == b || a == "" || b == "" || i >= len(r.zones) {
		return false
	}
	for _, z := range strings.Split(a, ", ") {
		if !r.zones[i][z] {
			return false
		}
	}
	return true
}

// prices are all the prices of a cell, the first one first.
func (c *Cell) prices() []Price { return append([]Price{c.Price}, c.Also...) }

// sameColumns reports whether two lists of prices name the same columns,
// in any order.
func sameColumns(a, b []Price) bool {
	names := func(ps []Price) []string {
		out := make([]string, len(ps))
		for k, p := range ps {
			out[k] = p.Column
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(names(a), names(b))
}

// Grid is the tariff grid: one row per act code, one column per version,
// in the order the versions were given (oldest first).
type Grid struct {
	Versions []Version
	Rows     []Row
	// ByTable is set when a version prices in several tables: a row is
	// then a code in one table (Row.Table).
	ByTable bool
}

// Build reads the prices of each version and lays them out. Rows follow
// the order of the newest version that prices each code (its tariff table
// first, then its articles), then the codes that only older versions
// price; a code priced the same way in several places of one version is
// one value. Where a version prices in several tables (Métropole and
// DROM), a row is an act code in one table: the same code in two tables
// is two rows, and a row taken from one table to the other is a price
// gone from the one and come into the other, as check reports it. An
// article's price goes with the first row of its code in its version.
func Build(versions []Version) *Grid {
	g := &Grid{Versions: versions}
	perVersion := make([][]Price, len(versions))
	for v := range versions {
		perVersion[v] = sortedPrices(Prices(versions[v].Doc))
	}
	byTable := severalTables(perVersion)
	g.ByTable = byTable
	if byTable {
		followTables(perVersion)
	}
	rowOf := map[[2]string]int{}
	for v := len(versions) - 1; v >= 0; v-- {
		for _, p := range perVersion[v] {
			key := [2]string{"", p.Code}
			if byTable {
				key[0] = p.Table
			}
			k, ok := rowOf[key]
			if !p.Row && byTable {
				k, ok = articleRow(g, rowOf, p.Code, v)
			}
			if !ok {
				k = len(g.Rows)
				rowOf[key] = k
				g.Rows = append(g.Rows, Row{Code: p.Code, Table: p.Table, Cells: make([]*Cell, len(versions))})
			}
			g.Rows[k].add(v, p)
		}
	}
	zones := make([]map[string]bool, len(versions))
	for v, ps := range perVersion {
		zones[v] = map[string]bool{}
		for _, p := range ps {
			for _, z := range strings.Split(p.Column, ", ") {
				zones[v][z] = z != ""
			}
		}
	}
	for k := range g.Rows {
		g.Rows[k].zones = zones
	}
	return g
}

// add lays price p of version v in the row.
func (r *Row) add(v int, p Price) {
	if r.Label == "" {
		r.Label = p.Label
	}
	if r.Table == "" {
		r.Table = p.Table
	}
	c := r.Cells[v]
	switch {
	case c == nil:
		r.Cells[v] = &Cell{Price: p}
	case c.Effective == "" && p.Effective != "" && c.Value == p.Value && c.Unit == p.Unit:
		// The table gives the price, an article the date it applies
		// from: one value.
		c.Effective = p.Effective
	case !c.same(p) && !slices.ContainsFunc(c.Also, p.same):
		c.Also = append(c.Also, p)
	}
}

// articleRow is the row an article's price of code goes in, in version v:
// the first row of the code that v prices in a table, else the code's row
// of no table.
func articleRow(g *Grid, rowOf map[[2]string]int, code string, v int) (int, bool) {
	for k := range g.Rows {
		if g.Rows[k].Code == code && g.Rows[k].Cells[v] != nil && g.Rows[k].Cells[v].Row {
			return k, true
		}
	}
	k, ok := rowOf[[2]string{"", code}]
	return k, ok
}

// followTables names each table of a version as the next version names
// it, where that version renamed it (DROM → DOM) or gave a table of one
// version's its own heading (a table split in two): a table whose name the
// next version has not goes by the name of the next version's table, of
// a name this one has not, that prices most of the same codes (more than
// half of either's), at the same price first (the table split keeps its
// prices in the part that carries them on). A table of no such heir keeps
// its name: its rows end with it.
func followTables(perVersion [][]Price) {
	for v := len(perVersion) - 2; v >= 0; v-- {
		old, next := tableCodes(perVersion[v]), tableCodes(perVersion[v+1])
		rename := map[string]string{}
		taken := map[string]bool{}
		for _, t := range old.names {
			if next.codes[t] != nil {
				continue
			}
			best, most := "", 0
			for _, u := range next.names {
				if old.codes[u] != nil || taken[u] {
					continue
				}
				common, n := 0, 0 // codes in both; those, and those of the same price again
				for code, v := range old.codes[t] {
					if w, ok := next.codes[u][code]; ok {
						common, n = common+1, n+1
						if v == w {
							n++
						}
					}
				}
				if n > most && 2*common > min(len(old.codes[t]), len(next.codes[u])) {
					best, most = u, n
				}
			}
			if best != "" {
				rename[t], taken[best] = best, true
			}
		}
		for k, p := range perVersion[v] {
			if to, ok := rename[p.Table]; ok && p.Row {
				perVersion[v][k].Table = to
			}
		}
	}
}

// tables are the tables of a version, in document order, and the codes
// each prices, at what price.
type tables struct {
	names []string
	codes map[string]map[string]float64 // the first price of each code
}

func tableCodes(ps []Price) tables {
	t := tables{codes: map[string]map[string]float64{}}
	for _, p := range ps {
		if !p.Row {
			continue
		}
		if t.codes[p.Table] == nil {
			t.names = append(t.names, p.Table)
			t.codes[p.Table] = map[string]float64{}
		}
		if _, ok := t.codes[p.Table][p.Code]; !ok {
			t.codes[p.Table][p.Code] = p.Value
		}
	}
	return t
}

// severalTables reports whether a version prices in several tables.
func severalTables(perVersion [][]Price) bool {
	for _, ps := range perVersion {
		for _, p := range ps {
			if p.Row && p.Table != ps[0].Table {
				return true
			}
		}
	}
	return false
}

// sortedPrices puts the prices of tariff rows before those of articles,
// keeping document order within each: the table is the reference.
func sortedPrices(ps []Price) []Price {
	slices.SortStableFunc(ps, func(a, b Price) int {
		switch {
		case a.Row == b.Row:
			return 0
		case a.Row:
			return -1
		}
		return 1
	})
	return ps
}
