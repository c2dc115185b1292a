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
