package heap

import (
	"bytes"
	"os"
	"runtime"
	"runtime/debug"
	"syscall"
	"unsafe"
)

// madvHugePage is Linux's MADV_HUGEPAGE, which package syscall lacks.
const madvHugePage = 14

// thpSetting is where Linux says when anonymous memory gets huge pages.
const thpSetting = "/sys/kernel/mm/transparent_hugepage/enabled"

// hugePages lays out n bytes of heap on huge pages and reports whether it
// took the collection that needs (the pace is then the caller's to set). It maps them at once as one object (the heap otherwise grows a few
// megabytes at a time, each new mapping without the advice), asks the
// kernel to back them with huge pages, and frees them: the allocator hands
// out its lowest free addresses first, so what the command allocates next
// lands there. Only where huge pages are given on request ("madvise", as
// Debian and Ubuntu ship Linux): with "always" the heap has them already,
// with "never" the collection would be paid for nothing.
func hugePages(n int) bool {
	if !onRequest(thpSetting) {
		return false
	}
	// The object must not start a collection of its own while held.
	armed.Add(1)
	debug.SetGCPercent(-1)
	ballast := make([]byte, n)
	// Fresh from the system, the object was never touched: the advice
	// is all it costs until the command's allocations touch its pages.
	// An error (huge pages off in this kernel) only means 4 KB pages.
	syscall.Syscall(syscall.SYS_MADVISE, uintptr(unsafe.Pointer(unsafe.SliceData(ballast))), uintptr(n), madvHugePage)
	runtime.KeepAlive(ballast)
	ballast = nil
	runtime.GC()
	return true
}

// onRequest reports whether the setting file says huge pages are given
// on request: "always [madvise] never".
func onRequest(setting string) bool {
	b, err := os.ReadFile(setting)
	return err == nil && bytes.Contains(b, []byte("[madvise]"))
}
