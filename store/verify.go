package store

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/lazyre"
)

// errCorrupt is wrapped by every error about what a store holds: an
// object whose content does not hash to its name, or a manifest, a
// changes.json or trailers that avenant would never have written. A store
// pulled or cloned from another party is read as untrusted input.
var errCorrupt = errors.New("corrupt store")

// object reads object h of type t and checks that its content hashes to
// h: go-git trusts the files under .git/objects, and a loose object
// replaced by another valid one would otherwise be read silently.
func (s *Store) object(t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	_, data, err := s.typedObject(t, h)
	return data, err
}

// typedObject reads object h of type t (any type for AnyObject) from the
// packs (packReader) or its loose file, or else through go-git, and checks
// its hash.
func (s *Store) typedObject(t plumbing.ObjectType, h plumbing.Hash) (plumbing.ObjectType, []byte, error) {
	got, data, ok, err := s.packs.read(s.gitDir, h)
	if err == nil && !ok {
		got, data, ok, err = s.packs.loose(s.gitDir, h)
	}
	if err != nil {
		return 0, nil, fmt.Errorf("%s: %w", s.Dir, err)
	}
	if ok {
		if t != plumbing.AnyObject && got != t {
			return 0, nil, fmt.Errorf("%s: %s %s: %w", s.Dir, t, h, plumbing.ErrObjectNotFound)
		}
		return got, data, s.checkHash(got, h, data)
	}
	obj, err := s.repo.Storer.EncodedObject(t, h)
	if err != nil {
		return 0, nil, fmt.Errorf("%s: %s %s: %w", s.Dir, t, h, err)
	}
	if obj.Size() > int64(maxObjectBytes) {
		return 0, nil, fmt.Errorf("%s: %w: %s %s is %d bytes, more than any store holds", s.Dir, errCorrupt, t, h, obj.Size())
	}
	data, err = s.content(obj, obj.Type(), h)
	return obj.Type(), data, err
}

// content reads obj, object h of type t, and checks that it hashes to h.
func (s *Store) content(obj plumbing.EncodedObject, t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	r, err := obj.Reader()
	if err != nil {
		return nil, fmt.Errorf("%s: %s %s: %w", s.Dir, t, h, err)
	}
	data, err := io.ReadAll(r)
	r.Close()
	if err != nil {
		return nil, fmt.Errorf("%s: %s %s: %w", s.Dir, t, h, err)
	}
	return data, s.checkHash(t, h, data)
}

func (s *Store) checkHash(t plumbing.ObjectType, h plumbing.Hash, data []byte) error {
	if got := plumbing.ComputeHash(t, data); got != h {
		return fmt.Errorf("%s: %w: %s %s holds content whose hash is %s (git fsck tells more)", s.Dir, errCorrupt, t, h, got)
	}
	return nil
}

// decoded wraps verified content for go-git's decoders.
func decoded(t plumbing.ObjectType, data []byte) *plumbing.MemoryObject {
	mo := &plumbing.MemoryObject{}
	mo.SetType(t)
	mo.Write(data)
	return mo
}

func (s *Store) commitObject(h plumbing.Hash) (*object.Commit, error) {
	data, err := s.object(plumbing.CommitObject, h)
	if err != nil {
		return nil, err
	}
	return object.DecodeCommit(s.repo.Storer, decoded(plumbing.CommitObject, data))
}

func (s *Store) treeObject(h plumbing.Hash) (*object.Tree, error) {
	data, err := s.object(plumbing.TreeObject, h)
	if err != nil {
		return nil, err
	}
	return object.DecodeTree(s.repo.Storer, decoded(plumbing.TreeObject, data))
}

func (s *Store) readBlob(h plumbing.Hash) ([]byte, error) {
	return s.object(plumbing.BlobObject, h)
}

// maxDepth bounds a clause's nesting level as read from a manifest: real
// texts nest a few levels, and the depth sizes indentation on display.
const maxDepth = 64

