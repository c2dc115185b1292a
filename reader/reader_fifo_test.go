//go:build unix

package reader

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A named pipe reports size 0 to Stat and then delivers as much as its
// writer sends: only the bounded read stops it.
func TestReadFileGrowingPastLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pipe.txt")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("cannot make a named pipe: %v", err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		w, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer w.Close()
		chunk := []byte(strings.Repeat("mot ", 256))
		for range 64 { // 64 KiB, far over the limit below
			if _, err := w.Write(chunk); err != nil {
				return // the reader stopped and closed its end
			}
		}
	}()
	_, err := ReadFile(path, Options{MaxSize: 4 << 10})
	<-done
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("error %v, want ErrTooLarge", err)
	}
	if want := path + ": file grew over the 4 KiB limit (--max-size)"; err.Error() != want {
		t.Errorf("message %q, want %q", err.Error(), want)
	}
}
