//go:build !linux

package heap

// hugePages lays out nothing: other systems get huge pages by other means.
func hugePages(int) bool { return false }

// onRequest reports false: only Linux's setting is read.
func onRequest(string) bool { return false }

// thpSetting is Linux's; no other system reads it.
const thpSetting = ""
