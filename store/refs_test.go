package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// allRefs maps every reference of the store to its target.
func allRefs(t *testing.T, s *Store) map[string]string {
	t.Helper()
	iter, err := s.repo.References()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	iter.ForEach(func(r *plumbing.Reference) error {
		out[r.Name().String()] = r.Hash().String() + string(r.Target())
		return nil
	})
	return out
}

// checkBranches checks that each party's branch and main point to the
// latest version.
func checkBranches(t *testing.T, s *Store) {
	t.Helper()
	vs, err := s.Versions()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, v := range vs {
		want[Slug(v.Party)] = v.Commit
		want[mainBranch] = v.Commit
	}
	got, err := refsUnder(s.gitDir, "refs/heads/")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("branches %v, want %v", got, want)
	}
	for name, c := range want {
		if got[name].String() != c {
			t.Errorf("branch %s at %s, want %s", name, got[name], c)
		}
	}
}

// TestImportLongParty: a party of about 245 characters is a version with
// its branch; one whose branch name cannot be a file is refused before
// anything is written, and the next import works.
func TestImportLongParty(t *testing.T) {
	s := newStore(t)
	long := strings.Repeat("Syndicat ", 27) + "X" // a 244-byte branch name
	r := mustImport(t, s, killText(1), long, "V-1", "2024-01-01")
	if got := s.currentRef(plumbing.NewBranchReferenceName(Slug(long))).String(); got != r.Version.Commit {
		t.Errorf("branch of the long party at %s, want %s", got, r.Version.Commit)
	}
	before := allRefs(t, s)
	tooLong := strings.Repeat("Syndicat ", 28) + "X" // 253 bytes
	_, err := s.Import(parseMD(killText(2)), ImportOptions{Party: tooLong, Label: "V-2", Date: "2024-01-02"})
	if err == nil || !strings.Contains(err.Error(), "too long") {
		t.Fatalf("import with a %d-byte branch name: %v", len(Slug(tooLong)), err)
	}
	if got := allRefs(t, s); !reflect.DeepEqual(got, before) {
		t.Errorf("references changed:\n%v\nwant\n%v", got, before)
	}
	mustImport(t, s, killText(2), "MG France", "V-2", "2024-01-02")
	checkBranches(t, s)
	if vs, _ := s.Versions(); len(vs) != 2 {
		t.Errorf("%d versions", len(vs))
	}
}

// TestImportFailedTagPutsBranchesBack makes the tag, written last, fail:
// the branches already moved are put back, no version appears, and the
// next import works.
func TestImportFailedTagPutsBranchesBack(t *testing.T) {
	s := newStore(t)
	mustImport(t, s, killText(1), "CNAM", "V-1", "2024-01-01")
	// A directory where the tag's file must go, holding no tag (a tag in
	// it is refused before anything is written: TestLabelClash): the
	// rename fails.
	blocker := filepath.Join(s.gitDir, "refs", "tags", "V-2", "x")
	if err := os.MkdirAll(blocker, 0o777); err != nil {
		t.Fatal(err)
	}
	before := allRefs(t, s)
	for _, party := range []string{"CNAM", "MG France"} { // a branch that exists, one that does not
		if _, err := s.Import(parseMD(killText(2)), ImportOptions{Party: party, Label: "V-2", Date: "2024-01-02"}); err == nil {
			t.Fatalf("import through a blocked tag succeeded")
		}
		if got := allRefs(t, s); !reflect.DeepEqual(got, before) {
			t.Errorf("%s: references changed:\n%v\nwant\n%v", party, got, before)
		}
	}
	os.RemoveAll(filepath.Dir(blocker))
	mustImport(t, s, killText(2), "MG France", "V-2", "2024-01-02")
	checkBranches(t, s)
}

