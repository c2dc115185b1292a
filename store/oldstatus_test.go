package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// TestTitleStatusReadBack: a version recorded before the parser read a
// title that is a status ('Article 12 – Abrogé.') has that heading and no
// status in its manifest. Read back so, its outline had no status, and
// compared with the same article as a version recorded since prints it
// ('Article 12 (abrogé)') it was 'modified (0 %), heading: [-Abrogé-]'
// where the two are cosmetic, which an import then wrote into
// changes.json. The status is read from the heading when the manifest, or
// a manifest cache an earlier release wrote, has none.
func TestTitleStatusReadBack(t *testing.T) {
	s := newStore(t)
	mustImport(t, s, articles("11", sentA1, "12", sentB1), "CNAM", "V-1", "2024-01-01")
	// As the parser reads them: parseMD does not read statuses.
	repealed := func(heading string) *clause.Document {
		d := parseMD("#### Article 11 - Objet 11\n\n" + sentA1 + "\n\n#### " + heading + "\n")
		c := &d.Clauses[1]
		c.Number, c.Key, c.ID, c.Status = "12", clause.NumberKey(clause.KindArticle, "12"), "art-12", clause.StatusRepealed
		return d
	}
	r, err := s.Import(repealed("Article 12 – Abrogé."), ImportOptions{Party: "CNAM", Label: "V-2", Date: "2024-01-02"})
	if err != nil {
		t.Fatal(err)
	}
	v2 := r.Version
	m := fileOf(t, s, v2, "manifest.json")
	old := strings.Replace(m, `,"status":"abrogé"`, "", 1)
	if old == m {
		t.Fatalf("no status to take out of\n%s", m)
	}
	forge(t, s, v2, "V-old", map[string]string{"manifest.json": old}, nil)
	s, _ = Open(s.Dir)
	vs, err := s.Versions()
	if err != nil {
		t.Fatal(err)
	}
	v := &vs[len(vs)-1]
	doc, err := s.Document(v)
	if err != nil {
		t.Fatal(err)
	}
	d := clause.Compare(doc, repealed("Article 12 (abrogé)"), clause.CompareOptions{})
	for _, c := range d.Changes {
		if c.Kind != clause.Unchanged && c.Kind != clause.Cosmetic {
			t.Errorf("the version recorded without its status against the same text: %s %v→%v", c.Kind, c.Old, c.New)
		}
	}
	m2, err := s.manifest(v)
	if err != nil {
		t.Fatal(err)
	}
	if m2[1].Status != clause.StatusRepealed {
		t.Errorf("manifest: status %q", m2[1].Status)
	}
	// A cache written by an earlier release, without the status.
	m2[1].Status = ""
	cache := filepath.Join(s.gitDir, "avenant", "manifests", v.Commit+manifestSuffix)
	if err := os.WriteFile(cache, encodeManifestCache(m2), 0o644); err != nil {
		t.Fatal(err)
	}
	if m3, err := s.manifest(v); err != nil || m3[1].Status != clause.StatusRepealed {
		t.Errorf("manifest from an earlier cache: %v, %v", m3, err)
	}
}
