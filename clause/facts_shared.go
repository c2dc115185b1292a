package clause

import (
	"sort"
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
	t.words, t.classes, t.held = ws, classes, 0
	for _, c := range classes {
		t.held |= c
	}
}

// release gives the words of t and their classes back to their pools.
func (t *factTextKind) release() {
	factWords.put(t.words)
	wordClassPool.put(t.classes)
	t.words, t.classes = nil, nil
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
