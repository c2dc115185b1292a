package store

import (
	"fmt"

	git "github.com/go-git/go-git/v5"
)

// Repack packs every object reachable from the store's references into one
// pack and deletes the loose copies and older packs (go-git's
// RepackObjects). go-git writes loose objects only, which cost about
// twenty times the space of a pack; Import calls Repack every RepackEvery
// versions, and "git repack -ad" or "git gc" do the same job, better
// compressed. Unreachable objects left by an interrupted import stay loose
// until git gc prunes them.
func (s *Store) Repack() error {
	unlock, err := s.lockIfFree()
	if err != nil {
		return err
	}
	defer unlock()
	if err := s.repo.RepackObjects(&git.RepackConfig{}); err != nil {
		return fmt.Errorf("%s: repack: %w", s.Dir, err)
	}
	// The repository caches the pack list: reopen it.
	repo, err := git.PlainOpen(s.Dir)
	if err != nil {
		return fmt.Errorf("%s: %w", s.Dir, err)
	}
	s.repo = repo
	return nil
}

// lockIfFree takes the lock unless this Store already holds it (Repack
// called from Import).
func (s *Store) lockIfFree() (func(), error) {
	if s.locked {
		return func() {}, nil
	}
	return s.lock()
}
