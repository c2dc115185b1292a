package tui

import (
	"slices"
	"sync"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/store"
)

// storeSource reads the TUI's data from a store. Documents and diffs are
// cached: the TUI asks for the same pair again when the user goes back.
// Store calls are serialised, as the TUI runs its loads concurrently.
type storeSource struct {
	s     *store.Store
	mu    sync.Mutex
	docs  map[string]*clause.Document
	diffs map[[2]string]*clause.Diff
}

// NewStoreSource is the Source of a store: avenant tui and avenant demo
// read through it.
func NewStoreSource(s *store.Store) Source {
	return &storeSource{s: s, docs: map[string]*clause.Document{}, diffs: map[[2]string]*clause.Diff{}}
}

// Versions implements Source.
func (ss *storeSource) Versions() ([]store.Version, error) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	vs, err := ss.s.Versions()
	return slices.Clone(vs), err // the store's index is not the TUI's to keep
}

func (ss *storeSource) document(rev string) (*clause.Document, error) {
	if rev == "" {
		return &clause.Document{}, nil
	}
	if d := ss.docs[rev]; d != nil {
		return d, nil
	}
	v, err := ss.s.Resolve(rev)
	if err != nil {
		return nil, err
	}
	d, err := ss.s.Document(v)
	if err != nil {
		return nil, err
	}
	ss.docs[rev] = d
	return d, nil
}

// Diff implements Source: the two versions' documents, whose clause ids
// are the store's stable ids, compared clause by clause.
func (ss *storeSource) Diff(base, head string) (*clause.Diff, error) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	key := [2]string{base, head}
	if d := ss.diffs[key]; d != nil {
		return d, nil
	}
	od, err := ss.document(base)
	if err != nil {
		return nil, err
	}
	nd, err := ss.document(head)
	if err != nil {
		return nil, err
	}
	d := clause.Compare(od, nd, clause.CompareOptions{})
	ss.diffs[key] = d
	return d, nil
}

// resolve turns a label into a store version, "" into nil (the latest).
func (ss *storeSource) resolve(at string) (*store.Version, error) {
	if at == "" {
		return nil, nil
	}
	return ss.s.Resolve(at)
}

// Log implements Source: the history on the line that leads to at
// (store.Log), sibling versions left out.
func (ss *storeSource) Log(id, at string) ([]store.LogEntry, error) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	v, err := ss.resolve(at)
	if err != nil {
		return nil, err
	}
	es, err := ss.s.Log(id, v)
	if err != nil {
		return nil, err
	}
	out := make([]store.LogEntry, 0, len(es))
	for _, e := range es {
		if !e.OffLine {
			out = append(out, e)
		}
	}
	return out, nil
}

// Blame implements Source, skipping cosmetic revisions as avenant blame
// does by default.
func (ss *storeSource) Blame(id, at string) ([]store.Span, error) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	v, err := ss.resolve(at)
	if err != nil {
		return nil, err
	}
	return ss.s.Blame(id, v, false)
}
