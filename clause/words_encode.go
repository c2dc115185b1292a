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

// push appends the token that ends at end, of weight w, encoded r.
func (t *tokenSide) push(end, w int, r rune) {
	t.off = append(t.off, end)
	t.w = append(t.w, t.w[len(t.w)-1]+w)
	t.r = append(t.r, r)
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
// The stand-ins are the same text on both sides, weighed once.
func (d *differ) encodeWindow(t *tokenSide, from, to int) {
	n := (to-from)/4 + 3
	t.off = slices.Grow(t.off, n)
	t.w = slices.Grow(t.w, n)
	t.r = slices.Grow(t.r, n)
	if from > 0 {
		s := t.text[:from]
		t.push(from, d.standInWeight(t, s, 0), d.encode(s))
	}
	d.encodeLines(t, from, to)
	if to < len(t.text) {
		s := t.text[to:]
		t.push(len(t.text), d.standInWeight(t, s, len(d.a.r)-1), d.encode(s))
	}
}

// standInWeight is the weight of stand-in s of side t, token k of the old
// side: the old side's weight when t is the new side.
func (d *differ) standInWeight(t *tokenSide, s string, k int) int {
	if t == &d.a {
		return tokenWeight(s)
	}
	return d.a.w[k+1] - d.a.w[k]
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
				q := tokenEnd(line, p)
				tok := line[p:q]
				t.push(i+q, tokenWeight(tok), d.encode(tok))
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
	for k := ref.k; k < ref.k+ref.n; k++ {
		t.push(src.off[k+1]+shift, src.w[k+1]-src.w[k], src.r[k])
	}
}

// encode is the rune of token s, a new one when s was not seen before.
func (d *differ) encode(s string) rune {
	// Spaces and punctuation marks, about half the tokens, are one ASCII
	// byte: a table is cheaper than hashing them.
	if len(s) == 1 && s[0] < utf8.RuneSelf {
		r := d.byteIDs[s[0]]
		if r == 0 {
			r = d.fresh()
			d.byteIDs[s[0]] = r
		}
		return r
	}
	r, ok := d.ids[s]
	if !ok {
		r = d.fresh()
		d.ids[s] = r
	}
	return r
}

func (d *differ) fresh() rune {
	if d.next < tokenRuneLimit {
		d.next++
		return d.next - 1
	}
	d.shared = true
	return tokenRuneLimit
}
