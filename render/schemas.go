package render

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/sanitize"
)

// The JSON documents avenant writes, side by side: each avenant.*/v1 schema
// of the public contract is one set of structs here, whose field order is
// the order of the keys written. Commands fill them from the store or the
// documents and write them with WriteJSON; the text views of the same data
// read the same structs. (avenant.check/v1 is written by package check,
// whose findings it lists; its sides are Side.)

// WriteJSON writes v as indented JSON followed by a newline, its strings
// cleaned of escape sequences: every JSON output goes through here.
func WriteJSON(w io.Writer, v any) error {
	var src []byte
	if d, ok := v.(DiffDoc); ok {
		// The one document that runs to megabytes: see appendDiffJSON.
		var err error
		if src, err = appendDiffJSON(nil, &d); err != nil {
			return err
		}
	} else {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			return err
		}
		src = b.Bytes()
	}
	// Strings are cleaned before the document is indented, which adds
	// white space outside them only.
	return writeIndented(w, sanitize.JSON(src))
}

// VersionRef names a version where a document lists several: the base and
// answers of avenant.compare/v1, the columns of avenant.tariffs/v1.
type VersionRef struct {
	Label string `json:"label"`
	Party string `json:"party"`
	Date  string `json:"date"`
}

// DiffSchema names the JSON document written for a diff.
const DiffSchema = "avenant.diff/v1"

// Side describes one of the two versions compared: a store version or a
// plain file.
type Side struct {
	Ref   string `json:"ref"`
	Party string `json:"party"`
	Date  string `json:"date"`
	// Clauses is filled from the document by NewDiffDoc.
	Clauses int `json:"clauses"`
	// Answers is, for an answer compare lays against a base it does not
	// answer, the version it answers; "" otherwise. Not in the JSON
	// schemas: avenant versions gives every version's base.
	Answers string `json:"-"`
}

// ClauseRef names a clause in a change.
type ClauseRef struct {
	ID      string   `json:"id"`
	Number  string   `json:"number"`
	Heading string   `json:"heading"`
	Path    []string `json:"path"`
}

// ChangeDoc is one change of avenant.diff/v1.
type ChangeDoc struct {
	Kind       clause.ChangeKind `json:"kind"`
	Renumbered bool              `json:"renumbered"`
	Moved      bool              `json:"moved"`
	Old        []ClauseRef       `json:"old"`
	New        []ClauseRef       `json:"new"`
	Similarity float64           `json:"similarity"`
	Hunks      []clause.Hunk     `json:"hunks"`
	Facts      []clause.Fact     `json:"facts"`
	// Coarse says, for a clause too large to be read word by word, what
	// was left undone (clause.CoarseNote); omitted for the others.
	Coarse string `json:"coarse,omitempty"`
}

// DiffDoc is the avenant.diff/v1 document.
type DiffDoc struct {
	Schema  string         `json:"schema"`
	Old     Side           `json:"old"`
	New     Side           `json:"new"`
	Summary clause.Summary `json:"summary"`
	Changes []ChangeDoc    `json:"changes"`
}

// OutlineSchema names the JSON document written by Outline.
const OutlineSchema = "avenant.outline/v1"

// OutlineClause is one clause of avenant.outline/v1.
type OutlineClause struct {
	ID      string   `json:"id"`
	Number  string   `json:"number"`
	Heading string   `json:"heading"`
	Kind    string   `json:"kind"`
	Path    []string `json:"path"`
	Text    string   `json:"text"`
	// Status is what the heading states after the number ("nouveau",
	// "supprimé", "conforme"…), omitted when it states none.
	Status string `json:"status,omitempty"`
}

// OutlineDoc is the avenant.outline/v1 document.
type OutlineDoc struct {
	Schema  string          `json:"schema"`
	Ref     string          `json:"ref"`
	Clauses []OutlineClause `json:"clauses"`
}

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
	// Name is the clause as printed in the version (in the one before, for
	// a clause gone from it); Was its name before, when it read otherwise
	// (renumbered, retitled); OthersNames the names of Others, in order;
	// SplitFrom, on a new part of a split, the clause it was split from.
	Name        string   `json:"name,omitempty"`
	Was         string   `json:"was,omitempty"`
	OthersNames []string `json:"others_names,omitempty"`
	SplitFrom   string   `json:"split_from,omitempty"`
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
	// Seq is the version's import order, which the text view uses, after
	// the date, to name the newest version first; it is not written.
	Seq int `json:"-"`
}

// CompareSchema names the JSON document of avenant compare.
const CompareSchema = "avenant.compare/v1"

// CompareClauseRef names a clause in avenant.compare/v1.
type CompareClauseRef struct {
	ID      string `json:"id"`
	Number  string `json:"number"`
	Heading string `json:"heading"`
}

// AnswerDoc is what one answer does to a clause, relative to the base.
type AnswerDoc struct {
	Kind       clause.ChangeKind  `json:"kind"`
	Renumbered bool               `json:"renumbered"`
	Moved      bool               `json:"moved"`
	Similarity float64            `json:"similarity"`
	New        []CompareClauseRef `json:"new"`
	Facts      []clause.Fact      `json:"facts"`
	// Coarse is as in ChangeDoc.
	Coarse string `json:"coarse,omitempty"`
}

// CompareRowDoc is one row: a base clause (nil for one the answers add),
// one entry per answer (nil where the answer has nothing on the row), and
// the groups of answers in agreement.
type CompareRowDoc struct {
	Base    *CompareClauseRef `json:"base"`
	Answers []*AnswerDoc      `json:"answers"`
	Agree   [][]int           `json:"agree"`
}

// CompareDoc is the avenant.compare/v1 document.
type CompareDoc struct {
	Schema   string          `json:"schema"`
	Base     VersionRef      `json:"base"`
	Versions []VersionRef    `json:"versions"`
	Clauses  []CompareRowDoc `json:"clauses"`
}

// TariffsSchema names the JSON document of avenant tariffs.
const TariffsSchema = "avenant.tariffs/v1"

// TariffValue is a cell of avenant.tariffs/v1. Also, beyond the contract's
// fields, lists the other prices the version gives the code elsewhere.
type TariffValue struct {
	Value     float64 `json:"value"`
	Unit      string  `json:"unit"`
	Text      string  `json:"text"`
	Clause    string  `json:"clause"`
	Effective string  `json:"effective"`
	// Column names the column of a row priced in several ("DROM").
	Column string        `json:"column,omitempty"`
	Also   []TariffValue `json:"also,omitempty"`
}

// TariffRow is a row of avenant.tariffs/v1: values has one entry per
// version, null where the version prices no such act.
type TariffRow struct {
	Code  string `json:"code"`
	Label string `json:"label"`
	// Table, beyond the contract's fields, names the table of the row's
	// prices ("Annexe 1/DROM"): a grid of several tables has a row per
	// code and table.
	Table  string         `json:"table,omitempty"`
	Values []*TariffValue `json:"values"`
}

// TariffsDoc is the avenant.tariffs/v1 document.
type TariffsDoc struct {
	Schema   string       `json:"schema"`
	Versions []VersionRef `json:"versions"`
	Rows     []TariffRow  `json:"rows"`
}
