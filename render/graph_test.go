package render

import (
	"strings"
	"testing"
)

func TestVersionGraph(t *testing.T) {
	v := func(label, base string) GraphVersion { return GraphVersion{Label: label, Base: base} }
	tests := []struct {
		name string
		list []GraphVersion // newest first
		want []string
	}{
		{"empty", nil, []string{}},
		{"chain", []GraphVersion{v("C", "B"), v("B", "A"), v("A", "")}, []string{"●", "●", "●"}},
		{"fork", []GraphVersion{v("D", "B"), v("C", "B"), v("B", "A"), v("A", "")}, []string{"●", "│ ●", "●─┘", "●"}},
		{"demo", []GraphVersion{v("AV1", "CONV"), v("CONV", "CNAM"), v("UF", "CNAM"), v("MGF", "CNAM"), v("CNAM", "RA"), v("RA", "")},
			[]string{"●", "●", "│ ●", "│ │ ●", "●─┴─┘", "●"}},
		{"a lane passes a fork", []GraphVersion{v("E", "A"), v("D", "B"), v("C", "B"), v("B", "A"), v("A", "")},
			[]string{"●", "│ ●", "│ │ ●", "│ ●─┘", "●─┘"}},
		{"two roots", []GraphVersion{v("B", ""), v("A", "")}, []string{"●", "●"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := VersionGraph(tt.list)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// Answers dated before the version they answer are drawn above it, each
// lane joining it; the newest version stays on top. Before (plain date
// order), FMF, answering CNAM but dated before it, sat below it on a lane
// of its own, and JM, answering MGF2, opened a lane under every version.
func TestGraphOrder(t *testing.T) {
	v := func(label, base string) GraphVersion { return GraphVersion{Label: label, Base: base} }
	// Oldest first, by date, as the store lists them.
	list := []GraphVersion{v("FMF", "CNAM"), v("CNAM", ""), v("SML", "CNAM"), v("JM", "MGF2"), v("CSMF", "CNAM"), v("MGF", "CNAM"), v("MGF2", "CSMF")}
	var labels []string
	var drawn []GraphVersion
	for _, i := range GraphOrder(list) {
		labels = append(labels, list[i].Label)
		drawn = append(drawn, list[i])
	}
	if got, want := strings.Join(labels, " "), "JM MGF2 MGF CSMF SML FMF CNAM"; got != want {
		t.Errorf("order %s, want %s", got, want)
	}
	if got, want := strings.Join(VersionGraph(drawn), "|"), "●|●|│ ●|● │|│ │ ●|│ │ │ ●|●─┴─┴─┘"; got != want {
		t.Errorf("graph %q, want %q", got, want)
	}
	if got := GraphOrder([]GraphVersion{v("A", "B"), v("B", "A")}); len(got) != 2 {
		t.Errorf("bases that loop: %v, want both versions", got)
	}
}
