package store

import (
	"fmt"

	"github.com/go-git/go-git/v5/plumbing"
)

// Pull fetches the branches and tags of remote (a configured remote's
// name, defaultRemote when "", or a URL) and fast-forwards the store's
// branches to them, adding the remote's new version tags. The remote's
// branches are kept in refs/remotes/<remote>/ for a named remote. Every
// reference is checked before any is written, under the store's lock: a
// diverged branch or a tag on another commit refuses the whole pull with
// a *RefusedError and leaves the store's branches and tags as they were.
func (s *Store) Pull(remote string, opts RemoteOptions) (_ *PullResult, err error) {
	defer redactErr(&err)
	if remote == "" {
		remote = defaultRemote
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
	ix, rem, err := s.syncState(r, opts)
	if err != nil {
		return nil, err
	}
	res := &PullResult{Remote: RedactURL(remote)}
	if len(rem.heads) == 0 && len(rem.tags) == 0 {
		return res, nil
	}
	if err := checkStoreTips(s.repo, rem.heads); err != nil {
		return nil, fmt.Errorf("pull from %s refused: %w", remote, err)
	}
	if named {
		// Remote-tracking branches record what was fetched, refused or
		// not, so that the user can look at a diverged branch.
		for _, name := range sortedKeys(rem.heads) {
			if err := s.setRef(plumbing.NewRemoteReferenceName(remote, name), rem.heads[name]); err != nil {
				return nil, err
			}
		}
	}
	local, err := s.localRefs()
	if err != nil {
		return nil, err
	}
	plan, err := s.planRefs(local, rem, true)
	if err != nil {
		return nil, err
	}
	if len(plan.conflicts) > 0 {
		return nil, &RefusedError{Op: "pull from " + RedactURL(remote), Conflicts: plan.conflicts, hint: "nothing changed"}
	}
	res.Ahead = plan.kept
	if err := checkTagsClash(sortedKeys(local.tags), plan.tags); err != nil {
		return nil, fmt.Errorf("pull from %s refused: %w", RedactURL(remote), err)
	}
	// Versions from another party are read as untrusted before any is
	// taken: one avenant would never have written refuses the pull.
	for _, u := range plan.tags {
		if err := s.checkPulled(u.Name, plumbing.NewHash(u.New)); err != nil {
			return nil, fmt.Errorf("pull from %s refused: %w", remote, err)
		}
	}
	// Tags first: a version exists once its tag
	// does, and the branches follow (main is local: repairRefs moves it).
	for _, u := range append(plan.tags, plan.heads...) {
		if err := s.setRef(u.refName(), plumbing.NewHash(u.New)); err != nil {
			return nil, err
		}
		res.Updated = append(res.Updated, u)
	}
	nix, err := s.index()
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

// checkTagsClash refuses new tags that could not stand beside the tags
// the receiving side has, or beside each other (tagSpace.clash): a pull
// that wrote the first of a and a/b failed on the second half-way, a push
// was refused by the remote with "atomic transaction failed".
func checkTagsClash(have []string, updates []RefUpdate) error {
	sp := newTagSpace(have)
	for _, u := range updates {
		if err := sp.clash(u.Name); err != nil {
			return err
		}
		sp.add(u.Name)
	}
	return nil
}

// checkPulled reads the version a fetched tag names, its manifest
// included, with every check a command reading it would make.
func (s *Store) checkPulled(label string, h plumbing.Hash) error {
	v, rec, ok, err := s.readVersion(label, h)
	if err != nil || !ok {
		return err
	}
	sn, err := s.snapshot(v.Commit)
	if err == nil && !rec.tree.IsZero() {
		err = s.readClausesTree(&v, rec.tree)
	}
	if err == nil {
		_, err = sn.entries(s)
	}
	if err != nil {
		return fmt.Errorf("version %s (%s): %w", v.Label, shortHash(v.Commit), err)
	}
	return nil
}
