package store

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/avenant-dev/avenant/clause"
)

// ManifestSchema and ChangesSchema name the two JSON files of a version's
// tree.
const (
	ManifestSchema = "avenant.manifest/v1"
	ChangesSchema  = "avenant.changes/v1"
)

// ManifestEntry is one clause of manifest.json, in document order.
type ManifestEntry struct {
	ID      string      `json:"id"`
	Kind    clause.Kind `json:"kind"`
	Number  string      `json:"number"`
	Key     string      `json:"key"`
	Heading string      `json:"heading"`
	// Status is the heading's status ("supprimé"…), omitted when none.
	Status string `json:"status,omitempty"`
	// Parent is the stable id of the enclosing clause, "" at top level.
	Parent string   `json:"parent"`
	Depth  int      `json:"depth"`
	Path   []string `json:"path"`
	// Grid lays a table row in columns over its header's columns
	// (clause.Clause.Grid), omitted for every other clause.
	Grid []int `json:"grid,omitempty"`
}

// ChangeEntry is one line of changes.json: what happened to a clause
// since the parent version. Clauses that are unchanged, kept their number
// and did not move are left out.
type ChangeEntry struct {
	ID     string            `json:"id"`
	Change clause.ChangeKind `json:"change"`
	// Number is the clause's number in this version (in the parent for a
	// clause that is gone).
	Number     string `json:"number"`
	Renumbered bool   `json:"renumbered,omitempty"`
	Moved      bool   `json:"moved,omitempty"`
	// Gone is set when the id no longer exists in this version: a removed
	// clause, or the smaller source of a merge.
	Gone bool `json:"gone,omitempty"`
	// Others are the other ids of a split or merge: for the part or source
	// that keeps the id, the new parts or absorbed sources; for a new part
	// of a split, the id it was split from; for an absorbed source, the id
	// it was merged into. In a back-filled version, whose clauses are all
	// added, they are what the version it precedes made of the clause: the
	// parts split off it, or the clause it was merged into (linkParts).
	Others []string `json:"others,omitempty"`
	// By names the amending instructions that made the change, for a
	// version imported from an amending text ("Article 2, 1°").
	By string `json:"by,omitempty"`
	// Steps, when By names several instructions, are those that wrote the
	// clause's text, in the order they applied, each with the clause file
	// it left but the last, whose text is the clause file itself: blame
	// credits each word to the instruction that wrote it.
	Steps []Step `json:"steps,omitempty"`
}

// Step is an amending instruction that changed a clause, and the clause
// file it left ("" for the last: the version's own clause file).
type Step struct {
	By   string `json:"by"`
	Text string `json:"text,omitempty"`
}

type manifestFile struct {
	Schema  string          `json:"schema"`
	Clauses []ManifestEntry `json:"clauses"`
}

type changesFile struct {
	Schema string `json:"schema"`
	// Rules is the changesRule the changes were derived by; 0 (absent)
	// in the changes.json of releases before it was recorded: rule 1.
	Rules   int           `json:"rules,omitempty"`
	Changes []ChangeEntry `json:"changes"`
}

// encodeLines writes {"schema": …, head, field: [ one item a line ]} so
// that git diff of the file shows the clauses that changed, not one long
// line; head is "" or members of its own, each with its comma.
func encodeLines[T any](schema, head, field string, items []T) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\"schema\": %q,%s\n\"%s\": [\n", schema, head, field)
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for i := range items {
		_ = enc.Encode(items[i]) // plain structs of strings: cannot fail
		if i < len(items)-1 {
			b.Truncate(b.Len() - 1)
			b.WriteString(",\n")
		}
	}
	b.WriteString("]}\n")
	return b.Bytes()
}

func encodeManifest(m []ManifestEntry) []byte {
	return encodeLines(ManifestSchema, "", "clauses", m)
}

func encodeChanges(c []ChangeEntry) []byte {
	return encodeLines(ChangesSchema, fmt.Sprintf(` "rules": %d,`, changesRule), "changes", c)
}

func decodeManifest(b []byte) ([]ManifestEntry, error) {
	var f manifestFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("manifest.json: %w", err)
	}
	if f.Schema != ManifestSchema {
		return nil, fmt.Errorf("manifest.json: schema %q, want %q", f.Schema, ManifestSchema)
	}
	if err := checkManifest(f.Clauses); err != nil {
		return nil, err
	}
	titleStatuses(f.Clauses)
	return f.Clauses, nil
}

// titleStatuses gives a heading whose title is a status ("Article 12 –
// Abrogé.") that status, as the parser has read it since a version of 2026:
// recorded before, with a title and no status, such a version had no
// status in its outline, and against one recorded since read 'Abrogé' as
// a heading changed at 0 %, which an import then wrote into changes.json.
func titleStatuses(m []ManifestEntry) {
	for i := range m {
		if e := &m[i]; e.Status == "" && e.Kind != clause.KindItem && e.Kind != clause.KindParagraph {
			e.Status = clause.TitleStatus(e.Heading, e.Number)
		}
	}
}

// validID reports whether id can name a clause file: lower-case letters,
// digits and hyphens (what the segmenter's slugs are made of), at most 100
// bytes. A store cloned from
// elsewhere is untrusted, and an id such as "../x" must never become a
// path.
func validID(id string) bool {
	if id == "" || len(id) > 100 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// decodeChanges reads a changes.json, and the rule it was derived by.
func decodeChanges(b []byte) ([]ChangeEntry, int, error) {
	var f changesFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, 0, fmt.Errorf("changes.json: %w", err)
	}
	if f.Schema != ChangesSchema {
		return nil, 0, fmt.Errorf("changes.json: schema %q, want %q", f.Schema, ChangesSchema)
	}
	if err := checkChanges(f.Changes); err != nil {
		return nil, 0, err
	}
	return f.Changes, max(f.Rules, 1), nil
}

// manifestOf describes d, whose clauses carry the stable ids ids.
func manifestOf(d *clause.Document, ids []string) []ManifestEntry {
	m := make([]ManifestEntry, len(d.Clauses))
	for i := range d.Clauses {
		c := &d.Clauses[i]
		parent := ""
		if c.Parent >= 0 && c.Parent < len(ids) {
			parent = ids[c.Parent]
		}
		path := c.Path
		if path == nil {
			path = []string{}
		}
		m[i] = ManifestEntry{ID: ids[i], Kind: c.Kind, Number: c.Number, Key: c.Key, Heading: c.Heading,
			Status: c.Status, Parent: parent, Depth: c.Depth, Path: path, Grid: c.Grid}
	}
	return m
}

// documentOf rebuilds a Document from a manifest and the clause texts, in
// manifest order. Each clause's ID is its stable id.
func documentOf(m []ManifestEntry, texts []string) *clause.Document {
	d := &clause.Document{Clauses: make([]clause.Clause, len(m))}
	pos := make(map[string]int, len(m))
	for i, e := range m {
		pos[e.ID] = i
		parent := -1
		if p, ok := pos[e.Parent]; ok && e.Parent != "" {
			parent = p
		}
		d.Clauses[i] = clause.Clause{ID: e.ID, Kind: e.Kind, Number: e.Number, Key: e.Key, Heading: e.Heading,
			Status: e.Status, Text: texts[i], Path: e.Path, Parent: parent, Depth: e.Depth, Grid: e.Grid}
	}
	return d
}
