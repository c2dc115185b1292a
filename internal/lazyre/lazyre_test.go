package lazyre

import (
	"go/ast"
	"go/token"
	"sync"
	"testing"

	"github.com/avenant-dev/avenant/internal/gosource"
)

func TestCompiledOnFirstUse(t *testing.T) {
	built := 0
	re := Build(func() string { built++; return `^a(b+)$` })
	if built != 0 {
		t.Fatal("the pattern was assembled before its first use")
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if m := re.FindStringSubmatch("abb"); len(m) != 2 || m[1] != "bb" {
				t.Errorf("FindStringSubmatch(abb) = %q", m)
			}
		})
	}
	wg.Wait()
	if built != 1 {
		t.Errorf("pattern assembled %d times, want once", built)
	}
}

func TestBadPatternPanicsOnUse(t *testing.T) {
	re := New(`(`)
	defer func() {
		if recover() == nil {
			t.Error("a bad pattern did not panic on use")
		}
	}()
	re.MatchString("x")
}

// TestNothingCompiledAtStartUp keeps package-level variables of the module
// from compiling patterns or parsing templates: that work would run at the
// start of every command.
func TestNothingCompiledAtStartUp(t *testing.T) {
	eager := map[string]bool{"regexp.MustCompile": true, "regexp.Compile": true, "template.Must": true}
	err := gosource.Walk(func(fset *token.FileSet, _ string, f *ast.File) {
		for _, decl := range f.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			ast.Inspect(g, func(n ast.Node) bool {
				if _, ok := n.(*ast.FuncLit); ok {
					return false // runs when called, not at start-up
				}
				if call, ok := n.(*ast.CallExpr); ok {
					if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
						if x, ok := sel.X.(*ast.Ident); ok && eager[x.Name+"."+sel.Sel.Name] {
							t.Errorf("%s: %s.%s at start-up; use lazyre or sync.OnceValue", fset.Position(call.Pos()), x.Name, sel.Sel.Name)
						}
					}
				}
				return true
			})
		}
	})
	if err != nil {
		t.Fatal(err)
	}
}
