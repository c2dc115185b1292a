package store

import "syscall"

// processGone reports whether no process has the id pid, or only one that
// has exited and whose handle someone still holds. Whatever cannot be told
// (a process of another user) is there.
func processGone(pid int) bool {
	const queryLimited = 0x1000 // PROCESS_QUERY_LIMITED_INFORMATION
	const stillActive = 259
	const invalidParameter = syscall.Errno(87) // no such process
	h, err := syscall.OpenProcess(queryLimited, false, uint32(pid))
	if err != nil {
		return err == invalidParameter
	}
	defer syscall.CloseHandle(h)
	var code uint32
	return syscall.GetExitCodeProcess(h, &code) == nil && code != stillActive
}
