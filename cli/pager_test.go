package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// fakePager writes a pager script that records what it was given (its
// input, its LESS variable) in dir/got and prints "paged" on its output;
// with lines > 0 it reads that many lines and quits, as a user leaving
// less early.
func fakePager(t *testing.T, dir string, lines int) (script, got string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the fake pager is a shell script")
	}
	got = filepath.Join(dir, "got")
	read := "cat"
	if lines > 0 {
		read = fmt.Sprintf("head -n %d", lines)
	}
	script = filepath.Join(dir, "pager.sh")
	body := fmt.Sprintf("#!/bin/sh\n%s > '%s'\necho \"LESS=$LESS\" > '%s.env'\necho paged\n", read, got, got)
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return script, got
}

// runTTY runs avenant as on a terminal, with the environment env (a
// variable absent from env is unset).
func runTTY(args []string, tty bool, env map[string]string) (stdout, stderr string, code int) {
	var out, errb bytes.Buffer
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	code = Run(args, &IO{In: strings.NewReader(""), Out: &out, Err: &errb, OutTTY: tty,
		Getenv: func(k string) string { return env[k] }, LookupEnv: lookup})
	return out.String(), errb.String(), code
}

func TestPagerReceivesTheOutput(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "old.md"), exitDoc)
	writeFile(t, filepath.Join(dir, "new.md"), strings.Replace(exitDoc, "26,50 €", "30 €", 1))
	diff := []string{"diff", filepath.Join(dir, "old.md"), filepath.Join(dir, "new.md")}
	want, _, wantCode := runTTY(append(diff, "--no-pager"), true, map[string]string{"NO_COLOR": "1"})
	if want == "" || wantCode != ExitDiffers {
		t.Fatalf("diff without pager: status %d, output %q", wantCode, want)
	}

	script, got := fakePager(t, dir, 0)
	stdout, stderr, code := runTTY(diff, true, map[string]string{"AVENANT_PAGER": script, "PAGER": "false", "NO_COLOR": "1"})
	if code != wantCode || stderr != "" {
		t.Fatalf("paged diff: status %d (want %d), stderr %q", code, wantCode, stderr)
	}
	if stdout != "paged\n" {
		t.Errorf("the pager's output is not what reached the terminal: %q", stdout)
	}
	paged, err := os.ReadFile(got)
	if err != nil {
		t.Fatalf("the pager did not run: %v", err)
	}
	if string(paged) != want {
		t.Errorf("the pager got\n%s\nwant\n%s", paged, want)
	}
	env, _ := os.ReadFile(got + ".env")
	if strings.TrimSpace(string(env)) != "LESS=FRX" && os.Getenv("LESS") == "" {
		t.Errorf("LESS is not set for the pager: %q", env)
	}
}

// TestPagerNotUsed lists the cases where output goes straight to standard
// output: the pager must not even start.
func TestPagerNotUsed(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "old.md"), exitDoc)
	writeFile(t, filepath.Join(dir, "new.md"), strings.Replace(exitDoc, "26,50 €", "30 €", 1))
	diff := []string{"diff", filepath.Join(dir, "old.md"), filepath.Join(dir, "new.md")}
	script, got := fakePager(t, dir, 0)
	for _, tc := range []struct {
		name string
		args []string
		tty  bool
		env  map[string]string
	}{
		{"not a terminal", diff, false, map[string]string{"PAGER": script}},
		{"json to a pipe", append(diff, "--format", "json"), false, map[string]string{"PAGER": script}},
		{"--no-pager", append(diff, "--no-pager"), true, map[string]string{"PAGER": script}},
		{"--quiet", append(diff, "--quiet"), true, map[string]string{"PAGER": script}},
		{"PAGER=cat", diff, true, map[string]string{"PAGER": "cat"}},
		{"PAGER empty", diff, true, map[string]string{"PAGER": ""}},
		{"AVENANT_PAGER empty wins over PAGER", diff, true, map[string]string{"AVENANT_PAGER": "", "PAGER": script}},
		{"a command that is not paged", []string{"version"}, true, map[string]string{"PAGER": script}},
		{"an error before any output", []string{"diff", filepath.Join(dir, "missing.md"), filepath.Join(dir, "new.md")}, true, map[string]string{"PAGER": script}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			os.Remove(got)
			tc.env["NO_COLOR"] = "1"
			stdout, _, _ := runTTY(tc.args, tc.tty, tc.env)
			if _, err := os.Stat(got); err == nil {
				t.Errorf("the pager ran")
			}
			if strings.Contains(stdout, "paged") {
				t.Errorf("the pager's output reached standard output: %q", stdout)
			}
		})
	}
}

func TestPagerCommand(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{}, "less -FRX"},
		{map[string]string{"PAGER": "more"}, "more"},
		{map[string]string{"AVENANT_PAGER": "most", "PAGER": "more"}, "most"},
		{map[string]string{"PAGER": " cat "}, ""},
		{map[string]string{"TERM": "dumb"}, ""},
		{map[string]string{"TERM": "dumb", "PAGER": "more"}, "more"},
	} {
		root, g := newRoot(&IO{OutTTY: true, Getenv: func(k string) string { return tc.env[k] },
			LookupEnv: func(k string) (string, bool) { v, ok := tc.env[k]; return v, ok }}, nil)
		diff, _, err := root.Find([]string{"diff"})
		if err != nil {
			t.Fatal(err)
		}
		if got := g.pagerCommand(diff); got != tc.want {
			t.Errorf("%v: pager %q, want %q", tc.env, got, tc.want)
		}
	}
}

// TestPagerQuitEarly is the user leaving less after the first screen of a
// long diff: the rest of the output is dropped without an error message,
// and the exit status is the diff's.
func TestPagerQuitEarly(t *testing.T) {
	dir := t.TempDir()
	var old, new strings.Builder
	for i := 1; i <= 1500; i++ {
		fmt.Fprintf(&old, "### Article %d - Objet %d\n\nLe médecin doit informer le patient de la mesure numéro %d avant le terme prévu.\n\n", i, i, i)
		fmt.Fprintf(&new, "### Article %d - Objet %d\n\nLe médecin peut informer le patient de la mesure numéro %d avant le terme fixé.\n\n", i, i, i)
	}
	writeFile(t, filepath.Join(dir, "old.md"), old.String())
	writeFile(t, filepath.Join(dir, "new.md"), new.String())
	script, got := fakePager(t, dir, 3)
	stdout, stderr, code := runTTY([]string{"diff", filepath.Join(dir, "old.md"), filepath.Join(dir, "new.md")}, true,
		map[string]string{"PAGER": script, "NO_COLOR": "1"})
	if code != ExitDiffers || stderr != "" {
		t.Errorf("status %d (want %d), stderr %q", code, ExitDiffers, stderr)
	}
	if stdout != "paged\n" {
		t.Errorf("stdout %q", stdout)
	}
	paged, err := os.ReadFile(got)
	if err != nil || strings.Count(string(paged), "\n") != 3 {
		t.Errorf("the pager read %q (%v), want 3 lines", paged, err)
	}
}
