package amend

import (
	"strings"

	"github.com/avenant-dev/avenant/clause"
)

// Attribute maps the traces onto doc, the consolidated text as a reader
// parses it back from Text: byNew gives, for a clause of doc, the
// instructions that changed or inserted it, each with the text it left;
// byOld, for a clause of the base, the instructions that removed it
// ("Article 1er; Article 4, 2°").
//
// write is built so that doc has the clauses of r.Doc one for one (the
// package's tests hold it to that on the fixtures and the corpus); should
// a text read otherwise, clauses are paired in order by kind, number and
// heading, and a trace with no partner is left out rather than misplaced.
func (r *Result) Attribute(doc *clause.Document) (byNew map[int][]Step, byOld map[int]string) {
	byNew, byOld = map[int][]Step{}, map[int]string{}
	pos := make([]int, len(r.Doc.Clauses))
	if len(doc.Clauses) == len(r.Doc.Clauses) {
		for i := range pos {
			pos[i] = i
		}
	} else {
		j := 0
		for i, c := range r.Doc.Clauses {
			pos[i] = -1
			for k := j; k < len(doc.Clauses); k++ {
				d := &doc.Clauses[k]
				if d.Kind == c.Kind && d.Number == c.Number && d.Heading == c.Heading {
					pos[i], j = k, k+1
					break
				}
			}
		}
	}
	for _, t := range r.Traces {
		switch {
		case t.New >= 0 && pos[t.New] >= 0:
			byNew[pos[t.New]] = t.Steps
		case t.New < 0 && t.Old >= 0:
			byOld[t.Old] = JoinBy(t.Steps)
		}
	}
	return byNew, byOld
}

// JoinBy names the instructions of steps in one string, as changes.json
// and the reports cite them: "Article 1er; Article 4, 2°".
func JoinBy(steps []Step) string {
	names := make([]string, len(steps))
	for i, st := range steps {
		names[i] = st.By
	}
	return strings.Join(names, "; ")
}
