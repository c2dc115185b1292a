package store

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// looseFiles lists the store's loose objects with their files.
func looseFiles(t *testing.T, s *Store) map[plumbing.Hash]string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(s.gitDir, "objects", "??", "*"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no loose object (%v): the test reads none", err)
	}
	files := map[plumbing.Hash]string{}
	for _, name := range names {
		files[plumbing.NewHash(filepath.Base(filepath.Dir(name))+filepath.Base(name))] = name
	}
	return files
}

// TestLooseReadsWhatGoGitReads: every loose object of a store not yet
// repacked is read by packReader.loose, as go-git reads it.
func TestLooseReadsWhatGoGitReads(t *testing.T) {
	s := newStore(t)
	mustImport(t, s, killText(1), "CNAM", "V-1", "2024-01-01")
	mustImport(t, s, killText(2), "CNAM", "V-2", "2024-01-02")
	var r packReader
	for h := range looseFiles(t, s) {
		typ, data, ok, err := r.loose(s.gitDir, h)
		if err != nil || !ok {
			t.Fatalf("%s: ok %v, %v", h, ok, err)
		}
		checkAsGoGit(t, s, h, typ, data)
	}
	if _, _, ok, err := r.loose(s.gitDir, plumbing.NewHash(strings.Repeat("ab", 20))); ok || err != nil {
		t.Errorf("an object the store lacks: ok %v, %v", ok, err)
	}
}

// TestLooseCorrupt: a loose file cut short, damaged, or whose header is
// not git's reads as corrupt or as content that fails its hash, never as
// a crash; a header announcing more than a store holds is refused before
// anything is inflated.
func TestLooseCorrupt(t *testing.T) {
	s := newStore(t)
	mustImport(t, s, killText(1), "CNAM", "V-1", "2024-01-01")
	var h plumbing.Hash
	var name string
	for h, name = range looseFiles(t, s) {
		break
	}
	orig, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(name, 0o644)
	deflated := func(s string) []byte {
		var b bytes.Buffer
		w := zlib.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return b.Bytes()
	}
	cases := map[string][]byte{
		"empty":          nil,
		"cut short":      orig[:len(orig)/2],
		"not zlib":       []byte("blob 3\x00abc"),
		"unknown type":   deflated("tome 3\x00abc"),
		"no size":        deflated("blob\x00abc"),
		"negative size":  deflated("blob -3\x00abc"),
		"endless header": deflated(strings.Repeat("9", 100)),
		"too large":      deflated("blob 999999999999\x00abc"),
	}
	for at := 0; at < len(orig); at++ {
		damaged := bytes.Clone(orig)
		damaged[at] ^= 0x41
		cases[fmt.Sprintf("byte %d", at)] = damaged
	}
	var r packReader
	for what, content := range cases {
		if err := os.WriteFile(name, content, 0o644); err != nil {
			t.Fatal(err)
		}
		typ, data, ok, err := r.loose(s.gitDir, h)
		if err != nil && !errors.Is(err, errCorrupt) {
			t.Fatalf("%s: %v is not errCorrupt", what, err)
		}
		if err == nil && (!ok || s.checkHash(typ, h, data) == nil && plumbing.ComputeHash(typ, data) != h) {
			t.Fatalf("%s: ok %v, wrong content passes its check", what, ok)
		}
		if what == "too large" && (err == nil || !strings.Contains(err.Error(), "more than any store holds")) {
			t.Errorf("%s: %v, want it refused by its size", what, err)
		}
	}
}
