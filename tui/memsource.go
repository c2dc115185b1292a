package tui

import (
	"errors"
	"fmt"
	"sync"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/store"
)

// ErrUnknownVersion is returned by MemorySource for a label it does not hold.
var ErrUnknownVersion = errors.New("unknown version")

// ErrUnknownClause is returned by MemorySource for a clause id that the
// version does not hold.
var ErrUnknownClause = errors.New("unknown clause")

// MemorySource is a Source held in memory: versions and their parsed
// documents, for avenant tui on two files (no store) and for tests. History
// and blame are computed naively by walking each version's chain of bases
// and diffing every step, which is fine for a few versions; a store answers
// the same questions from its index.
type MemorySource struct {
	versions []store.Version
	docs     map[string]*clause.Document

	mu    sync.Mutex
	diffs map[[2]string]*clause.Diff
}

// NewMemorySource returns an empty source; Add fills it.
func NewMemorySource() *MemorySource {
	return &MemorySource{docs: map[string]*clause.Document{}, diffs: map[[2]string]*clause.Diff{}}
}

// Add appends a version and its document. Its Base, when set, must name a
// version added before.
func (s *MemorySource) Add(v store.Version, doc *clause.Document) error {
	if _, dup := s.docs[v.Label]; dup {
		return fmt.Errorf("%s: label already used", v.Label)
	}
	if v.Base != "" && s.docs[v.Base] == nil {
		return fmt.Errorf("%s: base %s: %w", v.Label, v.Base, ErrUnknownVersion)
	}
	v.Clauses = len(doc.Clauses)
	s.versions = append(s.versions, v)
	s.docs[v.Label] = doc
	return nil
}

// Versions implements Source.
func (s *MemorySource) Versions() ([]store.Version, error) {
	return append([]store.Version(nil), s.versions...), nil
}

func (s *MemorySource) version(label string) *store.Version {
	for i := range s.versions {
		if s.versions[i].Label == label {
			return &s.versions[i]
		}
	}
	return nil
}

// Diff implements Source; results are cached.
func (s *MemorySource) Diff(base, head string) (*clause.Diff, error) {
	key := [2]string{base, head}
	s.mu.Lock()
	d := s.diffs[key]
	s.mu.Unlock()
	if d != nil {
		return d, nil
	}
	nd := s.docs[head]
	if nd == nil {
		return nil, fmt.Errorf("%s: %w", head, ErrUnknownVersion)
	}
	od := &clause.Document{}
	if base != "" {
		if od = s.docs[base]; od == nil {
			return nil, fmt.Errorf("%s: %w", base, ErrUnknownVersion)
		}
	}
	d = clause.Compare(od, nd, clause.CompareOptions{})
	s.mu.Lock()
	s.diffs[key] = d
	s.mu.Unlock()
	return d, nil
}

// step is one version of a clause's ancestry: the version, the change that
// brought the clause there from its base, and the clause's index in it.
type step struct {
	v      *store.Version
	change *clause.Change
	diff   *clause.Diff
	index  int
}

// ancestry follows clause id of version at back through the bases, oldest
// first, stopping at the version where it was added.
func (s *MemorySource) ancestry(id, at string) ([]step, error) {
	v := s.version(at)
	if v == nil {
		return nil, fmt.Errorf("%s: %w", at, ErrUnknownVersion)
	}
	idx := indexOf(s.docs[at], id)
	if idx < 0 {
		return nil, fmt.Errorf("%s in %s: %w", id, at, ErrUnknownClause)
	}
	var out []step
	for {
		d, err := s.Diff(v.Base, v.Label)
		if err != nil {
			return nil, err
		}
		var c *clause.Change
		if k := d.ChangeOfNew(idx); k >= 0 {
			c = &d.Changes[k]
		}
		out = append(out, step{v: v, change: c, diff: d, index: idx})
		if c == nil || len(c.Old) == 0 || v.Base == "" {
			break
		}
		idx = c.Old[0]
		v = s.version(v.Base)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, nil
}

// Log implements Source: the steps of the clause's ancestry in which it
// changed, its addition first.
func (s *MemorySource) Log(id, at string) ([]store.LogEntry, error) {
	steps, err := s.ancestry(id, at)
	if err != nil {
		return nil, err
	}
	var out []store.LogEntry
	for _, st := range steps {
		c := st.change
		if c == nil || (c.Kind == clause.Unchanged && !c.Renumbered && !c.Moved) {
			continue
		}
		out = append(out, store.LogEntry{Version: st.v, ChangeEntry: store.ChangeEntry{
			ID: st.diff.New.Clauses[st.index].ID, Number: st.diff.New.Clauses[st.index].Number,
			Change: c.Kind, Renumbered: c.Renumbered, Moved: c.Moved,
		}})
	}
	return out, nil
}

// Blame implements Source: the text of the oldest version is attributed to
// it; each later change keeps the attribution of the words it left equal
// and gives its inserted words to its own version.
func (s *MemorySource) Blame(id, at string) ([]store.Span, error) {
	steps, err := s.ancestry(id, at)
	if err != nil {
		return nil, err
	}
	var text []rune
	var owner []int
	for i, st := range steps {
		newText := []rune(st.diff.New.Clauses[st.index].Text)
		if i == 0 || st.change == nil || len(st.change.Old) == 0 {
			text, owner = newText, fill(len(newText), i)
			continue
		}
		if string(text) == string(newText) {
			continue
		}
		hunks := clause.WordDiff(string(text), string(newText))
		var no []int
		pos := 0
		for _, h := range hunks {
			n := len([]rune(h.Text))
			switch h.Op {
			case clause.OpEqual:
				for k := 0; k < n; k++ {
					if pos+k < len(owner) {
						no = append(no, owner[pos+k])
					} else {
						no = append(no, i)
					}
				}
				pos += n
			case clause.OpDelete:
				pos += n
			case clause.OpInsert:
				no = append(no, fill(n, i)...)
			}
		}
		// The word differ may normalise text; keep owner aligned with the
		// new text whatever it returned.
		for len(no) < len(newText) {
			no = append(no, i)
		}
		text, owner = newText, no[:len(newText)]
	}
	var out []store.Span
	for k := 0; k < len(text); {
		e := k
		for e < len(text) && owner[e] == owner[k] {
			e++
		}
		out = append(out, store.Span{Text: string(text[k:e]), Version: steps[owner[k]].v})
		k = e
	}
	return out, nil
}

func fill(n, v int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = v
	}
	return out
}

func indexOf(d *clause.Document, id string) int {
	for i := range d.Clauses {
		if d.Clauses[i].ID == id {
			return i
		}
	}
	return -1
}
