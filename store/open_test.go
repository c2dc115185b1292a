package store

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/internal/sanitize"
)

// TestOpenNamesTheDirGiven: an error names the directory as the user gave
// it, escapes written out, once; the one-line message that drops escapes
// would otherwise name a directory the user never gave.
func TestOpenNamesTheDirGiven(t *testing.T) {
	tmp := t.TempDir()
	cases := []struct{ dir, want string }{
		{filepath.Join(tmp, "x\x1b[31my"), `"` + tmp + `/x\x1b[31my": no such file or directory`},
		{filepath.Join(tmp, "plain"), tmp + "/plain: no such file or directory"},
	}
	for _, c := range cases {
		_, err := Open(c.dir)
		if err == nil {
			t.Fatalf("Open(%q) opened", c.dir)
		}
		if got := sanitize.Line(err.Error()); got != c.want {
			t.Errorf("Open(%q):\n got %s\nwant %s", c.dir, got, c.want)
		}
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Open(%q): %v is not fs.ErrNotExist", c.dir, err)
		}
		if strings.Count(err.Error(), "plain") > 1 {
			t.Errorf("Open(%q) names it twice: %v", c.dir, err)
		}
	}
}
