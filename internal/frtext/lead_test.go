package frtext

import (
	"strings"
	"testing"
)

// TestLead: the one-line excerpt that names a clause, bounded by words
// (a clause's label) or by runes (the lead that tells apart clauses
// printed alike).
func TestLead(t *testing.T) {
	for _, tc := range []struct {
		in          string
		words, most int
		want        string
	}{
		{"  Les parties\nconviennent\tde ce qui suit.", 8, 0, "Les parties conviennent de ce qui suit."},
		{"un deux trois quatre", 3, 0, "un deux trois…"},
		{"un deux", 2, 0, "un deux"},
		{"Le tarif\u00a0: 30 € par acte et par jour ouvré dans le cabinet médical", 0, 50, "Le tarif\u00a0: 30 € par acte et par jour ouvré dans le…"},
		{"Le tarif\u00a0: 30 €", 0, 50, "Le tarif\u00a0: 30 €"},
		{strings.Repeat("é", 80), 0, 50, strings.Repeat("é", 50) + "…"},
		{"", 8, 0, ""},
		{" \n ", 0, 50, ""},
	} {
		if got := Lead(tc.in, tc.words, tc.most); got != tc.want {
			t.Errorf("Lead(%q, %d, %d) = %q, want %q", tc.in, tc.words, tc.most, got, tc.want)
		}
	}
}

// TestAtWord: context around a change keeps the text as written, cut
// between words.
func TestAtWord(t *testing.T) {
	s := "Le médecin perçoit\nune rémunération forfaitaire"
	if got := HeadAtWord(s, 24); got != "Le médecin perçoit\nune" {
		t.Errorf("HeadAtWord = %q", got)
	}
	if got := TailAtWord(s, 20); got != "forfaitaire" {
		t.Errorf("TailAtWord = %q", got)
	}
	if HeadAtWord(s, 100) != s || TailAtWord(s, 100) != s {
		t.Error("a short text is not kept whole")
	}
}
