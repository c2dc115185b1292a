package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Clean strips terminal escape sequences and control characters (but tab
// and newline) from text taken from a document, so that a hostile or
// corrupt file cannot move the cursor, retitle the terminal or hide text.
func Clean(s string) string {
	if !needsClean(s) {
		return s
	}
	s = ansi.Strip(s)
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return -1
		}
		return r
	}, s)
}

func needsClean(s string) bool {
	for _, r := range s {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return true
		}
	}
	return false
}
