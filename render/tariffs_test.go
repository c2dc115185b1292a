package render

import (
	"bytes"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/fixtures"
	"github.com/avenant-dev/avenant/internal/goldenfile"
	"github.com/avenant-dev/avenant/tariff"
)

var updateTariffs = flag.Bool("updateTariffs", false, "rewrite the golden files of testdata/tariffs")

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
			goldenfile.Check(t, filepath.Join("testdata", "tariffs", "fixtures."+ext), b.Bytes(), *updateTariffs, "updateTariffs")
		})
	}
}

// TestTariffsColor: with colour, a changed cell is styled instead of
// marked, and the legend goes.
func TestTariffsColor(t *testing.T) {
	var b bytes.Buffer
	if err := TariffsText(&b, fixtureGrid(t), ColorStyles()); err != nil {
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
