package render

import (
	"bytes"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/parties"
)

// CompareFormats are the formats of avenant compare.
var CompareFormats = []string{"text", "json", "markdown", "html"}

// newCompareDoc builds the JSON view of a table: every row, changed or
// not, since a script reading it wants the whole base.
func newCompareDoc(t *parties.Table, base Side, answers []Side) CompareDoc {
	doc := CompareDoc{Schema: CompareSchema, Base: versionRef(base), Versions: []VersionRef{}, Clauses: []CompareRowDoc{}}
	for _, a := range answers {
		doc.Versions = append(doc.Versions, versionRef(a))
	}
	for i := range t.Rows {
		r := &t.Rows[i]
		row := CompareRowDoc{Answers: make([]*AnswerDoc, len(r.Cells)), Agree: [][]int{}}
		if r.Base >= 0 {
			ref := compareRef(t.Base, r.Base)
			row.Base = &ref
		}
		for j := range r.Cells {
			c := t.Change(r, j)
			if c == nil {
				continue
			}
			a := &AnswerDoc{Kind: c.Kind, Renumbered: c.Renumbered, Moved: c.Moved,
				Similarity: math.Round(c.Similarity*100) / 100, New: []CompareClauseRef{}, Facts: c.Facts,
				Coarse: clause.CoarseNote(c, false)}
			if a.Facts == nil {
				a.Facts = []clause.Fact{}
			}
			for _, k := range c.New {
				a.New = append(a.New, compareRef(t.Diffs[j].New, k))
			}
			row.Answers[j] = a
		}
		row.Agree = append(row.Agree, r.Agree...)
		doc.Clauses = append(doc.Clauses, row)
	}
	return doc
}

func versionRef(s Side) VersionRef { return VersionRef{Label: s.Ref, Party: s.Party, Date: s.Date} }

func compareRef(d *clause.Document, i int) CompareClauseRef {
	c := &d.Clauses[i]
	return CompareClauseRef{ID: c.ID, Number: c.Number, Heading: c.Heading}
}

// WriteCompare prints a table in one of CompareFormats; all lists the
// rows no answer changes too (JSON always lists every row).
func WriteCompare(w io.Writer, t *parties.Table, base Side, answers []Side, format string, all bool) error {
	switch format {
	case "json":
		return WriteJSON(w, newCompareDoc(t, base, answers))
	case "markdown":
		return compareMarkdown(w, t, base, answers, all)
	case "html":
		return writeCompareHTML(w, t, base, answers, all)
	}
	return compareText(w, t, base, answers, all)
}

// RowName names a row's clause as a diff does ("Article 10", "Annexe 1 /
// G"); a clause the base lacks is named as the first answer adding it
// numbers it.
func RowName(t *parties.Table, r *parties.Row) string {
	if r.Base >= 0 {
		return names(t.Base, []int{r.Base})
	}
	for j := range r.Cells {
		if c := t.Change(r, j); c != nil {
			return names(t.Diffs[j].New, c.New)
		}
	}
	return ""
}

// CellText says in a few words what an answer does to a clause: "modified
// 96 %", "unchanged → 19.3" (renumbered), "removed", "split → 4 + 4 bis",
// Absent where the answer has nothing on the row.
func CellText(t *parties.Table, r *parties.Row, j int) string {
	return cellText(t, r, j, func(k clause.ChangeKind) string { return string(k) }, "moved")
}

// cellText is CellText with the kinds and "moved" named in the page's
// language.
func cellText(t *parties.Table, r *parties.Row, j int, kind func(clause.ChangeKind) string, moved string) string {
	c := t.Change(r, j)
	if c == nil {
		return Absent
	}
	s := kind(c.Kind)
	if c.Kind == clause.Modified || c.Kind == clause.Split || c.Kind == clause.Merged {
		s += " " + strconv.Itoa(int(c.Similarity*100+0.5)) + " %"
	}
	// A clause several answers add shares a row named by the first
	// answer's number: another that numbers it otherwise says so.
	otherNumber := c.Kind == clause.Added && r.Base < 0 && len(c.New) == 1 &&
		t.Diffs[j].New.Clauses[c.New[0]].Number != t.Clause(r).Number
	if c.Renumbered || c.Kind == clause.Split || otherNumber {
		nums := make([]string, len(c.New))
		for k, i := range c.New {
			nums[k] = t.Diffs[j].New.Clauses[i].Number
		}
		s += " → " + strings.Join(nums, " + ")
	}
	if c.Moved {
		s += ", " + moved
	}
	return s
}

// AgreeText names the groups of agreeing answers: "MGF-2024-03 =
// UFMLS-2024-03; …".
func AgreeText(r *parties.Row, answers []Side) string {
	groups := make([]string, len(r.Agree))
	for g, members := range r.Agree {
		labels := make([]string, len(members))
		for k, j := range members {
			labels[k] = answers[j].Ref
		}
		groups[g] = strings.Join(labels, " = ")
	}
	return strings.Join(groups, "; ")
}

