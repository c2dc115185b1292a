package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/frtext"
)

// errUnknownRevision is returned when a revision names no version.
var errUnknownRevision = errors.New("unknown revision")

// ErrUnknownClause is returned when a clause name denotes no clause.
var ErrUnknownClause = clause.ErrUnknownClause

// errClauseGone is returned when a clause name denotes no clause of a
// version but did in one of its ancestors.
var errClauseGone = errors.New("no longer exists in")

// Versions lists the store's versions in import order.
func (s *Store) Versions() ([]Version, error) {
	ix, err := s.index()
	if err != nil {
		return nil, err
	}
	all := make([]*Version, len(ix.Versions))
	for i := range ix.Versions {
		all[i] = &ix.Versions[i]
	}
	if err := s.readTrees(ix, all...); err != nil {
		return nil, err
	}
	s.saveRead(ix)
	return ix.Versions, nil
}

// Latest is the latest imported version, nil in an empty store.
func (s *Store) Latest() (*Version, error) {
	ix, err := s.lazyIndex()
	if err != nil || len(ix.Versions) == 0 {
		return nil, err
	}
	ix.decode(len(ix.Versions) - 1)
	return &ix.Versions[len(ix.Versions)-1], nil
}

// Resolve finds the version a revision names, trying in this order:
// HEAD or @ (the latest version), main, a full commit id, a label, a
// party's branch (by branch name, then by party), a tag, then a unique
// prefix of at least four hex digits of a commit. Import refuses labels
// that an earlier way would shadow (checkLabel, checkLabelFree).
func (s *Store) Resolve(rev string) (*Version, error) {
	ix, err := s.lazyIndex()
	if err != nil {
		return nil, err
	}
	v, err := s.resolve(ix, rev)
	if err == nil {
		ix.decode(ix.byCommit[v.Commit])
	}
	return v, err
}

func (s *Store) resolve(ix *index, rev string) (*Version, error) {
	if len(ix.Versions) > 0 && (rev == "HEAD" || rev == "@") {
		return &ix.Versions[len(ix.Versions)-1], nil
	}
	var notVersion plumbing.ReferenceName // a reference rev names, to no version
	byRef := func(name plumbing.ReferenceName) (*Version, bool) {
		if ref, err := s.repo.Reference(name, true); err == nil {
			if i, ok := ix.byCommit[ref.Hash().String()]; ok {
				return &ix.Versions[i], true
			}
			if notVersion == "" {
				notVersion = name
			}
		}
		return nil, false
	}
	if rev == mainBranch {
		if v, ok := byRef(plumbing.NewBranchReferenceName(mainBranch)); ok {
			return v, nil
		}
	}
	if len(rev) == 40 && isHex(rev) {
		if i, ok := ix.byCommit[strings.ToLower(rev)]; ok {
			return &ix.Versions[i], nil
		}
	}
	if i, ok := ix.byLabel[rev]; ok {
		return &ix.Versions[i], nil
	}
	for _, name := range []plumbing.ReferenceName{
		plumbing.NewBranchReferenceName(rev),
		s.partyBranch(ix, rev),
		plumbing.NewTagReferenceName(rev),
	} {
		if v, ok := byRef(name); ok {
			return v, nil
		}
	}
	if len(rev) >= 4 && isHex(rev) {
		found := -1
		for i, v := range ix.Versions {
			if strings.HasPrefix(v.Commit, strings.ToLower(rev)) {
				if found >= 0 {
					return nil, fmt.Errorf("%s: ambiguous commit prefix (%s, %s…)", rev, ix.Versions[found].Label, v.Label)
				}
				found = i
			}
		}
		if found >= 0 {
			return &ix.Versions[found], nil
		}
	}
	if len(ix.Versions) == 0 {
		return nil, fmt.Errorf("%s: %w: the store %s holds no version yet", rev, errUnknownRevision, s.Dir)
	}
	if notVersion != "" {
		// Made with git, not by an import: say so rather than "unknown".
		return nil, fmt.Errorf("%s: %w: %s names no version of %s (a reference made outside avenant)", rev, errUnknownRevision, notVersion, s.Dir)
	}
	if near := nearRevisions(ix, rev, 5); len(near) > 0 {
		return nil, fmt.Errorf("%s: %w in %s; closest: %s", rev, errUnknownRevision, s.Dir, strings.Join(near, ", "))
	}
	return nil, fmt.Errorf("%s: %w (not a label, party branch or commit of %s)", rev, errUnknownRevision, s.Dir)
}

