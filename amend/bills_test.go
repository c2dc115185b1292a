package amend

import (
	"path/filepath"
	"testing"

	"github.com/avenant-dev/avenant/internal/corpus"
)

// Every article of the bills (lafabrique: a constitutional revision, two
// organic laws amending the code électoral, the code pénal, lois and
// ordonnances), laid alone against the demo's convention, whose articles
// bear the same numbers as theirs, must amend nothing there: each is
// refused, or is the bill's own provision. An article applied would have
// changed the convention's article of the number the bill gives another
// text's. Before, "II. - L'article L. O. 135-2 du même code est
// remplacé…" applied to any article L. O. 135-2, the code unread.
func TestBillsAmendNoConvention(t *testing.T) {
	if corpus.Optional(t) == "" {
		return
	}
	base := fixture(t, "05-convention-2024-06.md")
	for _, path := range corpus.Files(t, "raw/lafabrique/*/steps/*.txt") {
		doc := readDoc(t, path)
		for _, u := range unitsOf(doc) {
			if u.Text == "" {
				continue
			}
			// Each instruction alone, read in its article (« du même
			// code » is the code named before): the first refused would
			// hide the others.
			set, err := parse(amendDoc("## Article 1er\n\n" + u.Text))
			if err != nil {
				continue
			}
			for _, in := range set.Instructions {
				if _, err := apply(base, &Set{Instructions: []Instruction{in}}, Markdown); err == nil {
					t.Errorf("%s, %s, %s: applied to the convention: %.200s", filepath.Base(filepath.Dir(filepath.Dir(path)))+"/"+filepath.Base(path), u.Heading, in.By, in.Text)
				}
			}
		}
	}
}
