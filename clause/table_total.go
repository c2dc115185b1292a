package clause

import (
	"strings"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// A table may close on the sum of its prices ("| Total | | 56,50 € |",
// "TOTAL GÉNÉRAL   56,50 €", "Sous-total"). Keyed by its first cell as
// a row without a code is, it stood in the tariff grid as an act coded
// "Total", and its change read "amount Total: 56,50 € → 57,50 €", as if
// an act of that name were priced anew. Such a row stays a row of its
// table (so that it is paired with its counterpart, and its change still
// fails the gate as any amount of a tariff table does), but it prices no
// act: its facts have no subject, and the grid leaves it out.

// totalRow reports a row keyed by the word that closes a table on its
// sum: "Total", "Totaux", "Sous-total", and the same followed by what it
// sums ("Total général", "TOTAL HT", "Sous-total consultations").
func totalRow(key string) bool {
	key = strings.Trim(key, " *:.`_")
	if !totalWordFirst(key) {
		return false
	}
	k := frtext.Fold(key)
	k = strings.Replace(k, "sous total", "sous-total", 1)
	for _, w := range [...]string{"total", "totaux", "sous-total", "sous-totaux"} {
		if k == w || strings.HasPrefix(k, w+" ") || strings.HasPrefix(k, w+":") {
			return true
		}
	}
	return false
}

// totalWordFirst reports text that may open on one of totalRow's words,
// which are unaccented: every line of a text is asked whether it closes
// a table, and folding whole paragraphs to answer no doubled the cost of
// a diff.
func totalWordFirst(s string) bool {
	return len(s) >= 5 && (strings.EqualFold(s[:4], "tota") || strings.EqualFold(s[:4], "sous"))
}
