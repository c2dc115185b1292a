package store

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/reader"
)

// fabriqueArticles is articles_etapes.json, reduced to article identity:
// each article's number and the steps that print it, with the number the
// law gives it at the last steps (newnum), where it renumbers.
type fabriqueArticles map[string]struct {
	Titre string         `json:"titre"`
	Steps []fabriqueStep `json:"steps"`
}

type fabriqueStep struct {
	Step   string `json:"id_step"`
	NewNum string `json:"newnum"`
	// Diff is "none" when the article's text is its previous step's
	// (accents aside), else "add", "rem" or "both".
	Diff string `json:"diff"`
}

// TestFabriqueIdentity imports every step of the three bills of
// raw/lafabrique in procedure order, each answering the step before (the
// failed ones too: a CMP that agreed on nothing, a text rejected), then
// the law as promulgated, the last step's articles renumbered as La
// Fabrique's newnum says. It holds the stable ids to La Fabrique's article
// identity: an article keeps one id at every step that prints it, through
// its deletion and re-establishment and the final renumbering, and no id
// ever names two of its articles.
func TestFabriqueIdentity(t *testing.T) {
	truths := corpus.Files(t, "raw/lafabrique/*/articles_etapes.json")
	if testing.Short() {
		t.Skip("imports 40 texts")
	}
	for _, path := range truths {
		bill := filepath.Base(filepath.Dir(path))
		var truth struct {
			Articles fabriqueArticles `json:"articles"`
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
		var last string
		for _, f := range steps {
			text, err := reader.ReadFile(f, reader.Options{})
			if err != nil {
				t.Fatal(err)
			}
			step := strings.TrimSuffix(filepath.Base(f), ".txt")
			byStep[step] = importStep(t, s, text, "s"+step)
			last = text
		}
		law, renumbered := promulgated(last, truth.Articles, filepath.Base(steps[len(steps)-1]))
		byStep["loi"] = importStep(t, s, law, "loi")
		pairs, agree := 0, 0
		owner := map[string]string{}
		for key, a := range truth.Articles {
			prev, prevStep := "", ""
			for _, st := range append(a.Steps, fabriqueStep{Step: "loi", NewNum: renumbered[a.Titre]}) {
				num := a.Titre
				if st.Step == "loi" {
					num = st.NewNum
				}
				ids := byStep[st.Step][clause.NormalizeNumber(num)]
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
		t.Logf("%s: %d/%d consecutive appearances of an article keep its id (%d renumbered in the law)", bill, agree, pairs, len(renumbered))
		if pairs < 100 {
			t.Errorf("%s: only %d appearances compared", bill, pairs)
		}
		lastStep := strings.TrimSuffix(filepath.Base(steps[len(steps)-1]), ".txt")
		n, off := blameFabrique(t, s, truth.Articles, lastStep, byStep[lastStep])
		t.Logf("%s: %d of %d spans of the last step's blame credit a step that changed the article", bill, n-len(off), n)
		// What is left: words whose accents alone changed ('Etat' →
		// 'État'), which La Fabrique compares without.
		if len(off) > 2 {
			t.Errorf("%s: blame credits steps that left the article as it was:\n%s", bill, strings.Join(off, "\n"))
		}
	}
}

// blameFabrique blames each article of the bill's step last and returns
// how many spans of words it cut, and those crediting a step at which La
// Fabrique says the article's text did not change: a version that took
// back an earlier text was credited with its words.
func blameFabrique(t *testing.T, s *Store, arts fabriqueArticles, last string, ids map[string][]string) (int, []string) {
	at, err := s.Resolve("s" + last)
	if err != nil {
		t.Fatal(err)
	}
	n, off := 0, []string(nil)
	for _, a := range arts {
		changed := map[string]bool{}
		for _, st := range a.Steps {
			changed["s"+st.Step] = st.Diff != "none"
		}
		id := ids[clause.NormalizeNumber(a.Titre)]
		if len(id) != 1 || !slices.ContainsFunc(a.Steps, func(st fabriqueStep) bool { return st.Step == last }) {
			continue
		}
		spans, err := s.Blame(id[0], at, false)
		if err != nil {
			t.Fatal(err)
		}
		for _, sp := range spans {
			if len(strings.TrimSpace(sp.Text)) < 4 {
				continue
			}
			n++
			if !changed[sp.Version.Label] {
				off = append(off, fmt.Sprintf("article %s: %s %.60q", a.Titre, sp.Version.Label, sp.Text))
			}
		}
	}
	return n, off
}

// importStep imports text as version label and returns its articles' ids
// by normalized number.
func importStep(t *testing.T, s *Store, text, label string) map[string][]string {
	t.Helper()
	r, err := s.Import(clause.Parse(text), ImportOptions{Party: "Parlement", Label: label, Date: "2020-01-01", SourceName: label + ".txt"})
	if err != nil {
		t.Fatalf("%s: %v", label, err)
	}
	m, err := s.manifest(r.Version)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, e := range m {
		if e.Kind == clause.KindArticle {
			n := clause.NormalizeNumber(e.Number)
			out[n] = append(out[n], e.ID)
		}
	}
	return out
}

// articleLine is an article's heading line in the bills' texts.
var articleLine = regexp.MustCompile(`(?m)^Article (1er|\d+)((?: [A-Z])?(?: (?:bis|ter|quater|quinquies|sexies|septies)(?: [A-Z]+)?)?)( \(.*\))?$`)

// promulgated is text, the last step of a bill, with its articles given
// the numbers of the law (newnum at step), and the renumbering it applied,
// old number → new.
func promulgated(text string, arts fabriqueArticles, step string) (string, map[string]string) {
	step = strings.TrimSuffix(step, ".txt")
	renumber := map[string]string{}
	for _, a := range arts {
		for _, st := range a.Steps {
			if st.Step == step && st.NewNum != "" {
				renumber[a.Titre] = st.NewNum
			}
		}
	}
	law := articleLine.ReplaceAllStringFunc(text, func(line string) string {
		m := articleLine.FindStringSubmatch(line)
		if n, ok := renumber[m[1]+m[2]]; ok {
			return "Article " + n + m[3]
		}
		return line
	})
	return law, renumber
}
