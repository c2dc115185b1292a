package store

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"

	"github.com/avenant-dev/avenant/clause"
)

const v1 = `Préambule des parties.

#### Article 1 - Objet

La convention règle les rapports entre les médecins et l'assurance maladie. Elle est conclue pour cinq ans.

#### Article 2 - Tarifs

La consultation est valorisée à 25 €. Le tarif est révisé chaque année. Les parties se réunissent en mars.

#### Article 3 - Durée

La convention entre en vigueur le 1er janvier.
`

// v2 changes the first sentence of article 2.
var v2 = strings.Replace(v1, "valorisée à 25 €", "valorisée à 26,50 €", 1)

// v3 changes the second sentence of article 2.
var v3 = strings.Replace(v2, "révisé chaque année", "révisé tous les deux ans", 1)

func TestImportHistory(t *testing.T) {
	s := newStore(t)
	r1 := mustImport(t, s, v1, "Arbitre", "RA-2023", "2023-04-30")
	r2 := mustImport(t, s, v2, "CNAM", "CNAM-2024", "2024-02-08")
	r3 := mustImport(t, s, v3, "MG France", "MG-2024", "2024-03-01")

	vs, err := s.Versions()
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, v := range vs {
		labels = append(labels, v.Label+"<"+v.Base)
	}
	if got, want := strings.Join(labels, " "), "RA-2023< CNAM-2024<RA-2023 MG-2024<CNAM-2024"; got != want {
		t.Errorf("versions = %s, want %s", got, want)
	}
	if vs[2].Commit != r3.Version.Commit || vs[0].Commit != r1.Version.Commit || vs[1].Clauses != 4 {
		t.Errorf("versions %+v do not match the imports", vs)
	}
	if r2.Diff.Summary.Modified != 1 {
		t.Errorf("v2 summary = %+v, want one modified clause", r2.Diff.Summary)
	}

	entries, err := s.Log("art-2", nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Version.Label+":"+string(e.Change))
	}
	if want := "RA-2023:added CNAM-2024:modified MG-2024:modified"; strings.Join(got, " ") != want {
		t.Errorf("log art-2 = %v, want %s", got, want)
	}
	if _, err := s.Log("art-9", nil); !errors.Is(err, ErrUnknownClause) {
		t.Errorf("log of an unknown clause: %v", err)
	}

	// Blame: the sentence changed in the third version is attributed to it,
	// the amount to the second, the rest to the first.
	spans, err := s.Blame("art-2", nil, false)
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	owner := func(sub string) string {
		for _, sp := range spans {
			if strings.Contains(sp.Text, sub) {
				return sp.Version.Label
			}
		}
		return "?"
	}
	for _, sp := range spans {
		text.WriteString(sp.Text)
	}
	want, _ := s.clauseText(&vs[2], "art-2")
	if text.String() != want {
		t.Errorf("blame spans concatenate to %q, want %q", text.String(), want)
	}
	for sub, label := range map[string]string{"tous les deux ans": "MG-2024", "26,50": "CNAM-2024", "Les parties se réunissent": "RA-2023"} {
		if got := owner(sub); got != label {
			t.Errorf("blame: %q attributed to %s, want %s (spans %v)", sub, got, label, spans)
		}
	}
	// Blame at the second version does not know the third.
	spans, err = s.Blame("art-2", &vs[1], false)
	if err != nil {
		t.Fatal(err)
	}
	if owner("révisé chaque année") != "RA-2023" {
		t.Errorf("blame --at CNAM-2024: %v", spans)
	}

	// Resolution of revisions and clauses.
	for rev, label := range map[string]string{"RA-2023": "RA-2023", "cnam": "CNAM-2024", "mg-france": "MG-2024", "main": "MG-2024", "HEAD": "MG-2024", r1.Version.Commit[:8]: "RA-2023"} {
		v, err := s.Resolve(rev)
		if err != nil || v.Label != label {
			t.Errorf("Resolve(%q) = %v, %v; want %s", rev, v, err, label)
		}
	}
	if _, err := s.Resolve("nope"); !errors.Is(err, errUnknownRevision) {
		t.Errorf("Resolve(nope): %v", err)
	}
	for ref, id := range map[string]string{"2": "art-2", "Article 3": "art-3", "art-1": "art-1", "preambule": "preambule"} {
		if got, err := s.ResolveClause(ref, nil); err != nil || got != id {
			t.Errorf("ResolveClause(%q) = %q, %v; want %s", ref, got, err, id)
		}
	}
	if _, err := s.ResolveClause("42", nil); !errors.Is(err, ErrUnknownClause) {
		t.Errorf("ResolveClause(42): %v", err)
	}

	// The rebuilt document is the imported one, texts normalised.
	doc, err := s.Document(&vs[0])
	if err != nil {
		t.Fatal(err)
	}
	orig := parseMD(v1)
	if len(doc.Clauses) != len(orig.Clauses) {
		t.Fatalf("rebuilt %d clauses, want %d", len(doc.Clauses), len(orig.Clauses))
	}
	for i := range doc.Clauses {
		a, b := doc.Clauses[i], orig.Clauses[i]
		if a.Text != normalizeText(&b) || a.Heading != b.Heading || a.Number != b.Number || a.Kind != b.Kind || a.Key != b.Key {
			t.Errorf("clause %d rebuilt as %+v, want %+v", i, a, b)
		}
	}

	// The index is rebuilt when missing, to the same content.
	if err := os.Remove(s.indexPath()); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(s.Dir)
	if err != nil {
		t.Fatal(err)
	}
	vs2, err := s2.Versions()
	if err != nil {
		t.Fatal(err)
	}
	if len(vs2) != 3 || vs2[2].Label != "MG-2024" || len(vs2[1].Changes) != len(vs[1].Changes) || vs2[1].Changes[0].Blob != vs[1].Changes[0].Blob {
		t.Errorf("rebuilt index differs: %+v", vs2)
	}

	if !hasGit() {
		t.Log("git CLI absent: skipping the git checks")
		return
	}
	gitCmd(t, s.Dir, "fsck", "--strict")
	if got := gitCmd(t, s.Dir, "log", "--format=%an <%ae> %ad %s", "--date=short"); got != "MG France <mg-france@avenant.invalid> 2024-03-01 MG-2024\nCNAM <cnam@avenant.invalid> 2024-02-08 CNAM-2024\nArbitre <arbitre@avenant.invalid> 2023-04-30 RA-2023\n" {
		t.Errorf("git log:\n%s", got)
	}
	if got := gitCmd(t, s.Dir, "tag"); got != "CNAM-2024\nMG-2024\nRA-2023\n" {
		t.Errorf("git tag:\n%s", got)
	}
	if got := gitCmd(t, s.Dir, "branch", "--format=%(refname:short)"); got != "arbitre\ncnam\nmain\nmg-france\n" {
		t.Errorf("git branch:\n%s", got)
	}
	if got := gitCmd(t, s.Dir, "log", "-1", "--format=%(trailers:key=Avenant-Source-Name,valueonly)", "CNAM-2024"); strings.TrimSpace(got) != "CNAM-2024.md" {
		t.Errorf("trailer: %q", got)
	}
	blame := gitCmd(t, s.Dir, "blame", "-s", "--abbrev=6", "main", "--", "clauses/art-2.txt")
	lines := strings.Split(strings.TrimSpace(blame), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], r2.Version.Commit[:7]) || !strings.HasPrefix(lines[1], r3.Version.Commit[:7]) || !strings.HasPrefix(lines[2], "^"+r1.Version.Commit[:6]) {
		t.Errorf("git blame clauses/art-2.txt:\n%s", blame)
	}
}

