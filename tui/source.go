package tui

import "github.com/avenant-dev/avenant/clause"

// Version is one imported version as the TUI shows it.
type Version struct {
	// Label names the version ("CNAM-2024-02"); revisions passed back to a
	// Source are labels.
	Label string
	Party string
	// Kind is free text: "proposition", "contre-proposition", "convention"…
	Kind string
	// Date is the document's date, YYYY-MM-DD.
	Date string
	// Base is the label of the version this one answers, "" for the first.
	Base string
	// Commit is the store's commit, "" for an in-memory source.
	Commit  string
	Clauses int
}

// LogEntry is one version in which a clause changed.
type LogEntry struct {
	Version Version
	// ID is the clause the entry is about, as that version calls it: the
	// logged clause, or one its text came from (a clause it was split off
	// or that was merged into it); empty means the logged clause.
	ID string
	// Number is the clause's number in that version ("" when removed or
	// unnumbered).
	Number string
	// Change is what happened to the clause in that version.
	Change     clause.ChangeKind
	Renumbered bool
	Moved      bool
	// By names the amending instructions behind the change, for a version
	// imported from an amending text ("Article 2, 1°").
	By string
}

// Span is a stretch of a clause's text attributed to the version that
// introduced it.
type Span struct {
	Text    string
	Version Version
}

// Source is everything the TUI reads. Revisions are version labels; clause
// ids are the Clause.ID values of the documents that Diff returns, which a
// store keeps stable across renumbering.
type Source interface {
	// Versions lists the versions, oldest first.
	Versions() ([]Version, error)
	// Diff compares two versions clause by clause.
	Diff(base, head string) (*clause.Diff, error)
	// Log lists the versions in which the clause changed, oldest first;
	// at is the version in which the id was read.
	Log(clauseID, at string) ([]LogEntry, error)
	// Blame cuts the clause's text as of version at into spans, each
	// attributed to the version that introduced it.
	Blame(clauseID, at string) ([]Span, error)
}
