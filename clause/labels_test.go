package clause

import (
	"strings"
	"testing"
)

// TestLabelsApart: a code alone on its line labels the price under it,
// unless the codes are listed apart from the prices (a table exported
// column by column: "G", "VG", then "30 €", "35 €"), where the nearest
// code above a price is no row's: 30 € and 35 € were both VG's, G's price
// lost. They are now tied to no code.
func TestLabelsApart(t *testing.T) {
	for _, tc := range []struct{ name, old, new, want string }{
		{"rows", "G\nConsultation\n26,50 €\n\nVG\nVisite\n35 €", "G\nConsultation\n26,50 €\n\nVG\nVisite\n36 €", "VG: 35 € → 36 €"},
		{"columns apart", "Code\n\nG\n\nVG\n\nTarif\n\n30 €\n\n35 €", "Code\n\nG\n\nVG\n\nTarif\n\n31 €\n\n35 €", ": 30 € → 31 €"},
		{"one label", "G\n\n30 €", "G\n\n31 €", "G: 30 € → 31 €"},
	} {
		var got []string
		for _, f := range compareFacts(tc.old, tc.new, "", nil) {
			got = append(got, f.Subject+": "+f.Old+" → "+f.New)
		}
		if s := strings.Join(got, "; "); s != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, s, tc.want)
		}
	}
}
