package render

import "bytes"

// indentJSON appends to dst the compact JSON src indented as json.Indent
// indents it with no prefix and two spaces: a line for each member and
// element, ": " after a key, empty objects and arrays left as {} and [],
// what follows the value (the encoder's newline) copied. encoding/json's
// Indent runs its full validating scanner over every byte, three times
// the cost of marshalling a diff; src here is the encoder's own output,
// valid and without a blank outside strings, so brackets, commas, colons
// and quotes are all there is to follow.
func indentJSON(dst, src []byte) []byte {
	depth := 0
	opened := false // a { or [ was just written: its line break waits
	newline := func() {
		dst = append(dst, '\n')
		for range depth {
			dst = append(dst, ' ', ' ')
		}
	}
	for i := 0; i < len(src); i++ {
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
	return dst
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