var (
	knownKinds = map[clause.Kind]bool{
		clause.KindPreamble: true, clause.KindTitle: true, clause.KindChapter: true, clause.KindSection: true,
		clause.KindArticle: true, clause.KindAnnex: true, clause.KindItem: true, clause.KindParagraph: true,
	}
	knownChanges = map[clause.ChangeKind]bool{
		clause.Unchanged: true, clause.Cosmetic: true, clause.Modified: true, clause.Added: true,
		clause.Removed: true, clause.Split: true, clause.Merged: true,
	}
	sha256Hex = lazyre.New(`^[0-9a-f]{64}$`)
)

// checkManifest refuses a manifest that avenant would never write: more
// clauses than a text may have, bad or repeated ids, an unknown kind, a
// depth out of 0..maxDepth, a parent that is not an earlier clause.
func checkManifest(m []ManifestEntry) error {
	if len(m) > clause.MaxClauses {
		return fmt.Errorf("%w: manifest.json lists %d clauses, more than a text may have (%d)", errCorrupt, len(m), clause.MaxClauses)
	}
	seen := make(map[string]bool, len(m))
	for i, e := range m {
		bad := func(format string, args ...any) error {
			return fmt.Errorf("%w: manifest.json, clause %d (%q): %s", errCorrupt, i+1, e.ID, fmt.Sprintf(format, args...))
		}
		switch {
		case !validID(e.ID):
			return bad("not a clause id")
		case seen[e.ID]:
			return bad("listed twice")
		case !knownKinds[e.Kind]:
			return bad("unknown kind %q", e.Kind)
		case e.Depth < 0 || e.Depth > maxDepth:
			return bad("depth %d, want 0 to %d", e.Depth, maxDepth)
		case e.Parent != "" && !seen[e.Parent]:
			return bad("parent %q is not an earlier clause", e.Parent)
		case len(e.Path) > maxDepth+1:
			return bad("a path of %d headings", len(e.Path))
		}
		seen[e.ID] = true
	}
	return nil
}

// checkChanges refuses a changes.json entry with a bad id or an unknown
// change.
func checkChanges(cs []ChangeEntry) error {
	for i, c := range cs {
		if !validID(c.ID) {
			return fmt.Errorf("%w: changes.json, entry %d: %q is not a clause id", errCorrupt, i+1, c.ID)
		}
		if !knownChanges[c.Change] {
			return fmt.Errorf("%w: changes.json, entry %d (%s): unknown change %q", errCorrupt, i+1, c.ID, c.Change)
		}
		for _, o := range c.Others {
			if !validID(o) {
				return fmt.Errorf("%w: changes.json, entry %d (%s): %q is not a clause id", errCorrupt, i+1, c.ID, o)
			}
		}
	}
	return nil
}

// checkTrailers applies to a version read from a commit the rules an
// import applies to what it writes.
func checkTrailers(v *Version) error {
	bad := func(trailer, value, want string) error {
		return fmt.Errorf("%w: trailer %s %q: %s", errCorrupt, trailer, value, want)
	}
	if err := checkRefName(plumbing.NewTagReferenceName(v.Label)); err != nil {
		return fmt.Errorf("%w: trailer Avenant-Label: %w", errCorrupt, err)
	}
	if v.Party == "" {
		return bad("Avenant-Party", v.Party, "missing")
	}
	for _, f := range [][2]string{{"Avenant-Party", v.Party}, {"Avenant-Kind", v.Kind}, {"Avenant-Source-Name", v.SourceName}} {
		if err := checkText(f[0], f[1]); err != nil {
			return fmt.Errorf("%w: trailer %w", errCorrupt, err)
		}
	}
	if _, err := time.Parse("2006-01-02", v.Date); err != nil {
		return bad("Avenant-Date", v.Date, "want YYYY-MM-DD")
	}
	if v.Precedes != "" && checkRefName(plumbing.NewTagReferenceName(v.Precedes)) != nil {
		return bad("Avenant-Precedes", v.Precedes, "want a version's label")
	}
	if v.Seq < 1 {
		return bad("Avenant-Seq", fmt.Sprint(v.Seq), "want a number from 1")
	}
	if v.SourceSHA256 != "" && !sha256Hex.MatchString(v.SourceSHA256) {
		return bad("Avenant-Source-SHA256", v.SourceSHA256, "want 64 hex digits")
	}
	return nil
}
