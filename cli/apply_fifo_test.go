//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A base given as a pipe ("avenant apply <(git show v1:convention.md)
// avenant.md") is read once: apply read it a second time for its no-break
// spaces, and waited there for ever on the drained pipe.
func TestApplyBaseFromPipe(t *testing.T) {
	base, err := os.ReadFile(filepath.Join("..", "fixtures", "05-convention-2024-06.md"))
	if err != nil {
		t.Fatal(err)
	}
	amendment := filepath.Join("..", "fixtures", "06-avenant-1-2025-amendements.md")
	dir := t.TempDir()
	file := filepath.Join(dir, "base.md")
	if err := os.WriteFile(file, base, 0o600); err != nil {
		t.Fatal(err)
	}
	want, stderr, code := runCLI(t, "apply", file, amendment)
	if code != 0 {
		t.Fatalf("apply from a file: exit %d: %s", code, stderr)
	}
	pipe := filepath.Join(dir, "pipe.md")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skipf("cannot make a named pipe: %v", err)
	}
	go func() {
		// One writer, once, as a shell's process substitution gives.
		w, err := os.OpenFile(pipe, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		w.Write(base)
		w.Close()
	}()
	type result struct {
		out, err string
		code     int
	}
	done := make(chan result, 1)
	go func() {
		out, errs, code := runCLI(t, "apply", pipe, amendment)
		done <- result{out, errs, code}
	}()
	select {
	case r := <-done:
		if r.code != 0 {
			t.Fatalf("apply from a pipe: exit %d: %s", r.code, r.err)
		}
		if r.out != want {
			t.Errorf("apply from a pipe printed another text than from the file")
		}
	case <-time.After(20 * time.Second):
		// Unblock the second open so the goroutine can end with the test.
		if w, err := os.OpenFile(pipe, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close()
		}
		t.Fatal("apply from a pipe did not end: the base was read twice")
	}
}
