package clause

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/internal/corpus"
)

// The bills of raw/lafabrique are parliamentary texts at every step of the
// procedure, with La Fabrique de la Loi's per-article truth: which steps
// each article appears in and, at each, whether its text differs from the
// article's previous step. See raw/SOURCES.md.
//
// How the truth's "diff" is made (the-law-factory-parser, prepare_articles
// and clean_text_for_diff): each alinéa loses its leading subdivision
// number and a trailing "(Supprimé)"/"(Censuré)", empty alinéas go, the
// text is lower-cased, stripped of accents and of everything that is not a
// letter or a digit; "none" means the two strings are equal. A step that
// prints an article with a removal status is "rem" even when it was
// already removed. avenant's cosmetic class is narrower on purpose, so a
// few verdicts differ by design: a change of case in body text
// ("président" / "Président"), of punctuation (a comma added), and an
// article removed at two steps running (unchanged for avenant). Those
// are what the remaining disagreements are; the test logs each of them.

// fabriqueTruth is articles_etapes.json, reduced to what the tests read.
type fabriqueTruth struct {
	Articles map[string]struct {
		Titre string `json:"titre"`
		Order int    `json:"order"`
		Steps []struct {
			Step string `json:"id_step"`
			// Diff is "none" when the text equals the article's text at
			// its previous step (compared without accents), otherwise
			// "add", "rem" or "both"; absent on failed steps.
			Diff *string `json:"diff"`
			// Status is "sup" at the step that removed the article:
			// the text may still print it ("Article 2 (supprimé)") or
			// leave it out.
			Status string `json:"status"`
		} `json:"steps"`
	} `json:"articles"`
}

// fabriqueBill is one bill: its step texts by step name and its truth.
type fabriqueBill struct {
	name  string
	steps []string // step names in procedure order
	dir   string
	truth fabriqueTruth
	docs  map[string]*Document
	diffs map[[2]string]*Diff
}

func loadFabrique(t *testing.T) []*fabriqueBill {
	t.Helper()
	truths := corpus.Files(t, "raw/lafabrique/*/articles_etapes.json")
	var bills []*fabriqueBill
	for _, path := range truths {
		dir := filepath.Dir(path)
		b := &fabriqueBill{name: filepath.Base(dir), dir: filepath.Join(dir, "steps"),
			docs: map[string]*Document{}, diffs: map[[2]string]*Diff{}}
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw, &b.truth); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		files, err := filepath.Glob(filepath.Join(b.dir, "*.txt"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no step texts", b.dir)
		}
		sort.Strings(files)
		for _, f := range files {
			b.steps = append(b.steps, strings.TrimSuffix(filepath.Base(f), ".txt"))
		}
		bills = append(bills, b)
	}
	return bills
}

func (b *fabriqueBill) doc(t *testing.T, step string) *Document {
	if d, ok := b.docs[step]; ok {
		return d
	}
	d := Parse(readCorpus(t, filepath.Join(b.dir, step+".txt")))
	b.docs[step] = d
	return d
}

func (b *fabriqueBill) diff(t *testing.T, old, new string) *Diff {
	k := [2]string{old, new}
	if d, ok := b.diffs[k]; ok {
		return d
	}
	d := Compare(b.doc(t, old), b.doc(t, new), CompareOptions{})
	b.diffs[k] = d
	return d
}

// truthArticles lists the numbers of the articles the truth places at
// step, in the bill's order, and those among them that the step removed
// (which the text may leave out); ok is false when the truth does not
// describe the step (a text sent on unchanged, or a failed step).
func (b *fabriqueBill) truthArticles(step string) (nums []string, removed map[string]bool, ok bool) {
	type art struct {
		order int
		num   string
	}
	var arts []art
	removed = map[string]bool{}
	for _, a := range b.truth.Articles {
		for _, s := range a.Steps {
			if s.Step == step && s.Diff != nil {
				arts = append(arts, art{a.Order, a.Titre})
				if s.Status == "sup" {
					removed[a.Titre] = true
				}
			}
		}
	}
	sort.Slice(arts, func(i, j int) bool { return arts[i].order < arts[j].order })
	for _, a := range arts {
		nums = append(nums, a.num)
	}
	return nums, removed, len(arts) > 0
}

// fabriqueHeading is how these texts print an article heading, read here
// independently of the parser to check the steps the truth does not cover.
var fabriqueHeading = regexp.MustCompile(`(?m)^Article (\d+(?:er)?(?: [a-z]+)?(?: [A-Z]{1,3})?)(?: \([^)]*\))?$`)

