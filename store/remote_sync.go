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
	"github.com/go-git/go-git/v5/plumbing/transport"
)

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
	if strings.Contains(url, "://") || scpLike(url) {
		return ""
	}
	return url
}

// remote returns the configured remote called name, or an anonymous one
// when name is a URL or a path; named is false for the latter.
func (s *Store) remote(name string) (r *git.Remote, named bool, err error) {
	if name == "" {
		name = defaultRemote
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
	return git.NewRemote(s.repo.Storer, &config.RemoteConfig{Name: "anonymous", URLs: []string{absoluteURL(name)}}), false, nil
}

// syncState is where push and pull start, under the lock: the index, with
// branches a crashed import left behind repaired, and the remote's
// branches and tags as just fetched.
func (s *Store) syncState(r *git.Remote, opts RemoteOptions) (*index, refSet, error) {
	ix, err := s.index()
	if err != nil {
		return nil, refSet{}, err
	}
	s.repairRefs(ix)
	remote, err := s.fetchRemote(r, opts)
	// main follows the latest import of each store: it is local, never
	// exchanged, or two stores that import answers to the same version
	// would always diverge on it.
	delete(remote.heads, mainBranch)
	return ix, remote, err
}

// fetchRemote fetches the remote's branches and tags into fetchNS and
// returns them; an empty remote yields empty maps. The namespace is
// emptied again before returning.
func (s *Store) fetchRemote(r *git.Remote, opts RemoteOptions) (remote refSet, err error) {
	if err := s.dropFetchRefs(); err != nil {
		return refSet{}, err
	}
	defer func() {
		if derr := s.dropFetchRefs(); err == nil && derr != nil {
			err = derr
		}
	}()
	if err := checkRemoteTags(r, opts); err != nil {
		return refSet{}, fmt.Errorf("%s: %w", r.Config().URLs[0], err)
	}
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
		return refSet{map[string]plumbing.Hash{}, map[string]plumbing.Hash{}}, nil
	case err != nil && !errors.Is(err, git.NoErrAlreadyUpToDate):
		return refSet{}, fmt.Errorf("%s: %w", r.Config().URLs[0], err)
	}
	if remote.heads, err = refsUnder(s.gitDir, fetchNS+"heads/"); err != nil {
		return refSet{}, err
	}
	if remote.tags, err = refsUnder(s.gitDir, fetchNS+"tags/"); err != nil {
		return refSet{}, err
	}
	return remote, nil
}

func (s *Store) dropFetchRefs() error {
	refs, err := refsUnder(s.gitDir, fetchNS)
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

// refSet holds one side's branches and tags, by short name.
type refSet struct {
	heads, tags map[string]plumbing.Hash
}

// refPlan is what a push or a pull does to the receiving side, decided
// before anything is sent or written.
type refPlan struct {
	// heads and tags are the references created or fast-forwarded, by
	// name.
	heads, tags []RefUpdate
	// kept names the branches on which the receiving side is ahead: they
	// are left alone.
	kept []string
	// conflicts refuse the whole push or pull: a diverged branch, a tag
	// on another commit.
	conflicts []Conflict
}

// planRefs decides how the sending side's references (the store's for a
// push, the remote's for a pull) move the receiving side's: fast-forward
// only, a tag never moved. One rule both ways, so that what a push would
// refuse a pull refuses too. References only the receiving side has are
// not looked at.
func (s *Store) planRefs(local, remote refSet, pull bool) (refPlan, error) {
	from, to := local, remote
	if pull {
		from, to = remote, local
	}
	var p refPlan
	for _, name := range sortedKeys(from.heads) {
		fh, th := from.heads[name], to.heads[name]
		if fh == th {
			continue
		}
		if th.IsZero() {
			p.heads = append(p.heads, RefUpdate{Name: name, New: fh.String()})
			continue
		}
		if forward, err := s.isAncestor(th, fh); err != nil {
			return p, err
		} else if forward {
			p.heads = append(p.heads, RefUpdate{Name: name, Old: th.String(), New: fh.String()})
			continue
		}
		if behind, err := s.isAncestor(fh, th); err != nil {
			return p, err
		} else if behind {
			p.kept = append(p.kept, name)
			continue
		}
		p.conflicts = append(p.conflicts, Conflict{Name: name, Remote: remote.heads[name].String(), Local: local.heads[name].String()})
	}
	for _, name := range sortedKeys(from.tags) {
		switch fh, th := from.tags[name], to.tags[name]; {
		case th.IsZero():
			p.tags = append(p.tags, RefUpdate{Name: name, Tag: true, New: fh.String()})
		case th != fh:
			p.conflicts = append(p.conflicts, Conflict{Name: name, Tag: true, Remote: remote.tags[name].String(), Local: local.tags[name].String()})
		}
	}
	sortConflicts(p.conflicts)
	return p, nil
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
func (s *Store) localRefs() (refSet, error) {
	heads, err := refsUnder(s.gitDir, "refs/heads/")
	if err != nil {
		return refSet{}, err
	}
	delete(heads, mainBranch) // local: see syncState
	tags, err := refsUnder(s.gitDir, "refs/tags/")
	if err != nil {
		return refSet{}, err
	}
	return refSet{heads, tags}, nil
}
