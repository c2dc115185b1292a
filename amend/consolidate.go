package amend

import (
	"errors"
	"fmt"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/reader"
)

// Consolidation is an amending text applied to its base: the text a
// reader gets, the document the store imports, and which instruction
// changed which clause.
type Consolidation struct {
	// Text is the consolidated text in the base's format.
	Text string
	// Doc is Text read back as any imported text is (reader.Decode, then
	// clause.Parse).
	Doc *clause.Document
	// ByNew lists, for a clause of Doc (by index), the instructions that
	// changed it, each with the text it left; ByOld names, for a clause of
	// the base, those that removed it.
	ByNew map[int][]Step
	ByOld map[int]string
	// Own lists the avenant's own provisions (articles that amend
	// nothing), which are not part of the consolidated text: the caller
	// says so rather than drop them unsaid.
	Own []string
	// Notes say, for each instruction that named no clause it changed
	// ("dans l'ensemble de la convention, …"), which it changed:
	// "Article 1er: changed in chapitre 2: article 12, article 13".
	Notes []string
}

// Consolidate reads amending (the text of an avenant, as reader gives it)
// as amending instructions and applies them all to base, written back in
// format: parse, apply and Result.Attribute in one step, what avenant
// apply, diff --amends and import --amends share. A text without any
// instruction is an error.
func Consolidate(base *clause.Document, amending string, format Format) (*Consolidation, error) {
	return ConsolidateKeeping(base, nil, amending, format)
}

// ConsolidateKeeping is Consolidate, the text written with the base's
// no-break spaces (ReadSpaces) wherever it is still the base's; spaces
// may be nil. The document read back holds plain spaces, as any text read.
func ConsolidateKeeping(base *clause.Document, spaces *Spaces, amending string, format Format) (*Consolidation, error) {
	amendingDoc, err := clause.ParseBounded(amending)
	if err != nil {
		return nil, err
	}
	set, err := parse(amendingDoc)
	if err != nil {
		return nil, err
	}
	if len(set.Instructions) == 0 {
		if set.unnamed != nil {
			// A text of articles of its own, one of which sets a value:
			// a consolidated text, or an avenant written so.
			return nil, fmt.Errorf("no amending instruction in it (%w)", set.unnamed)
		}
		return nil, errors.New("no amending instruction in it")
	}
	res, err := apply(base, set, format)
	if err != nil {
		return nil, err
	}
	text, err := reader.Decode([]byte(res.Text))
	if err != nil {
		return nil, fmt.Errorf("the consolidated text: %w", err)
	}
	doc, err := clause.ParseBounded(text)
	if err != nil {
		return nil, fmt.Errorf("the consolidated text: %w", err)
	}
	byNew, byOld := res.Attribute(doc)
	printed := res.Text
	if spaces != nil {
		printed = spaces.print(base, res, doc, format)
	}
	return &Consolidation{Text: printed, Doc: doc, ByNew: byNew, ByOld: byOld, Own: set.Own, Notes: res.Notes}, nil
}
