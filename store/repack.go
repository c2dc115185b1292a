package store

import (
	"fmt"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// Repack packs every object reachable from the store's references into one
// pack, then deletes the loose copies and the older packs. go-git writes
// loose objects only, which cost about twenty times the space of a pack;
// Import calls Repack every RepackEvery versions, and "git repack -ad" or
// "git gc" do the same job, better compressed.
//
// It does not use go-git's RepackObjects, which deletes the loose objects
// before the new pack is in place: a crash there loses them. Here the pack
// and its index are saved first, so a crash at any point leaves every
// reachable object somewhere. Unreachable objects left by an interrupted
// import are not packed and stay loose: GC removes them.
func (s *Store) Repack() error {
	_, err := s.repack()
	return err
}

// repack is Repack, returning how many objects the pack holds.
func (s *Store) repack() (int, error) {
	unlock, err := s.lockIfFree()
	if err != nil {
		return 0, err
	}
	defer unlock()
	objs, err := s.reachable()
	if err != nil {
		return 0, fmt.Errorf("%s: repack: %w", s.Dir, err)
	}
	pos, ok := s.repo.Storer.(storer.PackedObjectStorer)
	if !ok {
		return 0, fmt.Errorf("%s: repack: storage has no packs", s.Dir)
	}
	oldPacks, err := pos.ObjectPacks()
	if err != nil {
		return 0, err
	}
	pfw, ok := s.repo.Storer.(storer.PackfileWriter)
	if !ok {
		return 0, fmt.Errorf("%s: repack: storage cannot write packs", s.Dir)
	}
	if err := s.dropOrphanPackIndexes(); err != nil {
		return 0, err
	}
	w, err := pfw.PackfileWriter()
	if err != nil {
		return 0, err
	}
	list := make([]plumbing.Hash, 0, len(objs))
	for h := range objs {
		list = append(list, h)
	}
	packHash, err := packfile.NewEncoder(w, s.repo.Storer, false).Encode(list, 10)
	if err != nil {
		w.Close()
		return 0, fmt.Errorf("%s: repack: %w", s.Dir, err)
	}
	if err := w.Close(); err != nil { // saves the index, then the pack
		return 0, fmt.Errorf("%s: repack: %w", s.Dir, err)
	}
	fail(20)
	// The repository caches the pack list: reopen it.
	repo, err := openRepo(s.Dir)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", s.Dir, err)
	}
	if err := closeRepo(s.repo); err != nil {
		s.logf("closing the old packs: %v", err)
	}
	s.packs.close()
	s.repo = repo
	if los, ok := repo.Storer.(storer.LooseObjectStorer); ok {
		err := los.ForEachObjectHash(func(h plumbing.Hash) error {
			if objs[h] {
				return los.DeleteLooseObject(h)
			}
			return nil
		})
		if err != nil {
			return 0, fmt.Errorf("%s: repack: %w", s.Dir, err)
		}
	}
	fail(21)
	if pos, ok := repo.Storer.(storer.PackedObjectStorer); ok {
		for _, h := range oldPacks {
			if h != packHash {
				if err := pos.DeleteOldObjectPackAndIndex(h, time.Time{}); err != nil {
					return 0, fmt.Errorf("%s: repack: %w", s.Dir, err)
				}
			}
		}
	}
	return len(objs), nil
}

// reachable lists every object reachable from a reference: commits and
// their ancestors, trees and blobs.
func (s *Store) reachable() (map[plumbing.Hash]bool, error) {
	seen := map[plumbing.Hash]bool{}
	refs, err := refsUnder(s.gitDir, "refs/")
	if err != nil {
		return nil, err
	}
	var tips []plumbing.Hash
	for _, name := range sortedKeys(refs) {
		tips = append(tips, refs[name])
	}
	if head, err := s.repo.Storer.Reference(plumbing.HEAD); err == nil && head.Type() == plumbing.HashReference {
		tips = append(tips, head.Hash()) // detached
	}
	var walkTree func(h plumbing.Hash) error
	walkTree = func(h plumbing.Hash) error {
		if seen[h] {
			return nil
		}
		seen[h] = true
		t, err := s.repo.TreeObject(h)
		if err != nil {
			return err
		}
		for _, e := range t.Entries {
			switch e.Mode {
			case filemode.Dir:
				if err := walkTree(e.Hash); err != nil {
					return err
				}
			case filemode.Submodule:
			default:
				seen[e.Hash] = true
			}
		}
		return nil
	}
	for len(tips) > 0 {
		h := tips[len(tips)-1]
		tips = tips[:len(tips)-1]
		if seen[h] {
			continue
		}
		// A reference may name any object (git tags a blob or a tree
		// as readily as a commit): what it names is kept, whatever it is.
		obj, err := s.repo.Storer.EncodedObject(plumbing.AnyObject, h)
		if err != nil {
			return nil, fmt.Errorf("%w: a reference names %s: %w", errCorrupt, h, err)
		}
		switch obj.Type() {
		case plumbing.TagObject:
			t, err := s.repo.TagObject(h)
			if err != nil {
				return nil, err
			}
			seen[h] = true
			tips = append(tips, t.Target)
			continue
		case plumbing.TreeObject:
			if err := walkTree(h); err != nil {
				return nil, err
			}
			continue
		case plumbing.BlobObject:
			seen[h] = true
			continue
		}
		c, err := s.repo.CommitObject(h)
		if err != nil {
			return nil, err
		}
		seen[h] = true
		if err := walkTree(c.TreeHash); err != nil {
			return nil, err
		}
		tips = append(tips, c.ParentHashes...)
	}
	return seen, nil
}

// lockIfFree takes the lock unless this Store already holds it (Repack
// called from Import).
func (s *Store) lockIfFree() (func(), error) {
	if s.locked {
		return func() {}, nil
	}
	return s.lock()
}
