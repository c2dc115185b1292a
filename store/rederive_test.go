package store

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// statusDoc is articles 11 to 13 as the parser reads them, article 12
// saying nothing but its status (its heading's title).
func statusDoc(title, text13 string) *clause.Document {
	d := parseMD("#### Article 11 - Objet\n\n" + sentA1 + "\n\n#### Article 12 – " + title + "\n\n#### Article 13 - Forfait\n\n" + text13 + "\n")
	c := &d.Clauses[1]
	c.Number, c.Key, c.ID = "12", clause.NumberKey(clause.KindArticle, "12"), "art-12"
	c.Status = clause.TitleStatus(c.Heading, c.Number)
	return d
}

// restamp replaces version v by a commit of the same parent, message and
// tree but for changes.json, and moves its tag, its party's branch and
// main to it: v as an older avenant would have recorded it.
func restamp(t *testing.T, s *Store, v *Version, changes string) {
	t.Helper()
	h := forgeCommit(t, s, v, map[string]string{"changes.json": changes}, func(*object.Commit) {})
	for _, ref := range []string{"refs/tags/" + v.Label, "refs/heads/" + Slug(v.Party), "refs/heads/main"} {
		if err := s.setRef(plumbing.ReferenceName(ref), h); err != nil {
			t.Fatal(err)
		}
	}
}

// changesOf sums up a store's versions' changes, blobs aside.
func changesOf(t *testing.T, s *Store) string {
	t.Helper()
	vs, err := s.Versions()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, v := range vs {
		var lines []string
		for _, d := range v.Changes {
			lines = append(lines, fmt.Sprintf("%s %s %s r=%v m=%v gone=%v %v", d.ID, d.Change, d.Number, d.Renumbered, d.Moved, d.Gone, d.Others))
		}
		slices.Sort(lines)
		fmt.Fprintf(&b, "%s: %s\n", v.Label, strings.Join(lines, "; "))
	}
	return b.String()
}

// TestStaleChangesRederived: a store an avenant before 350bd7b wrote
// recorded 'Article 12 – Abrogé.' → 'Article 12 – Supprimé.' as modified
// in changes.json, and log and blame read that record: 'avenant log 12'
// listed the version as modified where a store imported afresh says
// cosmetic. changes.json now records the rule it was derived by, and a
// version recorded under an older rule is re-derived when read, its ids
// kept: the same verdicts as a fresh import, no version lost, the result
// cached for the next rebuild. That first read is told to Progress (a
// store of hundreds of versions looked hung).
func TestStaleChangesRederived(t *testing.T) {
	text13 := sentB1 + " " + sentB2
	fresh := newStore(t)
	if _, err := fresh.Import(statusDoc("Abrogé.", sentB1), ImportOptions{Party: "CNAM", Label: "V-1", Date: "2024-01-01"}); err != nil {
		t.Fatal(err)
	}
	if _, err := fresh.Import(statusDoc("Supprimé.", text13), ImportOptions{Party: "CNAM", Label: "V-2", Date: "2024-02-01"}); err != nil {
		t.Fatal(err)
	}
	want := changesOf(t, fresh)
	if !strings.Contains(want, "art-12 cosmetic") || !strings.Contains(want, "art-13 modified") {
		t.Fatalf("the fresh import:\n%s", want)
	}

	// The old rule's record: article 12 modified, article 13 (as an
	// older rule may have missed a change) not listed at all.
	old := newStore(t)
	if _, err := old.Import(statusDoc("Abrogé.", sentB1), ImportOptions{Party: "CNAM", Label: "V-1", Date: "2024-01-01"}); err != nil {
		t.Fatal(err)
	}
	r, err := old.Import(statusDoc("Supprimé.", text13), ImportOptions{Party: "CNAM", Label: "V-2", Date: "2024-02-01"})
	if err != nil {
		t.Fatal(err)
	}
	restamp(t, old, r.Version, "{\"schema\": \"avenant.changes/v1\",\n\"changes\": [\n{\"id\":\"art-12\",\"change\":\"modified\",\"number\":\"12\"}]}\n")
	if err := os.Remove(old.indexPath()); err != nil {
		t.Fatal(err)
	}
	for _, step := range []string{"rebuilt", "from the cache", "cache damaged"} {
		s, err := Open(old.Dir)
		if err != nil {
			t.Fatal(err)
		}
		// The first read is told as it goes, from 0 to the end; a read
		// from the cache tells nothing.
		var told []string
		s.Progress = func(task string, done, total int) {
			told = append(told, fmt.Sprintf("%d/%d", done, total))
		}
		if got := changesOf(t, s); got != want {
			t.Errorf("%s: the store recorded by the old rule reads\n%swhere a fresh import reads\n%s", step, got, want)
		}
		log, err := s.Log("art-12", nil)
		if err != nil || len(log) != 2 || log[1].Change != clause.Cosmetic {
			t.Errorf("%s: log 12: %v %v", step, log, err)
		}
		spans, err := s.Blame("art-13", nil, false)
		if err != nil || len(spans) != 2 || spans[1].Version.Label != "V-2" || !strings.Contains(spans[1].Text, sentB2[:20]) {
			t.Errorf("%s: blame 13: %v %v", step, spans, err)
		}
		if wantTold := map[bool]string{true: "", false: "0/1 1/1"}[step == "from the cache"]; strings.Join(told, " ") != wantTold {
			t.Errorf("%s: progress told %q, want %q", step, told, wantTold)
		}
		vs, _ := s.Versions()
		cache := s.rederivedPath(vs[1].Commit)
		os.Remove(s.indexPath())
		if step == "from the cache" {
			if err := os.WriteFile(cache, []byte("avenant changes rule 1\nxx"), 0o644); err != nil {
				t.Fatal(err)
			}
		} else if _, err := os.Stat(cache); err != nil {
			t.Errorf("%s: no cache: %v", step, err)
		}
	}
	// gc keeps the cache of a version, and drops that of a commit no
	// version is.
	s, _ := Open(old.Dir)
	vs, _ := s.Versions()
	stray := s.rederivedPath(strings.Repeat("ab", 20))
	if err := os.WriteFile(stray, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := s.GC(0); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stray); err == nil {
		t.Error("gc left the cache of no version")
	}
	if _, err := os.Stat(s.rederivedPath(vs[1].Commit)); err != nil {
		t.Errorf("gc removed a version's cache: %v", err)
	}
}

