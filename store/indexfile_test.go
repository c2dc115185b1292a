package store

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/avenant-dev/avenant/clause"
)

// sampleIndex sets every field the index file holds, flags and lists
// both empty and not.
func sampleIndex() *index {
	return &index{Fingerprint: "f1ng3r", tagDirs: []string{"refs/tags", "refs/tags/x"}, Versions: []Version{
		{Seq: 1, Commit: "c1", Label: "RA-2023", Party: "Arbitre", Kind: "arbitrage", Date: "2023-04-30",
			SourceSHA256: "abc", SourceName: "ra.pdf", Clauses: 3, Changes: []Delta{
				{ChangeEntry: ChangeEntry{ID: "art-1", Change: clause.Added, Number: "1"}, Blob: "b1"},
				{ChangeEntry: ChangeEntry{ID: "art-2", Change: clause.Added, Number: "2 bis"}, Blob: "b2"},
			}},
		{Seq: 2, Commit: "c2", Parent: "c1", Label: "CNAM-2024", Party: "CNAM", Date: "2024-02-08", Clauses: 2 << 20, Changes: []Delta{
			{ChangeEntry: ChangeEntry{ID: "art-1", Change: clause.Merged, Number: "1", Renumbered: true, Moved: true, Others: []string{"art-2", "é"}, By: "Article 2, 1°; Article 3",
				Steps: []Step{{By: "Article 2, 1°", Text: "La caisse doit.\n"}, {By: "Article 3"}}}, Blob: "b3"},
			{ChangeEntry: ChangeEntry{ID: "art-2", Change: clause.Merged, Number: "2 bis", Gone: true, Others: []string{"art-1"}}},
		}},
		{Seq: 3, Commit: "c3", Parent: "c2", Label: "vide"},
	}, unread: []string{"", "t2", ""}}
}

func TestIndexFileRoundTrip(t *testing.T) {
	want := sampleIndex()
	file := encodeIndex(want)
	// The changes are decoded one version at a time, when asked for; an
	// index saved with some left encoded is the same file.
	for _, first := range []int{-1, 0, 1, 2} {
		got, err := decodeIndex(string(file))
		if err != nil {
			t.Fatal(err)
		}
		if first >= 0 {
			got.decode(first)
		}
		if again := encodeIndex(got); !bytes.Equal(again, file) {
			t.Errorf("with version %d decoded, the index encodes to\n%q\nnot\n%q", first, again, file)
		}
		for i, v := range want.Versions {
			if got.names(i, "art-2") != slices.ContainsFunc(v.Changes, func(d Delta) bool { return d.ID == "art-2" }) {
				t.Errorf("with version %d decoded: names(%d, art-2) is wrong", first, i)
			}
		}
		got.decodeAll()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("decoded\n%+v\nwant\n%+v", got, want)
		}
	}
}

// TestIndexFileDamaged: whatever is cut off or wrong, decoding fails
// cleanly (no panic, no huge allocation), and the index is rebuilt.
func TestIndexFileDamaged(t *testing.T) {
	good := string(encodeIndex(sampleIndex()))
	for n := range len(good) {
		if _, err := decodeIndex(good[:n]); !errors.Is(err, errBadIndex) {
			t.Fatalf("cut at %d of %d: err %v", n, len(good), err)
		}
	}
	// A byte changed in a string decodes as well as the right one: only
	// the checksum tells that a party "CNAM" now reads "CiAM".
	for n := range len(good) {
		b := []byte(good)
		b[n] ^= 0x20
		if ix, err := decodeIndex(string(b)); !errors.Is(err, errBadIndex) {
			t.Fatalf("byte %d of %d changed: decoded %+v, err %v", n, len(good), ix, err)
		}
	}
	for name, data := range map[string]string{
		"trailing byte":  good + "x",
		"older format":   "avenant index 2\n" + good[len(indexHeader):],
		"huge count":     indexHeader + "\x00\xff\xff\xff\xff\x0f",
		"overlong count": indexHeader + "\x00\xff\xff\xff\xff\xff\xff\xff\xff\xff\x7f",
		"gob":            "\x0d\xff\x81\x03\x01\x01\x05Index",
	} {
		if _, err := decodeIndex(data); !errors.Is(err, errBadIndex) {
			t.Errorf("%s: err %v", name, err)
		}
	}
}

