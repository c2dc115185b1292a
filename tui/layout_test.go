package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/avenant-dev/avenant/clause"
)

func TestElideKeepsBothEnds(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width int
		want  string
	}{
		{"CASF_L262_2008-01", 20, "CASF_L262_2008-01   "},
		{"CASF_L262_2008-01", 11, "CASF_…08-01"},
		{"CASF_L262_2008-07", 11, "CASF_…08-07"},
		{"UNCAM et syndicats signataires", 16, "UNCAM et…ataires"},
	} {
		got := elide(tc.in, tc.width)
		if got != tc.want || ansi.StringWidth(got) != tc.width {
			t.Errorf("elide(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
	}
}

// TestSummaryKeepsFacts: at 80 columns the summary leaves out unchanged
// and cosmetic counts before the facts changed.
func TestSummaryKeepsFacts(t *testing.T) {
	s := clause.Summary{Modified: 7, Added: 1, Removed: 2, Merged: 1, Cosmetic: 1, Unchanged: 72, Renumbered: 3, FactsChanged: 18}
	prefix := "RA-2023 → CNAM-2024-02 · "
	got := summaryFitting(s, prefix, 80)
	if !strings.Contains(got, "18 facts changed") || ansi.StringWidth(got) > 80 {
		t.Errorf("at 80: %q", got)
	}
	if wide := summaryFitting(s, prefix, 200); !strings.Contains(wide, "72 unchanged") {
		t.Errorf("at 200 the counts are all there: %q", wide)
	}
}

// TestColumnsFollowContent: at 200 columns parties and labels are whole,
// not cut at a fixed width.
func TestColumnsFollowContent(t *testing.T) {
	src := FixtureSource(t)
	m := start(t, src, Options{}, 200, 50)
	for _, ks := range [][]string{{"v"}, {":", "10", "enter", "h"}} {
		got := screenText(drive(t, m, keys(ks...)...))
		if !strings.Contains(got, "UNCAM et syndicats signataires") {
			t.Errorf("%q: party cut:\n%s", ks, got)
		}
	}
}
