// Package gosource walks the module's own production Go files, for the
// tests that hold rules over the whole code base (sizes, start-up work).
package gosource

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"runtime"
	"strings"
)

// Walk calls fn with every production Go file of the module, parsed:
// test files, testdata and hidden directories left out.
func Walk(fn func(fset *token.FileSet, path string, f *ast.File)) error {
	// The module's root from this file's own path: tests change the
	// working directory.
	_, self, _, ok := runtime.Caller(0)
	if !ok {
		return errors.New("cannot locate the module")
	}
	root := filepath.Join(filepath.Dir(self), "..", "..")
	fset := token.NewFileSet()
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if path != root && errors.Is(err, fs.ErrNotExist) {
			return nil // a directory a test made and removed meanwhile
		}
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		fn(fset, path, f)
		return nil
	})
}
