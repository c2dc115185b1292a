package clause

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The old and new texts whose facts are compared are most often the same
// text but for a few words: what is read of a text from its start or its
// end alone is read in the old text and taken over in the new one where
// the two are the same bytes.

// cut cuts the words of t and classes them.
func (t *factTextKind) cut() {
	t.words = appendFactWords(factWords.get(), t.s)
	t.classify()
}

// cutLike cuts the words of t as cut does, taking over those of u, whose
// words are cut, where the texts are the same. A word is cut from the
// bytes between the end of the word before it and the rune after its own
// end (see wordCutter.next): the words of u that end, rune after them
// included, before the first byte that differs are those of t; and once
// a word of t ends where one of u ends, in the bytes the texts share at
// their end, the words after it are those of u, moved.
func (t *factTextKind) cutLike(u *factTextKind) {
	s, us, uw := t.s, u.s, u.words
	prefix := commonPrefixLen(us, s)
	suffix := commonSuffixLen(us[prefix:], s[prefix:])
	shift := len(s) - len(us)
	ws := factWords.get()
	classes := wordClassPool.get()
	kept := sort.Search(len(uw), func(i int) bool { return uw[i].end+utf8.UTFMax > prefix })
	ws = append(ws, uw[:kept]...)
	classes = append(classes, u.classes[:kept]...)
	i := 0
	if kept > 0 {
		i = uw[kept-1].end
	}
	wc := factWordClasses()
	c := wordCutter{s: s}
	j := kept // the first word of u that may end where a word of t does
	for w, ok := c.next(i); ok; w, ok = c.next(w.end) {
		ws = append(ws, w)
		classes = append(classes, wc.class(w.low))
		if w.end < len(s)-suffix {
			continue
		}
		for j < len(uw) && uw[j].end < w.end-shift {
			j++
		}
		if j < len(uw) && uw[j].end == w.end-shift {
			for _, w := range uw[j+1:] {
				w.start, w.end = w.start+shift, w.end+shift
				ws = append(ws, w)
			}
			classes = append(classes, u.classes[j+1:]...)
			break
		}
	}
	t.words, t.classes, t.held, t.like = ws, classes, 0, u
	for _, c := range classes {
		t.held |= c
	}
}

// release gives the words of t and their classes back to their pools.
func (t *factTextKind) release() {
	factWords.put(t.words)
	wordClassPool.put(t.classes)
	t.words, t.classes, t.like = nil, nil, nil
}

// factsOfBoth reads the facts of two pieces, the new one most often the
// old one a little changed.
func factsOfBoth(old, new *factTextKind, subject string) (olds, news []factAt) {
	old.cut()
	new.cutLike(old)
	defer old.release()
	defer new.release()
	return old.extract(subject), new.extract(subject)
}

// sentenceBoundsLike is sentenceBounds(s) given those of us, ub, a text
// that shares its start and its end with s. Sentence bounds are read
// paragraph by paragraph: at a paragraph break (see paragraphStarts),
// the scans of sentenceBounds and frtext.SentenceStarts start afresh,
// and none reads across it (a list entry's marker, the blanks after a
// full stop, stop at a line's end). The bounds of the paragraphs the two
// texts share whole, before the first difference and after the last, are
// those of us; those of the paragraphs between are read.
func sentenceBoundsLike(s, us string, ub []int) []int {
	prefix := commonPrefixLen(us, s)
	suffix := commonSuffixLen(us[prefix:], s[prefix:])
	shift := len(s) - len(us)
	from := 0
	if k := strings.LastIndex(s[:prefix], "\n\n"); k >= 0 && paragraphStarts(s, k+2) && paragraphStarts(us, k+2) {
		from = k + 2
	}
	to := len(s)
	if k := strings.Index(s[len(s)-suffix:], "\n\n"); k >= 0 {
		if p := len(s) - suffix + k + 2; paragraphStarts(s, p) && paragraphStarts(us, p-shift) {
			to = p
		}
	}
	head := sort.SearchInts(ub, from)
	out := make([]int, 0, len(ub)+8)
	out = append(out, ub[:head]...)
	for _, b := range sentenceBounds(s[from:to]) {
		out = append(out, from+b)
	}
	if to < len(s) {
		out = out[:sort.SearchInts(out, to)]
		for _, b := range ub[sort.SearchInts(ub, to-shift):] {
			out = append(out, b+shift)
		}
	}
	return slices.Clip(out)
}

// paragraphStarts reports whether a paragraph of s starts at p after a
// break that sentenceBounds reads as one: two line ends, neither a third
// before them nor a blank after them, as a normalised text has them.
func paragraphStarts(s string, p int) bool {
	if p < 2 || p >= len(s) || s[p-2:p] != "\n\n" || p >= 3 && s[p-3] == '\n' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[p:])
	return !unicode.IsSpace(r)
}
