package clause

import "strings"

// quoteDepth is the depth of the quotations open after line, depth being
// open before it. « and “ open, » and ” close; a « that opens a line
// inside a quotation is the continuation mark of French typography, which
// repeats it at each quoted paragraph and closes once, at the end.
func quoteDepth(line string, depth int) int {
	if depth == 0 && !strings.Contains(line, "«") && !strings.Contains(line, "“") {
		return 0 // most lines: a closing mark alone changes nothing
	}
	if depth > 0 {
		line = strings.TrimPrefix(line, "«")
	}
	for _, r := range line {
		switch r {
		case '«', '“':
			depth++
		case '»', '”':
			depth = max(depth-1, 0)
		}
	}
	return depth
}
