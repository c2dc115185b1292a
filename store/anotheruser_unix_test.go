//go:build unix

package store

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// nobody is the user a test run as root drops to.
const nobody = 65534

// asAnotherUser runs the test named by run, from this test binary, as
// another user than root (nobody), with env added; it fails t when that
// run fails. Every directory from dir up to the temporary directory is
// opened to others (t.TempDir makes them 0700), and the binary is copied
// where they may run it (go test builds it in a directory of mode 0700).
func asAnotherUser(t *testing.T, dir, run string, env ...string) {
	t.Helper()
	// Above the temporary directory nothing is this test's to open.
	for d := os.TempDir(); ; d = filepath.Dir(d) {
		if fi, err := os.Stat(d); err != nil || fi.Mode().Perm()&0o001 == 0 {
			t.Skipf("%s is closed to other users (TMPDIR): no other user can reach the store", d)
		}
		if d == filepath.Dir(d) {
			break
		}
	}
	for d := dir; strings.HasPrefix(d, os.TempDir()+string(filepath.Separator)); d = filepath.Dir(d) {
		fi, err := os.Stat(d)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(d, fi.Mode().Perm()|0o005); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(t.TempDir(), "store.test")
	if err := copyFile(os.Args[0], bin); err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	for _, p := range []string{filepath.Dir(bin), home} {
		if err := os.Chmod(p, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(bin, "-test.run="+run, "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), append(env, "HOME="+home, "TMPDIR="+home)...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s as user %d: %v\n%s", run, nobody, err, out)
	}
	if !strings.Contains(string(out), "--- PASS") {
		t.Fatalf("%s as user %d ran nothing:\n%s", run, nobody, out)
	}
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