func TestIdenticalContent(t *testing.T) {
	s := newStore(t)
	base := mustImport(t, s, v1, "Arbitre", "RA-2023", "2023-04-30")
	// Rewrapped: the same content once stored, so the same clauses. A
	// party accepting the text as it stands is a version of its own.
	rewrapped := strings.Replace(v1, "les médecins et", "les médecins\net", 1)
	r := mustImport(t, s, rewrapped, "CNAM", "CNAM-2024", "2024-02-08")
	if r.Version == nil || r.Identical != "" {
		t.Fatalf("identical text under another party and label made no version: %+v", r)
	}
	if r.Version.Parent != base.Version.Commit || r.Version.Party != "CNAM" || r.Version.Clauses != base.Version.Clauses {
		t.Errorf("accepting version = %+v, want CNAM's answer to RA-2023 with its %d clauses", *r.Version, base.Version.Clauses)
	}
	if r.Diff == nil || r.Diff.Summary.Unchanged != base.Version.Clauses {
		t.Errorf("accepting version's diff against its base: %+v, want no change", r.Diff)
	}
	for _, rev := range []string{"CNAM-2024", "cnam"} {
		if got, want := gitCmd(t, s.Dir, "rev-parse", rev+":clauses"), gitCmd(t, s.Dir, "rev-parse", "RA-2023:clauses"); got != want {
			t.Errorf("%s:clauses = %s, want the base's %s", rev, got, want)
		}
	}
	// Again under the same party and label: nothing new.
	again := mustImport(t, s, v1, "CNAM", "CNAM-2024", "2024-02-08")
	if again.Version != nil || again.Identical != "CNAM-2024" {
		t.Errorf("same import again: %+v, want identical to CNAM-2024", again)
	}
	// The same text and label under another party: the label is taken.
	if _, err := s.Import(parseMD(v1), ImportOptions{Party: "CSMF", Label: "CNAM-2024", Date: "2024-02-08"}); !errors.Is(err, errDuplicateLabel) {
		t.Errorf("another party's import under a taken label: %v, want ErrDuplicateLabel", err)
	}
	// A step towards another version is skipped when it changes nothing.
	skip, err := s.Import(parseMD(v1), ImportOptions{Party: "CSMF", Label: "CSMF-base", Date: "2024-02-09", SkipIdentical: true})
	if err != nil || skip.Version != nil || skip.Identical != "CNAM-2024" {
		t.Errorf("SkipIdentical import: %+v, %v; want identical to CNAM-2024", skip, err)
	}
	vs, _ := s.Versions()
	if len(vs) != 2 {
		t.Fatalf("%d versions, want RA-2023 and CNAM-2024", len(vs))
	}
	if _, err := s.Import(parseMD(v2), ImportOptions{Party: "CNAM", Label: "RA-2023", Date: "2024-01-01"}); !errors.Is(err, errDuplicateLabel) {
		t.Errorf("duplicate label: %v", err)
	}
	for _, opts := range []ImportOptions{
		{Party: "CNAM", Label: "bad label", Date: "2024-01-01"},
		{Party: "CNAM", Label: "x", Date: "2024-13-01"},
		{Party: "", Label: "x", Date: "2024-01-01"},
		{Party: "Main", Label: "x", Date: "2024-01-01"},
		{Party: "CNAM", Label: "x", Date: "2024-01-01", Base: "nope"},
	} {
		if _, err := s.Import(parseMD(v2), opts); err == nil {
			t.Errorf("Import(%+v) accepted", opts)
		}
	}
	if lockHeld(t, s) {
		t.Error("lock still held")
	}
}

