package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// exitDoc is a convention with a tariff grid; the variants below change it
// in the ways the contract's exit codes tell apart.
const exitDoc = `# Convention

## Titre 1 - Dispositions

### Article 1 - Objet

La présente convention organise les rapports entre les médecins et l'assurance maladie.

### Article 2 - Engagements

Le médecin doit informer le patient.

## Annexe 1 - Tarifs des actes et consultations

| Code | Libellé | Tarif |
|---|---|---|
| G | Consultation de référence du médecin généraliste | 26,50 € |
`

// TestExitStatus pins the contract's exit codes (CONTRACT.md §1) for each
// command's main cases: 0 no difference or check passed, 1 differences
// found or check flagged, 2 error with one line on stderr.
func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	path := func(name string) string { return filepath.Join(dir, name) }
	writeFile(t, path("old.md"), exitDoc)
	writeFile(t, path("same.md"), exitDoc)
	writeFile(t, path("raised.md"), strings.Replace(exitDoc, "26,50 €", "30 €", 1))
	writeFile(t, path("typo.md"), strings.Replace(exitDoc, "l'assurance", "l’assurance", 1))
	writeFile(t, path("empty.md"), "")

	st := path("store")
	for _, args := range [][]string{
		{"init", st},
		{"import", path("old.md"), "--store", st, "--party", "CNAM", "--label", "V1", "--date", "2024-01-10"},
		{"import", path("raised.md"), "--store", st, "--party", "CNAM", "--label", "V2", "--date", "2024-02-10"},
	} {
		if _, stderr, code := runCLI(t, args...); code != ExitOK {
			t.Fatalf("setup %v: status %d: %s", args, code, stderr)
		}
	}

	tests := []struct {
		name string
		args []string
		want int
	}{
		{"version", []string{"version"}, ExitOK},
		{"unknown command", []string{"frobnicate"}, ExitError},
		{"unknown flag", []string{"diff", "--frob", path("old.md"), path("same.md")}, ExitError},
		{"bad --color", []string{"--color", "bogus", "version"}, ExitError},

		{"diff identical files", []string{"diff", path("old.md"), path("same.md")}, ExitOK},
		{"diff typographic variant", []string{"diff", path("old.md"), path("typo.md")}, ExitOK},
		{"diff changed files", []string{"diff", path("old.md"), path("raised.md")}, ExitDiffers},
		{"diff changed files, quiet", []string{"diff", "--quiet", path("old.md"), path("raised.md")}, ExitDiffers},
		{"diff changed files, json", []string{"diff", "--format", "json", path("old.md"), path("raised.md")}, ExitDiffers},
		{"diff missing file", []string{"diff", path("old.md"), path("missing.md")}, ExitError},
		{"diff one argument", []string{"diff", path("old.md")}, ExitError},
		{"diff bad format", []string{"diff", "--format", "yaml", path("old.md"), path("raised.md")}, ExitError},
		{"diff same version", []string{"diff", "--store", st, "V1", "V1"}, ExitOK},
		{"diff versions", []string{"diff", "--store", st, "V1", "V2"}, ExitDiffers},
		{"diff unknown version", []string{"diff", "--store", st, "V1", "NOPE"}, ExitError},

		{"check passes", []string{"check", path("old.md"), path("same.md")}, ExitOK},
		{"check flags a tariff", []string{"check", path("old.md"), path("raised.md")}, ExitDiffers},
		{"check versions", []string{"check", "--store", st, "V1", "V2"}, ExitDiffers},
		{"check missing rules", []string{"check", "--rules", path("nowhere.yaml"), path("old.md"), path("raised.md")}, ExitError},
		{"check empty file", []string{"check", path("empty.md"), path("old.md")}, ExitError},

		{"show file", []string{"show", path("old.md")}, ExitOK},
		{"show clause", []string{"show", path("old.md"), "2"}, ExitOK},
		{"show unknown clause", []string{"show", path("old.md"), "99"}, ExitError},
		{"show check passes", []string{"show", "--check", path("old.md")}, ExitOK},
		{"show version", []string{"show", "--store", st, "V2"}, ExitOK},
		{"show unknown version", []string{"show", "--store", st, "NOPE"}, ExitError},
		{"show missing file", []string{"show", path("missing.md")}, ExitError},

		{"init existing store", []string{"init", st}, ExitError},
		{"import without party", []string{"import", path("same.md"), "--store", st, "--label", "V3"}, ExitError},
		{"import used label", []string{"import", path("typo.md"), "--store", st, "--party", "CNAM", "--label", "V1"}, ExitError},
		{"import identical content", []string{"import", path("same.md"), "--store", st, "--party", "CSMF", "--label", "V3"}, ExitOK},
		{"import missing file", []string{"import", path("missing.md"), "--store", st, "--party", "CNAM", "--label", "V3"}, ExitError},

		{"versions", []string{"versions", "--store", st}, ExitOK},
		{"versions, not a store", []string{"versions", "--store", dir}, ExitError},
		{"log", []string{"log", "--store", st, "Annexe 1"}, ExitOK},
		{"log unknown clause", []string{"log", "--store", st, "99"}, ExitError},
		{"blame", []string{"blame", "--store", st, "2"}, ExitOK},
		{"blame unknown version", []string{"blame", "--store", st, "2", "--at", "NOPE"}, ExitError},
		{"tariffs", []string{"tariffs", "--store", st}, ExitOK},
		{"tariffs of files", []string{"tariffs", path("old.md"), path("raised.md")}, ExitOK},
		{"tariffs unknown version", []string{"tariffs", "--store", st, "NOPE"}, ExitError},

		{"tui without a terminal", []string{"tui", "--store", st}, ExitError},
		{"tui unknown version", []string{"tui", "--store", st, "V1", "NOPE", "--no-tui"}, ExitError},
		{"demo without a terminal", []string{"demo"}, ExitError},

		{"clone", []string{"clone", st, path("copy")}, ExitOK},
		{"clone into the store", []string{"clone", st, st}, ExitError},
		{"push without remote", []string{"push", "--store", st}, ExitError},
		{"pull unknown remote", []string{"pull", "--store", st, "upstream"}, ExitError},
		{"gc", []string{"gc", "--store", st}, ExitOK},
		{"gc negative grace", []string{"gc", "--store", st, "--grace", "-1s"}, ExitError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runCLI(t, tt.args...)
			if code != tt.want {
				t.Fatalf("avenant %s: status %d, want %d; stderr: %s", strings.Join(tt.args, " "), code, tt.want, stderr)
			}
			lines := strings.Count(stderr, "\n")
			if code == ExitError && (lines != 1 || !strings.HasPrefix(stderr, "avenant: ")) {
				t.Errorf("avenant %s: stderr is not one line \"avenant: ...\": %q", strings.Join(tt.args, " "), stderr)
			}
			if code != ExitError && strings.HasPrefix(stderr, "avenant: ") {
				t.Errorf("avenant %s: status %d with an error message: %q", strings.Join(tt.args, " "), code, stderr)
			}
		})
	}
}
