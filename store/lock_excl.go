//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package store

import (
	"errors"
	"io/fs"
	"os"
)

// locksByFlock is set where fileLock is a flock (see lock_flock.go).
var locksByFlock = false

// fileLock creates path exclusively where flock is missing; errBusy when
// it exists. A lock left by a crash is never broken automatically: the
// error names the file, to be removed once no avenant is running.
func fileLock(path string) (release func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, errBusy
	}
	if err != nil {
		return nil, err
	}
	f.WriteString(holderLine())
	f.Close()
	return func() { os.Remove(path) }, nil
}
