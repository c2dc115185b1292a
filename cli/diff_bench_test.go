package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/heap"
	"github.com/avenant-dev/avenant/internal/synth"
)

// BenchmarkDiffCommand runs `avenant diff --format json` in process on the
// two pairs bench/diff.sh times, files read and output written included:
// its B/op is what one diff allocates (the target is under 40 MB), and its
// time the command's CPU cost without process start.
func BenchmarkDiffCommand(b *testing.B) {
	b.Run("synthetic", func(b *testing.B) {
		base := synth.Base(1<<20, 1)
		benchDiffCommand(b, ".md", base, synth.Edit(base, 0.05, 2))
	})
	b.Run("bill", func(b *testing.B) {
		old, new := synth.Bill(corpus.Read(b, corpus.BillSteps), 0.05, 2)
		benchDiffCommand(b, ".txt", old, new)
	})
}

func benchDiffCommand(b *testing.B, ext string, old, new synth.Version) {
	dir := b.TempDir()
	oldPath, newPath := filepath.Join(dir, "old"+ext), filepath.Join(dir, "new"+ext)
	for path, v := range map[string]synth.Version{oldPath: old, newPath: new} {
		if err := os.WriteFile(path, []byte(v.Text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(len(old.Text) + len(new.Text)))
	// The heap laid out for a large input is the process's, once, not a
	// diff's: out of the bytes a diff allocates.
	heap.Expect(int64(len(old.Text) + len(new.Text)))
	b.ReportAllocs()
	var out, errb bytes.Buffer
	io := &IO{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(string) string { return "" }}
	for b.Loop() {
		out.Reset()
		if code := Run([]string{"diff", "--format", "json", oldPath, newPath}, io); code != ExitDiffers {
			b.Fatalf("status %d: %s", code, errb.String())
		}
	}
}
