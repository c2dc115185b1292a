package clause

import "strings"

// quoteDepth is the depth of the quotations open after line, depth being
// open before it. « and “ open, » and ” close; a « that opens a line
// inside a quotation is the continuation mark of French typography, which
// repeats it at each quoted paragraph and closes once, at the end. Only a
// quotation set as a block, opening its line, goes on over the lines
// below: one opened within a sentence and left open ("le médecin dit
// « bonjour." — a slip) must not turn the tariff table after it into text.
func quoteDepth(line string, depth int) int {
	if depth == 0 && !strings.HasPrefix(line, "«") && !strings.HasPrefix(line, "“") {
		return 0
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
