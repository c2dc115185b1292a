package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/go-git/go-billy/v5/osfs"
	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	cfgformat "github.com/go-git/go-git/v5/plumbing/format/config"
	"github.com/go-git/go-git/v5/storage/filesystem"

	"github.com/avenant-dev/avenant/internal/sanitize"
)

// marker is the content of the .avenant file committed in every version.
const marker = "avenant store v1\n"

// mainBranch is the branch that follows the latest imported version.
const mainBranch = "main"

// ErrNotStore is returned when no store is found, or a directory is not
// one.
var ErrNotStore = errors.New("not an avenant store")

// errForeign is returned for a git repository that is not an avenant store:
// avenant refuses to write to it.
var errForeign = errors.New("a git repository that is not an avenant store (no avenant.store in .git/config)")

// Store is an opened avenant store.
type Store struct {
	// Dir is the store's top directory (the one holding .git).
	Dir    string
	gitDir string
	repo   *git.Repository
	// Notices receives notices (a repaired branch, a commit kept off main); nil
	// discards them.
	Notices io.Writer
	// Progress, when set, hears how far a long task has gone (the first
	// read of a store an older avenant wrote: rederiveAll): done of total,
	// from 0 to total, which ends it.
	Progress func(task string, done, total int)

	idx    *index
	locked bool
	// cacheTold is set once a cache that could not be saved was told of.
	cacheTold bool
	// batch, during an import, holds the objects it writes (beginBatch).
	batch *objectBatch
	packs packReader
}

// dirError names the directory the user gave before what went wrong with
// it, printable as given (quoted when it holds escapes, which the one-line
// message would otherwise drop, naming another directory). An OS error's
// own copy of the path is left out: it would say the name twice.
func dirError(dir string, err error) error {
	return fmt.Errorf("%s: %w", sanitize.Name(dir), sanitize.PathReason(err))
}

// Init creates a store in dir (created if needed). It refuses a directory
// that already holds a git repository, foreign or not.
func Init(dir string) (*Store, error) {
	if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
		if isStore(filepath.Join(dir, ".git")) {
			return nil, fmt.Errorf("%s: already an avenant store", sanitize.Name(dir))
		}
		return nil, dirError(dir, errForeign)
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, dirError(dir, err)
	}
	// The repository is made and marked aside, then moved into place: an
	// init killed between the two left an unmarked .git, which the next
	// init refused as a foreign repository.
	leftovers, _ := filepath.Glob(filepath.Join(dir, initPrefix+"*"))
	for _, l := range leftovers {
		os.RemoveAll(l)
	}
	tmp, err := os.MkdirTemp(dir, initPrefix)
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	repo, err := git.PlainInitWithOptions(tmp, &git.PlainInitOptions{
		InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName(mainBranch)},
	})
	if err != nil {
		return nil, dirError(dir, err)
	}
	if err := markStore(repo); err != nil {
		return nil, err
	}
	if err := os.Rename(filepath.Join(tmp, ".git"), filepath.Join(dir, ".git")); err != nil {
		return nil, dirError(dir, err)
	}
	return Open(dir)
}

// initPrefix names the directory in which Init makes a store's repository
// before moving it into place; one left by a killed init is removed by
// the next.
const initPrefix = ".avenant-init-"

// markStore records in the repository's config that it is an avenant
// store, which Discover looks for.
func markStore(repo *git.Repository) error {
	cfg, err := repo.Config()
	if err != nil {
		return err
	}
	cfg.Raw.Section("avenant").SetOption("store", "1")
	makeBare(cfg)
	// The store never uses its index: say so to git gc and friends.
	cfg.Raw.Section("gc").SetOption("auto", "0")
	return repo.SetConfig(cfg)
}

// adopt marks as a store a repository made by plain git clone of one: its
// config lacks the mark, but its HEAD holds a version, with the marker
// file every version's tree carries.
func adopt(dir string) bool {
	repo, err := git.PlainOpen(dir)
	if err != nil {
		return false
	}
	head, err := repo.Head()
	if err != nil {
		return false
	}
	c, err := repo.CommitObject(head.Hash())
	if err != nil {
		return false
	}
	if _, err := c.File(".avenant"); err != nil {
		return false
	}
	if _, ok := versionOf(c); !ok {
		return false
	}
	return markStore(repo) == nil
}

// Open opens the store whose top directory is dir.
func Open(dir string) (*Store, error) { return open(dir, nil) }

// open is Open, given the store's config when the caller has read it
// already: parsing it was a fair part of what opening a store cost.
func open(dir string, cfg *config.Config) (*Store, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	gitDir := filepath.Join(abs, ".git")
	if fi, err := os.Stat(gitDir); err != nil || !fi.IsDir() {
		top, err := os.Stat(abs)
		if err != nil {
			return nil, dirError(dir, err)
		}
		if !top.IsDir() {
			return nil, fmt.Errorf("%s: %w: a file, not a directory", sanitize.Name(dir), ErrNotStore)
		}
		return nil, fmt.Errorf("%s: %w (no .git directory; run avenant init)", sanitize.Name(dir), ErrNotStore)
	}
	if cfg == nil {
		cfg = storeConfig(gitDir)
	}
	if !marked(cfg) {
		if !adopt(abs) {
			return nil, dirError(dir, errForeign)
		}
		cfg = nil // adopt rewrote it
	}
	// A store made before stores were bare, on a medium that cannot be
	// written, is read as it is: no avenant command can write to it either.
	if err := ensureBare(gitDir, cfg); err != nil && !cannotWrite(err) {
		return nil, dirError(dir, err)
	}
	repo, err := openRepo(abs)
	if err != nil {
		return nil, dirError(dir, err)
	}
	return &Store{Dir: abs, gitDir: gitDir, repo: repo}, nil
}

