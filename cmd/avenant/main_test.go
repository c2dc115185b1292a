package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	os.Exit(testscript.RunMain(m, map[string]func() int{"avenant": run}))
}

// TestScript runs the end-to-end CLI cases of testdata/script/*.txtar: each
// runs the real avenant command and compares its output and exit status.
// $CORPUS points at ../shared/corpus (empty when absent: cases that need it
// skip themselves); $FIXTURES at the project's fixtures.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       os.Getenv("UPDATE_SCRIPTS") != "",
		Setup: func(env *testscript.Env) error {
			env.Setenv("FIXTURES", absPath("../../fixtures"))
			if _, err := os.Stat("../../../shared/corpus"); err == nil {
				env.Setenv("CORPUS", absPath("../../../shared/corpus"))
			}
			env.Setenv("NO_COLOR", "1")
			return nil
		},
		Condition: func(cond string) (bool, error) {
			if cond == "corpus" {
				_, err := os.Stat("../../../shared/corpus")
				return err == nil, nil
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
