package render

import "github.com/avenant-dev/avenant/clause"

// The JSON documents avenant writes, side by side: each avenant.*/v1 schema
// of the public contract is one set of structs here, whose field order is
// the order of the keys written. Commands fill them from the store or the
// documents and write them with WriteJSON; the text views of the same data
// read the same structs. (avenant.check/v1 is written by package check,
// whose findings it lists; its sides are Side.)

// VersionsSchema names the JSON document of avenant versions.
const VersionsSchema = "avenant.versions/v1"

// VersionsDoc is the avenant.versions/v1 document: the versions, oldest
// first.
type VersionsDoc struct {
	Schema   string         `json:"schema"`
	Versions []VersionEntry `json:"versions"`
}

// VersionEntry is one version of avenant.versions/v1.
type VersionEntry struct {
	Label   string `json:"label"`
	Party   string `json:"party"`
	Kind    string `json:"kind"`
	Date    string `json:"date"`
	Commit  string `json:"commit"`
	Base    string `json:"base"`
	Clauses int    `json:"clauses"`
}

// LogSchema names the JSON document of avenant log.
const LogSchema = "avenant.log/v1"

// LogDoc is the avenant.log/v1 document: the versions in which a clause
// changed, oldest first.
type LogDoc struct {
	Schema  string     `json:"schema"`
	Clause  string     `json:"clause"`
	Entries []LogEntry `json:"entries"`
}

// LogEntry is one version of avenant.log/v1.
type LogEntry struct {
	// ID is the clause the entry is about: the one asked for, or one its
	// text came from (split off, merged in).
	ID         string            `json:"id"`
	Version    string            `json:"version"`
	Party      string            `json:"party"`
	Date       string            `json:"date"`
	Commit     string            `json:"commit"`
	Number     string            `json:"number"`
	Change     clause.ChangeKind `json:"change"`
	Renumbered bool              `json:"renumbered,omitempty"`
	Moved      bool              `json:"moved,omitempty"`
	Gone       bool              `json:"gone,omitempty"`
	Others     []string          `json:"others,omitempty"`
	// OffLine marks a version off the line that leads to --at.
	OffLine bool `json:"off_line,omitempty"`
	// By names the amending instructions that made the change, for a
	// version imported with --amends.
	By string `json:"by,omitempty"`
}

// BlameSchema names the JSON document of avenant blame.
const BlameSchema = "avenant.blame/v1"

// BlameDoc is the avenant.blame/v1 document: the clause's text as of At,
// cut into spans.
type BlameDoc struct {
	Schema string      `json:"schema"`
	Clause string      `json:"clause"`
	At     string      `json:"at"`
	Spans  []BlameSpan `json:"spans"`
}

// BlameSpan is a stretch of the text attributed to the version that wrote
// it.
type BlameSpan struct {
	Text    string `json:"text"`
	Version string `json:"version"`
	Party   string `json:"party"`
	Date    string `json:"date"`
	Commit  string `json:"commit"`
	// By names the amending instructions that wrote the span, for a
	// version imported with --amends.
	By string `json:"by,omitempty"`
	// Seq is the version's import order, which the text view uses to name
	// the newest version first; it is not written.
	Seq int `json:"-"`
}
