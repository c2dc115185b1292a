package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/storage/memory"
)

// packFrom is how many new objects make an import write them as one pack
// rather than loose: go-git writes a loose object as a file of its own,
// which costs at least a file-system block, so that one object per clause
// of a large text (a 30 MB input made a 4 GB .git) costs far more than
// the text. Below it, loose objects are cheaper to write, and Repack
// gathers them every RepackEvery imports.
var packFrom = 128

// objectBatch holds the objects an import writes until flush, in memory.
type objectBatch struct {
	mem   *memory.Storage
	order []plumbing.Hash
}

// beginBatch makes the objects written until the returned flush go to
// memory; flush writes them all, loose or as one pack. Objects never
// flushed (a failed import) are never written.
func (s *Store) beginBatch() (flush func() error, end func()) {
	b := &objectBatch{mem: memory.NewStorage()}
	s.batch = b
	end = func() { s.batch = nil }
	flush = func() error {
		s.batch = nil
		temps := s.objectTemps()
		var written []plumbing.Hash
		err := s.writeBatch(b, &written)
		if err != nil {
			s.undoObjects(temps, written)
		}
		return err
	}
	return flush, end
}

// writeBatch writes the batch's objects, as one pack or loose, and adds
// to written each loose object it wrote that the store did not hold.
func (s *Store) writeBatch(b *objectBatch, written *[]plumbing.Hash) error {
	if len(b.order) >= packFrom {
		return s.writePack(b)
	}
	for _, h := range b.order {
		if s.repo.Storer.HasEncodedObject(h) == nil {
			continue // a tree the base has already
		}
		obj, err := b.mem.EncodedObject(plumbing.AnyObject, h)
		if err != nil {
			return err
		}
		if _, err := s.repo.Storer.SetEncodedObject(obj); err != nil {
			return fmt.Errorf("%s: writing an object: %w", s.Dir, err)
		}
		*written = append(*written, h)
	}
	return nil
}

// objectTemps lists the temporary files go-git writes objects and packs
// through (objects/pack/tmp_*).
func (s *Store) objectTemps() map[string]bool {
	names, _ := filepath.Glob(filepath.Join(s.gitDir, "objects", "pack", "tmp_*"))
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[n] = true
	}
	return set
}

// undoObjects takes back what a failed flush wrote: the loose objects it
// wrote, and the temporary files and pack index it left (a full disk
// leaves an empty tmp_obj_* per failed import, and the objects written
// before it filled, until gc's grace has passed). The store's lock keeps
// other imports out; temporary files that were there before (before)
// are another writer's, and stay.
func (s *Store) undoObjects(before map[string]bool, written []plumbing.Hash) {
	for n := range s.objectTemps() {
		if !before[n] {
			_ = os.Remove(n)
		}
	}
	if los, ok := s.repo.Storer.(storer.LooseObjectStorer); ok {
		for _, h := range written {
			_ = los.DeleteLooseObject(h)
		}
	}
	_ = s.dropOrphanPackIndexes()
}

// putObject stores obj in the current batch, else in the repository.
func (s *Store) putObject(obj plumbing.EncodedObject) (plumbing.Hash, error) {
	if s.batch == nil {
		return s.repo.Storer.SetEncodedObject(obj)
	}
	h := obj.Hash()
	if b := s.batch; b.mem.HasEncodedObject(h) != nil {
		if _, err := b.mem.SetEncodedObject(obj); err != nil {
			return h, err
		}
		b.order = append(b.order, h)
	}
	return h, nil
}

// hasObject reports whether h is in the current batch or the repository.
func (s *Store) hasObject(h plumbing.Hash) bool {
	if s.batch != nil && s.batch.mem.HasEncodedObject(h) == nil {
		return true
	}
	return s.repo.Storer.HasEncodedObject(h) == nil
}

// writePack writes the batch as one pack, without deltas: the objects of
// one version are different clauses, and Repack deltifies across
// versions. go-git writes the pack and its index under temporary names
// and renames them into place, the index last, so that a crash leaves no
// half pack in use.
func (s *Store) writePack(b *objectBatch) error {
	pfw, ok := s.repo.Storer.(storer.PackfileWriter)
	if !ok {
		return fmt.Errorf("%s: storage cannot write packs", s.Dir)
	}
	if err := s.dropOrphanPackIndexes(); err != nil {
		return err
	}
	w, err := pfw.PackfileWriter()
	if err != nil {
		return err
	}
	if _, err := packfile.NewEncoder(w, b.mem, false).Encode(b.order, 0); err != nil {
		w.Close()
		return fmt.Errorf("%s: writing a pack: %w", s.Dir, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("%s: writing a pack: %w", s.Dir, err)
	}
	return nil
}

// dropOrphanPackIndexes removes every pack index that has no pack beside
// it. go-git writes a pack's index in place before it renames the pack in,
// and keeps an index it finds already there: an index cut short by a
// crash would then be reused for the same pack written again (a pack's
// name is the hash of its content, so a repack of the same objects gives
// the same name), and every object in it would read as EOF once the loose
// copies are gone. Run under the store's lock, before any pack is written.
func (s *Store) dropOrphanPackIndexes() error {
	idxs, err := filepath.Glob(filepath.Join(s.gitDir, "objects", "pack", "pack-*.idx"))
	if err != nil {
		return err
	}
	for _, idx := range idxs {
		pack := strings.TrimSuffix(idx, ".idx") + ".pack"
		if _, err := os.Stat(pack); errors.Is(err, fs.ErrNotExist) {
			if err := os.Remove(idx); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("%s: removing an index left by an interrupted pack: %w", s.Dir, err)
			}
		}
	}
	return nil
}
