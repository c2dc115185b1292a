package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Version is one imported version, as the index knows it.
type Version struct {
	// Seq is the import order, from 1.
	Seq    int
	Commit string
	// Parent is the commit of the version it answers, "" for the first.
	Parent string
	// Base is the label of that version; for a version with no parent
	// that a back-filled version precedes, that version's (Precedes).
	Base         string
	Label        string
	Party        string
	Kind         string
	Date         string
	SourceSHA256 string
	SourceName   string
	// Precedes is the label of the version this one was imported before
	// in date order, for a version back-filled older than every version
	// the store held: it has no parent, its clauses took their ids from
	// that version's, and that version's line goes on to it
	// (index.lineParent). "" otherwise.
	Precedes string
	// Clauses counts the version's clauses.
	Clauses int
	// Changes are the clauses that changed since the parent, as recorded
	// in changes.json, with their blob; as the current rule has them, for
	// a version recorded under an older one (rederive).
	Changes []Delta
}

// Delta is a ChangeEntry with the hash of the clause file in its version.
type Delta struct {
	ChangeEntry
	// Blob is the hash's 20 bytes (not hex: it is read straight out of the
	// index file); "" for a clause that is gone, or a tree not read yet.
	Blob string
}

// index caches what log, blame and versions need, so that no command costs
// commits × clauses. It is rebuilt from the repository alone whenever it is
// missing or stale.
type index struct {
	// Fingerprint hashes the times of tagDirs and packed-refs (see
	// fingerprint): a version imported or removed behind avenant's back
	// changes it.
	Fingerprint string
	// tagDirs are the directories the fingerprint was made of, relative
	// to .git and slash-separated, .git/refs/tags first.
	tagDirs []string
	// Versions in the store's order: by date, then import order
	// (compareVersions).
	Versions []Version

	// unread[i], when not "", is the clauses tree of version i, not read
	// yet. A tree holds an entry per clause and reading them was most of
	// a rebuild, which therefore reads none: a version's Clauses and its
	// changed clauses' blobs are read from it when a command first needs
	// them (readTrees), then kept in the saved index.
	unread []string
	// read is set when readTrees filled a version in since the index was
	// last saved.
	read bool
	// pending[i], when its count is not 0, holds the changes of version i
	// still encoded (decodeIndex); nil once all are decoded.
	pending []pendingChanges

	byLabel  map[string]int
	byCommit map[string]int
}

func (ix *index) init() {
	ix.byLabel = make(map[string]int, len(ix.Versions))
	ix.byCommit = make(map[string]int, len(ix.Versions))
	for i, v := range ix.Versions {
		ix.byLabel[v.Label] = i
		ix.byCommit[v.Commit] = i
	}
	for i := range ix.Versions {
		v := &ix.Versions[i]
		v.Base = ""
		if p, ok := ix.byCommit[v.Parent]; ok {
			v.Base = ix.Versions[p].Label
		}
	}
	// A version imported with no parent follows the version back-filled
	// before it, the newest if several were (Version.Precedes).
	for i := range ix.Versions {
		v := &ix.Versions[i]
		if t, ok := ix.byLabel[v.Precedes]; ok && ix.Versions[t].Parent == "" && t > i {
			ix.Versions[t].Base = v.Label
		}
	}
}

// hasID reports whether some version held a clause with this stable id.
func (ix *index) hasID(id string) bool { return ix.firstNaming(id) >= 0 }

// firstNaming is the first version, in the store's order, whose changes
// name clause id; -1 when none does.
func (ix *index) firstNaming(id string) int {
	for i := range ix.Versions {
		if ix.names(i, id) {
			return i
		}
	}
	return -1
}

// idElsewhere is the error for a stable id that names no clause of
// version at but one of another version of the store, first: where to
// look. nil when id is no clause id of the store.
func (ix *index) idElsewhere(id string, at *Version) error {
	i := ix.firstNaming(id)
	if i < 0 {
		return nil
	}
	first := ix.Versions[i].Label
	return fmt.Errorf("%s: %w in %s; it is the id of a clause of %s, which %s does not hold: see it with --at %s", id, ErrUnknownClause, at.Label, first, at.Label, first)
}

// usedIDs is every clause id the store ever held.
func (ix *index) usedIDs() map[string]bool {
	ids := map[string]bool{}
	for _, v := range ix.Versions {
		for _, d := range v.Changes {
			ids[d.ID] = true
		}
	}
	return ids
}

func (s *Store) indexPath() string { return filepath.Join(s.gitDir, "avenant", "index") }

