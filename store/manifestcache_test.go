package store

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

const cacheText = `# Convention

## Titre I - Dispositions générales

### Article 1 - Objet

La présente convention organise les rapports.

### Article 2 (supprimé)

### Article 3 bis - Durée

Elle est conclue pour cinq ans.

## Annexe 1 - Tarifs

Le tarif est fixé à 26,50 €.
`

// TestManifestCache: a version's manifest is cached in the compact format
// and read back as it was built; a gob cache left by an earlier release is
// neither read nor kept, and a damaged cache is built anew.
func TestManifestCache(t *testing.T) {
	s := newStore(t)
	if _, err := s.Import(clause.Parse(cacheText), ImportOptions{Party: "CNAM", Label: "V-1", Date: "2024-01-01", SourceName: "v1.md"}); err != nil {
		t.Fatal(err)
	}
	vs, err := s.Versions()
	if err != nil {
		t.Fatal(err)
	}
	v := &vs[0]
	sn, err := s.snapshot(v.Commit)
	if err != nil {
		t.Fatal(err)
	}
	want, err := sn.entries(s)
	if err != nil {
		t.Fatal(err)
	}
	var deep, status bool
	for _, e := range want {
		deep = deep || len(e.Path) > 1
		status = status || e.Status != ""
	}
	if !deep || !status {
		t.Fatalf("the text should give nested clauses and a status: %+v", want)
	}

	dir := filepath.Join(s.gitDir, "avenant", "manifests")
	oldCache := filepath.Join(dir, v.Commit+".gob")
	cache := filepath.Join(dir, v.Commit+manifestSuffix)
	// An old cache whose content differs from the version: read, it
	// would show.
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode([]ManifestEntry{{ID: "art-99", Heading: "stale"}}); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(oldCache, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	for _, step := range []string{"first read", "from the cache"} {
		got, err := s.manifest(v)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: manifest\n%+v\nwant\n%+v", step, got, want)
		}
		if _, err := os.Stat(oldCache); !os.IsNotExist(err) {
			t.Errorf("%s: the gob cache is still there (%v)", step, err)
		}
		data, err := os.ReadFile(cache)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if back, err := decodeManifestCache(string(data)); err != nil || !reflect.DeepEqual(back, want) {
			t.Errorf("%s: the cache file decodes to %+v, %v", step, back, err)
		}
	}

	// A cache cut short, or of another format, is built anew.
	data, _ := os.ReadFile(cache)
	flipped := bytes.Clone(data)
	flipped[len(data)/2] ^= 0x20 // a letter's case in a heading
	for _, bad := range []string{string(data[:len(data)-3]), string(data) + "x", "avenant manifest 0\n" + string(data[len(manifestHeader):]),
		// Read back by another rule: its statuses may not be today's.
		strings.Replace(string(data), fmt.Sprintf(" rule %d\n", changesRule), fmt.Sprintf(" rule %d\n", changesRule-1), 1), "", string(flipped)} {
		if err := os.WriteFile(cache, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := decodeManifestCache(bad); err == nil {
			t.Errorf("a damaged cache decodes: %q", bad)
		}
		got, err := s.manifest(v)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("from a damaged cache: %+v, %v", got, err)
		}
		if again, _ := os.ReadFile(cache); !bytes.Equal(again, data) {
			t.Errorf("the damaged cache was not written anew")
		}
	}
}

func TestManifestCacheRoundTrip(t *testing.T) {
	for _, m := range [][]ManifestEntry{
		{},
		{{ID: "preambule", Kind: "preamble", Heading: "Préambule"}},
		{
			{ID: "titre-1", Kind: "title", Number: "I", Key: "titre i", Heading: "Titre I – Dispositions", Path: []string{"titre-1"}},
			{ID: "art-2", Kind: "article", Number: "2", Key: "article 2", Heading: "Article 2", Status: "supprimé", Parent: "titre-1", Depth: 1, Path: []string{"titre-1", "art-2"}},
			{ID: "art-" + string(make([]byte, 200)), Depth: 300},
		},
	} {
		got, err := decodeManifestCache(string(encodeManifestCache(m)))
		if err != nil || len(got) != len(m) || len(m) > 0 && !reflect.DeepEqual(got, m) {
			t.Errorf("round trip of %+v: %+v, %v", m, got, err)
		}
	}
}
