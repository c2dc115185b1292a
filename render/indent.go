package render

import (
	"bytes"
	"io"
)

// indentChunk is how much indented JSON writeIndented holds before it
// writes it out: a diff's document runs to megabytes, which it never holds
// whole a second time.
const indentChunk = 64 << 10

// writeIndented writes to w the compact JSON src indented as json.Indent
// indents it with no prefix and two spaces: a line for each member and
// element, ": " after a key, empty objects and arrays left as {} and [],
// what follows the value (the encoder's newline) copied. encoding/json's
// Indent runs its full validating scanner over every byte, three times
// the cost of marshalling a diff; src here is the encoder's own output,
// valid and without a blank outside strings, so brackets, commas, colons
// and quotes are all there is to follow.
func writeIndented(w io.Writer, src []byte) error {
	dst := make([]byte, 0, min(len(src)+len(src)/2, 2*indentChunk))
	depth := 0
	opened := false // a { or [ was just written: its line break waits
	newline := func() {
		dst = append(dst, '\n')
		for range depth {
			dst = append(dst, ' ', ' ')
		}
	}
	for i := 0; i < len(src); i++ {
		if len(dst) >= indentChunk {
			if _, err := w.Write(dst); err != nil {
				return err
			}
			dst = dst[:0]
		}
		c := src[i]
		if opened && c != '}' && c != ']' {
			opened = false
			depth++
			newline()
		}
		switch c {
		case '"':
			j := stringEnd(src, i)
			dst = append(dst, src[i:j]...)
			i = j - 1
		case '{', '[':
			dst = append(dst, c)
			opened = true
		case '}', ']':
			if opened {
				opened = false
			} else {
				depth--
				newline()
			}
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, c, ' ')
		default:
			dst = append(dst, c)
		}
	}
	_, err := w.Write(dst)
	return err
}

// stringEnd returns the index just past the JSON string that opens at
// src[i], its escaped quotes skipped. A diff's document is mostly the text
// of its hunks: the closing quote is searched for with bytes.IndexByte,
// many bytes at a time, and a quote preceded by an odd run of backslashes
// is escaped.
func stringEnd(src []byte, i int) int {
	for j := i + 1; ; {
		k := bytes.IndexByte(src[j:], '"')
		if k < 0 {
			return len(src)
		}
		j += k
		slashes := 0
		for slashes < j-i-1 && src[j-1-slashes] == '\\' {
			slashes++
		}
		if slashes%2 == 0 {
			return j + 1
		}
		j++
	}
}
