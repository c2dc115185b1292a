package tui

import (
	"testing"

	"github.com/avenant-dev/avenant/fixtures/demo"
)

// FixtureSource is the demo negotiation (package fixtures) in a temporary
// store, as avenant demo opens it: the TUI tests' data, read through the
// store as every command reads it. The store is removed when t ends.
func FixtureSource(t testing.TB) Source {
	t.Helper()
	s, remove, err := demo.Open()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(remove)
	return NewStoreSource(s)
}
