//go:build unix

package store

import (
	"errors"
	"syscall"
)

// processGone reports whether no process has the id pid: a signal 0 finds
// none. A process of another user is there (EPERM).
func processGone(pid int) bool {
	return pid > 0 && errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}
