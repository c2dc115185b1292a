package store

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/avenant-dev/avenant/clause"
)

// forgeClauses tags as label a copy of version base whose clause files
// are replaced by texts, written as any git could, past the bounds an
// import keeps to.
func forgeClauses(t *testing.T, s *Store, base *Version, label string, texts map[string]string) {
	t.Helper()
	c, err := s.repo.CommitObject(plumbing.NewHash(base.Commit))
	if err != nil {
		t.Fatal(err)
	}
	root, err := c.Tree()
	if err != nil {
		t.Fatal(err)
	}
	write := func(o interface {
		Encode(plumbing.EncodedObject) error
	}) plumbing.Hash {
		obj := s.repo.Storer.NewEncodedObject()
		if err := o.Encode(obj); err != nil {
			t.Fatal(err)
		}
		h, err := s.repo.Storer.SetEncodedObject(obj)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	blob := func(text string) plumbing.Hash {
		obj := s.repo.Storer.NewEncodedObject()
		obj.SetType(plumbing.BlobObject)
		w, _ := obj.Writer()
		w.Write([]byte(text))
		w.Close()
		h, err := s.repo.Storer.SetEncodedObject(obj)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	var entries []object.TreeEntry
	for _, e := range root.Entries {
		if e.Name == "clauses" {
			sub, err := s.repo.TreeObject(e.Hash)
			if err != nil {
				t.Fatal(err)
			}
			var files []object.TreeEntry
			for _, f := range sub.Entries {
				if text, ok := texts[strings.TrimSuffix(f.Name, ".txt")]; ok {
					f.Hash = blob(text)
				}
				files = append(files, f)
			}
			e.Hash = write(&object.Tree{Entries: files})
			e.Mode = filemode.Dir
		}
		entries = append(entries, e)
	}
	h := write(&object.Commit{Author: c.Author, Committer: c.Committer, TreeHash: write(&object.Tree{Entries: entries}),
		Message: strings.ReplaceAll(c.Message, base.Label, label), ParentHashes: []plumbing.Hash{c.Hash}})
	if err := s.setRef(plumbing.NewTagReferenceName(label), h); err != nil {
		t.Fatal(err)
	}
}

// TestStoreBounds: a store is read within bounds, loose or packed, and an
// import never writes what those bounds would refuse to read back. A
// clause file of 200 MB in a store pulled from elsewhere cost 20 GB to
// diff; now the version is corrupt, read without inflating the object.
func TestStoreBounds(t *testing.T) {
	defer func(o, v int) { maxObjectBytes, maxVersionText = o, v }(maxObjectBytes, maxVersionText)
	maxObjectBytes, maxVersionText = 16000, 8000
	s := newStore(t)
	v1 := mustImport(t, s, killText(1), "CNAM", "V-1", "2024-01-01").Version
	if _, err := s.Import(parseMD(strings.Repeat("# Article\n\n"+strings.Repeat("Une phrase. ", 300)+"\n\n", 4)), ImportOptions{Party: "P", Label: "V-long", Date: "2024-01-02"}); err == nil {
		t.Error("imported a version longer than the store reads back")
	}
	many := map[string]string{}
	for a := 1; a <= 40; a++ {
		many[fmt.Sprintf("art-%d", a)] = strings.Repeat("x", 3000)
	}
	forgeClauses(t, s, v1, "V-huge", map[string]string{"art-1": strings.Repeat("Une phrase. ", 2000)})
	forgeClauses(t, s, v1, "V-many", many)
	for round, what := range []string{"loose", "packed"} {
		if round == 1 {
			if err := s.Repack(); err != nil {
				t.Fatal(err)
			}
		}
		s, err := Open(s.Dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, label := range []string{"V-huge", "V-many"} {
			v, err := s.Resolve(label)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.Document(v); !errors.Is(err, errCorrupt) || !strings.Contains(err.Error(), label) {
				t.Errorf("%s, %s: %v; want a corrupt store naming it", label, what, err)
			}
		}
		if _, err := s.Document(v1); err != nil {
			t.Errorf("V-1, %s: %v", what, err)
		}
	}
}

// TestRepackTagsOfAnyObject: git tags a blob or a tree as readily as a
// commit; a store holding such a tag is packed, the object kept. Before,
// gc failed with "repack: object not found".
func TestRepackTagsOfAnyObject(t *testing.T) {
	s := newStore(t)
	v1 := mustImport(t, s, killText(1), "CNAM", "V-1", "2024-01-01").Version
	c, err := s.repo.CommitObject(plumbing.NewHash(v1.Commit))
	if err != nil {
		t.Fatal(err)
	}
	blob, err := s.writeBlob([]byte("not a version"), map[plumbing.Hash]bool{})
	if err != nil {
		t.Fatal(err)
	}
	for name, h := range map[string]plumbing.Hash{"a-blob": blob, "a-tree": c.TreeHash} {
		if err := s.setRef(plumbing.NewTagReferenceName(name), h); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Repack(); err != nil {
		t.Fatalf("Repack: %v", err)
	}
	if !s.hasObject(blob) {
		t.Error("the tagged blob was dropped")
	}
}

// TestClauseCountBounded: a manifest listing more clauses than a text may
// have is corrupt (a million entries of a few bytes fit in an object, and
// cost gigabytes once compared), and an import never writes one.
func TestClauseCountBounded(t *testing.T) {
	if err := checkManifest(make([]ManifestEntry, clause.MaxClauses+1)); !errors.Is(err, errCorrupt) {
		t.Errorf("a manifest of %d clauses: %v, want corrupt", clause.MaxClauses+1, err)
	}
	s := newStore(t)
	doc := &clause.Document{Clauses: make([]clause.Clause, clause.MaxClauses+1)}
	if _, err := s.Import(doc, ImportOptions{Party: "P", Label: "V-1", Date: "2024-01-01"}); !errors.Is(err, clause.ErrTooManyClauses) {
		t.Errorf("import of %d clauses: %v, want ErrTooManyClauses", clause.MaxClauses+1, err)
	}
}
