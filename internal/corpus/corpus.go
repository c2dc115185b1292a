// Package corpus locates the shared real texts (../shared/corpus beside the
// project, never copied into it) for the tests of every package. Without
// the corpus a test that needs it skips with one message; CI sets
// AVENANT_CORPUS_REQUIRED=1, and there the same absence fails the test, so
// that a corpus missing from the CI machine cannot pass as green.
package corpus

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// EnvRequired names the variable that turns an absent corpus into a failure.
const EnvRequired = "AVENANT_CORPUS_REQUIRED"

// root is the corpus directory, found from this file's place in the
// project rather than from the test's working directory, which depends on
// the package.
var root = func() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	// internal/corpus/corpus.go → project → its parent.
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "corpus")
}()

// Required reports whether an absent corpus must fail the tests.
func Required() bool { return os.Getenv(EnvRequired) == "1" }

// Optional returns the corpus directory, or "" when it is absent and not
// required: for tests that run without it and do more with it (fuzz
// seeds, testscript cases guarded by a condition).
func Optional(t testing.TB) string {
	t.Helper()
	if fi, err := os.Stat(root); err == nil && fi.IsDir() {
		return root
	}
	if Required() {
		t.Fatalf("corpus not found at %s, and %s=1", root, EnvRequired)
	}
	return ""
}

// Dir returns the corpus directory; without it the test skips, or fails
// under AVENANT_CORPUS_REQUIRED=1.
func Dir(t testing.TB) string {
	t.Helper()
	dir := Optional(t)
	if dir == "" {
		t.Skipf("corpus not found at %s (the shared real texts live beside the project; %s=1 makes this a failure)", root, EnvRequired)
	}
	return dir
}

// Files lists the corpus files matching each pattern (relative to the
// corpus directory), in order. With the corpus present, a pattern that
// matches nothing fails the test: the corpus changed under it.
func Files(t testing.TB, patterns ...string) []string {
	t.Helper()
	dir := Dir(t)
	var files []string
	for _, pattern := range patterns {
		m, err := filepath.Glob(filepath.Join(dir, pattern))
		if err != nil {
			t.Fatal(err)
		}
		if len(m) == 0 {
			t.Fatalf("corpus: nothing matches %s under %s", pattern, dir)
		}
		files = append(files, m...)
	}
	return files
}

// Read returns the contents of the corpus files matching each pattern,
// in the order of Files.
func Read(t testing.TB, patterns ...string) []string {
	t.Helper()
	var texts []string
	for _, path := range Files(t, patterns...) {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

// BillSteps are the sixteen steps of bill pjl16-580, from first reading to
// the final text: the real-text pair of the benches is built of them
// (synth.Bill), and tests read them as consecutive versions.
const BillSteps = "raw/lafabrique/pjl16-580/steps/*.txt"

// File returns the path of one corpus file (relative to the corpus
// directory), failing the test if the corpus is there without it.
func File(t testing.TB, name string) string {
	t.Helper()
	path := filepath.Join(Dir(t), name)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("corpus: %v", err)
	}
	return path
}

// Texts lists every text of the corpus: the markdown of each source and
// the seed texts.
func Texts(t testing.TB) []string {
	t.Helper()
	return Files(t, "raw/*/*.md", "seeds/*.txt")
}
