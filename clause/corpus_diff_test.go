package clause

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/internal/corpus"
)

// changeOf returns the change that involves the old or new clause with
// the given kind and number, or nil.
func changeOf(d *Diff, kind Kind, number string, fromOld bool) *Change {
	for i := range d.Changes {
		c := &d.Changes[i]
		idx, doc := c.New, d.New
		if fromOld {
			idx, doc = c.Old, d.Old
		}
		for _, k := range idx {
			if doc.Clauses[k].Kind == kind && doc.Clauses[k].Number == number {
				return c
			}
		}
	}
	return nil
}

// TestCorpusRCMDiff checks the diff of the 1998 règlement conventionnel
// minimal against its 2003 version with the truth of raw/SOURCES.md:
// articles 4, 5, 7, 14, 16 and 20 modified, the préambule and the second
// Annexe IV block added, everything else unchanged.
func TestCorpusRCMDiff(t *testing.T) {
	files := corpus.Files(t, "raw/rcm_1998/*.md")
	if len(files) != 2 {
		t.Fatalf("want the 1998 and 2003 files, got %v", files)
	}
	old, new := Parse(readCorpus(t, files[0])), Parse(readCorpus(t, files[1]))
	d := Compare(old, new, CompareOptions{})
	modified := []string{"4", "5", "7", "14", "16", "20"}
	for _, i := range old.Clauses {
		if i.Kind != KindArticle && i.Kind != KindAnnex {
			continue
		}
		c := changeOf(d, i.Kind, i.Number, true)
		if c == nil {
			t.Errorf("%s %s: no change recorded", i.Kind, i.Number)
			continue
		}
		want := Unchanged
		if i.Kind == KindArticle && slices.Contains(modified, i.Number) {
			want = Modified
		}
		if c.Kind != want || c.Renumbered || c.Moved || len(c.New) != 1 || new.Clauses[c.New[0]].Number != i.Number {
			t.Errorf("%s %s: %s renumbered=%v moved=%v new=%v, want %s in place", i.Kind, i.Number, c.Kind, c.Renumbered, c.Moved, c.New, want)
		}
	}
	var added []string
	for _, c := range d.Changes {
		if c.Kind == Added {
			n := &new.Clauses[c.New[0]]
			if n.Kind == KindArticle || n.Kind == KindAnnex || n.Kind == KindPreamble {
				added = append(added, string(n.Kind)+" "+n.Number)
			}
		}
	}
	if want := []string{"preamble ", "annex IV"}; !slices.Equal(added, want) {
		t.Errorf("added = %q, want %q", added, want)
	}
}

// TestCorpusCASFDiff checks each consecutive pair of CASF versions against
// the articles.json truth: same number and body hash → unchanged; same
// number, other body → modified; numbers that vanish or appear → removed
// or added, unless the aligner matched them with high similarity.
func TestCorpusCASFDiff(t *testing.T) {
	files := corpus.Files(t, "raw/legi_casf_rsa/*.md")
	truth := func(path string) map[string]string {
		m := map[string]string{}
		for _, a := range casfTruth(t, path) {
			m[a.number] = a.sha1
		}
		return m
	}
	for i := 0; i+1 < len(files); i++ {
		t.Run(filepath.Base(files[i])+"→"+filepath.Base(files[i+1]), func(t *testing.T) {
			oldTruth, newTruth := truth(files[i]), truth(files[i+1])
			old, new := Parse(readCorpus(t, files[i])), Parse(readCorpus(t, files[i+1]))
			d := Compare(old, new, CompareOptions{})
			for _, c := range old.Clauses {
				if c.Kind != KindArticle {
					continue
				}
				ch := changeOf(d, KindArticle, c.Number, true)
				newSHA, stays := newTruth[c.Number]
				switch {
				case !stays:
					if ch.Kind != Removed && ch.Similarity < 0.75 {
						t.Errorf("article %s vanished: got %s (similarity %.2f), want removed or a close match", c.Number, ch.Kind, ch.Similarity)
					}
				case newSHA == oldTruth[c.Number]:
					if ch.Kind != Unchanged || new.Clauses[ch.New[0]].Number != c.Number {
						t.Errorf("article %s has the same body: got %s → %v", c.Number, ch.Kind, numbersOf(new, ch.New))
					}
				default:
					if twin := changeOf(d, KindArticle, c.Number, false); twin != nil && twin != ch && twin.Similarity >= 0.75 {
						// The number now holds another old article's text,
						// moved there: what was under it is gone.
						continue
					}
					if len(ch.New) == 0 || new.Clauses[ch.New[0]].Number != c.Number {
						// Rewritten under the same number, but the aligner
						// found its text elsewhere: acceptable only when
						// that match is close.
						if ch.Similarity < 0.75 {
							t.Errorf("article %s rewritten in place: got %s → %v (similarity %.2f)", c.Number, ch.Kind, numbersOf(new, ch.New), ch.Similarity)
						}
						continue
					}
					if ch.Kind != Modified && ch.Kind != Split && ch.Kind != Merged {
						t.Errorf("article %s has another body: got %s", c.Number, ch.Kind)
					}
				}
			}
			for _, c := range new.Clauses {
				if c.Kind != KindArticle {
					continue
				}
				if _, existed := oldTruth[c.Number]; existed {
					continue
				}
				ch := changeOf(d, KindArticle, c.Number, false)
				if ch.Kind != Added && ch.Similarity < 0.75 {
					t.Errorf("article %s is new: got %s from %v (similarity %.2f)", c.Number, ch.Kind, numbersOf(old, ch.Old), ch.Similarity)
				}
			}
		})
	}
}

