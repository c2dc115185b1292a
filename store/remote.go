package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/plumbing/transport"
)

// DefaultRemote is the remote push and pull use when none is named, the
// one Clone records.
const DefaultRemote = "origin"

// fetchNS is where push and pull fetch the remote's branches and tags
// before deciding anything: fetching straight into refs/tags would let
// go-git overwrite a local tag, and refs/heads a local branch. It is
// emptied before and after each use, so that a ref left by a crash is
// never read as the remote's.
const fetchNS = "refs/avenant/fetch/"

// RemoteOptions tune Clone, Push and Pull.
type RemoteOptions struct {
	// Auth authenticates to the remote; nil leaves it to go-git: the ssh
	// agent for ssh URLs, anonymous access otherwise.
	Auth transport.AuthMethod
	// Progress receives the remote's progress messages; nil discards them.
	Progress io.Writer
	// Context bounds the network operations; nil means no bound.
	Context context.Context
}

func (o RemoteOptions) ctx() context.Context {
	if o.Context == nil {
		return context.Background()
	}
	return o.Context
}

// RefUpdate is one reference a push or a pull created or moved.
type RefUpdate struct {
	// Name is the short name: the branch ("mg-france") or the tag
	// ("MG-2024").
	Name string
	Tag  bool
	// Old is the commit the reference pointed to, "" for a new one.
	Old, New string
}

// PushResult says what Push did.
type PushResult struct {
	Remote string
	// Updated are the references written on the remote: branches, then
	// tags, each sorted by name. Empty means everything was up to date.
	Updated []RefUpdate
	// Behind names the branches on which the remote is ahead: they were
	// left alone, and a pull brings their versions.
	Behind []string
}

// PullResult says what Pull did.
type PullResult struct {
	Remote  string
	Updated []RefUpdate
	// Versions are the versions the pull brought, in import order.
	Versions []Version
	// Ahead names the branches on which this store is ahead: a push
	// shares their versions.
	Ahead []string
}

// Conflict is a reference that cannot be moved without losing a version.
type Conflict struct {
	Name string
	Tag  bool
	// Remote and Local are the commits on either side.
	Remote, Local string
}

// ErrRefused is wrapped by the errors of a push or a pull refused because
// a branch has diverged or a tag differs.
var ErrRefused = errors.New("refused")

// RefusedError is a push or pull refused before anything was written.
type RefusedError struct {
	// Op is "push to origin" or "pull from origin".
	Op string
	// Conflicts are party branches first, then tags.
	Conflicts []Conflict
	hint      string
}

func (e *RefusedError) Error() string {
	c := e.Conflicts[0]
	what := "branch " + c.Name + " has diverged"
	if c.Tag {
		what = "tag " + c.Name + " differs"
	}
	more := ""
	if n := len(e.Conflicts) - 1; n > 0 {
		more = fmt.Sprintf(" and %d more", n)
	}
	return fmt.Sprintf("%s refused: %s (remote %s, local %s)%s; %s",
		e.Op, what, shortHash(c.Remote), shortHash(c.Local), more, e.hint)
}

// Unwrap lets errors.Is(err, ErrRefused) hold.
func (e *RefusedError) Unwrap() error { return ErrRefused }

func shortHash(h string) string {
	if len(h) > 7 {
		return h[:7]
	}
	return h
}

// CloneDir is the directory Clone would pick for url: its last path
// element without ".git", as git clone does; "" when there is none.
func CloneDir(url string) string {
	p := url
	if i := strings.Index(p, "://"); i >= 0 {
		p = p[i+3:]
		if j := strings.IndexByte(p, '/'); j >= 0 {
			p = p[j:]
		} else {
			p = ""
		}
	} else if scpLike.MatchString(p) {
		p = p[strings.IndexByte(p, ':')+1:]
	}
	p = strings.TrimRight(filepath.ToSlash(p), "/")
	p = strings.TrimSuffix(p, "/.git")
	base := strings.TrimSuffix(path.Base(p), ".git")
	if base == "." || base == "/" || base == "" || base == ".." {
		return ""
	}
	return base
}

