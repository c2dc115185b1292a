package reader

import (
	"errors"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/fixtures"
)

// fixtureNames are the demo texts every format is round-tripped through.
var fixtureNames = []string{
	"01-reglement-arbitral-2023.md",
	"02-cnam-proposition-2024-02.md",
	"05-convention-2024-06.md",
}

func fixture(t testing.TB, name string) string {
	t.Helper()
	b, err := fixtures.FS.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// mdLine is one non-blank line of a fixture, as the test writers see it.
type mdLine struct {
	level int    // markdown heading level, 0 for other lines
	row   bool   // a table row; separators are dropped
	text  string // without the markers; cells joined by "|" for rows
	cells []string
}

// mdLines cuts fixture markdown into the lines the format writers render:
// headings, table rows (the separator row left out), paragraphs.
func mdLines(md string) []mdLine {
	var out []mdLine
	for _, l := range strings.Split(md, "\n") {
		l = strings.TrimSpace(l)
		switch {
		case l == "":
		case strings.HasPrefix(l, "#"):
			n := len(l) - len(strings.TrimLeft(l, "#"))
			out = append(out, mdLine{level: n, text: strings.TrimSpace(l[n:])})
		case strings.HasPrefix(l, "|") || strings.HasPrefix(l, "{+}|") || strings.HasPrefix(l, "{-}|"):
			if isPipeSep(l) {
				continue
			}
			prefix := ""
			if strings.HasPrefix(l, "{") {
				prefix, l = l[:3], l[3:]
			}
			var cells []string
			for _, c := range strings.Split(strings.Trim(l, "|"), "|") {
				cells = append(cells, strings.TrimSpace(c))
			}
			out = append(out, mdLine{row: true, text: prefix, cells: cells})
		default:
			out = append(out, mdLine{text: l})
		}
	}
	return out
}

func isPipeSep(l string) bool { return strings.Trim(l, "|-: ") == "" }

// docWords is the text of every clause, headings included, as a sequence of
// words, table pipes and separators left out: what no format may change.
func docWords(d *clause.Document) []string {
	var out []string
	for _, c := range d.Clauses {
		for _, w := range strings.Fields(c.Heading + " " + c.Text) {
			if strings.Trim(w, "|-:") == "" {
				continue
			}
			out = append(out, w)
		}
	}
	return out
}

// sameOutline checks that got has the clauses of want: same kinds,
// numbers, keys and headings in the same order, and the same words. With
// numberedOnly, unnumbered clauses are left out of the outline comparison
// (a PDF has no markdown to tell a free title from a paragraph).
func sameOutline(t *testing.T, want, got *clause.Document, numberedOnly bool) {
	t.Helper()
	type entry struct{ kind, number, key, heading string }
	outline := func(d *clause.Document) []entry {
		var es []entry
		for _, c := range d.Clauses {
			if numberedOnly && c.Key == "" {
				continue
			}
			es = append(es, entry{string(c.Kind), c.Number, c.Key, c.Heading})
		}
		return es
	}
	w, g := outline(want), outline(got)
	if len(w) != len(g) {
		t.Errorf("outline has %d clauses, want %d", len(g), len(w))
	}
	for i := 0; i < min(len(w), len(g)); i++ {
		if w[i] != g[i] {
			t.Errorf("clause %d = %+v, want %+v", i, g[i], w[i])
			break
		}
	}
	ww, gw := docWords(want), docWords(got)
	for i := 0; i < min(len(ww), len(gw)); i++ {
		if ww[i] != gw[i] {
			t.Errorf("word %d = %q, want %q (context: %q)", i, gw[i], ww[i], strings.Join(gw[max(0, i-8):min(len(gw), i+8)], " "))
			return
		}
	}
	if len(ww) != len(gw) {
		t.Errorf("%d words, want %d", len(gw), len(ww))
	}
}

// checkError asserts a refusal: an *Error wrapping target whose message
// names the problem in one line.
func checkError(t *testing.T, err error, target error, contains string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %v", target)
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %T %v is not an *Error", err, err)
	}
	if !errors.Is(err, target) {
		t.Errorf("error %q is not %v", err, target)
	}
	if !strings.Contains(err.Error(), contains) {
		t.Errorf("error %q does not say %q", err, contains)
	}
	if strings.ContainsAny(err.Error(), "\n\r") {
		t.Errorf("error %q spans lines", err)
	}
}