// TestIndexRebuiltTransparently: a damaged index file, or the gob file of
// earlier releases, is no error: the index is rebuilt, saved anew, and the
// gob file goes.
func TestIndexRebuiltTransparently(t *testing.T) {
	s, _ := branchedStore(t)
	want, err := s.Versions()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.indexPath(), []byte(indexHeader+"\x05ab"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.oldIndexPath(), []byte("gob"), 0o644); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(s.Dir)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := s2.index()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(ix.unread, func(t string) bool { return t != "" }) {
		t.Errorf("a rebuild read the clauses trees")
	}
	// Blame reads the trees of the versions it needs, then saves them:
	// those on MG-2024's line (not CNAM-2024's) that changed art-2.
	spans, err := s2.BlameLines("art-2", &ix.Versions[2], false)
	if err != nil || len(spans) == 0 {
		t.Fatalf("blame after a rebuild: %v, %v", spans, err)
	}
	for _, i := range []int{0, 2} {
		v := ix.Versions[i]
		if ix.unread[i] != "" || !slices.EqualFunc(v.Changes, want[i].Changes, func(a, b Delta) bool { return a.Blob == b.Blob }) {
			t.Errorf("%s: blame left its tree unread or its blobs wrong", v.Label)
		}
	}
	got, err := s2.Versions()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rebuilt index\n%+v\nwant\n%+v", got, want)
	}
	if _, err := os.Stat(s.oldIndexPath()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the gob index is still there: %v", err)
	}
	b, err := os.ReadFile(s.indexPath())
	if err != nil {
		t.Fatal(err)
	}
	saved, err := decodeIndex(string(b))
	if err != nil || len(saved.Versions) != len(want) || slices.ContainsFunc(saved.unread, func(t string) bool { return t != "" }) {
		t.Errorf("saved index: %+v, %v", saved, err)
	}
}

// TestTags reads tags as git writes them: packed, loose (which win over
// packed), nested; a symbolic or lock file names no version, and a file
// that names no object is a corrupt store (TestDamagedTagIsCorrupt).
func TestTags(t *testing.T) {
	dir := t.TempDir()
	h := func(c byte) string { return strings.Repeat(string(c), 40) }
	files := map[string]string{
		"packed-refs":         "# pack-refs with: peeled fully-peeled sorted\n" + h('a') + " refs/tags/A\n^" + h('b') + "\n" + h('c') + " refs/tags/B\n" + h('d') + " refs/heads/main\n",
		"refs/tags/B":         h('e') + "\n",
		"refs/tags/x/C":       h('f') + "\n",
		"refs/tags/S":         "ref: refs/tags/A\n",
		"refs/tags/D.lock":    h('1') + "\n",
		"refs/heads/cnam":     h('2') + "\n",
		"refs/tags/x/E":       h('3'),
		"refs/tags/.DS_Store": "\x00\x00\x00\x01Bud1",
	}
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := (&Store{gitDir: dir}).tags()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]plumbing.Hash{
		"A": plumbing.NewHash(h('a')), "B": plumbing.NewHash(h('e')),
		"x/C": plumbing.NewHash(h('f')), "x/E": plumbing.NewHash(h('3')),
	}
	if !maps.Equal(got, want) {
		t.Errorf("tags = %v, want %v", got, want)
	}
	for name, content := range map[string]string{
		"refs/tags/truncated": "abc\n",
		"refs/tags/x/empty":   "",
		"packed-refs":         h('a') + " refs/tags/A\n" + h('b')[:20] + "\n",
	} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		saved, _ := os.ReadFile(path)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if got, err := (&Store{gitDir: dir}).tags(); !errors.Is(err, errCorrupt) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s holding %q: tags %v, err %v", name, content, got, err)
		}
		if saved != nil {
			os.WriteFile(path, saved, 0o644)
		} else {
			os.Remove(path)
		}
	}
}

