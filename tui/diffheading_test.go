package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/avenant-dev/avenant/clause"
)

// TestDiffShowsHeadingChange: the diff screen showed a clause's old and
// new headings in its title only, and nothing of a cosmetic heading
// change ("TITRE I – Dispositions générales" → "… DISPOSITIONS
// GÉNÉRALES"), while the text and Markdown diffs print its word diff;
// it now prints the same "heading:" line, inline and side by side.
func TestDiffShowsHeadingChange(t *testing.T) {
	old := clause.Parse("TITRE I – Dispositions générales\n\nArticle 1\n\nLe présent accord s’applique.\n")
	new := clause.Parse("TITRE I – DISPOSITIONS GÉNÉRALES\n\nArticle 1\n\nLe présent accord s’applique.\n")
	d := clause.Compare(old, new, clause.CompareOptions{})
	c := -1
	for i, ch := range d.Changes {
		if ch.Kind == clause.Cosmetic {
			c = i
		}
	}
	if c < 0 {
		t.Fatalf("no cosmetic change in %+v", d.Changes)
	}
	for _, side := range []bool{false, true} {
		lines := renderDiffLines(d, c, "a", "b", side, defaultStyles(true), 80)
		view := ansi.Strip(strings.Join(lines, "\n"))
		if !strings.Contains(view, "heading: [-Dispositions générales-]{+DISPOSITIONS GÉNÉRALES+}") {
			t.Errorf("side=%v: no heading diff:\n%s", side, view)
		}
		if !strings.Contains(view, "cosmetic") {
			t.Errorf("side=%v: not said cosmetic:\n%s", side, view)
		}
	}
}