// TestReservedLabels: labels that another way of naming a revision would
// shadow, or be shadowed by, are refused with nothing written.
func TestReservedLabels(t *testing.T) {
	s := newStore(t)
	r := mustImport(t, s, killText(1), "CNAM", "V-1", "2024-01-01")
	before := allRefs(t, s)
	for _, label := range []string{
		"HEAD", "head", "@", "FETCH_HEAD", "main", "Main",
		"cafe", "2024", "deadbeef", r.Version.Commit, r.Version.Commit[:7], strings.ToUpper(r.Version.Commit[:12]),
		"cnam",      // an existing party branch
		"mg-france", // the branch this import would create
		"-x", "a b", "a..b", "x.lock", "a~1", "a^", "a:b", ".x", "x/", "a@{1}", "",
		strings.Repeat("v", 251),
	} {
		_, err := s.Import(parseMD(killText(2)), ImportOptions{Party: "MG France", Label: label, Date: "2024-01-02"})
		if err == nil {
			t.Errorf("label %q accepted", label)
		}
		if got := allRefs(t, s); !reflect.DeepEqual(got, before) {
			t.Fatalf("label %q: references changed", label)
		}
	}
	for i, label := range []string{"V-2024", "abc", "2024-01", "CNAM/2024-02", "v1.0", strings.Repeat("v", 250)} {
		mustImport(t, s, killText(i+2), "MG France", label, "2024-01-02")
	}
}

// TestResolveOrder: HEAD and main name the latest version, a full commit
// id its version, and labels come before party branches and prefixes.
func TestResolveOrder(t *testing.T) {
	s := newStore(t)
	v1 := mustImport(t, s, killText(1), "CNAM", "V-1", "2024-01-01").Version
	v2 := mustImport(t, s, killText(2), "MG France", "V-2", "2024-01-02").Version
	for rev, want := range map[string]string{
		"HEAD": "V-2", "@": "V-2", "main": "V-2", v1.Commit: "V-1", v1.Commit[:6]: "V-1",
		"V-1": "V-1", "cnam": "V-1", "CNAM": "V-1", "mg-france": "V-2", "MG France": "V-2",
	} {
		v, err := s.Resolve(rev)
		if err != nil || v.Label != want {
			t.Errorf("Resolve(%q) = %v, %v; want %s", rev, v, err, want)
		}
	}
	_ = v2
}

// TestStrayMainKept: a commit made on main by hand is not dropped by the
// next import: it stays reachable under refs/avenant/kept/, with a notice.
func TestStrayMainKept(t *testing.T) {
	s := newStore(t)
	v1 := mustImport(t, s, killText(1), "CNAM", "V-1", "2024-01-01").Version
	c, _ := s.repo.CommitObject(plumbing.NewHash(v1.Commit))
	stray := &object.Commit{Author: c.Author, Committer: c.Committer, TreeHash: c.TreeHash, Message: "stray\n",
		ParentHashes: []plumbing.Hash{c.Hash}}
	obj := s.repo.Storer.NewEncodedObject()
	stray.Encode(obj)
	h, err := s.repo.Storer.SetEncodedObject(obj)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.setRef(plumbing.NewBranchReferenceName(mainBranch), h); err != nil {
		t.Fatal(err)
	}
	var notices strings.Builder
	s.Notices = &notices
	mustImport(t, s, killText(2), "MG France", "V-2", "2024-01-02")
	kept := plumbing.ReferenceName("refs/avenant/kept/main-" + h.String())
	if got := s.currentRef(kept); got != h {
		t.Errorf("%s at %s, want %s", kept, got, h)
	}
	if !strings.Contains(notices.String(), "main pointed to "+h.String()[:7]) {
		t.Errorf("notices: %q", notices.String())
	}
	checkBranches(t, s)
}

// TestDetachedHeadReattached: a HEAD detached on a commit (git checkout
// COMMIT, git update-ref --no-deref HEAD) stayed there through every
// import, so that git log and a git clone of the store showed that
// version rather than the latest. The next import puts it back on main
// and says so; a commit it held that is no version is kept.
func TestDetachedHeadReattached(t *testing.T) {
	s := newStore(t)
	v1 := mustImport(t, s, killText(1), "CNAM", "V-1", "2024-01-01").Version
	c, _ := s.repo.CommitObject(plumbing.NewHash(v1.Commit))
	hand := &object.Commit{Author: c.Author, Committer: c.Committer, TreeHash: c.TreeHash, Message: "by hand\n",
		ParentHashes: []plumbing.Hash{c.Hash}}
	obj := s.repo.Storer.NewEncodedObject()
	hand.Encode(obj)
	handHash, err := s.repo.Storer.SetEncodedObject(obj)
	if err != nil {
		t.Fatal(err)
	}
	for i, at := range []plumbing.Hash{plumbing.NewHash(v1.Commit), handHash} {
		if err := s.repo.Storer.SetReference(plumbing.NewHashReference(plumbing.HEAD, at)); err != nil {
			t.Fatal(err)
		}
		var notices strings.Builder
		s.Notices = &notices
		v := mustImport(t, s, killText(i+2), "MG France", fmt.Sprintf("V-%d", i+2), fmt.Sprintf("2024-01-0%d", i+2)).Version
		head, err := s.repo.Head()
		if err != nil || head.Name() != plumbing.NewBranchReferenceName(mainBranch) || head.Hash().String() != v.Commit {
			t.Errorf("HEAD after an import from a HEAD detached at %s: %v (%v), want main at %s", at, head, err, v.Label)
		}
		if !strings.Contains(notices.String(), "HEAD was detached at "+at.String()[:7]) {
			t.Errorf("notices: %q", notices.String())
		}
	}
	kept := plumbing.ReferenceName("refs/avenant/kept/HEAD-" + handHash.String())
	if got := s.currentRef(kept); got != handHash {
		t.Errorf("%s at %s, want %s", kept, got, handHash)
	}
	checkBranches(t, s)
}