func articleNumbers(d *Document) []string {
	var nums []string
	for _, c := range d.Clauses {
		if c.Kind == KindArticle {
			nums = append(nums, c.Number)
		}
	}
	return nums
}

// TestFabriqueArticles checks that every article of every step is found,
// in order, with its number (and its status kept out of the number).
func TestFabriqueArticles(t *testing.T) {
	for _, b := range loadFabrique(t) {
		t.Run(b.name, func(t *testing.T) {
			for _, step := range b.steps {
				got := articleNumbers(b.doc(t, step))
				want, removed, ok := b.truthArticles(step)
				if !ok {
					text := readCorpus(t, filepath.Join(b.dir, step+".txt"))
					want = nil
					for _, m := range fabriqueHeading.FindAllStringSubmatch(text, -1) {
						want = append(want, m[1])
					}
				}
				want = slices.DeleteFunc(want, func(n string) bool {
					return removed[n] && !slices.Contains(got, n)
				})
				for _, c := range b.doc(t, step).Clauses {
					if c.Kind == KindArticle && strings.HasSuffix(c.Heading, ")") && c.Status == "" {
						t.Errorf("%s: %q: no status read", step, c.Heading)
					}
				}
				if !equalStrings(got, want) {
					t.Errorf("%s: articles\n got %q\nwant %q", step, got, want)
				}
			}
		})
	}
}

// fabriqueVerdict is one per-article verdict of the truth: the article
// number, the two steps compared and whether the text changed.
type fabriqueVerdict struct {
	num, old, new string
	changed       bool
}

func (b *fabriqueBill) verdicts() []fabriqueVerdict {
	var out []fabriqueVerdict
	for _, a := range b.truth.Articles {
		prev := ""
		for _, s := range a.Steps {
			if s.Diff == nil {
				continue
			}
			if prev != "" {
				out = append(out, fabriqueVerdict{a.Titre, prev, s.Step, *s.Diff != "none"})
			}
			prev = s.Step
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].new != out[j].new {
			return out[i].new < out[j].new
		}
		return CompareNumbers(out[i].num, out[j].num) < 0
	})
	return out
}

// articleVerdict reads from d whether article num changed: it must be
// paired with the article of the same number on the other side, and be
// unchanged or cosmetic, to count as unchanged. why says what was seen.
func articleVerdict(d *Diff, num string) (changed bool, why string) {
	key := NumberKey(KindArticle, num)
	for i := range d.Changes {
		c := &d.Changes[i]
		for _, k := range c.New {
			if d.New.Clauses[k].Kind != KindArticle || d.New.Clauses[k].Key != key {
				continue
			}
			sameOld := len(c.Old) == 1 && d.Old.Clauses[c.Old[0]].Key == key
			if (c.Kind == Unchanged || c.Kind == Cosmetic) && sameOld {
				return false, string(c.Kind)
			}
			olds := strings.Join(numbersOf(d.Old, c.Old), "+")
			return true, string(c.Kind) + " from " + olds
		}
	}
	return true, "not found in the new step"
}

// minFabriqueAgreement is the share of per-article verdicts that must
// agree with La Fabrique's truth on each bill.
const minFabriqueAgreement = 0.97

// TestFabriqueVerdicts compares, for every article at every step, the
// verdict changed/unchanged of a diff between the article's previous step
// and this one with the truth, and reports the agreement per bill.
func TestFabriqueVerdicts(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the verdicts diff every pair of steps of three bills")
	}
	for _, b := range loadFabrique(t) {
		t.Run(b.name, func(t *testing.T) {
			vs := b.verdicts()
			if len(vs) == 0 {
				t.Fatal("no verdicts in the truth")
			}
			agree := 0
			for _, v := range vs {
				changed, why := articleVerdict(b.diff(t, v.old, v.new), v.num)
				if changed == v.changed {
					agree++
					continue
				}
				t.Logf("article %s, %s → %s: truth changed=%v, got %s", v.num, v.old, v.new, v.changed, why)
			}
			share := float64(agree) / float64(len(vs))
			t.Logf("%s: %d/%d verdicts agree with the truth (%.1f %%)", b.name, agree, len(vs), 100*share)
			if share < minFabriqueAgreement {
				t.Errorf("%s: %.1f %% of verdicts agree, want at least %.0f %%", b.name, 100*share, 100*minFabriqueAgreement)
			}
		})
	}
}
