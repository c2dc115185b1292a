package amend

import (
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/fixtures"
	"github.com/avenant-dev/avenant/reader"
)

// fixture reads a file of the demo negotiation as avenant does.
func fixture(t *testing.T, name string) *clause.Document {
	t.Helper()
	b, err := fixtures.FS.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return decodeDoc(t, b)
}

// decodeDoc reads a document's bytes as avenant reads a file.
func decodeDoc(t testing.TB, b []byte) *clause.Document {
	t.Helper()
	text, err := reader.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	return clause.Parse(text)
}

// The demo's avenant, written as amendments and applied to the
// convention, is the consolidated avenant.
func TestDemoAvenant(t *testing.T) {
	set, err := Parse(fixture(t, "06-avenant-1-2025-amendements.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Own) != 1 || set.Own[0] != "Article 5" {
		t.Errorf("own provisions: %q, want [Article 5]", set.Own)
	}
	res, err := Apply(fixture(t, "05-convention-2024-06.md"), set, Markdown)
	if err != nil {
		t.Fatal(err)
	}
	got, err := reader.Decode([]byte(res.Text))
	if err != nil {
		t.Fatal(err)
	}
	sameClauses(t, "apply(05, amendements)", fixture(t, "06-avenant-1-2025.md"), clause.Parse(got))
}

// Amends tells the demo's avenant written as amendments from the
// consolidated texts: the first amends the convention, the others do not.
func TestAmendsDemo(t *testing.T) {
	conv := fixture(t, "05-convention-2024-06.md")
	if !Amends(fixture(t, "06-avenant-1-2025-amendements.md"), conv) {
		t.Error("the avenant written as amendments does not read as amending the convention")
	}
	vs, err := fixtures.Versions()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if Amends(fixture(t, v.File), conv) {
			t.Errorf("%s reads as amending the convention", v.File)
		}
	}
}