// TestDeletedTagKeepsItsCommit: a version whose tag was deleted by hand
// (git tag -d) leaves its party branch on a commit avenant wrote that is
// no version, as an import that died before its tag does. The next import
// moves the branch back, and the commit stays reachable under
// refs/avenant/kept/: gc would otherwise delete the version's text.
func TestDeletedTagKeepsItsCommit(t *testing.T) {
	s := newStore(t)
	mustImport(t, s, killText(1), "CNAM", "V-1", "2024-01-01")
	v2 := mustImport(t, s, killText(2), "CNAM", "V-2", "2024-01-02").Version
	mustImport(t, s, killText(3), "MG France", "M-1", "2024-01-03")
	if err := s.repo.Storer.RemoveReference(plumbing.NewTagReferenceName("V-2")); err != nil {
		t.Fatal(err)
	}
	var notices strings.Builder
	s.Notices = &notices
	mustImport(t, s, killText(4), "MG France", "M-2", "2024-01-04")
	h := plumbing.NewHash(v2.Commit)
	kept := plumbing.ReferenceName("refs/avenant/kept/cnam-" + v2.Commit)
	if got := s.currentRef(kept); got != h {
		t.Errorf("%s at %s, want %s; notices %q", kept, got, h, notices.String())
	}
	if !strings.Contains(notices.String(), "kept as "+kept.String()) {
		t.Errorf("notices: %q", notices.String())
	}
	checkBranches(t, s)
}

