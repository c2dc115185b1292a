package corpus

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// recorder stands in for a test: it records how Dir ended it.
type recorder struct {
	testing.TB
	skipped, failed string
}

func (r *recorder) Helper() {}
func (r *recorder) Skipf(format string, args ...any) {
	r.skipped = fmt.Sprintf(format, args...)
	runtime.Goexit()
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func runDir(r *recorder) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		Dir(r)
	}()
	<-done
}

func TestAbsentCorpusSkipsOrFails(t *testing.T) {
	saved := root
	t.Cleanup(func() { root = saved })
	root = filepath.Join(t.TempDir(), "no-corpus")

	t.Setenv(EnvRequired, "")
	r := &recorder{TB: t}
	runDir(r)
	if r.failed != "" || !strings.Contains(r.skipped, root) || !strings.Contains(r.skipped, EnvRequired) {
		t.Errorf("without %s: skipped %q, failed %q; want a skip naming the path and the variable", EnvRequired, r.skipped, r.failed)
	}

	t.Setenv(EnvRequired, "1")
	r = &recorder{TB: t}
	runDir(r)
	if r.skipped != "" || !strings.Contains(r.failed, root) {
		t.Errorf("with %s=1: skipped %q, failed %q; want a failure naming the path", EnvRequired, r.skipped, r.failed)
	}
}

func TestPresentCorpusMissingFileFails(t *testing.T) {
	saved := root
	t.Cleanup(func() { root = saved })
	root = t.TempDir()
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		Files(r, "raw/*/*.md")
	}()
	<-done
	if r.skipped != "" || !strings.Contains(r.failed, "raw/*/*.md") {
		t.Errorf("skipped %q, failed %q; want a failure naming the pattern", r.skipped, r.failed)
	}
}
