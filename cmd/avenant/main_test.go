package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/avenant-dev/avenant/internal/corpus"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"avenant": main})
}

// TestScript runs the end-to-end CLI cases of testdata/script/*.txtar: each
// runs the real avenant command and compares its output and exit status
// (`status N avenant ...` where the contract's exit code is not 0).
// $CORPUS points at ../shared/corpus (empty when absent: cases that need it
// skip themselves, unless AVENANT_CORPUS_REQUIRED=1 fails the run); $FIXTURES at the project's fixtures.
func TestScript(t *testing.T) {
	corpusDir := corpus.Optional(t)
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Cmds:                map[string]func(*testscript.TestScript, bool, []string){"status": cmdStatus},
		UpdateScripts:       os.Getenv("UPDATE_SCRIPTS") != "",
		Setup: func(env *testscript.Env) error {
			env.Setenv("FIXTURES", absPath("../../fixtures"))
			env.Setenv("CORPUS", corpusDir)
			env.Setenv("NO_COLOR", "1")
			return nil
		},
		Condition: func(cond string) (bool, error) {
			if cond == "corpus" {
				return corpusDir != "", nil
			}
			return false, nil
		},
	})
}

func absPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		panic(err)
	}
	return abs
}

// cmdStatus is `status N PROG [ARGS...]`: PROG runs as with exec, and the
// script fails unless it exits with status N exactly. `! exec` would accept
// any non-zero status, and the contract tells 1 (differences found) from
// 2 (error) apart.
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("usage: status N PROG [ARGS...] (no !: the status says what is expected)")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: status N PROG [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil || want < 0 {
		ts.Fatalf("status: %q is not an exit status", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			ts.Fatalf("status: %v", err)
		}
		got = exit.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// anyFailure is `! exec avenant`, which passes on any non-zero status.
var anyFailure = regexp.MustCompile(`(?m)^!\s*exec\s+avenant\b`)

// TestScriptsPinStatus keeps the scripts from drifting back to `! exec
// avenant`: returning 2 where the contract says 1 would pass unnoticed.
func TestScriptsPinStatus(t *testing.T) {
	files, err := filepath.Glob("testdata/script/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts found: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if loc := anyFailure.FindIndex(data); loc != nil {
			t.Errorf("%s: %q accepts any non-zero status; write `status N avenant ...` with the contract's code", f, data[loc[0]:loc[1]])
		}
	}
}