// openRepo opens the repository at dir (which holds .git) like
// git.PlainOpen, but keeps each pack file open once read: go-git otherwise
// opens and closes the pack for every object, which cost blame and the
// index rebuild more than reading the objects did. The descriptors live as
// long as the repository; closeRepo releases them.
func openRepo(dir string) (*git.Repository, error) {
	dot := osfs.New(filepath.Join(dir, git.GitDirName))
	if _, err := dot.Stat(""); err != nil {
		return nil, err
	}
	// An object past maxObjectBytes is left unread (LargeObjectThreshold),
	// so that typedObject refuses it by its size before inflating it.
	st := filesystem.NewStorageWithOptions(dot, cache.NewObjectLRUDefault(), filesystem.Options{KeepDescriptors: true, LargeObjectThreshold: int64(maxObjectBytes)})
	return git.Open(st, osfs.New(dir))
}

// closeRepo releases the pack files repo keeps open.
func closeRepo(repo *git.Repository) error {
	if c, ok := repo.Storer.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

// Discover opens the nearest store enclosing start: start itself or one of
// its parents, like git. Foreign repositories on the way are skipped.
func Discover(start string) (*Store, error) {
	abs, err := filepath.Abs(start)
	if err != nil {
		return nil, err
	}
	for d := abs; ; {
		if cfg := storeConfig(filepath.Join(d, ".git")); marked(cfg) {
			return open(d, cfg)
		}
		if fi, err := os.Stat(filepath.Join(d, ".git")); err == nil && fi.IsDir() && adopt(d) {
			return Open(d)
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	return nil, fmt.Errorf("%w in %s or its parents (run avenant init, or pass --store DIR)", ErrNotStore, sanitize.Name(start))
}

// isStore reports whether gitDir's config marks it as an avenant store.
// It reads the file directly: discovery must be cheap and must not fail
// on a repository go-git cannot open.
func isStore(gitDir string) bool { return marked(storeConfig(gitDir)) }

// storeConfig reads gitDir's config; nil when it cannot.
func storeConfig(gitDir string) *config.Config {
	b, err := os.ReadFile(filepath.Join(gitDir, "config"))
	if err != nil {
		return nil
	}
	cfg := config.NewConfig()
	if err := cfg.Unmarshal(b); err != nil {
		return nil
	}
	return cfg
}

// marked reports whether a config marks its repository as a store.
func marked(cfg *config.Config) bool {
	return cfg != nil && strings.TrimSpace(cfg.Raw.Section("avenant").Option("store")) == "1"
}

func (s *Store) logf(format string, args ...any) {
	if s.Notices != nil {
		fmt.Fprintf(s.Notices, "avenant: "+format+"\n", args...)
	}
}

// cacheNotSaved tells of a cache (the index, a manifest) that could not be
// saved beside the store, which only costs rebuilding it next time. A store
// that cannot be written (read-only, another user's, on a read-only
// medium) is read all the same, without a word: every read command would
// otherwise say so, several times. Any other failure is told once.
func (s *Store) cacheNotSaved(what string, err error) {
	if s.cacheTold || cannotWrite(err) {
		return
	}
	s.cacheTold = true
	s.logf("cannot save %s: %v", what, err)
}

// cannotWrite reports an error that says the store cannot be written at
// all, by this user or on this medium.
func cannotWrite(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}

// ensureBare marks a store made before stores were bare (core.bare =
// true beside its objects): git status then refuses to run rather than
// list every clause as deleted, and a stray git commit cannot commit the
// deletion of everything on main. The config is replaced in one rename, so
// that a concurrent reader never sees half of it. cfg is the config as
// already read, nil to read it.
func ensureBare(gitDir string, cfg *config.Config) error {
	path := filepath.Join(gitDir, "config")
	if cfg == nil {
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		cfg = config.NewConfig()
		if err := cfg.Unmarshal(b); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	if !makeBare(cfg) {
		return nil
	}
	out, err := cfg.Marshal()
	if err != nil {
		return err
	}
	return writeFileAtomic(path, gitDir, out)
}

// makeBare sets core.bare, and the repository format version without
// which git ignores it; it reports whether anything changed.
func makeBare(cfg *config.Config) bool {
	// go-git reads only version 1 into Core: version 0 stays in Raw.
	if cfg.Core.IsBare && (cfg.Core.RepositoryFormatVersion != "" || cfg.Raw.Section("core").HasOption("repositoryformatversion")) {
		return false
	}
	cfg.Core.IsBare = true
	if cfg.Core.RepositoryFormatVersion == "" {
		cfg.Core.RepositoryFormatVersion = cfgformat.Version_0
	}
	return true
}
