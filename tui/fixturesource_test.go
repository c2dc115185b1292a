package tui

import (
	"fmt"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/fixtures"
	"github.com/avenant-dev/avenant/store"
)

// FixtureSource builds a MemorySource from the demo negotiation (package
// fixtures): the TUI tests' data, parsed without a store.
func FixtureSource() (*MemorySource, error) {
	vs, err := fixtures.Versions()
	if err != nil {
		return nil, err
	}
	s := NewMemorySource()
	for _, fv := range vs {
		b, err := fixtures.FS.ReadFile(fv.File)
		if err != nil {
			return nil, fmt.Errorf("fixtures: %w", err)
		}
		v := store.Version{Label: fv.Label, Party: fv.Party, Kind: fv.Kind, Date: fv.Date, Base: fv.Base}
		if err := s.Add(v, clause.Parse(string(b))); err != nil {
			return nil, err
		}
	}
	return s, nil
}
