package store

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/reader"
)

// TestFabriqueIdentity imports every step of the three bills of
// raw/lafabrique in procedure order, each answering the step before (the
// failed ones too: a CMP that agreed on nothing, a text rejected), and
// holds the stable ids to La Fabrique's article identity: an article keeps
// one id at every step that prints it, through its deletion and
// re-establishment, and no id ever names two of its articles.
func TestFabriqueIdentity(t *testing.T) {
	truths := corpus.Files(t, "raw/lafabrique/*/articles_etapes.json")
	if testing.Short() {
		t.Skip("imports 40 texts")
	}
	for _, path := range truths {
		bill := filepath.Base(filepath.Dir(path))
		var truth struct {
			Articles map[string]struct {
				Titre string `json:"titre"`
				Steps []struct {
					Step string `json:"id_step"`
				} `json:"steps"`
			} `json:"articles"`
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw, &truth); err != nil {
			t.Fatal(err)
		}
		steps, err := filepath.Glob(filepath.Join(filepath.Dir(path), "steps", "*.txt"))
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(steps)
		s := newStore(t)
		byStep := map[string]map[string][]string{} // step → article number → ids
		for _, f := range steps {
			text, err := reader.ReadFile(f, reader.Options{})
			if err != nil {
				t.Fatal(err)
			}
			step := strings.TrimSuffix(filepath.Base(f), ".txt")
			r, err := s.Import(clause.Parse(text), ImportOptions{Party: "Parlement", Label: "s" + step, Date: "2020-01-01", SourceName: filepath.Base(f)})
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			m, err := s.manifest(r.Version)
			if err != nil {
				t.Fatal(err)
			}
			byStep[step] = map[string][]string{}
			for _, e := range m {
				if e.Kind == clause.KindArticle {
					n := clause.NormalizeNumber(e.Number)
					byStep[step][n] = append(byStep[step][n], e.ID)
				}
			}
		}
		pairs, agree := 0, 0
		owner := map[string]string{}
		for key, a := range truth.Articles {
			num := clause.NormalizeNumber(a.Titre)
			prev, prevStep := "", ""
			for _, st := range a.Steps {
				ids := byStep[st.Step][num]
				if len(ids) != 1 {
					continue // not printed at that step (deleted, or left out as adopted)
				}
				if o, ok := owner[ids[0]]; ok && o != key {
					t.Errorf("%s: %s names article %s at %s and article %s elsewhere", bill, ids[0], a.Titre, st.Step, o)
				}
				owner[ids[0]] = key
				if prev != "" {
					pairs++
					if prev == ids[0] {
						agree++
					} else {
						t.Errorf("%s: article %s is %s at %s, %s at %s", bill, a.Titre, prev, prevStep, ids[0], st.Step)
					}
				}
				prev, prevStep = ids[0], st.Step
			}
		}
		t.Logf("%s: %d/%d consecutive appearances of an article keep its id", bill, agree, pairs)
		if pairs < 100 {
			t.Errorf("%s: only %d appearances compared", bill, pairs)
		}
	}
}
