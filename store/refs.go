package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
)

// maxRefName is the longest branch or tag name the store accepts: a
// reference is a file, a file name has at most 255 bytes on common file
// systems, and git writes "<name>.lock" beside it to update it. The bound
// is the whole name's, not each of its parts': a label of many parts
// (a/b/…) made a path past the system's limit, which failed the import
// with a message of the label's length and left the directories of its
// first parts, where a later tag of that name could not be written.
const maxRefName = 255 - len(".lock")

// checkRefName refuses a reference name that git would refuse, or whose
// file could not be written, before anything is written. Messages show at
// most the first 80 characters of a name.
func checkRefName(name plumbing.ReferenceName) error {
	// Short() would stop at a space.
	short := strings.TrimPrefix(strings.TrimPrefix(name.String(), "refs/heads/"), "refs/tags/")
	if err := name.Validate(); err != nil || strings.HasPrefix(short, "-") {
		return fmt.Errorf("%.80q is not a valid git reference name (no spaces, ~ ^ : ? * [ \\ .. @{ or control characters)", short)
	}
	if len(short) > maxRefName {
		return fmt.Errorf("%.80q: %d bytes, too long to be a file name (at most %d)", short, len(short), maxRefName)
	}
	return nil
}

// setRef points the reference name at h by writing a temporary file renamed
// over the loose ref, as git does: a reader sees the old or the new value,
// never a torn one.
func (s *Store) setRef(name plumbing.ReferenceName, h plumbing.Hash) error {
	path := filepath.Join(s.gitDir, filepath.FromSlash(name.String()))
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		return err
	}
	if err := writeFileAtomic(path, s.gitDir, []byte(h.String()+"\n")); err != nil {
		return fmt.Errorf("updating %s: %w", name, err)
	}
	return nil
}