// oldIndexPath is where avenant kept the index in gob before: removed
// when the index is next saved.
func (s *Store) oldIndexPath() string { return filepath.Join(s.gitDir, "avenant", "index.gob") }

// index returns the store's index, loading it, or rebuilding it when it is
// missing, unreadable or stale, with every version's changes decoded.
func (s *Store) index() (*index, error) {
	ix, err := s.lazyIndex()
	if err != nil {
		return nil, err
	}
	ix.decodeAll()
	return ix, nil
}

// lazyIndex is index, but for the changes of versions, which it may leave
// encoded (index.decode fills them in): only log, blame and the clause and
// version lookups they start with use it, and each decodes the versions it
// hands out. Decoding them all was most of what a log cost past the
// process's start on a store of 200 versions.
func (s *Store) lazyIndex() (*index, error) {
	if s.idx != nil && s.fresh(s.idx) {
		return s.idx, nil
	}
	if ix, ok := s.loadIndex(); ok {
		ix.init()
		s.idx = ix
		return ix, nil
	}
	fp, dirs, err := s.fingerprint()
	if err != nil {
		return nil, err
	}
	ix, err := s.rebuildIndex(fp)
	if err != nil {
		return nil, err
	}
	ix.tagDirs = dirs
	s.idx = ix
	if err := s.saveIndex(ix); err != nil {
		s.cacheNotSaved("the index", err)
	}
	return ix, nil
}

// loadIndex reads the index file when it is whole and fresh. The file is mapped where it can be, and the index's strings point
// into it: a mapping in use is never unmapped (avenant replaces the file
// by renaming another onto it, which leaves the mapping whole), so each
// index loaded stays mapped as long as the process lives.
func (s *Store) loadIndex() (*index, bool) {
	b, err := mapFile(s.indexPath())
	unmap := func() { unmapFile(b) }
	if err != nil {
		if b, err = os.ReadFile(s.indexPath()); err != nil {
			return nil, false
		}
		unmap = func() {}
	}
	// The bytes are never written to: read-only mapped, or read for this
	// string alone.
	ix, err := decodeIndex(unsafe.String(unsafe.SliceData(b), len(b)))
	if err != nil || !s.fresh(ix) {
		unmap() // nothing decoded from it is kept
		return nil, false
	}
	return ix, true
}

// saveIndex writes the index to a temporary file renamed into place, so a
// reader never sees half an index.
func (s *Store) saveIndex(ix *index) error {
	dir := filepath.Dir(s.indexPath())
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return err
	}
	if err := writeFileAtomic(s.indexPath(), dir, encodeIndex(ix)); err != nil {
		return err
	}
	if err := os.Remove(s.oldIndexPath()); err != nil && !errors.Is(err, fs.ErrNotExist) {
		s.logf("cannot remove the old index: %v", err)
	}
	return nil
}

