package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// benchDoc is version v of a document of n articles: every version
// rewrites a few articles, and article 42 every third version, so that it
// has a long history to log and blame.
func benchDoc(n, v int) *clause.Document {
	d := &clause.Document{Clauses: make([]clause.Clause, n)}
	for a := 1; a <= n; a++ {
		num := fmt.Sprint(a)
		text := fmt.Sprintf("L'article %d fixe les conditions de la prise en charge. Le médecin applique le tarif conventionnel. Les parties conviennent de se revoir.", a)
		if a == 42 && v > 0 {
			var b strings.Builder
			for k := 0; k <= v/3; k++ {
				fmt.Fprintf(&b, "Phrase %d ajoutée par la version %d. ", k, 3*k)
			}
			text += " " + strings.TrimSpace(b.String())
		}
		for k := 0; k < 5; k++ {
			if (v*5+k)%n == a-1 && v > 0 {
				text += fmt.Sprintf(" Révision %d.", v)
			}
		}
		d.Clauses[a-1] = clause.Clause{ID: "art-" + num, Kind: clause.KindArticle, Number: num,
			Key: clause.NumberKey(clause.KindArticle, num), Heading: "Article " + num + " - Objet " + num,
			Text: text, Path: []string{"Article " + num}, Parent: -1}
	}
	return d
}

// benchStoreVersion changes whenever benchDoc or the store layout does, so
// that a cached store is rebuilt.
const benchStoreVersion = "v1-200x1500"

// benchStore returns a store of 200 versions × 1,500 clauses, built once
// and cached under os.TempDir.
func benchStore(b *testing.B) *Store {
	dir := filepath.Join(os.TempDir(), "avenant-bench-store-"+benchStoreVersion)
	if s, err := Open(dir); err == nil {
		if vs, err := s.Versions(); err == nil && len(vs) == 200 {
			return s
		}
	}
	os.RemoveAll(dir)
	b.Logf("building the benchmark store in %s (once)", dir)
	s, err := Init(dir)
	if err != nil {
		b.Fatal(err)
	}
	for v := 0; v < 200; v++ {
		if _, err := s.Import(benchDoc(1500, v), ImportOptions{Party: []string{"CNAM", "MG France", "Arbitre"}[v%3], Label: fmt.Sprintf("V%03d", v), Date: "2024-01-01"}); err != nil {
			b.Fatal(err)
		}
	}
	if err := s.Repack(); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkImport imports a 1,500-clause version on top of another
// (target: under 1 s an import).
func BenchmarkImport(b *testing.B) {
	s := newStore(b)
	if _, err := s.Import(benchDoc(1500, 0), ImportOptions{Party: "CNAM", Label: "base", Date: "2024-01-01"}); err != nil {
		b.Fatal(err)
	}
	docs := make([]*clause.Document, b.N)
	for i := range docs {
		docs[i] = benchDoc(1500, i+1)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Import(docs[i], ImportOptions{Party: "CNAM", Label: fmt.Sprintf("v%d", i), Date: "2024-01-01"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLog is avenant log on 200 versions × 1,500 clauses, opening the
// store each time as the command does (target: under 100 ms).
func BenchmarkLog(b *testing.B) {
	dir := benchStore(b).Dir
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		id, err := s.ResolveClause("42", nil)
		if err != nil {
			b.Fatal(err)
		}
		entries, err := s.Log(id, nil)
		if err != nil || len(entries) < 60 {
			b.Fatalf("%d entries, %v", len(entries), err)
		}
	}
}

// BenchmarkBlame is avenant blame of a clause changed in 67 of 200 versions
// (target: under 100 ms).
func BenchmarkBlame(b *testing.B) {
	dir := benchStore(b).Dir
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		id, err := s.ResolveClause("42", nil)
		if err != nil {
			b.Fatal(err)
		}
		spans, err := s.Blame(id, nil, false)
		if err != nil || len(spans) < 10 {
			b.Fatalf("%d spans, %v", len(spans), err)
		}
	}
}

// BenchmarkRebuildIndex is the cold rebuild of the index of 200 versions ×
// 1,500 clauses, as after a clone (target: under 60 ms).
func BenchmarkRebuildIndex(b *testing.B) {
	dir := benchStore(b).Dir
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		fp, _, err := s.fingerprint()
		if err != nil {
			b.Fatal(err)
		}
		ix, err := s.rebuildIndex(fp)
		if err != nil || len(ix.Versions) != 200 {
			b.Fatalf("%d versions, %v", len(ix.Versions), err)
		}
	}
}
