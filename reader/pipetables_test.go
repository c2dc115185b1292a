package reader

import (
	"strings"
	"testing"
)

func TestFramePipeTables(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"pipe-less table",
			"Annexe 1\n\nCode | Libellé | Tarif\n--- | --- | ---\nG | Consultation | 26,50 €\nVG | Visite | 36,50 €\n\nTexte.",
			"Annexe 1\n\n| Code | Libellé | Tarif |\n| --- | --- | --- |\n| G | Consultation | 26,50 € |\n| VG | Visite | 36,50 € |\n\nTexte."},
		{"aligned, at the start, a trailing pipe",
			"Code | Tarif |\n:---: | ---:\nG | 26,50 €",
			"| Code | Tarif |\n| :---: | ---: |\n| G | 26,50 € |"},
		{"framed tables stay", "| A | B |\n|---|---|\n| x | y |\n", "| A | B |\n|---|---|\n| x | y |\n"},
		{"a pipe in prose, no separator", "Le tarif | la visite.\n--\nTexte | suite.", "Le tarif | la visite.\n--\nTexte | suite."},
		{"a rule under prose without pipes", "Titre\n---\nTexte.", "Titre\n---\nTexte."},
		{"the table ends at the first line without a pipe",
			"A | B\n--- | ---\nx | y\nTexte après.\nz | w",
			"| A | B |\n| --- | --- |\n| x | y |\nTexte après.\nz | w"},
	} {
		if got := framePipeTables(c.in); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

func FuzzFramePipeTables(f *testing.F) {
	f.Add("A | B\n--- | ---\nx | y\n")
	f.Add("| A |\n|---|\n")
	f.Fuzz(func(t *testing.T, s string) {
		out := framePipeTables(s)
		// Only pipes and the spaces at a row's ends change.
		bare := func(s string) string { return strings.Join(strings.Fields(strings.ReplaceAll(s, "|", "")), "") }
		if bare(out) != bare(s) {
			t.Fatalf("framePipeTables(%q) = %q: not only pipes and spaces changed", s, out)
		}
		if framePipeTables(out) != out {
			t.Fatalf("framePipeTables is not idempotent on %q", s)
		}
	})
}
