package store

import (
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

func TestFormatText(t *testing.T) {
	tests := []struct {
		name, in, file, back string
	}{
		{"empty", "", "", ""},
		{"one sentence", "Le médecin consulte.", "Le médecin consulte.\n", "Le médecin consulte."},
		{"sentences", "Premier point. Second point ; Troisième: 4 fois.", "Premier point.\nSecond point ;\nTroisième:\n4 fois.\n", "Premier point. Second point ; Troisième: 4 fois."},
		{"no split before lower case", "le tarif ; le montant.", "le tarif ; le montant.\n", "le tarif ; le montant."},
		{"abbreviations", "Vu l'art. L. 162-5 du code. Fin.", "Vu l'art. L. 162-5 du code.\nFin.\n", "Vu l'art. L. 162-5 du code. Fin."},
		{"wrapping joined", "Une phrase\ncoupée en deux.", "Une phrase coupée en deux.\n", "Une phrase coupée en deux."},
		{"paragraphs", "Un.\n\n\nDeux.", "Un.\n\nDeux.\n", "Un.\n\nDeux."},
		{"list kept", "Sont visés :\n- le médecin ;\n- la caisse.", "Sont visés :\n- le médecin ;\n- la caisse.\n", "Sont visés :\n- le médecin ;\n- la caisse."},
		{"spaces collapsed", "  Un   mot\t de  plus.  ", "Un mot de plus.\n", "Un mot de plus."},
		{"nbsp kept", "Le tarif\u00a0: 30\u00a0€.", "Le tarif\u00a0:\n30\u00a0€.\n", "Le tarif\u00a0: 30\u00a0€."},
		{"table", "| G | 30 € |\n| V | 40 € |", "| G | 30 € |\n| V | 40 € |\n", "| G | 30 € |\n| V | 40 € |"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := formatText(tt.in)
			if file != tt.file {
				t.Errorf("FormatText(%q) = %q, want %q", tt.in, file, tt.file)
			}
			if back := parseText(file); back != tt.back {
				t.Errorf("ParseText(%q) = %q, want %q", file, back, tt.back)
			}
		})
	}
}

// TestRowInColumnsKeptAsRead: a table row set in columns is stored line
// for line, its runs of spaces and its continuations' indentation kept, so
// that it reads back as the same cells; a row in pipes and prose are
// stored as formatText stores them.
func TestRowInColumnsKeptAsRead(t *testing.T) {
	row := &clause.Clause{Kind: clause.KindItem, Number: "GS", Key: "tariff:GS",
		Text: "Consultation du médecin\nGS      30 €      32 €  \n        générale"}
	file := formatClauseText(row, row.Text)
	if want := "Consultation du médecin\nGS      30 €      32 €\n        générale\n"; file != want {
		t.Fatalf("stored as %q, want %q", file, want)
	}
	back := parseText(file)
	if got, want := clause.RowCells(back), clause.RowCells(row.Text); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("read back as cells %q, want %q", got, want)
	}
	if again := formatClauseText(row, back); again != file {
		t.Errorf("stored again as %q, want %q", again, file)
	}
	prose := &clause.Clause{Kind: clause.KindParagraph, Text: "Un   mot\n  de plus."}
	if got := formatClauseText(prose, prose.Text); got != "Un mot de plus.\n" {
		t.Errorf("prose stored as %q", got)
	}
}

// FuzzFormatText checks that storing a text is idempotent: a text read
// back from the store stores identically, so importing the same content
// twice yields the same tree.
func FuzzFormatText(f *testing.F) {
	for _, s := range []string{"", "A. B", "Un ;\n- deux ; Trois.\n\n1° quatre", "x:  Y\t z", "a) b\nc) D. E", "| a |\n\n\n| b |"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		file := formatText(s)
		again := formatText(parseText(file))
		if again != file {
			t.Fatalf("not idempotent:\n%q\n→ %q\n→ %q", s, file, again)
		}
		row := &clause.Clause{Kind: clause.KindItem, Text: s}
		if rf := formatClauseText(row, s); formatClauseText(row, parseText(rf)) != rf {
			t.Fatalf("a row is not stored idempotently: %q → %q", s, rf)
		}
		if strings.Contains(file, "\n\n\n") {
			t.Fatalf("three newlines in %q", file)
		}
	})
}

func TestValidID(t *testing.T) {
	for id, want := range map[string]bool{
		"art-28-1": true, "annexe-1-g": true, "preambule": true, "a": true,
		"": false, "../etc": false, "art/1": false, "Art-1": false,
		"art 1": false, "art.1": false,
	} {
		if got := validID(id); got != want {
			t.Errorf("ValidID(%q) = %v, want %v", id, got, want)
		}
	}
}

func TestImportRefusesControlCharacters(t *testing.T) {
	for _, opts := range []ImportOptions{
		{Party: "Evil \x1b[2J", Label: "L1", Date: "2024-01-01"},
		{Party: "CNAM", Kind: "k\x1b]0;t\x07", Label: "L2", Date: "2024-01-01"},
	} {
		if _, err := checkImport(&opts); err == nil {
			t.Errorf("checkImport(%+v) accepted control characters", opts)
		}
	}
}