// TestBackfillVerdict: the version a back-filled one precedes recorded
// every clause as added; log reads what it did to the older text by
// comparing the two. It said modified wherever the clause files differed,
// so a change of typography alone ('l'article' → 'l’article') read
// modified across the back-fill and cosmetic when the same texts came in
// date order, and a new title over the same text read unchanged; blame
// credited the later version with the apostrophe. Both orders now give
// the same log and the same blame.
func TestBackfillVerdict(t *testing.T) {
	older := articles("1", "Le médecin applique l'article 5 de la présente convention.", "2 - Tarifs", sentB1)
	newer := articles("1", "Le médecin applique l’article 5 de la présente convention.", "2 - Honoraires", sentB1)
	logs := func(first, second struct{ text, label, date string }) string {
		s := newStore(t)
		mustImport(t, s, first.text, "CNAM", first.label, first.date)
		mustImport(t, s, second.text, "CNAM", second.label, second.date)
		var b strings.Builder
		for _, id := range []string{"art-1", "art-2"} {
			log, err := s.Log(id, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range log {
				fmt.Fprintf(&b, "%s %s %s; ", id, e.Version.Label, e.Change)
			}
			spans, err := s.Blame(id, nil, false)
			if err != nil {
				t.Fatal(err)
			}
			for _, sp := range spans {
				fmt.Fprintf(&b, "%s«%s» ", sp.Version.Label, sp.Text)
			}
		}
		return b.String()
	}
	ra := struct{ text, label, date string }{older, "RA", "2023-04-30"}
	cnam := struct{ text, label, date string }{newer, "CNAM-1", "2024-02-08"}
	inOrder, backfilled := logs(ra, cnam), logs(cnam, ra)
	if backfilled != inOrder {
		t.Errorf("back-filled:\n%s\nin date order:\n%s", backfilled, inOrder)
	}
	if !strings.Contains(inOrder, "art-1 CNAM-1 cosmetic") || !strings.Contains(inOrder, "art-2 CNAM-1 modified") {
		t.Errorf("in date order: %s", inOrder)
	}
}
