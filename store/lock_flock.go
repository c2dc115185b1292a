//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package store

import (
	"errors"
	"os"
	"syscall"
)

// locksByFlock is set where fileLock is a flock, which the system drops
// when its holder dies: a lock free is no process's.
var locksByFlock = true

// fileLock takes an exclusive flock on path without blocking; errBusy
// when another open file holds it. flock belongs to the open file, not the
// process: two Stores of one process exclude each other too.
func fileLock(path string) (release func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errBusy
		}
		return nil, err
	}
	// Who holds it, for the message of whoever gives up waiting; a
	// failure here costs only that message.
	if f.Truncate(0) == nil {
		f.WriteAt([]byte(holderLine()), 0)
	}
	return func() {
		f.Truncate(0)
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
