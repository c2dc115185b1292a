package clause

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"
	"github.com/avenant-dev/avenant/internal/synth"
)

// TestSlugJoinFastPath holds numberSlug's shortcut for normalised numbers
// to the general rule: the prefix, a hyphen and SlugMax of the number.
func TestSlugJoinFastPath(t *testing.T) {
	general := func(prefix, s string) string {
		if t := frtext.SlugMax(s, 3*maxSlug); t != "" {
			return prefix + "-" + t
		}
		return prefix
	}
	probes := []string{"", "1", "28.1", "l.162.5", "2.bis.aa", ".1", "1.", "1..2", "É", "a-b", "A", "1 2",
		"123456789.123456789.123456789.123456789.123456789.123456789.123456789.123456789.123456789.123456789.123456789.123456789.12"}
	for s := range synth.Strings(3, []string{"a", "z", "0", "9", "12", "bis", ".", "..", "-", "A", "é", " "}, 50, 50000) {
		probes = append(probes, s)
	}
	for _, s := range probes {
		if got, want := numberSlug("art", s), general("art", s); got != want {
			t.Errorf("numberSlug(art, %q) = %q, want %q", s, got, want)
		}
	}
}

// TestLongerThan holds longerThan to a count of every rune, invalid bytes
// included.
func TestLongerThan(t *testing.T) {
	for s := range synth.Strings(4, []string{"a", "é", "€", "𝄞", "\xff", "\xe2\x82", " "}, 40, 20000) {
		for _, n := range []int{0, 1, 3, 5, 9, 20} {
			if got, want := longerThan(s, n), utf8.RuneCountInString(s) > n; got != want {
				t.Errorf("longerThan(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}

// TestLongNumberIDs: a number however long makes an id a store can name
// a file by (at most 100 bytes), and distinct ones stay distinct.
func TestLongNumberIDs(t *testing.T) {
	long := strings.Repeat("1", 110)
	in := "Article " + long + "\n\nUn.\n\nArticle " + long + "2\n\nDeux.\n\nArticle 3." + strings.Repeat("1.", 45) + "1\n\n| Code | Tarif |\n|---|---|\n| G | 30 € |\n"
	d := Parse(in)
	checkDocument(t, in, d)
	seen := map[string]bool{}
	for _, c := range d.Clauses {
		if len(c.ID) > 100 || seen[c.ID] {
			t.Errorf("id %q: %d bytes, or seen before", c.ID, len(c.ID))
		}
		seen[c.ID] = true
	}
	if len(d.Clauses) != 5 {
		t.Errorf("%d clauses:\n%s", len(d.Clauses), outline(d))
	}
}
