package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/fixtures"
	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/goldenfile"
	"github.com/avenant-dev/avenant/internal/synth"
)

// The tests below pin `avenant diff --format json` byte for byte on every
// pair of texts the project has: the demo fixtures, the corpus, the bench
// pairs. The diff is made faster by changing how it is computed, never
// what it prints; these goldens are what proves it. Fixture outputs are
// kept whole (they are small and reviewable); corpus and bench outputs,
// hundreds of kilobytes each, are kept as SHA-256 sums.

// diffJSON runs the command in dir on two files named relative to it, so
// that the paths printed in the output are the same on every machine.
func diffJSON(t *testing.T, dir, old, new string) []byte {
	t.Helper()
	t.Chdir(dir)
	stdout, stderr, code := runCLI(t, "diff", "--format", "json", old, new)
	if code != ExitOK && code != ExitDiffers {
		t.Fatalf("diff %s %s: status %d: %s", old, new, code, stderr)
	}
	return []byte(stdout)
}

// TestDiffJSONFixtures compares each demo version with the one before it
// and with its base.
func TestDiffJSONFixtures(t *testing.T) {
	vs, dir := demoFixtures(t)
	golden := filepath.Join(testdataDir(t), "diffjson")
	file := map[string]string{}
	for _, v := range vs {
		file[v.Label] = v.File
	}
	seen := map[[2]string]bool{}
	for i, v := range vs {
		var olds []string
		if i > 0 {
			olds = append(olds, vs[i-1].File)
		}
		if v.Base != "" {
			olds = append(olds, file[v.Base])
		}
		for _, old := range olds {
			pair := [2]string{old, v.File}
			if seen[pair] {
				continue
			}
			seen[pair] = true
			name := strings.TrimSuffix(old, ".md") + "--" + strings.TrimSuffix(v.File, ".md")
			t.Run(name, func(t *testing.T) {
				got := diffJSON(t, dir, old, v.File)
				goldenfile.Check(t, filepath.Join(golden, name+".json"), got)
			})
		}
	}
}

// demoFixtures returns the demo negotiation's versions and the absolute
// directory of their files.
func demoFixtures(t *testing.T) ([]fixtures.Version, string) {
	t.Helper()
	vs, err := fixtures.Versions()
	if err != nil {
		t.Fatal(err)
	}
	dir, err := filepath.Abs(filepath.Join("..", "fixtures"))
	if err != nil {
		t.Fatal(err)
	}
	return vs, dir
}

// testdataDir is this package's testdata, absolute: the tests change
// directory to where their inputs are, so each resolves it first.
func testdataDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// sums collects "sha256  name" lines, compared at the end with one golden.
type sums struct {
	lines []string
}

func (s *sums) add(name string, out []byte) {
	h := sha256.Sum256(out)
	s.lines = append(s.lines, fmt.Sprintf("%s  %s (%d bytes)", hex.EncodeToString(h[:]), name, len(out)))
}

func (s *sums) check(t *testing.T, golden string) {
	t.Helper()
	goldenfile.Check(t, golden, []byte(strings.Join(s.lines, "\n")+"\n"))
}

// TestDiffJSONCorpus compares consecutive steps of each La Fabrique bill,
// consecutive CASF versions and the two RCM versions.
func TestDiffJSONCorpus(t *testing.T) {
	golden := filepath.Join(testdataDir(t), "diffjson", "corpus.sha256")
	root := corpus.Dir(t)
	var s sums
	groups := []string{"raw/lafabrique/*/steps/*.txt", "raw/legi_casf_rsa/*.md", "raw/rcm_1998/*.md"}
	for _, pattern := range groups {
		files := corpus.Files(t, pattern)
		for i := 0; i+1 < len(files); i++ {
			old, new := files[i], files[i+1]
			if filepath.Dir(old) != filepath.Dir(new) { // another bill
				continue
			}
			rel, err := filepath.Rel(root, new)
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Join(filepath.Dir(rel), filepath.Base(old)+" → "+filepath.Base(new))
			s.add(name, diffJSON(t, filepath.Dir(old), filepath.Base(old), filepath.Base(new)))
		}
	}
	s.check(t, golden)
}

// TestDiffJSONBench compares the pairs bench/diff.sh times: the synthetic
// 1 MB convention with 5 % of its articles edited, and the real-text pair
// made of the sixteen steps of a bill with one paragraph in twenty edited.
func TestDiffJSONBench(t *testing.T) {
	golden := filepath.Join(testdataDir(t), "diffjson")
	t.Run("synthetic", func(t *testing.T) {
		var s sums
		base := synth.Base(1<<20, 1)
		s.add("synthetic 1 MB, 5 %", diffPair(t, t.TempDir(), ".md", base, synth.Edit(base, 0.05, 2)))
		s.check(t, filepath.Join(golden, "bench-synthetic.sha256"))
	})
	t.Run("bill", func(t *testing.T) {
		var s sums
		old, new := synth.Bill(corpus.Read(t, corpus.BillSteps), 0.05, 2)
		s.add("real text pjl16-580, 5 %", diffPair(t, t.TempDir(), ".txt", old, new))
		s.check(t, filepath.Join(golden, "bench-bill.sha256"))
	})
}

// diffPair writes two generated versions under dir and diffs them.
func diffPair(t *testing.T, dir, ext string, old, new synth.Version) []byte {
	t.Helper()
	for name, v := range map[string]synth.Version{"old" + ext: old, "new" + ext: new} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(v.Text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return diffJSON(t, dir, "old"+ext, "new"+ext)
}
