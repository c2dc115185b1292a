package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// lockWait is how long a command waits for another import, push or pull to
// release the store before giving up with errLocked.
var lockWait = 30 * time.Second

// errLocked is returned when another process holds the store's lock for
// longer than lockWait.
var errLocked = errors.New("store is locked by another import, push or pull")

func (s *Store) lockPath() string { return filepath.Join(s.gitDir, "avenant.lock") }

// lock takes the store's write lock, waiting up to lockWait, and returns
// the function that releases it.
//
// The lock is an exclusive flock(2) on .git/avenant.lock, held on an open
// file for the whole operation (fileLock; create-exclusive where flock is
// missing). The kernel drops it when its process ends, however it ends, so
// no lock is ever stale and none is ever broken by hand: a lock file left
// by a crash, or by an older avenant, is simply locked again. The file is
// never removed: removing it would let a waiting process lock the removed
// file while a newcomer locks a fresh one under the same name.
func (s *Store) lock() (func(), error) {
	deadline := time.Now().Add(lockWait)
	wait := 5 * time.Millisecond
	for {
		release, err := fileLock(s.lockPath())
		if err == nil {
			s.locked = true
			return func() { s.locked = false; release() }, nil
		}
		if cannotWrite(err) {
			return nil, fmt.Errorf("%s: the store cannot be written: %w", s.Dir, err)
		}
		if !errors.Is(err, errBusy) {
			return nil, fmt.Errorf("%s: %w", s.lockPath(), err)
		}
		if time.Now().After(deadline) {
			holder := ""
			if b, err := os.ReadFile(s.lockPath()); err == nil && len(strings.TrimSpace(string(b))) > 0 {
				holder = " (held by " + strings.TrimSpace(string(b)) + ")"
			}
			return nil, fmt.Errorf("%s: %w%s; waited %s", s.lockPath(), errLocked, holder, lockWait)
		}
		time.Sleep(wait)
		if wait < 200*time.Millisecond {
			wait *= 2
		}
	}
}

// errBusy is fileLock's answer when another process holds the lock.
var errBusy = errors.New("busy")

// holderLine says who holds the lock, written into the lock file for the
// message of a process that gives up waiting.
func holderLine() string {
	return fmt.Sprintf("pid %d since %s\n", os.Getpid(), time.Now().UTC().Format(time.RFC3339))
}
