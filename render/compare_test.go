package render

import (
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/parties"
)

// Two answers adding the same clause share its row, named by the first
// one's number; the cell of an answer numbering it otherwise shows its
// number, which the row's name hides. Before, both read "added".
func TestCellTextAddedUnderAnotherNumber(t *testing.T) {
	const base = "# Convention\n\n## Article 14 - Majorations\n\nLa majoration de nuit est de 35 €.\n\n## Article 15 - Téléconsultation\n\nLa téléconsultation est valorisée à 25 €.\n"
	add := func(number string) *clause.Document {
		return clause.Parse(strings.Replace(base, "## Article 15", "## Article "+number+" - Consultation longue\n\nLa consultation longue est valorisée à 60 €.\n\n## Article 15", 1))
	}
	tab := parties.Compare(clause.Parse(base), []*clause.Document{add("14 bis"), add("14-1"), add("14 bis")}, clause.CompareOptions{})
	for i := range tab.Rows {
		r := &tab.Rows[i]
		if r.Base >= 0 {
			continue
		}
		var got []string
		for j := range r.Cells {
			got = append(got, CellText(tab, r, j))
		}
		if want := "added|added → 14-1|added"; strings.Join(got, "|") != want {
			t.Errorf("cells %q, want %q", strings.Join(got, "|"), want)
		}
		return
	}
	t.Fatal("no row for the added clause")
}

// TestNamesOnOneLine: a file's name may hold a line break or a tab, and
// every place a reference is written is one line. Before, "avenant diff
// $'n\nl.txt' new.txt --format markdown" began "## n" and left
// "l.txt → new.txt" as a paragraph of its own (a name could so write any
// Markdown under the report's title), and a tab in a name added a column
// to the compare table.
func TestNamesOnOneLine(t *testing.T) {
	old := clause.Parse("## Article 1 - Objet\n\nLe tarif est de 25 €.\n")
	new := clause.Parse("## Article 1 - Objet\n\nLe tarif est de 30 €.\n")
	var md strings.Builder
	if err := DiffMarkdown(&md, clause.Compare(old, new, clause.CompareOptions{}), Side{Ref: "n\nl.txt"}, Side{Ref: "a\tb.md"}, false); err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(md.String(), "\n"); first != "## n l.txt → a b.md" {
		t.Errorf("Markdown title %q, want one line naming both files", first)
	}
	for _, format := range []string{"text", "markdown"} {
		var out strings.Builder
		tab := parties.Compare(old, []*clause.Document{new, new}, clause.CompareOptions{})
		if err := WriteCompare(&out, tab, Side{Ref: "base\n.md"}, []Side{{Ref: "x\ty.md"}, {Ref: "z.md"}}, format, false); err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(out.String(), "\t") || strings.Contains(out.String(), "base\n") || strings.Contains(out.String(), "x\n") {
			t.Errorf("compare --format %s: a name's tab or line break reached the output:\n%s", format, out.String())
		}
		if !strings.Contains(out.String(), "x y.md") {
			t.Errorf("compare --format %s: the answer x y.md is not named:\n%s", format, out.String())
		}
	}
}
