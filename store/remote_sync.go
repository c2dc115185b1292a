package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/plumbing/transport"
)

// refsUnder maps the references under prefix, by the rest of their name,
// to their hash.
func refsUnder(st storer.ReferenceStorer, prefix string) (map[string]plumbing.Hash, error) {
	iter, err := st.IterReferences()
	if err != nil {
		return nil, err
	}
	out := map[string]plumbing.Hash{}
	err = iter.ForEach(func(r *plumbing.Reference) error {
		if rest, ok := strings.CutPrefix(r.Name().String(), prefix); ok && r.Type() == plumbing.HashReference {
			out[rest] = r.Hash()
		}
		return nil
	})
	return out, err
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// localPath is the directory a file:// URL or a local path names, "" for
// a network URL.
func localPath(url string) string {
	if p, ok := strings.CutPrefix(url, "file://"); ok {
		return filepath.FromSlash(p)
	}
	if strings.Contains(url, "://") || scpLike.MatchString(url) {
		return ""
	}
	return url
}

// remote returns the configured remote called name, or an anonymous one
// when name is a URL or a path; named is false for the latter.
func (s *Store) remote(name string) (r *git.Remote, named bool, err error) {
	if name == "" {
		name = DefaultRemote
	}
	r, err = s.repo.Remote(name)
	if err == nil {
		if len(r.Config().URLs) == 0 || r.Config().URLs[0] == "" {
			return nil, false, fmt.Errorf("%s: remote %q has no url in .git/config (set one with git remote set-url %s URL)", s.Dir, name, name)
		}
		return r, true, nil
	}
	if !errors.Is(err, git.ErrRemoteNotFound) {
		return nil, false, err
	}
	if !isURL(name) {
		return nil, false, fmt.Errorf("no remote %q in %s (clone records origin; add one with git remote add %s URL, or give a URL)", name, s.Dir, name)
	}
	url := name
	if !strings.Contains(url, "://") && !scpLike.MatchString(url) {
		if abs, aerr := filepath.Abs(url); aerr == nil {
			url = abs
		}
	}
	return git.NewRemote(s.repo.Storer, &config.RemoteConfig{Name: "anonymous", URLs: []string{url}}), false, nil
}

// fetchRemote fetches the remote's branches and tags into fetchNS and
// returns them; an empty remote yields empty maps. The namespace is
// emptied again before returning.
// syncState is where push and pull start, under the lock: the index, with
// branches a crashed import left behind repaired, and the remote's
// branches and tags as just fetched.
func (s *Store) syncState(r *git.Remote, opts RemoteOptions) (ix *Index, heads, tags map[string]plumbing.Hash, err error) {
	if ix, err = s.Index(); err != nil {
		return nil, nil, nil, err
	}
	s.repairRefs(ix)
	heads, tags, err = s.fetchRemote(r, opts)
	// main follows the latest import of each store: it is local, never
	// exchanged, or two stores that import answers to the same version
	// would always diverge on it.
	delete(heads, MainBranch)
	return ix, heads, tags, err
}

func (s *Store) fetchRemote(r *git.Remote, opts RemoteOptions) (heads, tags map[string]plumbing.Hash, err error) {
	if err := s.dropFetchRefs(); err != nil {
		return nil, nil, err
	}
	defer func() {
		if derr := s.dropFetchRefs(); err == nil && derr != nil {
			err = derr
		}
	}()
	err = r.FetchContext(opts.ctx(), &git.FetchOptions{
		RemoteName: r.Config().Name,
		RefSpecs: []config.RefSpec{
			config.RefSpec("+refs/heads/*:" + fetchNS + "heads/*"),
			config.RefSpec("+refs/tags/*:" + fetchNS + "tags/*"),
		},
		Tags: git.NoTags, Auth: opts.Auth, Progress: opts.Progress,
	})
	switch {
	case errors.Is(err, transport.ErrEmptyRemoteRepository):
		return map[string]plumbing.Hash{}, map[string]plumbing.Hash{}, nil
	case err != nil && !errors.Is(err, git.NoErrAlreadyUpToDate):
		return nil, nil, fmt.Errorf("%s: %w", r.Config().URLs[0], err)
	}
	if heads, err = refsUnder(s.repo.Storer, fetchNS+"heads/"); err != nil {
		return nil, nil, err
	}
	if tags, err = refsUnder(s.repo.Storer, fetchNS+"tags/"); err != nil {
		return nil, nil, err
	}
	return heads, tags, nil
}

func (s *Store) dropFetchRefs() error {
	refs, err := refsUnder(s.repo.Storer, fetchNS)
	if err != nil {
		return err
	}
	for name := range refs {
		if err := s.repo.Storer.RemoveReference(plumbing.ReferenceName(fetchNS + name)); err != nil {
			return err
		}
	}
	return nil
}

// isAncestor reports whether commit a is b or one of its ancestors; a
// commit this repository lacks is nobody's ancestor.
func (s *Store) isAncestor(a, b plumbing.Hash) (bool, error) {
	if a == b {
		return true, nil
	}
	ca, err := s.repo.CommitObject(a)
	if errors.Is(err, plumbing.ErrObjectNotFound) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	cb, err := s.repo.CommitObject(b)
	if errors.Is(err, plumbing.ErrObjectNotFound) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	return ca.IsAncestor(cb)
}

// relation is how a local branch stands against the remote's.
type relation int

const (
	relSame relation = iota
	relLocalOnly
	relRemoteOnly
	relLocalAhead
	relRemoteAhead
	relDiverged
)

func (s *Store) relate(local, remote plumbing.Hash) (relation, error) {
	switch {
	case local.IsZero():
		return relRemoteOnly, nil
	case remote.IsZero():
		return relLocalOnly, nil
	case local == remote:
		return relSame, nil
	}
	if ok, err := s.isAncestor(remote, local); err != nil || ok {
		return relLocalAhead, err
	}
	if ok, err := s.isAncestor(local, remote); err != nil || ok {
		return relRemoteAhead, err
	}
	return relDiverged, nil
}

// sortConflicts puts party branches first, then tags.
func sortConflicts(cs []Conflict) {
	rank := func(c Conflict) int {
		if c.Tag {
			return 1
		}
		return 0
	}
	sort.SliceStable(cs, func(i, j int) bool {
		if ri, rj := rank(cs[i]), rank(cs[j]); ri != rj {
			return ri < rj
		}
		return cs[i].Name < cs[j].Name
	})
}

// localRefs maps the store's branches and tags, by short name, to their
// commits.
func (s *Store) localRefs() (heads, tags map[string]plumbing.Hash, err error) {
	if heads, err = refsUnder(s.repo.Storer, "refs/heads/"); err != nil {
		return nil, nil, err
	}
	delete(heads, MainBranch) // local: see syncState
	if tags, err = refsUnder(s.repo.Storer, "refs/tags/"); err != nil {
		return nil, nil, err
	}
	return heads, tags, nil
}