// scpLike matches git's user@host:path form of an ssh URL.
var scpLike = regexp.MustCompile(`^[^/:@]+@[^/:]+:`)

// isURL tells a URL or a path apart from a remote's name.
func isURL(s string) bool {
	return strings.Contains(s, "://") || scpLike.MatchString(s) || filepath.IsAbs(s) ||
		strings.HasPrefix(s, ".") || strings.ContainsRune(s, os.PathSeparator)
}

// Clone copies the store at url into dir (CloneDir(url) when ""), with
// every party branch and every version tag, records url as the
// remote origin and builds the index. A remote that is not an avenant
// store is refused with ErrNotStore, and nothing is left behind: dir is
// removed if Clone created it, its .git otherwise. dir must not exist or
// be empty.
func Clone(url, dir string, opts RemoteOptions) (s *Store, err error) {
	defer redactErr(&err)
	if dir == "" {
		if dir = CloneDir(url); dir == "" {
			return nil, fmt.Errorf("%s: cannot pick a directory name from the URL: give one", url)
		}
	}
	created := false
	switch fi, serr := os.Stat(dir); {
	case serr == nil:
		if !fi.IsDir() {
			return nil, fmt.Errorf("%s: exists and is not a directory", dir)
		}
		entries, rerr := os.ReadDir(dir)
		if rerr != nil {
			return nil, rerr
		}
		if len(entries) > 0 {
			return nil, fmt.Errorf("%s: exists and is not empty", dir)
		}
	case errors.Is(serr, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o777); err != nil {
			return nil, err
		}
		created = true
	default:
		return nil, serr
	}
	defer func() {
		if err == nil {
			return
		}
		if created {
			os.RemoveAll(dir)
		} else {
			os.RemoveAll(filepath.Join(dir, ".git"))
		}
	}()
	if !strings.Contains(url, "://") && !scpLike.MatchString(url) {
		// A local path: record it absolute, as git clone does, so that
		// the remote still works from another directory.
		if abs, aerr := filepath.Abs(url); aerr == nil {
			url = abs
		}
	}
	repo, err := git.PlainInitWithOptions(dir, &git.PlainInitOptions{
		InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName(MainBranch)},
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	remote, err := repo.CreateRemote(&config.RemoteConfig{Name: DefaultRemote, URLs: []string{url}})
	if err != nil {
		return nil, err
	}
	tracking := "refs/remotes/" + DefaultRemote + "/"
	err = remote.FetchContext(opts.ctx(), &git.FetchOptions{
		RemoteName: DefaultRemote,
		RefSpecs: []config.RefSpec{
			config.RefSpec("+refs/heads/*:" + tracking + "*"),
			config.RefSpec("+refs/tags/*:refs/tags/*"),
		},
		Tags: git.NoTags, Auth: opts.Auth, Progress: opts.Progress,
	})
	switch {
	case errors.Is(err, transport.ErrEmptyRemoteRepository):
		return nil, fmt.Errorf("%s: %w: the remote is empty (to share a new store, push to it)", url, ErrNotStore)
	case err != nil && !errors.Is(err, git.NoErrAlreadyUpToDate):
		return nil, fmt.Errorf("%s: %w", url, err)
	}
	heads, err := refsUnder(repo.Storer, tracking)
	if err != nil {
		return nil, err
	}
	if err := checkStoreTips(repo, heads); err != nil {
		return nil, fmt.Errorf("%s: %w", url, err)
	}
	for name, h := range heads {
		if err := repo.Storer.SetReference(plumbing.NewHashReference(plumbing.NewBranchReferenceName(name), h)); err != nil {
			return nil, err
		}
	}
	// Marked last: until now the directory is no store for Discover.
	if err := markStore(repo); err != nil {
		return nil, err
	}
	if s, err = Open(dir); err != nil {
		return nil, err
	}
	unlock, ix, err := s.lockRepaired()
	if err != nil {
		return nil, err
	}
	defer unlock()
	if len(ix.Versions) == 0 {
		return nil, fmt.Errorf("%s: %w: its branches hold avenant commits but it has no version tags (push them with git push --tags)", url, ErrNotStore)
	}
	for _, v := range ix.Versions {
		if err := s.checkPulled(v.Label, plumbing.NewHash(v.Commit)); err != nil {
			return nil, fmt.Errorf("%s: %w", url, err)
		}
	}
	return s, nil
}

// checkStoreTips refuses a remote whose branches are not all avenant
// versions, or that has none.
func checkStoreTips(repo *git.Repository, heads map[string]plumbing.Hash) error {
	if len(heads) == 0 {
		return fmt.Errorf("%w: the remote has no branch", ErrNotStore)
	}
	for _, name := range sortedKeys(heads) {
		if !isVersionCommit(repo, heads[name]) {
			return fmt.Errorf("%w: branch %s (%s) is not an avenant version", ErrNotStore, name, shortHash(heads[name].String()))
		}
	}
	return nil
}

// isVersionCommit reports whether h is a commit avenant wrote: its
// trailers name a version, or its tree holds the .avenant marker.
func isVersionCommit(repo *git.Repository, h plumbing.Hash) bool {
	c, err := repo.CommitObject(h)
	if err != nil {
		return false
	}
	if _, ok := versionOf(c); ok {
		return true
	}
	tree, err := c.Tree()
	if err != nil {
		return false
	}
	f, err := tree.File(".avenant")
	if err != nil {
		return false
	}
	content, err := f.Contents()
	return err == nil && content == Marker
}

// refsUnder maps the references under prefix, by the rest of their name,
// to their hash.
func refsUnder(st storer.ReferenceStorer, prefix string) (map[string]plumbing.Hash, error) {
	iter, err := st.IterReferences()
	if err != nil {
		return nil, err
	}
	out := map[string]plumbing.Hash{}
	err = iter.ForEach(func(r *plumbing.Reference) error {
		if rest, ok := strings.CutPrefix(r.Name().String(), prefix); ok && r.Type() == plumbing.HashReference {
			out[rest] = r.Hash()
		}
		return nil
	})
	return out, err
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// localPath is the directory a file:// URL or a local path names, "" for
// a network URL.
func localPath(url string) string {
	if p, ok := strings.CutPrefix(url, "file://"); ok {
		return filepath.FromSlash(p)
	}
	if strings.Contains(url, "://") || scpLike.MatchString(url) {
		return ""
	}
	return url
}

// remote returns the configured remote called name, or an anonymous one
// when name is a URL or a path; named is false for the latter.
func (s *Store) remote(name string) (r *git.Remote, named bool, err error) {
	if name == "" {
		name = DefaultRemote
	}
	r, err = s.repo.Remote(name)
	if err == nil {
		if len(r.Config().URLs) == 0 || r.Config().URLs[0] == "" {
			return nil, false, fmt.Errorf("%s: remote %q has no url in .git/config (set one with git remote set-url %s URL)", s.Dir, name, name)
		}
		return r, true, nil
	}
	if !errors.Is(err, git.ErrRemoteNotFound) {
		return nil, false, err
	}
	if !isURL(name) {
		return nil, false, fmt.Errorf("no remote %q in %s (clone records origin; add one with git remote add %s URL, or give a URL)", name, s.Dir, name)
	}
	url := name
	if !strings.Contains(url, "://") && !scpLike.MatchString(url) {
		if abs, aerr := filepath.Abs(url); aerr == nil {
			url = abs
		}
	}
	return git.NewRemote(s.repo.Storer, &config.RemoteConfig{Name: "anonymous", URLs: []string{url}}), false, nil
}

// fetchRemote fetches the remote's branches and tags into fetchNS and
// returns them; an empty remote yields empty maps. The namespace is
// emptied again before returning.
// syncState is where push and pull start, under the lock: the index, with
// branches a crashed import left behind repaired, and the remote's
// branches and tags as just fetched.
func (s *Store) syncState(r *git.Remote, opts RemoteOptions) (ix *Index, heads, tags map[string]plumbing.Hash, err error) {
	if ix, err = s.Index(); err != nil {
		return nil, nil, nil, err
	}
	s.repairRefs(ix)
	heads, tags, err = s.fetchRemote(r, opts)
	// main follows the latest import of each store: it is local, never
	// exchanged, or two stores that import answers to the same version
	// would always diverge on it.
	delete(heads, MainBranch)
	return ix, heads, tags, err
}

func (s *Store) fetchRemote(r *git.Remote, opts RemoteOptions) (heads, tags map[string]plumbing.Hash, err error) {
	if err := s.dropFetchRefs(); err != nil {
		return nil, nil, err
	}
	defer func() {
		if derr := s.dropFetchRefs(); err == nil && derr != nil {
			err = derr
		}
	}()
	err = r.FetchContext(opts.ctx(), &git.FetchOptions{
		RemoteName: r.Config().Name,
		RefSpecs: []config.RefSpec{
			config.RefSpec("+refs/heads/*:" + fetchNS + "heads/*"),
			config.RefSpec("+refs/tags/*:" + fetchNS + "tags/*"),
		},
		Tags: git.NoTags, Auth: opts.Auth, Progress: opts.Progress,
	})
	switch {
	case errors.Is(err, transport.ErrEmptyRemoteRepository):
		return map[string]plumbing.Hash{}, map[string]plumbing.Hash{}, nil
	case err != nil && !errors.Is(err, git.NoErrAlreadyUpToDate):
		return nil, nil, fmt.Errorf("%s: %w", r.Config().URLs[0], err)
	}
	if heads, err = refsUnder(s.repo.Storer, fetchNS+"heads/"); err != nil {
		return nil, nil, err
	}
	if tags, err = refsUnder(s.repo.Storer, fetchNS+"tags/"); err != nil {
		return nil, nil, err
	}
	return heads, tags, nil
}

func (s *Store) dropFetchRefs() error {
	refs, err := refsUnder(s.repo.Storer, fetchNS)
	if err != nil {
		return err
	}
	for name := range refs {
		if err := s.repo.Storer.RemoveReference(plumbing.ReferenceName(fetchNS + name)); err != nil {
			return err
		}
	}
	return nil
}

// isAncestor reports whether commit a is b or one of its ancestors; a
// commit this repository lacks is nobody's ancestor.
func (s *Store) isAncestor(a, b plumbing.Hash) (bool, error) {
	if a == b {
		return true, nil
	}
	ca, err := s.repo.CommitObject(a)
	if errors.Is(err, plumbing.ErrObjectNotFound) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	cb, err := s.repo.CommitObject(b)
	if errors.Is(err, plumbing.ErrObjectNotFound) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	return ca.IsAncestor(cb)
}

// relation is how a local branch stands against the remote's.
type relation int

const (
	relSame relation = iota
	relLocalOnly
	relRemoteOnly
	relLocalAhead
	relRemoteAhead
	relDiverged
)

func (s *Store) relate(local, remote plumbing.Hash) (relation, error) {
	switch {
	case local.IsZero():
		return relRemoteOnly, nil
	case remote.IsZero():
		return relLocalOnly, nil
	case local == remote:
		return relSame, nil
	}
	if ok, err := s.isAncestor(remote, local); err != nil || ok {
		return relLocalAhead, err
	}
	if ok, err := s.isAncestor(local, remote); err != nil || ok {
		return relRemoteAhead, err
	}
	return relDiverged, nil
}

// sortConflicts puts party branches first, then tags.
func sortConflicts(cs []Conflict) {
	rank := func(c Conflict) int {
		if c.Tag {
			return 1
		}
		return 0
	}
	sort.SliceStable(cs, func(i, j int) bool {
		if ri, rj := rank(cs[i]), rank(cs[j]); ri != rj {
			return ri < rj
		}
		return cs[i].Name < cs[j].Name
	})
}

// localRefs maps the store's branches and tags, by short name, to their
// commits.
func (s *Store) localRefs() (heads, tags map[string]plumbing.Hash, err error) {
	if heads, err = refsUnder(s.repo.Storer, "refs/heads/"); err != nil {
		return nil, nil, err
	}
	delete(heads, MainBranch) // local: see syncState
	if tags, err = refsUnder(s.repo.Storer, "refs/tags/"); err != nil {
		return nil, nil, err
	}
	return heads, tags, nil
}

// Push sends every branch and tag of the store to remote (a configured
// remote's name, DefaultRemote when "", or a URL), fast-forward only. It
// first fetches the remote's references and checks them all: a branch the
// remote has that is not an ancestor of ours, or a tag on another commit,
// refuses the whole push with a *RefusedError, and nothing is sent.
// Branches on which the remote is ahead are left alone.
func (s *Store) Push(remote string, opts RemoteOptions) (_ *PushResult, err error) {
	defer redactErr(&err)
	if remote == "" {
		remote = DefaultRemote
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
	_, rheads, rtags, err := s.syncState(r, opts)
	if err != nil {
		return nil, err
	}
	if len(rheads) > 0 {
		if err := checkStoreTips(s.repo, rheads); err != nil {
			return nil, fmt.Errorf("push to %s refused: %w", remote, err)
		}
	}
	lheads, ltags, err := s.localRefs()
	if err != nil {
		return nil, err
	}
	res := &PushResult{Remote: RedactURL(remote)}
	var conflicts []Conflict
	var specs []config.RefSpec
	for _, name := range sortedKeys(lheads) {
		lh, rh := lheads[name], rheads[name]
		rel, err := s.relate(lh, rh)
		if err != nil {
			return nil, err
		}
		switch rel {
		case relLocalOnly, relLocalAhead:
			u := RefUpdate{Name: name, New: lh.String()}
			if !rh.IsZero() {
				u.Old = rh.String()
			}
			res.Updated = append(res.Updated, u)
			ref := plumbing.NewBranchReferenceName(name).String()
			specs = append(specs, config.RefSpec(ref+":"+ref))
		case relRemoteAhead:
			res.Behind = append(res.Behind, name)
		case relDiverged:
			conflicts = append(conflicts, Conflict{Name: name, Remote: rh.String(), Local: lh.String()})
		}
	}
	for _, name := range sortedKeys(ltags) {
		lh, rh := ltags[name], rtags[name]
		switch {
		case rh.IsZero():
			res.Updated = append(res.Updated, RefUpdate{Name: name, Tag: true, New: lh.String()})
			ref := plumbing.NewTagReferenceName(name).String()
			specs = append(specs, config.RefSpec(ref+":"+ref))
		case rh != lh:
			conflicts = append(conflicts, Conflict{Name: name, Tag: true, Remote: rh.String(), Local: lh.String()})
		}
	}
	if len(conflicts) > 0 {
		sortConflicts(conflicts)
		return nil, &RefusedError{Op: "push to " + RedactURL(remote), Conflicts: conflicts, hint: "pull first"}
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

// Pull fetches the branches and tags of remote (a configured remote's
// name, DefaultRemote when "", or a URL) and fast-forwards the store's
// branches to them, adding the remote's new version tags. The remote's
// branches are kept in refs/remotes/<remote>/ for a named remote. Every
// reference is checked before any is written, under the store's lock: a
// diverged branch or a tag on another commit refuses the whole pull with
// a *RefusedError and leaves the store's branches and tags as they were.
func (s *Store) Pull(remote string, opts RemoteOptions) (_ *PullResult, err error) {
	defer redactErr(&err)
	if remote == "" {
		remote = DefaultRemote
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
	ix, rheads, rtags, err := s.syncState(r, opts)
	if err != nil {
		return nil, err
	}
	res := &PullResult{Remote: RedactURL(remote)}
	if len(rheads) == 0 && len(rtags) == 0 {
		return res, nil
	}
	if err := checkStoreTips(s.repo, rheads); err != nil {
		return nil, fmt.Errorf("pull from %s refused: %w", remote, err)
	}
	if named {
		// Remote-tracking branches record what was fetched, refused or
		// not, so that the user can look at a diverged branch.
		for _, name := range sortedKeys(rheads) {
			if err := s.setRef(plumbing.NewRemoteReferenceName(remote, name), rheads[name]); err != nil {
				return nil, err
			}
		}
	}
	lheads, ltags, err := s.localRefs()
	if err != nil {
		return nil, err
	}
	var conflicts []Conflict
	var tagUpdates, headUpdates []RefUpdate
	for _, name := range sortedKeys(rtags) {
		lh, rh := ltags[name], rtags[name]
		switch {
		case lh.IsZero():
			tagUpdates = append(tagUpdates, RefUpdate{Name: name, Tag: true, New: rh.String()})
		case lh != rh:
			conflicts = append(conflicts, Conflict{Name: name, Tag: true, Remote: rh.String(), Local: lh.String()})
		}
	}
	for _, name := range sortedKeys(rheads) {
		lh, rh := lheads[name], rheads[name]
		rel, err := s.relate(lh, rh)
		if err != nil {
			return nil, err
		}
		switch rel {
		case relRemoteOnly, relRemoteAhead:
			u := RefUpdate{Name: name, New: rh.String()}
			if !lh.IsZero() {
				u.Old = lh.String()
			}
			headUpdates = append(headUpdates, u)
		case relLocalAhead:
			res.Ahead = append(res.Ahead, name)
		case relDiverged:
			conflicts = append(conflicts, Conflict{Name: name, Remote: rh.String(), Local: lh.String()})
		}
	}
	if len(conflicts) > 0 {
		sortConflicts(conflicts)
		return nil, &RefusedError{Op: "pull from " + RedactURL(remote), Conflicts: conflicts, hint: "nothing changed"}
	}
	// Versions from another party are read as untrusted before any is
	// taken: one avenant would never have written refuses the pull.
	for _, u := range tagUpdates {
		if err := s.checkPulled(u.Name, plumbing.NewHash(u.New)); err != nil {
			return nil, fmt.Errorf("pull from %s refused: %w", remote, err)
		}
	}
	// Tags first: a version exists once its tag
	// does, and the branches follow (main is local: repairRefs moves it).
	for _, u := range append(tagUpdates, headUpdates...) {
		name := plumbing.NewBranchReferenceName(u.Name)
		if u.Tag {
			name = plumbing.NewTagReferenceName(u.Name)
		}
		if err := s.setRef(name, plumbing.NewHash(u.New)); err != nil {
			return nil, err
		}
		res.Updated = append(res.Updated, u)
	}
	nix, err := s.Index()
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

// checkPulled reads the version a fetched tag names, its manifest
// included, with every check a command reading it would make.
func (s *Store) checkPulled(label string, h plumbing.Hash) error {
	v, ok, err := s.readVersion(label, h)
	if err != nil || !ok {
		return err
	}
	sn, err := s.snapshot(v.Commit)
	if err == nil {
		_, err = sn.entries(s)
	}
	if err != nil {
		return fmt.Errorf("version %s (%s): %w", v.Label, shortHash(v.Commit), err)
	}
	return nil
}
