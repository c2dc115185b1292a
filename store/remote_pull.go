package store

import (
	"fmt"

	"github.com/go-git/go-git/v5/plumbing"
)

// Pull fetches the branches and tags of remote (a configured remote's
// name, DefaultRemote when "", or a URL) and fast-forwards the store's
// branches to them, adding the remote's new version tags. The remote's
// branches are kept in refs/remotes/<remote>/ for a named remote. Every
// reference is checked before any is written, under the store's lock: a
// diverged branch or a tag on another commit refuses the whole pull with
// a *RefusedError and leaves the store's branches and tags as they were.
func (s *Store) Pull(remote string, opts RemoteOptions) (_ *PullResult, err error) {
	defer redactErr(&err)
	if remote == "" {
		remote = DefaultRemote
	}
	r, named, err := s.remote(remote)
	if err != nil {
		return nil, err
	}
	unlock, err := s.lock()
	if err != nil {
		return nil, err
	}
	defer unlock()
	ix, rheads, rtags, err := s.syncState(r, opts)
	if err != nil {
		return nil, err
	}
	res := &PullResult{Remote: RedactURL(remote)}
	if len(rheads) == 0 && len(rtags) == 0 {
		return res, nil
	}
	if err := checkStoreTips(s.repo, rheads); err != nil {
		return nil, fmt.Errorf("pull from %s refused: %w", remote, err)
	}
	if named {
		// Remote-tracking branches record what was fetched, refused or
		// not, so that the user can look at a diverged branch.
		for _, name := range sortedKeys(rheads) {
			if err := s.setRef(plumbing.NewRemoteReferenceName(remote, name), rheads[name]); err != nil {
				return nil, err
			}
		}
	}
	lheads, ltags, err := s.localRefs()
	if err != nil {
		return nil, err
	}
	var conflicts []Conflict
	var tagUpdates, headUpdates []RefUpdate
	for _, name := range sortedKeys(rtags) {
		lh, rh := ltags[name], rtags[name]
		switch {
		case lh.IsZero():
			tagUpdates = append(tagUpdates, RefUpdate{Name: name, Tag: true, New: rh.String()})
		case lh != rh:
			conflicts = append(conflicts, Conflict{Name: name, Tag: true, Remote: rh.String(), Local: lh.String()})
		}
	}
	for _, name := range sortedKeys(rheads) {
		lh, rh := lheads[name], rheads[name]
		rel, err := s.relate(lh, rh)
		if err != nil {
			return nil, err
		}
		switch rel {
		case relRemoteOnly, relRemoteAhead:
			u := RefUpdate{Name: name, New: rh.String()}
			if !lh.IsZero() {
				u.Old = lh.String()
			}
			headUpdates = append(headUpdates, u)
		case relLocalAhead:
			res.Ahead = append(res.Ahead, name)
		case relDiverged:
			conflicts = append(conflicts, Conflict{Name: name, Remote: rh.String(), Local: lh.String()})
		}
	}
	if len(conflicts) > 0 {
		sortConflicts(conflicts)
		return nil, &RefusedError{Op: "pull from " + RedactURL(remote), Conflicts: conflicts, hint: "nothing changed"}
	}
	// Versions from another party are read as untrusted before any is
	// taken: one avenant would never have written refuses the pull.
	for _, u := range tagUpdates {
		if err := s.checkPulled(u.Name, plumbing.NewHash(u.New)); err != nil {
			return nil, fmt.Errorf("pull from %s refused: %w", remote, err)
		}
	}
	// Tags first: a version exists once its tag
	// does, and the branches follow (main is local: repairRefs moves it).
	for _, u := range append(tagUpdates, headUpdates...) {
		name := plumbing.NewBranchReferenceName(u.Name)
		if u.Tag {
			name = plumbing.NewTagReferenceName(u.Name)
		}
		if err := s.setRef(name, plumbing.NewHash(u.New)); err != nil {
			return nil, err
		}
		res.Updated = append(res.Updated, u)
	}
	nix, err := s.Index()
	if err != nil {
		return nil, err
	}
	// main follows the latest version, now perhaps a pulled one.
	s.repairRefs(nix)
	for _, v := range nix.Versions {
		if _, ok := ix.byCommit[v.Commit]; !ok {
			res.Versions = append(res.Versions, v)
		}
	}
	return res, nil
}

// checkPulled reads the version a fetched tag names, its manifest
// included, with every check a command reading it would make.
func (s *Store) checkPulled(label string, h plumbing.Hash) error {
	v, ok, err := s.readVersion(label, h)
	if err != nil || !ok {
		return err
	}
	sn, err := s.snapshot(v.Commit)
	if err == nil {
		_, err = sn.entries(s)
	}
	if err != nil {
		return fmt.Errorf("version %s (%s): %w", v.Label, shortHash(v.Commit), err)
	}
	return nil
}