// nearRevisions returns up to n labels and parties nearest to rev, newest
// first: those it begins or holds ("cnam-2024" for "cnam-2024-02", case
// aside), then those a few letters off ("cnma-2024-02").
func nearRevisions(ix *index, rev string, n int) []string {
	want := strings.ToLower(rev)
	typed := []rune(want)
	var close, near []string
	seen := map[string]bool{}
	for i := len(ix.Versions) - 1; i >= 0; i-- {
		for _, name := range [...]string{ix.Versions[i].Label, ix.Versions[i].Party} {
			low := strings.ToLower(name)
			if name == "" || seen[low] {
				continue
			}
			seen[low] = true
			switch {
			case len(want) >= 3 && strings.Contains(low, want) || len(low) >= 3 && strings.Contains(want, low):
				close = append(close, name)
			case frtext.EditDistance(typed, []rune(low)) <= max(1, len(typed)/4):
				near = append(near, name)
			}
		}
	}
	return slices.Clip(append(close, near...)[:min(n, len(close)+len(near))])
}

func isHex(s string) bool {
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// snapshot is a version's tree, read once.
type snapshot struct {
	commit      plumbing.Hash
	clausesTree plumbing.Hash
	manifest    plumbing.Hash
	blobs       map[string]plumbing.Hash // stable id → clause blob
}

func (s *Store) snapshot(commit string) (*snapshot, error) {
	c, err := s.commitObject(plumbing.NewHash(commit))
	if err != nil {
		return nil, fmt.Errorf("%s: commit %s: %w", s.Dir, commit, err)
	}
	tree, err := s.treeObject(c.TreeHash)
	if err != nil {
		return nil, fmt.Errorf("%s: commit %s: %w", s.Dir, commit, err)
	}
	sn := &snapshot{commit: c.Hash, blobs: map[string]plumbing.Hash{}}
	for _, e := range tree.Entries {
		switch e.Name {
		case "manifest.json":
			sn.manifest = e.Hash
		case "clauses":
			sn.clausesTree = e.Hash
		}
	}
	if sn.manifest.IsZero() {
		return nil, fmt.Errorf("%s: commit %s has no manifest.json: not an avenant version", s.Dir, commit)
	}
	if !sn.clausesTree.IsZero() {
		sub, err := s.treeObject(sn.clausesTree)
		if err != nil {
			return nil, fmt.Errorf("%s: commit %s: %w", s.Dir, commit, err)
		}
		for _, e := range sub.Entries {
			sn.blobs[strings.TrimSuffix(e.Name, ".txt")] = e.Hash
		}
	}
	return sn, nil
}

func (sn *snapshot) entries(s *Store) ([]ManifestEntry, error) {
	raw, err := s.readBlob(sn.manifest)
	if err != nil {
		return nil, err
	}
	return decodeManifest(raw)
}

func (sn *snapshot) document(s *Store) (*clause.Document, error) {
	m, err := sn.entries(s)
	if err != nil {
		return nil, err
	}
	texts := make([]string, len(m))
	total := 0
	for i, e := range m {
		h, ok := sn.blobs[e.ID]
		if !ok {
			return nil, fmt.Errorf("%s: commit %s: manifest names %s, which has no clause file", s.Dir, sn.commit, e.ID)
		}
		raw, err := s.readBlob(h)
		if err != nil {
			return nil, err
		}
		if total += len(raw); total > maxVersionText {
			return nil, fmt.Errorf("%w: its clauses hold more than %d MiB of text, more than an import writes", errCorrupt, maxVersionText>>20)
		}
		texts[i] = parseText(string(raw))
	}
	return documentOf(m, texts), nil
}

// Document rebuilds a version's document; each clause's ID is its stable
// id.
func (s *Store) Document(v *Version) (*clause.Document, error) {
	sn, err := s.snapshot(v.Commit)
	if err != nil {
		return nil, err
	}
	d, err := sn.document(s)
	if err != nil {
		return nil, fmt.Errorf("version %s (%s): %w", v.Label, shortHash(v.Commit), err)
	}
	return d, nil
}

// manifest reads a version's outline without the clause texts. A version
// never changes, so its decoded manifest is cached beside the index
// (.git/avenant/manifests/<commit>.manifest, manifestHeader): resolving a
// clause number would otherwise cost more than the log or blame it serves.
func (s *Store) manifest(v *Version) ([]ManifestEntry, error) {
	dir := filepath.Join(s.gitDir, "avenant", "manifests")
	cache := filepath.Join(dir, v.Commit+manifestSuffix)
	if data, err := os.ReadFile(cache); err == nil {
		if m, err := decodeManifestCache(string(data)); err == nil {
			titleStatuses(m) // a cache an earlier release wrote
			return m, nil
		}
	}
	sn, err := s.snapshot(v.Commit)
	if err != nil {
		return nil, err
	}
	m, err := sn.entries(s)
	if err != nil {
		return nil, fmt.Errorf("version %s (%s): %w", v.Label, shortHash(v.Commit), err)
	}
	err = os.MkdirAll(dir, 0o777)
	if err == nil {
		err = writeFileAtomic(cache, dir, encodeManifestCache(m))
	}
	if err != nil {
		s.cacheNotSaved("the manifest of "+v.Label, err)
	} else {
		// The gob cache of earlier releases is read no more.
		_ = os.Remove(filepath.Join(dir, v.Commit+".gob"))
	}
	return m, nil
}

// The manifest cache file: a header line naming the format and the
// changesRule the manifest was read back by (the statuses titleStatuses
// reads off headings), then the entries' fields in order, as the index
// file writes them (indexEncoder), sealed as it is. gob took longer to set
// up its decoder than a small log took in all.
var manifestHeader = "avenant manifest 3 rule " + strconv.Itoa(changesRule) + "\n"

const manifestSuffix = ".manifest"

func encodeManifestCache(m []ManifestEntry) []byte {
	e := indexEncoder{b: []byte(manifestHeader)}
	e.num(len(m))
	for i := range m {
		c := &m[i]
		for _, s := range [...]string{c.ID, string(c.Kind), c.Number, c.Key, c.Heading, c.Status, c.Parent} {
			e.str(s)
		}
		e.num(c.Depth)
		e.strs(c.Path)
	}
	return seal(e.b)
}

// decodeManifestCache reads a manifest cache file; errBadIndex for anything
// encodeManifestCache would not have written.
func decodeManifestCache(data string) ([]ManifestEntry, error) {
	body, ok := unseal(data)
	rest, header := strings.CutPrefix(body, manifestHeader)
	if !ok || !header {
		return nil, errBadIndex
	}
	d := indexDecoder{s: rest}
	m := make([]ManifestEntry, d.count())
	for i := range m {
		c := &m[i]
		var kind string
		for _, f := range [...]*string{&c.ID, &kind, &c.Number, &c.Key, &c.Heading, &c.Status, &c.Parent} {
			*f = d.str()
		}
		c.Kind = clause.Kind(kind)
		c.Depth = d.num()
		c.Path = d.strs()
	}
	if d.bad || d.s != "" {
		return nil, errBadIndex
	}
	return m, nil
}

// FindClause resolves a clause name in version v (see clause.FindName:
// stable id, heading as printed, kind and number, bare article number) and
// returns the clause's manifest entry. A name that denotes no clause of v
// but did in one of its ancestors is an errClauseGone naming the version
// where it last existed.
func (s *Store) FindClause(v *Version, name string) (*ManifestEntry, error) {
	m, err := s.manifest(v)
	if err != nil {
		return nil, err
	}
	i, ferr := clause.FindName(namedOf(m), name, v.Label)
	if ferr == nil {
		return &m[i], nil
	}
	if errors.Is(ferr, clause.ErrAmbiguousClause) {
		// The manifest has no text: the candidates printed alike are
		// told apart by their first words, read from the version.
		if doc, err := s.Document(v); err == nil && len(doc.Clauses) == len(m) {
			_, ferr = clause.FindName(clause.NamedOf(doc), name, v.Label)
		}
	}
	if errors.Is(ferr, ErrUnknownClause) {
		last, display, id, err := s.lastHeld(v, name)
		if err != nil {
			return nil, err
		}
		if k := slices.IndexFunc(m, func(e ManifestEntry) bool { return e.ID == id }); last != nil && k >= 0 {
			// Named as an older version printed it, the clause is still
			// there under another name (renumbered): say which, rather
			// than that it is gone.
			return nil, fmt.Errorf("%s: %w in %s; in %s it named [%s], now %s: name it so, or by its id",
				name, ErrUnknownClause, v.Label, last.Label, id, clause.DisplayName(namedOf(m), k))
		}
		if last != nil {
			return nil, fmt.Errorf("%s: %w %s; it last existed in %s as %s [%s]: see it with --at %s",
				name, errClauseGone, v.Label, last.Label, display, id, last.Label)
		}
		ix, err := s.lazyIndex()
		if err != nil {
			return nil, err
		}
		if err := ix.idElsewhere(name, v); err != nil {
			return nil, err // a later version's clause, or a sibling's
		}
	}
	return nil, ferr
}

// lastHeld finds, walking v's ancestors from the newest, the last version
// in which name denoted exactly one clause; nil when none did.
func (s *Store) lastHeld(v *Version, name string) (last *Version, display, id string, err error) {
	ix, err := s.index()
	if err != nil {
		return nil, "", "", err
	}
	i, ok := ix.byCommit[v.Commit]
	if !ok {
		return nil, "", "", nil
	}
	for _, p := range ix.line(i)[1:] {
		anc := &ix.Versions[p]
		m, err := s.manifest(anc)
		if err != nil {
			return nil, "", "", err
		}
		named := namedOf(m)
		if hits := clause.ResolveName(named, name); len(hits) == 1 {
			return anc, clause.DisplayName(named, hits[0]), named[hits[0]].ID, nil
		}
	}
	return nil, "", "", nil
}

func namedOf(m []ManifestEntry) []clause.Named {
	at := make(map[string]int, len(m))
	for i, e := range m {
		at[e.ID] = i
	}
	out := make([]clause.Named, len(m))
	for i, e := range m {
		parent, ok := at[e.Parent]
		if !ok {
			parent = -1
		}
		out[i] = clause.Named{ID: e.ID, Kind: e.Kind, Number: e.Number, Key: e.Key, Heading: e.Heading, Parent: parent}
	}
	return out
}

func hashOf(hex string) plumbing.Hash { return plumbing.NewHash(hex) }

// Line returns the versions on the line that leads to v, following each
// version's parent (or the version back-filled before it: lineParent)
// from the first, oldest first and v last: the rounds of the negotiation
// that v answers, without the branches it does not.
func (s *Store) Line(v *Version) ([]Version, error) {
	ix, err := s.index()
	if err != nil {
		return nil, err
	}
	i, ok := ix.byCommit[v.Commit]
	if !ok {
		return nil, nil
	}
	var line []Version
	for _, p := range ix.line(i) {
		line = append(line, ix.Versions[p])
	}
	slices.Reverse(line)
	return line, nil
}

// Names lists the clauses of version v as clause names resolve them
// (clause.ResolveName), from its manifest: what a completion offers.
func (s *Store) Names(v *Version) ([]clause.Named, error) {
	m, err := s.manifest(v)
	if err != nil {
		return nil, err
	}
	return namedOf(m), nil
}
