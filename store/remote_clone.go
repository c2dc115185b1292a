package store

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/transport"
)

// cloneDir is the directory Clone would pick for url: its last path
// element without ".git", as git clone does; "" when there is none.
func cloneDir(url string) string {
	p := url
	if i := strings.Index(p, "://"); i >= 0 {
		p = p[i+3:]
		if j := strings.IndexAny(p, "?#"); j >= 0 {
			p = p[:j]
		}
		if j := strings.IndexByte(p, '/'); j >= 0 {
			p = p[j:]
		} else {
			p = ""
		}
	} else if scpLike(p) {
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

// scpLike reports whether s is git's scp-like form of an ssh URL,
// [user@]host:path, by git's own rule (connect.c, url_is_local_not_ssh): a
// colon before the first slash, unless it follows a drive letter. Only
// user@host:path was taken for one before, and 'host:path/to/store' was
// cloned as a local directory of that name. A drive letter is a local path
// on every system, as a one-letter ssh host is none anyone names: C:\store
// copied from Windows is not the host C.
func scpLike(s string) bool {
	if strings.Contains(s, "://") {
		return false
	}
	colon := strings.IndexByte(s, ':')
	return colon > 0 && !strings.ContainsAny(s[:colon], `/\`) && !hasDrive(s)
}

// hasDrive reports whether s starts with a Windows drive letter ("C:").
func hasDrive(s string) bool {
	return len(s) >= 2 && s[1] == ':' && 'a' <= s[0]|0x20 && s[0]|0x20 <= 'z'
}

// isURL tells a URL or a path apart from a remote's name.
func isURL(s string) bool {
	return strings.Contains(s, "://") || scpLike(s) || hasDrive(s) || filepath.IsAbs(s) ||
		strings.HasPrefix(s, ".") || strings.ContainsRune(s, os.PathSeparator)
}

// Clone copies the store at url into dir (cloneDir(url) when ""), with
// every party branch and every version tag, records url as the
// remote origin and builds the index. A remote that is not an avenant
// store is refused with ErrNotStore. dir must not exist or be empty.
//
// The copy is made in a temporary directory beside dir and renamed to dir
// once every version has been checked (into dir, when it is an empty
// directory already, the copy is made inside it and its .git moved): a
// clone that fails, or is killed (SIGKILL, ^C), never leaves at dir a
// store whose versions were not checked, nor anything that blocks the
// next clone, which removes what a killed one left.
func Clone(url, dir string, opts RemoteOptions) (s *Store, err error) {
	defer redactErr(&err)
	if dir == "" {
		if dir = cloneDir(url); dir == "" {
			return nil, fmt.Errorf("%s: cannot pick a directory name from the URL: give one", url)
		}
	}
	final, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	removeKilledClones(final)
	exists, err := checkCloneDir(dir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(final), 0o777); err != nil {
		return nil, err
	}
	tmp, release, err := cloneTemp(cloneTempPrefix(final, exists))
	if err != nil {
		return nil, err
	}
	defer release()
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	// A local path is recorded absolute, as git clone does, so that the
	// remote still works from another directory.
	url = absoluteURL(url)
	repo, err := git.PlainInitWithOptions(tmp, &git.PlainInitOptions{
		InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName(mainBranch)},
	})
	if err != nil {
		return nil, dirError(dir, err)
	}
	err = fetchStore(repo, filepath.Join(tmp, ".git"), url, opts)
	if err == nil {
		fail(21)
		// Marked last: until now the directory is no store for Discover.
		err = markStore(repo)
	}
	// Closed before the directory is moved or removed, which Windows
	// refuses while a file in it is open.
	closeRepo(repo)
	if err != nil {
		return nil, err
	}
	fail(22)
	if err := checkCloned(tmp, url); err != nil {
		return nil, err
	}
	fail(23)
	if err := opts.ctx().Err(); err != nil {
		return nil, err
	}
	if err := moveClone(tmp, final, exists); err != nil {
		return nil, dirError(dir, err)
	}
	return Open(final)
}

// checkCloneDir makes sure dir does not exist or is an empty directory,
// and reports whether it exists.
func checkCloneDir(dir string) (exists bool, err error) {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, err
	case !fi.IsDir():
		return false, fmt.Errorf("%s: exists and is not a directory", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, err
	}
	if len(entries) > 0 {
		return false, fmt.Errorf("%s: exists and is not empty", dir)
	}
	return true, nil
}

// cloneTempPrefix starts the name of the directory a clone into final is
// made in: beside final (".DIR.avenant-clone-"), or inside it when it is
// an empty directory already, whose parent may not be ours to write.
func cloneTempPrefix(final string, exists bool) string {
	if exists {
		return filepath.Join(final, ".avenant-clone-")
	}
	return filepath.Join(filepath.Dir(final), "."+filepath.Base(final)+".avenant-clone-")
}

// cloneTemp creates the directory a clone is made in, its name prefix and
// a random part, and holds the lock that tells it from one a killed clone
// left (its name and ".lock"); release removes the lock file and lets it
// go.
func cloneTemp(prefix string) (dir string, release func(), err error) {
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", nil, err
	}
	dir = fmt.Sprintf("%s%d-%x", prefix, os.Getpid(), b)
	unlock, err := fileLock(dir + ".lock")
	if err != nil {
		return "", nil, fmt.Errorf("%s.lock: %w", dir, err)
	}
	release = func() {
		os.Remove(dir + ".lock")
		unlock()
	}
	if err := os.Mkdir(dir, 0o777); err != nil {
		release()
		return "", nil, err
	}
	return dir, release, nil
}

// removeKilledClones removes what clones into final that were killed
// left, beside it or in it: a temporary directory (and its lock file) that
// no clone at work holds (killedClone). Names are matched as they are,
// not as a pattern: a directory named 'conv[2024]' kept its leftovers.
func removeKilledClones(final string) {
	for _, exists := range []bool{false, true} {
		prefix := cloneTempPrefix(final, exists)
		entries, _ := os.ReadDir(filepath.Dir(prefix))
		seen := map[string]bool{}
		for _, e := range entries {
			name := strings.TrimSuffix(e.Name(), ".lock")
			if !strings.HasPrefix(name, filepath.Base(prefix)) || seen[name] {
				continue
			}
			seen[name] = true
			tmp := filepath.Join(filepath.Dir(prefix), name)
			release, ok := killedClone(tmp, prefix)
			if !ok {
				continue
			}
			os.RemoveAll(tmp)
			os.Remove(tmp + ".lock")
			release()
		}
	}
}

// killedClone tells whether tmp, a clone's temporary directory, was left
// by a clone no longer at work, and if so holds it until release. A clone
// takes its lock before it makes its directory and holds it to the end:
// where locks are flocks, the lock is free; where they are files created
// exclusively, which outlive their process, the process whose id the name
// bears (cloneTemp) is gone. A process that cannot be told gone is at work.
func killedClone(tmp, prefix string) (release func(), ok bool) {
	if locksByFlock {
		unlock, err := fileLock(tmp + ".lock")
		return unlock, err == nil
	}
	pid, _, found := strings.Cut(strings.TrimPrefix(tmp, prefix), "-")
	n, err := strconv.Atoi(pid)
	if !found || err != nil || !processGone(n) {
		return nil, false
	}
	return func() {}, true
}

// moveClone puts the clone made in tmp at final: tmp renamed, or, when
// final is an empty directory already, its .git moved in (a rename cannot
// replace a directory everywhere).
func moveClone(tmp, final string, exists bool) error {
	if !exists {
		return os.Rename(tmp, final)
	}
	if err := os.Rename(filepath.Join(tmp, ".git"), filepath.Join(final, ".git")); err != nil {
		return err
	}
	os.Remove(tmp) // empty now; the store is in place whatever this says
	return nil
}

// absoluteURL makes a local path absolute; a URL is returned as it is.
func absoluteURL(url string) string {
	if !strings.Contains(url, "://") && !scpLike(url) {
		if abs, err := filepath.Abs(url); err == nil {
			return abs
		}
	}
	return url
}

// fetchStore records url as origin in repo, fetches its branches and
// tags, refuses it unless every branch is an avenant version, and makes
// the remote's branches local.
func fetchStore(repo *git.Repository, gitDir, url string, opts RemoteOptions) error {
	remote, err := repo.CreateRemote(&config.RemoteConfig{Name: defaultRemote, URLs: []string{url}})
	if err != nil {
		return err
	}
	if err := checkRemoteTags(remote, opts); err != nil {
		return fmt.Errorf("%s: %w", url, err)
	}
	tracking := "refs/remotes/" + defaultRemote + "/"
	err = remote.FetchContext(opts.ctx(), &git.FetchOptions{
		RemoteName: defaultRemote,
		RefSpecs: []config.RefSpec{
			config.RefSpec("+refs/heads/*:" + tracking + "*"),
			config.RefSpec("+refs/tags/*:refs/tags/*"),
		},
		Tags: git.NoTags, Auth: opts.Auth, Progress: opts.Progress,
	})
	switch {
	case errors.Is(err, transport.ErrEmptyRemoteRepository):
		return fmt.Errorf("%s: %w: the remote is empty (to share a new store, push to it)", url, ErrNotStore)
	case err != nil && !errors.Is(err, git.NoErrAlreadyUpToDate):
		return fmt.Errorf("%s: %w", url, err)
	}
	heads, err := refsUnder(gitDir, tracking)
	if err != nil {
		return err
	}
	if err := checkStoreTips(repo, heads); err != nil {
		return fmt.Errorf("%s: %w", url, err)
	}
	for name, h := range heads {
		if err := repo.Storer.SetReference(plumbing.NewHashReference(plumbing.NewBranchReferenceName(name), h)); err != nil {
			return err
		}
	}
	return nil
}

// checkRemoteTags refuses, before anything is fetched, a remote whose
// tags cannot stand side by side in a store (checkTagsApart): a and a/b
// failed a clone or a pull half-way ('open …/refs/tags/a: is a directory'),
// and tags differing only in case made a clone that Windows and macOS
// cannot hold, where an import would have refused the second.
func checkRemoteTags(remote *git.Remote, opts RemoteOptions) error {
	refs, err := remote.ListContext(opts.ctx(), &git.ListOptions{Auth: opts.Auth})
	if err != nil {
		return nil // the fetch says what is wrong, the empty remote included
	}
	var tags []string
	for _, r := range refs {
		if r.Name().IsTag() {
			tags = append(tags, r.Name().Short())
		}
	}
	slices.Sort(tags)
	if err := checkTagsApart(tags); err != nil {
		return fmt.Errorf("refused: the remote's %w; rename one there", err)
	}
	return nil
}

// checkCloned opens the new store, building its index, and reads every
// version as a pull would before taking it; it closes the store again,
// whatever it finds, before its directory is moved or removed.
func checkCloned(dir, url string) error {
	s, err := Open(dir)
	if err != nil {
		return err
	}
	defer func() {
		closeRepo(s.repo)
		s.packs.close()
	}()
	unlock, ix, err := s.lockRepaired()
	if err != nil {
		return err
	}
	defer unlock()
	if len(ix.Versions) == 0 {
		return fmt.Errorf("%s: %w: its branches hold avenant commits but it has no version tags (push them with git push --tags)", url, ErrNotStore)
	}
	for _, v := range ix.Versions {
		if err := s.checkPulled(v.Label, plumbing.NewHash(v.Commit)); err != nil {
			return fmt.Errorf("%s: %w", url, err)
		}
	}
	return nil
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
	return err == nil && content == marker
}