// compareHeader says what is compared: the base, then each answer.
func compareHeader(base Side, answers []Side) (string, []string) {
	describe := func(s Side) string {
		var meta []string
		for _, m := range []string{s.Party, s.Date} {
			if m != "" {
				meta = append(meta, m)
			}
		}
		if s.Answers != "" {
			meta = append(meta, "answering "+s.Answers)
		}
		if len(meta) == 0 {
			return s.Ref
		}
		return s.Ref + " (" + strings.Join(meta, ", ") + ")"
	}
	lines := make([]string, len(answers))
	for j, a := range answers {
		lines[j] = describe(a)
	}
	return describe(base), lines
}

// compareText writes the table for a terminal: who answers, then one line
// per changed clause with a column per answer and the agreements, each
// answer's facts beneath, and each answer's counts. Every cell is cleaned
// to one line: a tab or a line break in a file's name would add a column
// or a row.
func compareText(w io.Writer, t *parties.Table, base Side, answers []Side, all bool) error {
	ew := &errWriter{w: w}
	head, lines := compareHeader(base, answers)
	ew.printf("%s, answered by:\n", sanitize.Line(head))
	for _, l := range lines {
		ew.printf("  %s\n", sanitize.Line(l))
	}
	ew.printf("\n")
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	cols := []string{"CLAUSE"}
	for _, a := range answers {
		cols = append(cols, sanitize.Line(a.Ref))
	}
	cols = append(cols, "AGREE")
	writeRow(tw, cols)
	var facts [][]string // the fact lines beneath each written row
	for i := range t.Rows {
		r := &t.Rows[i]
		if !all && !t.Changed(r) {
			continue
		}
		name := RowName(t, r)
		if r.Base < 0 {
			name = "+ " + name
		}
		cells := []string{sanitize.Line(name)}
		var fl []string
		for j := range r.Cells {
			cells = append(cells, CellText(t, r, j))
			if c := t.Change(r, j); c != nil {
				for _, f := range c.Facts {
					fl = append(fl, "    "+sanitize.Line(answers[j].Ref)+": "+sanitize.Line(FactLine(f)))
				}
				if note := clause.CoarseNote(c, false); note != "" {
					fl = append(fl, "    "+sanitize.Line(answers[j].Ref)+": ! "+note)
				}
			}
			for _, f := range t.Kept(r, j) {
				fl = append(fl, "    "+sanitize.Line(answers[j].Ref)+": "+sanitize.Line(KeptLine(f)))
			}
		}
		cells = append(cells, sanitize.Line(AgreeText(r, answers)))
		writeRow(tw, cells)
		facts = append(facts, fl)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// The facts go beneath their row, outside the tabwriter's columns.
	rows := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	ew.printf("%s\n", strings.TrimRight(rows[0], " "))
	for k, row := range rows[1:] {
		ew.printf("%s\n", strings.TrimRight(row, " "))
		for _, f := range facts[k] {
			ew.printf("%s\n", f)
		}
	}
	ew.printf("\n")
	for j, a := range answers {
		ew.printf("%s: %s\n", sanitize.Line(a.Ref), SummaryLine(t.Diffs[j].Summary))
	}
	return ew.err
}

// KeptLine describes a value an answer keeps as the base has it, while
// another answer changes it (parties.Table.Kept).
func KeptLine(f clause.Fact) string { return FactLine(f) + " (as the base)" }

func writeRow(w io.Writer, cells []string) {
	io.WriteString(w, strings.Join(cells, "\t")+"\n")
}

// compareMarkdown writes the table to circulate before a meeting: one row
// per changed clause, one column per answer with its facts, and the
// agreements.
func compareMarkdown(w io.Writer, t *parties.Table, base Side, answers []Side, all bool) error {
	ew := &errWriter{w: w}
	head, lines := compareHeader(base, answers)
	ew.printf("## %s and its answers\n\n", MarkdownText(base.Ref))
	ew.printf("Base: %s. Answers:\n\n", MarkdownText(head))
	for _, l := range lines {
		ew.printf("- %s\n", MarkdownText(l))
	}
	ew.printf("\n| Clause |")
	for _, a := range answers {
		ew.printf(" %s |", MarkdownText(a.Ref))
	}
	ew.printf(" Agreement |\n|---|")
	for range answers {
		ew.printf("---|")
	}
	ew.printf("---|\n")
	for i := range t.Rows {
		r := &t.Rows[i]
		if !all && !t.Changed(r) {
			continue
		}
		name := MarkdownText(RowName(t, r))
		if r.Base < 0 {
			name += " (new)"
		}
		ew.printf("| %s |", name)
		for j := range r.Cells {
			cell := []string{MarkdownText(CellText(t, r, j))}
			if c := t.Change(r, j); c != nil {
				for _, f := range c.Facts {
					cell = append(cell, MarkdownText(FactLine(f)))
				}
				if note := clause.CoarseNote(c, false); note != "" {
					cell = append(cell, MarkdownText("! "+note))
				}
			}
			for _, f := range t.Kept(r, j) {
				cell = append(cell, MarkdownText(KeptLine(f)))
			}
			ew.printf(" %s |", strings.Join(cell, "<br>"))
		}
		ew.printf(" %s |\n", MarkdownText(AgreeText(r, answers)))
	}
	ew.printf("\n")
	for j, a := range answers {
		ew.printf("- %s: %s\n", MarkdownText(a.Ref), SummaryLine(t.Diffs[j].Summary))
	}
	return ew.err
}
