package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
)

// Push sends every branch and tag of the store to remote (a configured
// remote's name, defaultRemote when "", or a URL), fast-forward only. It
// first fetches the remote's references and checks them all: a branch the
// remote has that is not an ancestor of ours, or a tag on another commit,
// refuses the whole push with a *RefusedError, and nothing is sent.
// Branches on which the remote is ahead are left alone.
func (s *Store) Push(remote string, opts RemoteOptions) (_ *PushResult, err error) {
	defer redactErr(&err)
	if remote == "" {
		remote = defaultRemote
	}
	r, _, err := s.remote(remote)
	if err != nil {
		return nil, err
	}
	if dir := localPath(r.Config().URLs[0]); dir != "" {
		if fi, err := os.Stat(filepath.Join(dir, ".git")); err == nil && fi.IsDir() {
			return nil, fmt.Errorf("push to %s refused: %s is not a bare repository but a store or a work tree, whose own imports and checkouts a push would race with; share through a bare one (git init --bare), or pull from there instead", remote, dir)
		}
	}
	unlock, err := s.lock()
	if err != nil {
		return nil, err
	}
	defer unlock()
	_, rem, err := s.syncState(r, opts)
	if err != nil {
		return nil, err
	}
	if len(rem.heads) > 0 {
		if err := checkStoreTips(s.repo, rem.heads); err != nil {
			return nil, fmt.Errorf("push to %s refused: %w", remote, err)
		}
	}
	local, err := s.localRefs()
	if err != nil {
		return nil, err
	}
	plan, err := s.planRefs(local, rem, false)
	if err != nil {
		return nil, err
	}
	if len(plan.conflicts) > 0 {
		return nil, &RefusedError{Op: "push to " + RedactURL(remote), Conflicts: plan.conflicts, hint: "pull first"}
	}
	if err := checkTagsClash(sortedKeys(rem.tags), plan.tags); err != nil {
		return nil, fmt.Errorf("push to %s refused: %w", RedactURL(remote), err)
	}
	res := &PushResult{Remote: RedactURL(remote), Updated: append(plan.heads, plan.tags...), Behind: plan.kept}
	var specs []config.RefSpec
	for _, u := range res.Updated {
		ref := u.refName().String()
		specs = append(specs, config.RefSpec(ref+":"+ref))
	}
	if len(specs) == 0 {
		return res, nil
	}
	// Atomic where the server supports it (git-receive-pack does): a ref
	// the server itself refuses, such as the checked-out branch of a
	// non-bare repository, then fails the whole push, not just that ref.
	err = r.PushContext(opts.ctx(), &git.PushOptions{
		RemoteName: r.Config().Name, RefSpecs: specs, Auth: opts.Auth, Progress: opts.Progress,
		Atomic: true,
	})
	if err != nil && !errors.Is(err, git.NoErrAlreadyUpToDate) {
		return nil, fmt.Errorf("push to %s: %w", remote, err)
	}
	return res, nil
}
