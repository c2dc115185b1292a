package tui

import (
	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/store"
)

// Source is everything the TUI reads. Revisions are version labels; clause
// ids are the Clause.ID values of the documents that Diff returns, which a
// store keeps stable across renumbering.
//
// Versions, history entries and blame spans are the store's own types
// (store.Version, store.LogEntry, store.Span), the one description of a
// version in avenant: a source that is not a store (two files compared in
// memory) fills the fields it knows and leaves the store's bookkeeping
// (Seq, Parent, Commit, Changes) empty.
type Source interface {
	// Versions lists the versions, oldest first.
	Versions() ([]store.Version, error)
	// Diff compares two versions clause by clause.
	Diff(base, head string) (*clause.Diff, error)
	// Log lists the versions in which the clause changed, oldest first,
	// on the line of versions that leads to at (the version in which the
	// id was read): entries are never OffLine.
	Log(clauseID, at string) ([]store.LogEntry, error)
	// Blame cuts the clause's text as of version at into spans, each
	// attributed to the version that introduced it.
	Blame(clauseID, at string) ([]store.Span, error)
}
