package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// forge commits, as a hostile or broken avenant of another party might,
// a copy of version base under label, its root files replaced by files
// and its message edited by message, and tags it.
func forge(t *testing.T, s *Store, base *Version, label string, files map[string]string, message func(string) string) {
	t.Helper()
	h := forgeCommit(t, s, base, files, func(c *object.Commit) {
		c.Message = strings.ReplaceAll(c.Message, base.Label, label)
		if message != nil {
			c.Message = message(c.Message)
		}
		c.ParentHashes = []plumbing.Hash{plumbing.NewHash(base.Commit)}
	})
	if err := s.setRef(plumbing.NewTagReferenceName(label), h); err != nil {
		t.Fatal(err)
	}
}

// forgeCommit writes a copy of v's commit, its root files replaced by
// files, edited by edit.
func forgeCommit(t *testing.T, s *Store, v *Version, files map[string]string, edit func(*object.Commit)) plumbing.Hash {
	t.Helper()
	c, err := s.repo.CommitObject(plumbing.NewHash(v.Commit))
	if err != nil {
		t.Fatal(err)
	}
	tree, err := c.Tree()
	if err != nil {
		t.Fatal(err)
	}
	var entries []object.TreeEntry
	for _, e := range tree.Entries {
		if content, ok := files[e.Name]; ok {
			if e.Hash, err = s.writeBlob([]byte(content), map[plumbing.Hash]bool{}); err != nil {
				t.Fatal(err)
			}
		}
		entries = append(entries, e)
	}
	root, err := s.writeTree(entries)
	if err != nil {
		t.Fatal(err)
	}
	forged := &object.Commit{Author: c.Author, Committer: c.Committer, TreeHash: root, Message: c.Message, ParentHashes: c.ParentHashes}
	edit(forged)
	obj := s.repo.Storer.NewEncodedObject()
	if err := forged.Encode(obj); err != nil {
		t.Fatal(err)
	}
	h, err := s.repo.Storer.SetEncodedObject(obj)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func fileOf(t *testing.T, s *Store, v *Version, name string) string {
	t.Helper()
	c, _ := s.repo.CommitObject(plumbing.NewHash(v.Commit))
	f, err := c.File(name)
	if err != nil {
		t.Fatal(err)
	}
	content, _ := f.Contents()
	return content
}

// TestForeignVersionsValidated: versions that avenant would never write
// are errors naming the version, never panics or silent reads.
func TestForeignVersionsValidated(t *testing.T) {
	replace := func(old, new string) func(string) string {
		return func(s string) string { return strings.Replace(s, old, new, 1) }
	}
	for _, c := range []struct {
		name      string
		files     map[string]func(string) string
		message   func(string) string
		onVersion bool // the error comes from Versions (index), else from reading the version
		want      string
	}{
		{name: "negative depth", files: map[string]func(string) string{"manifest.json": replace(`"depth":0`, `"depth":-5`)}, want: "depth -5"},
		{name: "huge depth", files: map[string]func(string) string{"manifest.json": replace(`"depth":0`, `"depth":100000000`)}, want: "depth 100000000"},
		{name: "unknown kind", files: map[string]func(string) string{"manifest.json": replace(`"kind":"article"`, `"kind":"evil"`)}, want: `unknown kind "evil"`},
		{name: "orphan parent", files: map[string]func(string) string{"manifest.json": replace(`"parent":""`, `"parent":"nowhere"`)}, want: `parent "nowhere"`},
		{name: "path id", files: map[string]func(string) string{"manifest.json": replace(`"id":"art-1"`, `"id":"../x"`)}, want: "not a clause id"},
		{name: "unknown change", files: map[string]func(string) string{"changes.json": replace(`"change":"modified"`, `"change":"evil"`)}, onVersion: true, want: `unknown change "evil"`},
		{name: "bad date", message: replace("Avenant-Date: 2024-01-02", "Avenant-Date: 2024-13-45"), onVersion: true, want: "Avenant-Date"},
		{name: "no party", message: replace("Avenant-Party: MG France\n", ""), onVersion: true, want: "Avenant-Party"},
		{name: "escape in kind", message: replace("Avenant-Kind: version", "Avenant-Kind: v\x1b]52;c;eA==\x07"), onVersion: true, want: "Avenant-Kind"},
		{name: "bad seq", message: replace("Avenant-Seq: 2", "Avenant-Seq: -1"), onVersion: true, want: "Avenant-Seq"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newStore(t)
			mustImport(t, s, killText(1), "CNAM", "V-1", "2024-01-01")
			v2 := mustImport(t, s, killText(2), "MG France", "V-2", "2024-01-02").Version
			files := map[string]string{}
			for name, edit := range c.files {
				old := fileOf(t, s, v2, name)
				if files[name] = edit(old); files[name] == old {
					t.Fatalf("%s: the edit changes nothing in\n%s", name, old)
				}
			}
			forge(t, s, v2, "V-bad", files, c.message)
			s, _ = Open(s.Dir)
			vs, err := s.Versions()
			if c.onVersion {
				if !errors.Is(err, errCorrupt) || !strings.Contains(err.Error(), "V-bad") || !strings.Contains(err.Error(), c.want) {
					t.Fatalf("Versions() = %v; want an error naming V-bad and %q", err, c.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			v := &vs[len(vs)-1]
			if v.Label != "V-bad" {
				t.Fatalf("latest %s", v.Label)
			}
			_, derr := s.Document(v)
			_, merr := s.manifest(v)
			for _, err := range []error{derr, merr} {
				if !errors.Is(err, errCorrupt) || !strings.Contains(err.Error(), "V-bad") || !strings.Contains(err.Error(), c.want) {
					t.Errorf("reading V-bad: %v; want an error naming it and %q", err, c.want)
				}
			}
		})
	}
}

// TestPullRefusesForeignVersion: a version with a bad manifest on the
// remote refuses the clone and the pull, and nothing is written.
func TestPullRefusesForeignVersion(t *testing.T) {
	if !hasGit() {
		t.Skip("git CLI not installed")
	}
	a := newStore(t)
	mustImport(t, a, killText(1), "CNAM", "V-1", "2024-01-01")
	v2 := mustImport(t, a, killText(2), "MG France", "V-2", "2024-01-02").Version
	b, err := Clone(a.Dir, filepath.Join(t.TempDir(), "b"), RemoteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	manifest := strings.Replace(fileOf(t, a, v2, "manifest.json"), `"depth":0`, `"depth":-5`, 1)
	forge(t, a, v2, "V-bad", map[string]string{"manifest.json": manifest}, nil)
	c := filepath.Join(t.TempDir(), "c")
	if _, err := Clone(a.Dir, c, RemoteOptions{}); !errors.Is(err, errCorrupt) || !strings.Contains(err.Error(), "V-bad") {
		t.Errorf("clone of a store with a bad version: %v", err)
	}
	if _, err := os.Stat(c); err == nil {
		t.Errorf("a refused clone left %s", c)
	}
	before := allRefs(t, b)
	if _, err := b.Pull("", RemoteOptions{}); !errors.Is(err, errCorrupt) || !strings.Contains(err.Error(), "V-bad") {
		t.Fatalf("pull of a bad version: %v", err)
	}
	if got := allRefs(t, b); !reflect.DeepEqual(got, before) {
		t.Errorf("refs changed by a refused pull:\n%v\nwant\n%v", got, before)
	}
}

// TestTamperedObject replaces a clause's loose object with another valid
// object: reading it is an error, not the other content.
func TestTamperedObject(t *testing.T) {
	s := newStore(t)
	v := mustImport(t, s, killText(1), "CNAM", "V-1", "2024-01-01").Version
	sn, err := s.snapshot(v.Commit)
	if err != nil {
		t.Fatal(err)
	}
	victim, other := sn.blobs["art-1"], sn.blobs["art-2"]
	loose := func(h plumbing.Hash) string {
		return filepath.Join(s.gitDir, "objects", h.String()[:2], h.String()[2:])
	}
	data, err := os.ReadFile(loose(other))
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(loose(victim), 0o644)
	if err := os.WriteFile(loose(victim), data, 0o644); err != nil {
		t.Fatal(err)
	}
	s, _ = Open(s.Dir)
	if _, err := s.clauseText(v, "art-1"); !errors.Is(err, errCorrupt) || !strings.Contains(err.Error(), victim.String()) {
		t.Errorf("ClauseText of a tampered clause: %v", err)
	}
	if _, err := s.Document(v); !errors.Is(err, errCorrupt) {
		t.Errorf("Document with a tampered clause: %v", err)
	}
	// A tampered tree too.
	data, _ = os.ReadFile(loose(sn.manifest))
	os.Chmod(loose(sn.clausesTree), 0o644)
	os.WriteFile(loose(sn.clausesTree), data, 0o644)
	s, _ = Open(s.Dir)
	if _, err := s.Document(v); err == nil {
		t.Errorf("Document with a tampered tree: no error")
	}
}
