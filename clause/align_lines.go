package clause

import "strings"

// lineWords keeps the word hashes of the lines the aligner has read, in
// both documents: the successive versions of a clause share most of their
// paragraphs, and a text that gathers the steps of a bill repeats them
// many times. A line is hashed once, then copied; the words of a text are
// those of its lines one after the other, a line break ending any word.
type lineWords struct {
	at    map[string][]uint64
	words slab[uint64]
}

// minCachedLine is the length under which a line is hashed again rather
// than looked up: looking it up would cost as much.
const minCachedLine = 32

func newLineWords() *lineWords {
	return &lineWords{at: map[string][]uint64{}}
}

// appendWords is wordHashes(buf, s), each line of s hashed only the first
// time it is met.
func (c *lineWords) appendWords(buf []uint64, s string) []uint64 {
	if strings.IndexByte(s, '\n') < 0 {
		// A text of one line met again is, mostly, a clause met again
		// whole, which its identity matched before any hashing.
		return wordHashes(buf, s)
	}
	for len(s) > 0 {
		line := s
		if k := strings.IndexByte(s, '\n'); k >= 0 {
			line, s = s[:k], s[k+1:]
		} else {
			s = ""
		}
		if len(line) < minCachedLine {
			buf = wordHashes(buf, line)
			continue
		}
		if w, ok := c.at[line]; ok {
			buf = append(buf, w...)
			continue
		}
		start := len(buf)
		buf = wordHashes(buf, line)
		w := c.words.take(len(buf) - start)
		copy(w, buf[start:])
		c.at[line] = w
	}
	return buf
}