func TestForeignRepositoryRefused(t *testing.T) {
	dir := t.TempDir()
	if _, err := git.PlainInit(dir, false); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, ".git", "config"))
	if _, err := Open(dir); !errors.Is(err, errForeign) {
		t.Errorf("Open(foreign) = %v, want ErrForeign", err)
	}
	if _, err := Init(dir); !errors.Is(err, errForeign) {
		t.Errorf("Init(foreign) = %v, want ErrForeign", err)
	}
	after, _ := os.ReadFile(filepath.Join(dir, ".git", "config"))
	if string(before) != string(after) {
		t.Errorf("foreign config changed")
	}
	if _, err := Open(t.TempDir()); !errors.Is(err, ErrNotStore) {
		t.Errorf("Open(empty dir) = %v, want ErrNotStore", err)
	}
	// Discovery skips the foreign repository and finds the enclosing store.
	s := newStore(t)
	inner := filepath.Join(s.Dir, "sub", "foreign")
	if _, err := git.PlainInit(inner, false); err != nil {
		t.Fatal(err)
	}
	found, err := Discover(inner)
	if err != nil || found.Dir != s.Dir {
		t.Errorf("Discover(%s) = %v, %v; want %s", inner, found, err, s.Dir)
	}
	if _, err := Discover(dir); !errors.Is(err, ErrNotStore) {
		t.Errorf("Discover outside a store: %v", err)
	}
	if _, err := Init(s.Dir); err == nil {
		t.Errorf("Init of an existing store accepted")
	}
}

