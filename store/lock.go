package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// StaleLock is how old a lock may get before another import breaks it.
const StaleLock = 10 * time.Minute

// ErrLocked is returned when another live process holds the store's lock.
var ErrLocked = errors.New("store is locked by another import")

func (s *Store) lockPath() string { return filepath.Join(s.gitDir, "avenant.lock") }

// lock takes the store's write lock: .git/avenant.lock created with
// O_EXCL, holding the owner's pid and start time. A lock whose process is
// dead, or older than StaleLock, is broken with a notice. The returned
// function releases it.
func (s *Store) lock() (func(), error) {
	for attempt := 0; ; attempt++ {
		err := s.createLock()
		if err == nil {
			s.locked = true
			return func() { s.locked = false; os.Remove(s.lockPath()) }, nil
		}
		if !errors.Is(err, fs.ErrExist) || attempt > 0 {
			return nil, fmt.Errorf("%s: %w", s.lockPath(), err)
		}
		pid, since, stale := s.lockState()
		if !stale {
			return nil, fmt.Errorf("%s: %w (pid %d, since %s); remove the file if no import is running",
				s.lockPath(), ErrLocked, pid, since.Format(time.RFC3339))
		}
		s.logf("breaking stale lock %s (pid %d, since %s)", s.lockPath(), pid, since.Format(time.RFC3339))
		if err := os.Remove(s.lockPath()); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
}

// createLock creates the lock file with its content in one step, so that
// no one ever sees an empty lock: the content goes to a temporary file
// hard-linked to the lock's name, which fails if the lock exists (the
// O_EXCL of a link). Without hard links, it falls back on O_EXCL.
func (s *Store) createLock() error {
	content := fmt.Sprintf("%d %s\n", os.Getpid(), time.Now().UTC().Format(time.RFC3339))
	tmp, err := os.CreateTemp(s.gitDir, ".tmp-avenant.lock-")
	if err == nil {
		_, werr := tmp.WriteString(content)
		tmp.Close()
		defer os.Remove(tmp.Name())
		if werr == nil {
			lerr := os.Link(tmp.Name(), s.lockPath())
			if lerr == nil || errors.Is(lerr, fs.ErrExist) {
				return lerr
			}
		}
	}
	f, err := os.OpenFile(s.lockPath(), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = f.WriteString(content)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// lockState reads the lock's owner and tells whether it may be broken.
func (s *Store) lockState() (pid int, since time.Time, stale bool) {
	fi, err := os.Stat(s.lockPath())
	if err != nil {
		return 0, time.Time{}, true
	}
	since = fi.ModTime()
	b, _ := os.ReadFile(s.lockPath())
	fields := strings.Fields(string(b))
	if len(fields) > 0 {
		pid, _ = strconv.Atoi(fields[0])
	}
	if time.Since(since) > StaleLock {
		return pid, since, true
	}
	if pid <= 0 {
		// Written without hard links and interrupted, or garbage: only
		// age breaks it, as it may be being written right now.
		return pid, since, time.Since(since) > 10*time.Second
	}
	return pid, since, !processAlive(pid)
}

func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
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

// repairRefs moves the party branches and main forward to the latest
// versions the index knows, should an import have died between its tag
// (the commit point) and its branch updates. Branches pointing elsewhere
// than an older version are left alone: someone moved them on purpose.
func (s *Store) repairRefs(ix *Index) error {
	if len(ix.Versions) == 0 {
		return nil
	}
	want := map[plumbing.ReferenceName]int{}
	for i, v := range ix.Versions {
		want[s.partyBranch(ix, v.Party)] = i
		want[plumbing.NewBranchReferenceName(MainBranch)] = i
	}
	for name, i := range want {
		v := ix.Versions[i]
		ref, err := s.repo.Reference(name, false)
		if err == nil {
			if ref.Hash().String() == v.Commit {
				continue
			}
			if j, ok := ix.byCommit[ref.Hash().String()]; !ok || j > i {
				continue
			}
		}
		if err := s.setRef(name, plumbing.NewHash(v.Commit)); err != nil {
			return err
		}
		s.logf("moved %s to %s (%s), left behind by an interrupted import", name.Short(), v.Label, v.Commit[:7])
	}
	return nil
}

var timeZero time.Time
