package store

import (
	"slices"

	"github.com/avenant-dev/avenant/clause"
)

// insertion is text a revision inserted, keyed by where it stands in the
// text it revised, so that two revisions of one text that insert the same
// words at the same place have the same key.
type insertion struct {
	at   int // byte offset in the revised text
	text string
}

// insertions lists the insertions that turn prev into next (diffText's
// hunks), each with its offset in next.
func insertions(prev, next string) map[insertion]int {
	out := map[insertion]int{}
	p, n := 0, 0
	for _, h := range diffText(prev, next) {
		switch h.Op {
		case clause.OpEqual:
			p, n = p+len(h.Text), n+len(h.Text)
		case clause.OpDelete:
			p += len(h.Text)
		case clause.OpInsert:
			out[insertion{p, h.Text}] = n
			n += len(h.Text)
		}
	}
	return out
}

// adopted credits the words that version v inserted into clause id (spans
// cut next, the text v made of prev, its parent's) to an earlier version
// off v's line that had inserted the same words at the same place in the
// same text, as that version's own blame credits them: a convention taking
// a union's counter-proposal word for word credits the union, and a
// version putting back what a sibling kept credits whoever wrote it. The
// earliest such version, imported and dated no later than v, wins. line
// holds the commits of v's line.
func (b *blamer) adopted(id string, v *Version, spans []Span, prev, next string, line map[string]bool, depth int) ([]Span, error) {
	vi, ok := b.ix.byCommit[v.Commit]
	if !ok || depth >= 16 {
		return spans, nil
	}
	var ins map[insertion]int // v's, computed once a candidate is found
	for wi := 0; wi < vi && (ins == nil || len(ins) > 0); wi++ {
		w := &b.ix.Versions[wi]
		if line[w.Commit] || w.Date > v.Date && v.Date != "" || !b.ix.names(wi, id) {
			continue
		}
		if ins == nil {
			ins = insertions(prev, next)
		}
		d := b.deltaOf(w, id)
		if d == nil || d.Gone {
			continue
		}
		if err := b.s.readTrees(b.ix, w); err != nil {
			return nil, err
		}
		raw, err := b.s.readDeltaBlob(d)
		if err != nil {
			return nil, err
		}
		var theirs []Span
		found := insertions(prev, string(raw))
		keys := make([]insertion, 0, len(ins))
		for k := range ins {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(x, y insertion) int { return x.at - y.at })
		for _, k := range keys {
			off, ok := found[k]
			if !ok {
				continue
			}
			if theirs == nil {
				if theirs, _, err = b.blame(id, w, depth+1); err != nil {
					return nil, err
				}
			}
			at := ins[k]
			spans = overlay(spans, at, cut(theirs, off, off+len(k.text)))
			delete(ins, k)
		}
	}
	return spans, nil
}

// cut is the part of spans that covers bytes from to to of their text.
func cut(spans []Span, from, to int) []Span {
	var out []Span
	pos := 0
	for _, sp := range spans {
		a, z := pos, pos+len(sp.Text)
		pos = z
		if lo, hi := max(a, from), min(z, to); lo < hi {
			out = append(out, Span{Text: sp.Text[lo-a : hi-a], Version: sp.Version, By: sp.By})
		}
	}
	return out
}

// overlay gives the bytes of spans' text from off on the attributions of
// src, which cuts the same bytes; neighbours with one author are joined.
func overlay(spans []Span, off int, src []Span) []Span {
	n := 0
	for _, sp := range src {
		n += len(sp.Text)
	}
	parts := append(append(cut(spans, 0, off), src...), cut(spans, off+n, len(joinSpans(spans)))...)
	out := parts[:0]
	for _, sp := range parts {
		if k := len(out); k > 0 && out[k-1].Version == sp.Version && out[k-1].By == sp.By {
			out[k-1].Text += sp.Text
			continue
		}
		out = append(out, sp)
	}
	return out
}