// TestFingerprintSeesEveryTagDirectory: the fingerprint changes with the
// time of any directory under .git/refs/tags, however deep, and with
// .git/packed-refs; it does not change by itself. fresh, which reads the
// times of the directories an index was made with and lists none, sees the
// same changes, and a directory added anywhere.
func TestFingerprintSeesEveryTagDirectory(t *testing.T) {
	dir := t.TempDir()
	s := &Store{gitDir: dir}
	deep := filepath.Join(dir, "refs", "tags", "x", "y")
	if err := os.MkdirAll(deep, 0o777); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{filepath.Join(deep, "T"), filepath.Join(dir, "refs", "tags", "U")} {
		if err := os.WriteFile(f, []byte(strings.Repeat("a", 40)+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fp, dirs, err := s.fingerprint()
	if want := []string{"refs/tags", "refs/tags/x", "refs/tags/x/y"}; err != nil || !slices.Equal(dirs, want) {
		t.Fatalf("directories %q, %v; want %q", dirs, err, want)
	}
	ix := &index{Fingerprint: fp, tagDirs: dirs}
	seen := map[string]string{}
	check := func(what string) {
		t.Helper()
		if s.fresh(ix) {
			t.Fatalf("%s: the index still looks fresh", what)
		}
		fp, dirs, err := s.fingerprint()
		if err != nil {
			t.Fatal(err)
		}
		if again, _, _ := s.fingerprint(); again != fp {
			t.Fatalf("%s: the fingerprint changed by itself", what)
		}
		if prev, ok := seen[fp]; ok {
			t.Fatalf("%s: the fingerprint is the same as after %s", what, prev)
		}
		seen[fp] = what
		ix = &index{Fingerprint: fp, tagDirs: dirs}
		if !s.fresh(ix) {
			t.Fatalf("%s: an index made now is not fresh", what)
		}
	}
	when := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	tick := func(d string) {
		when = when.Add(time.Second)
		if err := os.Chtimes(d, when, when); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{deep, filepath.Dir(deep), filepath.Join(dir, "refs", "tags")} {
		tick(d)
		check(d)
	}
	if err := os.Mkdir(filepath.Join(dir, "refs", "tags", "x", "z"), 0o777); err != nil {
		t.Fatal(err)
	}
	tick(filepath.Join(dir, "refs", "tags", "x"))
	check("a new directory")
	if _, dirs, _ := s.fingerprint(); !slices.Contains(dirs, "refs/tags/x/z") {
		t.Errorf("the new directory is not in %q", dirs)
	}
	if err := os.WriteFile(filepath.Join(dir, "packed-refs"), []byte("# pack-refs\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	check("packed-refs")
	if err := os.RemoveAll(deep); err != nil {
		t.Fatal(err)
	}
	check("a directory removed")
}

// FuzzDecodeIndex: no index file, however damaged, makes decoding panic,
// now or when its versions' changes are decoded later; one that decodes
// encodes again to a file that decodes to the same index.
func FuzzDecodeIndex(f *testing.F) {
	f.Add(encodeIndex(sampleIndex()))
	f.Add([]byte(indexHeader))
	f.Fuzz(func(t *testing.T, data []byte) {
		ix, err := decodeIndex(string(data))
		if err != nil {
			return
		}
		for i := range ix.Versions {
			ix.names(i, "art-1")
		}
		again, err := decodeIndex(string(encodeIndex(ix)))
		if err != nil {
			t.Fatalf("re-encoded index does not decode: %v", err)
		}
		ix.decodeAll()
		for i, v := range ix.Versions {
			for _, d := range v.Changes {
				if !again.names(i, d.ID) {
					t.Fatalf("version %d names %q, but names says not", i, d.ID)
				}
			}
		}
		again.decodeAll()
		if !reflect.DeepEqual(again, ix) {
			t.Fatalf("re-encoded index decodes to\n%+v\nnot\n%+v", again, ix)
		}
	})
}
