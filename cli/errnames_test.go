package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestErrorsNameWhatWasGiven: an error echoing a name that holds escape
// sequences or bidi characters showed it cleaned, so it named another
// clause or file than the one given ("x\x1b[31m" read "x"); the line now
// writes them out, and still holds none. A --concordance that is a
// directory, missing or endless is one line naming it and what is wrong.
func TestErrorsNameWhatWasGiven(t *testing.T) {
	dir, st, doc := storeAndDoc(t)
	if _, stderr, code := runCLI(t, "import", doc, "--store", st, "--party", "CNAM", "--label", "v1"); code != 0 {
		t.Fatalf("import: %s", stderr)
	}
	if err := os.Mkdir(filepath.Join(dir, "conc.d"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"show", "v1", "x\x1b[31m", "--store", st}, `avenant: x\x1b[31m: unknown clause in v1`},
		{[]string{"show", "v1", "a\u202eb", "--store", st}, `avenant: a\u202eb: unknown clause in v1`},
		{[]string{"diff", "v1", "v\u009b2", "--store", st}, `avenant: v\u009b2: unknown revision`},
		{[]string{"diff", filepath.Join(dir, "absent\x1b[2J.md"), doc}, `absent\x1b[2J.md`},
		{[]string{"diff", doc, doc, "--concordance", filepath.Join(dir, "conc.d")}, "conc.d: is a directory, not a concordance file"},
		{[]string{"diff", doc, doc, "--concordance", filepath.Join(dir, "none")}, "none: no such file"},
		{[]string{"diff", doc, doc, "--concordance", "/dev/zero"}, "avenant: /dev/zero: over 1024 KiB, too large for a concordance file"},
	} {
		_, stderr, code := runCLI(t, tc.args...)
		if code != 2 {
			t.Errorf("%q: exit %d, want 2", tc.args, code)
		}
		if strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: stderr %q, want one line with %q", tc.args, stderr, tc.want)
		}
		assertQuotedOnly(t, "stderr", stderr)
	}
}