// refsUnder maps the references under prefix ("refs/", "refs/heads/"), by
// the rest of their name, to their commit, read as git reads them: the
// files under refs/, which win, and packed-refs. A file no reference can be
// named after is none: "cnam.lock", which git writes beside a reference it
// updates and a git killed leaves, made go-git's listing fail ('ref file is
// empty') and with it every import, push, pull and gc, or once written,
// listed a branch 'cnam.lock' that a push would send. Symbolic references
// name no commit of their own.
func refsUnder(gitDir, prefix string) (map[string]plumbing.Hash, error) {
	out := map[string]plumbing.Hash{}
	packed, err := packedRefs(gitDir)
	if err != nil {
		return nil, err
	}
	for name, h := range packed {
		if rest, ok := strings.CutPrefix(name, prefix); ok {
			out[rest] = h
		}
	}
	dir := strings.TrimSuffix(prefix, "/")
	top, err := os.Lstat(filepath.Join(gitDir, filepath.FromSlash(dir)))
	if errors.Is(err, fs.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	parent := filepath.Join(gitDir, filepath.FromSlash(path.Dir(dir)))
	err = walkRefDir(parent, fs.FileInfoToDirEntry(top), func(dir string, d fs.DirEntry) error {
		if d.IsDir() {
			return nil
		}
		file := filepath.Join(dir, d.Name())
		rel, _ := filepath.Rel(gitDir, file)
		name := filepath.ToSlash(rel)
		if !strings.HasPrefix(name, prefix) || plumbing.ReferenceName(name).Validate() != nil {
			return nil
		}
		b, err := os.ReadFile(file)
		if errors.Is(err, fs.ErrNotExist) {
			return nil // removed meanwhile
		}
		if err != nil {
			return err
		}
		switch content := strings.TrimSpace(string(b)); {
		case len(content) == 40 && isHex(content):
			out[strings.TrimPrefix(name, prefix)] = plumbing.NewHash(content)
		case !strings.HasPrefix(content, "ref:"):
			return fmt.Errorf("%w: %s holds %.60q, no object id (git fsck tells more)", errCorrupt, name, content)
		}
		return nil
	})
	return out, err
}

// packedRefs maps the references of packed-refs by full name; a line
// that is no reference is a corrupt store, as git has it.
func packedRefs(gitDir string) (map[string]plumbing.Hash, error) {
	out := map[string]plumbing.Hash{}
	b, err := os.ReadFile(filepath.Join(gitDir, "packed-refs"))
	if errors.Is(err, fs.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	for i, l := range strings.Split(string(b), "\n") {
		if l == "" || l[0] == '#' || l[0] == '^' {
			continue
		}
		hash, ref, _ := strings.Cut(l, " ")
		if len(hash) != 40 || !isHex(hash) || !strings.HasPrefix(ref, "refs/") {
			return nil, fmt.Errorf("%w: packed-refs, line %d: %.60q is no reference (git refuses the file too)", errCorrupt, i+1, l)
		}
		out[ref] = plumbing.NewHash(hash)
	}
	return out, nil
}

// refMove is one reference an import moves; old is zero for a new one.
type refMove struct {
	name     plumbing.ReferenceName
	old, new plumbing.Hash
}

// moveRefs applies the moves in order, calling after(i) once move i is
// done. On a failure it puts back the references already moved, so that a
// failed import leaves them as they were.
func (s *Store) moveRefs(moves []refMove, after func(i int)) error {
	for i, m := range moves {
		if err := s.setRef(m.name, m.new); err != nil {
			for j := i - 1; j >= 0; j-- {
				if rerr := s.restoreRef(moves[j]); rerr != nil {
					s.logf("cannot put back %s: %v (the next import repairs it)", moves[j].name.Short(), rerr)
				}
			}
			return err
		}
		after(i)
	}
	return nil
}

func (s *Store) restoreRef(m refMove) error {
	if m.old.IsZero() {
		err := s.repo.Storer.RemoveReference(m.name)
		if errors.Is(err, plumbing.ErrReferenceNotFound) {
			return nil
		}
		return err
	}
	return s.setRef(m.name, m.old)
}

// currentRef is what name points to, zero when it does not exist.
func (s *Store) currentRef(name plumbing.ReferenceName) plumbing.Hash {
	ref, err := s.repo.Reference(name, true)
	if err != nil {
		return plumbing.ZeroHash
	}
	return ref.Hash()
}

// repairRefs puts the party branches and main where the versions say,
// should a command have died between its reference updates: a branch on
// the commit of an import that never wrote its tag (the commit point) goes
// back to the party's latest version, or away when the party has none; a
// branch on an older version than its party's latest (a pull that died
// between tags and branches) moves forward; a missing one is created.
// Branches on commits avenant did not write are left alone: someone put
// them there on purpose. A repair that fails is a notice, never an error:
// it must not block the command that would fix things.
func (s *Store) repairRefs(ix *index) {
	latest := map[string]int{}
	for i, v := range ix.Versions {
		latest[s.partyBranch(ix, v.Party).Short()] = i
		latest[mainBranch] = i
	}
	refs, err := refsUnder(s.gitDir, "refs/")
	if err != nil {
		s.logf("cannot read the branches to repair them: %v", err)
		return
	}
	heads, kept := map[string]plumbing.Hash{}, map[string]plumbing.Hash{}
	for name, h := range refs {
		if rest, ok := strings.CutPrefix(name, "heads/"); ok {
			heads[rest] = h
		} else if strings.HasPrefix(name, keptPrefix) {
			kept["refs/"+name] = h
		}
	}
	s.dropKept(ix, kept)
	move := func(name string, to plumbing.Hash, why string) {
		ref := plumbing.NewBranchReferenceName(name)
		var err error
		if to.IsZero() {
			err = s.repo.Storer.RemoveReference(ref)
		} else {
			err = s.setRef(ref, to)
		}
		if err != nil {
			s.logf("cannot repair branch %s: %v", name, err)
			return
		}
		s.logf("branch %s %s", name, why)
	}
	for name, h := range heads {
		i, known := latest[name]
		if j, ok := ix.byCommit[h.String()]; ok {
			if known && j < i {
				v := ix.Versions[i]
				move(name, plumbing.NewHash(v.Commit), fmt.Sprintf("moved to %s (%s), the newest version by date, where an interrupted command or an older avenant back-filling history had left it behind", v.Label, shortHash(v.Commit)))
			}
			continue
		}
		if !s.halfWritten(h) {
			continue
		}
		// An import that died before its tag and a version whose tag
		// was deleted by hand (git tag -d) look alike: the commit is kept
		// reachable, or gc would delete a version.
		kept := s.keep(name, h)
		if known {
			v := ix.Versions[i]
			move(name, plumbing.NewHash(v.Commit), fmt.Sprintf("moved back to %s (%s) from %s, an import that did not complete or a version whose tag is gone%s", v.Label, shortHash(v.Commit), shortHash(h.String()), kept))
		} else {
			move(name, plumbing.ZeroHash, fmt.Sprintf("removed: it only held %s, an import that did not complete or a version whose tag is gone%s", shortHash(h.String()), kept))
		}
	}
	for name, i := range latest {
		if _, ok := heads[name]; !ok {
			v := ix.Versions[i]
			move(name, plumbing.NewHash(v.Commit), fmt.Sprintf("created at %s (%s), left out by an interrupted command", v.Label, shortHash(v.Commit)))
		}
	}
	s.reattachHead(ix)
}

// reattachHead points HEAD back at main when it was detached on a commit
// (git checkout COMMIT, git update-ref --no-deref HEAD): imports move main
// and the party branches, never HEAD, so a detached HEAD stayed on that
// commit for good, and git log or a git clone of the store showed that
// version rather than the latest. A commit it held that is no version is
// kept, as main's would be.
func (s *Store) reattachHead(ix *index) {
	head, err := s.repo.Storer.Reference(plumbing.HEAD)
	if err != nil || head.Type() != plumbing.HashReference {
		return
	}
	h := head.Hash()
	what := shortHash(h.String())
	if i, ok := ix.byCommit[h.String()]; ok {
		what += " (" + ix.Versions[i].Label + ")"
	} else {
		what += ", which is no version" + s.keep("HEAD", h)
	}
	main := plumbing.NewSymbolicReference(plumbing.HEAD, plumbing.NewBranchReferenceName(mainBranch))
	if err := s.repo.Storer.SetReference(main); err != nil {
		s.logf("HEAD is detached at %s and cannot be put back on main: %v", what, err)
		return
	}
	s.logf("HEAD was detached at %s; it is on main again, which follows the latest version", what)
}

// halfWritten reports whether h is the commit of an import that died
// before its tag: avenant wrote it (its trailers name a label), but it is
// no version.
func (s *Store) halfWritten(h plumbing.Hash) bool {
	c, err := s.repo.CommitObject(h)
	if err != nil {
		return false
	}
	_, ok := versionOf(c)
	return ok
}

// keepStrayMain keeps reachable, under refs/avenant/kept/, a commit that
// main points to but that is no version (a commit made with git on main):
// the import is about to move main away from it.
func (s *Store) keepStrayMain(ix *index, h plumbing.Hash) {
	if h.IsZero() {
		return
	}
	if _, ok := ix.byCommit[h.String()]; ok || s.halfWritten(h) {
		return
	}
	s.logf("main pointed to %s, which is no version%s", shortHash(h.String()), s.keep(mainBranch, h))
}

// keptPrefix is where keep puts what it keeps, under refs/.
const keptPrefix = "avenant/kept/"

// keep makes commit h, which branch is about to leave, reachable under
// refs/avenant/kept/, and says so for a notice: ": kept as REF", or why
// it could not be.
func (s *Store) keep(branch string, h plumbing.Hash) string {
	kept := keptRef(branch, h)
	if err := s.setRef(kept, h); err != nil {
		return fmt.Sprintf(", and it cannot be kept: %v", err)
	}
	return ": kept as " + kept.String()
}

func keptRef(branch string, h plumbing.Hash) plumbing.ReferenceName {
	return plumbing.ReferenceName("refs/" + keptPrefix + branch + "-" + h.String())
}

// dropKept removes, of the references kept (name → commit), those that
// keep nothing a version does not: on a version's commit (an import that
// died before its tag run again, a deleted tag put back by hand), or on a
// commit of the same label, party, date, kind, parent and text as a
// version (that import run again from a file of another name). Any other
// stays: it may be all that holds a version whose tag was deleted.
func (s *Store) dropKept(ix *index, kept map[string]plumbing.Hash) {
	for _, name := range sortedKeys(kept) {
		label, ok := s.keptVersion(ix, kept[name])
		if !ok {
			continue
		}
		if err := s.repo.Storer.RemoveReference(plumbing.ReferenceName(name)); err != nil {
			s.logf("cannot remove %s, which version %s makes needless: %v", name, label, err)
			continue
		}
		s.logf("%s removed: version %s holds what it kept", name, label)
	}
}

// keptVersion names the version that holds all that commit h does, as
// dropKept reads it.
func (s *Store) keptVersion(ix *index, h plumbing.Hash) (string, bool) {
	if i, ok := ix.byCommit[h.String()]; ok {
		return ix.Versions[i].Label, true
	}
	c, err := s.repo.CommitObject(h)
	if err != nil {
		return "", false
	}
	k, ok := versionOf(c)
	i, found := ix.byLabel[k.Label]
	if !ok || !found {
		return "", false
	}
	v := &ix.Versions[i]
	if v.Party != k.Party || v.Date != k.Date || v.Kind != k.Kind || v.Parent != k.Parent || v.Precedes != k.Precedes {
		return "", false
	}
	vc, err := s.repo.CommitObject(plumbing.NewHash(v.Commit))
	if err != nil || vc.TreeHash != c.TreeHash {
		return "", false
	}
	return v.Label, true
}

// dropKeptOf removes the references repairRefs kept of commit h, which
// has just become a version: an import that died before its tag, run
// again, writes the same commit.
func (s *Store) dropKeptOf(ix *index, branches []string, h plumbing.Hash) {
	kept := map[string]plumbing.Hash{}
	for _, b := range branches {
		if name := keptRef(b, h); s.currentRef(name) == h {
			kept[name.String()] = h
		}
	}
	s.dropKept(ix, kept)
}

// lockRepaired takes the lock (unless this Store holds it), reads the
// index and repairs what an interrupted command left: where every command
// that writes starts.
func (s *Store) lockRepaired() (unlock func(), ix *index, err error) {
	if unlock, err = s.lockIfFree(); err != nil {
		return nil, nil, err
	}
	if ix, err = s.index(); err != nil {
		unlock()
		return nil, nil, err
	}
	s.repairRefs(ix)
	return unlock, ix, nil
}
