package render

import (
	"math"

	"github.com/avenant-dev/avenant/clause"
)

// NewDiffDoc builds the JSON view of a diff. Unchanged clauses are listed
// only when all is set, or when they carry facts (a reference left
// pointing to a renumbered article); the summary always counts everything.
func NewDiffDoc(d *clause.Diff, old, new Side, all bool) DiffDoc {
	old.Clauses = len(d.Old.Clauses)
	new.Clauses = len(d.New.Clauses)
	out := DiffDoc{Schema: DiffSchema, Old: old, New: new, Summary: d.Summary, Changes: []ChangeDoc{}}
	for i := range d.Changes {
		c := &d.Changes[i]
		if !all && !Listed(c) {
			continue
		}
		hunks := c.Hunks
		if hunks == nil {
			hunks = []clause.Hunk{}
		}
		facts := c.Facts
		if facts == nil {
			facts = []clause.Fact{}
		}
		out.Changes = append(out.Changes, ChangeDoc{
			Kind: c.Kind, Renumbered: c.Renumbered, Moved: c.Moved,
			Old:        refs(d.Old, c.Old),
			New:        refs(d.New, c.New),
			Similarity: math.Round(c.Similarity*100) / 100,
			Hunks:      hunks, Facts: facts,
		})
	}
	return out
}

// Listed reports whether a change is shown without --all: every change but
// an unchanged clause that kept its number and place and has no fact.
func Listed(c *clause.Change) bool {
	return c.Kind != clause.Unchanged || c.Renumbered || c.Moved || len(c.Facts) > 0
}

func refs(d *clause.Document, idx []int) []ClauseRef {
	out := make([]ClauseRef, 0, len(idx))
	for _, i := range idx {
		c := &d.Clauses[i]
		out = append(out, ClauseRef{ID: c.ID, Number: c.Number, Heading: c.Heading, Path: jsonPath(c)})
	}
	return out
}
