package store

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/reader"
)

// TestFindClauseCorpusStores resolves, in stores of the RCM and CASF
// corpus texts, every clause of every version by its heading as printed
// and by its kind and number (and an article by its bare number): each
// name gives that clause, or, when several clauses share it, an ambiguity
// that lists its id. A clause gone from the last version is named with the
// version where it last existed; an unknown name gets its closest names.
func TestFindClauseCorpusStores(t *testing.T) {
	for _, c := range []struct {
		glob, gone, lastIn string
	}{
		{"raw/rcm_1998/*.md", "", ""},
		{"raw/legi_casf_rsa/*.md", "Article L262-6-1", "v3"},
	} {
		files := corpus.Files(t, c.glob)
		s := newStore(t)
		for i, f := range files {
			text, err := reader.ReadFile(f, reader.Options{})
			if err != nil {
				t.Fatal(err)
			}
			label := "v" + string(rune('1'+i))
			if _, err := s.Import(clause.Parse(text), ImportOptions{Party: "Légifrance", Label: label, Date: "20" + string(rune('0'+i)) + "0-01-01", SourceName: filepath.Base(f)}); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
		}
		vs, err := s.Versions()
		if err != nil {
			t.Fatal(err)
		}
		for vi := range vs {
			v := &vs[vi]
			doc, err := s.Document(v)
			if err != nil {
				t.Fatal(err)
			}
			checked := 0
			for i, cl := range doc.Clauses {
				forms := []string{}
				if cl.Heading != "" {
					forms = append(forms, cl.Heading)
				}
				if cl.Number != "" && cl.Kind != clause.KindItem {
					forms = append(forms, doc.Name(i))
					if cl.Kind == clause.KindArticle {
						forms = append(forms, cl.Number)
					}
				}
				for _, form := range forms {
					e, err := s.FindClause(v, form)
					switch {
					case err == nil && e.ID == cl.ID:
						checked++
					case errors.Is(err, clause.ErrAmbiguousClause) && strings.Contains(err.Error(), "["+cl.ID+"]"):
						checked++
					default:
						t.Errorf("%s %s: %q gives %v, %v; want %s", filepath.Base(files[vi]), v.Label, form, e, err, cl.ID)
					}
				}
			}
			if checked < len(doc.Clauses)/2 {
				t.Errorf("%s: only %d names checked for %d clauses", v.Label, checked, len(doc.Clauses))
			}
		}
		last := &vs[len(vs)-1]
		if c.gone != "" {
			_, err := s.FindClause(last, c.gone)
			if !errors.Is(err, errClauseGone) || !strings.Contains(err.Error(), "it last existed in "+c.lastIn) ||
				!strings.HasSuffix(err.Error(), "see it with --at "+c.lastIn) {
				t.Errorf("%s in %s: %v, want the version where it last existed", c.gone, last.Label, err)
			}
		}
		_, err = s.FindClause(last, "Article 999")
		if !errors.Is(err, ErrUnknownClause) || !strings.Contains(err.Error(), "unknown clause in "+last.Label) {
			t.Errorf("Article 999 in %s: %v, want an unknown clause", last.Label, err)
		}
		if _, err := s.FindClause(last, "Annexe 1"); err == nil && !slices.ContainsFunc(mustDoc(t, s, last).Clauses, func(c clause.Clause) bool { return c.Kind == clause.KindAnnex }) {
			t.Errorf("Annexe 1 in %s: found in a text without annexes", last.Label)
		}
	}
}

func mustDoc(t *testing.T, s *Store, v *Version) *clause.Document {
	t.Helper()
	d, err := s.Document(v)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
