package clause

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// tokenSide is one text of a word diff cut into tokens and encoded: token
// k is text[off[k]:off[k+1]], weighs w[k+1]-w[k] and is the rune r[k].
// Tokens are kept as offsets, not strings: slices without pointers cost
// the garbage collector nothing, and equal tokens compare as runes.
type tokenSide struct {
	text string
	off  []int
	w    []int
	r    []rune
}

func (t *tokenSide) reset(text string) {
	t.text = text
	t.off = append(t.off[:0], 0)
	t.w = append(t.w[:0], 0)
	t.r = t.r[:0]
}

// emptied is t without its text, its buffers kept for reuse.
func (t *tokenSide) emptied() tokenSide {
	return tokenSide{off: t.off[:0], w: t.w[:0], r: t.r[:0]}
}

func (t *tokenSide) tok(k int) string { return t.text[t.off[k]:t.off[k+1]] }

// span is the text of tokens i to j.
func (t *tokenSide) span(i, j int) string { return t.text[t.off[i]:t.off[j]] }

// push appends the token that ends at end, encoded as c.
func (t *tokenSide) push(end int, c tokenCode) {
	t.off = append(t.off, end)
	t.w = append(t.w, t.w[len(t.w)-1]+int(c.w))
	t.r = append(t.r, c.r)
}

// tokenCode is what the diff knows of a token: its rune and its weight.
type tokenCode struct {
	r rune
	w int32
}

// tokenWeight is what a token counts for in the cleanup: a run of white
// space 1, anything else its number of runes.
func tokenWeight(t string) int {
	if len(t) == 1 || isSpaceTok(t) {
		return 1
	}
	return utf8.RuneCountInString(t)
}

// lineRef is where the tokens of a line were first encoded: tokens k to
// k+n of the new text when onNew, else of the old.
type lineRef struct {
	onNew bool
	k, n  int
}

// encodeWindow encodes the tokens of side t's text from byte from to byte
// to, two cuts after a run of white space holding a line break (or the
// ends of the text), with what lies before and after as one token each.
func (d *differ) encodeWindow(t *tokenSide, from, to int) {
	n := (to-from)/4 + 3
	t.off = slices.Grow(t.off, n)
	t.w = slices.Grow(t.w, n)
	t.r = slices.Grow(t.r, n)
	if from > 0 {
		s := t.text[:from]
		if t == &d.a {
			d.head = d.standIn(s, strings.TrimLeftFunc(s, isSpaceRune) == "")
		}
		t.push(from, d.head)
	}
	d.encodeLines(t, from, to)
	if to < len(t.text) {
		s := t.text[to:]
		switch {
		case t != &d.a:
		case from > 0 && s == t.text[:from]:
			d.tail = d.head // a text that repeats itself
		default:
			d.tail = d.standIn(s, strings.IndexByte(s, '\n') < 0)
		}
		t.push(len(t.text), d.tail)
	}
}

// standIn is the code of a stand-in, the same text on both sides, so
// coded once. It holds a line break in white space, which only a token of
// white space does: unless it may be a token (mayBe), it is none of the
// window's and gets a rune of its own, not hashed (the caller sees whether
// head and tail are the same). Its weight does not
// count, for it stands in the first or last equality of the diff, which
// the cleanup never weighs; 1 spares counting the runes of most of a
// clause.
func (d *differ) standIn(s string, mayBe bool) tokenCode {
	if mayBe {
		return d.encode(s)
	}
	return tokenCode{d.fresh(), 1}
}

// encodeLines encodes the tokens of t.text[from:to] line by line, a line
// ending just after a run of white space that holds a line break. Such a
// run always ends a token, and no token reads past it, so the tokens of a
// line are those it has within the whole text: a line met before, on
// either side, is copied rather than cut again. Two versions of a clause
// share most of their lines, so the new side costs little more than
// lookups.
func (d *differ) encodeLines(t *tokenSide, from, to int) {
	s := t.text[:to]
	for i := from; i < to; {
		j := to
		if nl := strings.IndexByte(s[i:], '\n'); nl >= 0 {
			j = skipSpaces(s, i+nl+1)
		}
		line := s[i:j]
		if ref, ok := d.lines[line]; ok {
			d.copyLine(t, ref, i)
		} else {
			k := len(t.r)
			for p := 0; p < len(line); {
				if q, ok := byteToken(line, p); ok {
					t.push(i+q, d.byteCode(line[p]))
					p = q
					continue
				}
				q := tokenEnd(line, p)
				t.push(i+q, d.encode(line[p:q]))
				p = q
			}
			d.lines[line] = lineRef{t == &d.b, k, len(t.r) - k}
		}
		i = j
	}
}

// copyLine appends to t the tokens of the line ref, placed at byte at.
func (d *differ) copyLine(t *tokenSide, ref lineRef, at int) {
	src := &d.a
	if ref.onNew {
		src = &d.b
	}
	shift := at - src.off[ref.k]
	base := t.w[len(t.w)-1] - src.w[ref.k]
	for k := ref.k + 1; k <= ref.k+ref.n; k++ {
		t.off = append(t.off, src.off[k]+shift)
		t.w = append(t.w, src.w[k]+base)
	}
	t.r = append(t.r, src.r[ref.k:ref.k+ref.n]...)
}

// byteToken reports whether the token of s at p is the one ASCII byte
// there, and where it ends: a mark that is neither a letter nor a digit,
// or a space that no other space follows. Such tokens, about half of
// them, are told without tokenEnd's reading of the rune.
func byteToken(s string, p int) (int, bool) {
	c := s[p]
	if c >= utf8.RuneSelf || wordByte[c] != 0 {
		return 0, false
	}
	if isSpaceByte(c) && p+1 < len(s) && (s[p+1] >= utf8.RuneSelf || isSpaceByte(s[p+1])) {
		return 0, false
	}
	return p + 1, true
}

// byteCode is the code of the one-byte ASCII token c: spaces and
// punctuation marks, about half the tokens, are coded by a table, which
// is cheaper than hashing them.
func (d *differ) byteCode(c byte) tokenCode {
	r := d.byteIDs[c]
	if r == 0 {
		r = d.fresh()
		d.byteIDs[c] = r
	}
	return tokenCode{r, 1}
}

// encode is the code of token s, with a new rune when s was not seen
// before.
func (d *differ) encode(s string) tokenCode {
	if len(s) == 1 && s[0] < utf8.RuneSelf {
		return d.byteCode(s[0])
	}
	c, ok := d.ids[s]
	if !ok {
		c = tokenCode{d.fresh(), int32(tokenWeight(s))}
		d.ids[s] = c
	}
	return c
}

func (d *differ) fresh() rune {
	if d.next < tokenRuneLimit {
		d.next++
		return d.next - 1
	}
	d.shared = true
	return tokenRuneLimit
}