// casfArticle is one article of a CASF version's truth: its number and
// the hash of its body.
type casfArticle struct{ number, sha1 string }

// casfTruth reads the articles.json beside a CASF version: its articles in
// document order.
func casfTruth(t *testing.T, path string) []casfArticle {
	t.Helper()
	var arts []struct{ ID, SHA1 string }
	b, err := os.ReadFile(strings.TrimSuffix(path, ".md") + ".articles.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &arts); err != nil {
		t.Fatal(err)
	}
	out := make([]casfArticle, len(arts))
	for i, a := range arts {
		out[i] = casfArticle{strings.TrimPrefix(a.ID, "Article "), a.SHA1}
	}
	return out
}

// TestCorpusCASFMoved checks the moved flag against the truth of each
// consecutive pair of CASF versions. Of the articles that keep their
// number, those whose order among each other the truth shows unchanged (a
// longest run in the same order) are in place: rewritten or not, whatever
// sections were redrawn around them, they are not moved. The others are,
// when the aligner pairs them by number. 2008 → 2009 rewrites nearly the
// whole chapter in place.
func TestCorpusCASFMoved(t *testing.T) {
	files := corpus.Files(t, "raw/legi_casf_rsa/*.md")
	for i := 0; i+1 < len(files); i++ {
		t.Run(filepath.Base(files[i])+"→"+filepath.Base(files[i+1]), func(t *testing.T) {
			oldArts, newArts := casfTruth(t, files[i]), casfTruth(t, files[i+1])
			oldPos := map[string]int{}
			for k, a := range oldArts {
				oldPos[a.number] = k
			}
			var kept []string // numbers in both versions, in new order
			var order []int
			for _, a := range newArts {
				if k, ok := oldPos[a.number]; ok {
					kept = append(kept, a.number)
					order = append(order, k)
				}
			}
			inPlace := longestIncreasing(order)
			old, new := Parse(readCorpus(t, files[i])), Parse(readCorpus(t, files[i+1]))
			d := Compare(old, new, CompareOptions{})
			rewritten := 0
			for k, num := range kept {
				ch := changeOf(d, KindArticle, num, true)
				if len(ch.New) != 1 || new.Clauses[ch.New[0]].Number != num {
					continue // its text found under another number: TestCorpusCASFDiff's concern
				}
				if ch.Kind == Modified {
					rewritten++
				}
				if ch.Moved != !inPlace[k] {
					t.Errorf("article %s (%s, similarity %.2f): moved = %v, want %v", num, ch.Kind, ch.Similarity, ch.Moved, !inPlace[k])
				}
			}
			t.Logf("%d articles kept their number, %d of them rewritten", len(kept), rewritten)
		})
	}
}

func numbersOf(d *Document, idx []int) []string {
	var out []string
	for _, i := range idx {
		out = append(out, d.Clauses[i].Number)
	}
	return out
}
