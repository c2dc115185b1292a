package cli

import (
	"go/ast"
	"go/token"
	"testing"

	"github.com/avenant-dev/avenant/internal/gosource"
)

// Limits a reader can hold in mind: a production file of more than
// maxFileLines lines holds several concerns, a function of more than
// maxFuncLines several steps that deserve names.
const (
	maxFileLines = 900
	maxFuncLines = 100
)

// TestSizes keeps every production Go file of the module and every
// function in it within those limits.
func TestSizes(t *testing.T) {
	err := gosource.Walk(func(fset *token.FileSet, path string, f *ast.File) {
		if n := fset.File(f.Pos()).LineCount(); n > maxFileLines {
			t.Errorf("%s: %d lines, over %d", path, n, maxFileLines)
		}
		for _, decl := range f.Decls {
			if fn, ok := decl.(*ast.FuncDecl); ok {
				if n := fset.Position(fn.End()).Line - fset.Position(fn.Pos()).Line + 1; n > maxFuncLines {
					t.Errorf("%s: func %s is %d lines, over %d", path, fn.Name.Name, n, maxFuncLines)
				}
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
}