// TestDamagedTagIsCorrupt: a tag whose file names no object, or an object
// the store lacks, is a corrupt store, not a tag that names no version:
// ignored, its version vanished from every listing with exit 0, and the
// next import moved the version's branch off its commit (taken for a
// half-written import), which gc would then remove. Nothing is written.
func TestDamagedTagIsCorrupt(t *testing.T) {
	for name, content := range map[string]string{
		"truncated": "1234\n",
		"empty":     "",
		"missing":   strings.Repeat("12", 20) + "\n",
	} {
		t.Run(name, func(t *testing.T) {
			s := newStore(t)
			mustImport(t, s, killText(1), "Arbitre", "V-1", "2024-01-01")
			mustImport(t, s, killText(2), "CNAM", "V-2", "2024-01-02")
			before := allRefs(t, s)
			tag := filepath.Join(s.gitDir, "refs", "tags", "V-2")
			good, err := os.ReadFile(tag)
			if err != nil {
				t.Fatal(err)
			}
			// Damaged in place, as a disk does: the index, a cache, is
			// lost with it.
			if err := os.WriteFile(tag, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Remove(s.indexPath()); err != nil {
				t.Fatal(err)
			}
			s, err = Open(s.Dir)
			if err != nil {
				t.Fatal(err)
			}
			if vs, err := s.Versions(); !errors.Is(err, errCorrupt) || !strings.Contains(err.Error(), "V-2") {
				t.Errorf("versions: %d, err %v; want a corrupt store naming V-2", len(vs), err)
			}
			if _, err := s.Import(parseMD(killText(3)), ImportOptions{Party: "MG France", Label: "V-3", Date: "2024-01-03"}); !errors.Is(err, errCorrupt) {
				t.Errorf("import: err %v; want a corrupt store", err)
			}
			if err := os.WriteFile(tag, good, 0o644); err != nil {
				t.Fatal(err)
			}
			if got := allRefs(t, s); !reflect.DeepEqual(got, before) {
				t.Errorf("references changed:\n%v\nwant\n%v", got, before)
			}
		})
	}
}

// TestLabelClash: a label whose tag could not stand beside one of the
// store's in every clone is refused before anything is written: a/b then
// a made the rename of the tag fail with a message about a temporary
// file, and the same with a/b packed (git pack-refs) gave a store that
// git refused to clone or push; RA-2023 then ra-2023 (or é composed, then
// decomposed) are one file on Windows and macOS.
func TestLabelClash(t *testing.T) {
	for _, c := range []struct {
		have, label string
		pack        bool
	}{
		{"a/b", "a", false},
		{"a/b", "a", true},
		{"a", "a/b/c", false},
		{"a", "a/b/c", true},
		{"RA-2023", "ra-2023", false},
		{"AV/Cnam", "av/cnam", true},
		{"\u00e9t\u00e9", "e\u0301te\u0301", false},
		{"\u00c9t\u00e9", "\u00e9t\u00e9/1", false},
	} {
		s := newStore(t)
		mustImport(t, s, killText(1), "CNAM", c.have, "2024-01-01")
		if c.pack {
			gitCmd(t, s.Dir, "pack-refs", "--all")
		}
		before := allRefs(t, s)
		_, err := s.Import(parseMD(killText(2)), ImportOptions{Party: "MG France", Label: c.label, Date: "2024-01-02"})
		if err == nil || !strings.Contains(err.Error(), strconv.Quote(c.have)) {
			t.Errorf("%q after %q (packed %v): err %v; want a refusal naming %q", c.label, c.have, c.pack, err, c.have)
		}
		if got := allRefs(t, s); !reflect.DeepEqual(got, before) {
			t.Errorf("%q after %q: references changed:\n%v\nwant\n%v", c.label, c.have, got, before)
		}
	}
	// Labels that only look alike are free.
	s := newStore(t)
	mustImport(t, s, killText(1), "CNAM", "a/b", "2024-01-01")
	for i, label := range []string{"a-b", "ab", "a/c", "b/a", "\u00e9"} {
		mustImport(t, s, killText(i+2), "CNAM", label, fmt.Sprintf("2024-01-%02d", i+2))
	}
}

// TestLongLabel: a label of many parts, each short enough to be a file
// name, is refused when the whole is longer than one (18 parts of 240
// bytes failed the import with 'file name too long' in a message of the
// label's 4,337 bytes, and left 17 directories under refs/tags, where a
// later tag named as the first could not be written); the message shows
// the label's start only.
func TestLongLabel(t *testing.T) {
	s := newStore(t)
	mustImport(t, s, killText(1), "CNAM", "V-1", "2024-01-01")
	before := allRefs(t, s)
	part := strings.Repeat("x", 240)
	for _, label := range []string{strings.Repeat(part+"/", 17) + part, part + "/" + part} {
		_, err := s.Import(parseMD(killText(2)), ImportOptions{Party: "CNAM", Label: label, Date: "2024-01-02"})
		if err == nil || !strings.Contains(err.Error(), "too long") || len(err.Error()) > 200 {
			t.Errorf("a label of %d bytes: %v", len(label), err)
		}
		if got := allRefs(t, s); !reflect.DeepEqual(got, before) {
			t.Errorf("references changed:\n%v\nwant\n%v", got, before)
		}
	}
	if dirs, _ := os.ReadDir(filepath.Join(s.gitDir, "refs", "tags")); len(dirs) != 1 {
		t.Errorf("refs/tags holds %d entries, want V-1 alone", len(dirs))
	}
	mustImport(t, s, killText(2), "CNAM", part, "2024-01-02")
}

// TestImportErrorNamesNoSource: the store's errors leave naming the file
// to the caller, which knows its path: the command printed it twice
// ('../long.txt: long.txt: clause 2 has the id …').
func TestImportErrorNamesNoSource(t *testing.T) {
	s := newStore(t)
	doc := parseMD(killText(1))
	doc.Clauses[1].ID = strings.Repeat("x", 300)
	_, err := s.Import(doc, ImportOptions{Party: "CNAM", Label: "V-1", Date: "2024-01-01", SourceName: "long.txt"})
	if err == nil || strings.Contains(err.Error(), "long.txt") || !strings.Contains(err.Error(), "clause 2") {
		t.Errorf("import of a clause whose id names no file: %v", err)
	}
}