// branchedStore holds RA-2023, CNAM-2024 answering it, and MG-2024, which
// answers the arbitration, not the CNAM proposal; it returns MG-2024's import.
func branchedStore(t *testing.T) (*Store, *ImportResult) {
	t.Helper()
	s := newStore(t)
	mustImport(t, s, v1, "Arbitre", "RA-2023", "2023-04-30")
	mustImport(t, s, v2, "CNAM", "CNAM-2024", "2024-02-08")
	r, err := s.Import(parseMD(v3), ImportOptions{Party: "MG France", Label: "MG-2024", Date: "2024-03-01", Base: "RA-2023"})
	if err != nil {
		t.Fatal(err)
	}
	return s, r
}

func TestBaseAndRepack(t *testing.T) {
	s, r := branchedStore(t)
	if r.Version.Base != "RA-2023" {
		t.Errorf("base = %q", r.Version.Base)
	}
	// Relative to RA-2023, art-2 has both sentence changes in MG-2024: the
	// price, which CNAM-2024 proposed first (off MG's line, dated before
	// it), stays CNAM's; the revision clause is MG's.
	spans, err := s.Blame("art-2", r.Version, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, sp := range spans {
		if strings.Contains(sp.Text, "26,50") != (sp.Version.Label == "CNAM-2024") ||
			strings.Contains(sp.Text, "deux ans") != (sp.Version.Label == "MG-2024") {
			t.Errorf("blame on the MG branch: %s", spanSummary(spans))
		}
	}
	if err := s.Repack(); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(s.indexPath()); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(s.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := s2.Resolve("MG-2024"); err != nil || v.Base != "RA-2023" {
		t.Fatalf("after repack: %v %v", v, err)
	}
	if _, err := s2.Document(r.Version); err != nil {
		t.Fatal(err)
	}
	if hasGit() {
		gitCmd(t, s.Dir, "fsck", "--strict")
		if got := gitCmd(t, s.Dir, "count-objects", "-v"); !strings.Contains(got, "count: 0\n") {
			t.Errorf("loose objects left after repack:\n%s", got)
		}
	}
}

// TestRenumberAndMove follows a clause renumbered twice and moved once:
// one file, one unbroken log.
func TestRenumberAndMove(t *testing.T) {
	if !realAligner() {
		t.Fatal("clause.Align no longer matches a renumbered article: the aligner regressed")
	}
	s := newStore(t)
	mustImport(t, s, v1, "Arbitre", "RA-2023", "2023-04-30")
	// An article is inserted before article 2: 2 → 3, 3 → 4.
	a := strings.Replace(v1, "#### Article 2 - Tarifs", "#### Article 2 - Définitions\n\nLes termes employés sont définis à l'annexe.\n\n#### Article 3 - Tarifs", 1)
	a = strings.Replace(a, "#### Article 3 - Durée", "#### Article 4 - Durée", 1)
	mustImport(t, s, a, "CNAM", "CNAM-2024", "2024-02-08")
	// Tarifs moves to the end and becomes article 5.
	b := `Préambule des parties.

#### Article 1 - Objet

La convention règle les rapports entre les médecins et l'assurance maladie. Elle est conclue pour cinq ans.

#### Article 2 - Définitions

Les termes employés sont définis à l'annexe.

#### Article 4 - Durée

La convention entre en vigueur le 1er janvier.

#### Article 5 - Tarifs

La consultation est valorisée à 30 €. Le tarif est révisé chaque année. Les parties se réunissent en mars.
`
	mustImport(t, s, b, "MG France", "MG-2024", "2024-03-01")
	id, err := s.ResolveClause("5", nil)
	if err != nil || id != "art-2" {
		t.Fatalf("article 5 resolves to %q, %v; want art-2", id, err)
	}
	entries, err := s.Log(id, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Version.Label+":"+e.Number)
	}
	if want := "RA-2023:2 CNAM-2024:3 MG-2024:5"; strings.Join(got, " ") != want {
		t.Errorf("log = %v, want %s", got, want)
	}
	if !entries[1].Renumbered || !entries[2].Renumbered {
		t.Errorf("renumbering lost: %+v", entries)
	}
	// The new article 2 got an id of its own; the clause kept art-2.
	m, err := s.manifest(entries[2].Version)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range m {
		if e.ID == "art-2" && e.Number != "5" || e.Number == "2" && e.ID == "art-2" {
			t.Errorf("manifest of MG-2024: %+v", e)
		}
	}
	if hasGit() {
		if got := gitCmd(t, s.Dir, "log", "--format=%s", "--", "clauses/art-2.txt"); got != "MG-2024\nRA-2023\n" {
			t.Errorf("git log clauses/art-2.txt:\n%s", got)
		}
	}
}

// TestFreshIDs checks that a new clause never reuses an id the store held.
func TestFreshIDs(t *testing.T) {
	used := map[string]bool{"art-2": true, "art-2-2": true}
	c := clause.Clause{ID: "art-2", Kind: clause.KindArticle, Number: "2"}
	if got := freshID(&c, used); got != "art-2-3" {
		t.Errorf("freshID = %q", got)
	}
	c = clause.Clause{ID: "", Kind: clause.KindAnnex, Number: "IV"}
	if got := freshID(&c, used); got != "annex-iv" {
		t.Errorf("freshID = %q", got)
	}
	// Names Windows keeps for devices, whatever the extension, never
	// name a clause file: git for Windows would not check it out.
	for id, want := range map[string]string{"con": "con-1", "nul": "nul-1", "com1": "com1-1", "lpt9": "lpt9-1", "aux": "aux-1", "prn": "prn-1", "comx": "comx", "com10": "com10", "console": "console"} {
		if got := freshID(&clause.Clause{ID: id}, used); got != want {
			t.Errorf("freshID of %q = %q, want %q", id, got, want)
		}
	}
}

// TestImportSameLabelTwice: running the same import again is a no-op that
// says so, also another day when no date was given (the command line's
// default); the label with other content, or with the same text under
// another date or kind (which "nothing to import" left as they were,
// exit 0), is refused.
func TestImportSameLabelTwice(t *testing.T) {
	s := newStore(t)
	mustImport(t, s, v1, "Arbitre", "RA-2023", "2023-04-30")
	for _, opts := range []ImportOptions{
		{Date: "2023-04-30"},
		{Date: "2023-04-30", Kind: DefaultKind},
		{Date: "2026-12-02", DateDefault: true},
	} {
		opts.Party, opts.Label = "Arbitre", "RA-2023"
		r, err := s.Import(parseMD(v1), opts)
		if err != nil || r.Version != nil || r.Identical != "RA-2023" {
			t.Fatalf("same import again (%+v): %+v, %v; want identical to RA-2023", opts, r, err)
		}
	}
	other := strings.Replace(v1, "cinq ans", "quatre ans", 1)
	if _, err := s.Import(parseMD(other), ImportOptions{Party: "Arbitre", Label: "RA-2023", Date: "2023-04-30"}); !errors.Is(err, errDuplicateLabel) {
		t.Errorf("other content under the same label: %v, want ErrDuplicateLabel", err)
	}
	for _, opts := range []ImportOptions{{Date: "2024-04-30"}, {Date: "2023-04-30", Kind: "reglement-arbitral"}} {
		opts.Party, opts.Label = "Arbitre", "RA-2023"
		if _, err := s.Import(parseMD(v1), opts); !errors.Is(err, errDuplicateLabel) || !strings.Contains(err.Error(), "dated 2023-04-30, kind version") {
			t.Errorf("the same text as %s, kind %q: %v, want ErrDuplicateLabel naming the version's date and kind", opts.Date, opts.Kind, err)
		}
	}
	if vs, _ := s.Versions(); len(vs) != 1 {
		t.Errorf("%d versions, want 1", len(vs))
	}
}

// TestLegacyPartyBranch: a store written when slugs dropped ligatures keeps
// its party branch ("s-urs" for "Sœurs") instead of growing a second one.
func TestLegacyPartyBranch(t *testing.T) {
	s := newStore(t)
	mustImport(t, s, v1, "Sœurs", "S-1", "2023-04-30")
	current := plumbing.NewBranchReferenceName("soeurs")
	ref, err := s.repo.Reference(current, false)
	if err != nil {
		t.Fatalf("branch %s after the import: %v", current, err)
	}
	legacy := plumbing.NewBranchReferenceName("s-urs")
	if err := s.repo.Storer.SetReference(plumbing.NewHashReference(legacy, ref.Hash())); err != nil {
		t.Fatal(err)
	}
	if err := s.repo.Storer.RemoveReference(current); err != nil {
		t.Fatal(err)
	}
	r := mustImport(t, s, v2, "Sœurs", "S-2", "2023-05-30")
	if ref, err := s.repo.Reference(legacy, false); err != nil || ref.Hash().String() != r.Version.Commit {
		t.Errorf("legacy branch after the second import: %v, %v; want it at S-2", ref, err)
	}
	if _, err := s.repo.Reference(current, false); err == nil {
		t.Errorf("a second branch %s was created for the same party", current)
	}
	if v, err := s.Resolve("Sœurs"); err != nil || v.Label != "S-2" {
		t.Errorf("Resolve(party) = %v, %v; want S-2", v, err)
	}
}

// TestPlainGitClone: a store copied with plain git clone is adopted as a
// store; a foreign repository still is not.
func TestPlainGitClone(t *testing.T) {
	if !hasGit() {
		t.Skip("git CLI not installed")
	}
	s := newStore(t)
	mustImport(t, s, v1, "Arbitre", "RA-2023", "2023-04-30")
	dir := filepath.Join(t.TempDir(), "copy")
	if out, err := exec.Command("git", "clone", "-q", s.Dir, dir).CombinedOutput(); err != nil {
		t.Fatalf("git clone: %v\n%s", err, out)
	}
	c, err := Open(dir)
	if err != nil {
		t.Fatalf("open a git clone of a store: %v", err)
	}
	if vs, err := c.Versions(); err != nil || len(vs) != 1 {
		t.Errorf("versions of the clone: %d, %v", len(vs), err)
	}
	foreign := filepath.Join(t.TempDir(), "foreign")
	if out, err := exec.Command("git", "init", "-q", foreign).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	if _, err := Open(foreign); !errors.Is(err, errForeign) {
		t.Errorf("a foreign repository: %v, want ErrForeign", err)
	}
}

// TestLine: the line leading to a version skips the branches it does not
// answer.
func TestLine(t *testing.T) {
	s, r := branchedStore(t)
	labels := func(vs []Version) string {
		var out []string
		for _, v := range vs {
			out = append(out, v.Label)
		}
		return strings.Join(out, " ")
	}
	line, err := s.Line(r.Version)
	if err != nil || labels(line) != "RA-2023 MG-2024" {
		t.Errorf("line to MG-2024 = %q, %v", labels(line), err)
	}
	cnam, err := s.Resolve("CNAM-2024")
	if err != nil {
		t.Fatal(err)
	}
	if line, err := s.Line(cnam); err != nil || labels(line) != "RA-2023 CNAM-2024" {
		t.Errorf("line to CNAM-2024 = %q, %v", labels(line), err)
	}
}

// clauseText reads a clause's text in version v.
func (s *Store) clauseText(v *Version, id string) (string, error) {
	sn, err := s.snapshot(v.Commit)
	if err != nil {
		return "", err
	}
	h, ok := sn.blobs[id]
	if !ok {
		return "", fmt.Errorf("%s: %w in %s", id, ErrUnknownClause, v.Label)
	}
	raw, err := s.readBlob(h)
	if err != nil {
		return "", err
	}
	return parseText(string(raw)), nil
}

// TestInitAside: the repository is made and marked aside, then moved into
// place, so that an init killed half way leaves no unmarked .git (which
// the next init refused as foreign), and what it left aside goes.
func TestInitAside(t *testing.T) {
	dir := t.TempDir()
	left := filepath.Join(dir, initPrefix+"123", ".git")
	if err := os.MkdirAll(left, 0o777); err != nil {
		t.Fatal(err)
	}
	if _, err := Init(dir); err != nil {
		t.Fatalf("Init beside a killed init's leftovers: %v", err)
	}
	if !isStore(filepath.Join(dir, ".git")) {
		t.Error("the store is not marked")
	}
	if rest, _ := filepath.Glob(filepath.Join(dir, initPrefix+"*")); len(rest) > 0 {
		t.Errorf("left aside: %v", rest)
	}
	if _, err := Open(dir); err != nil {
		t.Errorf("Open after Init: %v", err)
	}
}
