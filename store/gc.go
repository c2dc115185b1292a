package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// GCGrace is how old an unreachable object or a temporary file must be
// before the clean-up that follows automatic repacks removes it. avenant's
// own writers hold the lock that GC takes; the grace spares what a git
// command run by hand may be writing meanwhile.
var GCGrace = time.Hour

// GCResult says what GC did.
type GCResult struct {
	// Packed counts the objects now in the store's one pack.
	Packed int
	// Unreachable counts the loose objects removed: written by imports
	// that died before their tag, or left behind by git.
	Unreachable int
	// TempFiles counts the temporary files removed, left by killed
	// imports (tmp_obj_*, tmp_pack_*, .tmp-avenant-*) and the manifest
	// caches of commits that are no version.
	TempFiles int
}

// GC repairs the branches, packs every reachable object into one pack
// (Repack), and removes unreachable loose objects and temporary files
// older than grace (0: all of them). It holds the store's lock.
func (s *Store) GC(grace time.Duration) (*GCResult, error) {
	unlock, ix, err := s.lockRepaired()
	if err != nil {
		return nil, err
	}
	defer unlock()
	if err := s.dropFetchRefs(); err != nil {
		return nil, err
	}
	packed, err := s.repack()
	if err != nil {
		return nil, err
	}
	res := &GCResult{Packed: packed}
	cutoff := time.Now().Add(-grace)
	old := func(path string) bool {
		fi, err := os.Lstat(path)
		return err == nil && !fi.ModTime().After(cutoff)
	}
	// Repack deleted the loose copies of reachable objects: what is
	// still loose is unreachable.
	if los, ok := s.repo.Storer.(storer.LooseObjectStorer); ok {
		var gone []plumbing.Hash
		err := los.ForEachObjectHash(func(h plumbing.Hash) error {
			if old(filepath.Join(s.gitDir, "objects", h.String()[:2], h.String()[2:])) {
				gone = append(gone, h)
			}
			return nil
		})
		if err != nil {
			return res, err
		}
		for _, h := range gone {
			if err := los.DeleteLooseObject(h); err != nil {
				return res, err
			}
			res.Unreachable++
		}
	}
	for _, pattern := range []string{
		filepath.Join(s.gitDir, "objects", "pack", "tmp_*"),
		filepath.Join(s.gitDir, "objects", "??", "tmp_obj_*"),
		filepath.Join(s.gitDir, ".tmp-*"),
		filepath.Join(s.gitDir, "avenant", ".tmp-*"),
		filepath.Join(s.gitDir, "avenant", "manifests", ".tmp-*"),
		filepath.Join(s.gitDir, "avenant", "changes", ".tmp-*"),
	} {
		matches, _ := filepath.Glob(pattern)
		for _, m := range matches {
			if old(m) && os.Remove(m) == nil {
				res.TempFiles++
			}
		}
	}
	// Manifest caches of no version go, and the gob caches of earlier
	// releases, which nothing reads any more.
	caches, _ := filepath.Glob(filepath.Join(s.gitDir, "avenant", "manifests", "*"))
	for _, c := range caches {
		commit, current := strings.CutSuffix(filepath.Base(c), manifestSuffix)
		if _, ok := ix.byCommit[commit]; current && ok || !current && !strings.HasSuffix(c, ".gob") {
			continue
		}
		if err := os.Remove(c); err == nil || errors.Is(err, fs.ErrNotExist) {
			res.TempFiles++
		}
	}
	// So do the re-derived changes of no version (rederive).
	caches, _ = filepath.Glob(filepath.Join(s.gitDir, "avenant", "changes", "[0-9a-f]*"))
	for _, c := range caches {
		if _, ok := ix.byCommit[filepath.Base(c)]; !ok && os.Remove(c) == nil {
			res.TempFiles++
		}
	}
	return res, nil
}
