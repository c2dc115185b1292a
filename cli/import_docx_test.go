package cli

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/reader"
	"github.com/avenant-dev/avenant/store"
)

// trackedDocx is a Word document whose tracked changes, by MG France,
// shorten the duration in article 1.
func trackedDocx(t *testing.T) []byte {
	t.Helper()
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	p := func(style, runs string) string {
		pPr := ""
		if style != "" {
			pPr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
		}
		return `<w:p>` + pPr + runs + `</w:p>`
	}
	r := func(s string) string { return `<w:r><w:t xml:space="preserve">` + s + `</w:t></w:r>` }
	body := p("Heading1", r("Convention")) +
		p("Heading2", r("Article 1 - Objet")) +
		p("", r("La durée est de ")+`<w:del w:id="1" w:author="MG France"><w:r><w:delText>cinq</w:delText></w:r></w:del><w:ins w:id="2" w:author="MG France"><w:r><w:t>quatre</w:t></w:r></w:ins>`+r(" ans.")) +
		p("Heading2", r("Article 2 - Tarifs")) +
		p("", r("La consultation vaut 30 €."))
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	f, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte(`<w:document ` + w + `><w:body>` + body + `</w:body></w:document>`)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const proposal = "# Convention\n\n## Article 1 - Objet\n\nLa durée est de cinq ans.\n\n## Article 2 - Tarifs\n\nLa consultation vaut 30 €.\n"

func TestImportTracked(t *testing.T) {
	dir := t.TempDir()
	s, err := store.Init(filepath.Join(dir, "store"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(clause.Parse(proposal), store.ImportOptions{Party: "CNAM", Label: "CNAM-2024-02", Date: "2024-02-01"}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "contre-proposition.docx")
	if err := os.WriteFile(file, trackedDocx(t), 0o644); err != nil {
		t.Fatal(err)
	}
	rej, acc, err := importTrackedFile(s, file, store.ImportOptions{Label: "MGF-2024-03", Party: "Syndicats", Date: "2024-03-01"})
	if err != nil {
		t.Fatal(err)
	}
	// The rejected side is the proposal already in the store.
	if rej == nil || rej.Version != nil || rej.Identical != "CNAM-2024-02" {
		t.Errorf("rejected side: %+v, want identical to CNAM-2024-02", rej)
	}
	v := acc.Version
	if v == nil || v.Label != "MGF-2024-03" || v.Party != "MG France" || v.Base != "CNAM-2024-02" {
		t.Fatalf("accepted side: %+v", v)
	}
	if acc.Diff == nil || acc.Diff.Summary.Modified != 1 {
		t.Errorf("diff against the proposal: %+v, want one modified clause", acc.Diff)
	}

	// A file that cannot be read writes nothing.
	bad := filepath.Join(dir, "abîmé.docx")
	if err := os.WriteFile(bad, trackedDocx(t)[:100], 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := importTrackedFile(s, bad, store.ImportOptions{Label: "X", Party: "P", Date: "2024-03-02"}); !errors.Is(err, reader.ErrCorrupt) {
		t.Errorf("damaged file: %v, want ErrCorrupt", err)
	}
	if vs, err := s.Versions(); err != nil || len(vs) != 2 {
		t.Errorf("versions after a refused file: %d, %v; want 2", len(vs), err)
	}
}

func TestImportTrackedNewText(t *testing.T) {
	// In an empty store both sides are imported, the accepted one based on
	// the rejected one.
	dir := t.TempDir()
	s, err := store.Init(filepath.Join(dir, "store"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "cp.docx")
	if err := os.WriteFile(file, trackedDocx(t), 0o644); err != nil {
		t.Fatal(err)
	}
	rej, acc, err := importTrackedFile(s, file, store.ImportOptions{Label: "MGF", Party: "CNAM", Date: "2024-03-01"})
	if err != nil {
		t.Fatal(err)
	}
	if rej.Version == nil || rej.Version.Label != "MGF-base" || rej.Version.Party != "CNAM" {
		t.Errorf("rejected side: %+v", rej.Version)
	}
	if acc.Version == nil || acc.Version.Base != "MGF-base" || acc.Version.Party != "MG France" {
		t.Errorf("accepted side: %+v", acc.Version)
	}
}

func TestParseChanges(t *testing.T) {
	tests := []struct {
		in    string
		mode  reader.ChangeMode
		split bool
		ok    bool
	}{
		{"", reader.Accept, false, true},
		{"accept", reader.Accept, false, true},
		{"reject", reader.Reject, false, true},
		{"split", reader.Accept, true, true},
		{"both", 0, false, false},
	}
	for _, tt := range tests {
		mode, split, err := parseChanges(tt.in)
		if (err == nil) != tt.ok || mode != tt.mode || split != tt.split {
			t.Errorf("parseChanges(%q) = %v, %v, %v", tt.in, mode, split, err)
		}
	}
}

// TestImportChangesFlag runs avenant import --changes split end to end:
// the flag reaches the tracked-change import and both sides are reported.
func TestImportChangesFlag(t *testing.T) {
	dir := t.TempDir()
	storeDir := filepath.Join(dir, "store")
	md := filepath.Join(dir, "proposition.md")
	docx := filepath.Join(dir, "contre.docx")
	if err := os.WriteFile(md, []byte(proposal), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(docx, trackedDocx(t), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (string, int) {
		var out, errb bytes.Buffer
		code := Run(append([]string{"--store", storeDir}, args...), &IO{Out: &out, Err: &errb, Getenv: func(string) string { return "" }})
		return out.String() + errb.String(), code
	}
	if out, code := run("init", storeDir); code != 0 {
		t.Fatalf("init: %d %s", code, out)
	}
	if out, code := run("import", md, "--party", "CNAM", "--label", "CNAM-2024-02", "--date", "2024-02-08"); code != 0 {
		t.Fatalf("import: %d %s", code, out)
	}
	out, code := run("import", docx, "--changes", "split", "--party", "Syndicats", "--label", "MGF-2024-03", "--date", "2024-03-12")
	if code != 0 {
		t.Fatalf("import --changes split: %d %s", code, out)
	}
	if !strings.Contains(out, "nothing to import") || !strings.Contains(out, "MGF-2024-03 (MG France") {
		t.Errorf("import --changes split said:\n%s", out)
	}
	if out, code := run("import", docx, "--changes", "both", "--party", "P"); code != 2 || !strings.Contains(out, "--changes") {
		t.Errorf("a bad --changes value: %d %s", code, out)
	}
}

// importTrackedFile reads file as import --changes split does, then
// imports it.
func importTrackedFile(s *store.Store, file string, opts store.ImportOptions) (rejected, accepted *store.ImportResult, err error) {
	t, err := reader.ReadFileTracked(file, reader.Options{})
	if err != nil {
		return nil, nil, err
	}
	d, err := parseTracked(t)
	if err != nil {
		return nil, nil, err
	}
	return importTracked(s, d, opts)
}

// Each version records the SHA-256 of the very bytes it was parsed from,
// read once within --max-size; under --changes split both versions record
// the file's (both are imported into an empty store).
func TestImportDigestOfBytesParsed(t *testing.T) {
	dir := t.TempDir()
	s, err := store.Init(filepath.Join(dir, "store"))
	if err != nil {
		t.Fatal(err)
	}
	md := filepath.Join(dir, "proposition.md")
	docx := filepath.Join(dir, "contre-proposition.docx")
	if err := os.WriteFile(md, []byte(proposal), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(docx, trackedDocx(t), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readImports([]string{md}, reader.Options{MaxSize: int64(len(proposal)) - 1}, false); !errors.Is(err, reader.ErrTooLarge) {
		t.Errorf("file over --max-size: %v, want ErrTooLarge", err)
	}
	for _, c := range []struct {
		file     string
		split    bool
		versions int
	}{{docx, true, 2}, {md, false, 1}} {
		data, err := os.ReadFile(c.file)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		want := hex.EncodeToString(sum[:])
		files, err := readImports([]string{c.file}, reader.Options{MaxSize: int64(len(data))}, c.split)
		if err != nil {
			t.Fatal(err)
		}
		results, err := files[0].importInto(s, store.ImportOptions{Party: "CNAM", Label: filepath.Base(c.file), Date: "2024-02-01"})
		if err != nil {
			t.Fatal(err)
		}
		if len(results) != c.versions {
			t.Fatalf("%s: %d results, want %d", c.file, len(results), c.versions)
		}
		for _, r := range results {
			if r.Version == nil || r.Version.SourceSHA256 != want {
				t.Errorf("%s: version %+v, want source SHA-256 %s", c.file, r.Version, want)
			}
		}
	}
}
