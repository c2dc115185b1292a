package clause

// ChangeKind says what happened to a clause between two versions; the
// values are those of the avenant.diff/v1 schema.
type ChangeKind string

// The change kinds of avenant.diff/v1.
const (
	Unchanged ChangeKind = "unchanged"
	Cosmetic  ChangeKind = "cosmetic"
	Modified  ChangeKind = "modified"
	Added     ChangeKind = "added"
	Removed   ChangeKind = "removed"
	Split     ChangeKind = "split"
	Merged    ChangeKind = "merged"
)

// match pairs clauses of an old and a new document, by index into their
// Clauses. A one-to-one match has one index on each side; a split has one
// old and several new; a merge several old and one new; an addition no
// old; a removal no new.
type match struct {
	Old []int
	New []int
	// Similarity of the matched texts, 0..1 (1 for identical text).
	Similarity float64
}

// Op is a word-diff operation.
type Op string

// The word-diff operations, as spelled in avenant.diff/v1.
const (
	OpEqual  Op = "equal"
	OpDelete Op = "delete"
	OpInsert Op = "insert"
)

// Hunk is a run of text that is equal, deleted or inserted.
type Hunk struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
}

// FactKind is the type of a semantic fact.
type FactKind string

// The fact kinds of avenant.diff/v1.
const (
	FactAmount    FactKind = "amount"
	FactPercent   FactKind = "percent"
	FactDate      FactKind = "date" // a day, a month, a year, or a time of day: the contract's kinds for a point in time
	FactDuration  FactKind = "duration"
	FactCode      FactKind = "code"
	FactModality  FactKind = "modality"
	FactNegation  FactKind = "negation"
	FactReference FactKind = "reference"
)

// Fact is a typed change found in a clause: a value as written in the old
// and new text ("" when it appears or disappears), with numeric values
// where they apply.
type Fact struct {
	Kind FactKind `json:"kind"`
	// Subject is what the value belongs to: the act code an amount prices
	// ("G"), the verb of a modality, the referenced article; may be "".
	Subject  string   `json:"subject"`
	Old      string   `json:"old"`
	New      string   `json:"new"`
	OldValue *float64 `json:"old_value,omitempty"`
	NewValue *float64 `json:"new_value,omitempty"`
	// Unit is "EUR" or "FRF" for amounts, "%" for percentages, "day",
	// "month", "year"… for durations.
	Unit     string   `json:"unit,omitempty"`
	DeltaPct *float64 `json:"delta_pct,omitempty"`
	// Note explains a reference fact: "points to a removed clause",
	// "now denotes another clause", "follows the renumbering of…"; or
	// shows the bounds of a value that stayed the same but for them,
	// "< 3 → ≤ 3".
	Note string `json:"note,omitempty"`
	// Effective is the date from which the value applies (YYYY-MM-DD), when
	// the text gives one with it: "30 € à compter du 1er octobre 2024", or
	// a date in the tariff row. It is the new value's date, or the old
	// one's for a value that disappears.
	Effective string `json:"effective,omitempty"`
	// Broken is set on a reference that no longer leads where it did: to
	// a clause that was removed or renumbered, or to none. A reference
	// updated to follow a renumbering is not broken.
	Broken bool `json:"broken,omitempty"`
}

// BrokenReference reports whether f is a broken cross-reference: a
// reference to a clause that no longer exists, or whose number now denotes
// another clause. It is the one definition that the diff's "broken" flag,
// the TUI's badge, check's references rule and every report share. A
// clause's own heading is never a reference (see compareFacts), and a
// reference updated to follow a renumbering is not broken.
func (f *Fact) BrokenReference() bool {
	return f.Kind == FactReference && f.Broken
}

// BrokenNote says why a broken reference is flagged when the fact carries
// no note: a reference written the same on both sides says nothing by
// itself.
const BrokenNote = "the number no longer denotes the same clause"