// fingerprint identifies the set of tags, which are the versions, from
// file metadata alone: the size and time of .git/packed-refs and the
// modification time of every directory under .git/refs/tags, which it
// returns. Creating, deleting or moving a tag (git writes a lock file and
// renames it into place) touches its directory, so a version imported,
// fetched or removed behind avenant's back changes the fingerprint;
// reading every tag file instead would dominate every command on a store
// of a few hundred versions.
func (s *Store) fingerprint() (string, []string, error) {
	dirs := []string{"refs/tags"}
	err := s.walkTagRefs(func(dir string, d fs.DirEntry) error {
		if rel, _ := filepath.Rel(s.gitDir, filepath.Join(dir, d.Name())); d.IsDir() && filepath.ToSlash(rel) != dirs[0] {
			dirs = append(dirs, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		return "", nil, fmt.Errorf("%s: reading tags: %w", s.Dir, err)
	}
	fp, err := s.fingerprintOf(dirs)
	return fp, dirs, err
}

// fresh reports whether ix's fingerprint is the store's, from the times of
// the directories it was made of alone, without listing them: a
// directory's time also changes when a directory is made or removed in
// it, so a directory added anywhere under .git/refs/tags changes a time
// that fresh reads.
func (s *Store) fresh(ix *index) bool {
	if len(ix.tagDirs) == 0 {
		return false
	}
	fp, err := s.fingerprintOf(ix.tagDirs)
	return err == nil && fp == ix.Fingerprint
}

// fingerprintOf hashes the times of packed-refs and of dirs, and whether
// each exists.
func (s *Store) fingerprintOf(dirs []string) (string, error) {
	h := sha256.New()
	if fi, err := os.Stat(filepath.Join(s.gitDir, "packed-refs")); err == nil {
		fmt.Fprintf(h, "packed-refs %d %d\n", fi.Size(), fi.ModTime().UnixNano())
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("%s: reading tags: %w", s.Dir, err)
	}
	for _, d := range dirs {
		fi, err := os.Lstat(filepath.Join(s.gitDir, filepath.FromSlash(d)))
		switch {
		case err == nil:
			fmt.Fprintf(h, "%s %d\n", d, fi.ModTime().UnixNano())
		case errors.Is(err, fs.ErrNotExist):
			fmt.Fprintf(h, "%s -\n", d)
		default:
			return "", fmt.Errorf("%s: reading tags: %w", s.Dir, err)
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// walkTagRefs calls fn with each directory and file of .git/refs/tags,
// and the directory that holds it: the directories in the order of
// filepath.WalkDir, the files of each in no set order. A store without
// tags has none. Unlike WalkDir it neither sorts the files nor makes
// their paths, which cost the fingerprint of a store of a few hundred
// versions more than reading the directories did.
func (s *Store) walkTagRefs(fn func(dir string, d fs.DirEntry) error) error {
	refs := filepath.Join(s.gitDir, "refs")
	fi, err := os.Lstat(filepath.Join(refs, "tags"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return walkRefDir(refs, fs.FileInfoToDirEntry(fi), fn)
}

func walkRefDir(dir string, d fs.DirEntry, fn func(dir string, d fs.DirEntry) error) error {
	if err := fn(dir, d); err != nil || !d.IsDir() {
		return err
	}
	path := filepath.Join(dir, d.Name())
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // removed meanwhile
	}
	if err != nil {
		return err
	}
	entries, err := f.ReadDir(-1)
	f.Close()
	if err != nil {
		return err
	}
	var subdirs []fs.DirEntry
	for _, e := range entries {
		if e.IsDir() {
			subdirs = append(subdirs, e)
		} else if err := fn(path, e); err != nil {
			return err
		}
	}
	slices.SortFunc(subdirs, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	for _, e := range subdirs {
		if err := walkRefDir(path, e, fn); err != nil {
			return err
		}
	}
	return nil
}

// rebuildIndex reads every version from its tag, commit and changes.json,
// leaving its clauses tree unread.
func (s *Store) rebuildIndex(fp string) (*index, error) {
	tags, err := s.tags()
	if err != nil {
		return nil, fmt.Errorf("%s: reading tags: %w", s.Dir, err)
	}
	ix := &index{Fingerprint: fp}
	trees := map[string]plumbing.Hash{}
	stale := map[string]bool{}
	for _, name := range slices.Sorted(maps.Keys(tags)) {
		v, rec, ok, err := s.readVersion(name, tags[name])
		if err != nil {
			return nil, err
		}
		if ok {
			ix.Versions = append(ix.Versions, v)
			trees[v.Commit] = rec.tree
			stale[v.Commit] = rec.rules < changesRule
		}
	}
	sortVersions(ix.Versions)
	ix.unread = make([]string, len(ix.Versions))
	for i, v := range ix.Versions {
		if t := trees[v.Commit]; !t.IsZero() {
			ix.unread[i] = t.String()
		}
	}
	ix.init()
	var todo []int
	for i := range ix.Versions {
		if stale[ix.Versions[i].Commit] {
			todo = append(todo, i)
		}
	}
	s.rederiveAll(ix, todo)
	return ix, nil
}

// tags maps each tag's name to the object it names, read from
// .git/packed-refs and the files under .git/refs/tags (which win) as git
// writes them: go-git resolved every component of every tag file's path,
// which cost a rebuild as much as reading the versions.
func (s *Store) tags() (map[string]plumbing.Hash, error) {
	tags := map[string]plumbing.Hash{}
	packed, err := packedRefs(s.gitDir)
	if err != nil {
		return nil, err
	}
	for ref, h := range packed {
		if name, ok := strings.CutPrefix(ref, "refs/tags/"); ok {
			tags[name] = h
		}
	}
	root := filepath.Join(s.gitDir, "refs", "tags")
	err = s.walkTagRefs(func(dir string, d fs.DirEntry) error {
		if d.IsDir() || strings.HasSuffix(d.Name(), ".lock") {
			return nil
		}
		path := filepath.Join(dir, d.Name())
		rel, _ := filepath.Rel(root, path)
		// A file no tag can be named after (.DS_Store, left by a file
		// manager) is no tag, as git has it.
		if plumbing.ReferenceName("refs/tags/"+filepath.ToSlash(rel)).Validate() != nil {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		switch hash := strings.TrimSpace(string(b)); {
		case len(hash) == 40 && isHex(hash):
			tags[filepath.ToSlash(rel)] = plumbing.NewHash(hash)
		case strings.HasPrefix(hash, "ref:"):
			// A symbolic reference names no version of its own.
		default:
			// A truncated or overwritten tag file is a version lost to
			// sight, whose branch the repair would move away.
			return fmt.Errorf("%w: refs/tags/%s holds %.60q, no object id (git fsck tells more)", errCorrupt, filepath.ToSlash(rel), hash)
		}
		return nil
	})
	return tags, err
}

// readTrees reads the clauses tree of each version of vs that the index
// has not read yet (see index.unread).
func (s *Store) readTrees(ix *index, vs ...*Version) error {
	for _, v := range vs {
		i, ok := ix.byCommit[v.Commit]
		if !ok || i >= len(ix.unread) || ix.unread[i] == "" {
			continue
		}
		ix.decode(i)
		if err := s.readClausesTree(&ix.Versions[i], hashOf(ix.unread[i])); err != nil {
			return fmt.Errorf("%s: version %s (%s): %w", s.Dir, v.Label, shortHash(v.Commit), err)
		}
		ix.unread[i], ix.read = "", true
	}
	return nil
}

// saveRead saves the index when readTrees read something into it, so
// that each tree is read once.
func (s *Store) saveRead(ix *index) {
	if !ix.read {
		return
	}
	ix.read = false
	if err := s.saveIndex(ix); err != nil {
		s.cacheNotSaved("the index", err)
	}
}

// recorded is what readVersion tells of a version besides what the index
// keeps: its clauses tree, and the rule its changes.json was derived by.
type recorded struct {
	tree  plumbing.Hash
	rules int
}

// readVersion reads the version that tag label points to at h, but for
// what its clauses tree holds (readClausesTree), and returns that tree. ok
// is false when it is none (a tag on something else, or on a commit of
// another label); an error names a version that avenant would never have
// written: bad trailers or changes.json, or an object that fails its hash.
func (s *Store) readVersion(label string, h plumbing.Hash) (v Version, rec recorded, ok bool, err error) {
	c, err := s.taggedCommit(h)
	if errors.Is(err, plumbing.ErrObjectNotFound) {
		// Taken for a tag that names no version, it was ignored, and its
		// version's branch moved off its commit, which gc then removed.
		return v, rec, false, fmt.Errorf("%s: %w: tag %s names %s, which the store does not hold (git fsck tells more)", s.Dir, errCorrupt, label, shortHash(h.String()))
	}
	if errors.Is(err, errCorrupt) {
		return v, rec, false, fmt.Errorf("tag %s: %w", label, err)
	}
	if err != nil {
		return v, rec, false, nil
	}
	if v, ok = versionOf(c); !ok || v.Label != label {
		return v, rec, false, nil
	}
	if err := checkTrailers(&v); err != nil {
		return v, rec, false, fmt.Errorf("%s: version %s (%s): %w", s.Dir, v.Label, shortHash(c.Hash.String()), err)
	}
	if rec, err = s.readChanges(c, &v); err != nil {
		return v, rec, false, fmt.Errorf("%s: version %s (%s): %w", s.Dir, v.Label, shortHash(c.Hash.String()), err)
	}
	return v, rec, true, nil
}

// taggedCommit reads the commit a tag at h names: h itself for a
// lightweight tag (avenant's), else the target of the tag object. The
// object is read once, whatever its type: asking go-git for a tag object
// first read every commit twice.
func (s *Store) taggedCommit(h plumbing.Hash) (*object.Commit, error) {
	t, data, err := s.typedObject(plumbing.AnyObject, h)
	if err != nil {
		return nil, err
	}
	if t == plumbing.TagObject {
		tag, err := object.DecodeTag(s.repo.Storer, decoded(t, data))
		if err != nil {
			return nil, err
		}
		h = tag.Target
		if t, data, err = s.typedObject(plumbing.AnyObject, h); err != nil {
			return nil, err
		}
	}
	if t != plumbing.CommitObject {
		return nil, fmt.Errorf("%s is a %s, not a commit", h, t)
	}
	return object.DecodeCommit(s.repo.Storer, decoded(plumbing.CommitObject, data))
}

// versionOf reads a version's metadata from its commit's trailers; ok is
// false for a commit avenant did not write.
func versionOf(c *object.Commit) (Version, bool) {
	t := trailers(c.Message)
	v := Version{
		Commit: c.Hash.String(), Label: t["Avenant-Label"], Party: t["Avenant-Party"], Kind: t["Avenant-Kind"],
		Date: t["Avenant-Date"], SourceSHA256: t["Avenant-Source-SHA256"], SourceName: t["Avenant-Source-Name"],
		Precedes: t["Avenant-Precedes"],
	}
	if len(c.ParentHashes) > 0 {
		v.Parent = c.ParentHashes[0].String()
	}
	v.Seq, _ = strconv.Atoi(t["Avenant-Seq"])
	return v, v.Label != ""
}

// trailers parses the "Key: value" lines of a commit message's last
// paragraph.
func trailers(msg string) map[string]string {
	msg = strings.TrimRight(msg, "\n")
	if i := strings.LastIndex(msg, "\n\n"); i >= 0 {
		msg = msg[i+2:]
	}
	t := map[string]string{}
	for _, l := range strings.Split(msg, "\n") {
		k, v, ok := strings.Cut(l, ": ")
		if ok && !strings.ContainsAny(k, " \t") {
			t[k] = v
		}
	}
	return t
}

// readChanges fills v.Changes from the commit's changes.json, and returns
// the commit's clauses tree and the rule of its changes.
func (s *Store) readChanges(c *object.Commit, v *Version) (recorded, error) {
	var changesBlob, clausesTree plumbing.Hash
	root, err := s.object(plumbing.TreeObject, c.TreeHash)
	if err != nil {
		return recorded{}, err
	}
	err = scanTree(root, func(name []byte, h plumbing.Hash) {
		switch string(name) {
		case "changes.json":
			changesBlob = h
		case "clauses":
			clausesTree = h
		}
	})
	if err != nil {
		return recorded{}, err
	}
	if changesBlob.IsZero() {
		return recorded{}, fmt.Errorf("%w: no changes.json", errCorrupt)
	}
	raw, err := s.readBlob(changesBlob)
	if err != nil {
		return recorded{}, err
	}
	changes, rules, err := decodeChanges(raw)
	if err != nil {
		return recorded{}, err
	}
	v.Changes = make([]Delta, len(changes))
	for i, ch := range changes {
		v.Changes[i] = Delta{ChangeEntry: ch}
	}
	return recorded{clausesTree, rules}, nil
}

// readClausesTree fills v.Clauses and the blobs of v.Changes from the
// version's clauses tree, scanned in place rather than decoded: only the
// changed clauses' entries matter.
func (s *Store) readClausesTree(v *Version, tree plumbing.Hash) error {
	data, err := s.object(plumbing.TreeObject, tree)
	if err != nil {
		return err
	}
	at := make(map[string]int, len(v.Changes)) // file name of a clause present → its change
	for i, ch := range v.Changes {
		if !ch.Gone {
			at[ch.ID+".txt"] = i
		}
	}
	v.Clauses = 0
	return scanTree(data, func(name []byte, h plumbing.Hash) {
		v.Clauses++
		if i, ok := at[string(name)]; ok {
			v.Changes[i].Blob = string(h[:])
		}
	})
}

// scanTree calls fn with the name and hash of each entry of a tree
// object's content, in order, without decoding the tree: each entry is
// "<mode> <name>\0" and a 20-byte hash.
func scanTree(data []byte, fn func(name []byte, h plumbing.Hash)) error {
	for len(data) > 0 {
		sp := bytes.IndexByte(data, ' ')
		nul := bytes.IndexByte(data, 0)
		if sp < 0 || nul < sp || len(data) < nul+1+len(plumbing.ZeroHash) {
			return fmt.Errorf("%w: a tree entry is malformed", errCorrupt)
		}
		var h plumbing.Hash
		copy(h[:], data[nul+1:])
		fn(data[sp+1:nul], h)
		data = data[nul+1+len(h):]
	}
	return nil
}

// tmpPrefix starts the names of the temporary files avenant writes, which
// GC removes when a crash leaves them behind.
const tmpPrefix = ".tmp-avenant-"

// writeFileAtomic writes data to path through a temporary file in tmpDir
// renamed into place. tmpDir must be on the same file system, and outside
// .git/refs: git would read a temporary file left by a crash as a broken
// reference. The temporary name does not repeat path's: a name as long as
// a file name can be would not leave room for it.
func writeFileAtomic(path, tmpDir string, data []byte) error {
	tmp, err := os.CreateTemp(tmpDir, tmpPrefix)
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}
