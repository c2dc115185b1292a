// Package tui is avenant's terminal interface for negotiators: the timeline
// of versions, the clause outline of the head version badged with what
// changed since the base, the word-level diff of a clause with its typed
// facts, and the clause's history and blame.
//
// The package knows nothing of git: it reads its data through Source, a
// small interface over the store's own types (store.Version, LogEntry,
// Span), implemented on a store by NewStoreSource: two files compared
// without a store are imported into a temporary one, and the tests read
// the embedded demo negotiation so, so that history and blame have one
// implementation, the store's. Every call to a Source runs inside a tea.Cmd that
// returns a named message; a failure becomes an errMsg that the root model
// shows on its status line.
//
// The root Model holds the current screen and an error state. Each screen
// (versions, outline, diff, history, blame) is one file and one type with
// SetSize, its key help and a lowercase update that returns its own
// concrete type, so only Model implements tea.Model. What a screen draws
// comes from pure render functions of values, styles and size, which is
// what the golden tests pin down; they lay out only the rows that are
// visible, so a 5,000-clause outline costs no more to draw than a short one.
//
// Document text is untrusted: it goes through render.Clean before it is
// laid out, so that a hostile file cannot move the cursor or retitle the
// terminal.
package tui
