package render

import "testing"

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		n    int
		noun string
		want string
	}{
		{0, "span", "0 spans"},
		{1, "span", "1 span"},
		{2, "span", "2 spans"},
		{1, "change", "1 change"},
		{21, "change", "21 changes"},
		{1, "match", "1 match"},
		{3, "match", "3 matches"},
		{1, "clause", "1 clause"},
		{2, "fact", "2 facts"},
	} {
		if got := Count(tc.n, tc.noun); got != tc.want {
			t.Errorf("Count(%d, %q) = %q, want %q", tc.n, tc.noun, got, tc.want)
		}
	}
}
